"""How much of a build is helpgen's own work (checks, variables, search index), and how much is MkDocs
and Material rendering pages.

    python bench/own_share.py PROJECT [--jobs 1] [--json]

Builds PROJECT once in this process with every event handler of helpgen's plugin timed (wall time
inside the handler; `on_files` holds the content checks, `on_page_*` the per-page work, `on_post_build`
the search index). With --jobs 1 everything runs in this process and the share is exact. With more
jobs the page events run in worker processes: their time is measured there and returned with each
page's effects, so the report shows them summed over workers and divided by the number of workers
(the wall time they cost on a machine with that many free cores).
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

SERIAL_EVENTS = ("on_config", "on_files", "on_env", "on_post_build")
PAGE_EVENTS = ("on_page_markdown", "on_page_content")


def timed_plugin(spent: dict[str, float]):
    """Wrap the plugin's handlers; page-event time travels back from workers in the page's log."""
    from helpgen.mkdocs.plugin import HelpgenPlugin

    def wrap(name):
        original = getattr(HelpgenPlugin, name)

        @functools.wraps(original)
        def handler(self, *args, **kwargs):
            start = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                if name in PAGE_EVENTS and os.getpid() != MAIN_PID:
                    # In a worker: say it through logging, which the pipeline records and replays here.
                    import logging
                    logging.getLogger("mkdocs.plugins.helpgen.bench").debug(f"{BENCH_MARK}{name} {elapsed}")
                else:
                    spent[name] = spent.get(name, 0.0) + elapsed
        return handler

    for name in SERIAL_EVENTS + PAGE_EVENTS:
        setattr(HelpgenPlugin, name, wrap(name))


MAIN_PID = os.getpid()
BENCH_MARK = "helpgen-bench-time "


class _WorkerTimes:
    """Collects the page-event times that workers logged (replayed in the main process)."""

    def __init__(self, spent: dict[str, float]) -> None:
        import logging

        self.spent = spent
        self.handler = logging.Handler(logging.DEBUG)
        self.handler.emit = self.emit  # type: ignore[method-assign]
        logger = logging.getLogger("mkdocs.plugins.helpgen.bench")
        logger.setLevel(logging.DEBUG)
        logger.addHandler(self.handler)

    def emit(self, record) -> None:
        message = record.getMessage()
        if message.startswith(BENCH_MARK):
            name, seconds = message[len(BENCH_MARK):].split()
            self.spent["workers:" + name] = self.spent.get("workers:" + name, 0.0) + float(seconds)


def measure(project: Path, jobs: int) -> dict:
    from helpgen.mkdocs.commands import build_site

    spent: dict[str, float] = {}
    timed_plugin(spent)
    _WorkerTimes(spent)
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        result = build_site(project / "mkdocs.yml", Path(out) / "site", jobs=jobs)
        wall = time.perf_counter() - start
    workers = sum(v for k, v in spent.items() if k.startswith("workers:"))
    in_process = sum(v for k, v in spent.items() if not k.startswith("workers:"))
    own = in_process + workers / max(result.jobs, 1)
    return {"wall_s": round(wall, 3), "jobs": result.jobs, "own_s": round(own, 3),
            "own_share": round(own / wall, 3), "phases": result.phases,
            "handlers_s": {k: round(v, 3) for k, v in sorted(spent.items())}}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes; 0: one per core, as helpgen build")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = measure(args.project.resolve(), args.jobs or None)
    if args.json:
        print(json.dumps(report))
    else:
        print(f"wall {report['wall_s']:.2f} s, {report['jobs']} job(s); helpgen's own work {report['own_s']:.2f} s "
              f"= {report['own_share']:.0%}")
        for name, seconds in report["handlers_s"].items():
            print(f"  {name:28} {seconds:7.2f} s")


if __name__ == "__main__":
    main()
