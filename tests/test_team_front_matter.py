"""The team's own front matter (extra_keys, key_aliases), permalinks, sections and drafts, on real builds."""
from __future__ import annotations

import json

import pytest

from helpgen.checks import check_project, report
from helpgen.content.articles import parse_article
from helpgen.content.options import FrontMatterOptions
from helpgen.errors import HelpgenError

from .conftest import MKDOCS_YML, soup

OPTIONS = FrontMatterOptions(frozenset({"id", "audience"}),
                             {"popular": "promoted", "nav_title": "short_title", "sub_category": "section",
                              "excluded_in_search": "search.exclude"})


def with_plugin_options(project, options: str) -> None:
    project.write("mkdocs.yml", MKDOCS_YML.replace("  - helpgen\n", "  - helpgen:\n" + options))


def test_declared_extra_keys_are_kept_without_a_warning():
    article, problems = parse_article("---\ntitle: T\nid: 4711\naudience: admins\n---\nBody\n", "a/t.md",
                                      options=OPTIONS)
    assert problems == []
    assert article.extra == {"audience": "admins", "id": 4711}


def test_an_alias_is_read_as_the_helpgen_key_it_names():
    article, problems = parse_article("---\ntitle: T\npopular: true\nnav_title: Short\nsub_category: Basics\n"
                                      "excluded_in_search: true\n---\n", "a/t.md", options=OPTIONS)
    assert problems == []
    assert article.promoted and article.more.short_title == "Short" and article.more.section == "Basics"
    assert article.meta["search"] == {"exclude": True}


def test_an_alias_and_its_key_together_are_an_error_at_the_alias():
    article, problems = parse_article("---\ntitle: T\npromoted: true\npopular: false\n---\n", "a/t.md",
                                      options=OPTIONS)
    assert article is None
    assert [(p.location.line, p.message) for p in problems] == [
        (4, '"popular" is an alias of "promoted", which is also set')]


def test_did_you_mean_only_when_the_guess_is_close():
    _, problems = parse_article("---\ntitle: T\nid: 1\ntittle: x\nthemes: [a]\nnav_title: N\n---\n", "a/t.md")
    hints = {p.message: p.hint for p in problems}
    assert hints['unknown key "id"'] == "declare it in extra_keys, or remove it"  # not "did you mean hide"
    assert hints['unknown key "tittle"'] == 'did you mean "title"?'
    assert hints['unknown key "themes"'] == "declare it in extra_keys, or remove it"
    assert "rename it to short_title" in hints['unknown key "nav_title"']


def test_an_alias_to_no_helpgen_key_is_a_config_error(project):
    with_plugin_options(project, "      key_aliases: {popular: promotedd}\n")
    with pytest.raises(HelpgenError, match='"popular" names "promotedd", which is not a helpgen key'):
        project.build()


def test_repeated_unknown_keys_are_one_line_of_text_and_every_one_in_json(project, monkeypatch):
    for index in range(4):
        project.article(f"orders/extra-{index}.md", f"Extra {index}", id=str(index))
    monkeypatch.chdir(project.root)
    findings = check_project(project.root)
    text = report.render_text(findings)
    assert 'unknown key "id" in 4 files — declare it in extra_keys, or remove it' in text
    assert text.count('unknown key "id"') == 1
    assert len([row for row in json.loads(report.render_json(findings))
                if row["message"] == 'unknown key "id"']) == 4


def test_declared_keys_reach_templates_and_build_without_warnings(project, caplog):
    with_plugin_options(project, "      extra_keys: [id, audience]\n      key_aliases: {nav_title: short_title}\n")
    project.article("orders/with-id.md", "With an id", id="4711", audience="admins")
    project.write("content/orders/index.md", "---\ntitle: Orders and deliveries\nnav_title: Orders\n---\n")
    project.build()
    assert "unknown key" not in caplog.text
    home = soup(project.root / "site/index.html")
    assert "Orders" in [a.get_text(strip=True) for a in home.select("nav a")]


def test_a_permalink_sets_the_page_url_and_links_follow_it(project):
    project.article("orders/track.md", "How do I track my order?", "See [returns](../returns/return.md).",
                    permalink="/tracking/")
    project.article("returns/return.md", "How do I return an item?", "[Track it](../orders/track.md)")
    project.build()
    site = project.root / "site"
    assert (site / "tracking/index.html").is_file() and not (site / "orders/track").exists()
    link = soup(site / "returns/return/index.html").find("a", string="Track it")
    assert link["href"] == "../../tracking/"
    manifest = json.loads((site / ".helpgen/urls.json").read_text())
    assert manifest["pages"]["tracking/"]["src"] == "orders/track.md"


def test_two_pages_on_one_permalink_are_an_error(project):
    project.article("orders/cancel.md", "Can I cancel my order?", permalink="/orders/track/")
    with pytest.raises(HelpgenError, match=r'"orders/cancel.md" and "orders/track.md" are both published at /orders/track/'):
        project.build()


def test_sections_from_front_matter_and_sub_folders_get_headings_on_the_category_page(project):
    project.article("returns/labels.md", "Where is my return label?", section="Getting started")
    project.article("returns/damaged/broken.md", "My item arrived broken")
    project.write("content/returns/damaged/index.md", "---\ntitle: Damaged items\ndescription: When it broke.\n---\n")
    project.build()
    page = soup(project.root / "site/returns/index.html")
    headings = [h.get_text(strip=True) for h in page.select("section.hg-section h2")]
    assert headings == ["Damaged items", "Getting started"]
    damaged = page.find("h2", id="damaged").find_parent("section")
    assert [a.get_text() for a in damaged.select("li a")] == ["My item arrived broken"]
    # Articles without a section come first, under no heading.
    first_list = page.select_one("ul[data-hg-articles]")
    assert first_list.find_parent("section") is None
    assert "How do I return an item?" in first_list.get_text()
    section_page = soup(project.root / "site/returns/damaged/index.html")
    assert "My item arrived broken" in section_page.get_text()


def test_drafts_are_left_out_unless_asked_and_check_warns(project, monkeypatch):
    project.article("orders/soon.md", "Coming soon", draft="true")
    monkeypatch.chdir(project.root)
    assert [p.rule for p in check_project(project.root) if "soon" in p.location.file] == ["draft"]
    project.build()
    assert not (project.root / "site/orders/soon").exists()
    sitemap = (project.root / "site/sitemap.xml").read_text()
    assert "soon" not in sitemap
    from helpgen.mkdocs.commands import build_site
    build_site(project.config, project.root / "site", drafts=True)
    assert (project.root / "site/orders/soon/index.html").is_file()
