"""An event answered 204 is on disk: the collector killed with SIGKILL in the middle of a stream of
concurrent events loses none that it answered, and a new collector opens the same database at once."""
from __future__ import annotations

import http.client
import json
import threading

import pytest

from .conftest import ORIGIN, SEARCH, VOTE, Collector, rows, stored

pytestmark = pytest.mark.insights
SENDERS = 8
KILL_AFTER = 400  # answered events before the kill: enough that commits are in flight when it lands


def test_nothing_answered_is_lost_when_the_collector_is_killed(db_url):
    collector = Collector(db_url, (ORIGIN,), "--rate", "1000000")
    answered: list[str] = []
    lock = threading.Lock()
    enough = threading.Event()

    def send(sender: int) -> None:
        for n in range(100_000):
            query = f"sender {sender} event {n}"
            try:
                connection = http.client.HTTPConnection(collector.host, collector.port, timeout=10)
                connection.request("POST", "/events", json.dumps({**SEARCH, "query": query}),
                                   {"Origin": ORIGIN, "Content-Type": "text/plain"})
                status = connection.getresponse().status
                connection.close()
            except OSError:
                return  # the collector is gone
            if status == 204:
                with lock:
                    answered.append(query)
                    if len(answered) >= KILL_AFTER:
                        enough.set()

    threads = [threading.Thread(target=send, args=(s,)) for s in range(SENDERS)]
    for thread in threads:
        thread.start()
    assert enough.wait(timeout=120), "the collector answered too few events:\n" + "".join(collector.log)
    collector.kill()
    for thread in threads:
        thread.join(timeout=60)

    kept = {q for (q,) in rows(db_url, "SELECT query FROM helpgen_searches")}
    missing = [q for q in answered if q not in kept]
    assert missing == [], f"{len(missing)} of {len(answered)} answered events were lost"

    # The database is usable at once: a new collector opens it and keeps what it is sent.
    again = Collector(db_url, (ORIGIN,))
    try:
        assert again.post(VOTE) == 204
    finally:
        again.stop()
    assert stored(db_url)["votes"] == 1


def test_a_stopped_collector_commits_what_it_answered(db_url):
    collector = Collector(db_url, (ORIGIN,), "--rate", "1000000")
    answers = [collector.post({**VOTE, "vote": "no" if n % 3 else "yes"}) for n in range(50)]
    assert collector.stop() == 0 or collector.process.returncode in (-15, 0)
    assert answers.count(204) == 50 and stored(db_url)["votes"] == 50
