"""A help center written in Markdown and published to a hosted Zendesk (folders with capitals and spaces,
`id:` = the Zendesk article id, links written as full URLs of the old help center), and a help center whose
links and `related:` lists name the articles' `id:` values: `previous_site` and identity keys make both
certain for `helpgen check --fix`, and the old hosted URLs keep working."""
from __future__ import annotations

import pytest

from helpgen.checks import check_project
from helpgen.migrate.fix import fix_project

from .conftest import MKDOCS_YML, SUPPORT_YML, Project, soup

OLD = "https://support.acme.example"


@pytest.fixture
def published(tmp_path) -> Project:
    project = Project(tmp_path / "help")
    project.write("mkdocs.yml", MKDOCS_YML.replace("  - helpgen\n", f"  - helpgen:\n      previous_site: {OLD}\n"
                                                   "      extra_keys: [id]\n"))
    project.write("support.yml", SUPPORT_YML)
    project.write("content/Hardware Support/Nano Family/Reset your board.md",
                  "---\ntitle: Reset your board\nid: 4407116497170\n---\n"
                  f"First [create an account]({OLD}/hc/en-us/articles/360022234360-Create-an-account#adult).\n\n"
                  "Or see the [old category](https://elsewhere.example/hc/en-us/articles/1).\n")
    project.write("content/Account Support/Create an account.md",
                  "---\ntitle: Create an account\nid: 360022234360\n---\n## Adult\n\nText.\n\n"
                  f"[Reset]({OLD}/hc/en-us/articles/4407116497170) and [home]({OLD}/).\n")
    return project


def test_links_into_the_old_help_center_become_links_to_the_article_with_that_id(published, monkeypatch):
    monkeypatch.chdir(published.root)
    assert [p for p in check_project(published.root) if p.severity == "error"] == []
    changes = {str(c) for c in fix_project(published.root).changes}
    assert f"content/Hardware Support/Nano Family/Reset your board.md:5: {OLD}/hc/en-us/articles/360022234360-" \
           "Create-an-account#adult → ../../Account%20Support/Create%20an%20account.md#adult" in changes
    text = (published.content / "Hardware Support/Nano Family/Reset your board.md").read_text(encoding="utf-8")
    assert "https://elsewhere.example/hc/en-us/articles/1" in text  # another host: left alone


def test_folders_with_capitals_build_to_clean_urls_without_a_case_error(published, monkeypatch):
    monkeypatch.chdir(published.root)
    assert not [p for p in check_project(published.root) if p.rule == "duplicate-output-path"]
    site = published.build().site_dir
    assert (site / "hardware-support/nano-family/reset-your-board/index.html").is_file()
    category = soup(site / "hardware-support/index.html")
    assert category.select_one("article h1").get_text() == "Hardware Support"


def test_old_hosted_urls_redirect_to_the_article_with_that_id(published):
    site = published.build().site_dir
    rules = (site / "_redirects").read_text(encoding="utf-8").splitlines()
    assert "/hc/en-us/articles/360022234360-* /account-support/create-an-account/ 301" in rules
    assert "/hc/articles/4407116497170/ /hardware-support/nano-family/reset-your-board/ 301" in rules
    page = soup(site / "hc/en-us/articles/360022234360/index.html")
    assert page.find("link", rel="canonical")["href"].endswith("account-support/create-an-account/")


def test_a_link_to_an_old_article_no_article_has_the_id_of_is_an_error(published, monkeypatch):
    published.write("content/Account Support/Gone.md", f"---\ntitle: Gone\n---\n[x]({OLD}/hc/en-us/articles/999999-Old)\n")
    monkeypatch.chdir(published.root)
    [problem] = [p for p in check_project(published.root) if p.severity == "error"]
    assert problem.rule == "broken-link" and "article 999999 of the old help center" in problem.message


def test_links_and_related_entries_written_to_an_id_are_resolved_with_certainty(tmp_path, monkeypatch):
    project = Project(tmp_path / "help")
    project.write("mkdocs.yml", MKDOCS_YML.replace("  - helpgen\n", "  - helpgen:\n      extra_keys: [id]\n"))
    project.write("support.yml", SUPPORT_YML)
    project.write("content/attributes/manage-attribute-groups.md",
                  "---\ntitle: Manage groups\nid: manage-your-attribute-groups\n---\nText.\n")
    project.write("content/attributes/create-attributes.md",
                  "---\ntitle: Create attributes\nid: create-your-attributes\n"
                  "related: manage-your-attribute-groups, create-attributes\n---\n"
                  "See [groups](manage-your-attribute-groups.html).\n")
    monkeypatch.chdir(project.root)
    assert {p.rule for p in check_project(project.root) if p.severity == "error"} == {"broken-link", "related-unknown"}
    fix_project(project.root)
    text = (project.content / "attributes/create-attributes.md").read_text(encoding="utf-8")
    assert "[groups](manage-attribute-groups.md)" in text
    assert "related: attributes/manage-attribute-groups, create-attributes" in text
    assert check_project(project.root) == []


def test_full_urls_of_the_sites_own_address_become_relative_links_without_previous_site(tmp_path, monkeypatch):
    project = Project(tmp_path / "help")
    project.write("mkdocs.yml", "site_url: https://help.acme.example/\n" + MKDOCS_YML)
    project.write("support.yml", SUPPORT_YML)
    project.article("orders/track.md", "Track", "See [returns](https://help.acme.example/returns/return/#label).")
    project.article("returns/return.md", "Return", "## Label\n\nPrint it.")
    monkeypatch.chdir(project.root)
    fix_project(project.root)
    assert "[returns](../returns/return.md#label)" in (project.content / "orders/track.md").read_text(encoding="utf-8")
    rules = project.build().site_dir / "_redirects"
    assert not rules.exists() or "/hc/" not in rules.read_text(encoding="utf-8")  # no old host: no old URLs
