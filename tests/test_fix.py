"""`helpgen check --fix` / `--diff` on tests/fixtures/fix: before/ is a help center written for another
generator, after/ is what --fix must make of it, byte for byte (regenerate after an intended change with
`helpgen check --fix` in a copy of before/, and review the diff)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpgen.checks import check_project
from helpgen.cli import main
from helpgen.migrate.fix import fix_project

from .conftest import REPO, tree_bytes

FIXTURE = REPO / "tests" / "fixtures" / "fix"


@pytest.fixture
def before(tmp_path: Path) -> Path:
    root = tmp_path / "before"
    shutil.copytree(FIXTURE / "before", root)
    return root


def test_fix_turns_before_into_after_byte_for_byte(before, monkeypatch):
    monkeypatch.chdir(before)
    fix_project(before)
    assert tree_bytes(before / "content") == tree_bytes(FIXTURE / "after" / "content")


def test_after_fix_the_project_checks_clean_and_a_second_run_changes_nothing(before, monkeypatch):
    monkeypatch.chdir(before)
    assert any(p.severity == "error" for p in check_project(before))
    fix_project(before)
    assert check_project(before) == []
    again = fix_project(before)
    assert again.changes == [] and again.summary() == "Nothing to fix."


def test_every_rewrite_kind_is_reported_with_file_line_before_and_after(before, monkeypatch):
    monkeypatch.chdir(before)
    changes = {str(c) for c in fix_project(before).changes}
    assert {
        "content/settings/panel.md:5: ../img/Settings_Panel.png → img/Settings_Panel.png",  # image moved
        "content/settings/panel.md:7: manage-your-settings.html#open-the-panel → manage-your-settings.md#open-the-panel",
        "content/faq/links.md:5: panel.md → ../settings/panel.md",  # another folder
        "content/faq/links.md:5: ../search/old-tips.md → ../search/search-tips.md",  # a link to a stub
        "content/company/about.md:6: {{ site.baseurl }}/company/privacy/ → privacy.md",
        "content/company/about.md:6: /search-tips → ../search/search-tips.md",  # site-absolute, extensionless
        "content/company/about.md:3: category: About Our Company → category: company",
        "content/company/privacy.md:4: popular: true → promoted: true",  # declared key_aliases
        "content/settings/manage-your-settings.md:3: nav_title: Settings → short_title: Settings",
        "content/settings/manage-your-settings.md:4: excluded_in_search: true → search: /   exclude: true",
        "content/company/index.md:1:  → new category page titled \"About Our Company\"",
        "content/search/search-tips.md:3:  → redirect_from: [/search/old-tips/]",
        "content/search/old-tips.md:1: redirect stub to search/search-tips.md → deleted",
        'content/faq/reset-password.md:1:  → title: "How do I reset my password?"',  # from its # heading
    } <= changes


def test_code_blocks_and_spans_are_never_changed(before, monkeypatch):
    monkeypatch.chdir(before)
    fix_project(before)
    panel = (before / "content/settings/panel.md").read_text()
    assert "A code block keeps [its link](manage-your-settings.html) as written." in panel
    assert "`[inline code](manage-your-settings.html)`" in panel
    assert "`{{ site.baseurl }}/company/`" in (before / "content/company/about.md").read_text()


def test_an_ambiguous_link_is_left_for_a_person(before, monkeypatch):
    monkeypatch.chdir(before)
    (before / "content/faq/panel.md").write_text("---\ntitle: Another panel\n---\n", encoding="utf-8")
    (before / "content/search/where.md").write_text("---\ntitle: Where\n---\n[x](panel.html)\n", encoding="utf-8")
    fix_project(before)
    assert "[x](panel.html)" in (before / "content/search/where.md").read_text()


def test_diff_shows_the_changes_and_writes_nothing(before):
    snapshot = tree_bytes(before)
    result = CliRunner().invoke(main, ["check", "--diff", "-f", str(before / "mkdocs.yml")])
    assert result.exit_code == 1  # something to change: CI can insist on a fixed tree
    assert "-![The panel](../img/Settings_Panel.png)" in result.stdout
    assert "+![The panel](img/Settings_Panel.png)" in result.stdout
    assert "16 changes in 9 files" in result.stderr
    assert tree_bytes(before) == snapshot


def test_cli_fix_prints_each_change_and_then_checks(before):
    result = CliRunner().invoke(main, ["check", "--fix", "-f", str(before / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert "content/faq/links.md:5: panel.md → ../settings/panel.md" in result.stderr
    assert result.stderr.strip().endswith("(2 categories, 2 files created or deleted, 4 front matter keys, 7 links, "
                                          "1 redirect).")
    assert "No problems found." in result.stdout


def test_a_category_id_in_any_script_is_left_as_it_is(project):
    """快速入门 is an id as the check reads ids (url_name): --fix must not take it for a display name."""
    project.article("其他/同步.md", "同步", category="快速入门")
    before = (project.content / "其他/同步.md").read_text(encoding="utf-8")
    fix_project(project.root)
    assert (project.content / "其他/同步.md").read_text(encoding="utf-8") == before
    assert not (project.content / "其他/index.md").exists()


def test_a_display_name_becomes_the_id_the_check_reads_from_its_folder(project):
    project.article("Nano Family/reset.md", "Reset the board", category="Nano boards")
    project.article("start.md", "Start", category="Getting started")
    fix_project(project.root)
    assert "category: nano-family" in (project.content / "Nano Family/reset.md").read_text(encoding="utf-8")
    assert (project.content / "Nano Family/index.md").is_file()  # the folder's own page, not a new folder
    assert "category: getting-started" in (project.content / "start.md").read_text(encoding="utf-8")
    assert (project.content / "getting-started/index.md").is_file()
    assert [p for p in check_project(project.root) if p.rule == "category-unknown"] == []
