"""`helpgen check` on notices: ended ones, reversed windows, unknown channels, missing languages, a
notice promising worse than an article, and a support-status.json given with --status."""
from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from helpgen.checks import check_project
from helpgen.cli import main

from .conftest import MKDOCS_YML, SUPPORT_YML, Project

TODAY = dt.date(2026, 12, 10)
NOTICES = """\
notices:
  - {id: gone, from: "2026-12-01 10:00", until: "2026-12-09 18:00", text: "Over", closed: true}
  - {id: backwards, from: "2026-12-20 14:00", until: "2026-12-20 10:00", text: "Never"}
  - {id: typo, text: "Chat busy", channels: [caht], response: 30 minutes}
  - {id: rush, from: "2026-12-14 00:00", until: "2026-12-23 00:00", text: "Rush", channels: [email], response: 3 business days}
  - {id: quick, from: "2026-12-14 00:00", until: "2026-12-23 00:00", text: "Quick", channels: [chat], response: 2 minutes}
"""


def findings(project: Project, rule_prefix: str = "notice-") -> list[tuple[str, int, str]]:
    return [(p.rule, p.location.line, p.message) for p in check_project(project.root, "mkdocs.yml", TODAY)
            if p.rule.startswith(rule_prefix)]


def test_each_notice_problem_is_a_warning_at_the_notice_s_line(project, monkeypatch):
    monkeypatch.chdir(project.root)
    project.write("support.yml", SUPPORT_YML + NOTICES)
    assert findings(project) == [
        ("notice-ended", 20, 'notice "gone" ended on 2026-12-09 18:00'),
        ("notice-window-reversed", 21, 'notice "backwards" ends (2026-12-20T10:00) before it starts (2026-12-20T14:00)'),
        ("notice-unknown-channel", 22, 'notice "typo" names the channel "caht", which support.yml does not have'),
    ]
    found = [p for p in check_project(project.root, "mkdocs.yml", TODAY) if p.rule == "notice-unknown-channel"]
    assert found[0].hint == 'did you mean "chat"? (channels: email, chat)' and found[0].severity == "warning"


def test_an_article_s_reply_time_that_a_notice_makes_untrue_is_a_warning_at_the_article(project, monkeypatch):
    monkeypatch.chdir(project.root)
    project.write("support.yml", SUPPORT_YML + NOTICES)
    project.article("orders/reply.md", "When do you reply?",
                    "We answer emails within 1 business day.\n\nOn chat we reply within 5 minutes.\n")
    worse = [p for p in check_project(project.root, "mkdocs.yml", TODAY) if p.rule == "notice-response-worse"]
    assert [(p.location.file, p.location.line) for p in worse] == [("content/orders/reply.md", 4)]
    assert worse[0].message == ('"within 1 business day" will not hold while notice "rush" (support.yml:23:5) is in '
                                "effect: it promises replies by Email within 3 business days")
    assert worse[0].related.line == 23
    # Once the rush is over, the article is right again.
    later = check_project(project.root, "mkdocs.yml", dt.date(2026, 12, 24))
    assert not [p for p in later if p.rule == "notice-response-worse"]


def test_in_a_multi_language_site_a_notice_needs_each_language_s_text(tmp_path, monkeypatch):
    project = Project(tmp_path / "help")
    project.write("mkdocs.yml", MKDOCS_YML.replace("  - helpgen\n", "  - helpgen:\n      languages: [en, da]\n"))
    project.write("support.yml", SUPPORT_YML + 'notices:\n  - {id: one, text: "Closed today"}\n'
                  '  - {id: both, text: {en: "Closed", da: "Lukket"}}\n  - {id: half, text: {en: "Closed"}}\n')
    project.write("content/en/orders/a.md", "---\ntitle: A\n---\nText.\n")
    project.write("content/da/orders/a.md", "---\ntitle: A\n---\nTekst.\n")
    monkeypatch.chdir(project.root)
    assert findings(project) == [("notice-untranslated", 20, 'notice "one" has no da text: those pages show "Closed today"'),
                                 ("notice-untranslated", 22, 'notice "half" has no da text: those pages show "Closed"')]


def status_check(project: Project, text: str, *args: str):
    (project.root / "status.json").write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["check", "--status", "status.json", "--format", "json", *args])


def test_check_status_validates_a_live_file_as_pages_read_it(project, monkeypatch):
    monkeypatch.chdir(project.root)
    bad = ('{\n  "notices": [\n    {"id": "a", "text": "Hi", "until": "2026-12-03 14:00"},\n'
           '    {"id": "b", "text": "Hi", "chanels": ["chat"]},\n    {"id": "c", "text": "Over", '
           '"until": "2026-01-01T10:00:00+01:00", "channels": ["fax"]}\n  ]\n}\n')
    result = status_check(project, bad)
    assert result.exit_code == 1
    found = [(f["rule"], f["line"]) for f in json.loads(result.stdout) if f["file"] == "status.json"]
    assert found == [("status-invalid", 3), ("status-unknown-field", 4), ("notice-ended", 5),
                     ("notice-unknown-channel", 5)]
    good = '{"notices": [{"id": "a", "text": "Hi", "until": "2099-12-03T14:00:00+01:00"}]}'
    assert status_check(project, good).exit_code == 0
    broken = status_check(project, "{not json")
    assert broken.exit_code == 1 and json.loads(broken.stdout)[0]["rule"] == "status-invalid"


def test_check_status_works_without_a_project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.json").write_text('{"notices": [{"id": "a", "text": ""}]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--status", "s.json"])
    assert result.exit_code == 1 and "notices[1].text is empty" in result.output and "status-invalid" in result.output
    missing = CliRunner().invoke(main, ["check", "--status", "nope.json"])
    assert missing.exit_code == 2 and "nope.json: no such file" in missing.output
