"""When a notice starts and ends: "2026-12-20 00:00" in the company's time, or an instant with an offset.

One grammar for support.yml, support-status.json, the command line and the browser (helpgen-notice-effects.js
`instantOf` reads the same forms the same way; tests/test_notice_parity.py holds them together):

    2026-12-20 00:00            company time (support.yml `timezone:`); a "T" may stand for the space
    2026-12-20T09:30:15         seconds are optional
    2026-12-27 24:00            the end of the 27th, the same instant as 2026-12-28 00:00
    2026-12-03T10:00:00+01:00   an instant: with an offset (±HH:MM) or Z; fractions of a second are
    2026-12-03T09:00:00.000Z    read to the millisecond (what JavaScript's toISOString writes)

Company time in a DST gap or fold follows schedule.py's rule: the first instant after the gap, the first
of two occurrences.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .schedule import DAY, MINUTE, SECOND, wall_to_us

INSTANT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$")
FIRST_YEAR, LAST_YEAR = 1900, 2200  # as `helpgen hours --at`: searches look a year ahead
MAX_OFFSET_MINUTES = 18 * 60
FORMS = 'write e.g. "2026-12-20 09:00" (company time) or "2026-12-20T09:00:00+01:00"'
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


@dataclass(frozen=True)
class Written:
    """An instant as written: the wall clock (us since 1970-01-01 00:00 on that clock) and the offset
    in minutes, None for company time."""

    wall: int
    offset: int | None

    def us(self, timezone: str) -> int:
        if self.offset is None:
            return wall_to_us(timezone, self.wall)
        return self.wall - self.offset * MINUTE


def read_instant(text: str) -> Written:
    """The instant `text` names. ValueError says what is wrong, worded to follow the quoted text."""
    match = INSTANT.fullmatch(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"is not a date and time — {FORMS}")
    year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
    second = int(match.group(6) or 0)
    millis = int((match.group(7) or "0").ljust(3, "0")[:3])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"is outside the years {FIRST_YEAR}-{LAST_YEAR}")
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError("is not a day of the calendar")
    if minute > 59 or second > 59 or hour > 24 or (hour == 24 and (minute or second or millis)):
        raise ValueError("is not a time of day — hours 00-24 (24:00 = the end of the day), minutes and seconds 00-59")
    offset = None
    zone = match.group(8)
    if zone == "Z":
        offset = 0
    elif zone:
        hours, minutes = int(zone[1:3]), int(zone[4:6])
        offset = (hours * 60 + minutes) * (-1 if zone[0] == "-" else 1)
        if minutes > 59 or abs(offset) > MAX_OFFSET_MINUTES:
            raise ValueError("has an offset beyond ±18:00 — real offsets run from -12:00 to +14:00")
    days = dt.date(year, month, day).toordinal() - _EPOCH_ORDINAL
    wall = days * DAY + (hour * 60 + minute) * MINUTE + second * SECOND + millis * 1000
    return Written(wall, offset)


def instant_us(text: str, timezone: str) -> int:
    """The instant of a valid notice time (us since the epoch), company time read in `timezone`."""
    return read_instant(text).us(timezone)
