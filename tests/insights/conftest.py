"""The insights collector as users run it: `helpgen insights serve` in a process of its own on a free
port, answering over real HTTP, writing a real SQLite file or a real PostgreSQL database.

PostgreSQL comes from HELPGEN_TEST_POSTGRES_URL (`.ci/postgres` installs Debian's PostgreSQL, starts
it and prints the URL; .ci/run exports it). Without it the PostgreSQL cases skip, saying so; in CI
(CI=true) they fail instead, so a CI run that lost its database cannot pass as green. Each case gets
a schema of its own (search_path in the URL), dropped afterwards: xdist workers never share tables.
"""
from __future__ import annotations

import http.client
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

POSTGRES_ENV = "HELPGEN_TEST_POSTGRES_URL"
ORIGIN = "https://help.acme.example"
STARTUP_S = 30
_ANNOUNCED = re.compile(r"at http://([^/\s]+):(\d+)/events")


def postgres_base_url() -> str:
    url = os.environ.get(POSTGRES_ENV, "")
    if url:
        return url
    reason = (f"{POSTGRES_ENV} is not set: PostgreSQL cases need a server (`make postgres` installs and starts "
              "Debian's PostgreSQL and prints the URL to export)")
    if os.environ.get("CI"):
        pytest.fail(reason + "; CI must run them (.ci/run exports it)")
    pytest.skip(reason)


@pytest.fixture
def postgres_url():
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    yield from _postgres_schema()


def _postgres_schema():
    import psycopg

    base = postgres_base_url()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base else "?"
    yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """Each store engine in turn: a SQLite file, a PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'insights.db'}"
    else:
        yield from _postgres_schema()


class Collector:
    """`helpgen insights serve` in a subprocess: `post` events to it, `stop` or `kill` it."""

    def __init__(self, db_url: str, origins=(ORIGIN,), *args: str, cwd: Path | None = None):
        self.db_url = db_url
        command = [sys.executable, "-m", "helpgen", "insights", "serve", "--db", db_url, "--port", "0", *args]
        for origin in origins:
            command += ["--origin", origin]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                        cwd=cwd, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.log: list[str] = []
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, args=(lines,), daemon=True).start()
        try:
            announced = lines.get(timeout=STARTUP_S)
        except queue.Empty:
            self.kill()
            raise AssertionError("the collector did not announce its port:\n" + "".join(self.log)) from None
        match = _ANNOUNCED.search(announced or "")
        if not match:
            self.kill()
            raise AssertionError("the collector did not start:\n" + "".join(self.log))
        self.host, self.port = match.group(1), int(match.group(2))
        self.url = f"http://{self.host}:{self.port}/events"
        self._wait_healthy()

    def _read(self, lines: queue.Queue) -> None:
        for line in self.process.stderr:
            self.log.append(line)
            if "Collecting events" in line or "Error" in line:
                lines.put(line)
        lines.put(None)

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_S
        while time.monotonic() < deadline:
            try:
                if self.request("GET", "/health")[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.02)  # polling /health, the condition waited for; not a fixed wait
        raise AssertionError("the collector never answered /health:\n" + "".join(self.log))

    def request(self, method: str, path: str, body: bytes | str | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def post(self, event, origin: str = ORIGIN, content_type: str = "text/plain;charset=UTF-8",
             headers: dict[str, str] | None = None) -> int:
        body = event if isinstance(event, (bytes, str)) else json.dumps(event)
        return self.request("POST", "/events", body, {"Origin": origin, "Content-Type": content_type,
                                                      **(headers or {})})[0]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.process.returncode

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)


@pytest.fixture
def start_collector():
    """start_collector(db_url, *args) -> a running Collector, stopped after the test."""
    started: list[Collector] = []

    def start(db_url: str, *args: str, origins=(ORIGIN,)) -> Collector:
        collector = Collector(db_url, origins, *args)
        started.append(collector)
        return collector

    yield start
    for collector in started:
        collector.stop()


def stored(db_url: str) -> dict[str, int]:
    """How many events of each kind the database holds, read with a connection of the test's own."""
    from helpgen.insights.store import open_store

    store = open_store(db_url, create=False)
    try:
        return store.counts()
    finally:
        store.close()


def rows(db_url: str, sql: str) -> list[tuple]:
    from helpgen.insights.store import open_store

    store = open_store(db_url, create=False)
    try:
        return store.rows(sql)
    finally:
        store.close()


VOTE = {"type": "vote", "article": "/returns/how-do-i-return-an-item/", "vote": "yes", "language": "en"}
SEARCH = {"type": "search", "query": "klarna", "results": 0, "language": "en", "clicked": None, "refined_from": None}
CONTACT = {"type": "contact", "channel": "email", "from": "article", "page": "/returns/how-do-i-return-an-item/",
           "language": "en", "after_search": False}
