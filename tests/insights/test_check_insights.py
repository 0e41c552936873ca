"""`helpgen check --insights REPORT.json|DB_URL`: the searches visitors could not answer, asked of this
build's index with the search `helpgen search` uses; unhelpful articles warned at their file."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from helpgen.cli import main
from helpgen.insights.events import read_event
from helpgen.insights.store import now, open_store

from ..conftest import MKDOCS_YML, SUPPORT_YML, Project
from .conftest import SEARCH, VOTE

pytestmark = pytest.mark.insights


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("check-insights") / "help")
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("support.yml", SUPPORT_YML)
    project.article("orders/track.md", "How do I track my order?", "Follow the parcel with the tracking link.")
    project.article("payments/klarna.md", "Paying with Klarna", "Choose Klarna at checkout to pay in 30 days.")
    project.article("returns/return.md", "How do I return an item?", "Send it back within 30 days.")
    project.build()
    return project


def report_json(path, zero: dict[str, int], votes: dict[str, tuple[int, int]]) -> str:
    data = {"format": 1,
            "zero_results": [{"query": q, "count": n, "languages": ["en"]} for q, n in zero.items()],
            "articles": [{"article": a, "yes": y, "no": n} for a, (y, n) in votes.items()]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def check(project: Project, *args: str):
    return CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)


def test_each_failed_search_is_now_answered_or_still_a_warning(built, monkeypatch, tmp_path):
    monkeypatch.chdir(built.root)
    source = report_json(tmp_path / "insights.json", {"klarna": 37, "gift wrap": 12}, {})
    result = check(built, "--insights", source)
    findings = [f for f in json.loads(result.stdout) if f["rule"].startswith("insights-")]
    assert [(f["rule"], f["severity"], f["message"]) for f in findings] == [
        ("insights-answered", "info", '"klarna": now answered by payments/klarna (was 0 results × 37)'),
        ("insights-unanswered", "warning", 'still nothing: "gift wrap" × 12 (en)'),
    ]
    assert findings[1]["file"] == source and "synonym" in findings[1]["hint"]
    assert result.exit_code == 0  # warnings; --strict makes them fail the build
    assert check(built, "--insights", source, "--strict").exit_code == 1


def test_the_text_report_says_what_is_answered_now(built, monkeypatch, tmp_path):
    monkeypatch.chdir(built.root)
    source = report_json(tmp_path / "insights.json", {"klarna": 37, "gift wrap": 12}, {})
    output = CliRunner().invoke(main, ["check", "--insights", source]).output
    assert '"klarna": now answered by payments/klarna (was 0 results × 37)' in output
    assert 'still nothing: "gift wrap" × 12 (en)' in output


def test_articles_the_votes_show_unhelpful_are_warnings_at_their_file(built, monkeypatch, tmp_path):
    monkeypatch.chdir(built.root)
    source = report_json(tmp_path / "insights.json", {}, {"/returns/return/": (40, 160), "/orders/track/": (0, 3),
                                                          "/gone/": (0, 50)})
    findings = [f for f in json.loads(check(built, "--insights", source).stdout) if f["rule"] == "insights-unhelpful"]
    # 0 Yes of 3 may still be a 56 % article: only the 200 votes are evidence. A page no longer built is left out.
    assert [(f["file"], f["line"]) for f in findings] == [("content/returns/return.md", 1)]
    assert "helps 20% of the readers who voted (40 Yes, 160 No; at most 26% at 95% confidence)" in findings[0]["message"]
    quiet = check(built, "--insights", source, "--min-helpful", "0").output
    assert "insights-unhelpful" not in quiet


def test_the_events_database_itself_can_be_replayed(built, monkeypatch, tmp_path):
    monkeypatch.chdir(built.root)
    url = f"sqlite:///{tmp_path / 'insights.db'}"
    store = open_store(url)
    store.insert([(read_event({**SEARCH, "query": "gift wrap"}), now() - 60)] * 3
                 + [(read_event({**VOTE, "article": "/returns/return/", "vote": "no"}), now() - 60)] * 30)
    store.close()
    rules = [f["rule"] for f in json.loads(check(built, "--insights", url).stdout)]
    assert "insights-unanswered" in rules and "insights-unhelpful" in rules


def test_a_wrong_source_or_an_unbuilt_site_is_said_plainly(built, monkeypatch, tmp_path):
    monkeypatch.chdir(built.root)
    (tmp_path / "notes.json").write_text('{"hello": 1}', encoding="utf-8")
    for source, words in [(str(tmp_path / "missing.json"), "no such file"),
                          (str(tmp_path / "notes.json"), "not an insights report"),
                          ("sqlite:///" + str(tmp_path / "none.db"), "no such database file")]:
        result = CliRunner().invoke(main, ["check", "--insights", source])
        assert result.exit_code == 1 and words in result.output and "Traceback" not in result.output
    empty = Project(tmp_path / "unbuilt")
    empty.write("mkdocs.yml", MKDOCS_YML)
    empty.write("support.yml", SUPPORT_YML)
    empty.article("a/b.md", "B")
    monkeypatch.chdir(empty.root)
    source = report_json(tmp_path / "insights.json", {"x": 1}, {})
    result = CliRunner().invoke(main, ["check", "--insights", source])
    assert result.exit_code == 1 and "no helpgen search index in this site" in result.output


def test_a_damaged_url_manifest_is_named_never_a_traceback(tmp_path, monkeypatch):
    project = Project(tmp_path / "help")
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("support.yml", SUPPORT_YML)
    project.article("orders/track.md", "How do I track my order?", "Follow the parcel.")
    project.build()
    manifest = project.root / "site" / ".helpgen" / "urls.json"
    manifest.write_text(json.dumps({"pages": {"orders/track/": "not a page"}, "redirects": {}}), encoding="utf-8")
    monkeypatch.chdir(project.root)
    source = report_json(tmp_path / "insights.json", {}, {"/orders/track/": (1, 9)})
    result = CliRunner().invoke(main, ["check", "--insights", source])
    assert result.exit_code == 1 and "urls.json" in result.output and "is not a URL of a helpgen site" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
