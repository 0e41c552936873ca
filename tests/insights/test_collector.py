"""`helpgen insights serve` over real HTTP, on SQLite and on PostgreSQL: what it keeps, what it refuses
(with a 4xx and nothing stored), what it tells browsers (CORS), and that it keeps nothing about the
client. One collector per engine serves the whole module."""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from .conftest import CONTACT, ORIGIN, SEARCH, VOTE, Collector, _postgres_schema, rows, stored

pytestmark = pytest.mark.insights


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def collector(request, tmp_path_factory):
    schema = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('collector') / 'insights.db'}"
    else:
        schema = _postgres_schema()
        url = next(schema)
    # A rate no test here reaches: the rate limit has a collector of its own below.
    running = Collector(url, (ORIGIN, "http://localhost:8000"), "--rate", "100000")
    yield running
    running.stop()
    if schema:
        next(schema, None)


def test_each_kind_of_event_is_answered_204_and_kept(collector):
    before = stored(collector.db_url)
    assert collector.post(VOTE) == 204
    assert collector.post(SEARCH) == 204
    assert collector.post(CONTACT) == 204
    assert collector.post(VOTE, content_type="application/json") == 204
    after = stored(collector.db_url)
    assert {k: after[k] - before[k] for k in after} == {"votes": 2, "searches": 1, "contacts": 1}


def test_a_search_is_kept_masked_lower_case_and_cut(collector):
    query = "Refund for ORDER 12345678 to jane.doe@example.com, call +45 70 12 34 56 " + "x" * 300
    assert collector.post({**SEARCH, "query": query, "refined_from": "Card 4111 1111 1111 1111"}) == 204
    kept, refined = rows(collector.db_url, "SELECT query, refined_from FROM helpgen_searches ORDER BY id DESC")[0]
    assert kept.startswith("refund for order [number] to [email], call [phone] xxx")
    assert len(kept) == 100 and refined == "card [number]"


@pytest.mark.parametrize("body, status, reason", [
    (b"{not json", 400, "not JSON"),
    (b"\xff\xfe{}", 400, "not UTF-8"),
    (b'{"type": "search", "query": NaN, "results": 0, "language": "en"}', 400, "not JSON"),
    (b"[1, 2]", 422, "expected one JSON object"),
    (b'{"type": "pageview", "page": "/"}', 422, 'type "pageview"'),
    (json.dumps({**VOTE, "ip": "203.0.113.9"}).encode(), 422, 'unknown field "ip"'),
    (json.dumps({**VOTE, "vote": "maybe"}).encode(), 422, "vote.vote"),
    (json.dumps({**SEARCH, "results": "0"}).encode(), 422, "search.results: expected a whole number"),
    (json.dumps({**SEARCH, "results": True}).encode(), 422, "search.results"),
    (json.dumps({**SEARCH, "results": -1}).encode(), 422, "search.results"),
    (json.dumps({**SEARCH, "query": "   "}).encode(), 422, "search.query: empty"),
    (json.dumps({**SEARCH, "clicked": "https://elsewhere.example/"}).encode(), 422, "search.clicked"),
    (json.dumps({**SEARCH, "clicked": "/returns/?q=x"}).encode(), 422, "search.clicked"),
    (json.dumps({**CONTACT, "from": "email"}).encode(), 422, "contact.from"),
    (json.dumps({**CONTACT, "channel": "<b>"}).encode(), 422, "contact.channel"),
    (json.dumps({k: v for k, v in VOTE.items() if k != "article"}).encode(), 422, "vote.article: missing"),
    (b'{"type": "vote", "type": "vote", "article": "/a/", "vote": "no", "language": "en"}', 422, "given twice"),
])
def test_garbage_is_refused_with_its_reason_and_nothing_is_kept(collector, body, status, reason):
    before = stored(collector.db_url)
    code, _, answer = collector.request("POST", "/events", body, {"Origin": ORIGIN, "Content-Type": "text/plain"})
    assert (code, reason in json.loads(answer)["error"]) == (status, True), answer
    assert stored(collector.db_url) == before


def test_oversize_bodies_are_refused_whatever_the_length_header_says(collector):
    before = stored(collector.db_url)
    big = json.dumps({**SEARCH, "query": "x" * 5000})
    assert collector.post(big) == 413
    # A small declared length with a large chunked body: counted as it arrives.
    code, _, _ = collector.request("POST", "/events", iter([big[:2000].encode(), big[2000:].encode()]),
                                   {"Origin": ORIGIN, "Content-Type": "text/plain"})
    assert code == 413
    assert stored(collector.db_url) == before


def test_other_sites_pages_and_other_content_types_are_refused(collector):
    before = stored(collector.db_url)
    assert collector.post(VOTE, origin="https://evil.example") == 403
    assert collector.request("POST", "/events", json.dumps(VOTE), {"Content-Type": "text/plain"})[0] == 403
    assert collector.post(VOTE, content_type="application/x-www-form-urlencoded") == 415
    assert collector.request("GET", "/events")[0] == 405
    assert collector.request("POST", "/elsewhere", "{}", {"Origin": ORIGIN})[0] == 404
    assert stored(collector.db_url) == before


def test_cors_lets_only_the_configured_origins_send(collector):
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    code, headers, _ = collector.request("OPTIONS", "/events", headers={"Origin": ORIGIN, **preflight})
    assert code == 200 and headers["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-credentials" not in headers
    code, headers, _ = collector.request("OPTIONS", "/events", headers={"Origin": "https://evil.example", **preflight})
    assert code == 400 and "access-control-allow-origin" not in headers
    code, headers, _ = collector.request("POST", "/events", json.dumps(VOTE),
                                         {"Origin": "http://localhost:8000", "Content-Type": "text/plain"})
    assert code == 204 and headers["access-control-allow-origin"] == "http://localhost:8000"


def test_nothing_about_the_client_is_kept(collector):
    marker = "UniqueAgent/7.3 (visitor-fingerprint)"
    assert collector.post(VOTE, headers={"User-Agent": marker, "Cookie": "session=secret-cookie-value",
                                         "Referer": "https://help.acme.example/private?email=a@b.example",
                                         "X-Forwarded-For": "198.51.100.23"}) == 204
    everything = json.dumps([rows(collector.db_url, f"SELECT * FROM {table}")
                             for table in ("helpgen_votes", "helpgen_searches", "helpgen_contacts")])
    for trace in (marker, "secret-cookie-value", "198.51.100.23", "127.0.0.1", "a@b.example"):
        assert trace not in everything
    columns = json.dumps(rows(collector.db_url, "SELECT * FROM helpgen_votes ORDER BY id DESC")[0])
    assert columns.count('"') == 6  # article, vote, language: the vote's own text and nothing more
    assert [line for line in collector.log if "Collecting events" not in line] == []  # no access log either


def test_health_answers_and_says_nothing_more(collector):
    code, headers, body = collector.request("GET", "/health")
    assert (code, json.loads(body)) == (200, {"status": "ok"})
    assert "server" not in headers


def test_many_concurrent_clients_lose_nothing(collector):
    before = stored(collector.db_url)["searches"]
    events = [{**SEARCH, "query": f"question {n % 37}", "results": n % 3} for n in range(600)]
    with ThreadPoolExecutor(max_workers=40) as pool:
        answers = list(pool.map(collector.post, events))
    assert answers == [204] * len(events)
    assert stored(collector.db_url)["searches"] - before == len(events)


def test_a_client_over_the_rate_is_told_to_wait_and_others_are_not(db_url, start_collector):
    collector = start_collector(db_url, "--rate", "5")
    answers = [collector.post(VOTE) for _ in range(7)]
    assert answers == [204] * 5 + [429] * 2
    code, headers, _ = collector.request("POST", "/events", json.dumps(VOTE),
                                         {"Origin": ORIGIN, "Content-Type": "text/plain"})
    assert code == 429 and int(headers["retry-after"]) >= 1
    assert stored(db_url)["votes"] == 5
