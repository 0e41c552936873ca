"""Notices in real headless Chromium with the page clock emulated: scheduled ones inside and outside
their windows, a live support-status.json added after the build, hostile live files, the banner's
dismiss button by keyboard, storage and network failures, no JavaScript, a phone's width, and axe-core.
Statuses are compared with what `helpgen hours` says for the same instant and notices."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from zoneinfo import ZoneInfo

import pytest

from helpgen.hours.live_file import read_live_text
from helpgen.hours.status import channel_statuses
from helpgen.hours.support import load_support

from ..conftest import REPO
from .axe import axe_available, run_axe

pytestmark = pytest.mark.browser
CPH = ZoneInfo("Europe/Copenhagen")
RUSH = dt.datetime(2026, 12, 15, 10, 30, tzinfo=CPH)  # inside the demo's christmas-rush (email: 3 business days)
ARTICLE = "returns/how-do-i-return-an-item/"
PHONE_DOWN = {"id": "phone-down", "until": "2026-12-15T14:00:00+01:00", "channels": ["phone"], "closed": True,
              "text": {"en": "Our phone line is down until 14:00; please write to us.",
                       "da": "Vores telefonlinje er nede til kl. 14; skriv til os."}}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo, built as if at RUSH (its no-JavaScript state), served; tests write its live file."""
    from helpgen.mkdocs.commands import build_site

    root = tmp_path_factory.mktemp("notices-demo")
    for name in ("mkdocs.yml", "support.yml"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "content", root / "content")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(RUSH.timestamp()))
    try:
        build_site(root / "mkdocs.yml", root / "site")
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    return root


@pytest.fixture
def site(demo, serve_site):
    """The served demo, with no live notice to start with."""
    write_live(demo, {"notices": []})
    return serve_site(demo / "site")


def write_live(demo, data) -> None:
    live = demo / "site" / "support-status.json"
    live.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    # An old Last-Modified: a browser cache would call the file fresh for months (heuristic freshness), and
    # the same date after each write would answer a revalidation with 304. Only no-store gets the new file.
    os.utime(live, (1_600_000_000, 1_600_000_000))


def open_page(chromium, url: str, at: dt.datetime, zone: str = "Europe/Copenhagen", **context):
    """A page at `url` with the clock at `at`, once statuses and the live file have been handled."""
    browser = chromium.new_context(timezone_id=zone, **context)
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.install(time=at)
    page.goto(url, wait_until="load")
    page.wait_for_function("window.HelpgenStatus && window.HelpgenStatus.rendered", timeout=10_000)
    page.errors = errors
    return browser, page


def banner(page) -> list[tuple[str, str]]:
    return [tuple(pair) for pair in page.eval_on_selector_all(
        "[data-hg-notices] .hg-notice", "els => els.map(e => [e.dataset.hgNotice, e.querySelector('.hg-notice__text').textContent])")]


def statuses(page) -> dict[str, str]:
    return page.eval_on_selector_all("[data-hg-contact] [data-hg-channel]", "els => Object.fromEntries(els.map(e => "
                                     "[e.dataset.hgChannel, e.querySelector('[data-hg-status]').textContent]))")


def python_says(at: dt.datetime, live: dict | None = None, language: str | None = None) -> dict[str, str]:
    notices = read_live_text(json.dumps(live), "support-status.json").notices if live else ()
    support = load_support(REPO / "support.yml")
    return {s.id: s.text for s in channel_statuses(support, at, "Europe/Copenhagen", language=language, live=notices)}


def wait_for_live(page, count: int) -> None:
    page.wait_for_function(f"document.querySelectorAll('[data-hg-notices] .hg-notice').length === {count}", timeout=10_000)


def test_inside_its_window_a_scheduled_notice_shows_and_changes_the_promise(chromium, site):
    browser, page = open_page(chromium, site + ARTICLE, RUSH)
    try:
        assert banner(page) == [("christmas-rush", "Christmas rush: email replies take up to 3 business days until 22 December.")]
        assert statuses(page) == python_says(RUSH)
        assert statuses(page)["email"] == "Write now — reply by Friday 17:00"
        assert page.text_content("[data-hg-contact] [data-hg-channel=email] [data-hg-channel-notice]") == \
            "Christmas rush: email replies take up to 3 business days until 22 December."
        assert page.is_hidden("[data-hg-contact] [data-hg-channel=chat] [data-hg-channel-notice]")
        assert page.errors == []
    finally:
        browser.close()


def test_outside_every_window_nothing_shows_although_the_build_showed_one(chromium, site):
    later = dt.datetime(2026, 12, 23, 10, 30, tzinfo=CPH)
    browser, page = open_page(chromium, site + ARTICLE, later)
    try:
        assert banner(page) == []  # the page was built during the rush; the visitor looks after it
        assert statuses(page) == python_says(later)
        assert statuses(page)["email"] == "Write now — reply by Monday 17:00"  # 24-27 December: holidays, Sunday
        assert page.is_hidden("[data-hg-contact] [data-hg-channel=email] [data-hg-channel-notice]")
    finally:
        browser.close()


def test_a_page_left_open_shows_a_closure_when_it_starts_and_drops_it_when_it_ends(chromium, site):
    before = dt.datetime(2027, 1, 4, 8, 59, 30, tzinfo=CPH)  # the demo's stock-count closes chat 09:00-12:00
    browser, page = open_page(chromium, site + "da/contact/", before)
    try:
        # Not shown yet, but chat's next opening is already after the closure.
        assert banner(page) == [] and page.text_content("[data-hg-channel=chat] [data-hg-status]") == \
            "Lukket · åbner kl. 12.00"
        assert page.is_hidden("[data-hg-channel=chat] [data-hg-channel-notice]")
        page.clock.run_for(61_000)
        wait_for_live(page, 1)
        assert banner(page) == [("stock-count", "Chatten er lukket til kl. 12.00 på grund af vareoptælling. Skriv en e-mail imens.")]
        assert page.text_content("[data-hg-channel=chat] [data-hg-status]") == "Lukket · åbner kl. 12.00"
        assert page.text_content("[data-hg-channel=chat] [data-hg-channel-notice]").startswith("Chatten er lukket")
        page.clock.run_for(3 * 3600_000)
        wait_for_live(page, 0)
        assert page.text_content("[data-hg-channel=chat] [data-hg-status]") == "Åben nu · lukker kl. 17.00"
    finally:
        browser.close()


def test_a_live_file_published_after_the_build_takes_effect_at_the_next_view(chromium, demo, site):
    browser, page = open_page(chromium, site + ARTICLE, RUSH)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url) if "support-status.json" in request.url else None)
    try:
        assert [n for n, _ in banner(page)] == ["christmas-rush"]
        write_live(demo, {"notices": [PHONE_DOWN]})  # no rebuild: one file, as `helpgen notice add` writes it
        page.reload()
        page.wait_for_function("window.HelpgenStatus && window.HelpgenStatus.rendered")
        wait_for_live(page, 2)
        assert [n for n, _ in banner(page)] == ["christmas-rush", "phone-down"]
        assert statuses(page) == python_says(RUSH, {"notices": [PHONE_DOWN]})
        assert statuses(page)["phone"] == "Closed · opens 14:00"
        assert page.text_content("[data-hg-headline-text]") == "Live chat · open now"
        write_live(demo, {"notices": []})  # cleared within the same second: no cached copy may answer
        page.reload()
        page.wait_for_function("window.HelpgenStatus && window.HelpgenStatus.rendered")
        page.wait_for_function("!document.querySelector('[data-hg-notice=phone-down]')", timeout=10_000)
        assert statuses(page)["phone"] == "Open now · closes 16:00"
        assert len(requests) == 2  # fetched at each view, never from the browser's cache
    finally:
        browser.close()


def test_the_live_text_is_picked_for_the_page_s_language(chromium, demo, site):
    write_live(demo, {"notices": [PHONE_DOWN]})
    browser, page = open_page(chromium, site + "da/contact/", RUSH)
    try:
        wait_for_live(page, 2)
        assert banner(page)[1] == ("phone-down", "Vores telefonlinje er nede til kl. 14; skriv til os.")
        assert page.text_content("[data-hg-channel=phone] [data-hg-status]") == "Lukket · åbner kl. 14.00"
    finally:
        browser.close()


def test_hostile_live_text_stays_text_and_invalid_notices_are_left_out(chromium, demo, site):
    hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>"
    write_live(demo, {"notices": [
        {"id": "xss", "text": hostile},
        {"id": "bidi", "text": "\u202eevil"},
        {"id": "proto", "text": "x", "__proto__": {"closed": True}, "channels": ["constructor"]},
        {"id": "toolong", "text": "x" * 501},
        {"id": "later", "from": "not a date", "text": "never"},
        {"id": "all-closed", "text": "x", "closed": "yes"}],
        "constructor": {"prototype": {"polluted": True}}})
    browser, page = open_page(chromium, site + ARTICLE, RUSH)
    try:
        wait_for_live(page, 3)
        assert banner(page) == [("christmas-rush", "Christmas rush: email replies take up to 3 business days until 22 December."),
                                ("xss", hostile), ("proto", "x")]
        assert page.evaluate("window.__pwned === undefined && ({}).polluted === undefined && ({}).closed === undefined")
        assert page.eval_on_selector_all("[data-hg-notices] img, [data-hg-notices] script", "els => els.length") == 0
        assert statuses(page) == python_says(RUSH)  # nothing closed, nothing else changed
        assert page.errors == []
    finally:
        browser.close()


@pytest.mark.parametrize("failure", ["abort", "500", "not-json", "hang"])
def test_a_failing_live_file_leaves_the_page_as_built(chromium, site, failure):
    context = chromium.new_context(timezone_id="Europe/Copenhagen")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    routes = {"abort": lambda route: route.abort(), "500": lambda route: route.fulfill(status=500, body="{}"),
              "not-json": lambda route: route.fulfill(status=200, body="{notices: ["), "hang": lambda route: None}
    page.route("**/support-status.json", routes[failure])
    page.clock.install(time=RUSH)
    try:
        page.goto(site + ARTICLE, wait_until="load")
        page.wait_for_function("window.HelpgenStatus && window.HelpgenStatus.rendered", timeout=10_000)
        page.clock.run_for(5_000)  # past the fetch's time limit
        assert [n for n, _ in banner(page)] == ["christmas-rush"]
        assert statuses(page) == python_says(RUSH)
        assert errors == []
    finally:
        context.close()


def test_a_notice_dismissed_by_keyboard_stays_dismissed_in_this_browser_only(chromium, demo, site):
    write_live(demo, {"notices": [PHONE_DOWN]})
    browser, page = open_page(chromium, site + ARTICLE, RUSH)
    try:
        wait_for_live(page, 2)
        for _ in range(30):  # Tab through the page from its start: the buttons are in the tab order
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('hg-notice__dismiss')"):
                break
        assert page.evaluate("document.activeElement.dataset.hgFor") == "christmas-rush"
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Dismiss this notice"
        page.keyboard.press("Enter")
        wait_for_live(page, 1)
        assert page.evaluate("document.activeElement.dataset.hgFor") == "phone-down"  # the next one, not the page's top
        page.reload()
        page.wait_for_function("window.HelpgenStatus && window.HelpgenStatus.rendered")
        wait_for_live(page, 1)
        assert [n for n, _ in banner(page)] == ["phone-down"]
        # Dismissed in the banner only: the contact block still says what holds.
        assert page.text_content("[data-hg-contact] [data-hg-channel=email] [data-hg-channel-notice]").startswith("Christmas rush")
    finally:
        browser.close()
    other, fresh = open_page(chromium, site + ARTICLE, RUSH)  # another browser profile
    try:
        wait_for_live(fresh, 2)
    finally:
        other.close()


def test_with_storage_refused_a_dismissal_holds_for_the_page_and_nothing_breaks(chromium, site):
    context = chromium.new_context(timezone_id="Europe/Copenhagen")
    # As with cookies blocked: touching window.localStorage throws (Material's own scripts trip on it too;
    # only errors from helpgen's scripts count here).
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new Error('denied'); }});")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(error.stack) if "helpgen" in (error.stack or "") else None)
    page.clock.install(time=RUSH)
    try:
        page.goto(site + ARTICLE, wait_until="load")
        page.wait_for_function("window.HelpgenStatus && window.HelpgenStatus.rendered")
        page.click(".hg-notice__dismiss")
        wait_for_live(page, 0)
        page.clock.run_for(61_000)  # a re-render does not bring it back
        assert banner(page) == [] and errors == []
    finally:
        context.close()


def test_without_javascript_the_build_time_notices_and_promises_show(chromium, site):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + ARTICLE)
        assert [n for n, _ in banner(page)] == ["christmas-rush"]
        assert page.eval_on_selector_all(".hg-notice__dismiss", "els => els.length") == 0
        assert page.text_content("[data-hg-contact] [data-hg-channel=email] [data-hg-reply]") == "Replies within 3 business days"
    finally:
        context.close()


@pytest.mark.parametrize("language, path", [("en", ARTICLE), ("da", "da/returns/hvordan-returnerer-jeg-en-vare/"),
                                            ("zh", "zh/shipping/guoji-yunshu/")])
def test_at_a_phone_s_width_the_banner_sits_under_the_header_and_hides_no_way_to_contact(chromium, demo, site, language, path):
    write_live(demo, {"notices": [PHONE_DOWN]})
    browser, page = open_page(chromium, site + path, RUSH, viewport={"width": 390, "height": 844})
    try:
        wait_for_live(page, 2)
        header = page.locator(".md-header").bounding_box()
        contact = page.locator("[data-hg-headline]").bounding_box()
        strip = page.locator("[data-hg-notices]").bounding_box()
        assert page.locator("[data-hg-headline]").is_visible()
        assert strip["y"] >= header["y"] + header["height"] - 1 and contact["y"] + contact["height"] <= strip["y"] + 1
        assert strip["height"] < 844 / 3  # two notices leave most of the first screen to the answer
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the screen
        assert page.evaluate("document.elementFromPoint(arguments[0], arguments[1]).closest('[data-hg-headline]') !== null"
                             .replace("arguments[0]", str(contact["x"] + contact["width"] / 2))
                             .replace("arguments[1]", str(contact["y"] + contact["height"] / 2)))
    finally:
        browser.close()


@pytest.mark.skipif(not axe_available(), reason="axe-core is not installed: run `make axe`")
@pytest.mark.parametrize("size", [{"width": 390, "height": 844}, {"width": 1366, "height": 900}], ids=["390", "1366"])
def test_pages_with_notices_meet_wcag_22_aa(chromium, demo, site, size):
    write_live(demo, {"notices": [PHONE_DOWN, {"id": "all", "text": "We answer more slowly today.", "response": "2 days"}]})
    problems = []
    for path in (ARTICLE, "contact/", "da/contact/"):
        browser, page = open_page(chromium, site + path, RUSH, viewport=size)
        try:
            wait_for_live(page, 3)
            for violation in run_axe(page):
                if violation.in_helpgen or violation.impact in ("serious", "critical"):
                    problems.append(f"{path}: {violation}")
        finally:
            browser.close()
    assert problems == [], "\n".join(problems)


def test_a_search_that_finds_nothing_offers_the_channels_as_the_notices_leave_them(chromium, demo, site):
    write_live(demo, {"notices": [PHONE_DOWN]})
    browser, page = open_page(chromium, site + "?q=xyzzy", RUSH)
    try:
        wait_for_live(page, 2)
        phone = page.locator("[data-hg-search-fallback] [data-hg-fallback-channel=phone]")
        phone.wait_for(timeout=10_000)
        page.fill("input[data-md-component=search-query]", "xyzzyq")  # drawn again, now with the live notice
        page.locator("[data-hg-search-fallback][data-hg-query=xyzzyq]").wait_for(timeout=10_000)
        assert phone.locator(".hg-search-fallback__status").text_content() == "Closed · opens 14:00"
        assert phone.locator(".hg-search-fallback__notice").text_content() == PHONE_DOWN["text"]["en"]
    finally:
        browser.close()
