"""`helpgen notice add|list|clear` edit the built site's support-status.json without a rebuild, atomically,
and refuse bad input with the option (or the file and line) and a fix, leaving the file as it was."""
from __future__ import annotations

import datetime as dt
import json
import os
import stat
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from helpgen.cli import main
from helpgen.errors import HelpgenError
from helpgen.hours.live_notices import LiveTarget, NoticeRequest, add_notice, clear_notices, list_notices, resolve_when
from helpgen.hours.support import parse_support

from .conftest import MKDOCS_YML, SUPPORT_YML

CPH = ZoneInfo("Europe/Copenhagen")
NOW = dt.datetime(2026, 12, 3, 9, 30, tzinfo=CPH)
PHONE = '  - {id: phone, name: Phone, address: "+45 70 12 34 56", availability: business-hours, response: immediately}\n'


@pytest.fixture
def built(tmp_path, monkeypatch):
    """A project with a built site folder, as the working directory."""
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (tmp_path / "support.yml").write_text(SUPPORT_YML + PHONE, encoding="utf-8")
    (tmp_path / "site").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, ["notice", *args])


def live(root) -> dict:
    return json.loads((root / "site" / "support-status.json").read_text(encoding="utf-8"))


def test_add_writes_the_built_site_s_file_and_list_and_clear_read_and_edit_it(built):
    added = run("add", "Our phone line is down; please write to us.", "--channel", "phone", "--closed",
                "--until", "+3h")
    assert added.exit_code == 0, added.output
    assert added.output.startswith("Added our-phone-line-is-down-please to site/support-status.json.")
    [notice] = live(built)["notices"]
    assert notice["text"] == "Our phone line is down; please write to us."  # one language: one text
    assert (notice["channels"], notice["closed"], "from" in notice) == (["phone"], True, False)
    until = dt.datetime.fromisoformat(notice["until"])
    assert until.utcoffset() == dt.datetime.now(CPH).utcoffset()  # written with the company's offset
    assert dt.timedelta(hours=2, minutes=59) < until - dt.datetime.now(dt.timezone.utc) <= dt.timedelta(hours=3)
    listed = run("list")
    assert "our-phone-line-is-down-please  [in effect]  from the start until" in listed.output
    assert "(phone; closed)" in listed.output
    assert json.loads(run("list", "--json").output)[0]["state"] == "in effect"
    cleared = run("clear", "our-phone-line-is-down-please")
    assert cleared.output.strip() == "Removed our-phone-line-is-down-please from site/support-status.json."
    assert live(built)["notices"] == []
    before = (built / "site" / "support-status.json").stat()
    assert run("clear").output.strip() == "Nothing to clear in site/support-status.json."
    after = (built / "site" / "support-status.json").stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # not written again


@pytest.mark.parametrize("args, message", [
    (["add", "Down", "--channel", "phnoe"], 'Error: --channel: no channel "phnoe" in support.yml — did you mean "phone"?'),
    (["add", "Down", "--closed", "--response", "2 hours"], "the notice: closed and response together"),
    (["add", "Down", "--until", "tomorrow"], 'Error: --until: "tomorrow" is not a date and time — write now, +30m'),
    (["add", "Down", "--until", "2020-01-01 10:00"], "Error: --until: that time has passed: the notice would never show"),
    (["add", "Down", "--from", "+2h", "--until", "+0m"], "Error: --until: the notice would end before it starts"),
    (["add", "Down", "--response", "fast"], 'the notice\'s response: "fast" is not a reply promise'),
    (["add", "x" * 501], "the notice's text is 501 characters long, more than 500"),
    (["add", "Down", "--id", "Bad Id"], 'the notice\'s id: "Bad Id" is not a valid id'),
    (["add", "Down", "--lang", "en", "Again"], "Error: --lang: en is given twice"),
    (["add", "Down", "--lang", "da", "Nede"], 'Error: --lang: the site has no "da" pages — its languages are en'),
    (["clear", "nope"], 'Error: site/support-status.json: no notice "nope" — the file has no notices'),
])
def test_bad_input_is_refused_with_a_fix_and_the_file_is_left_as_it_was(built, args, message):
    (built / "site" / "support-status.json").write_text('{"notices": []}\n', encoding="utf-8")
    before = (built / "site" / "support-status.json").read_bytes()
    result = run(*args)
    assert result.exit_code == 1 and message in result.output, result.output
    assert "Traceback" not in result.output
    assert (built / "site" / "support-status.json").read_bytes() == before


def test_an_invalid_live_file_is_not_overwritten(built):
    broken = '{\n  "notices": [\n    {"id": "x", "text": "Hi", "from": "2026-12-03 10:00"}\n  ]\n}\n'
    (built / "site" / "support-status.json").write_text(broken, encoding="utf-8")
    result = run("add", "Another")
    assert result.exit_code == 1
    assert 'site/support-status.json:3:39: notices[1].from: "2026-12-03 10:00" has no offset' in result.output
    assert "the file is left as it is" in result.output
    assert (built / "site" / "support-status.json").read_text(encoding="utf-8") == broken


def test_without_a_built_site_or_with_live_status_elsewhere_it_says_where_to_write(built, tmp_path):
    (built / "site").rmdir()
    result = run("add", "Down")
    assert result.exit_code == 1 and "no built site here — run helpgen build first, or give the file with --file" in result.output
    elsewhere = tmp_path / "status.json"
    assert run("add", "Down", "--file", str(elsewhere)).exit_code == 0
    assert json.loads(elsewhere.read_text(encoding="utf-8"))["notices"][0]["id"] == "down"
    (built / "support.yml").write_text(SUPPORT_YML + "live_status: https://status.acme.example/s.json\n", encoding="utf-8")
    result = run("list")
    assert "pages fetch live notices at https://status.acme.example/s.json — edit the file published there with --file PATH" \
        in result.output


def test_outside_a_project_times_need_an_offset_and_channels_are_not_checked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "Error: mkdocs.yml: no site config here" in run("add", "Down").output
    result = run("add", "Down", "--until", "14:00", "--file", "s.json")
    assert result.exit_code == 1 and "needs the company's time zone" in result.output
    assert run("add", "Down", "--channel", "fax", "--until", "2099-01-01T10:00+01:00", "--file", "s.json").exit_code == 0
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["notices"][0]["until"] == "2099-01-01T09:00:00Z"


# --- the library, with a fixed clock -----------------------------------------------------------------

@pytest.fixture
def target(tmp_path):
    support = parse_support(SUPPORT_YML + PHONE + 'notices:\n  - {id: rush, from: "2026-12-20 00:00", until: '
                            '"2026-12-28 09:00", text: "Rush", channels: [email], response: 3 business days}\n')
    return LiveTarget(tmp_path / "support-status.json", "support-status.json", support, "en", ("en", "da"))


@pytest.mark.parametrize("typed, written", [
    ("now", "2026-12-03T09:30:00+01:00"),
    ("+90m", "2026-12-03T11:00:00+01:00"),
    ("+2h", "2026-12-03T11:30:00+01:00"),
    ("+3d", "2026-12-06T09:30:00+01:00"),
    ("14:00", "2026-12-03T14:00:00+01:00"),
    ("2026-12-24 24:00", "2026-12-25T00:00:00+01:00"),
    ("2027-03-28 02:30", "2027-03-28T03:00:00+02:00"),  # in the spring-forward gap: just after it
    ("2026-12-03T10:00Z", "2026-12-03T11:00:00+01:00"),
])
def test_times_typed_at_the_terminal_are_written_as_instants_with_the_company_s_offset(typed, written):
    assert resolve_when(typed, "--until", "Europe/Copenhagen", NOW) == written


def test_until_counts_from_the_start_and_ids_are_made_unique(target):
    first = add_notice(target, NoticeRequest("Phone down", start="10:00", end="+4h", channels=("phone",), closed=True), NOW)
    second = add_notice(target, NoticeRequest("Phone down"), NOW)
    assert (first.id, first.start, first.end) == ("phone-down", "2026-12-03T10:00:00+01:00", "2026-12-03T14:00:00+01:00")
    assert second.id == "phone-down-2"
    assert add_notice(target, NoticeRequest("电话故障"), NOW).id == "notice"


def test_the_live_file_stays_within_its_bounds(target):
    for number in range(20):
        add_notice(target, NoticeRequest(f"Notice {number}"), NOW)
    with pytest.raises(HelpgenError, match="already holds 20 notices, as many as pages show — clear ended ones first"):
        add_notice(target, NoticeRequest("One more"), NOW)


def test_list_shows_states_and_support_yml_s_notices_and_clear_ended_keeps_the_rest(target):
    add_notice(target, NoticeRequest("Soon over", end="+1h"), NOW)
    add_notice(target, NoticeRequest("Later", start="2026-12-05 09:00"), NOW)
    later = NOW + dt.timedelta(hours=2)
    states = [(i.notice.id, i.state, i.source) for i in list_notices(target, later)]
    assert states == [("soon-over", "ended", "support-status.json"), ("later", "coming", "support-status.json"),
                      ("rush", "coming", "support.yml")]
    assert clear_notices(target, later, ended_only=True) == ["soon-over"]
    assert [n["id"] for n in json.loads(target.path.read_text(encoding="utf-8"))["notices"]] == ["later"]
    with pytest.raises(HelpgenError, match="it is scheduled in support.yml: remove it there and rebuild"):
        clear_notices(target, later, "rush")


def test_the_file_is_replaced_in_one_step_and_stays_readable_by_the_web_server(target):
    target.path.write_text('{"notices": []}\n', encoding="utf-8")
    os.chmod(target.path, 0o640)
    inode = target.path.stat().st_ino
    add_notice(target, NoticeRequest("Down"), NOW)
    assert target.path.stat().st_ino != inode  # a new file renamed over the old: never half-written
    assert stat.S_IMODE(target.path.stat().st_mode) == 0o640  # the mode the team gave it is kept
    assert [p.name for p in target.path.parent.iterdir()] == ["support-status.json"]  # no temporary file left
    fresh = target.path.with_name("new.json")
    add_notice(LiveTarget(fresh, "new.json", target.support), NoticeRequest("Down"), NOW)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


def test_lang_names_a_language_the_site_has(target):
    with pytest.raises(HelpgenError, match='--lang: the site has no "zh" pages — its languages are en, da'):
        add_notice(target, NoticeRequest("Down", translations=(("zh", "故障"),)), NOW)
    added = add_notice(target, NoticeRequest("Down", translations=(("da", "Nede"),)), NOW)
    assert added.text.translations == (("en", "Down"), ("da", "Nede"))
