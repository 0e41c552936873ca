"""The HTML report as a support lead opens it: in Chromium, from a file, at a phone's and a laptop's
width. It requests nothing, the page never scrolls sideways (wide tables scroll in their own region),
the charts are drawn, and axe finds no WCAG 2.2 AA violation anywhere in it."""
from __future__ import annotations

import pytest

from helpgen.insights.render import render_report
from helpgen.insights.report import build_report

from ..browser.axe import axe_available, run_axe
from .test_report import SINCE, UNTIL, seeded

pytestmark = [pytest.mark.browser, pytest.mark.insights,
              pytest.mark.skipif(not axe_available(), reason="axe-core is not installed: run `make axe`")]


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    store = seeded(f"sqlite:///{folder / 'insights.db'}")
    try:
        report = build_report(store, SINCE, UNTIL)
    finally:
        store.close()
    paths = {}
    for lang in ("en", "zh"):
        paths[lang] = folder / f"report-{lang}.html"
        paths[lang].write_text(render_report(report, "html", lang, "sqlite:///insights.db"), encoding="utf-8")
    return paths


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [390, 1366])
def test_the_report_reads_on_a_phone_and_a_laptop_and_meets_wcag(chromium, reports, lang, width):
    # The report forbids every script (its CSP); axe is injected past it, as a browser extension would be.
    context = chromium.new_context(viewport={"width": width, "height": 844}, bypass_csp=True)
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    try:
        page.goto(reports[lang].as_uri(), wait_until="load")
        assert requested == [reports[lang].as_uri()]  # no script, font, image or stylesheet from anywhere
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        sizes = page.evaluate("[...document.querySelectorAll('figure svg')].map(s => s.getBoundingClientRect().width)")
        assert len(sizes) == 3 and all(0 < size <= width for size in sizes)
        page.locator("details summary").click()  # the numbers behind the charts, opened
        violations = [str(v) for v in run_axe(page)]
        assert violations == [], "\n".join(violations)
        if width == 390:
            page.screenshot(path=str(reports[lang].with_suffix(f".{width}.png")), full_page=True)
    finally:
        context.close()
