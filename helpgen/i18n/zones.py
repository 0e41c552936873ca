"""A time zone's city as a language names it: "Europe/Copenhagen" is "Copenhagen" in English, "København"
in Danish, "哥本哈根" in Chinese. From CLDR's exemplar cities, as Babel ships them (Babel is already
installed with Material; browsers' Intl has no API for a zone's city), so helpgen keeps no city list of
its own. A zone or language CLDR does not know reads as the zone's own name ("Copenhagen").

The browser cannot ask CLDR: the page carries the cities of the zones it shows, in its language, with
its other strings (`ZONE_CITIES`), and helpgen-promises.js reads them from there, as the build does.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_location

ZONE_CITIES = "zone.cities"  # where a page's strings carry {zone: city} for the browser


def zone_name_city(zone: str) -> str:
    """The city part of the zone's own name: "America/New_York" -> "New York"."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


@lru_cache(maxsize=256)
def zone_city(zone: str, language: str) -> str:
    """The zone's city in `language` (a BCP 47 code: "da", "zh-TW")."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
        city = get_timezone_location(zone, locale=locale, return_city=True)
    except (UnknownLocaleError, ValueError, LookupError):  # a language or zone CLDR does not know
        return zone_name_city(zone)
    return city or zone_name_city(zone)


def zone_cities(zones: Iterable[str], language: str) -> dict[str, str]:
    return {zone: zone_city(zone, language) for zone in sorted(set(zones))}
