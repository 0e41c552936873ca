"""The store: the schema helpgen creates and versions, several collectors on one PostgreSQL, retention
(`insights prune`), database URLs said without their password; and the in-memory rate limit."""
from __future__ import annotations

import threading

import pytest
from click.testing import CliRunner

from helpgen.cli import main
from helpgen.errors import HelpgenError
from helpgen.insights.events import read_event
from helpgen.insights.limits import MAX_CLIENTS, RateLimiter, client_key
from helpgen.insights.schema import VERSION
from helpgen.insights.store import now, open_store, shown_url

from .conftest import ORIGIN, SEARCH, VOTE, Collector, rows, stored

pytestmark = pytest.mark.insights


def test_the_schema_is_created_once_and_its_version_recorded(db_url):
    open_store(db_url).close()
    store = open_store(db_url)
    try:
        assert store.migrate() == VERSION  # already current: nothing to do
        assert store.rows("SELECT version FROM helpgen_insights_schema") == [(VERSION,)]
        assert store.counts() == {"votes": 0, "searches": 0, "contacts": 0}
    finally:
        store.close()


def test_a_database_of_the_first_schema_is_brought_up_to_date_and_keeps_its_events(db_url):
    from helpgen.insights.schema import MIGRATIONS

    store = open_store(db_url)
    for table in ("helpgen_votes", "helpgen_searches", "helpgen_contacts", "helpgen_insights_schema"):
        store.execute(f"DROP TABLE {table}")
    store.execute("CREATE TABLE helpgen_insights_schema (version INTEGER NOT NULL)")
    for statement in MIGRATIONS[0][1]:  # the tables as the first helpgen with insights made them
        store.execute(store._dialect(statement))
    store.execute("INSERT INTO helpgen_insights_schema (version) VALUES (1)")
    store.commit()
    store.insert([(read_event(SEARCH), now())])
    store.close()
    store = open_store(db_url)
    try:
        assert store.rows("SELECT version FROM helpgen_insights_schema") == [(VERSION,)] and VERSION >= 2
        assert store.counts()["searches"] == 1
        refined = read_event({**SEARCH, "refined_from": "pay later"})
        store.insert([(refined, now())])  # the new indexes take rows
        assert store.counts()["searches"] == 2
    finally:
        store.close()


def test_a_database_from_a_newer_helpgen_is_refused_with_the_fix(db_url):
    store = open_store(db_url)
    store.execute("UPDATE helpgen_insights_schema SET version = 99")
    store.commit()
    store.close()
    with pytest.raises(HelpgenError) as refused:
        open_store(db_url)
    assert f"the database has insights schema 99, this helpgen knows up to {VERSION}" in str(refused.value)
    assert "upgrade helpgen" in str(refused.value)


def test_several_collectors_share_one_postgresql(postgres_url):
    # Started together on an empty schema: they migrate one after the other, once.
    started = []
    threads = [threading.Thread(target=lambda: started.append(Collector(postgres_url, (ORIGIN,), "--rate", "100000")))
               for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert len(started) == 3
        answers = [started[n % 3].post({**SEARCH, "query": f"shared {n}"}) for n in range(90)]
        assert answers == [204] * 90
    finally:
        for collector in started:
            collector.stop()
    assert stored(postgres_url)["searches"] == 90
    assert rows(postgres_url, "SELECT COUNT(*), MAX(version) FROM helpgen_insights_schema") == [(1, VERSION)]


def test_prune_deletes_what_is_older_than_the_age_given(db_url):
    store = open_store(db_url)
    day = 86_400
    store.insert([(read_event(VOTE), now() - 200 * day), (read_event(SEARCH), now() - 181 * day),
                  (read_event(SEARCH), now() - 179 * day), (read_event(VOTE), now() - day)])
    store.close()
    result = CliRunner().invoke(main, ["insights", "prune", "--db", db_url, "--older-than", "180d"])
    assert result.exit_code == 0, result.output
    assert "Deleted 2 events older than 180 days (1 votes, 1 searches, 0 contacts)." in result.output
    assert stored(db_url) == {"votes": 1, "searches": 1, "contacts": 0}
    assert CliRunner().invoke(main, ["insights", "prune", "--db", db_url]).exit_code == 2  # the age is required


def test_database_urls_are_said_without_their_password():
    assert shown_url("postgresql://helpgen:s3cret@db.internal:5432/insights") == \
        "postgresql://helpgen:***@db.internal:5432/insights"
    assert shown_url("sqlite:///insights.db") == "sqlite:///insights.db"
    result = CliRunner().invoke(main, ["insights", "report", "--db", "postgresql://u:s3cret@127.0.0.1:1/none"])
    assert result.exit_code == 1 and "cannot connect" in result.output and "s3cret" not in result.output


def test_sqlite_urls_that_are_no_path_are_said_plainly(tmp_path):
    for url in ("sqlite://insights.db", "sqlite:///", f"sqlite:///{tmp_path}/no/such/folder/x.db"):
        with pytest.raises(HelpgenError) as refused:
            open_store(url)
        assert "SQLite URL" in str(refused.value) or "does not exist" in str(refused.value)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_rate_refills_and_each_client_has_its_own():
    clock = Clock()
    limiter = RateLimiter(per_minute=6, clock=clock)
    assert [limiter.allow("198.51.100.7") for _ in range(7)] == [True] * 6 + [False]
    assert limiter.allow("198.51.100.8")  # another visitor
    clock.now += 10  # one event's worth refilled
    assert limiter.allow("198.51.100.7") and not limiter.allow("198.51.100.7")
    assert limiter.retry_after() == 10


def test_an_ipv6_client_counts_as_its_network_and_memory_stays_bounded():
    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert client_key("::ffff:198.51.100.7") == "198.51.100.7"
    clock = Clock()
    limiter = RateLimiter(per_minute=60, clock=clock)
    for n in range(1000):
        limiter.allow(f"10.0.{n // 250}.{n % 250}")
    clock.now += 61  # every bucket full again: nothing left to remember
    limiter.allow("10.9.9.9")
    assert len(limiter) == 1
    assert MAX_CLIENTS >= 10_000


def test_health_says_failing_while_the_database_refuses_and_ok_once_it_is_back(postgres_url, start_collector):
    collector = start_collector(postgres_url)
    assert collector.post(VOTE) == 204
    store = open_store(postgres_url)
    store.execute("ALTER TABLE helpgen_votes RENAME TO helpgen_votes_away")
    store.commit()
    assert collector.post(VOTE) == 503  # not stored, and said so
    assert collector.request("GET", "/health")[:1] == (503,)
    assert any("could not store 1 event(s)" in line for line in collector.log)
    store.execute("ALTER TABLE helpgen_votes_away RENAME TO helpgen_votes")
    store.commit()
    store.close()
    assert collector.request("GET", "/health")[0] == 200  # asked again, not left failing until an event comes
    assert collector.post(VOTE) == 204
    assert stored(postgres_url)["votes"] == 2
