"""Redirects, first-class: redirect_from/aliases and stubs become pages that keep the #anchor, a _redirects
file and a URL manifest; the checks refuse chains, cycles and missing targets; moved URLs are caught."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from helpgen.cli import main
from helpgen.errors import HelpgenError
from helpgen.migrate.redirects import relative_url

from .conftest import soup


def test_redirect_from_and_aliases_become_redirect_pages(project):
    project.article("orders/track.md", "How do I track my order?", redirect_from="[/old/tracking/, faq/track.html]",
                    aliases="/hugo/track")
    project.build()
    site = project.root / "site"
    for old in ("old/tracking/index.html", "faq/track.html", "hugo/track/index.html"):
        page = soup(site / old)
        assert page.find("link", rel="canonical")["href"].endswith("orders/track/")
        refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
        assert refresh.startswith("0; url=") and refresh.endswith("orders/track/")
        assert page.find("a")["href"] == refresh.removeprefix("0; url=")
        assert "location.hash" in page.find("script").string  # the #anchor travels on
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup(site / "old/tracking/index.html").find("a")["href"] == "../../orders/track/"
    lines = (site / "_redirects").read_text().splitlines()
    assert lines == ["/faq/track.html /orders/track/ 301", "/hugo/track/ /orders/track/ 301",
                     "/old/tracking/ /orders/track/ 301"]
    assert "old/tracking" not in (site / "sitemap.xml").read_text()


def test_a_stub_redirects_from_its_own_url_and_is_no_page(project):
    project.write("content/orders/where-is-it.md", "---\nlayout: redirect\nredirect: track.md#status\n---\n")
    project.write("content/orders/elsewhere.md", "---\nredirect_to: https://status.acme.example/\n---\n")
    project.build()
    site = project.root / "site"
    stub = soup(site / "orders/where-is-it/index.html")
    assert stub.find("a")["href"] == "../track/#status"
    assert soup(site / "orders/elsewhere/index.html").find("a")["href"] == "https://status.acme.example/"
    assert "where-is-it" not in (site / "sitemap.xml").read_text()
    category = soup(site / "orders/index.html").get_text()
    assert "where-is-it" not in category.lower() and "Where is it" not in category
    search_files = " ".join(p.read_text() for p in (site / "search").rglob("*.json")) if (site / "search").exists() else ""
    assert "where-is-it" not in search_files


def test_the_site_url_path_prefixes_redirects_and_canonical_is_absolute(project):
    project.write("mkdocs.yml", project.config.read_text() + "site_url: https://help.acme.example/support/\n")
    project.article("orders/track.md", "How do I track my order?", redirect_from="[/old/]")
    project.build()
    site = project.root / "site"
    assert (site / "_redirects").read_text() == "/support/old/ /support/orders/track/ 301\n"
    assert soup(site / "old/index.html").find("link", rel="canonical")["href"] == \
        "https://help.acme.example/support/orders/track/"


def test_the_site_owners_own_redirects_file_comes_first(project):
    project.write("_redirects", "/legacy/* /orders/ 301\n")
    project.write("mkdocs.yml", project.config.read_text().replace("  - helpgen\n", "  - helpgen:\n      host_files: [_redirects]\n"))
    project.article("orders/track.md", "How do I track my order?", redirect_from="[/old/]")
    project.build()
    assert (project.root / "site/_redirects").read_text().splitlines() == [
        "/legacy/* /orders/ 301", "/old/ /orders/track/ 301"]


@pytest.mark.parametrize("files, message", [
    ({"a.md": "/moved/b/", "b.md": "/moved/c/", "c.md": "../orders/track.md"}, "a redirect to a redirect"),
    ({"a.md": "/moved/b/", "b.md": "/moved/a/"}, "redirects go round in a circle"),
    ({"a.md": "/orders/nothing-here/"}, "is no page of this site"),
    ({"a.md": "nothing.md"}, "is no page of this site"),
])
def test_chains_cycles_and_missing_targets_stop_the_build(project, files, message):
    for name, target in files.items():
        project.write(f"content/moved/{name}", f"---\nredirect: {target}\n---\n")
    with pytest.raises(HelpgenError, match=message):
        project.build()


def test_a_redirect_from_a_live_page_url_is_an_error(project):
    project.article("orders/cancel.md", "Can I cancel my order?", redirect_from="[/orders/track/]")
    with pytest.raises(HelpgenError, match="is the URL of orders/track.md"):
        project.build()


def test_relative_urls_between_site_paths():
    assert relative_url("old/path/", "returns/x/") == "../../returns/x/"
    assert relative_url("old.html", "returns/x/#a") == "returns/x/#a"
    assert relative_url("a/b.html", "") == "../"
    assert relative_url("a/", "a/") == "./"


def test_the_manifest_lists_every_published_url_and_redirect(project):
    project.article("orders/track.md", "How do I track my order?", redirect_from="[/old/]")
    project.build()
    manifest = json.loads((project.root / "site/.helpgen/urls.json").read_text())
    assert manifest["pages"]["orders/track/"] == {"src": "orders/track.md", "title": "How do I track my order?"}
    assert {"", "orders/", "contact/", "returns/return/"} <= set(manifest["pages"])
    assert manifest["redirects"] == {"old/": "orders/track/"}


def test_a_url_lost_since_the_previous_build_is_an_error_naming_its_replacement(project, tmp_path):
    previous = published(project, tmp_path)
    (project.content / "orders/track.md").rename(project.content / "returns/track.md")
    with pytest.raises(HelpgenError) as caught:
        project.build_previous = None
        from helpgen.mkdocs.commands import build_site
        build_site(project.config, project.root / "site", previous=str(previous))
    text = str(caught.value)
    assert "content/returns/track.md:1: /orders/track/ (was orders/track.md) is no longer published" in text
    assert "add `redirect_from: [/orders/track/]`" in text


def test_build_fix_adds_the_redirect_from_line_and_builds(project, tmp_path):
    previous = published(project, tmp_path)
    (project.content / "orders/track.md").rename(project.content / "returns/track.md")
    result = build_fixing(project, previous)
    assert result.exit_code == 0, result.output
    assert "Fixed content/returns/track.md:" in result.output and "redirect_from: [/orders/track/]" in result.output
    assert "redirect_from: [/orders/track/]" in (project.content / "returns/track.md").read_text()
    assert soup(project.root / "site/orders/track/index.html").find("a")["href"] == "../../returns/track/"
    again = build_fixing(project, previous)
    assert again.exit_code == 0 and "Fixed" not in again.output  # idempotent


def published(project, tmp_path):
    """Build once and keep that build's URL manifest, as the last deploy's (`--previous`)."""
    project.build()
    previous = tmp_path / "urls.json"
    shutil.copy(project.root / "site/.helpgen/urls.json", previous)
    return previous


def build_fixing(project, previous):
    """`helpgen build --previous … --fix`, as a writer runs it."""
    return CliRunner().invoke(main, ["build", "-f", str(project.config), "--previous", str(previous), "--fix"])


def committed(project) -> list[str]:
    """Make the project a Git repository with everything committed; the git command to go on with."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    for step in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "start"]):
        subprocess.run(git + step, cwd=project.root, check=True)
    return git


def test_a_rename_git_has_staged_is_caught_without_a_manifest(project):
    git = committed(project)
    subprocess.run(git + ["mv", "content/orders/cancel.md", "content/orders/cancel-an-order.md"], cwd=project.root,
                   check=True)
    with pytest.raises(HelpgenError, match=r"/orders/cancel/ \(was orders/cancel.md\).*orders/cancel-an-order.md|"
                                           r"cancel-an-order.md:1: /orders/cancel/"):
        project.build()


def test_a_rename_in_the_last_commit_is_caught_and_a_redirect_settles_it(project):
    git = committed(project)
    subprocess.run(git + ["mv", "content/orders/cancel.md", "content/orders/cancelling.md"], cwd=project.root,
                   check=True)
    subprocess.run(git + ["commit", "-qm", "rename"], cwd=project.root, check=True)
    with pytest.raises(HelpgenError, match="cancelling.md:1: /orders/cancel/ "):
        project.build()
    project.article("orders/cancelling.md", "Can I cancel my order?", redirect_from="[/orders/cancel/]")
    project.build()


def test_renames_made_on_the_way_into_helpgen_are_no_moves(project):
    """A tree imported, then renamed before it was ever a helpgen project, had no helpgen URL to keep."""
    config = project.config.read_text()
    project.config.write_text(config.replace("  - helpgen\n", ""))  # the tree as it came: another generator's
    git = committed(project)
    subprocess.run(git + ["mv", "content/orders/cancel.md", "content/orders/cancel-an-order.md"], cwd=project.root,
                   check=True)
    project.config.write_text(config)
    subprocess.run(git + ["commit", "-qam", "rename, then build with helpgen"], cwd=project.root, check=True)
    project.build()  # no url-vanished: nothing helpgen published moved
    subprocess.run(git + ["mv", "content/orders/cancel-an-order.md", "content/orders/cancelling.md"],
                   cwd=project.root, check=True)
    with pytest.raises(HelpgenError, match=r"/orders/cancel-an-order/ \(was orders/cancel-an-order.md\)"):
        project.build()  # a helpgen project now: its URLs are kept


def test_previous_from_git_revision(project):
    committed(project)
    (project.content / "orders/cancel.md").unlink()
    project.article("orders/cancelling.md", "Can I cancel my order?")
    from helpgen.mkdocs.commands import build_site
    with pytest.raises(HelpgenError, match="orders/cancelling.md:1: /orders/cancel/"):
        build_site(project.config, project.root / "site", previous="git:HEAD")


def test_a_redirect_page_speaks_the_sites_language(project):
    project.write("mkdocs.yml", project.config.read_text().replace("  name: material\n",
                                                                   "  name: material\n  language: da\n"))
    project.article("orders/track.md", "Hvor er min ordre?", redirect_from="[/old/]")
    project.build()
    page = soup(project.root / "site/old/index.html")
    assert page.html["lang"] == "da"
    assert page.title.get_text() == "Siden er flyttet"
    assert page.p.get_text().startswith("Siden er flyttet til:")


def test_a_translations_redirect_page_is_in_its_language_worded_by_the_sites_strings(tmp_path):
    from .test_languages import multilingual

    project = multilingual(tmp_path / "help")
    project.article("da/returns/return-an-item.md", "Hvordan returnerer jeg en vare?", "Send den tilbage.",
                    redirect_from="[/retur/]")
    project.write("strings.yml", "da:\n  redirect.title: Vi er flyttet\n")
    site = project.build().site_dir
    page = soup(site / "da/retur/index.html")
    assert page.html["lang"] == "da" and page.title.get_text() == "Vi er flyttet"
    assert page.p.get_text().startswith("Siden er flyttet til:")
    assert page.find("a")["href"] == "../returns/return-an-item/"
