"""Hours that claim the same minutes twice across midnight: an overnight range and a range of the next day.

Within one day's ranges, overlaps are refused as the ranges are read (schedule.parse_time_ranges). Across
days they are refused here, weekly, around holidays and in a channel's own hours, naming both ranges
and their lines. Refused rather than merged: a business day must have one closing, and a range that
starts inside the night before would be a business day of its own ending before that night does, so a
message sent later was promised an earlier reply (issue #22). Ranges that touch (an evening shift written
as "18:00-24:00" and "00:00-02:00") are one stretch, as ever.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import Location, Problem
from .schedule import WEEKDAYS, Schedule, TimeRange, ranges_on


def night_overlap(night: tuple[TimeRange, ...], morning: tuple[TimeRange, ...]) -> tuple[TimeRange, TimeRange] | None:
    """The first pair (an overnight range of one day, a range of the next day starting before it ends):
    two ranges claiming the same early-morning minutes. Ranges that touch (22:00-02:00, 02:00-06:00) do not."""
    for late in night:
        for early in morning:
            if late.overnight and early.start < late.end:
                return late, early
    return None


@dataclass(frozen=True)
class NightOverlap:
    """An overnight range running into a range of the next day. A day is a weekday index (0 = Monday)
    or, for a holiday, its date."""

    night: int | dt.date
    late: TimeRange
    morning: int | dt.date
    early: TimeRange


def night_overlaps(schedule: Schedule) -> list[NightOverlap]:
    """Every overnight range that overlaps a range of the following day, weekly and around holidays."""
    found: list[NightOverlap] = []
    for day in range(7):
        pair = night_overlap(schedule.weekly[day], schedule.weekly[(day + 1) % 7])
        if pair:
            found.append(NightOverlap(day, pair[0], (day + 1) % 7, pair[1]))
    seen: set[tuple] = set()
    for holiday in schedule.holidays:
        before, after = holiday.date - dt.timedelta(days=1), holiday.date + dt.timedelta(days=1)
        for night, morning in ((before, holiday.date), (holiday.date, after)):
            pair = night_overlap(ranges_on(schedule, night), ranges_on(schedule, morning))
            if pair and (night, morning) not in seen:
                seen.add((night, morning))
                found.append(NightOverlap(_day_name(schedule, night), pair[0], _day_name(schedule, morning), pair[1]))
    return found


def _day_name(schedule: Schedule, day: dt.date) -> int | dt.date:
    """A date as its weekday when its hours are that weekday's, else itself (a holiday)."""
    return day if day in schedule._by_date else day.weekday()


def refuse_night_overlaps(schedule: Schedule, name: str, day_lines: dict[int, Location],
                           holiday_lines: dict[dt.date, Location], problems: list[Problem], file: str) -> None:
    """An overnight range and a range of the next day that claim the same minutes, named both with their
    lines (schedule.night_overlaps says why this is refused rather than merged)."""
    def where(day) -> Location:
        return (holiday_lines if isinstance(day, dt.date) else day_lines).get(day) or Location(file)

    def said(day, time_range: TimeRange) -> str:
        if isinstance(day, dt.date):
            return f'the {day.isoformat()} holiday\'s "{time_range}"'
        return f'{WEEKDAYS[day]}\'s "{time_range}"'

    for found in night_overlaps(schedule):
        night, morning = where(found.night), where(found.morning)
        on = found.morning.isoformat() if isinstance(found.morning, dt.date) else WEEKDAYS[found.morning]
        until = str(found.late).split("-")[1]
        key = "holidays" if name == "hours" and isinstance(found.morning, dt.date) else name
        problems.append(Problem(
            morning, f"{key}: {said(found.morning, found.early)} overlaps {said(found.night, found.late)} "
            f"(line {night.line}), which runs until {until} on {on}",
            f"start {on}'s range at {until} or later, or end the overnight range earlier "
            "(ranges may touch, not overlap)", related=night))
