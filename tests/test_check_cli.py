"""`helpgen check` wiring: output formats, exit codes, and `helpgen build` stopping on the same rules."""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpgen.checks import report
from helpgen.checks.anchors import page_anchors
from helpgen.checks.project import read_site_settings
from helpgen.checks.source import read_source
from helpgen.cli import main
from helpgen.errors import HelpgenError, Location, Problem
from helpgen.mkdocs.commands import build_site
from helpgen.hours.support import load_support
from helpgen.content.variables import support_variables

from .conftest import soup
from .test_check_rules import FIXTURES, PLANTED, planted_project


def run(*args: str, cwd: Path, color: bool = False):
    """`helpgen check ARGS` run from `cwd`, as a writer would in their project folder."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["check", *args], color=color)
    finally:
        os.chdir(old)


@pytest.fixture
def planted(tmp_path) -> Path:
    return planted_project(tmp_path)


@pytest.fixture
def warnings_only(tmp_path) -> Path:
    root = tmp_path / "warned"
    shutil.copytree(FIXTURES / "check_clean", root)
    (root / "content/returns/old.md").write_text(
        "---\ntitle: An old answer\ntype: faq\nreview_by: 2020-01-01\n---\n\nStill true?\n", encoding="utf-8")
    return root


def test_text_output_is_grouped_by_file_with_line_col_rule_and_fix(planted):
    result = run(cwd=planted)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    header = lines.index("content/returns/links.md")
    finding = r"\s+10:26\s+error\s+link target \"no-such-page.md\" does not exist\s+broken-link$"
    assert re.match(finding, lines[header + 1])
    assert lines[header + 2].strip().startswith("→ ")
    errors = sum(1 for _, _, rule in PLANTED if rule in ERRORS)
    files = len({file for file, _, _ in PLANTED})
    assert lines[-1] == f"{errors} errors, {len(PLANTED) - errors} warnings in {files} files."
    assert "\x1b[" not in result.output  # no colour when the output is not a terminal


ERRORS = {"promise-email-mismatch", "promise-phone-mismatch", "promise-url-mismatch", "promise-hours-mismatch",
          "promise-response-mismatch", "duplicate-output-path", "front-matter-invalid",
          "unreadable-file", "broken-link", "broken-anchor", "unknown-variable", "raw-script",
          "inline-event-handler", "javascript-link", "variable-in-front-matter", "active-file",
          "redirect-missing-target", "redirect-chain", "redirect-cycle", "redirect-conflict", "template-tag",
          "related-unknown", "article-too-large", "file-type", "reserved-path", "reserved-id", "article-too-complex"}


def test_text_output_is_coloured_on_a_terminal(planted):
    assert "\x1b[31m" in run(cwd=planted, color=True).output


def test_json_output_has_one_object_per_finding(planted):
    result = run("--format", "json", cwd=planted)
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert len(findings) == len(PLANTED)
    first = next(f for f in findings if f["rule"] == "promise-response-mismatch")
    assert first == {"file": "content/orders/contact-facts.md", "line": 22, "col": 20,
                     "rule": "promise-response-mismatch", "severity": "error",
                     "message": '"within 24 hours" contradicts support.yml:11:15: it promises replies by Email '
                                "within 1 business day",
                     "hint": "use {{ support.channels.email.response }}", "related": "support.yml:11:15"}


def test_github_output_is_workflow_annotations(planted):
    result = run("--format", "github", cwd=planted)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(PLANTED)
    assert "::error file=content/returns/links.md,line=10,col=26,title=helpgen broken-link::" \
           'link target "no-such-page.md" does not exist — ' in result.stdout
    assert any(line.startswith("::warning file=content/returns/stale.md,line=5,col=1,") for line in lines)
    assert all(re.match(r"::(error|warning) file=[^,]+(,line=\d+)?(,col=\d+)?,title=[^:]+::.", line) for line in lines)


def test_github_annotations_escape_what_would_break_them():
    # A message is one line whatever a writer put in it (errors.terminal_text): no line a runner reads as a command.
    problem = Problem(Location("a,b:c.md", 3, 1), "50% off\n::error::next line", "fix it", "error", "broken-link")
    assert report.render_github([problem]) == \
        "::error file=a%2Cb%3Ac.md,line=3,col=1,title=helpgen broken-link::50%25 off\\n::error::next line — fix it"


def test_exit_codes(planted, warnings_only, tmp_path):
    assert run(cwd=FIXTURES / "check_clean").exit_code == 0
    assert run(cwd=planted).exit_code == 1
    warned = run(cwd=warnings_only)
    assert warned.exit_code == 0 and "review-overdue" in warned.output
    strict = run("--strict", cwd=warnings_only)
    assert strict.exit_code == 1 and "error" in strict.output
    assert run("--format", "xml", cwd=planted).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = run(cwd=empty)
    assert missing.exit_code == 2 and "no site config here" in missing.output


def test_a_clean_project_says_so(tmp_path):
    result = run(cwd=FIXTURES / "check_clean")
    assert result.output.strip() == "No problems found."
    assert run("--format", "json", cwd=FIXTURES / "check_clean").stdout.strip() == "[]"


def test_build_stops_on_the_same_errors(planted):
    with pytest.raises(HelpgenError) as caught:
        build_site(planted / "mkdocs.yml", planted / "site")
    reported = {(p.location.file, p.location.line, p.rule) for p in caught.value.problems}
    expected = {(f"content/{f}", line, rule) for f, line, rule in PLANTED if rule in ERRORS}
    assert reported == expected
    assert not (planted / "site").exists()


def test_build_logs_warnings_with_their_rule_and_strict_fails_on_them(warnings_only, caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build_site(warnings_only / "mkdocs.yml", warnings_only / "site")
    assert any("content/returns/old.md:4:1: review_by 2020-01-01 has passed" in r.getMessage()
               and "[review-overdue]" in r.getMessage() for r in caplog.records)
    with pytest.raises(HelpgenError):
        build_site(warnings_only / "mkdocs.yml", warnings_only / "site", strict=True)


def test_computed_anchors_match_a_real_build(tmp_path):
    """Headings in English, Danish (æ dropped) and Chinese (no ASCII: _1, _2, …), duplicates, inline
    markup, variables and explicit {#ids}: the ids the checker computes are the ids MkDocs writes."""
    root = tmp_path / "clean"
    shutil.copytree(FIXTURES / "check_clean", root)
    build_site(root / "mkdocs.yml", root / "site")
    settings = read_site_settings(root / "mkdocs.yml")
    variables = support_variables(load_support(root / "support.yml"), dt.date(2026, 11, 22))
    for src in ("returns/how-do-i-return-an-item.md", "returns/hvordan-returnerer-jeg-en-vare.md", "shipping/guoji.md"):
        source, _ = read_source(settings.docs_dir, src, src, set())
        computed = page_anchors(source, settings.slugify, settings.separator, variables)
        page = soup(root / "site" / src.removesuffix(".md") / "index.html")
        # Every id in the article's text (headings, explicit {#ids}, id="…" in HTML), not the theme's own.
        built = {h["id"] for h in page.select("article.md-content__inner [id]") if not h["id"].startswith("hg-")}
        assert built == computed, src
    assert {"_1", "_2", "_3"} <= computed  # the Chinese page


def test_a_fixed_offset_zone_warns_and_fails_strict_check_and_strict_build(project, monkeypatch):
    from helpgen.cli import main as cli

    support = project.root / "support.yml"
    support.write_text(support.read_text().replace("timezone: Europe/Copenhagen", "timezone: Etc/GMT+2"))
    monkeypatch.chdir(project.root)
    relaxed = CliRunner().invoke(cli, ["check"])
    assert relaxed.exit_code == 0 and "support.yml" in relaxed.output and "fixed-offset-zone" in relaxed.output
    assert "2 hours behind UTC" in relaxed.output
    assert CliRunner().invoke(cli, ["check", "--strict"]).exit_code == 1
    assert CliRunner().invoke(cli, ["build"]).exit_code == 0
    (project.root / "site").rename(project.root / "site-before")
    strict = CliRunner().invoke(cli, ["build", "--strict"])  # the warning itself is logged (stderr)
    assert strict.exit_code == 1 and "1 warnings in strict mode" in strict.output and "Traceback" not in strict.output
    assert not (project.root / "site").exists()  # a failed strict build publishes nothing


@pytest.mark.parametrize("write, rule", [
    (lambda p: p.write("strings.yml", "en:\n  home.brwose: Find your topic\n"), "strings-invalid"),
    (lambda p: p.article("orders/custom.md", "Custom page", template="no-such-template.html"), "front-matter-invalid"),
    (lambda p: (p.content / "orders" / "label.json").write_text("{}"), "file-type"),
    (lambda p: p.write("content/assets/javascripts/helpgen-status.js", "alert(1)"), "active-file"),
    (lambda p: (p.write("content/assets/images/favicon.png", "")).write_bytes(b"\x89PNG\r\n"), "reserved-path"),
    (lambda p: p.article("orders/search.md", "Search", search="exclude"), "front-matter-invalid"),
])
def test_check_reports_what_the_build_refuses(project, monkeypatch, write, rule):
    """One validation: `check` names the rule at the file; `build` stops on the same problem."""
    from helpgen.cli import main as cli

    write(project)
    monkeypatch.chdir(project.root)
    checked = CliRunner().invoke(cli, ["check", "--format", "json"])
    assert checked.exit_code == 1, checked.output
    assert rule in {f["rule"] for f in json.loads(checked.stdout)}
    built = CliRunner().invoke(cli, ["build"])
    assert built.exit_code == 1 and "Traceback" not in built.output
