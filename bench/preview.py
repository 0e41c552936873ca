"""Seconds from saving an article to the preview server serving it (issue "one-second preview").

    python bench/preview.py [--articles 1000] [--project DIR] [--plain] [--edits 3]
                            [--command "{helpgen} serve --dev-addr {addr}"] [--timeout 120]

Starts the preview server (`helpgen serve`, or `mkdocs serve` when the CLI is missing; configurable)
on a free localhost port in a generated project, waits until it serves the home page, then, for each
edit, appends a unique marker sentence to one article and polls that article's URL until the marker
appears. Reports the median over the edits. Each wait gives up after --timeout seconds; the server
(the process group this script started) is always stopped, and the article restored.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from generate import article_paths, generate, write_plain_variant  # noqa: E402

VENV_BIN = BENCH.parent / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
HELPGEN_CLI = VENV_BIN / "helpgen"
MKDOCS_SERVE = "{python} -m mkdocs serve --dev-addr {addr}"
POLL_INTERVAL_S = 0.05
SETTLE_S = 1.0  # let the server finish its rebuild before the next edit


def log(message: str) -> None:
    print(f"[preview {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def default_serve_command() -> str:
    return f"{shlex.quote(str(HELPGEN_CLI))} serve --dev-addr {{addr}}" if HELPGEN_CLI.exists() else MKDOCS_SERVE


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def start_server(command: list[str], project: Path, log_path: Path) -> subprocess.Popen:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    with open(log_path, "wb") as log_file:  # the child keeps its own handle
        return subprocess.Popen(command, cwd=project, stdout=log_file, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)


def stop_server(server: subprocess.Popen) -> None:
    """Stop the server's process group (started by us with start_new_session)."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def wait_until(condition, timeout_s: float, server: subprocess.Popen, what: str) -> float:
    """Poll `condition()` until true; returns the seconds waited. Fails if the server dies."""
    started = time.perf_counter()
    while not condition():
        if server.poll() is not None:
            raise RuntimeError(f"the server exited (code {server.returncode}) while waiting for {what}")
        if time.perf_counter() - started > timeout_s:
            raise TimeoutError(f"gave up after {timeout_s:.0f} s waiting for {what}")
        time.sleep(POLL_INTERVAL_S)
    return time.perf_counter() - started


def time_one_edit(article: Path, url: str, edit: int, server, timeout_s: float) -> float:
    marker = f"previewmarker{edit}x{time.time_ns()}"
    with open(article, "a", encoding="utf-8") as handle:
        handle.write(f"\nThis sentence carries the {marker} token.\n")
    saved_at = time.perf_counter()
    wait_until(lambda: marker in (fetch(url) or ""), timeout_s, server, f"edit {edit} to be served")
    return time.perf_counter() - saved_at


def measure_preview(project: Path, command_template: str, log_path: Path, edits: int = 3,
                    timeout_s: float = 120) -> dict:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    command = shlex.split(command_template.format(python=shlex.quote(PYTHON), addr=f"127.0.0.1:{port}"))
    relative = article_paths(project)[0]
    article, url = project / "content" / f"{relative}.md", f"{base_url}/{relative}/"
    original = article.read_bytes()
    log(f"starting: {shlex.join(command)} (log {log_path})")
    server = start_server(command, project, log_path)
    try:
        startup_s = wait_until(lambda: fetch(url) is not None, timeout_s, server, "the first page")
        log(f"serving after {startup_s:.1f} s; editing {relative}.md")
        seconds = []
        for edit in range(1, edits + 1):
            seconds.append(time_one_edit(article, url, edit, server, timeout_s))
            log(f"edit {edit}: served after {seconds[-1]:.2f} s")
            time.sleep(SETTLE_S)
    except (RuntimeError, TimeoutError) as error:
        tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-15:])
        raise RuntimeError(f"{error}\n--- end of server log ---\n{tail}") from None
    finally:
        stop_server(server)
        article.write_bytes(original)
    return {"command": shlex.join(command), "article": relative, "startup_s": round(startup_s, 2),
            "save_to_served_s": round(statistics.median(seconds), 3),
            "all_s": [round(s, 3) for s in seconds]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="size of the generated project")
    parser.add_argument("--project", type=Path, help="use this project instead of generating one")
    parser.add_argument("--plain", action="store_true", help="generate the plain MkDocs + Material variant")
    parser.add_argument("--command", default=None,
                        help="server command; {addr} = host:port, {python} = venv python "
                             f"(default: helpgen serve, or {MKDOCS_SERVE!r} for --plain)")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120, help="seconds per wait before giving up")
    args = parser.parse_args(argv)
    command = args.command or (MKDOCS_SERVE if args.plain else default_serve_command())
    with tempfile.TemporaryDirectory(prefix="helpgen-preview-") as workdir:
        project = args.project
        if project is None:
            project = Path(workdir) / "helpgen"
            log(f"generating {args.articles} articles")
            generate(project, args.articles)
            if args.plain:
                write_plain_variant(project, Path(workdir) / "plain")
                project = Path(workdir) / "plain"
        try:
            result = measure_preview(project.resolve(), command, Path(workdir) / "server.log",
                                     args.edits, args.timeout)
        except RuntimeError as error:
            sys.exit(f"error: {error}")
    result["articles"] = len(article_paths(project)) if args.project else args.articles
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
