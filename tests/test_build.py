"""End to end: real builds into temporary folders, asserted on the HTML a customer gets."""
from __future__ import annotations

import os

import pytest

from helpgen.errors import HelpgenError
from helpgen.output import MARKER
from helpgen.hours.support import load_support
from helpgen.i18n import messages

from .conftest import soup, tree_bytes


@pytest.fixture(scope="module")
def demo_site(demo_build):
    return demo_build / "site"


def html_pages(site):
    return sorted(p for p in site.rglob("*.html"))


def test_every_page_of_the_demo_has_the_contact_block_with_the_configured_values(demo_site):
    from helpgen.hours.present import promise_text
    from helpgen.i18n import messages

    from .conftest import REPO

    support = load_support(REPO / "support.yml")
    pages = html_pages(demo_site)
    assert len(pages) >= 30
    expected_rows = {
        "en": [("Monday–Friday", "09:00–17:00"), ("Saturday", "10:00–14:00"), ("Sunday", "closed")],
        "da": [("mandag–fredag", "09.00–17.00"), ("lørdag", "10.00–14.00"), ("søndag", "lukket")],
        "zh": [("周一至周五", "09:00–17:00"), ("周六", "10:00–14:00"), ("周日", "休息")],
    }
    # The contact pages are the channels themselves; the 404 pages have their own card: each channel shows once.
    once = {demo_site / "contact/index.html", demo_site / "da/contact/index.html", demo_site / "zh/contact/index.html",
            demo_site / "404.html", demo_site / "da/404.html", demo_site / "zh/404.html"}
    for page in once:
        assert soup(page).select_one("[data-hg-contact]") is None
    for page in (p for p in pages if p not in once):
        html = soup(page)
        lang = html.html["lang"]
        block = html.select_one("[data-hg-contact]")
        assert block is not None, f"{page} has no contact block"
        assert support.organization in block.get_text()
        for channel in support.channels:
            item = block.select_one(f'[data-hg-channel="{channel.id}"]')
            assert item is not None, f"{page}: channel {channel.id} missing"
            assert item.select_one(".hg-channel__link")["href"] == channel.href
            assert promise_text(channel.response, messages(lang)) in item.get_text()
            assert item.select_one(".hg-channel__name").get_text() == channel.name.get(lang)
        rows = [(r.th.get_text(), r.td.get_text()) for r in block.select(".hg-hours tr")]
        assert rows == expected_rows[lang], page


def test_article_pages_show_type_updated_date_and_their_category(demo_site):
    page = soup(demo_site / "returns/how-do-i-return-an-item/index.html")
    assert page.select_one(".hg-badge").get_text() == "FAQ"
    assert page.select_one(".hg-updated time").get_text() == "14 October 2026"
    crumbs = [a.get_text() for a in page.select(".hg-breadcrumb a")]
    assert crumbs == ["Acme Outfitters Help Center", "Returns"]  # the site's own name
    policy = soup(demo_site / "policies/returns-and-refunds-policy/index.html")
    assert policy.select_one(".hg-badge").get_text() == "Policy"


def test_variables_are_substituted_in_article_text(demo_site):
    text = soup(demo_site / "returns/how-do-i-return-an-item/index.html").select_one("article").get_text()
    assert "{{" not in text
    html = (demo_site / "orders/my-order-hasnt-arrived-what-should-i-do/index.html").read_text()
    table = soup(demo_site / "orders/my-order-hasnt-arrived-what-should-i-do/index.html").select("article table")
    assert table and "Monday–Friday" in table[0].get_text(), html[:200]


def test_home_page_has_search_box_categories_with_counts_and_promoted_articles(demo_site):
    home = soup(demo_site / "index.html")
    form = home.select_one("form.hg-search-box[role=search]")
    assert form is not None and form.select_one("input[type=search][name=q]") is not None
    assert home.select_one("title").get_text() == "Acme Outfitters Help Center"  # not the name twice
    cards = {c["data-hg-category"]: c.select_one(".hg-category-card__count").get_text()
             for c in home.select("[data-hg-category]")}
    assert list(cards)[:3] == ["orders", "shipping", "returns"]  # ordered by `order:` in each index.md
    assert cards["orders"] == "5 articles"
    promoted = [a.get_text() for a in home.select(".hg-promoted a")]
    assert "How do I return an item?" in promoted and len(promoted) >= 4


def test_each_category_has_a_landing_page_listing_its_articles(demo_site):
    page = soup(demo_site / "returns/index.html")
    titles = [a.get_text() for a in page.select("[data-hg-articles] > li > a")]
    assert "How do I return an item?" in titles and len(titles) == 4
    danish = soup(demo_site / "da/returns/index.html")
    assert [a.get_text() for a in danish.select("[data-hg-articles] > li > a")] == [
        "Hvordan returnerer jeg en vare?", "Hvornår får jeg mine penge tilbage?"]


def test_contact_page_lists_channels_hours_and_upcoming_holidays(tmp_path):
    from .conftest import REPO

    os.environ["SOURCE_DATE_EPOCH"] = "1795000000"  # 2026-11-18: every demo holiday is upcoming
    try:
        from helpgen.mkdocs.commands import build_site

        site = build_site(REPO / "mkdocs.yml", tmp_path / "site").site_dir
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    page = soup(site / "contact/index.html")
    assert [s["data-hg-channel"] for s in page.select(".hg-contact-card")] == ["email", "chat", "phone"]
    holidays = [r.td.get_text() for r in page.select(".hg-holidays tbody tr")]
    assert holidays == ["Christmas Eve", "Christmas Day", "Boxing Day", "New Year's Eve", "New Year's Day"]


def test_search_index_holds_articles_not_the_contact_block(demo_site):
    """helpgen's index (the one visitors' searches read; Material's own is left empty on purpose): every
    article, and no home, category or contact page, and no contact block text in any article's entry."""
    import json

    from helpgen.search import index_folder

    from helpgen.checks.project import read_site_settings

    from .conftest import REPO

    # The default language's index: its articles are at the site root; the other languages' folders
    # (da/, zh/) have indexes of their own (tests/test_languages.py).
    others = set((read_site_settings(REPO / "mkdocs.yml").languages or [])[1:])
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in index_folder(demo_site).glob("*/d/*.json")]
    locations = {doc["u"].split("#")[0] for doc in documents}
    articles = {p.parent.relative_to(demo_site).as_posix() + "/" for p in demo_site.glob("*/*/index.html")
                if p.parent.parent.name not in {"search", *others}}
    assert locations == articles and "returns/how-do-i-return-an-item/" in locations
    assert "contact/" not in locations and "" not in locations and "returns/" not in locations
    texts = [" ".join(text for _, _, text in doc["s"]) for doc in documents]
    assert texts and all("Still need help?" not in text for text in texts)
    assert json.loads((demo_site / "search/search_index.json").read_text())["docs"] == []  # Material's: unused


def test_article_page_size_does_not_grow_with_other_categories(project, tmp_path):
    first = project.build(tmp_path / "one").site_dir
    before = (first / "orders/track/index.html").read_bytes()
    for i in range(60):
        project.article(f"returns/extra-{i}.md", f"Extra returns question {i}", "Text " * 50)
    second = project.build(tmp_path / "two").site_dir
    assert (second / "orders/track/index.html").read_bytes() == before


def test_sidebar_lists_home_categories_and_contact_only(project, tmp_path):
    site = project.build(tmp_path / "site").site_dir
    nav = [a.get_text(strip=True) for a in soup(site / "orders/track/index.html").select(".md-nav--primary .md-nav__link")
           if a.name == "a"]
    assert nav == ["Home", "Orders", "Returns", "Contact us"]


def test_keywords_reach_the_search_index_and_no_page(demo_site):
    from helpgen.search import open_site_index

    assert open_site_index(demo_site).search("send something back")[0].location == "returns/how-do-i-return-an-item/"
    for page in html_pages(demo_site):
        assert "give back" not in page.read_text(encoding="utf-8"), page


def test_a_writers_own_contact_page_is_the_contact_page_not_an_article(project, tmp_path):
    project.article("contact.md", "Talk to us", "We read every message ourselves.")
    site = project.build(tmp_path / "site").site_dir
    page = soup(site / "contact/index.html")
    assert "We read every message ourselves." in page.get_text()
    assert page.select(".hg-contact-card")  # still the contact page: channels, hours
    assert not (site / "general").exists()  # not an article of a "general" category
    nav = [a.get_text(strip=True) for a in soup(site / "index.html").select(".md-nav--primary .md-nav__link")
           if a.name == "a"]
    assert nav == ["Home", "Orders", "Returns", "Contact us"]
    assert "Talk to us" not in soup(site / "index.html").select_one("article").get_text()


def test_config_values_are_escaped_everywhere(project, tmp_path):
    support = project.root / "support.yml"
    support.write_text(support.read_text().replace(
        "organization: Acme Outfitters", "organization: \"<img src=x onerror=alert(1)>\"").replace(
        "name: Live chat", "name: \"<b>Chat</b>\""))
    site = project.build(tmp_path / "site").site_dir
    for page in html_pages(site):
        html = page.read_text()
        assert "<img src=x" not in html and "<b>Chat</b>" not in html
    text = soup(site / "orders/track/index.html").select_one("[data-hg-contact]").get_text()
    assert "<img src=x onerror=alert(1)>" in text


def test_two_builds_of_the_same_input_are_byte_identical(project, tmp_path):
    first = tree_bytes(project.build(tmp_path / "a").site_dir)
    second = tree_bytes(project.build(tmp_path / "b").site_dir)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_rebuilding_replaces_the_previous_site(project):
    site = project.build().site_dir
    (site / "stale.html").write_text("old")
    project.build()
    assert not (site / "stale.html").exists() and (site / MARKER).is_file()


def test_a_failed_build_leaves_the_previous_site_intact(project):
    site = project.build().site_dir
    before = tree_bytes(site)
    project.article("orders/broken.md", "Broken", "Write to {{ support.channels.fax.number }}")
    with pytest.raises(HelpgenError, match=r"content/orders/broken.md:4:10: unknown variable"):
        project.build()
    assert tree_bytes(site) == before
    assert [p.name for p in site.parent.iterdir() if ".building-" in p.name] == []


def test_all_broken_articles_are_reported_in_one_build(project):
    project.write("content/orders/a.md", "---\ndescription: x\n---\n")
    project.write("content/returns/b.md", "---\ntitle: B\ntype: memo\n---\n")
    with pytest.raises(HelpgenError) as caught:
        project.build()
    assert [str(p.location) for p in caught.value.problems] == ["content/orders/a.md:2:1", "content/returns/b.md:3:7"]


@pytest.mark.parametrize("target", [".", "content", "..", "content/out"])
def test_refuses_site_dirs_that_would_destroy_the_project(project, target):
    with pytest.raises(HelpgenError, match="site_dir"):
        project.build(project.root / target)
    assert (project.content / "orders/track.md").is_file()


def test_refuses_a_non_empty_folder_it_did_not_make(project, tmp_path):
    mine = tmp_path / "photos"
    mine.mkdir()
    (mine / "holiday.jpg").write_bytes(b"precious")
    with pytest.raises(HelpgenError, match="not empty and was not made by helpgen"):
        project.build(mine)
    assert (mine / "holiday.jpg").read_bytes() == b"precious"


def test_a_symlink_out_of_the_content_folder_is_refused(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    (project.content / "orders" / "leak.txt").symlink_to(secret)
    with pytest.raises(HelpgenError, match="content/orders/leak.txt: this file is a link to somewhere outside"):
        project.build()


def test_a_symlink_into_a_folder_whose_name_starts_like_the_content_folder_is_refused(project):
    """"content-drafts/" is outside "content/", although its path begins with the same letters."""
    beside = project.root / "content-drafts"
    beside.mkdir()
    (beside / "notes.txt").write_text("private", encoding="utf-8")
    (project.content / "orders" / "notes.txt").symlink_to(beside / "notes.txt")
    with pytest.raises(HelpgenError, match="content/orders/notes.txt: this file is a link to somewhere outside"):
        project.build()


def test_a_file_in_a_linked_folder_out_of_the_content_folder_is_refused(project, tmp_path):
    """The folder is the link, not the file: each folder on the way is resolved too."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keys.txt").write_text("private", encoding="utf-8")
    (project.content / "orders" / "shared").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(HelpgenError, match="content/orders/shared/keys.txt: this file is a link to somewhere outside"):
        project.build()


def test_a_symlink_to_another_file_of_the_content_folder_is_kept(project):
    (project.content / "orders" / "same.md").symlink_to(project.content / "orders" / "cancel.md")
    assert (project.build().site_dir / "orders" / "same" / "index.html").is_file()


def test_strict_build_with_warnings_keeps_the_previous_site(project):
    site = project.build().site_dir
    before = tree_bytes(site)
    project.article("orders/typo.md", "Typo", descripton="x")  # an unknown key is a warning
    with pytest.raises(HelpgenError, match="strict"):
        project.build(strict=True)
    assert tree_bytes(site) == before


def test_plugin_order_does_not_matter_for_the_published_site(project):
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - search\n  - helpgen\n", "  - helpgen\n  - search\n"))
    site = project.build().site_dir
    assert (site / "search/search_index.json").is_file()
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".site")] == []


def test_brand_colour_logo_and_favicon_come_from_mkdocs_yml_and_the_made_with_line_can_go(project):
    project.write("mkdocs.yml", """\
site_name: Acme Help
docs_dir: content
theme:
  name: material
  palette: {primary: teal, accent: amber}
  logo: assets/acme-logo.svg
  favicon: assets/acme-favicon.png
plugins:
  - search
  - helpgen:
      generator: false
""")
    project.write("content/assets/acme-logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')
    (project.content / "assets" / "acme-favicon.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    site = project.build().site_dir
    for path in ("index.html", "orders/track/index.html", "contact/index.html", "404.html"):
        page = soup(site / path)
        assert page.body["data-md-color-primary"] == "teal", path  # helpgen's parts use Material's colour variables
        assert page.select_one(".md-header__button.md-logo img")["src"].endswith("assets/acme-logo.svg"), path
        assert page.select_one("link[rel=icon]")["href"].endswith("assets/acme-favicon.png"), path
        assert "Made with" not in page.select_one(".md-footer").get_text(), path
    crumbs = [a.get_text() for a in soup(site / "orders/track/index.html").select(".hg-breadcrumb a")]
    assert crumbs == ["Acme Help", "Orders"]
    assert soup(site / "index.html").select_one("h1").get_text() == "Acme Help"  # generated home: the site's name


def test_the_made_with_line_stays_by_default(project):
    site = project.build().site_dir
    assert "Made with" in soup(site / "index.html").select_one(".md-footer").get_text()


@pytest.mark.parametrize("path, title", [("returns/how-do-i-return-an-item/index.html", "Permanent link"),
                                         ("zh/returns/how-do-i-return-an-item/index.html", "本节链接")])
def test_the_link_beside_each_heading_is_titled_in_the_pages_language(demo_site, path, title):
    links = soup(demo_site / path).select("a.headerlink")
    assert links and {a["title"] for a in links} == {title}


def test_a_title_of_the_heading_links_in_mkdocs_yml_is_kept(project):
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text() + "markdown_extensions:\n  - toc:\n      permalink: true\n"
                      "      permalink_title: Link here\n")
    project.article("orders/track.md", "Track an order", "## Where is it?\n\nIn the app.\n")
    page = soup(project.build().site_dir / "orders/track/index.html")
    assert [a["title"] for a in page.select("a.headerlink")] == ["Link here"]


@pytest.mark.parametrize("path, words", [("index.html", "Made with Material for MkDocs"),
                                         ("da/contact/index.html", "Lavet med Material for MkDocs"),
                                         ("zh/index.html", "本站使用 Material for MkDocs 构建"),
                                         ("zh/404.html", "本站使用 Material for MkDocs 构建")])
def test_the_made_with_line_is_in_the_pages_language(demo_site, path, words):
    """Material writes "Made with" in English on every page; a Danish or Chinese page says it in its own."""
    footer = soup(demo_site / path).select_one(".md-copyright")
    assert " ".join(footer.get_text().split()) == words
    assert footer.select_one("a").get_text() == "Material for MkDocs"


def test_article_pages_carry_the_feedback_question_and_a_need_a_person_card(demo_site):
    page = soup(demo_site / "returns/how-do-i-return-an-item/index.html")
    feedback = page.select_one("[data-hg-feedback]")
    assert feedback.has_attr("hidden")  # shown by its script: without JavaScript its buttons do nothing
    assert feedback["data-hg-feedback-article"] == "/returns/how-do-i-return-an-item/"
    assert not feedback.has_attr("data-hg-feedback-endpoint")  # the demo sends votes nowhere
    card = page.select_one("[data-hg-person]")
    assert [li["data-hg-channel"] for li in card.select("[data-hg-channel]")] == ["email", "chat", "phone"]
    assert [r.get_text() for r in card.select("[data-hg-reply]")] == [
        "Replies within 1 business day", "Replies within 5 minutes", "Answered live"]
    assert page.select_one(".md-header").find_next_sibling("a", attrs={"data-hg-headline": True}) is not None


def test_the_404_page_works_from_any_depth(demo_site):
    page = soup(demo_site / "404.html")
    assert page.select_one("h1").get_text() == "We can't find that page"
    assert page.select_one("title").get_text() == "Page not found - Acme Outfitters Help Center"
    for tag, attribute in (("link[rel=stylesheet]", "href"), ("script[src]", "src")):
        assert all(el[attribute].startswith(("/", "https://")) for el in page.select(tag)), tag
    assert page.select_one("form.hg-search-box")["action"] in ("/", "/./")  # the home page, from any depth
    assert page.select_one("[data-hg-contact]") is None and page.select_one("[data-hg-person]") is not None
