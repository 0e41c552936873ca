"""Properties that hold for every schedule, zone and instant (hypothesis explores; DST days included)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from helpgen.errors import HelpgenError
from helpgen.hours import promises as P
from helpgen.hours import schedule as S
from helpgen.hours.overlaps import night_overlaps
from helpgen.hours.support import WEEKDAYS, parse_support

UTC = dt.timezone.utc
TICK = dt.timedelta(microseconds=1)


def u(moment: dt.datetime | None) -> dt.datetime | None:
    """In UTC: arithmetic on a ZoneInfo datetime is wall-clock arithmetic, wrong across a DST change."""
    return None if moment is None else moment.astimezone(UTC)
ZONES = ["Europe/Copenhagen", "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata",
         "Pacific/Chatham", "America/Havana", "Europe/Dublin", "UTC"]
EDGE_MINUTES = [0, 60, 90, 120, 150, 180, 1380, 1439, 1440]  # where DST and midnight bite

# Examples per test, seeding and the CI profile: tests/conftest.py.


def minute() -> st.SearchStrategy[int]:
    return st.one_of(st.sampled_from(EDGE_MINUTES), st.integers(0, 1440))


@st.composite
def day_hours(draw) -> tuple[S.TimeRange, ...]:
    ranges: list[S.TimeRange] = []
    for _ in range(draw(st.integers(0, 3))):
        start, end = draw(minute()) % 1440, draw(minute())
        if end == start or end == 0:
            continue
        candidate = S.TimeRange(start, end)
        if not any(S._overlap(candidate, r) for r in ranges):
            ranges.append(candidate)
    return tuple(sorted(ranges, key=lambda r: r.start))


@st.composite
def schedules(draw) -> S.Schedule:
    zone = draw(st.sampled_from(ZONES))
    weekly = tuple(draw(day_hours()) for _ in range(7))
    dates = draw(st.lists(st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)), max_size=4, unique=True))
    holidays = tuple(S.Holiday(d, "Holiday", draw(day_hours())) for d in sorted(dates))
    return S.Schedule(zone, weekly, holidays)


# Instants in 2026-2027, with DST nights (late March / October-November / April / September) over-weighted.
instants = st.one_of(
    st.datetimes(dt.datetime(2026, 1, 1), dt.datetime(2027, 12, 31), timezones=st.just(UTC)),
    st.builds(lambda day, minutes: dt.datetime(2026, 1, 1, tzinfo=UTC) + dt.timedelta(days=day, minutes=minutes),
              st.sampled_from([66, 87, 88, 95, 96, 276, 297, 298, 304, 305, 458, 451, 452]),
              st.integers(-24 * 60, 48 * 60)),
)
promises = st.sampled_from(["immediately", "5 minutes", "2 hours", "3 days", "1 business hour",
                            "4 business hours", "1 business day", "3 business days"]).map(P.parse_promise)


@given(schedules(), instants)
def test_an_open_channel_closes_later_and_a_closed_one_opens_later(schedule, at):
    change = u(S.next_change(schedule, at))
    if change is None:
        return
    assert change > at
    assert S.is_open(schedule, change) != S.is_open(schedule, at)
    assert S.is_open(schedule, change - TICK) == S.is_open(schedule, at)  # nothing changes before it


@given(schedules(), instants, st.floats(0, 1))
def test_nothing_changes_between_now_and_the_next_change(schedule, at, fraction):
    change = u(S.next_change(schedule, at))
    if change is not None:
        between = at + (change - at) * fraction
        assert S.is_open(schedule, min(between, change - TICK)) == S.is_open(schedule, at)


@given(schedules(), instants)
def test_next_opening_is_open_and_just_before_it_is_closed(schedule, at):
    opening = u(S.next_opening(schedule, at))
    if opening is not None:
        assert opening > at
        assert S.is_open(schedule, opening) and not S.is_open(schedule, opening - TICK)


@given(schedules(), instants)
def test_next_closing_is_closed_and_just_before_it_is_open(schedule, at):
    closing = u(S.next_closing(schedule, at))
    if closing is not None:
        assert closing > at
        assert not S.is_open(schedule, closing) and S.is_open(schedule, closing - TICK)


@given(promises, schedules(), instants)
def test_reply_is_never_due_before_the_message_was_sent(promise, schedule, at):
    due = u(P.reply_by(promise, schedule, at))
    assert due is None or due >= at


@given(st.integers(1, 12), schedules(), instants)
def test_business_hours_promise_counts_exactly_that_much_open_time(hours, schedule, at):
    due = P.reply_by(P.parse_promise(f"{hours} business hours"), schedule, at)
    if due is None:
        return
    t, end = S.to_us(at), S.to_us(due)
    counted = sum(min(e, end) - max(s, t) for s, e, _ in S.open_periods(schedule, t) if s < end)
    assert counted == hours * 60 * S.MINUTE
    assert S.is_open(schedule, u(due) - TICK)  # the last minute counted was open time


@given(schedules(), instants)
def test_immediately_is_now_when_open_otherwise_the_next_opening(schedule, at):
    due = P.reply_by(P.parse_promise("immediately"), schedule, at)
    assert u(due) == (at if S.is_open(schedule, at) else u(S.next_opening(schedule, at)))


def support_yml(schedule: S.Schedule) -> str:
    """The schedule as a writer would put it in support.yml."""
    def ranges(day: tuple[S.TimeRange, ...]) -> str:
        return ", ".join(map(str, day)) or "closed"

    lines = ["organization: A", f"timezone: {schedule.timezone}", "hours:"]
    lines += [f'  {name}: "{ranges(day)}"' for name, day in zip(WEEKDAYS, schedule.weekly)]
    lines += ["holidays:"] + [f'  - {{date: {h.date}, name: H, hours: "{ranges(h.ranges)}"}}' for h in schedule.holidays]
    lines += ["channels:", "  - {id: email, name: Email, address: a@b.example, availability: always, "
              "response: 1 business day}"]
    return "\n".join(lines if schedule.holidays else [line for line in lines if line != "holidays:"]) + "\n"


# Found by this test in a CI run (issue #22): Tuesday "01:30-01:00" runs into Wednesday, whose "00:00-00:01"
# lies inside it. Sent Monday 19:00, the answer was due Wednesday 01:00 (Tuesday's closing); sent 5 hours
# later, Wednesday 00:01 (Wednesday's). Such hours are now a support.yml error naming both ranges.
RAN_INTO_THE_NEXT_DAY = S.Schedule("Europe/Copenhagen", ((), (S.TimeRange(90, 60),), (S.TimeRange(0, 1),), (), (), (), ()))


@example(RAN_INTO_THE_NEXT_DAY, dt.datetime(2026, 11, 23, 18, 0, tzinfo=UTC))  # Monday 19:00 in Copenhagen
@given(schedules(), instants)
def test_a_later_message_is_never_promised_an_earlier_business_day_reply(schedule, at):
    if night_overlaps(schedule):
        # Not hours helpgen accepts: support.yml refuses them, naming both ranges.
        with pytest.raises(HelpgenError, match=r'overlaps .*"\d\d:\d\d-\d\d:\d\d" \(line \d+\)'):
            parse_support(support_yml(schedule))
        return
    promise = P.parse_promise("1 business day")
    first, later = P.reply_by(promise, schedule, at), P.reply_by(promise, schedule, at + dt.timedelta(hours=5))
    if first is not None and later is not None:
        assert later >= first


@given(schedules(), instants, st.sampled_from(ZONES + [None]))
def test_describe_agrees_with_is_open(schedule, at, visitor):
    text = P.describe(P.channel_payload(schedule, P.parse_promise("immediately")), at, visitor)
    assert text["state"] == ("open" if S.is_open(schedule, at) else "closed")
    assert text["text"].startswith("Open now" if text["state"] == "open" else "Closed")


@given(schedules())
def test_schedule_json_round_trips(schedule):
    assert S.schedule_from_json(S.schedule_to_json(schedule)) == schedule


@given(minute(), minute())
def test_a_printed_time_range_reads_back_the_same(start, end):
    start %= 1440
    if end != start and end != 0:
        time_range = S.TimeRange(start, end)
        assert S.parse_time_range(str(time_range)) == time_range


@given(st.integers(1, 366), st.sampled_from(["minute", "hour", "day", "business hour", "business day"]))
def test_a_printed_promise_reads_back_the_same(amount, unit):
    promise = P.parse_promise(f"{amount} {unit}{'s' if amount > 1 else ''}")
    again = P.parse_promise(str(promise))
    assert (again.kind, again.amount) == (promise.kind, promise.amount)
