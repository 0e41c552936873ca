"""The preview's check cache (helpgen/checks/cache.py) never changes what a check finds.

Each case checks the planted project with a cache, changes something, checks again with the same cache
and compares with a fresh check that has no cache: same findings, same articles.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpgen.checks import CheckCache, ContentProject, check_content
from helpgen.checks.project import list_sources
from helpgen.errors import HelpgenError
from helpgen.hours.support import load_support

from .test_check_rules import TODAY, planted_project


def project_of(root: Path) -> ContentProject:
    try:
        support = load_support(root / "support.yml")
    except HelpgenError:
        support = None  # as check_project: support.yml errors are reported on their own
    return ContentProject(docs_dir=root / "content", files=tuple(list_sources(root / "content")),
                          display_root="content", support=support, support_path=root / "support.yml")


def assert_same_as_fresh(root: Path, cache: CheckCache, today: dt.date = TODAY):
    cached = check_content(project_of(root), today, cache)
    fresh = check_content(project_of(root), today)
    assert cached.findings == fresh.findings
    assert cached.articles == fresh.articles
    assert cached.catalog == fresh.catalog
    return cached


def rules_in(result, file: str) -> list[str]:
    return sorted(p.rule for p in result.findings if p.location.file == f"content/{file}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def warmed(tmp_path):
    root = planted_project(tmp_path)
    cache = CheckCache()
    first = assert_same_as_fresh(root, cache)
    return root, cache, first


def test_unchanged_files_are_reused(warmed):
    root, cache, first = warmed
    again = check_content(project_of(root), TODAY, cache)
    assert again.findings == first.findings
    # The very same parsed articles: nothing was read or parsed again.
    assert all(a is b for a, b in zip(again.articles.articles, first.articles.articles))


def test_an_edited_file(warmed):
    root, cache, first = warmed
    edit(root / "content/returns/links.md", "This [link goes nowhere](no-such-page.md).",
         "This [link goes nowhere](no-such-page.md) and [neither does this](gone.md).\n\n<script>x()</script>")
    after = assert_same_as_fresh(root, cache)
    assert after.findings != first.findings
    broken = [rules_in(result, "returns/links.md").count("broken-link") for result in (first, after)]
    assert broken[1] == broken[0] + 1


def test_a_support_yml_change(warmed):
    root, cache, first = warmed
    # A new address turns "agrees, but typed by hand" into "contradicts"; a comment shifts every line.
    edit(root / "support.yml", "address: support@acme.example", "address: help@acme.example")
    edit(root / "support.yml", "organization:", "# contact facts\norganization:")
    after = assert_same_as_fresh(root, cache)
    assert after.findings != first.findings


def test_an_invalid_support_yml_then_fixed(warmed):
    root, cache, first = warmed
    good = (root / "support.yml").read_text(encoding="utf-8")
    (root / "support.yml").write_text("organization: [\n", encoding="utf-8")
    assert_same_as_fresh(root, cache)
    (root / "support.yml").write_text(good, encoding="utf-8")
    assert assert_same_as_fresh(root, cache).findings == first.findings


def test_a_deleted_file(warmed):
    root, cache, first = warmed
    (root / "content/returns/stale.md").unlink()
    after = assert_same_as_fresh(root, cache)
    assert "content/returns/stale.md" not in {p.location.file for p in after.findings}
    assert rules_in(after, "returns/links.md") != rules_in(first, "returns/links.md")  # its links now break


def test_a_link_target_whose_anchor_disappears(warmed):
    root, cache, first = warmed
    chinese = root / "content/shipping/chinese.md"
    chinese.write_text("\n".join(line for line in chinese.read_text(encoding="utf-8").split("\n")
                                 if not line.startswith("#")), encoding="utf-8")
    after = assert_same_as_fresh(root, cache)
    assert "broken-anchor" in rules_in(after, "returns/links.md")
    assert rules_in(after, "returns/links.md") != rules_in(first, "returns/links.md")


def test_a_new_day(warmed):
    root, cache, _ = warmed
    assert_same_as_fresh(root, cache, dt.date(2030, 1, 1))


def test_a_heading_id_that_follows_support_yml(warmed):
    """An anchor computed from a heading quoting support.yml changes with it, though the page does not."""
    root, cache, _ = warmed
    (root / "content/returns/contact.md").write_text(
        "---\ntitle: Contact\ntype: faq\n---\n\n## About {{ support.organization }}\n\nText.\n", encoding="utf-8")
    (root / "content/returns/to-contact.md").write_text(
        "---\ntitle: To contact\ntype: faq\n---\n\nSee [about us](contact.md#about-acme-outfitters).\n",
        encoding="utf-8")
    assert "broken-anchor" not in rules_in(assert_same_as_fresh(root, cache), "returns/to-contact.md")
    edit(root / "support.yml", "organization: Acme Outfitters", "organization: Other Outfitters")
    assert "broken-anchor" in rules_in(assert_same_as_fresh(root, cache), "returns/to-contact.md")


def test_worker_processes_find_what_one_process_finds(tmp_path, monkeypatch):
    """The per-file rules run in forked workers when there are many files (checks/perfile.py with the
    adapter's fork_map): the same
    findings and articles as in one process, with and without a cache, and after a support.yml change
    (kept sources whose findings are stale are checked again in the workers)."""
    from dataclasses import replace
    from functools import partial

    from helpgen.checks import perfile
    from helpgen.mkdocs.workers import fork_map

    monkeypatch.setattr(perfile, "MIN_FILES_FOR_WORKERS", 2)
    workers = partial(fork_map, jobs=2)
    root = planted_project(tmp_path)
    serial = check_content(project_of(root), TODAY)
    assert serial.findings  # the planted project breaks many rules
    cache = CheckCache()
    for _ in range(2):
        parallel = check_content(replace(project_of(root), map_work=workers), TODAY, cache)
        assert parallel.findings == serial.findings and parallel.articles == serial.articles
    edit(root / "support.yml", "Acme", "Acme Gear")
    fresh = check_content(project_of(root), TODAY)
    again = check_content(replace(project_of(root), map_work=workers), TODAY, cache)
    assert again.findings == fresh.findings and again.articles == fresh.articles


def test_a_lower_heading_limit_is_applied_to_cached_files(warmed):
    """The heading count is a per-file finding kept with the source: the limits are part of what it read."""
    from dataclasses import replace

    from helpgen.checks.limits import Limits

    root, cache, _ = warmed
    strict = replace(project_of(root), limits=Limits(max_headings=1))
    cached = check_content(strict, TODAY, cache)
    assert cached.findings == check_content(strict, TODAY).findings
    assert any("more than max_headings (1)" in p.message for p in cached.findings)
