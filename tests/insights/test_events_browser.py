"""The whole path in Debian's Chromium: a visitor votes, searches for something that is not there,
refines the search into one that is and opens the article, asks for a person from the search, the
article and the header; the built pages send each event to a real `helpgen insights serve`, and the
report says what happened. Also: nothing at all under Global Privacy Control or Do Not Track, the
browser masks what was typed exactly as the collector does, and with `matomo:` the same events reach
a (fake) Matomo as the exact tracking requests Matomo documents."""
from __future__ import annotations

import http.server
import threading
import time
from urllib.parse import parse_qsl

import pytest
from playwright.sync_api import expect

from helpgen.insights.privacy import clean_query
from helpgen.insights.report import build_report
from helpgen.insights.store import now, open_store

from ..browser.search_box import search_for
from ..conftest import MKDOCS_YML, SUPPORT_YML, Project
from .conftest import Collector, rows, stored
from .test_privacy import CASES

pytestmark = [pytest.mark.browser, pytest.mark.insights]
ARTICLE = "returns/return/"
SETTLED_MS = 2_000  # past helpgen-events.js's SETTLE_MS: the visitor has stopped typing


def make_project(root, feedback: str) -> Project:
    project = Project(root)
    # search.highlight, as `helpgen init` writes it: a result's link carries ?h=, which tells an article
    # page it was reached through a search (a contact there is no self-service).
    project.write("mkdocs.yml", MKDOCS_YML.replace("  name: material\n", "  name: material\n  features: [search.highlight]\n"))
    project.write("support.yml", SUPPORT_YML + feedback)
    project.article("returns/return.md", "How do I return an item?", "Send it back within 30 days for a refund.")
    project.article("returns/refund.md", "When is my refund paid?", "Your refund is paid within 5 days.")
    project.article("orders/track.md", "How do I track my order?", "Follow the tracking link.")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve_site):
    """The help center on a local static host, sending every kind of event to a collector that takes
    events from that host's origin only."""
    root = tmp_path_factory.mktemp("events-site") / "help"
    base = serve_site(root / "site")
    collector = Collector(f"sqlite:///{root.parent / 'insights.db'}", (base.rstrip("/"),), "--rate", "100000")
    make_project(root, f"feedback:\n  endpoint: '{collector.url}'\n  events: [votes, searches, contacts]\n").build()
    yield base, collector
    collector.stop()


@pytest.fixture
def context(chromium):
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    # The chat channel's page is on the internet, which this machine does not reach: answer for it.
    context.route("https://acme.example/**", lambda route: route.fulfill(body="chat", content_type="text/plain"))
    yield context
    context.close()


def wait_for(condition, what, timeout: float = 20) -> None:
    """Poll the collector's database until `condition()` (events arrive asynchronously). `what`: words,
    or a function saying what there is."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what() if callable(what) else what}"
        time.sleep(0.05)


def settle(page, query: str) -> None:
    """The visitor stops typing: once the events script has heard the answer to `query` (the worker's
    word reaches it apart from Material's), the settling pause passes."""
    page.wait_for_function("q => window.HelpgenEvents.heard() === q", arg=query)
    page.clock.run_for(SETTLED_MS)


def vote_then_find_nothing(context, url: str, query: str, tracked: bool = True):
    """A visitor on an article: votes Yes, then searches for something no article has, and reads the
    channels offered instead. Returns the page. `tracked`: False when nothing may listen (GPC, DNT)."""
    page = context.new_page()
    page.clock.install()
    page.goto(url)
    page.get_by_role("button", name="Yes").click()
    search_for(page, query)
    expect(page.locator("[data-hg-search-fallback]")).to_be_visible()
    if tracked:
        settle(page, query)
    else:
        page.clock.run_for(SETTLED_MS)
    return page


def test_vote_search_refine_click_and_contacts_reach_the_report(site, context):
    base, collector = site
    since = now() - 1
    page = context.new_page()
    page.clock.install()

    page.goto(base + ARTICLE)
    page.get_by_role("button", name="No").click()

    page.goto(base)
    search_for(page, "xyzzy")
    expect(page.locator("[data-hg-search-fallback]")).to_be_visible()
    settle(page, "xyzzy")
    search_for(page, "refund")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    settle(page, "refund")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url("**/returns/refund/**")
    # Reached through a search: asking for a person here counts against self-service.
    with page.expect_navigation():
        page.locator("[data-hg-person] [data-hg-channel=chat] a").click()

    page.goto(base + "orders/")
    search_for(page, "qqqzzz")
    fallback = page.locator("[data-hg-search-fallback]")
    expect(fallback).to_be_visible()
    page.wait_for_function("() => window.HelpgenEvents.heard() === 'qqqzzz'")
    with page.expect_navigation():
        fallback.locator("[data-hg-fallback-channel=chat] a").click()

    page.goto(base + ARTICLE)
    page.locator("[data-hg-headline]").click()
    page.wait_for_url("**/contact/")

    wait_for(lambda: stored(collector.db_url) == {"votes": 1, "searches": 3, "contacts": 3},
             lambda: f"seven events, have {stored(collector.db_url)}: {_queries(collector)}")
    store = open_store(collector.db_url, create=False)
    try:
        report = build_report(store, since, now() + 1)
    finally:
        store.close()
    assert [(z.query, z.count, z.languages) for z in report.zero_results] == [("qqqzzz", 1, ("en",)),
                                                                              ("xyzzy", 1, ("en",))]
    [refined] = report.refinements
    assert (refined.before, refined.after, refined.then_clicked) == ("xyzzy", "refund", 1)
    refund = next(s for s in report.top_searches if s.query == "refund")
    assert (refund.count, refund.clicks) == (1, 1)
    assert [(a.article, a.yes, a.no) for a in report.articles] == [("/" + ARTICLE, 0, 1)]
    assert report.contacts.by_origin == {"article": 1, "header": 1, "search": 1}
    assert report.contacts.by_channel == {"chat": 2, "contact-page": 1}
    assert report.contacts.after_search == 1
    assert report.self_service.rate == 0  # the one search that found an article still ended in a contact


def searching(context, url: str, query: str):
    """A fresh page view at `url`, its clock under the test's hand, with `query` typed into the search."""
    page = context.new_page()
    page.clock.install()
    page.goto(url)
    search_for(page, query)
    return page


def test_the_clicked_result_is_the_articles_path_without_highlight_or_anchor(site, context):
    base, collector = site
    page = searching(context, base + "orders/", "tracking link")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url("**/orders/track/**")
    wait_for(lambda: ("tracking link",) in _queries(collector), "the search")
    assert rows(collector.db_url, "SELECT clicked, refined_from FROM helpgen_searches WHERE query = 'tracking link'") == \
        [("/orders/track/", None)]


def test_an_answer_arriving_after_its_search_was_sent_is_no_second_search(site, context):
    base, collector = site
    page = searching(context, base + "orders/", "late answer")
    settle(page, "late answer")
    page.keyboard.press("Escape")  # the search closed: it is sent
    # The worker's last word about it, later than everything else (it happens under load):
    page.evaluate("""() => document.dispatchEvent(new CustomEvent('helpgen:search',
                       {detail: {query: document.querySelector('input[data-md-component=search-query]').value,
                                 shown: 1, total: 1}}))""")
    page.goto(base + "contact/")  # leaving: anything still pending would go now
    page.goto(base + "orders/")
    search_for(page, "sentinel")  # sent after the above, on its own page view
    settle(page, "sentinel")
    page.keyboard.press("Escape")
    wait_for(lambda: ("sentinel",) in _queries(collector), "the sentinel search")
    assert _queries(collector).count(("late answer",)) == 1


def _queries(collector):
    return rows(collector.db_url, "SELECT query FROM helpgen_searches")


@pytest.mark.parametrize("signal", ["globalPrivacyControl", "doNotTrack"])
def test_nothing_is_sent_when_the_browser_asks_not_to_be_tracked(site, context, signal):
    base, collector = site
    value = "true" if signal == "globalPrivacyControl" else '"1"'
    context.add_init_script(f"Object.defineProperty(Navigator.prototype, {signal!r}, {{get: () => {value}}});")
    sent = []
    context.on("request", lambda request: sent.append(request.url) if request.url.startswith(collector.url) else None)
    page = vote_then_find_nothing(context, base + ARTICLE, "zzzqqq", tracked=False)
    assert page.evaluate("HelpgenEvents.heard()") is None  # not even listened to
    assert page.evaluate("['vote', 'search', 'contact'].map(k => HelpgenEvents.enabled(k))") == [False] * 3
    assert page.evaluate("HelpgenEvents.send({type: 'vote', article: '/x/', vote: 'yes', language: 'en'})") is False
    page.goto(base + "contact/")  # leaving the page: the moment a pending search would be sent
    assert sent == []


def test_the_browser_masks_what_was_typed_as_the_collector_does(site, context):
    base, _ = site
    page = context.new_page()
    page.goto(base)
    typed = list(CASES) + ["x" * 300, "call me: +1 (555) 010-9999, or mail ME@Example.ORG", "退货 订单 20261201998"]
    assert page.evaluate("texts => texts.map(HelpgenEvents.cleanQuery)", typed) == [clean_query(t) for t in typed]


class FakeMatomo(http.server.ThreadingHTTPServer):
    """Records each tracking request as Matomo would receive it, and answers as Matomo does (204)."""

    def __init__(self):
        self.requests: list[dict] = []
        super().__init__(("127.0.0.1", 0), _MatomoHandler)
        threading.Thread(target=self.serve_forever, daemon=True).start()


class _MatomoHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - the stdlib's name
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        self.server.requests.append({"path": self.path, "content_type": self.headers.get("Content-Type"),
                                     "cookie": self.headers.get("Cookie"), "referer": self.headers.get("Referer"),
                                     "params": dict(parse_qsl(body, keep_blank_values=True))})
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_matomo_receives_the_same_events_as_its_tracking_api_expects(tmp_path, serve_site, context):
    matomo = FakeMatomo()
    try:
        root = tmp_path / "help"
        base = serve_site(root / "site")
        make_project(root, f"feedback:\n  matomo: {{url: 'http://127.0.0.1:{matomo.server_port}/', site_id: 7}}\n"
                           "  events: [votes, searches, contacts]\n").build()
        page = vote_then_find_nothing(context, base + ARTICLE, "xyzzy")
        with page.expect_navigation():
            page.locator("[data-hg-search-fallback] [data-hg-fallback-channel=chat] a").click()
        wait_for(lambda: len(matomo.requests) == 3, "three tracking requests")
    finally:
        matomo.shutdown()
        matomo.server_close()
    page_url = base + ARTICLE
    common = {"idsite": "7", "rec": "1", "apiv": "1", "send_image": "0", "url": page_url, "lang": "en"}
    # The search and the contact leave in that order, on two connections: either may arrive first.
    assert sorted((r["params"] for r in matomo.requests), key=lambda p: sorted(p.items())) == sorted([
        {**common, "e_c": "helpgen vote", "e_a": "yes", "e_n": "/" + ARTICLE},
        {**common, "search": "xyzzy", "search_cat": "en", "search_count": "0"},
        {**common, "e_c": "helpgen contact", "e_a": "chat", "e_n": "search"},
    ], key=lambda p: sorted(p.items()))
    for request in matomo.requests:
        assert request["path"] == "/matomo.php"
        assert request["content_type"].startswith("application/x-www-form-urlencoded")
        assert request["cookie"] is None and request["referer"] is None
