"""What a visitor reads beside the statuses, at the moment they look: today's holiday, the next one,
when a message sent now is answered, and the one channel worth naming in the header.

Like describe() in promises.py these work on the JSON a page carries (status_payload) and are mirrored
line by line in helpgen-hours-today.js (holidayNotice, replyText, headline); tests/test_schedule_parity.py
holds the two together. Sentences and date words come from the page language's translation table
(helpgen/i18n/messages/*.yml, sections holiday., status., date.), the same table the browser gets.
"""
from __future__ import annotations

import datetime as dt
from typing import Mapping

from ..i18n import browser_strings, messages
from ..i18n.messages import fill
from .notice_effects import next_change_at
from .promises import _known_zone, _wall, _zone_words, answer_us, holiday_on, when_text
from .schedule import (_day_intervals, _fast_answer, day_to_date, local_day, next_change_us,
                       schedule_from_json, to_us)

WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def english() -> dict:
    """The English texts, as the browser gets them (helpgen.i18n's browser sections)."""
    return browser_strings(messages("en"))


def text(strings: Mapping[str, str], key: str, **params: str) -> str:
    """`{name}` placeholders filled as HelpgenI18n.fill does in the browser."""
    return fill(strings[key], params)


def long_date(day: dt.date, strings: Mapping[str, str]) -> str:
    """'Thursday 24 December', 'torsdag d. 24. december', '12月24日（周四）'."""
    return text(strings, "date.long", weekday=strings[f"date.{WEEKDAY_KEYS[day.weekday()]}"], day=str(day.day),
                month=strings[f"date.{MONTH_KEYS[day.month - 1]}"])


def _visitor(company: str, visitor_zone: str | None) -> str:
    return visitor_zone if visitor_zone and _known_zone(visitor_zone) else company


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def holiday_notice(hours: dict, now: dt.datetime, visitor_zone: str | None = None,
                   strings: Mapping[str, str] | None = None) -> dict:
    return holiday_notice_us(hours, to_us(now), visitor_zone, strings or english())


def holiday_notice_us(hours: dict, now: int, visitor_zone: str | None, strings: Mapping[str, str]) -> dict:
    """{"today": ..., "next": ...} for the support hours (schedule_to_json): today's holiday in the
    company's calendar, if any, and the first holiday after it. Either may be None."""
    schedule = schedule_from_json(hours)
    company = schedule.timezone
    visitor = _visitor(company, visitor_zone)
    today = local_day(company, now)
    visitor_today = local_day(visitor, now)
    notice: dict = {"today": None, "next": None}
    holiday = holiday_on(schedule, today)
    if holiday is not None:
        ends = [end for _, end in _day_intervals(schedule, today)]
        # Short hours still to come today: the closing that ends them (a range may run straight on).
        closing = next_change_us(schedule, max(ends) - 1) if ends and max(ends) > now else None
        if closing is not None:
            # The clock text carries its own day when it is not the visitor's today.
            shown = when_text(company, visitor, closing, now, strings, end=True)
            same_day = _wall(visitor, closing, True)[0] == visitor_today  # a closing at midnight ends today
            key = "holiday.open_until_today" if same_day else "holiday.open_until"
            notice["today"] = text(strings, key, time=shown, holiday=holiday.name)
        elif today == visitor_today:
            notice["today"] = text(strings, "holiday.closed_today", holiday=holiday.name)
        else:
            notice["today"] = text(strings, "holiday.closed_on", date=long_date(day_to_date(today), strings),
                                   holiday=holiday.name)
    upcoming = sorted((h for h in schedule.holidays if h.date > day_to_date(today)), key=lambda h: h.date)
    if upcoming:
        first = upcoming[0]
        if first.ranges:
            ranges = ", ".join(f"{_hhmm(r.start)}\u2013{_hhmm(r.end)}" for r in first.ranges)
            notice["next"] = text(strings, "holiday.next_hours", holiday=first.name, date=long_date(first.date, strings),
                                  hours=ranges, zone=_zone_words(company, strings))
        else:
            notice["next"] = text(strings, "holiday.next_closed", holiday=first.name,
                                  date=long_date(first.date, strings))
    return notice


def reply_text(channel: dict, now: dt.datetime, visitor_zone: str | None = None,
               strings: Mapping[str, str] | None = None) -> str:
    return reply_text_us(channel, to_us(now), visitor_zone, strings or english())


def reply_text_us(channel: dict, now: int, visitor_zone: str | None, strings: Mapping[str, str]) -> str:
    """"Answered live" for a line that answers as you call; else "Reply by Tuesday 11:00". "" if never,
    and for a channel open around the clock, whose status already says it ("Write now — reply by …")."""
    open_now, _, promise, answer = answer_us(channel, now)
    if promise["kind"] == "immediate":
        return text(strings, "status.answered_live")
    if open_now and _fast_answer(schedule_from_json(channel["availability"])) is True:
        return ""
    if answer is None:
        return ""
    company = channel["availability"]["tz"]
    return text(strings, "status.reply_by", time=when_text(company, _visitor(company, visitor_zone), answer, now, strings,
                                                         end=True))


def headline(channels: list[tuple[str, dict]], now: dt.datetime, visitor_zone: str | None = None,
             strings: Mapping[str, str] | None = None) -> dict | None:
    return headline_us(channels, to_us(now), visitor_zone, strings or english())


def headline_us(channels: list[tuple[str, dict]], now: int, visitor_zone: str | None,
                strings: Mapping[str, str]) -> dict | None:
    """The channel the header names, from (name, payload) pairs in support.yml's order: of those open
    now, the one answering soonest; else one that takes a message now with the soonest answer; else the
    one opening soonest. {"index", "state", "text"}, or None without channels."""
    best = None  # (rank, no time at all, time, index): the smallest wins
    for index, (_, channel) in enumerate(channels):
        open_now, _, promise, answer = answer_us(channel, now)
        if open_now and promise["kind"] in ("immediate", "calendar"):
            rank, time = 0, answer if answer is not None else now
        elif open_now:
            rank, time = 1, answer
        else:
            rank, time = 2, next_change_at(channel, now)
        key = (rank, time is None, time or 0, index)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    rank, never, time, index = best
    name, channel = channels[index]
    company = channel["availability"]["tz"]
    visitor = _visitor(company, visitor_zone)
    if rank == 0:
        return {"index": index, "state": "open", "text": text(strings, "status.headline_open", channel=name)}
    if never:
        return {"index": index, "state": "closed", "text": text(strings, "status.headline_closed", channel=name)}
    key = "status.headline_reply" if rank == 1 else "status.headline_opens"
    return {"index": index, "state": "open" if rank == 1 else "closed",
            "text": text(strings, key, channel=name, time=when_text(company, visitor, time, now, strings, end=rank == 1))}
