"""`helpgen insights report`: each section's figures from events with known times, the same report
from SQLite and PostgreSQL, and the three formats (text, JSON, one self-contained HTML file)."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from helpgen.cli import main
from helpgen.insights.events import read_event
from helpgen.insights.render import render_report
from helpgen.insights.report import build_report
from helpgen.insights.store import open_store

from .conftest import CONTACT, SEARCH, VOTE

pytestmark = pytest.mark.insights
UNTIL = int(dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc).timestamp())  # a Tuesday
DAY = 86_400
SINCE = UNTIL - 28 * DAY


def events() -> list[tuple[dict, int]]:
    """Four weeks of a small help center, each figure below chosen to be told apart."""
    out: list[tuple[dict, int]] = []

    def add(event: dict, times: int, days_ago) -> None:
        for n in range(times):
            out.append((event, UNTIL - int(days_ago(n) * DAY) - 60))

    add({**SEARCH, "query": "klarna"}, 37, lambda n: n * 0.7)  # over the whole window: steady
    add({**SEARCH, "query": "klarna", "language": "da"}, 3, lambda n: 2)
    add({**SEARCH, "query": "afterpay"}, 9, lambda n: 1 + n / 10)  # only lately: new
    add({**SEARCH, "query": "gift wrap"}, 8, lambda n: 20 + n / 10)  # only early: falling
    add({**SEARCH, "query": "gift wrap"}, 40, lambda n: 40)  # long before the window: not counted
    add({**SEARCH, "query": "refund", "results": 4, "clicked": "/returns/refund-timing/"}, 30, lambda n: n / 2)
    add({**SEARCH, "query": "refund", "results": 4}, 10, lambda n: n / 2)
    add({**SEARCH, "query": "chargeback"}, 12, lambda n: n)
    add({**SEARCH, "query": "refund", "results": 4, "clicked": "/returns/refund-timing/",
         "refined_from": "chargeback"}, 12, lambda n: n)
    add({**VOTE, "article": "/many/", "vote": "yes"}, 160, lambda n: n / 8)
    add({**VOTE, "article": "/many/", "vote": "no"}, 40, lambda n: n / 8)
    add({**VOTE, "article": "/few-yes/", "vote": "yes"}, 3, lambda n: 1)
    add({**VOTE, "article": "/few-no/", "vote": "no"}, 3, lambda n: 1)
    add({**CONTACT, "from": "article"}, 5, lambda n: n)
    add({**CONTACT, "from": "article", "page": "/many/", "after_search": True}, 4, lambda n: n)
    add({**CONTACT, "from": "search", "channel": "chat"}, 6, lambda n: n)
    add({**CONTACT, "from": "404", "channel": "phone"}, 2, lambda n: n)
    add({**CONTACT, "from": "header", "channel": "contact-page"}, 3, lambda n: n)
    return out


def seeded(url: str):
    store = open_store(url)
    store.insert([(read_event(event), at) for event, at in events()])
    return store


@pytest.fixture
def report(tmp_path):
    store = seeded(f"sqlite:///{tmp_path / 'insights.db'}")
    try:
        yield build_report(store, SINCE, UNTIL)
    finally:
        store.close()


def test_searches_that_found_nothing_with_count_languages_dates_and_trend(report):
    rows = {z.query: z for z in report.zero_results}
    assert list(rows) == ["klarna", "chargeback", "afterpay", "gift wrap"]
    klarna = rows["klarna"]
    assert (klarna.count, klarna.languages, klarna.trend) == (40, ("en", "da"), "steady")
    assert dt.datetime.fromtimestamp(klarna.last_seen, dt.timezone.utc).date() == dt.date(2026, 11, 30)
    assert (rows["afterpay"].trend, rows["gift wrap"].trend, rows["gift wrap"].count) == ("new", "falling", 8)
    # First seen over everything kept, not only the window: gift wrap was searched 40 days before.
    assert rows["gift wrap"].first_seen < SINCE
    assert sum(klarna.weekly) == 40 and len(klarna.weekly) == len(report.weeks) == 5


def test_top_searches_with_click_rate_and_refinements(report):
    refund = report.top_searches[0]
    assert (refund.query, refund.count, refund.clicks, round(refund.click_rate, 2)) == ("refund", 52, 42, 0.81)
    [pair] = report.refinements
    assert (pair.before, pair.after, pair.count, pair.then_clicked) == ("chargeback", "refund", 12, 12)


def test_helpfulness_ranks_by_the_wilson_lower_bound(report):
    order = [a.article for a in report.articles]
    # 3 Yes of 3 (100 %) does not outrank 160 of 200 (80 %); 3 No of 3 ranks last, below 40 No of 200.
    assert order == ["/many/", "/few-yes/", "/few-no/"]
    many = report.articles[0]
    assert (many.yes, many.no, round(many.share, 2), round(many.lower, 3), round(many.upper, 3)) == \
        (160, 40, 0.8, 0.739, 0.85)


def test_contacts_by_place_channel_and_article_and_the_self_service_rate(report):
    contacts = report.contacts
    assert contacts.by_origin == {"article": 9, "search": 6, "header": 3, "404": 2}
    assert contacts.by_channel == {"email": 9, "chat": 6, "contact-page": 3, "phone": 2}
    assert contacts.by_article == (("/returns/how-do-i-return-an-item/", 5), ("/many/", 4))
    service = report.self_service
    assert (service.searches, service.clicked, service.contacts_after) == (121, 42, 4)
    assert round(service.rate, 4) == round((42 - 4) / 121, 4)


def test_weeks_run_monday_to_sunday_and_add_up(report):
    # The window is Tuesday 3 to Monday 30 November: five weeks, each named by its Monday.
    assert [w.start for w in report.weeks] == ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]
    assert sum(w.searches for w in report.weeks) == report.self_service.searches
    assert sum(w.yes + w.no for w in report.weeks) == report.votes == 206


def test_postgresql_gives_the_same_report_as_sqlite(tmp_path, postgres_url):
    sqlite, postgres = seeded(f"sqlite:///{tmp_path / 'insights.db'}"), seeded(postgres_url)
    try:
        assert build_report(postgres, SINCE, UNTIL).as_json() == build_report(sqlite, SINCE, UNTIL).as_json()
    finally:
        sqlite.close()
        postgres.close()


def test_json_is_what_check_reads_and_text_reads_in_a_terminal(report):
    data = json.loads(render_report(report, "json"))
    assert data["format"] == 1 and data["zero_results"][0]["query"] == "klarna"
    assert data["articles"][0]["lower"] == 0.7391 and data["self_service"]["rate"] == 0.314
    text = render_report(report, "text", "en")
    assert "Searches that found nothing" in text and "  klarna" in text and "steady" in text
    danish = render_report(report, "text", "da")
    assert "Søgninger uden resultater" in danish and "121 søgninger, 206 stemmer, 20 klik på kontakt" in danish


def test_html_is_one_file_with_charts_and_no_request(report):
    page = BeautifulSoup(render_report(report, "html", "zh", "sqlite:///insights.db"), "html.parser")
    assert page.html["lang"] == "zh" and page.find("h1").get_text() == "帮助中心洞察"
    assert page.find_all("script") == [] and page.find_all("link") == [] and page.find_all("img") == []
    assert not [tag for tag in page.find_all(True) for attr in ("src", "href") if tag.get(attr)]
    charts = page.select("figure svg[role=img]")
    assert len(charts) == 3 and all(page.find(id=svg["aria-labelledby"]) for svg in charts)
    first = page.select_one("table:has(#zero-table) tbody tr").find_all("td")
    assert [td.get_text() for td in first[:2]] == ["klarna", "40"]


def test_what_visitors_typed_reaches_the_html_as_text(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'insights.db'}")
    store.insert([(read_event({**SEARCH, "query": "<script>alert(1)</script>"}), UNTIL - 60)])
    html = render_report(build_report(store, SINCE, UNTIL), "html")
    store.close()
    page = BeautifulSoup(html, "html.parser")
    assert page.find_all("script") == [] and "<script>alert(1)</script>" in page.get_text()


def test_the_cli_writes_each_format_and_says_what_is_wrong(tmp_path):
    seeded(f"sqlite:///{tmp_path / 'insights.db'}").close()
    runner = CliRunner()
    url = f"sqlite:///{tmp_path / 'insights.db'}"
    result = runner.invoke(main, ["insights", "report", "--db", url, "--since", "3y", "--format", "html",
                                  "-o", str(tmp_path / "report.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    result = runner.invoke(main, ["insights", "report", "--db", url, "--since", "3y", "--format", "json"])
    assert json.loads(result.output)["self_service"]["searches"] >= 161
    missing = runner.invoke(main, ["insights", "report", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert missing.exit_code == 1 and "no such database file" in missing.output
    assert not (tmp_path / "none.db").exists()
    wrong = runner.invoke(main, ["insights", "report", "--db", "mysql://x/y"])
    assert wrong.exit_code == 1 and "not a database URL helpgen knows" in wrong.output
    age = runner.invoke(main, ["insights", "report", "--db", url, "--since", "30 days"])
    assert age.exit_code == 2 and "write a number and d, w, m or y" in age.output
