"""Looking up a visitor-facing text by key in the page's language, with `{param}` placeholders.

The placeholder syntax is deliberately tiny (a name in braces, nothing else) so that helpgen-i18n.js can
apply it identically in the browser, and a translator cannot reach into objects the way `str.format`'s
`{x.attr}` could.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, Iterable

import yaml

TABLES = Path(__file__).parent / "messages"
DEFAULT_LANGUAGE = "en"
SHIPPED_LANGUAGES = ("en", "da", "zh", "zh-TW")
# Keys whose first part is one of these are baked into every page for the browser scripts.
BROWSER_SECTIONS = ("search", "status", "holiday", "date", "weekday", "month", "format")
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
# Traditional Chinese is written in Taiwan, Hong Kong and Macau; everything else "zh" is Simplified.
_TRADITIONAL = {"tw", "hk", "mo", "hant"}


def language_of(code: str | None) -> str:
    """The shipped table for a BCP 47 code: "zh-Hans" -> "zh", "zh-HK" -> "zh-TW", "en-GB" -> "en";
    a language helpgen does not ship -> "en"."""
    parts = (code or DEFAULT_LANGUAGE).replace("_", "-").lower().split("-")
    if parts[0] == "zh":
        return "zh-TW" if _TRADITIONAL & set(parts[1:]) else "zh"
    return parts[0] if parts[0] in SHIPPED_LANGUAGES else DEFAULT_LANGUAGE


@functools.lru_cache(maxsize=None)
def table(lang: str) -> dict[str, Any]:
    """The shipped table of one language: key -> text, or {one, other} for texts that count."""
    with open(TABLES / f"{lang}.yml", encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


class Messages:
    """The texts of one language; `overrides` (a site's own wording) win over the shipped table."""

    def __init__(self, lang: str, overrides: dict[str, Any] | None = None) -> None:
        self.lang = lang
        self._texts = {**table(DEFAULT_LANGUAGE), **table(lang), **(overrides or {})}

    def t(self, key: str, **params: Any) -> str:
        value = self._texts[key]
        if isinstance(value, dict):
            count = params.get("count")
            value = value.get("one") if count == 1 and "one" in value else value["other"]
        return fill(value, params)

    def raw(self, key: str) -> Any:
        return self._texts[key]

    def keys(self):
        return self._texts.keys()


def fill(template: str, params: dict[str, Any]) -> str:
    """"{count} articles" with count=3 -> "3 articles". An unknown name is a bug in helpgen: KeyError."""
    return PLACEHOLDER.sub(lambda m: str(params[m.group(1)]), template)


@functools.lru_cache(maxsize=None)
def messages(lang: str | None) -> Messages:
    return Messages(language_of(lang))


def browser_strings(m: Messages, zones: Iterable[str] = (), language: str | None = None) -> dict[str, Any]:
    """The texts the page's scripts show, for a <script type="application/json"> block; with `zones`, the
    cities of those zones in the page's `language` (default: the table's) under zones.ZONE_CITIES."""
    strings: dict[str, Any] = {k: m.raw(k) for k in sorted(m.keys()) if k.split(".", 1)[0] in BROWSER_SECTIONS}
    if zones:
        from .zones import ZONE_CITIES, zone_cities

        strings[ZONE_CITIES] = zone_cities(zones, language or m.lang)
    return strings
