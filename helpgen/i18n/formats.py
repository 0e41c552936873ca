"""Dates and clock times in a language, from the patterns of its table (format.date, format.time, ...).

A pattern is a handful of tokens among literal characters: y (year), M (month number), MMMM (month
name), d (day), EEEE (weekday name), HH (hour, two digits), H (hour), mm (minutes). The browser's
helpgen-i18n.js reads the same tokens, so the page's scripts and the build write times alike
(tests/test_schedule_parity.py compares them per language).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Mapping

from .messages import Messages, messages

TOKEN = re.compile(r"EEEE|MMMM|HH|H|mm|d|M|y")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_name(index: int, text: Messages | Mapping[str, Any] | None = None) -> str:
    """Monday = 0, as Python's date.weekday()."""
    return _lookup(text or messages(None), f"weekday.{WEEKDAYS[index]}")


def _lookup(text: Messages | Mapping[str, Any], key: str) -> str:
    """A text from a language's Messages, or from its browser strings (the table as the page carries it)."""
    return text.t(key) if isinstance(text, Messages) else text[key]


def format_pattern(pattern: str, text: Messages | Mapping[str, Any], day: dt.date | None = None,
                   minutes: int | None = None) -> str:
    def token(match: re.Match[str]) -> str:
        name = match.group(0)
        if name in ("HH", "H", "mm"):
            if minutes is None:
                raise ValueError(f"{pattern!r} needs a time")
            if name == "mm":
                return f"{minutes % 60:02d}"
            return f"{minutes // 60:02d}" if name == "HH" else str(minutes // 60)
        if day is None:
            raise ValueError(f"{pattern!r} needs a date")
        if name == "EEEE":
            return weekday_name(day.weekday(), text)
        if name == "MMMM":
            return _lookup(text, f"month.{day.month}")
        return str({"d": day.day, "M": day.month, "y": day.year}[name])

    return TOKEN.sub(token, pattern)


def format_date(day: dt.date, text: Messages | None = None) -> str:
    """14 October 2026 · 14. oktober 2026 · 2026年10月14日"""
    text = text or messages(None)
    return format_pattern(text.t("format.date"), text, day=day)


def format_time(minutes: int, text: Messages | None = None, clock: bool = False) -> str:
    """Minutes after midnight (1440 = the day's end, "24:00"). `clock`: as a sentence says it
    ("kl. 9.00" in Danish); otherwise as a table or a range does ("09.00")."""
    text = text or messages(None)
    return format_pattern(text.t("format.clock" if clock else "format.time"), text, minutes=minutes)
