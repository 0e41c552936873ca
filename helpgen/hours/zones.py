"""Which time zone names a help center may use: ones both Python's zoneinfo and every browser's Intl know.

zoneinfo reads whatever files the build machine has: `posix/Europe/Copenhagen`, `right/…` (leap
seconds) and `localtime` (the build machine's own zone) load fine there, then the visitor's browser
throws "Invalid time zone specified" and every status on the page stays empty. Those are refused with
the name to write instead. Fixed-offset names (EST, Etc/GMT+2) work but never switch to summer time,
and `Etc/GMT+2` is two hours *behind* UTC (POSIX's inverted sign): they are warned about, with the
city zone that does what the writer almost certainly meant.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import zoneinfo
from functools import lru_cache

from ..errors import Location, Problem, did_you_mean

# The legacy abbreviations and POSIX-style names, and the zone (with its summer time) people mean by them.
LEGACY_ZONES = {
    "EST": "America/New_York", "EST5EDT": "America/New_York", "CST6CDT": "America/Chicago",
    "MST": "America/Denver (or America/Phoenix: Arizona keeps standard time)", "MST7MDT": "America/Denver",
    "PST8PDT": "America/Los_Angeles", "HST": "Pacific/Honolulu", "CET": "Europe/Paris", "MET": "Europe/Paris",
    "EET": "Europe/Athens", "WET": "Europe/Lisbon",
}
_MACHINE_NAMES = {"localtime", "posixrules", "factory"}
_UTC_NAMES = {"UTC", "Etc/UTC", "GMT", "Etc/GMT", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu",
              "Etc/Zulu", "Greenwich", "Etc/Greenwich", "GMT0", "Etc/GMT0", "GMT+0", "GMT-0", "Etc/GMT+0", "Etc/GMT-0"}
_ETC_OFFSET = re.compile(r"^(?:Etc/)?GMT([+-])(\d{1,2})\Z")
MAX_NAME = 64  # the longest IANA name is 32 characters; a longer one is not a zone, whatever the OS says


def check_zone(name: str, loc: Location, problems: list[Problem], key: str = "timezone: ") -> bool:
    """Report problems with a zone name; False when it cannot be used at all (an error was added)."""
    def refuse(message: str, hint: str) -> bool:
        problems.append(Problem(loc, f'{key}"{name[:MAX_NAME]}" {message}', hint))
        return False

    lowered = name.lower()
    if lowered.startswith(("posix/", "right/")):
        canonical = name.split("/", 1)[1]
        return refuse("is a copy of a zone kept for POSIX or leap-second systems; browsers do not know it",
                      f'write "{canonical}"' if _loads(canonical) else "write the zone's IANA name, e.g. Europe/Copenhagen")
    if lowered in _MACHINE_NAMES:
        host = _host_zone()
        return refuse("is the build machine's own setting, not a zone visitors' browsers know",
                      f'write the zone by name, e.g. "{host}"' if host else "write the zone by name, e.g. Europe/Copenhagen")
    if len(name) > MAX_NAME or name.startswith(("/", ".")) or ".." in name or not _loads(name):
        close = did_you_mean(name, zoneinfo.available_timezones())
        return refuse("is not an IANA time zone", close if close.startswith("did you mean") else
                      "write an Area/City name such as Europe/Copenhagen or America/New_York")
    if name in _UTC_NAMES:
        return True
    offset = _ETC_OFFSET.match(name)
    if offset:
        hours = int(offset.group(2)) * (-1 if offset.group(1) == "+" else 1)
        sign = "+" if hours >= 0 else "\u2212"
        problems.append(Problem(loc, f'{key}"{name}" is a fixed offset, UTC{sign}{abs(hours)} (Etc/ names '
                                f"invert the sign: {name} is {abs(hours)} hours {'ahead of' if hours > 0 else 'behind'} "
                                "UTC), that never changes for summer time",
                                f"write the city zone customers live in, e.g. {_city_zones(hours)}",
                                severity="warning", rule="fixed-offset-zone"))
    elif name in LEGACY_ZONES:
        problems.append(Problem(loc, f'{key}"{name}" is a legacy abbreviation (a fixed offset or old US/EU rules), '
                                "not a place's zone", f"write {LEGACY_ZONES[name]}: it follows that place's "
                                "summer time", severity="warning", rule="fixed-offset-zone"))
    return True


def _loads(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a path
        return False
    return True


def _host_zone() -> str:
    target = os.path.realpath("/etc/localtime")
    return target.split("/zoneinfo/", 1)[1] if "/zoneinfo/" in target else ""


@lru_cache(maxsize=32)
def _city_zones(hours: int) -> str:
    """A few Area/City zones whose winter (or summer) offset is `hours`, for the suggestion."""
    winter = dt.datetime(2026, 1, 15, 12, tzinfo=dt.timezone.utc)
    summer = winter.replace(month=7)
    found = sorted(z for z in zoneinfo.available_timezones()
                   if "/" in z and not z.startswith(("Etc/", "posix/", "right/", "SystemV/", "US/"))
                   and hours * 3600 in {winter.astimezone(zoneinfo.ZoneInfo(z)).utcoffset().total_seconds(),
                                        summer.astimezone(zoneinfo.ZoneInfo(z)).utcoffset().total_seconds()})
    return " or ".join(found[:3]) if found else "Europe/Copenhagen"
