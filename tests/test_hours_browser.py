"""The live hours widget in real headless Chromium, with the page clock and the visitor's zone emulated.

Each case also asserts that the browser shows exactly what the Python engine says for that instant."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from helpgen.hours.status import channel_statuses
from helpgen.hours.support import load_support

from .conftest import REPO

pytestmark = pytest.mark.browser
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


@pytest.fixture(scope="module")
def demo_url(demo_build, serve_site):
    return serve_site(demo_build / "site")


def statuses_in_browser(chromium, url: str, at: dt.datetime, zone: str, advance_ms: int = 0,
                        path: str = "returns/how-do-i-return-an-item/") -> dict[str, str]:
    context = chromium.new_context(timezone_id=zone)
    try:
        page = context.new_page()
        page.clock.install(time=at)
        page.goto(url + path)
        page.wait_for_function("[...document.querySelectorAll('[data-hg-status]')].every(e => e.textContent)")
        if advance_ms:
            page.clock.run_for(advance_ms)
        return page.eval_on_selector_all(
            "[data-hg-contact] [data-hg-channel]",
            "els => Object.fromEntries(els.map(e => [e.dataset.hgChannel, e.querySelector('[data-hg-status]').textContent]))")
    finally:
        context.close()


def python_says(at: dt.datetime, zone: str, language: str | None = None) -> dict[str, str]:
    support = load_support(REPO / "support.yml")
    return {s.id: s.text for s in channel_statuses(support, at, zone, language=language)}


@pytest.mark.parametrize("case, at, zone, expected", [
    ("open moment", dt.datetime(2026, 11, 24, 10, 0, tzinfo=COPENHAGEN), "Europe/Copenhagen",
     {"email": "Write now — reply by tomorrow 17:00", "chat": "Open now · closes 17:00",
      "phone": "Open now · closes 16:00"}),
    ("closed evening, visitor in New York", dt.datetime(2026, 11, 27, 20, 0, tzinfo=COPENHAGEN), "America/New_York",
     {"chat": "Closed · opens tomorrow 04:00 (10:00 Copenhagen time)",
      "phone": "Closed · opens Monday 04:00 (10:00 Copenhagen time)"}),
    ("Christmas Eve holiday", dt.datetime(2026, 12, 24, 11, 0, tzinfo=COPENHAGEN), "Europe/Copenhagen",
     {"chat": "Closed for Christmas Eve · opens Monday 09:00", "email": "Write now — reply by Monday 17:00"}),
    ("EU spring-forward day", dt.datetime(2027, 3, 28, 9, 30, tzinfo=COPENHAGEN), "Europe/Copenhagen",
     {"chat": "Closed · opens tomorrow 09:00", "email": "Write now — reply by tomorrow 17:00"}),
    ("US and EU clocks apart in March", dt.datetime(2027, 3, 22, 8, 0, tzinfo=COPENHAGEN), "America/New_York",
     {"chat": "Closed · opens 04:00 (09:00 Copenhagen time)"}),
])
def test_widget_shows_the_expected_status(chromium, demo_url, case, at, zone, expected):
    shown = statuses_in_browser(chromium, demo_url, at, zone)
    assert shown == python_says(at, zone), case
    for channel, text in expected.items():
        assert shown[channel] == text, case


@pytest.mark.parametrize("language, path, expected", [
    ("da", "da/returns/hvordan-returnerer-jeg-en-vare/",
     {"chat": "Lukket · åbner i morgen kl. 4.00 (kl. 10.00 København-tid)",
      "phone": "Lukket · åbner mandag kl. 4.00 (kl. 10.00 København-tid)"}),
    ("zh", "zh/shipping/guoji-yunshu/",
     {"chat": "休息中 · 明天 04:00（哥本哈根时间 10:00）开始服务"}),
])
def test_the_widget_speaks_the_pages_language_as_python_does(chromium, demo_url, language, path, expected):
    at = dt.datetime(2026, 11, 27, 20, 0, tzinfo=COPENHAGEN)
    shown = statuses_in_browser(chromium, demo_url, at, "America/New_York", path=path)
    assert shown == python_says(at, "America/New_York", language)
    for channel, text in expected.items():
        assert shown[channel] == text


def test_status_refreshes_without_a_reload_when_chat_closes(chromium, demo_url):
    before_closing = dt.datetime(2026, 11, 24, 16, 59, 30, tzinfo=COPENHAGEN)
    assert statuses_in_browser(chromium, demo_url, before_closing, "Europe/Copenhagen")["chat"] == "Open now · closes 17:00"
    after = statuses_in_browser(chromium, demo_url, before_closing, "Europe/Copenhagen", advance_ms=61_000)
    assert after["chat"] == "Closed · opens tomorrow 09:00"


def test_without_javascript_the_static_hours_table_remains(chromium, demo_url):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(demo_url + "returns/how-do-i-return-an-item/")
        rows = page.eval_on_selector_all("[data-hg-contact] .hg-hours tr", "rows => rows.map(r => r.innerText)")
        assert rows[0].split() == ["Monday–Friday", "09:00–17:00"]
        assert page.eval_on_selector_all("[data-hg-contact] [data-hg-status]", "els => els.map(e => e.textContent)") == ["", "", ""]
    finally:
        context.close()
