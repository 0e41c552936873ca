"""A Docusaurus (MDX) help center after `helpgen check --fix` (tests/fixtures/docusaurus: before/ written here in
the shape of a real one, after/ what --fix must make of it, byte for byte), and GitBook's SUMMARY.md."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpgen.checks import check_project
from helpgen.cli import main
from helpgen.errors import HelpgenError
from helpgen.migrate.fix import fix_project
from helpgen.mkdocs.commands import build_site

from .conftest import REPO, soup, tree_bytes

FIXTURE = REPO / "tests" / "fixtures" / "docusaurus"


@pytest.fixture
def before(tmp_path: Path) -> Path:
    root = tmp_path / "before"
    shutil.copytree(FIXTURE / "before", root)
    return root


def test_fix_turns_the_mdx_tree_into_the_after_tree_byte_for_byte(before, monkeypatch):
    monkeypatch.chdir(before)
    # _category_.json is no file a site publishes (file-type): --fix carries it over into index.md
    assert {p.rule for p in check_project(before) if p.severity == "error"} == {"template-tag", "raw-script", "file-type"}
    fix_project(before)
    assert tree_bytes(before / "content") == tree_bytes(FIXTURE / "after" / "content")
    assert check_project(before) == []
    assert fix_project(before).changes == []  # a second run finds nothing


def test_every_rewrite_is_printed_with_its_place(before, monkeypatch):
    monkeypatch.chdir(before)
    changes = {str(c) for c in fix_project(before).changes}
    assert {
        "content/intro.md:5: import CtaBox from '@site/src/components/CtaBox'; → (removed)",
        "content/intro.md:7: <CtaBox → [Start free trial](https://tracker.example/register)",
        "content/two-factor.md:7: <head> … </head> → dropped: helpgen writes each page's <head>, its structured data too",
        "content/two-factor.md:15: src={useBaseUrl('img/enable-2fa.png')} → src=\"../img/enable-2fa.png\"",
        "content/add-site.md:5: <Optional /> → *(optional)*",
        "content/two-factor.md:17: <Provider> → (removed)",
        "content/two-factor.md:1: two-factor.md → moved to account-settings/two-factor.md (sidebars.js)",
        "content/account-settings.md:1: account-settings.md → moved to account-settings/index.md (sidebars.js)",
        "content/guides/_category_.json:1: guides/_category_.json → deleted: sidebars.js carried it over",
    } <= changes


def test_the_fixed_tree_builds_with_categories_working_images_and_old_urls_redirecting(before, monkeypatch):
    monkeypatch.chdir(before)
    fix_project(before)
    site = build_site(before / "mkdocs.yml", before / "site").site_dir
    home = soup(site / "index.html")
    assert [c.get_text(strip=True) for c in home.select(".hg-category-card__title")] == \
        ["Get started", "Account settings", "Guides"]  # the sidebar's order, then _category_.json's position
    page = soup(site / "account-settings/two-factor/index.html")
    image = page.select_one("article img")
    assert (site / "account-settings/two-factor" / image["src"]).resolve() == (site / "img/enable-2fa.png").resolve()
    assert page.select_one("article .admonition.info .admonition-title").get_text() == "Two-factor sign-in"
    assert "FAQPage" not in page.select_one("article").get_text()
    old = soup(site / "two-factor/index.html")
    assert old.find("link", rel="canonical")["href"] == "../account-settings/two-factor/"
    section = soup(site / "account-settings/index.html")
    assert [h.get_text(strip=True) for h in section.select("section.hg-section h2")] == ["Billing"]


def test_unmapped_components_stay_errors_grouped_by_name(before, monkeypatch):
    for name in ("a", "b", "c"):
        (before / f"content/{name}.md").write_text(f"---\ntitle: {name}\n---\n<Tabs>\nx\n</Tabs>\n", encoding="utf-8")
    monkeypatch.chdir(before)
    fix_project(before)
    result = CliRunner().invoke(main, ["check", "-f", str(before / "mkdocs.yml")])
    assert result.exit_code == 1
    assert "an MDX component <Tabs> in 3 files" in result.output


def test_sidebars_that_are_code_are_refused_at_their_line_never_run(before, monkeypatch):
    (before / "sidebars.js").write_text("const extra = require('./more');\nmodule.exports = {\n  docs: [...extra],\n};\n",
                                       encoding="utf-8")
    monkeypatch.chdir(before)
    with pytest.raises(HelpgenError, match=r"sidebars.js:2: the sidebars are code, not data"):
        fix_project(before)


def test_gitbook_summary_moves_pages_into_its_groups(tmp_path, monkeypatch):
    root = tmp_path / "book"
    shutil.copytree(FIXTURE / "before", root)
    (root / "sidebars.js").unlink()
    shutil.rmtree(root / "content")
    pages = {"README.md": "Welcome.", "plans.md": "See [upgrading](upgrade.md).", "upgrade.md": "Upgrade.",
             "setup/README.md": "Setup.", "setup/mac.md": "Mac: back to [plans](../plans.md)."}
    for src, body in pages.items():
        path = root / "content" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: {src}\n---\n{body}\n", encoding="utf-8")
    (root / "content/SUMMARY.md").write_text(
        "# Table of contents\n\n* [Welcome](README.md)\n* [Setup](setup/README.md)\n  * [On macOS](setup/mac.md)\n\n"
        "## Billing\n\n* [Plans](plans.md)\n  * [Upgrade](upgrade.md)\n", encoding="utf-8")
    monkeypatch.chdir(root)
    fix_project(root)
    files = sorted(p.relative_to(root / "content").as_posix() for p in (root / "content").rglob("*.md"))
    assert files == ["README.md", "billing/index.md", "billing/plans/index.md", "billing/plans/upgrade.md",
                     "setup/README.md", "setup/mac.md"]
    assert "[upgrading](upgrade.md)" in (root / "content/billing/plans/index.md").read_text(encoding="utf-8")
    assert "[plans](../billing/plans/index.md)" in (root / "content/setup/mac.md").read_text(encoding="utf-8")
    assert "redirect_from: [/plans/]" in (root / "content/billing/plans/index.md").read_text(encoding="utf-8")
    assert check_project(root) == [] or all(p.severity != "error" for p in check_project(root))


def test_a_sidebar_naming_one_folder_in_two_categories_moves_its_files_a_bounded_number_of_times(tmp_path):
    """Both categories take every doc (`autogenerated` from '.'): each pass would move the file to the
    other. --fix reads the tree once more after moving, once, and ends."""
    root = tmp_path / "two"
    (root / "content").mkdir(parents=True)
    shutil.copy(FIXTURE / "before" / "support.yml", root / "support.yml")
    (root / "mkdocs.yml").write_text("site_name: Two\ndocs_dir: content\ntheme:\n  name: material\n"
                                     "plugins:\n  - search\n  - helpgen\n")
    (root / "content" / "x.md").write_text("---\ntitle: X\n---\n\nText.\n")
    (root / "sidebars.js").write_text(
        "module.exports = {docs: [\n"
        "  {type: 'category', label: 'Alpha', items: [{type: 'autogenerated', dirName: '.'}]},\n"
        "  {type: 'category', label: 'Beta', items: [{type: 'autogenerated', dirName: '.'}]},\n]};\n")
    report = fix_project(root)
    assert [c for c in report.changes if c.kind == "move"]
    assert len(list((root / "content").rglob("x.md"))) == 1
