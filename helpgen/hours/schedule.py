"""Support hours as maths: is a schedule open at an instant, and when does that change.

The rules (documented for users in docs/hours.md, mirrored line by line in
themes/helpcenter/assets/javascripts/helpgen-schedule.js, and held together by tests/test_schedule_parity.py):

* Hours are wall-clock ranges in the schedule's IANA time zone. A range belongs to the day it *starts*:
  Friday "22:00-02:00" is open early Saturday even if Saturday is closed.
* A holiday replaces the ranges that start on its date (so Thursday's overnight range still runs into a
  Friday holiday's morning). Holiday hours () mean closed all day.
* Touching or overlapping ranges (across days too) form one open period: no closing at their seam.
* DST: a wall time inside a spring-forward gap means the first instant after the gap; a wall time that
  happens twice at fall-back means its first occurrence.
* Searches look HORIZON_DAYS ahead; "no change within that" is reported as None.

Public functions take aware datetimes and return them in schedule.timezone, ready to print. Compare or
subtract them in UTC: Python does arithmetic on datetimes sharing a tzinfo by wall clock, wrong across DST.

Internally instants are integer microseconds since the Unix epoch ("us") so that arithmetic is exact and
the JavaScript engine (integer milliseconds) can follow the same steps. Reply promises live in promises.py.
"""
from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # weekly[0] is Monday
SECOND = 1_000_000
MINUTE = 60 * SECOND
DAY = 1440 * MINUTE
HORIZON_DAYS = 366
_MAX_OFFSET = 18 * 60 * MINUTE  # real offsets stay within -12h..+14h
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_FORM = 'use "HH:MM-HH:MM", e.g. "09:00-17:00"'


@dataclass(frozen=True)
class TimeRange:
    start: int  # minutes after local midnight, 0..1439
    end: int  # minutes after local midnight, 1..1440; end <= start: runs overnight into the next day

    def __post_init__(self) -> None:
        if not (0 <= self.start <= 1439 and 1 <= self.end <= 1440 and self.start != self.end):
            raise ValueError(f"invalid TimeRange({self.start}, {self.end})")

    @property
    def overnight(self) -> bool:
        return self.end <= self.start

    def __str__(self) -> str:
        return f"{_hhmm(self.start)}-{_hhmm(self.end)}"


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-\u2013]\s*(\d{1,2}):(\d{2})\s*$")


def parse_time_range(text: str) -> TimeRange:
    """'09:00-17:00', '22:00-02:00' (overnight), '00:00-24:00' (all day); '9:00-17:00' too.

    An end of '00:00' means midnight at the end of the day (24:00). Error messages are predicates
    ("is not a time range — …") because support.py prints them after the quoted text."""
    if not isinstance(text, str):
        raise ValueError(f"is not a time range in quotes — {_FORM}")
    match = _RANGE.match(text)
    if not match:
        raise ValueError(f"is not a time range — {_FORM}")
    start_h, start_m, end_h, end_m = (int(g) for g in match.groups())
    if start_m > 59 or end_m > 59:
        raise ValueError(f"has minutes above 59 — {_FORM}")
    if start_h > 24 or end_h > 24:
        raise ValueError(f"has an hour above 24 — {_FORM}")
    if (start_h == 24 and start_m) or (end_h == 24 and end_m):
        raise ValueError("goes past 24:00 — midnight (24:00) is the latest time of a day")
    if start_h == 24:
        raise ValueError('starts at 24:00 — start a range at midnight as "00:00"')
    start, end = start_h * 60 + start_m, end_h * 60 + end_m
    if start == end:
        raise ValueError('is empty (it starts and ends at the same time) — use "00:00-24:00" for all day')
    return TimeRange(start, end or 1440)


def parse_time_ranges(text: str) -> tuple[TimeRange, ...]:
    """'09:00-12:00, 13:00-17:00' -> ranges sorted by start; 'closed' -> (). Overlaps are refused,
    counting an overnight range's early-morning part (the same hours apply on consecutive days)."""
    if not isinstance(text, str):
        raise ValueError(f"is not a time range in quotes — {_FORM}")
    if text.strip().lower() == "closed":
        return ()
    parts = [part.strip() for part in text.split(",")]
    if not text.strip():
        raise ValueError('is empty — write hours like "09:00-17:00", or "closed"')
    ranges: list[TimeRange] = []
    for part in parts:
        if not part:
            raise ValueError(f"has an empty part between commas — {_FORM}")
        try:
            ranges.append(parse_time_range(part))
        except ValueError as exc:
            raise ValueError(exc.args[0] if len(parts) == 1 else f'contains "{part}", which {exc.args[0]}') from None
    ranges.sort(key=lambda r: r.start)
    for i, first in enumerate(ranges):
        for second in ranges[i + 1:]:
            if _overlap(first, second):
                raise ValueError(f'has overlapping ranges "{first}" and "{second}" — join them into one range')
    return tuple(ranges)


def _minute_spans(r: TimeRange) -> list[tuple[int, int]]:
    return [(r.start, r.end)] if r.end > r.start else [(r.start, 1440), (0, r.end)]


def _overlap(a: TimeRange, b: TimeRange) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in _minute_spans(a) for s2, e2 in _minute_spans(b))


@dataclass(frozen=True)
class Holiday:
    date: dt.date
    name: str
    ranges: tuple[TimeRange, ...]  # () = closed all day


@dataclass(frozen=True)
class Schedule:
    timezone: str  # IANA name, already validated
    weekly: tuple[tuple[TimeRange, ...], ...]  # exactly 7 entries, Monday first; () = closed
    holidays: tuple[Holiday, ...] = ()

    def __post_init__(self) -> None:
        if len(self.weekly) != 7:
            raise ValueError(f"a schedule needs 7 days of hours, Monday first, not {len(self.weekly)}")
        by_date = {h.date: h for h in self.holidays}
        if len(by_date) != len(self.holidays):
            raise ValueError("a schedule lists a holiday date twice")
        object.__setattr__(self, "_by_date", by_date)  # not a field: lookups without hashing the schedule


ALL_DAY = TimeRange(0, 1440)


def always_open(timezone: str) -> Schedule:
    """Open around the clock, no holidays: the schedule of a channel whose availability is `always`."""
    return Schedule(timezone, ((ALL_DAY,),) * 7, ())


def ranges_on(schedule: Schedule, day: dt.date) -> tuple[TimeRange, ...]:
    """The ranges that start on `day`: the holiday's if it is one, else that weekday's."""
    holiday = schedule._by_date.get(day)
    return holiday.ranges if holiday is not None else schedule.weekly[day.weekday()]


# --- instants <-> wall clock -------------------------------------------------------------------------

def to_us(at: dt.datetime) -> int:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"{at!r} has no time zone: pass an aware datetime, e.g. with tzinfo=ZoneInfo(...)")
    return (at - _EPOCH) // dt.timedelta(microseconds=1)


def from_us(us: int, timezone: str) -> dt.datetime:
    return (_EPOCH + dt.timedelta(microseconds=us)).astimezone(_zone(timezone))


@lru_cache(maxsize=None)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def offset_at(timezone: str, us: int) -> int:
    """UTC offset (in us) in force at an instant. Transitions fall on whole seconds."""
    local = dt.datetime.fromtimestamp(us // SECOND, _zone(timezone))
    return local.utcoffset() // dt.timedelta(microseconds=1)


def local_day(timezone: str, us: int) -> int:
    """The local calendar date of an instant, as days since 1970-01-01."""
    return (us + offset_at(timezone, us)) // DAY


def wall_to_us(timezone: str, wall: int) -> int:
    """A local wall time (us since 1970-01-01 00:00 *local*) -> the instant, by the DST rules above.

    Candidate offsets are those in force a day either side; a candidate that round-trips is a real
    instant (two at fall-back: take the first). None round-trips in a spring-forward gap: bisect for the
    transition, which is the first instant after the gap. Assumes at most one transition within a day."""
    before, after = offset_at(timezone, wall - DAY), offset_at(timezone, wall + DAY)
    found = [wall - off for off in dict.fromkeys((before, after)) if offset_at(timezone, wall - off) == off]
    if found:
        return min(found)
    if before == after:  # no transition nearby after all (inconsistent data): best effort
        return wall - before
    low, high = sorted((wall - after, wall - before))
    low_offset = offset_at(timezone, low)
    while high - low > SECOND:
        middle = low + (high - low) // SECOND // 2 * SECOND
        if offset_at(timezone, middle) == low_offset:
            low = middle
        else:
            high = middle
    return high


def day_to_date(day: int) -> dt.date:
    return dt.date.fromordinal(day + _EPOCH_ORDINAL)


# --- open periods --------------------------------------------------------------------------------------

def _day_intervals(schedule: Schedule, day: int) -> list[tuple[int, int]]:
    """Instants [start, end) of the ranges starting on local `day`, in start order; DST may empty some."""
    intervals = []
    for r in ranges_on(schedule, day_to_date(day)):
        start = wall_to_us(schedule.timezone, day * DAY + r.start * MINUTE)
        end = wall_to_us(schedule.timezone, (day + (r.end <= r.start)) * DAY + r.end * MINUTE)
        if end > start:
            intervals.append((start, end))
    return sorted(intervals)  # ranges built in code need not come sorted


def open_periods(schedule: Schedule, since: int, days: int = HORIZON_DAYS) -> Iterator[tuple[int, int, bool]]:
    """Merged open periods (start, end, complete) that end after `since`, in order, looking from the day
    before `since` up to `days` days after it. complete=False marks a last period cut off by the horizon:
    it may really go on longer."""
    first = local_day(schedule.timezone, since) - 1
    current: list[int] | None = None
    for day in range(first, first + days + 2):
        # Day `day` starts no earlier than its wall midnight minus the largest UTC offset: a period ending
        # before that is final. Yielding it now keeps the search lazy.
        if current is not None and current[1] < day * DAY - _MAX_OFFSET:
            if current[1] > since:
                yield current[0], current[1], True
            current = None
        for start, end in _day_intervals(schedule, day):
            if current is not None and start <= current[1]:
                current[1] = max(current[1], end)  # touching or overlapping: one period, no closing between
                continue
            if current is not None and current[1] > since:
                yield current[0], current[1], True
            current = [start, end]
    if current is not None and current[1] > since:
        yield current[0], current[1], False


def _fast_answer(schedule: Schedule) -> bool | None:
    """True/False for schedules that never change (always open / never open); None otherwise."""
    if all(day == (ALL_DAY,) for day in schedule.weekly) and not schedule.holidays:
        return True
    if not any(schedule.weekly) and not any(h.ranges for h in schedule.holidays):
        return False
    return None


def is_open_us(schedule: Schedule, t: int) -> bool:
    fast = _fast_answer(schedule)
    if fast is not None:
        return fast
    today = local_day(schedule.timezone, t)
    # Only ranges starting today or yesterday (overnight) can cover t.
    return any(s <= t < e for day in (today - 1, today) for s, e in _day_intervals(schedule, day))


def next_change_us(schedule: Schedule, t: int) -> int | None:
    if _fast_answer(schedule) is not None:
        return None
    for start, end, complete in open_periods(schedule, t):
        if start > t:
            return start
        return end if complete else None
    return None


def is_open(schedule: Schedule, at: dt.datetime) -> bool:
    return is_open_us(schedule, to_us(at))


def next_change(schedule: Schedule, at: dt.datetime) -> dt.datetime | None:
    """The next opening if closed at `at`, else the next closing; None if none within HORIZON_DAYS."""
    change = next_change_us(schedule, to_us(at))
    return None if change is None else from_us(change, schedule.timezone)


def next_opening(schedule: Schedule, at: dt.datetime) -> dt.datetime | None:
    """The next moment (> at if open now, >= at never since closed at `at`) when the schedule opens."""
    t = to_us(at)
    change = next_change_us(schedule, t)
    if change is not None and is_open_us(schedule, t):
        change = next_change_us(schedule, change)
    return None if change is None else from_us(change, schedule.timezone)


def next_closing(schedule: Schedule, at: dt.datetime) -> dt.datetime | None:
    """The next moment after `at` when the schedule closes (after its next opening if closed now)."""
    t = to_us(at)
    change = next_change_us(schedule, t)
    if change is not None and not is_open_us(schedule, t):
        change = next_change_us(schedule, change)
    return None if change is None else from_us(change, schedule.timezone)


# --- the JSON baked into pages for the browser's engine (helpgen-hours.js) -------------------------------

def schedule_to_json(schedule: Schedule) -> dict:
    """{"tz": ..., "week": [[[start, end], ...] x 7], "holidays": {"YYYY-MM-DD": {"name", "hours"}}},
    minutes as in TimeRange. Small, and deterministic when dumped with sort_keys."""
    return {
        "tz": schedule.timezone,
        "week": [[[r.start, r.end] for r in day] for day in schedule.weekly],
        "holidays": {h.date.isoformat(): {"name": h.name, "hours": [[r.start, r.end] for r in h.ranges]}
                     for h in schedule.holidays},
    }


def schedule_from_json(data: dict) -> Schedule:
    def ranges(pairs: list) -> tuple[TimeRange, ...]:
        return tuple(TimeRange(int(s), int(e)) for s, e in pairs)

    holidays = tuple(Holiday(dt.date.fromisoformat(day), entry["name"], ranges(entry["hours"]))
                     for day, entry in sorted(data.get("holidays", {}).items()))
    return Schedule(data["tz"], tuple(ranges(day) for day in data["week"]), holidays)

