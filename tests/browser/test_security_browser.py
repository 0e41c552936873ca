"""The hostile site in Chromium: every page loaded, searches typed and opened as ?q= links, and not one
dialog. Each payload's alert(N) names itself, so a failure says which payload got through."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from helpgen.mkdocs.commands import build_site

from ..security_payloads import BODY_PAYLOADS, FIELD_PAYLOADS, check_misses_everything, hostile_project
from .search_box import search_for

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile-browser")
    hostile_project(root / "project", FIELD_PAYLOADS, BODY_PAYLOADS)
    with check_misses_everything():
        build_site(root / "project" / "mkdocs.yml", root / "site")
    return root / "site"


@pytest.fixture
def watched(chromium):
    """A page that records every dialog (alert, confirm, prompt, print) instead of showing it."""
    context = chromium.new_context()
    page = context.new_page()
    dialogs: list[str] = []

    def record(dialog):
        dialogs.append(f"{dialog.type}: {dialog.message} on {page.url}")
        dialog.dismiss()
    page.on("dialog", record)
    page.add_init_script("window.print = () => alert('print')")
    yield page, dialogs
    context.close()


def _settled(page) -> None:
    """Loaded, the theme's scripts run, and autofocus/toggle handlers had their events."""
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def test_the_watch_sees_a_dialog(watched, hostile, serve_site, tmp_path):
    """The harness can fail: a page that does alert is caught."""
    page, dialogs = watched
    (tmp_path / "index.html").write_text("<script>alert('control')</script>")
    page.goto(serve_site(tmp_path))
    _settled(page)
    assert dialogs and "control" in dialogs[0]


def test_no_page_of_the_hostile_site_opens_a_dialog(watched, hostile, serve_site):
    page, dialogs = watched
    base = serve_site(hostile)
    pages = sorted(p.relative_to(hostile).as_posix() for p in hostile.rglob("*.html"))
    assert len(pages) >= len(BODY_PAYLOADS) + 4
    for relative in pages:
        page.goto(base + relative.removesuffix("index.html"))
        _settled(page)
        for element in page.locator("details").all()[:3]:  # ontoggle fires when opened
            element.evaluate("d => { d.open = !d.open; }")
        # Visible links only: a hidden one cannot be hovered (and runs no mouse handler for a visitor).
        for link in page.locator("article a[href]:visible").all():
            link.hover()  # onmouseover handlers, had any survived
    _settled(page)
    assert dialogs == []


@pytest.mark.parametrize("query", FIELD_PAYLOADS[:4] + ["T1", "tag"])
def test_typed_and_linked_searches_for_payloads_open_no_dialog(watched, hostile, serve_site, query):
    page, dialogs = watched
    base = serve_site(hostile)
    page.goto(base + "?q=" + quote(query))
    _settled(page)
    results = page.locator(".md-search-result__meta")
    expect(results).not_to_have_text("", timeout=10_000)  # the answer (results or none) is on screen
    search_for(page, query)
    expect(page.locator("input.md-search__input")).to_have_value(query)
    expect(results).not_to_have_text("", timeout=10_000)
    if query in ("T1", "tag"):
        # Results whose titles, tags and descriptions are payloads are shown (escaped) and hovered.
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
        for item in page.locator(".md-search-result__item").all()[:10]:
            item.hover()
    _settled(page)
    assert dialogs == []
