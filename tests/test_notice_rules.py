"""Notices in support.yml and support-status.json: how they are written, refused and read, and what
they do to a channel's status, reply time and the header's choice (docs/notices.md states the rules;
the browser's copy is held to the same answers by tests/test_notice_parity.py)."""
from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from helpgen.errors import HelpgenError
from helpgen.hours import notice_effects as E
from helpgen.hours.instants import instant_us, read_instant
from helpgen.hours.live_file import accepted, file_text, read_live_text
from helpgen.hours.notices import headline, reply_text
from helpgen.hours.promises import describe
from helpgen.hours.schedule import from_us
from helpgen.hours.status import channel_statuses, merged_notices, status_payload
from helpgen.hours.support import parse_support

CPH = ZoneInfo("Europe/Copenhagen")
SUPPORT = """\
organization: Acme
timezone: Europe/Copenhagen
hours:
  monday-friday: "09:00-17:00"
channels:
  - {id: email, name: Email, address: support@acme.example, availability: always, response: 1 business day}
  - {id: chat, name: Live chat, url: https://acme.example/chat, availability: business-hours, response: 5 minutes}
  - {id: phone, name: Phone, address: "+45 70 12 34 56", availability: {monday-friday: "10:00-16:00"}, response: immediately}
"""


def support_with(notices: str):
    return parse_support(SUPPORT + "notices:\n" + notices)


def error_of(notices: str) -> str:
    with pytest.raises(HelpgenError) as caught:
        support_with(notices)
    return caught.value.format_message()


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=CPH)


def page(support, when: dt.datetime, zone: str | None = None, live=()) -> dict:
    """What a page shows at `when`, through the same payloads helpgen-status.js reads."""
    payload = status_payload(support)
    notices = merged_notices(support, live)
    shown = {c.id: E.with_notices(payload["channels"][c.id], c.id, notices, payload["hours"]) for c in support.channels}
    return {"status": {i: describe(c, when, zone)["text"] for i, c in shown.items()},
            "reply": {i: reply_text(c, when, zone) for i, c in shown.items()},
            "header": headline([(c.name, shown[c.id]) for c in support.channels], when, zone)["text"],
            "notices": [n["id"] for n in E.in_effect(notices, support.timezone, int(when.timestamp() * 1_000_000))]}


# --- writing notices ----------------------------------------------------------------------------------

def test_the_issue_s_two_notices_load_with_every_value():
    support = support_with("""\
  - id: christmas-rush
    from: 2026-12-20 00:00
    until: 2026-12-28 09:00
    text: {en: "Christmas rush: email replies take up to 3 business days.", da: "Jultravlhed.", zh: "圣诞高峰。"}
    channels: [email]
    response: 3 business days
  - id: phone-down
    from: 2026-12-03T10:00:00+01:00
    until: 2026-12-03 14:00
    text: "Our phone line is down until 14:00; please write to us."
    channels: [phone]
    closed: true
""")
    rush, down = support.notices
    assert (rush.id, rush.start, rush.end, rush.channels, str(rush.response)) == (
        "christmas-rush", "2026-12-20T00:00", "2026-12-28T09:00", ("email",), "3 business days")
    assert rush.text.get("da") == "Jultravlhed." and not rush.closed
    assert (down.start, down.closed, down.response, down.location.line) == ("2026-12-03T10:00:00+01:00", True, None, 16)
    assert support.live_status == "support-status.json"


@pytest.mark.parametrize("notice, expected", [
    ('  - {id: a, text: "Hi", from: 2026-12-03}\n',
     'support.yml:10:31: notices[1].from: "2026-12-03" is not a date and time — give a time too: "2026-12-03 00:00" '
     'is the start of that day, "2026-12-03 24:00" its end'),
    ('  - {id: a, text: "Hi", until: "2026-12-03 25:00"}\n', 'notices[1].until: "2026-12-03 25:00" is not a time of day'),
    ('  - {id: a, text: "Hi", until: 2026-02-30 10:00}\n', 'notices[1].until: "2026-02-30 10:00" is not a day of the calendar'),
    ('  - {id: a, text: "Hi", closed: true, response: 2 hours}\n', "notices[1]: closed and response together"),
    ('  - {id: a, text: "Hi", closed: maybe}\n', "notices[1].closed must be true or false"),
    ('  - {id: a, text: "Hi", response: fast}\n', 'notices[1].response: "fast" is not a reply promise'),
    ('  - {id: a, text: "Hi", channels: phone}\n', "notices[1].channels must be a list of channel ids"),
    ('  - {id: Phone Down, text: "Hi"}\n', 'notices[1].id: "Phone Down" is not a valid id'),
    ('  - {id: a, text: ""}\n', "notices[1].text is empty"),
    ('  - {id: a, text: "Hi"}\n  - {id: a, text: "Again"}\n', 'notices[2].id: "a" is used twice (first at line 10)'),
    ('  - {id: a, text: "Hi", colour: red}\n', 'unknown key "notices[1].colour"'),
    ('  - {id: a}\n', '"notices[1].text" is required'),
    ('  - {id: a, text: "\\u202eevil"}\n', "notices[1].text contains a control character or a direction override"),
])
def test_a_notice_written_wrong_is_an_error_at_its_line_with_a_fix(notice, expected):
    message = error_of(notice)
    assert expected in message and message.startswith("support.yml:1")


@pytest.mark.parametrize("value, hint", [
    ("true", "live_status: true says nothing about where the file is"),
    ('"http://status.acme.example/s.json"', 'live_status: "http://status.acme.example/s.json" is not an https:// URL'),
    ('"javascript:alert(1)"', "is not an https:// URL"),
])
def test_live_status_is_an_https_url_or_false(value, hint):
    with pytest.raises(HelpgenError, match=hint):
        parse_support(SUPPORT + f"live_status: {value}\n")
    assert parse_support(SUPPORT + "live_status: false\n").live_status is None
    assert parse_support(SUPPORT + "live_status: https://status.acme.example/s.json\n").live_status == \
        "https://status.acme.example/s.json"


@pytest.mark.parametrize("text, expected", [
    ("2026-12-20 00:00", "2026-12-20 00:00:00+01:00"),
    ("2026-12-27 24:00", "2026-12-28 00:00:00+01:00"),  # the end of the 27th
    ("2026-12-03T10:00:00+01:00", "2026-12-03 10:00:00+01:00"),
    ("2026-12-03T09:00:00.123Z", "2026-12-03 10:00:00.123000+01:00"),
    ("2027-03-28 02:30", "2027-03-28 03:00:00+02:00"),  # inside the spring-forward gap: the first instant after it
    ("2026-10-25 02:30", "2026-10-25 02:30:00+02:00"),  # in the repeated hour: its first occurrence
])
def test_notice_times_are_company_time_or_an_instant_with_an_offset(text, expected):
    assert str(from_us(instant_us(text, "Europe/Copenhagen"), "Europe/Copenhagen")) == expected


def test_a_trailing_newline_or_a_space_around_a_time_is_not_a_time():
    for text in ("2026-12-03T10:00Z\n", " 2026-12-03T10:00Z", "2026-12-03T10:00+01"):
        with pytest.raises(ValueError):
            read_instant(text)


# --- what notices do -----------------------------------------------------------------------------------

PHONE_DOWN = """\
  - id: phone-down
    from: 2026-12-03 10:00
    until: 2026-12-03 14:00
    text: "Our phone line is down until 14:00; please write to us."
    channels: [phone]
    closed: true
"""
RUSH = """\
  - id: christmas-rush
    from: 2026-12-20 00:00
    until: 2026-12-28 09:00
    text: "Christmas rush: email replies take up to 3 business days."
    channels: [email]
    response: 3 business days
"""


def test_before_and_after_its_window_a_notice_changes_nothing():
    support, plain = support_with(PHONE_DOWN), parse_support(SUPPORT)
    for moment in (at(2026, 12, 2, 11, 0), at(2026, 12, 3, 14, 0), at(2026, 12, 10, 11, 0)):
        assert page(support, moment)["status"] == page(plain, moment)["status"]
    assert page(support, at(2026, 12, 3, 9, 59))["notices"] == []
    assert page(support, at(2026, 12, 3, 14, 0))["notices"] == []  # `until` is when it ends: not included


def test_a_closed_channel_says_closed_until_the_window_ends_and_the_header_names_another():
    shown = page(support_with(PHONE_DOWN), at(2026, 12, 3, 11, 0))
    assert shown["notices"] == ["phone-down"]
    assert shown["status"]["phone"] == "Closed · opens 14:00"
    assert shown["reply"]["phone"] == "Answered live"
    assert shown["header"] == "Live chat · open now"
    # Before the window the closing it brings is the phone's next change.
    assert page(support_with(PHONE_DOWN), at(2026, 12, 3, 9, 30))["status"]["phone"] == "Closed · opens 14:00"
    assert page(support_with(PHONE_DOWN), at(2026, 12, 2, 15, 0))["status"]["phone"] == "Open now · closes 16:00"


def test_a_closure_that_takes_every_channel_moves_the_header_to_the_first_to_reopen():
    support = support_with('  - {id: meeting, from: "2026-12-03 10:00", until: "2026-12-03 11:30", text: "Staff meeting", '
                           "closed: true}\n")
    shown = page(support, at(2026, 12, 3, 10, 15))
    assert shown["status"] == {"email": "Closed · opens 11:30", "chat": "Closed · opens 11:30", "phone": "Closed · opens 11:30"}
    assert shown["reply"]["email"] == "Reply by tomorrow 17:00"  # received at 11:30, one business day
    assert shown["header"] == "Email · opens 11:30"  # all reopen together: support.yml's order decides


def test_a_response_notice_changes_the_promise_for_messages_received_in_its_window():
    support = support_with(RUSH)
    assert page(support, at(2026, 12, 22, 11, 0))["status"]["email"] == "Write now — reply by Friday 17:00"
    # Sent on the window's last morning, the slower promise still holds for it.
    assert page(support, at(2026, 12, 28, 8, 59))["status"]["email"] == "Write now — reply by Thursday 17:00"
    assert page(support, at(2026, 12, 28, 9, 0))["status"]["email"] == "Write now — reply by tomorrow 17:00"
    [email] = channel_statuses(support, at(2026, 12, 22, 11, 0), channel_id="email")
    assert (email.response, email.reply_by, email.notices) == (
        "3 business days", "2026-12-25T17:00:00+01:00", ("Christmas rush: email replies take up to 3 business days.",))


def test_of_overlapping_promises_the_slowest_holds_and_a_faster_one_alone_replaces_the_usual():
    support = support_with(RUSH + '  - {id: backlog, from: "2026-12-21 00:00", until: "2026-12-23 00:00", text: "Backlog", '
                           "channels: [email], response: 5 business days}\n"
                           '  - {id: extra-staff, from: "2026-12-01 00:00", until: "2026-12-05 00:00", text: "More of us", '
                           "channels: [email], response: 2 business hours}\n")
    assert page(support, at(2026, 12, 22, 11, 0))["status"]["email"] == "Write now — reply by Tuesday 29 December 17:00"
    assert page(support, at(2026, 12, 23, 11, 0))["status"]["email"] == "Write now — reply by Monday 17:00"
    assert page(support, at(2026, 12, 2, 16, 30))["status"]["email"] == "Write now — reply by tomorrow 10:30"


def test_a_notice_for_an_unknown_channel_concerns_none_and_one_without_channels_concerns_all():
    ghost = support_with('  - {id: typo, text: "Down", channels: [phnoe], closed: true}\n')
    assert page(ghost, at(2026, 12, 3, 11, 0))["status"]["phone"] == "Open now · closes 16:00"
    everyone = support_with('  - {id: all, text: "Slow", response: 2 days}\n')
    assert page(everyone, at(2026, 12, 3, 11, 0))["reply"]["chat"] == "Reply by Saturday 11:00"


def test_a_visitor_elsewhere_sees_the_window_in_their_own_time_with_the_company_s_alongside():
    shown = page(support_with(PHONE_DOWN), at(2026, 12, 3, 11, 0), "America/New_York")
    assert shown["status"]["phone"] == "Closed · opens 08:00 (14:00 Copenhagen time)"


def test_a_live_notice_replaces_a_scheduled_one_of_its_id_and_adds_the_others():
    support = support_with(PHONE_DOWN)
    status = read_live_text(json.dumps({"notices": [
        {"id": "phone-down", "until": "2026-12-03T16:00:00+01:00", "text": "Still down", "channels": ["phone"],
         "closed": True},
        {"id": "chat-slow", "text": "Chat is busy", "channels": ["chat"], "response": "30 minutes"}]}), "live.json")
    shown = page(support, at(2026, 12, 3, 15, 0), live=status.notices)
    assert shown["notices"] == ["phone-down", "chat-slow"]
    assert shown["status"]["phone"] == "Closed · opens tomorrow 10:00"
    assert shown["reply"]["chat"] == "Reply by 15:30"


# --- the live file -----------------------------------------------------------------------------------

def test_the_live_file_is_read_value_by_value_with_lines_and_unknown_fields_are_warnings():
    text = ('{\n  "notices": [\n    {"id": "ok", "text": "Fine", "colour": "red"},\n'
            '    {"id": "bad", "text": "x", "from": "2026-12-03 10:00"}\n  ],\n  "extra": 1\n}\n')
    status = read_live_text(text, "support-status.json")
    assert [n.id for n in status.notices] == ["ok"]
    found = sorted((p.severity, str(p.location), p.message.split(":")[0]) for p in status.problems)
    assert found == [("error", "support-status.json:4:40", "notices[2].from"),
                     ("warning", "support-status.json:3:34", 'unknown key "notices[1].colour"'),
                     ("warning", "support-status.json:6:3", 'unknown key "extra"')]


@pytest.mark.parametrize("text, message", [
    ('{"notices": [}', "support-status.json:1:14: not valid JSON: Expecting value"),
    ('{"notices": [], "notices": []}', 'support-status.json:1:17: the key "notices" is given twice'),
    ('{"notices": [NaN]}', "not valid JSON: NaN is not a JSON value"),
    ("[" * 5000 + "]" * 5000, "not valid JSON: nested too deeply"),
])
def test_a_live_file_that_is_not_json_is_an_error_at_its_place(text, message):
    with pytest.raises(HelpgenError, match=message.replace("[", r"\[")):
        read_live_text(text, "support-status.json")


def test_the_live_file_s_bounds_hold():
    one = {"id": "n", "text": "Hi"}
    too_many = {"notices": [dict(one, id=f"n{i}") for i in range(21)]}
    assert accepted(too_many) == []
    assert len(accepted({"notices": too_many["notices"][:20]})) == 20
    assert accepted({"notices": [dict(one, text="x" * 501)]}) == []
    assert read_live_text(" " * 70_000, "s.json").problems[0].message == "larger than 64 KiB: pages ignore it"


def test_what_helpgen_writes_reads_back_the_same():
    status = read_live_text(json.dumps({"notices": [
        {"id": "a", "from": "2026-12-03T10:00:00+01:00", "until": "2026-12-03T14:00:00+01:00",
         "text": {"en": "Down", "da": "Nede"}, "channels": ["phone"], "closed": True},
        {"id": "b", "text": "Slow", "response": "3 business days"}]}), "s.json")
    written = file_text(status.notices, at(2026, 12, 3, 9, 0))
    again = read_live_text(written, "s.json")
    assert [n.file_entry() for n in again.notices] == [n.file_entry() for n in status.notices] and again.problems == ()
    assert json.loads(written)["updated"] == "2026-12-03T09:00:00+01:00"
    assert list(json.loads(written)["notices"][0]["text"]) == ["en", "da"]  # the writer's order: en is the default


def test_every_notice_key_and_bound_is_documented():
    from helpgen.hours.notice_schema import LIMITS, NOTICE_KEYS

    from .conftest import REPO

    notices, support = ((REPO / "docs" / name).read_text(encoding="utf-8") for name in ("notices.md", "support-yml.md"))
    for key in NOTICE_KEYS:
        assert f"| `{key}` |" in notices and f"| `{key}` |" in support, key
    bounds = notices.split("| bound | value |")[1].split("\n\n")[0]
    assert f"{LIMITS['bytes'] // 1024} KiB" in bounds
    for name in ("notices", "id", "text", "languages", "channels"):
        assert f"| {LIMITS[name]}" in bounds, name
