"""Ages written the way people write them: `30d`, `12w`, `6m`, `1y` (days, weeks, months of 30 days,
years of 365), for `report --since` and `prune --older-than`."""
from __future__ import annotations

import re

DAY = 86_400
_UNITS = {"d": 1, "w": 7, "m": 30, "y": 365}
_AGE = re.compile(r"^\s*(\d{1,5})\s*([dwmy])\s*$", re.IGNORECASE)


def parse_age(text: str) -> int:
    """"30d" -> seconds in 30 days. ValueError saying what to write instead."""
    match = _AGE.match(text)
    if not match or int(match.group(1)) == 0:
        raise ValueError(f'"{text}" is not an age: write a number and d, w, m or y, e.g. 30d, 12w, 6m, 1y')
    return int(match.group(1)) * _UNITS[match.group(2).lower()] * DAY
