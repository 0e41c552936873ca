"""`helpgen insights serve` refuses what it cannot run with, before it listens, and says how to fix it."""
from __future__ import annotations

import socket

from click.testing import CliRunner

from helpgen.cli import main


def serve(*args: str):
    return CliRunner().invoke(main, ["insights", "serve", *args])


def test_an_origin_is_scheme_host_and_port_and_plain_http_only_for_this_machine(tmp_path):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert "--origin" in serve("--db", db).output and serve("--db", db).exit_code == 2
    for origin, words in [("help.acme.example", "is not an origin"),
                          ("https://help.acme.example/help/", "scheme, host and port only"),
                          ("http://help.acme.example", "only allowed on this machine")]:
        result = serve("--db", db, "--origin", origin)
        assert result.exit_code == 2 and words in result.output, origin
    assert not (tmp_path / "x.db").exists()  # nothing made for a command that did not run


def test_a_wrong_database_or_a_busy_port_is_said_before_anything_runs(tmp_path):
    result = serve("--db", "mysql://localhost/x", "--origin", "https://help.acme.example")
    assert result.exit_code == 1 and "not a database URL helpgen knows" in result.output
    result = serve("--db", f"sqlite:///{tmp_path}/missing/x.db", "--origin", "https://help.acme.example")
    assert result.exit_code == 1 and "does not exist" in result.output
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = serve("--db", f"sqlite:///{tmp_path / 'x.db'}", "--origin", "https://help.acme.example",
                       "--port", str(port))
    assert result.exit_code == 1 and f"127.0.0.1:{port}: cannot listen here" in result.output


def test_a_report_of_an_empty_database_says_there_is_nothing_yet(tmp_path):
    from helpgen.insights.store import open_store

    open_store(f"sqlite:///{tmp_path / 'x.db'}").close()
    result = CliRunner().invoke(main, ["insights", "report", "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 0 and result.output.count("Nothing in this period.") == 6
