"""Reply promises ("4 business hours") and the sentences a visitor reads ("Closed · opens Monday 09:00").

Both work on schedule.py's maths; describe() works on the same JSON the browser gets (channel_payload),
so `helpgen hours` and helpgen-promises.js print identical text. docs/hours.md states the rules for users.
"""
from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass
from typing import Mapping

from ..i18n import Messages, browser_strings, format_pattern, messages
from ..i18n.messages import fill
from ..i18n.zones import ZONE_CITIES, zone_name_city
from . import notice_effects as effects
from .schedule import (DAY, HORIZON_DAYS, MINUTE, Schedule, _day_intervals, _fast_answer, day_to_date,
                       from_us, is_open_us, local_day, next_change_us, offset_at, open_periods,
                       schedule_from_json, schedule_to_json, to_us, wall_to_us)

KINDS = ("immediate", "calendar", "business_hours", "business_days")
_HINT = 'use e.g. "4 hours" or "1 business day"'
_PROMISE = re.compile(r"^(\d+)\s*(business\s+)?([a-z]+)\Z")
_UNITS = {"minute": 1, "minutes": 1, "min": 1, "mins": 1, "hour": 60, "hours": 60, "day": 1440, "days": 1440}


@dataclass(frozen=True)
class Promise:
    text: str  # as written, e.g. "4 business hours"
    kind: str  # "immediate" | "calendar" | "business_hours" | "business_days"
    amount: int  # minutes for calendar/business_hours; days for business_days; 0 for immediate

    def __str__(self) -> str:
        """The promise in canonical words: "4 business hours", "1 business day", "24 hours"."""
        if self.kind == "immediate":
            return "immediately"
        if self.kind == "business_days":
            return _count(self.amount, "business day")
        prefix = "business " if self.kind == "business_hours" else ""
        # Keep the writer's unit where it is exact: "24 hours" stays hours, "3 days" stays days.
        if "day" in self.text.lower() and self.amount % 1440 == 0:
            return _count(self.amount // 1440, prefix + "day")
        if self.amount % 60 == 0:
            return _count(self.amount // 60, prefix + "hour")
        return _count(self.amount, prefix + "minute")


    def words(self, text=None) -> str:
        """The promise in a language's words (helpgen.i18n Messages; English without): "1 arbejdsdag",
        "1 个工作日". Units as __str__ chooses them."""
        if text is None:
            return str(self)
        if self.kind == "immediate":
            return text.t("promise.immediately")
        if self.kind == "business_days":
            return text.t("promise.business_days", count=self.amount)
        prefix = "business_" if self.kind == "business_hours" else ""
        if "day" in self.text.lower() and self.amount % 1440 == 0:
            return text.t(f"promise.{prefix}days", count=self.amount // 1440)
        if self.amount % 60 == 0:
            return text.t(f"promise.{prefix}hours", count=self.amount // 60)
        return text.t(f"promise.{prefix}minutes", count=self.amount)


def _count(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def parse_promise(text: str) -> Promise:
    """'immediately', '5 minutes', '2 hours', '3 days', '4 business hours', '1 business day' (any case,
    singular or plural). Messages are short reasons: support.py wraps them in its own sentence."""
    if not isinstance(text, str):
        raise ValueError(_HINT)
    words = " ".join(text.lower().split())
    if words in ("immediately", "immediate"):
        return Promise(text, "immediate", 0)
    match = _PROMISE.match(words)
    if not match or match.group(3) not in _UNITS:
        if match and match.group(3) in ("week", "weeks", "month", "months"):
            raise ValueError(f'"{match.group(3)}" is not a unit here: count days, e.g. "14 days"')
        raise ValueError(_HINT)
    amount, business, unit = int(match.group(1)), bool(match.group(2)), _UNITS[match.group(3)]
    if amount == 0:
        raise ValueError('a promise of 0 is "immediately"')
    if (amount > HORIZON_DAYS) if business and unit == 1440 else (amount * unit > HORIZON_DAYS * 1440):
        raise ValueError(f"more than {HORIZON_DAYS} days: helpgen shows reply times up to a year ahead")
    if not business:
        return Promise(text, "calendar", amount * unit)
    if unit == 1:
        raise ValueError('business time is counted in hours or days: use e.g. "4 business hours"')
    if unit == 60:
        return Promise(text, "business_hours", amount * 60)
    return Promise(text, "business_days", amount)


def reply_by(promise: Promise, schedule: Schedule, sent_at: dt.datetime) -> dt.datetime | None:
    """When a message sent at `sent_at` will have been answered, in schedule.timezone.

    `schedule` is the hours of the team that answers (for business promises: the company's hours).
    immediate: sent_at if open, else the next opening. calendar: sent_at + the amount of real time.
    business_hours: the moment `amount` of open time has passed since sent_at (can be a closing time).
    business_days: closing time of the Nth business day after the day it was sent (a business day is a
    local date on which a range starts; its closing ends its last range, or the open stretch that range
    runs straight into). None if the answer lies beyond HORIZON_DAYS."""
    answer = reply_by_us(promise.kind, promise.amount, schedule, to_us(sent_at))
    return None if answer is None else from_us(answer, schedule.timezone)


def reply_by_us(kind: str, amount: int, schedule: Schedule, t: int) -> int | None:
    if kind == "calendar":
        return t + amount * MINUTE
    always = _fast_answer(schedule)
    if kind == "immediate":
        return t if is_open_us(schedule, t) else next_change_us(schedule, t)
    if kind == "business_hours":
        if always is not None:
            return t + amount * MINUTE if always else None
        left = amount * MINUTE
        for start, end, _ in open_periods(schedule, t):
            start = max(start, t)
            if left <= end - start:
                return start + left
            left -= end - start
        return None
    if kind == "business_days":
        counted, first = 0, local_day(schedule.timezone, t) + 1
        for day in range(first, first + HORIZON_DAYS):
            ends = [end for _, end in _day_intervals(schedule, day)]
            if ends:
                counted += 1
                if counted == amount:
                    return _day_closing(schedule, day, max(ends))
        return None
    raise ValueError(f"unknown promise kind {kind!r}")


def _day_closing(schedule: Schedule, day: int, closing: int) -> int:
    """The closing of business day `day`, whose last range ends at `closing`: later when a range of the
    next day starts right then and ends before that day is over (Tuesday "18:00-24:00" and Wednesday
    "00:00-02:00" are one evening shift). A next day open "00:00-24:00" is a business day of its own, so
    with 24-hour days Tuesday's business day closes at Tuesday 24:00, not when the week's hours end."""
    next_day_end = wall_to_us(schedule.timezone, (day + 2) * DAY)
    for start, end in _day_intervals(schedule, day + 1):
        if start == closing and end < next_day_end:
            closing = end
    return closing


def promise_to_json(promise: Promise) -> dict:
    return {"kind": promise.kind, "amount": promise.amount, "text": promise.text}


def channel_payload(availability: Schedule, response: Promise, business: Schedule | None = None) -> dict:
    """The JSON a page carries for one channel: when it can be reached (availability), its promise, and,
    for business promises, the hours that count when those differ from availability (e.g. email is
    `always` available but "1 business day" counts the company's hours)."""
    data = {"availability": schedule_to_json(availability), "response": promise_to_json(response)}
    if response.kind.startswith("business") and business is not None and business != availability:
        data["business"] = schedule_to_json(business)
    return data


# --- sentences -------------------------------------------------------------------------------------------
#
# Every word comes from the page language's table as the browser gets it (`strings`: browser_strings of
# helpgen.i18n; a Messages is taken too; None is English): helpgen-promises.js writes the same texts.


def page_strings(strings: Mapping[str, str] | Messages | None, zones: tuple[str, ...] = ()) -> Mapping[str, str]:
    """The strings as a page carries them; made from a Messages, with the cities of `zones` in its language."""
    if strings is None:
        return browser_strings(messages(None), zones)
    return browser_strings(strings, zones) if isinstance(strings, Messages) else strings


def _t(strings: Mapping[str, str], key: str, **params: str) -> str:
    return fill(strings[key], params)


def describe(channel: dict, now: dt.datetime, visitor_zone: str | None = None,
             strings: Mapping[str, str] | Messages | None = None) -> dict:
    """{"state": "open"|"closed", "text": ...} for a channel_payload() dict, with times in the visitor's
    zone and the company's alongside when they read differently:
    "Open now · closes 17:00", "Closed · opens Monday 09:00", "Write now — reply by Tuesday 11:00",
    "Open now · closes 11:00 (17:00 Copenhagen time)", in the language of `strings`. Same rules and
    texts as describe() in helpgen-promises.js."""
    return describe_us(channel, to_us(now), visitor_zone, strings)


def describe_us(channel: dict, now: int, visitor_zone: str | None,
                strings: Mapping[str, str] | Messages | None = None) -> dict:
    availability = schedule_from_json(channel["availability"])
    company = availability.timezone
    strings = page_strings(strings, (company,))
    visitor = visitor_zone if visitor_zone and _known_zone(visitor_zone) else company

    def when(us: int, end: bool = False) -> str:
        return when_text(company, visitor, us, now, strings, end)

    change = effects.next_change_at(channel, now)
    if not effects.open_at(channel, now):
        # Closed by a notice, its text beside the status says why; it may fall on a holiday, but is not for it.
        holiday = None if effects.closed_by_notice(channel, now) else holiday_on(availability, local_day(company, now))
        closed = _t(strings, "status.closed") if holiday is None else \
            _t(strings, "status.closed_holiday", holiday=holiday.name)
        return {"state": "closed", "text": closed if change is None
                else _t(strings, "status.closed_opens", closed=closed, when=when(change))}
    _, _, promise, answer = answer_us(channel, now)
    # Reachable around the clock (email), what matters is when the answer comes, not a closing ahead.
    if change is not None and (_fast_answer(availability) is not True or promise["kind"] == "immediate"):
        return {"state": "open", "text": _t(strings, "status.open_closes", when=when(change, end=True))}
    if promise["kind"] == "immediate":
        return {"state": "open", "text": _t(strings, "status.open_always")}
    return {"state": "open", "text": _t(strings, "status.write_now") if answer is None
            else _t(strings, "status.write_now_reply_by", when=when(answer, end=True))}


def answer_us(channel: dict, now: int) -> tuple[bool, int | None, dict, int | None]:
    """(open now, when a message sent now is received, the promise it is given, when it is answered):
    a closed line takes it when it next opens; of several promises in effect then, the slowest holds."""
    open_now = effects.open_at(channel, now)
    received = now if open_now else effects.next_change_at(channel, now)
    candidates = effects.promises_at(channel, now if received is None else received)
    if received is None:
        return open_now, None, candidates[0], None
    best: tuple[dict, int | None] | None = None
    for promise in candidates:
        answer = reply_by_us(promise["kind"], promise["amount"], effects.counting_hours(channel, promise), received)
        if best is None or (best[1] is not None and (answer is None or answer > best[1])):
            best = (promise, answer)
    return open_now, received, best[0], best[1]


def _known_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def when_text(company: str, visitor: str, us: int, now: int, strings: Mapping[str, str] | None = None,
              end: bool = False) -> str:
    """An instant for the visitor: their own clock, relative to their own day ("tomorrow 04:00"), then
    the company's clock when it reads differently, naming its day rather than "tomorrow", which a reader
    would take as their own: "tomorrow 04:00 (10:00 Copenhagen time)", "22:00 (Tuesday 04:00 Copenhagen time)".
    `end`: the instant ends something (a closing, a reply-by): midnight reads as the end of the day
    before, "Tuesday 24:00", never "Wednesday 00:00"."""
    strings = page_strings(strings, (company,))
    here = _label(visitor, us, now, strings, end)
    if visitor == company or offset_at(visitor, us) == offset_at(company, us):
        return here
    return _t(strings, "status.both_times", here=here, there=_echo_label(company, visitor, us, now, strings, end),
              zone=_zone_words(company, strings))


def _wall(zone: str, us: int, end: bool) -> tuple[int, int]:
    """(local day, minutes after its midnight) of an instant rounded up to the minute; with `end`,
    midnight is minute 1440 of the day before."""
    local = -(-(us + offset_at(zone, us)) // MINUTE) * MINUTE
    day, minutes = local // DAY, local % DAY // MINUTE
    return (day - 1, 1440) if end and minutes == 0 else (day, minutes)


def _clock(minutes: int, strings: Mapping[str, str]) -> str:
    return format_pattern(strings["format.clock"], strings, minutes=minutes)


def _day_and_time(date: dt.date, time: str, strings: Mapping[str, str], week: bool) -> str:
    """'Monday 09:00' within a week, 'Monday 5 January 09:00' further off (in the page's language)."""
    if week:
        return _t(strings, "status.on_day", day=format_pattern("EEEE", strings, day=date), time=time)
    return _t(strings, "status.on_date", date=format_pattern(strings["format.weekday_date"], strings, day=date),
              time=time)


def _echo_label(company: str, visitor: str, us: int, now: int, strings: Mapping[str, str], end: bool = False) -> str:
    """The company's wall time of an instant; its day is named only when it is not the visitor's date."""
    day, minutes = _wall(company, us, end)
    time = _clock(minutes, strings)
    if day == _wall(visitor, us, end)[0]:
        return time
    return _day_and_time(day_to_date(day), time, strings, abs(day - local_day(company, now)) < 7)


def holiday_on(schedule: Schedule, day: int):
    """The holiday on a local date (days since 1970-01-01) of the schedule, or None."""
    return schedule._by_date.get(day_to_date(day))


def _label(zone: str, us: int, now: int, strings: Mapping[str, str], end: bool = False) -> str:
    """'17:00', 'tomorrow 09:00', 'Monday 09:00' (within a week), 'Monday 5 January 09:00' (later).
    Rounded up to the minute: a promise shown early would be broken. `end`: see when_text."""
    day, minutes = _wall(zone, us, end)
    time = _clock(minutes, strings)
    ahead = day - local_day(zone, now)
    if ahead <= 0:
        return time
    if ahead == 1:
        return _t(strings, "status.tomorrow", time=time)
    return _day_and_time(day_to_date(day), time, strings, ahead < 7)


def _zone_words(zone: str, strings: Mapping[str, str] | Messages | None = None, language: str | None = None) -> str:
    """'Europe/Copenhagen' -> 'Copenhagen time', 'København-tid', '哥本哈根时间'; UTC -> 'UTC'. The city is
    CLDR's in the strings' language (i18n/zones.py; `language`: the page's code, when the table is
    another's), as the page carries it for helpgen-promises.js; a zone it does not carry reads as its name."""
    if zone_name_city(zone).upper() in ("UTC", "UCT", "GMT", "UNIVERSAL", "ZULU"):
        return "UTC"
    shown = strings if isinstance(strings, Mapping) else browser_strings(strings or messages(None), (zone,), language)
    city = (shown.get(ZONE_CITIES) or {}).get(zone) or zone_name_city(zone)
    return _t(shown, "status.zone_time", city=city)
