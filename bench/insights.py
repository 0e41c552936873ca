"""The insights collector and report, measured (issue 23).

    python bench/insights.py [--rate 1000] [--seconds 20] [--connections 64] [--events 1000000]
                             [--postgres URL] [--work /tmp/helpgen-insights-bench] [--json results.json]

1. Sustained: `helpgen insights serve` in its own process (--rate raised: one load generator stands
   for thousands of visitors), SQLite in a fresh file, then PostgreSQL when --postgres (or
   HELPGEN_TEST_POSTGRES_URL) names one (a fresh schema, dropped after). An asyncio client on
   keep-alive connections sends search events open-loop at --rate events/s for --seconds, each at its
   scheduled moment whatever the answers before it (latency counts from that moment, so a collector
   that falls behind shows it). Then closed-loop: --connections clients each send the next event as
   soon as the last is answered, for --seconds: the most it sustains. Lost = events answered 204 that
   the database does not hold afterwards (must be 0).
2. The report: --events events (60 % searches over a Zipf-like vocabulary of 5,000 queries, a
   quarter of them finding nothing; 25 % votes over 1,000 articles; 15 % contacts) spread over 180
   days, written straight into a SQLite file (and PostgreSQL), then `build_report` over all of them
   and rendering text, JSON and HTML, timed separately.

The client and the collector share the machine's two cores; the figures are the collector's under
that load, not alone.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

ORIGIN = "https://help.acme.example"
ANNOUNCED = re.compile(r"at http://([^/\s]+):(\d+)/events")


def start_collector(db_url: str) -> tuple[subprocess.Popen, str, int]:
    command = [sys.executable, "-m", "helpgen", "insights", "serve", "--db", db_url, "--port", "0",
               "--origin", ORIGIN, "--rate", "1000000"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    for line in process.stderr:
        match = ANNOUNCED.search(line)
        if match:
            return process, match.group(1), int(match.group(2))
    raise SystemExit("the collector did not start: " + (process.stderr.read() if process.stderr else ""))


def request_bytes(host: str, port: int, n: int) -> bytes:
    body = json.dumps({"type": "search", "query": f"bench query {n % 5000}", "results": n % 4,
                       "language": "en", "clicked": None, "refined_from": None}).encode()
    return (f"POST /events HTTP/1.1\r\nHost: {host}:{port}\r\nOrigin: {ORIGIN}\r\n"
            f"Content-Type: text/plain\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body


async def _answer(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = re.search(rb"(?i)content-length: *(\d+)", head)
    if length and int(length.group(1)):
        await reader.readexactly(int(length.group(1)))
    return status


async def open_loop(host: str, port: int, rate: int, seconds: float, connections: int) -> dict:
    """Events at fixed moments, spread over connections; latency from each event's scheduled moment."""
    total = int(rate * seconds)
    pool: asyncio.Queue = asyncio.Queue()
    for _ in range(connections):
        pool.put_nowait(await asyncio.open_connection(host, port))
    latencies: list[float] = []
    answered = errors = 0
    start = time.perf_counter() + 0.2

    async def one(n: int) -> None:
        nonlocal answered, errors
        due = start + n / rate
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        reader, writer = await pool.get()
        try:
            writer.write(request_bytes(host, port, n))
            status = await _answer(reader)
        finally:
            pool.put_nowait((reader, writer))
        latencies.append(time.perf_counter() - due)
        if status == 204:
            answered += 1
        else:
            errors += 1

    await asyncio.gather(*(one(n) for n in range(total)))
    elapsed = time.perf_counter() - start
    while not pool.empty():
        pool.get_nowait()[1].close()
    return {"sent": total, "answered": answered, "refused": errors, "seconds": round(elapsed, 2),
            "events_per_s": round(answered / elapsed), **_percentiles(latencies)}


async def closed_loop(host: str, port: int, seconds: float, connections: int) -> dict:
    latencies: list[float] = []
    answered = errors = 0
    stop_at = time.perf_counter() + seconds
    counter = iter(range(10**9))

    async def client() -> None:
        nonlocal answered, errors
        reader, writer = await asyncio.open_connection(host, port)
        while time.perf_counter() < stop_at:
            began = time.perf_counter()
            writer.write(request_bytes(host, port, next(counter)))
            status = await _answer(reader)
            latencies.append(time.perf_counter() - began)
            answered += status == 204
            errors += status != 204
        writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(connections)))
    elapsed = time.perf_counter() - began
    return {"answered": answered, "refused": errors, "seconds": round(elapsed, 2),
            "events_per_s": round(answered / elapsed), **_percentiles(latencies)}


def _percentiles(latencies: list[float]) -> dict:
    ordered = sorted(latencies)
    if not ordered:
        return {}
    pick = lambda q: round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)  # noqa: E731
    return {"p50_ms": pick(0.50), "p99_ms": pick(0.99), "max_ms": round(ordered[-1] * 1000, 1)}


def stored_searches(db_url: str) -> int:
    from helpgen.insights.store import open_store

    store = open_store(db_url, create=False)
    try:
        return store.counts()["searches"]
    finally:
        store.close()


def measure_collector(name: str, db_url: str, args) -> dict:
    process, host, port = start_collector(db_url)
    try:
        sustained = asyncio.run(open_loop(host, port, args.rate, args.seconds, args.connections))
        most = asyncio.run(closed_loop(host, port, args.seconds, args.connections))
    finally:
        process.terminate()
        process.wait(timeout=60)
    kept = stored_searches(db_url)
    lost = sustained["answered"] + most["answered"] - kept
    return {"store": name, "sustained": sustained, "closed_loop": most, "stored": kept, "lost": lost}


def synthetic_events(count: int, until: int, seed: int = 1):
    """(event, second) pairs: what a busy help center's collector holds after half a year."""
    from helpgen.insights.events import Contact, Search, Vote

    rng = random.Random(seed)
    queries = [f"question {n}" for n in range(5000)]
    weights = [1 / (n + 1) for n in range(5000)]  # a few searches are most of them
    articles = [f"/category-{n % 20}/article-{n}/" for n in range(1000)]
    places = ("article", "search", "404", "header", "contact-page", "home", "category")
    for n in range(count):
        at = until - rng.randrange(180 * 86_400)
        kind = rng.random()
        if kind < 0.60:
            query = rng.choices(queries, weights)[0]
            results = 0 if hash(query) % 4 == 0 else rng.randrange(1, 10)
            clicked = rng.choice(articles) if results and rng.random() < 0.6 else None
            refined = rng.choices(queries, weights)[0] if rng.random() < 0.1 else None
            yield Search(query, results, rng.choice(("en", "da", "zh")), clicked, refined), at
        elif kind < 0.85:
            yield Vote(rng.choice(articles), "yes" if rng.random() < 0.7 else "no", "en"), at
        else:
            yield Contact(rng.choice(("email", "chat", "phone")), rng.choice(places), rng.choice(articles),
                          "en", rng.random() < 0.2), at


def measure_report(name: str, db_url: str, count: int) -> dict:
    from helpgen.insights.render import render_report
    from helpgen.insights.report import build_report
    from helpgen.insights.store import now, open_store

    until = now()
    store = open_store(db_url)
    began = time.perf_counter()
    batch = []
    for item in synthetic_events(count, until):
        batch.append(item)
        if len(batch) == 20_000:
            store.insert(batch)
            batch = []
    store.insert(batch)
    loaded = time.perf_counter() - began
    timings = {"store": name, "events": count, "load_s": round(loaded, 1)}
    began = time.perf_counter()
    report = build_report(store, until - 181 * 86_400, until + 1)
    timings["build_report_s"] = round(time.perf_counter() - began, 2)
    for output_format in ("text", "json", "html"):
        began = time.perf_counter()
        render_report(report, output_format)
        timings[f"render_{output_format}_s"] = round(time.perf_counter() - began, 2)
    store.close()
    return timings


def postgres_schema(base: str):
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base else "?"
    return schema, f"{base}{separator}options={quote(f'-csearch_path={schema}')}"


def drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=int, default=1000, help="events per second, open loop")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--events", type=int, default=1_000_000, help="events for the report's timing (0: skip)")
    parser.add_argument("--postgres", default=os.environ.get("HELPGEN_TEST_POSTGRES_URL", ""))
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="helpgen-insights-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"collector": [], "report": []}
    stores = [("sqlite", lambda tag: (None, f"sqlite:///{work / f'{tag}-{uuid.uuid4().hex[:6]}.db'}"))]
    if args.postgres:
        stores.append(("postgresql", lambda tag: postgres_schema(args.postgres)))
    for name, make in stores:
        schema, url = make("collector")
        try:
            results["collector"].append(measure_collector(name, url, args))
            print(json.dumps(results["collector"][-1]), flush=True)
        finally:
            if schema:
                drop_schema(args.postgres, schema)
    if args.events:
        for name, make in stores:
            schema, url = make("report")
            try:
                results["report"].append(measure_report(name, url, args.events))
                print(json.dumps(results["report"][-1]), flush=True)
            finally:
                if schema:
                    drop_schema(args.postgres, schema)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(format_table(results))


def format_table(results: dict) -> str:
    lines = ["| store | open loop: sent/s | answered/s | p50 ms | p99 ms | closed loop: events/s | p99 ms | lost |",
             "|---|---|---|---|---|---|---|---|"]
    for r in results["collector"]:
        s, c = r["sustained"], r["closed_loop"]
        lines.append(f"| {r['store']} | {s['sent'] / s['seconds']:,.0f} | {s['events_per_s']:,} | {s['p50_ms']} | "
                     f"{s['p99_ms']} | {c['events_per_s']:,} | {c['p99_ms']} | {r['lost']} |")
    if results["report"]:
        lines += ["", "| store | events | build_report s | text s | json s | html s |", "|---|---|---|---|---|---|"]
        for r in results["report"]:
            lines.append(f"| {r['store']} | {r['events']:,} | {r['build_report_s']} | {r['render_text_s']} | "
                         f"{r['render_json_s']} | {r['render_html_s']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
