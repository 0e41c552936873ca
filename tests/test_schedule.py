"""Support hours, holidays, DST and reply promises: the promises docs/hours.md makes to customers."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from helpgen.hours.promises import Promise, channel_payload, describe, parse_promise, reply_by
from helpgen.hours.schedule import (ALL_DAY, Holiday, Schedule, TimeRange, always_open, is_open, next_change, next_closing,
                              next_opening, parse_time_range, parse_time_ranges, ranges_on, schedule_from_json,
                              schedule_to_json)

from .test_schedule_parity import HOURS_ENGINE, SCRIPTS

CPH, NY, UTC = ZoneInfo("Europe/Copenhagen"), ZoneInfo("America/New_York"), dt.timezone.utc
ROOT = Path(__file__).resolve().parents[1]


def hours(text: str) -> tuple[TimeRange, ...]:
    return parse_time_ranges(text)


def weekly(weekdays: str, saturday: str = "closed", sunday: str = "closed") -> tuple:
    return (hours(weekdays),) * 5 + (hours(saturday), hours(sunday))


# The demo shop: Monday-Friday 09-17, Saturday 10-14; Christmas Eve closed, New Year's Eve 09-12.
SHOP = Schedule("Europe/Copenhagen", weekly("09:00-17:00", "10:00-14:00"), (
    Holiday(dt.date(2026, 12, 24), "Christmas Eve", ()),
    Holiday(dt.date(2026, 12, 31), "New Year's Eve", hours("09:00-12:00")),
))
OFFICE = Schedule("Europe/Copenhagen", weekly("09:00-17:00"))  # weekdays only


def cph(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=CPH)


def ny(*args, fold: int = 0) -> dt.datetime:
    return dt.datetime(*args, tzinfo=NY, fold=fold)


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def u(moment: dt.datetime | None) -> dt.datetime | None:
    """In UTC. Python compares and subtracts datetimes that share a tzinfo by wall clock, and never finds
    an ambiguous local time equal to another zone's, so DST answers are checked as UTC instants."""
    return None if moment is None else moment.astimezone(UTC)


# --- reading hours ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end", [
    ("09:00-17:00", 540, 1020), ("9:00-17:00", 540, 1020), (" 09:30 - 17:45 ", 570, 1065),
    ("22:00-02:00", 1320, 120), ("00:00-24:00", 0, 1440), ("18:00-00:00", 1080, 1440), ("09:00\u201317:00", 540, 1020),
])
def test_time_ranges_read_as_minutes_after_midnight(text, start, end):
    assert parse_time_range(text) == TimeRange(start, end)


def test_time_ranges_print_the_way_they_are_written():
    assert [str(parse_time_range(t)) for t in ("9:00-17:00", "22:00-02:00", "00:00-24:00", "18:00-00:00")] == [
        "09:00-17:00", "22:00-02:00", "00:00-24:00", "18:00-24:00"]


@pytest.mark.parametrize("text, reason", [
    ("17:00-17:00", "empty"), ("00:00-00:00", "empty"), ("09:60-17:00", "minutes above 59"),
    ("25:00-26:00", "hour above 24"), ("24:00-02:00", "starts at 24:00"), ("09:00-24:30", "past 24:00"),
    ("9-17", "not a time range"), ("nine to five", "not a time range"), (1050, "in quotes"),
])
def test_bad_time_ranges_are_refused_with_the_expected_form(text, reason):
    with pytest.raises(ValueError) as error:
        parse_time_range(text)
    assert reason in str(error.value)


def test_a_day_can_have_several_ranges_and_they_come_back_sorted():
    assert parse_time_ranges("13:00-17:00, 09:00-12:00") == (TimeRange(540, 720), TimeRange(780, 1020))
    assert parse_time_ranges("Closed") == ()
    assert parse_time_ranges("09:00-12:00, 12:00-17:00") == (TimeRange(540, 720), TimeRange(720, 1020))


@pytest.mark.parametrize("text, message", [
    ("09:00-12:00, 11:00-13:00", 'overlapping ranges "09:00-12:00" and "11:00-13:00"'),
    ("22:00-02:00, 01:00-03:00", "overlapping"),  # the night's tail meets the next day's morning
    ("00:00-24:00, 10:00-11:00", "overlapping"),
    ("09:00-12:00, 25:00-26:00", 'contains "25:00-26:00", which has an hour above 24'),
    ("09:00-12:00,", "empty part"), ("", "is empty"),
])
def test_overlapping_or_broken_ranges_in_a_day_are_refused(text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_time_ranges(text)


# --- reading promises ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, amount, canonical", [
    ("immediately", "immediate", 0, "immediately"), ("5 minutes", "calendar", 5, "5 minutes"),
    ("1 Hour", "calendar", 60, "1 hour"), ("24 hours", "calendar", 1440, "24 hours"),
    ("3 days", "calendar", 4320, "3 days"), ("4 business hours", "business_hours", 240, "4 business hours"),
    ("1 business day", "business_days", 1, "1 business day"), ("2 Business  Days", "business_days", 2,
                                                                  "2 business days"),
    ("1 business hours", "business_hours", 60, "1 business hour"),
])
def test_reply_promises_are_read_in_any_case_singular_or_plural(text, kind, amount, canonical):
    promise = parse_promise(text)
    assert (promise.text, promise.kind, promise.amount, str(promise)) == (text, kind, amount, canonical)


@pytest.mark.parametrize("text, hint", [
    ("fast", 'use e.g. "4 hours" or "1 business day"'), ("0 hours", '"immediately"'),
    ("2 weeks", '"14 days"'), ("30 business minutes", '"4 business hours"'), ("", "use e.g."),
])
def test_unreadable_promises_say_how_to_write_one(text, hint):
    with pytest.raises(ValueError, match=re.escape(hint)):
        parse_promise(text)


# --- open or closed --------------------------------------------------------------------------------------

def test_open_from_opening_time_until_just_before_closing_time():
    assert not is_open(SHOP, cph(2026, 11, 23, 8, 59, 59))
    assert is_open(SHOP, cph(2026, 11, 23, 9, 0))
    assert is_open(SHOP, cph(2026, 11, 23, 16, 59, 59, 999999))
    assert not is_open(SHOP, cph(2026, 11, 23, 17, 0))


def test_closed_shop_opens_next_morning_and_open_shop_says_when_it_closes():
    assert next_change(SHOP, cph(2026, 11, 23, 18, 0)) == cph(2026, 11, 24, 9, 0)
    assert next_change(SHOP, cph(2026, 11, 23, 12, 0)) == cph(2026, 11, 23, 17, 0)
    assert next_opening(SHOP, cph(2026, 11, 23, 12, 0)) == cph(2026, 11, 24, 9, 0)
    assert next_closing(SHOP, cph(2026, 11, 23, 18, 0)) == cph(2026, 11, 24, 17, 0)


def test_answers_are_instants_whatever_zone_the_question_uses():
    assert is_open(SHOP, utc(2026, 11, 23, 8, 30))  # 09:30 in Copenhagen
    assert next_change(SHOP, utc(2026, 11, 23, 8, 30)) == utc(2026, 11, 23, 16, 0)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="no time zone"):
        is_open(SHOP, dt.datetime(2026, 11, 23, 12, 0))


def test_overnight_range_belongs_to_the_day_it_starts():
    bar = Schedule("Europe/Copenhagen", ((), (), (), (), hours("22:00-02:00"), (), ()))  # Friday night only
    assert is_open(bar, cph(2026, 11, 28, 1, 0))  # Saturday 01:00, though Saturday itself is closed
    assert next_change(bar, cph(2026, 11, 28, 1, 0)) == cph(2026, 11, 28, 2, 0)
    assert not is_open(bar, cph(2026, 11, 27, 1, 0))  # Friday 01:00: Thursday has no night range
    assert not is_open(bar, cph(2026, 11, 28, 23, 0))


def test_holiday_closes_the_ranges_starting_that_day_but_not_the_night_before():
    night = Schedule("Europe/Copenhagen", (hours("22:00-02:00"),) * 7,
                     (Holiday(dt.date(2026, 12, 24), "Christmas Eve", ()),))
    assert is_open(night, cph(2026, 12, 24, 1, 0))  # the 23rd's night runs into the holiday
    assert next_change(night, cph(2026, 12, 24, 1, 0)) == cph(2026, 12, 24, 2, 0)
    assert not is_open(night, cph(2026, 12, 24, 23, 0))
    assert next_opening(night, cph(2026, 12, 24, 12, 0)) == cph(2026, 12, 25, 22, 0)


def test_holiday_with_special_hours_replaces_the_weekday_hours():
    assert ranges_on(SHOP, dt.date(2026, 12, 31)) == hours("09:00-12:00")
    assert next_closing(SHOP, cph(2026, 12, 31, 10, 0)) == cph(2026, 12, 31, 12, 0)
    assert not is_open(SHOP, cph(2026, 12, 24, 10, 0))
    assert next_opening(SHOP, cph(2026, 12, 24, 10, 0)) == cph(2026, 12, 25, 9, 0)


def test_touching_ranges_stay_open_across_the_seam_and_midnight():
    late = Schedule("Europe/Copenhagen", weekly("09:00-12:00, 12:00-24:00", "00:00-03:00"))
    assert next_closing(late, cph(2026, 11, 27, 10, 0)) == cph(2026, 11, 28, 3, 0)  # Friday into Saturday


def test_always_open_and_never_open_never_change():
    assert is_open(always_open("Asia/Tokyo"), utc(2026, 1, 1))
    assert next_change(always_open("UTC"), utc(2026, 1, 1)) is None
    never = Schedule("UTC", ((),) * 7)
    assert not is_open(never, utc(2026, 1, 1)) and next_opening(never, utc(2026, 1, 1)) is None


def test_schedule_needs_seven_days_and_one_entry_per_holiday():
    with pytest.raises(ValueError, match="7 days"):
        Schedule("UTC", ((ALL_DAY,),) * 5)
    with pytest.raises(ValueError, match="twice"):
        Schedule("UTC", ((),) * 7, (Holiday(dt.date(2026, 1, 1), "a", ()), Holiday(dt.date(2026, 1, 1), "b", ())))


# --- daylight saving time --------------------------------------------------------------------------------

def test_copenhagen_spring_forward_opens_at_the_first_minute_after_the_gap():
    # 29 March 2026: 02:00 CET jumps to 03:00 CEST. 02:30 never happens.
    early = Schedule("Europe/Copenhagen", (hours("02:30-05:00"),) * 7)
    assert u(next_opening(early, cph(2026, 3, 29, 0, 0))) == utc(2026, 3, 29, 1, 0) == u(cph(2026, 3, 29, 3, 0))
    night = Schedule("Europe/Copenhagen", (hours("01:00-04:00"),) * 7)  # only 2 real hours that night
    assert u(next_closing(night, cph(2026, 3, 29, 1, 30))) - u(cph(2026, 3, 29, 1, 0)) == dt.timedelta(hours=2)


def test_copenhagen_fall_back_uses_the_first_0230():
    # 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice.
    early = Schedule("Europe/Copenhagen", (hours("02:30-03:30"),) * 7)
    assert u(next_opening(early, cph(2026, 10, 25, 0, 0))) == utc(2026, 10, 25, 0, 30)
    assert u(next_closing(early, cph(2026, 10, 25, 0, 0))) == utc(2026, 10, 25, 2, 30)  # open 2 real hours


def test_new_york_spring_forward_day_is_23_hours_long():
    allday = Schedule("America/New_York", (hours("00:00-24:00"),) + ((),) * 6)  # Mondays only
    sunday = Schedule("America/New_York", ((),) * 6 + (hours("00:00-24:00"),))
    start = next_opening(sunday, ny(2026, 3, 7, 12, 0))
    assert u(next_closing(sunday, start)) - u(start) == dt.timedelta(hours=23)
    assert not is_open(allday, ny(2026, 3, 8, 2, 30))
    two_am = Schedule("America/New_York", (hours("02:00-06:00"),) * 7)
    assert u(next_opening(two_am, ny(2026, 3, 8, 0, 0))) == utc(2026, 3, 8, 7, 0)  # 03:00 EDT


def test_new_york_fall_back_ambiguous_opening_is_the_first_occurrence():
    # 1 November 2026: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice.
    late = Schedule("America/New_York", (hours("01:30-09:00"),) * 7)
    assert u(next_opening(late, ny(2026, 11, 1, 0, 0))) == u(ny(2026, 11, 1, 1, 30, fold=0)) == utc(2026, 11, 1, 5, 30)
    assert is_open(late, ny(2026, 11, 1, 1, 15, fold=1))  # the second 01:15 comes after the first 01:30


def test_a_range_wholly_inside_the_gap_does_not_open_that_night():
    gap = Schedule("Europe/Copenhagen", (hours("02:15-02:45"),) * 7)
    assert next_opening(gap, cph(2026, 3, 28, 12, 0)) == cph(2026, 3, 30, 2, 15)


# --- reply promises --------------------------------------------------------------------------------------

def test_email_sent_friday_evening_is_answered_monday():
    assert reply_by(parse_promise("1 business day"), OFFICE, cph(2026, 11, 27, 19, 0)) == cph(2026, 11, 30, 17, 0)


def test_one_business_day_means_by_closing_time_on_the_next_business_day():
    promise = parse_promise("1 business day")
    assert reply_by(promise, OFFICE, cph(2026, 11, 23, 8, 0)) == cph(2026, 11, 24, 17, 0)
    assert reply_by(promise, OFFICE, cph(2026, 11, 23, 16, 59)) == cph(2026, 11, 24, 17, 0)
    assert reply_by(parse_promise("2 business days"), OFFICE, cph(2026, 11, 26, 12, 0)) == cph(2026, 11, 30, 17, 0)


def test_business_days_skip_holidays_and_end_at_a_holidays_special_closing():
    promise = parse_promise("1 business day")
    assert reply_by(promise, SHOP, cph(2026, 12, 23, 12, 0)) == cph(2026, 12, 25, 17, 0)  # 24th is closed
    assert reply_by(promise, SHOP, cph(2026, 12, 30, 12, 0)) == cph(2026, 12, 31, 12, 0)


def test_business_hours_count_only_open_time():
    promise = parse_promise("4 business hours")
    assert reply_by(promise, OFFICE, cph(2026, 11, 26, 15, 0)) == cph(2026, 11, 27, 11, 0)
    assert reply_by(promise, OFFICE, cph(2026, 11, 27, 15, 0)) == cph(2026, 11, 30, 11, 0)  # over a weekend
    assert reply_by(promise, OFFICE, cph(2026, 11, 26, 13, 0)) == cph(2026, 11, 26, 17, 0)  # by closing
    assert reply_by(promise, OFFICE, cph(2026, 11, 26, 7, 0)) == cph(2026, 11, 26, 13, 0)


def test_immediately_means_now_when_open_and_the_next_opening_when_closed():
    promise = parse_promise("immediately")
    assert reply_by(promise, OFFICE, cph(2026, 11, 26, 10, 0)) == cph(2026, 11, 26, 10, 0)
    assert reply_by(promise, OFFICE, cph(2026, 11, 28, 10, 0)) == cph(2026, 11, 30, 9, 0)


def test_calendar_promises_count_real_time_even_over_a_dst_night():
    sent = cph(2026, 10, 24, 12, 0)
    assert u(reply_by(parse_promise("24 hours"), OFFICE, sent)) == u(cph(2026, 10, 25, 11, 0))  # clock fell back
    assert reply_by(parse_promise("5 minutes"), OFFICE, cph(2026, 11, 28, 23, 58)) == cph(2026, 11, 29, 0, 3)


def test_business_hours_over_spring_forward_count_real_hours():
    night = Schedule("Europe/Copenhagen", (hours("00:00-06:00"),) * 7)
    assert u(reply_by(parse_promise("4 business hours"), night, cph(2026, 3, 29, 0, 0))) == u(cph(2026, 3, 29, 5, 0))


# --- what a visitor reads --------------------------------------------------------------------------------

def test_describe_open_channel_says_when_it_closes():
    channel = channel_payload(SHOP, parse_promise("5 minutes"))
    assert describe(channel, cph(2026, 11, 23, 10, 0), "Europe/Copenhagen") == {
        "state": "open", "text": "Open now \u00b7 closes 17:00"}
    assert describe(channel, cph(2026, 11, 23, 10, 0), "Europe/Berlin")["text"] == "Open now \u00b7 closes 17:00"


def test_describe_shows_company_time_alongside_a_visitor_elsewhere():
    channel = channel_payload(SHOP, parse_promise("5 minutes"))
    assert describe(channel, cph(2026, 11, 23, 10, 0), "America/New_York")["text"] == (
        "Open now \u00b7 closes 11:00 (17:00 Copenhagen time)")


def test_describe_closed_channel_names_the_day_it_opens():
    channel = channel_payload(OFFICE, parse_promise("immediately"))
    assert describe(channel, cph(2026, 11, 28, 12, 0))["text"] == "Closed \u00b7 opens Monday 09:00"
    assert describe(channel, cph(2026, 11, 23, 18, 0))["text"] == "Closed \u00b7 opens tomorrow 09:00"
    assert describe(channel, cph(2026, 11, 23, 7, 0)) == {"state": "closed", "text": "Closed \u00b7 opens 09:00"}


def test_describe_always_open_email_promises_a_reply_time():
    email = channel_payload(always_open("Europe/Copenhagen"), parse_promise("1 business day"), OFFICE)
    assert describe(email, cph(2026, 11, 27, 19, 0))["text"] == "Write now \u2014 reply by Monday 17:00"
    assert describe(email, cph(2026, 11, 27, 19, 0), "Asia/Tokyo")["text"] == (
        "Write now \u2014 reply by Tuesday 01:00 (Monday 17:00 Copenhagen time)")
    phone = channel_payload(always_open("UTC"), parse_promise("immediately"))
    assert describe(phone, utc(2026, 1, 1), "Asia/Tokyo") == {"state": "open", "text": "Open now \u00b7 24/7"}


def test_describe_far_ahead_shows_the_date_and_unknown_visitor_zones_use_the_company_zone():
    closed_for_summer = Schedule("Europe/Copenhagen", OFFICE.weekly, tuple(
        Holiday(dt.date(2026, 7, 1) + dt.timedelta(days=i), "Summer", ()) for i in range(21)))
    channel = channel_payload(closed_for_summer, parse_promise("immediately"))
    assert describe(channel, cph(2026, 7, 1, 12, 0), "Not/A_Zone")["text"] == (
        "Closed for Summer \u00b7 opens Wednesday 22 July 09:00")


def test_describe_rounds_a_reply_time_up_to_the_minute():
    email = channel_payload(always_open("UTC"), parse_promise("5 minutes"))
    assert describe(email, utc(2026, 1, 1, 10, 0, 30))["text"] == "Write now \u2014 reply by 10:06"


# --- the JSON baked into pages ---------------------------------------------------------------------------

def test_schedule_json_round_trips_and_dumps_the_same_every_time():
    data = schedule_to_json(SHOP)
    assert schedule_from_json(json.loads(json.dumps(data))) == SHOP
    assert data["week"][0] == [[540, 1020]] and data["holidays"]["2026-12-31"]["hours"] == [[540, 720]]
    assert json.dumps(schedule_to_json(SHOP), sort_keys=True) == json.dumps(data, sort_keys=True)


def test_channel_payload_carries_business_hours_only_when_they_count():
    email = channel_payload(always_open("Europe/Copenhagen"), parse_promise("1 business day"), SHOP)
    assert email["business"] == schedule_to_json(SHOP)
    assert "business" not in channel_payload(SHOP, parse_promise("1 business day"), SHOP)
    assert "business" not in channel_payload(always_open("UTC"), parse_promise("2 hours"), SHOP)
    assert email["response"] == {"kind": "business_days", "amount": 1, "text": "1 business day"}
    assert isinstance(parse_promise("1 hour"), Promise)


def test_engine_has_no_mkdocs_import_and_the_js_touches_no_dom():
    for module in ("schedule.py", "promises.py"):
        assert "mkdocs" not in (ROOT / "helpgen" / "hours" / module).read_text(encoding="utf-8")
    for name in HOURS_ENGINE:
        js = (SCRIPTS / name).read_text(encoding="utf-8")
        assert not re.search(r"\b(document|window|localStorage)\b", js), name
        # No dependencies: a part requires only other parts, from its own folder.
        assert set(re.findall(r"\brequire\(([^)]*)\)", js)) <= {f'"./{part}"' for part in HOURS_ENGINE}, name


# --- 24-hour days -----------------------------------------------------------------------------------------

def _all_day_support(hours: str, holidays: str = "") -> "object":
    from helpgen.hours.support import parse_support

    return parse_support(f"organization: A\ntimezone: Europe/Copenhagen\nhours:\n  {hours}\n{holidays}"
                         "channels:\n  - {id: email, name: Email, address: a@b.example, availability: always,"
                         " response: 1 business day}\n")


def test_one_business_day_over_24_hour_weekdays_ends_with_the_next_day():
    """Monday 03:00 with monday-friday "00:00-24:00": Tuesday is the next business day, and it ends at
    Tuesday 24:00 (before: Saturday 00:00, when the week's merged hours end)."""
    from helpgen.hours.promises import parse_promise, reply_by

    support = _all_day_support('monday-friday: "00:00-24:00"')
    sent = dt.datetime(2026, 11, 23, 3, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))  # a Monday
    answer = reply_by(parse_promise("1 business day"), support.hours, sent)
    assert answer == dt.datetime(2026, 11, 25, 0, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
    friday = reply_by(parse_promise("1 business day"), support.hours, sent.replace(day=27))
    assert friday == dt.datetime(2026, 12, 1, 0, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))  # Monday 24:00
    assert reply_by(parse_promise("4 business hours"), support.hours, sent) == sent + dt.timedelta(hours=4)


def test_daily_24_hours_with_a_holiday_skips_only_the_holiday():
    from helpgen.hours.promises import parse_promise, reply_by

    support = _all_day_support('daily: "00:00-24:00"', "holidays:\n  - {date: 2026-12-24, name: Christmas Eve}\n")
    copenhagen = ZoneInfo("Europe/Copenhagen")
    promise = parse_promise("1 business day")
    assert reply_by(promise, support.hours, dt.datetime(2026, 12, 22, 3, tzinfo=copenhagen)) == \
        dt.datetime(2026, 12, 24, 0, 0, tzinfo=copenhagen)  # 23 December 24:00
    assert reply_by(promise, support.hours, dt.datetime(2026, 12, 23, 3, tzinfo=copenhagen)) == \
        dt.datetime(2026, 12, 26, 0, 0, tzinfo=copenhagen)  # the 24th skipped: 25 December 24:00
    assert reply_by(parse_promise("2 business days"), support.hours, dt.datetime(2026, 12, 23, 3, tzinfo=copenhagen)) == \
        dt.datetime(2026, 12, 27, 0, 0, tzinfo=copenhagen)


def test_an_evening_shift_written_as_two_ranges_still_closes_after_midnight():
    from helpgen.hours.promises import parse_promise, reply_by

    support = _all_day_support('monday: "18:00-24:00"\n  tuesday: "00:00-02:00, 18:00-24:00"\n  wednesday: "00:00-02:00"')
    copenhagen = ZoneInfo("Europe/Copenhagen")
    sent = dt.datetime(2026, 11, 22, 12, tzinfo=copenhagen)  # Sunday
    assert reply_by(parse_promise("1 business day"), support.hours, sent) == \
        dt.datetime(2026, 11, 24, 2, 0, tzinfo=copenhagen)  # Monday's shift ends Tuesday 02:00


@pytest.mark.parametrize("lang, reply, closes", [
    ("en", "Write now — reply by Monday 24:00", "Open now · closes Friday 24:00"),
    ("da", "Skriv nu — svar senest mandag kl. 24.00", "Åben nu · lukker fredag kl. 24.00"),
    ("zh", "立即留言 — 周一 24:00前回复", "服务中 · 周五 24:00结束"),
    ("zh-TW", "立即留言 — 週一 24:00前回覆", "服務中 · 週五 24:00結束"),
])
def test_the_end_of_a_business_day_reads_24_00_of_that_day_never_00_00_of_the_next(lang, reply, closes):
    """Monday-Friday "00:00-24:00": what is due at midnight is due by the end of the day before."""
    from helpgen.hours.promises import channel_payload, describe, parse_promise
    from helpgen.hours.status import business_schedule
    from helpgen.i18n import messages

    support = _all_day_support('monday-friday: "00:00-24:00"')
    email = support.channels[0]
    payload = channel_payload(email.schedule, email.response, business_schedule(email, support))
    saturday = dt.datetime(2026, 11, 28, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
    assert describe(payload, saturday, None, messages(lang))["text"] == reply
    monday = dt.datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
    chat = channel_payload(support.hours, parse_promise("5 minutes"))
    assert describe(chat, monday, None, messages(lang))["text"] == closes


def test_a_deadline_at_the_company_s_midnight_names_that_day_in_the_echo_too():
    support = _all_day_support('monday-friday: "00:00-24:00"')
    email = channel_payload(always_open("Europe/Copenhagen"), parse_promise("1 business day"), support.hours)
    saturday = dt.datetime(2026, 11, 28, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
    assert describe(email, saturday, "America/New_York")["text"] == \
        "Write now — reply by Monday 18:00 (24:00 Copenhagen time)"
    assert describe(email, saturday, "Asia/Tokyo")["text"] == \
        "Write now — reply by Tuesday 08:00 (Monday 24:00 Copenhagen time)"
