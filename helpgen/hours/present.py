"""How hours, holidays and channels read to a customer. One wording, used by variables and templates."""
from __future__ import annotations

import datetime as dt

from .schedule import Holiday, TimeRange

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_DASH = "\u2013"


def format_range(time_range: TimeRange) -> str:
    if time_range.start == 0 and time_range.end == 1440:
        return "open 24 hours"
    return f"{_hhmm(time_range.start)}{EN_DASH}{_hhmm(time_range.end)}"


def format_ranges(ranges: tuple[TimeRange, ...]) -> str:
    return ", ".join(format_range(r) for r in ranges) if ranges else "closed"


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def weekly_rows(weekly: tuple[tuple[TimeRange, ...], ...]) -> list[tuple[str, str]]:
    """[("Monday–Friday", "09:00–17:00"), ("Saturday", "10:00–14:00"), ("Sunday", "closed")]:
    consecutive days with the same hours share a row, as printed opening hours do."""
    rows: list[tuple[str, str]] = []
    start = 0
    for day in range(1, 8):
        if day == 7 or weekly[day] != weekly[start]:
            label = DAY_NAMES[start] if day - 1 == start else f"{DAY_NAMES[start]}{EN_DASH}{DAY_NAMES[day - 1]}"
            rows.append((label, format_ranges(weekly[start])))
            start = day
    return rows


def availability_text(availability: str, weekly: tuple[tuple[TimeRange, ...], ...]) -> str:
    if availability == "always":
        return "Always open"
    open_rows = [f"{label} {hours}" for label, hours in weekly_rows(weekly) if hours != "closed"]
    return "; ".join(open_rows) if open_rows else "Currently unavailable"


def promise_text(promise) -> str:
    """The promise as a visitor reads it without the live widget: "Answered live" for a line answered
    as you call, "Replies within 1 business day" otherwise."""
    return "Answered live" if promise.kind == "immediate" else f"Replies within {promise}"


def format_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def holiday_text(holiday: Holiday) -> str:
    return f"{holiday.name}, {format_date(holiday.date)}: {format_ranges(holiday.ranges)}"


def markdown_table(header: tuple[str, str], rows: list[tuple[str, str]]) -> str:
    lines = [f"| {header[0]} | {header[1]} |", "| --- | --- |"]
    lines += [f"| {escape_markdown(a)} | {escape_markdown(b)} |" for a, b in rows]
    return "\n".join(lines)


def escape_markdown(text: str) -> str:
    """Config text placed into Markdown: no raw HTML, and no table cell or link syntax breaking out."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("|", "&#124;").replace("[", "&#91;").replace("]", "&#93;").replace("`", "&#96;"))
