"""WCAG 2.2 AA, checked by axe-core (npm, installed by `make test` into tests/node_modules) in Debian's
Chromium on every kind of page a customer meets, at a phone's and a laptop's size: no violation at all
in what helpgen renders, and no serious or critical one anywhere, Material's own parts included."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from .axe import axe_available, run_axe

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not axe_available(), reason="axe-core is not installed: run `make axe`")]

# Each state as a customer reaches it: a path, and what to wait for before checking.
STATES = {
    "home": ("", None),
    "category": ("returns/", None),
    "article": ("returns/how-do-i-return-an-item/", None),
    "contact": ("contact/", None),
    "404": ("no/such/page/", None),
    # The root 404 page's script hands a missing /da/ URL to the Danish 404 page (error_pages.py).
    "404-da": ("da/no/such/page/", "html[lang=da] [data-hg-notfound]"),
    "search-results": ("?q=refund", ".md-search-result__item"),
    "search-no-results": ("?q=xyzzy", "[data-hg-search-fallback]"),
}
WIDTHS = {"390x844": {"width": 390, "height": 844}, "1366x900": {"width": 1366, "height": 900}}


@pytest.fixture(scope="module")
def site(demo_build, serve_site):
    return serve_site(demo_build / "site")


@pytest.mark.parametrize("size", WIDTHS)
def test_every_page_state_meets_wcag_22_aa(chromium, site, size):
    problems = []
    context = chromium.new_context(viewport=WIDTHS[size], timezone_id="Europe/Copenhagen")
    try:
        for state, (path, ready) in STATES.items():
            page = context.new_page()
            page.clock.install(time=dt.datetime(2026, 11, 30, 10, 30, tzinfo=ZoneInfo("Europe/Copenhagen")))
            page.goto(site + path, wait_until="load")
            page.wait_for_function("window.HelpgenStatus && window.HelpgenStatus.rendered", timeout=10_000)
            if ready:
                expect(page.locator(ready).first).to_be_visible(timeout=10_000)
            for violation in run_axe(page):
                if violation.in_helpgen or violation.impact in ("serious", "critical"):
                    problems.append(f"{state} at {size}: {violation}")
            page.close()
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


def test_the_checker_is_not_blind(chromium, serve_site, tmp_path):
    """A page with a known failure in helpgen's own markup: the harness must report it as ours."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><body><main>'
        '<p class="hg-channel__status" style="color:#bbb;background:#fff">Open now</p></main></body></html>')
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(serve_site(tmp_path), wait_until="load")
        found = run_axe(page)
        assert [(v.rule, v.in_helpgen) for v in found] == [("color-contrast", True)]
    finally:
        context.close()
