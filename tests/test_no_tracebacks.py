"""Every command, given hostile arguments, answers `Error: …` with exit 1 (bad input) or 2 (usage),
never a traceback; the preview server answers bad paths with 400/404 and logs no traceback."""
from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpgen.cli import main

LONG = "A" * 300


def hostile_cases(root: Path) -> list[list[str]]:
    (root / "a-folder").mkdir(exist_ok=True)
    (root / "binary.yml").write_bytes(b"\xff\xfe\x00\x01" * 100)
    (root / "empty.yml").write_text("")
    (root / "a-file").write_text("x")
    return [
        ["hours", "--at", "9999-12-31T23:59"],
        ["hours", "--at", "0001-01-01T00:00"],
        ["hours", "--at", "2026-02-30T10:00"],
        ["hours", "--at", "x" * 10_000],
        ["hours", "--zone", LONG],
        ["hours", "--zone", "posix/Europe/Copenhagen"],
        ["hours", "--zone", "../../../etc/passwd"],
        ["hours", "--zone", "localtime"],
        ["hours", "--channel", LONG],
        ["hours", "--support", "missing.yml"],
        ["hours", "--support", str(root / "binary.yml")],
        ["hours", "--support", str(root / "empty.yml")],
        ["hours", "--support", "/dev/null"],
        ["hours", "--support", str(root / "a-folder")],
        ["search", "x" * 100_000, "--site-dir", str(root / "no-site")],
        ["search", "return", "--site-dir", str(root / "a-file")],
        ["search", "return", "-n", "0"],
        ["build", "--site-dir", "/"],
        ["build", "--site-dir", str(root)],
        ["build", "-f", "missing.yml"],
        ["build", "-f", str(root / "binary.yml")],
        ["build", "--jobs", "-1"],
        ["check", "-f", "missing.yml"],
        ["check", "-f", str(root / "a-folder")],
        ["check", "--format", "xml"],
        ["new", "", "--category", "returns"],
        ["new", "Title", "--category", "../../outside"],
        ["new", "Title", "--category", LONG, "--content-dir", str(root / "a-file")],
        ["init", str(root / "a-file")],
        ["init", str(root)],
        ["serve", "-a", "not-an-address"],
        ["serve", "-a", "127.0.0.1:99999"],
        ["nope"],
    ]


def test_every_command_on_hostile_arguments_says_error_not_traceback(project, monkeypatch):
    monkeypatch.chdir(project.root)
    failures = []
    for args in hostile_cases(project.root):
        result = CliRunner().invoke(main, args)
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        if crashed or result.exit_code not in (1, 2) or "Traceback" in result.output or "Error" not in result.output:
            failures.append((args[:3], result.exit_code, repr(result.exception)[:200], result.output[-300:]))
    assert failures == []


def test_an_oversized_search_query_is_answered(project, monkeypatch):
    monkeypatch.chdir(project.root)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    result = CliRunner().invoke(main, ["search", "return " * 20_000])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 0 and "Traceback" not in result.output


def test_the_preview_server_answers_bad_paths_without_a_traceback(project, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen([sys.executable, "-m", "helpgen", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project.root, stdout=out, stderr=subprocess.STDOUT)
        try:
            answers = {}
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and "/" not in answers:
                try:
                    answers["/"] = _status(port, "/")
                except OSError:
                    time.sleep(0.2)
            for path in ("/index.html%00.txt", "/%00", "/orders/%0a/", "/" + "a" * 5000, "/../../etc/passwd",
                         "/orders/track/index.html%00"):
                answers[path] = _status(port, path)
        finally:
            server.terminate()
            server.wait(timeout=20)
    assert answers["/"] == 200
    assert answers["/index.html%00.txt"] == 400 and answers["/%00"] == 400 and answers["/orders/%0a/"] == 400
    assert answers["/" + "a" * 5000] == 404 and answers["/../../etc/passwd"] == 404
    assert "Traceback" not in log.read_text(errors="replace")


def _status(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


def test_check_and_build_agree_on_a_file_that_links_outside(project, tmp_path, monkeypatch):
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG")
    (project.content / "orders" / "logo.png").symlink_to(outside)
    monkeypatch.chdir(project.root)
    check = CliRunner().invoke(main, ["check"])
    build = CliRunner().invoke(main, ["build"])
    assert check.exit_code == 1 and build.exit_code == 1
    assert "content/orders/logo.png" in check.output and "links outside the content folder" in check.output
    assert "content/orders/logo.png" in build.output and "outside the content folder" in build.output
