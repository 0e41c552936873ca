"""`helpgen check` across languages: outdated translations (from dates, and from Git), missing ones as
notes, translation_of keys naming nothing, files outside the language folders, support.yml texts
lacking a language; and the CLI's --lang and init --languages."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpgen.checks import check_project
from helpgen.cli import main

from .conftest import SUPPORT_YML, Project, soup
from .test_languages import multilingual

GIT = shutil.which("git")


def by_rule(findings, rule):
    return [f for f in findings if f.rule == rule]


def run(*args: str, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)


def test_a_translation_older_than_its_original_by_date_is_outdated(tmp_path):
    project = multilingual(tmp_path / "help")
    [outdated] = by_rule(check_project(project.root), "translation-outdated")
    assert outdated.severity == "warning"
    assert outdated.location.file.endswith("content/da/returns/return-an-item.md")
    assert outdated.location.line == 4  # the translation's `updated:` line
    assert "2026-11-20" in outdated.message and "2026-10-01" in outdated.message
    assert outdated.related.file.endswith("content/en/returns/return-an-item.md")


def _git(root: Path, *args: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_without_dates_the_last_commit_of_each_file_decides(tmp_path):
    p = Project(tmp_path / "help")
    p.write("mkdocs.yml", "site_name: T\ndocs_dir: content\ntheme: {name: material}\n"
                          "plugins: [search, {helpgen: {languages: [en, da]}}]\n")
    p.write("support.yml", SUPPORT_YML)
    p.article("en/returns/return.md", "How do I return an item?", "Send it back.")
    p.article("da/returns/return.md", "Hvordan returnerer jeg en vare?", "Send den tilbage.")
    p.article("en/returns/refund.md", "When is my refund?", "Soon.")
    p.article("da/returns/refund.md", "Hvornår får jeg pengene?", "Snart.")
    # Not a repository: dates only, and there are none.
    assert by_rule(check_project(p.root), "translation-outdated") == []
    _git(p.root, "init", "-q", when="2026-11-01T10:00:00+00:00")
    _git(p.root, "add", ".", when="2026-11-01T10:00:00+00:00")
    _git(p.root, "commit", "-qm", "first", when="2026-11-01T10:00:00+00:00")
    assert by_rule(check_project(p.root), "translation-outdated") == []  # changed together
    p.article("en/returns/return.md", "How do I return an item?", "Send it back within 30 days.")
    _git(p.root, "commit", "-qam", "the original changes", when="2026-11-20T10:00:00+00:00")
    p.article("da/returns/refund.md", "Hvornår får jeg pengene?", "Inden for 5 dage.")
    _git(p.root, "commit", "-qam", "a translation changes", when="2026-11-21T10:00:00+00:00")
    [outdated] = by_rule(check_project(p.root), "translation-outdated")
    assert outdated.location.file.endswith("content/da/returns/return.md")
    assert "2026-11-20" in outdated.message and "2026-11-01" in outdated.message
    # The build shows the reader the notice, dated with the original's commit.
    p.build()
    notice = soup(p.root / "site/da/returns/return/index.html").select_one("[data-hg-outdated]")
    assert "20. november 2026" in notice.get_text()
    assert soup(p.root / "site/da/returns/refund/index.html").select_one("[data-hg-outdated]") is None


def test_missing_translations_are_notes_in_json_and_never_fail(tmp_path):
    project = multilingual(tmp_path / "help")
    result = run("check", "--format", "json", "--strict", cwd=project.root)
    findings = json.loads(result.stdout)
    missing = [f for f in findings if f["rule"] == "translation-missing"]
    assert {(f["file"], f["message"], f["severity"]) for f in missing} >= {
        ("content/en/returns/refund.md", "no da version yet", "info"),
        ("content/en/shipping/delivery.md", "no zh-TW version yet", "info")}
    assert not any(f["file"].endswith("return-an-item.md") for f in missing)  # both translations exist
    text = run("check", cwd=project.root)
    assert "translation-missing" not in text.output and "notes" in text.output
    # --strict makes the outdated warning an error, not the notes.
    assert result.exit_code == 1 and all(f["severity"] == "info" for f in missing)


def test_a_translation_of_nothing_and_a_file_outside_the_language_folders(tmp_path):
    project = multilingual(tmp_path / "help")
    project.article("da/returns/gone.md", "Væk", "Tekst.", translation_of="returns/no-such-article")
    project.article("returns/loose.md", "Loose", "Text.")
    findings = check_project(project.root)
    [unknown] = by_rule(findings, "translation-source-unknown")
    assert unknown.location.file.endswith("content/da/returns/gone.md") and unknown.location.line == 3
    [outside] = by_rule(findings, "outside-language-folder")
    assert outside.severity == "error" and "content/en/returns/loose.md" in outside.hint


def test_a_support_text_given_per_language_must_name_every_language(tmp_path):
    project = multilingual(tmp_path / "help")
    project.write("support.yml", SUPPORT_YML.replace("    name: Email\n", "    name: {en: Email, da: E-mail}\n"))
    [untranslated] = by_rule(check_project(project.root), "support-text-untranslated")
    assert untranslated.location.file.endswith("support.yml") and untranslated.location.line == 10
    assert "zh-TW" in untranslated.message and '"Email"' in untranslated.message


def test_a_link_to_a_page_not_translated_yet_goes_to_the_original(tmp_path):
    project = multilingual(tmp_path / "help")
    project.article("da/returns/return-an-item.md", "Hvordan returnerer jeg en vare?",
                    "Se [refusion](refund.md) og [levering](../shipping/delivery.md#top). "
                    "`[ikke et link](refund.md)`", updated="2026-11-20")
    assert by_rule(check_project(project.root), "broken-link") == []
    project.build()
    links = [a["href"] for a in soup(project.root / "site/da/returns/return-an-item/index.html").select("article p a")]
    assert links == ["../../../returns/refund/", "../../../shipping/delivery/#top"]


def test_cli_new_search_and_hours_take_a_language(tmp_path):
    project = multilingual(tmp_path / "help")
    created = run("new", "Hvor er min pakke?", "-c", "orders", "--lang", "da", cwd=project.root)
    assert created.exit_code == 0, created.output
    assert (project.root / "content/da/orders/hvor-er-min-pakke.md").is_file()
    wrong = run("new", "X", "-c", "orders", "--lang", "fr", cwd=project.root)
    assert wrong.exit_code == 1 and "en, da, zh-TW" in wrong.output
    project.build()
    found = run("search", "returnering", "--lang", "da", "--json", cwd=project.root)
    assert [r["url"] for r in json.loads(found.stdout)["results"]] == ["da/returns/return-an-item/"]
    hours = run("hours", "--at", "2026-12-04T18:30", "--lang", "da", cwd=project.root)
    assert "Skriv nu — svar senest i morgen kl. 17.00" not in hours.output  # Saturday: the team is off
    assert "E-mail" in hours.output and "Lukket · åbner i morgen kl. 10.00" in hours.output


def test_init_languages_scaffolds_a_project_that_builds_in_every_language(tmp_path):
    result = run("init", "acme", "--languages", "en,da", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    root = tmp_path / "acme"
    assert (root / "content/en/returns/how-do-i-return-an-item.md").is_file()
    assert (root / "content/da/returns/how-do-i-return-an-item.md").is_file()
    assert "languages: [en, da]" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert [f for f in check_project(root) if f.severity != "info"] == []
    Project(root).build()
    danish = soup(root / "site/da/returns/how-do-i-return-an-item/index.html")
    assert danish.html["lang"] == "da" and danish.h1.get_text(strip=True) == "Hvordan returnerer jeg en vare?"
    bad = run("init", "other", "--languages", "en,en", cwd=tmp_path)
    assert bad.exit_code == 1 and "listed twice" in bad.output and not (tmp_path / "other").exists()


def test_check_fix_leaves_a_link_to_a_page_not_translated_yet_alone(tmp_path):
    """Read as one folder, `refund.md` from content/da/returns/ would be a broken link to "fix" into
    ../../en/…; read per language it reaches the original, as the build does."""
    from helpgen.migrate.fix import fix_project

    project = multilingual(tmp_path / "help")
    project.article("da/returns/return-an-item.md", "Hvordan returnerer jeg en vare?",
                    "Se [refusion](refund.md) og [levering](../shipping/delivery.md).", updated="2026-11-20")
    report = fix_project(project.root, write=False)
    assert report.changes == [] and report.summary() == "Nothing to fix."
