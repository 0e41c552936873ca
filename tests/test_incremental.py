"""The preview server reuses unchanged pages of its previous build; the site it serves is still, byte for
byte, a clean serial build of the files as they are now."""
from __future__ import annotations

import sys

import pytest

from helpgen.mkdocs import pipeline as mkdocs_pipeline
from helpgen.mkdocs.commands import build_site, load_site_config
from helpgen.output import MARKER

from .conftest import REPO, tree_bytes


@pytest.fixture
def bench_project(tmp_path):
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    root = tmp_path / "help"
    generate(root, 40, seed=3)
    return root


class Preview:
    """Builds like the preview server: one page cache and one folder across builds, a fresh config each
    time, and unchanged files left in place rather than rewritten."""

    def __init__(self, project, site, jobs=1):
        self.project, self.site, self.jobs = project, site, jobs
        self.cache = mkdocs_pipeline.PageCache()

    def build(self) -> mkdocs_pipeline.BuildStats:
        config = load_site_config(self.project / "mkdocs.yml", site_dir=str(self.site))
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            return mkdocs_pipeline.build(config, cache=self.cache, jobs=self.jobs, keep_unchanged=True)
        finally:
            config.plugins.on_shutdown()
            config.plugins.on_startup(command="build", dirty=False)  # plugins outlive configs in a process


def clean_build(project, site):
    """A clean serial `helpgen build`, less the marker a published site gets and a preview does not."""
    build_site(project / "mkdocs.yml", site, jobs=1)
    tree = tree_bytes(site)
    del tree[MARKER]
    return tree


def first_article(project):
    return sorted(p for p in (project / "content").glob("*/*.md") if p.name != "index.md")[0]


def unlinked(project):
    """An article no other page links to (deleting a linked one is an error, rightly)."""
    content = project / "content"
    texts = "\n".join(p.read_text(encoding="utf-8") for p in content.rglob("*.md"))
    return next(p for p in sorted(content.glob("*/*.md"))
                if p.name != "index.md" and p.relative_to(content).as_posix() not in texts)


def test_rebuild_without_changes_reuses_every_page_and_writes_the_same_bytes(bench_project, tmp_path):
    preview = Preview(bench_project, tmp_path / "preview")
    first = preview.build()
    assert first.reused == 0
    page = tmp_path / "preview" / "index.html"
    written = page.stat().st_mtime_ns
    again = preview.build()
    assert again.reused == 2 * again.pages  # both steps of every page
    assert again.rebuilt == 0 and page.stat().st_mtime_ns == written  # left in place, not rewritten
    assert tree_bytes(tmp_path / "preview") == clean_build(bench_project, tmp_path / "clean")


def test_editing_an_article_body_rebuilds_that_page_only(bench_project, tmp_path):
    preview = Preview(bench_project, tmp_path / "preview", jobs=2)
    preview.build()
    article = first_article(bench_project)
    article.write_text(article.read_text(encoding="utf-8") + "\n## A new section\n\nFreshly saved words.\n",
                       encoding="utf-8")
    stats = preview.build()
    assert stats.reused == 2 * (stats.pages - 1)
    site = tree_bytes(tmp_path / "preview")
    assert site == clean_build(bench_project, tmp_path / "clean")
    assert any(b"Freshly saved words." in data for name, data in site.items() if name.endswith(".html"))
    assert any(b"Freshly saved words." in data for name, data in site.items() if name.startswith("search/"))


@pytest.mark.parametrize("change", ["title", "support", "new article", "deleted article"])
def test_changes_that_every_page_can_show_rebuild_everything_needed(bench_project, tmp_path, change):
    preview = Preview(bench_project, tmp_path / "preview")
    preview.build()
    article = first_article(bench_project)
    if change == "title":
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("title: ", "title: Renamed ", 1), encoding="utf-8")
    elif change == "support":
        support = bench_project / "support.yml"
        support.write_text(support.read_text(encoding="utf-8").replace("Bench Outfitters", "Bench Renamed"),
                           encoding="utf-8")
    elif change == "new article":
        (article.parent / "a-new-article.md").write_text("---\ntitle: A new article\n---\nNew words.\n",
                                                         encoding="utf-8")
    else:
        unlinked(bench_project).unlink()
    stats = preview.build()
    assert stats.reused < stats.pages
    assert tree_bytes(tmp_path / "preview") == clean_build(bench_project, tmp_path / "clean")


def test_a_theme_template_change_is_not_served_from_the_cache(bench_project, tmp_path):
    overrides = bench_project / "overrides"
    (overrides / "partials").mkdir(parents=True)
    config = bench_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("theme: {name: material}",
                                                                  "theme: {name: material, custom_dir: overrides}"),
                      encoding="utf-8")
    preview = Preview(bench_project, tmp_path / "preview")
    preview.build()
    (overrides / "partials" / "copyright.html").write_text("<div>Overridden footer</div>\n", encoding="utf-8")
    stats = preview.build()
    assert stats.reused < stats.pages
    site = tree_bytes(tmp_path / "preview")
    assert b"Overridden footer" in site["index.html"]
    assert site == clean_build(bench_project, tmp_path / "clean")


def test_a_multi_language_preview_rebuild_equals_a_clean_build(tmp_path):
    """A Danish article's text changes (its page alone is rebuilt), then its date, which changes other
    pages too (the outdated notice, the English page's switcher once a file is added): the site still
    matches a clean build."""
    from .test_languages import multilingual

    project = multilingual(tmp_path / "help").root
    preview = Preview(project, tmp_path / "preview")
    preview.build()
    danish = project / "content/da/returns/return-an-item.md"
    danish.write_text(danish.read_text(encoding="utf-8") + "\nEn ny sætning.\n", encoding="utf-8")
    stats = preview.build()
    assert stats.reused > 0
    assert tree_bytes(tmp_path / "preview") == clean_build(project, tmp_path / "clean")
    danish.write_text(danish.read_text(encoding="utf-8").replace("updated: 2026-10-01", "updated: 2026-11-25"),
                      encoding="utf-8")
    (project / "content/da/returns/refund.md").write_text("---\ntitle: Hvornår får jeg pengene?\n---\nSnart.\n",
                                                           encoding="utf-8")
    preview.build()
    assert tree_bytes(tmp_path / "preview") == clean_build(project, tmp_path / "clean-again")
