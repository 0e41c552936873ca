"""What visitors read beside the statuses, as of the moment they look (helpgen/hours/notices.py).
The browser computes the same (tests/test_schedule_parity.py); these pin the sentences themselves."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from helpgen.hours.notices import headline, holiday_notice, reply_text
from helpgen.hours.promises import describe
from helpgen.hours.schedule import schedule_to_json
from helpgen.hours.status import status_payload
from helpgen.hours.support import load_support

from .conftest import REPO

CPH = ZoneInfo("Europe/Copenhagen")
SUPPORT = load_support(REPO / "support.yml")  # the demo: Christmas Eve closed, New Year's Eve 09:00-12:00
PAYLOAD = status_payload(SUPPORT)
HOURS = schedule_to_json(SUPPORT.hours)
CHANNELS = [(c.name, PAYLOAD["channels"][c.id]) for c in SUPPORT.channels]


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=CPH)


def test_on_christmas_eve_the_page_says_closed_today_and_names_the_next_holiday():
    assert holiday_notice(HOURS, at(2026, 12, 24, 11, 0)) == {
        "today": "Closed today for Christmas Eve", "next": "Next holiday: Christmas Day, Friday 25 December: closed"}


def test_on_new_years_eve_the_early_close_is_today_s_news():
    notice = holiday_notice(HOURS, at(2026, 12, 31, 10, 0))
    assert notice["today"] == "Open until 12:00 today for New Year's Eve"
    assert notice["next"] == "Next holiday: New Year's Day, Friday 1 January: closed"
    assert holiday_notice(HOURS, at(2026, 12, 31, 10, 0), "America/New_York")["today"] == (
        "Open until 06:00 (12:00 Copenhagen time) today for New Year's Eve")
    assert holiday_notice(HOURS, at(2026, 12, 31, 13, 0))["today"] == "Closed today for New Year's Eve"


def test_a_passed_holiday_is_never_the_next_one():
    assert holiday_notice(HOURS, at(2026, 12, 28, 10, 0))["next"] == (
        "Next holiday: New Year's Eve, Thursday 31 December: open 09:00\u201312:00 (Copenhagen time)")
    assert holiday_notice(HOURS, at(2027, 3, 1, 10, 0)) == {"today": None, "next": None}


def test_a_holiday_on_the_company_s_date_is_not_today_for_a_visitor_still_on_the_day_before():
    # 23 December 20:00 in New York is already 24 December 02:00 in Copenhagen.
    late = dt.datetime(2026, 12, 23, 20, 0, tzinfo=ZoneInfo("America/New_York"))
    assert holiday_notice(HOURS, late, "America/New_York")["today"] == (
        "Closed on Thursday 24 December for Christmas Eve")


def test_a_closed_status_on_a_holiday_gives_the_reason():
    chat = PAYLOAD["channels"]["chat"]
    assert describe(chat, at(2026, 12, 24, 11, 0))["text"] == "Closed for Christmas Eve · opens Monday 09:00"
    assert describe(chat, at(2026, 12, 23, 20, 0))["text"] == "Closed · opens Monday 09:00"  # closed as any evening


def test_the_company_time_echo_names_a_day_never_tomorrow():
    email = PAYLOAD["channels"]["email"]
    sunday_evening = dt.datetime(2026, 11, 29, 22, 0, tzinfo=ZoneInfo("America/New_York"))
    text = describe(email, sunday_evening, "America/New_York")["text"]
    assert text == "Write now — reply by Tuesday 11:00 (17:00 Copenhagen time)"
    chat = PAYLOAD["channels"]["chat"]
    # Chat closes Monday 17:00 in Copenhagen, which is already Tuesday 01:00 in Tokyo.
    assert describe(chat, at(2026, 11, 30, 10, 0), "Asia/Tokyo")["text"] == (
        "Open now · closes tomorrow 01:00 (Monday 17:00 Copenhagen time)")
    # Same date for both: the echo is a bare time.
    assert describe(chat, at(2026, 11, 30, 20, 0), "America/Los_Angeles")["text"] == (
        "Closed · opens tomorrow 00:00 (09:00 Copenhagen time)")


def test_reply_times_and_live_phone_lines():
    monday = at(2026, 11, 30, 10, 0)
    # Email's status already says "Write now — reply by tomorrow 17:00": no second reply line.
    assert [reply_text(c, monday) for _, c in CHANNELS] == ["", "Reply by 10:05", "Answered live"]
    # A closed chat answers once it opens.
    assert reply_text(PAYLOAD["channels"]["chat"], at(2026, 12, 24, 11, 0)) == "Reply by Monday 09:05"


def test_the_header_names_the_most_useful_channel():
    assert headline(CHANNELS, at(2026, 11, 30, 9, 30))["text"] == "Live chat · open now"  # phone opens at 10
    assert headline(CHANNELS, at(2026, 11, 30, 10, 30))["text"] == "Phone · open now"  # answers at once
    assert headline(CHANNELS, at(2026, 12, 24, 11, 0)) == {
        "index": 0, "state": "open", "text": "Email · reply by Monday 17:00"}
    chat_only = [CHANNELS[1]]
    assert headline(chat_only, at(2026, 12, 24, 11, 0))["text"] == "Live chat · opens Monday 09:00"
    assert headline([], at(2026, 12, 24, 11, 0)) is None
