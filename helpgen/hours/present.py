"""How hours, holidays and channels read to a customer. One wording, used by variables and templates.

Every function takes the language's `Messages` (helpgen.i18n); without one it writes English.
"""
from __future__ import annotations

import datetime as dt

from ..i18n import Messages, format_date as _format_date, format_time, messages, weekday_name
from .schedule import Holiday, TimeRange

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")  # variable names
EN_DASH = "\u2013"


def _text(text: Messages | None) -> Messages:
    return text or messages(None)


def format_range(time_range: TimeRange, text: Messages | None = None) -> str:
    text = _text(text)
    if time_range.start == 0 and time_range.end == 1440:
        return text.t("hours.all_day")
    return text.t("hours.range", start=format_time(time_range.start, text), end=format_time(time_range.end, text))


def format_ranges(ranges: tuple[TimeRange, ...], text: Messages | None = None) -> str:
    text = _text(text)
    return text.t("hours.separator").join(format_range(r, text) for r in ranges) if ranges else text.t("hours.closed")


def weekly_rows(weekly: tuple[tuple[TimeRange, ...], ...], text: Messages | None = None) -> list[tuple[str, str]]:
    """[("Monday–Friday", "09:00–17:00"), ("Saturday", "10:00–14:00"), ("Sunday", "closed")]:
    consecutive days with the same hours share a row, as printed opening hours do."""
    text = _text(text)
    rows: list[tuple[str, str]] = []
    start = 0
    for day in range(1, 8):
        if day == 7 or weekly[day] != weekly[start]:
            first, last = weekday_name(start, text), weekday_name(day - 1, text)
            label = first if day - 1 == start else text.t("hours.day_range", first=first, last=last)
            rows.append((label, format_ranges(weekly[start], text)))
            start = day
    return rows


def availability_text(availability: str, weekly: tuple[tuple[TimeRange, ...], ...],
                      text: Messages | None = None) -> str:
    text = _text(text)
    if availability == "always":
        return text.t("availability.always")
    closed = text.t("hours.closed")
    open_rows = [text.t("availability.row", days=label, hours=hours)
                 for label, hours in weekly_rows(weekly, text) if hours != closed]
    return text.t("availability.separator").join(open_rows) if open_rows else text.t("availability.none")


def promise_text(promise, text: Messages | None = None) -> str:
    """The promise as a visitor reads it without the live widget: "Answered live" for a line answered
    as you call, "Replies within 1 business day" otherwise."""
    text = _text(text)
    if promise.kind == "immediate":
        return text.t("status.answered_live")
    return text.t("promise.replies_within", promise=promise.words(text))


def format_date(day: dt.date, text: Messages | None = None) -> str:
    return _format_date(day, text)


def holiday_text(holiday: Holiday, text: Messages | None = None, name: str | None = None) -> str:
    text = _text(text)
    return text.t("holiday.text", name=holiday.name if name is None else name, date=format_date(holiday.date, text),
                  hours=format_ranges(holiday.ranges, text))


def markdown_table(header: tuple[str, str], rows: list[tuple[str, str]]) -> str:
    lines = [f"| {header[0]} | {header[1]} |", "| --- | --- |"]
    lines += [f"| {escape_markdown(a)} | {escape_markdown(b)} |" for a, b in rows]
    return "\n".join(lines)


def escape_markdown(text: str) -> str:
    """Config text placed into Markdown: no raw HTML, and no table cell or link syntax breaking out."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("|", "&#124;").replace("[", "&#91;").replace("]", "&#93;").replace("`", "&#96;"))
