"""Generated category pages are named in their page's language, and a folder is named as its writer spelt it."""
from __future__ import annotations

from .conftest import MKDOCS_YML, SUPPORT_YML, Project, soup


def test_the_category_of_articles_without_one_is_named_in_each_language(tmp_path):
    project = Project(tmp_path / "help")
    project.write("mkdocs.yml", MKDOCS_YML.replace("  - helpgen\n", "  - helpgen:\n      languages: [en, da, zh, zh-TW]\n"))
    project.write("support.yml", SUPPORT_YML)
    for code, title in (("en", "Opening hours"), ("da", "Åbningstider"), ("zh", "营业时间"), ("zh-TW", "營業時間")):
        project.article(f"{code}/hours.md", title)
    site = project.build().site_dir
    names = {code: soup(site / f"{prefix}general/index.html").select_one("article h1").get_text()
             for code, prefix in (("en", ""), ("da", "da/"), ("zh", "zh/"), ("zh-TW", "zh-TW/"))}
    assert names == {"en": "General", "da": "Generelt", "zh": "常规", "zh-TW": "一般"}


def test_a_folder_with_capitals_and_spaces_is_one_category_named_as_written(tmp_path):
    project = Project(tmp_path / "help")
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("support.yml", SUPPORT_YML)
    project.article("Store Support/Orders and Shipping/Track your order.md", "Track your order")
    project.article("Store Support/Return an item.md", "Return an item")
    site = project.build().site_dir
    category = soup(site / "store-support/index.html")
    assert category.select_one("article h1").get_text() == "Store Support"
    assert [h.get_text(strip=True) for h in category.select("section.hg-section h2")] == ["Orders and Shipping"]
    assert (site / "store-support/orders-and-shipping/track-your-order/index.html").is_file()
