"""Moved URLs in a multi-language help center: every language's URLs are compared with the previous build
(or the renames Git shows), a vanished Danish URL is named as /da/…, matched with a Danish article, and
settled by a `redirect_from:` written as a translation writes paths; its redirect page is Danish."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from helpgen.cli import main
from helpgen.errors import HelpgenError
from helpgen.mkdocs.commands import build_site

from .conftest import soup
from .test_languages import multilingual
from .test_redirects import build_fixing, committed, published

DANISH_TITLE = "Hvordan returnerer jeg en vare?"


@pytest.fixture
def project(tmp_path):
    return multilingual(tmp_path / "help")


def git(project, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=project.root,
                   check=True, capture_output=True)


def test_a_danish_article_renamed_without_a_redirect_is_reported_at_its_danish_url(project):
    committed(project)
    git(project, "mv", "content/da/returns/return-an-item.md", "content/da/returns/returnering.md")
    git(project, "commit", "-qm", "rename")
    result = CliRunner().invoke(main, ["build", "-f", str(project.config)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert ("content/da/returns/returnering.md:1: /da/returns/return-an-item/ (was da/returns/return-an-item.md) "
            "is no longer published and nothing redirects from it") in result.output
    # The line to add is written as a Danish article writes paths: inside /da/.
    assert "add `redirect_from: [/returns/return-an-item/]` to its front matter (paths in content/da/ are " \
           "inside /da/)" in result.output


def test_a_redirect_in_the_renamed_danish_article_settles_it_with_a_danish_redirect_page(project):
    committed(project)
    git(project, "mv", "content/da/returns/return-an-item.md", "content/da/returns/returnering.md")
    git(project, "commit", "-qm", "rename")
    project.article("da/returns/returnering.md", DANISH_TITLE, "Send varen tilbage inden for 30 dage.", type="faq",
                    translation_of="returns/return-an-item", redirect_from="[/returns/return-an-item/]")
    site = project.build().site_dir
    page = soup(site / "da/returns/return-an-item/index.html")
    assert page.html["lang"] == "da" and page.title.get_text() == "Siden er flyttet"
    assert page.find("a")["href"] == "../returnering/"
    assert soup(site / "da/returns/returnering/index.html").html["lang"] == "da"
    assert "/da/returns/return-an-item/ /da/returns/returnering/ 301" in (site / "_redirects").read_text().splitlines()
    # The English page of the same path is untouched, and its redirect-free URL still a page.
    assert soup(site / "returns/return-an-item/index.html").h1.get_text() == "How do I return an item?"


def test_a_rename_git_has_staged_in_the_default_language_is_reported_at_the_site_root(project):
    committed(project)
    git(project, "mv", "content/en/returns/refund.md", "content/en/returns/refunds.md")
    with pytest.raises(HelpgenError) as caught:
        project.build()
    text = str(caught.value)
    assert "content/en/returns/refunds.md:1: /returns/refund/ (was en/returns/refund.md)" in text
    assert "add `redirect_from: [/returns/refund/]` to its front matter (`--fix` adds it)" in text


def test_build_previous_compares_every_languages_urls(project, tmp_path):
    project.build()
    manifest = json.loads((project.root / "site/.helpgen/urls.json").read_text(encoding="utf-8"))
    assert {"returns/return-an-item/", "da/returns/return-an-item/", "zh-TW/returns/tuihuo/"} <= set(manifest["pages"])
    previous = tmp_path / "urls.json"
    shutil.copy(project.root / "site/.helpgen/urls.json", previous)
    (project.content / "da/returns/return-an-item.md").rename(project.content / "da/returns/returnering.md")
    (project.content / "zh-TW/returns/tuihuo.md").unlink()
    with pytest.raises(HelpgenError) as caught:
        build_site(project.config, project.root / "site", previous=str(previous))
    text = str(caught.value)
    assert "content/da/returns/returnering.md:1: /da/returns/return-an-item/ (was da/returns/return-an-item.md)" in text
    # Nothing took the Chinese page's place: the old file is named, with the line in its language's terms.
    assert 'content/zh-TW/returns/tuihuo.md:1: /zh-TW/returns/tuihuo/ ("如何退貨？") is no longer published' in text
    assert "add `redirect_from: [/returns/tuihuo/]` (paths in content/zh-TW/ are inside /zh-TW/)" in text
    assert "/returns/return-an-item/ (was en/" not in text  # the English page is still there


def test_build_previous_fix_adds_the_line_inside_the_language_and_builds(project, tmp_path):
    previous = published(project, tmp_path)
    (project.content / "da/returns/return-an-item.md").rename(project.content / "da/returns/returnering.md")
    result = build_fixing(project, previous)
    assert result.exit_code == 0, result.output
    assert "Fixed content/da/returns/returnering.md:" in result.output
    assert "redirect_from: [/returns/return-an-item/]" in (project.content / "da/returns/returnering.md").read_text()
    page = soup(project.root / "site/da/returns/return-an-item/index.html")
    assert page.html["lang"] == "da" and page.find("a")["href"] == "../returnering/"
    again = build_fixing(project, previous)
    assert again.exit_code == 0 and "Fixed" not in again.output


def test_a_vanished_danish_page_is_never_matched_with_the_english_article_of_its_name(project, tmp_path):
    previous = published(project, tmp_path)
    (project.content / "da/returns/return-an-item.md").unlink()
    with pytest.raises(HelpgenError) as caught:
        build_site(project.config, project.root / "site", previous=str(previous), fix=True)
    text = str(caught.value)
    assert 'content/da/returns/return-an-item.md:1: /da/returns/return-an-item/ ("Hvordan returnerer' in text
    assert "redirect_from" not in (project.content / "en/returns/return-an-item.md").read_text()


def test_previous_from_a_git_revision_reads_each_languages_folder_at_its_urls(project):
    committed(project)
    build_site(project.config, project.root / "site", previous="git:HEAD")  # nothing moved: no finding
    (project.content / "da/returns/return-an-item.md").unlink()
    project.article("da/returns/returnering.md", DANISH_TITLE, "Send varen tilbage.", type="faq")
    with pytest.raises(HelpgenError, match=r"content/da/returns/returnering.md:1: /da/returns/return-an-item/ "):
        build_site(project.config, project.root / "site", previous="git:HEAD")
