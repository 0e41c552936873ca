"""Heading ids keep every language's letters, as GitHub, Obsidian and Docusaurus spell them, and the ASCII ids
Python-Markdown's default gave (which sites built before published) still answer."""
from __future__ import annotations

from helpgen.checks import check_project

from .conftest import soup


def test_danish_and_chinese_headings_get_their_own_letters_and_keep_the_old_ids(project):
    project.article("orders/faq.md", "FAQ", "## Ofte stillede spørgsmål\n\nSvar.\n\n## 常见问题\n\n答案。\n\n"
                    "## Levering\n\nKort.\n\n## 常见问题\n\n再一次。\n")
    project.build()
    page = soup(project.root / "site/orders/faq/index.html")
    headings = {h.get_text(strip=True).rstrip("¶"): h for h in page.select("article h2")}
    assert headings["Ofte stillede spørgsmål"]["id"] == "ofte-stillede-spørgsmål"
    assert headings["Levering"]["id"] == "levering"  # unchanged: nothing old to keep
    assert [h["id"] for h in page.select("article h2") if h.get_text(strip=True).startswith("常见问题")] == \
        ["常见问题", "常见问题_1"]
    old = {span["id"]: span.find_parent("h2")["id"] for span in page.select("article h2 > span[id]")}
    assert old == {"ofte-stillede-sprgsmal": "ofte-stillede-spørgsmål", "_1": "常见问题", "_2": "常见问题_1"}
    assert not headings["Levering"].select("span[id]")
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")]
    assert "#ofte-stillede-spørgsmål" in toc and "#常见问题" in toc


def test_links_to_new_and_old_ids_both_check_clean(project, monkeypatch):
    project.article("orders/faq.md", "FAQ", "## Ofte stillede spørgsmål\n\n## 常见问题\n\nText.\n")
    project.article("orders/links.md", "Links", "[a](faq.md#ofte-stillede-spørgsmål) [b](faq.md#常见问题) "
                    "[c](faq.md#ofte-stillede-sprgsmal) [d](faq.md#_1) [e](faq.md#%E5%B8%B8%E8%A7%81%E9%97%AE%E9%A2%98)\n")
    monkeypatch.chdir(project.root)
    assert [p for p in check_project(project.root) if p.rule == "broken-anchor"] == []


def test_a_site_with_its_own_slugify_keeps_exactly_its_ids(project):
    project.write("mkdocs.yml", project.config.read_text() + "markdown_extensions:\n  - toc:\n"
                  "      slugify: !!python/name:markdown.extensions.toc.slugify\n")
    project.article("orders/faq.md", "FAQ", "## Ofte stillede spørgsmål\n\nSvar.\n")
    project.build()
    heading = soup(project.root / "site/orders/faq/index.html").select_one("article h2")
    assert heading["id"] == "ofte-stillede-sprgsmal" and not heading.select("span[id]")
