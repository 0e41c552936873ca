"""The events a help center sends, read strictly: one JSON object, known fields of the right types.

Three kinds (docs/insights.md lists every field):

    {"type": "vote", "article": "/returns/x/", "vote": "yes"|"no", "language": "en"}
    {"type": "search", "query": "klarna", "results": 0, "language": "en",
     "clicked": "/returns/refund-timing/" | null, "refined_from": "refund" | null}
    {"type": "contact", "channel": "email", "from": "article"|"search"|"404"|"header"|"contact-page"|"home"|
     "category", "page": "/returns/x/", "language": "en", "after_search": true|false}

Anything else is refused with the reason (the collector answers 4xx and stores nothing): not JSON, not
an object, an unknown type or field, a missing field, a value of the wrong type or form. Nothing in an
event names the visitor; query texts are masked and cut (privacy.py) before they are kept. A vote without
"type" (sites built before events had types) is read as a vote.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Union

from .privacy import clean_query

MAX_RAW_TEXT = 1000  # a query longer than this is no search; anything longer is refused, not cut
MAX_PATH = 512
VOTES = ("yes", "no")
PLACES = ("article", "search", "404", "header", "contact-page", "home", "category")
_PATH = re.compile(r"^/[^\s?#\x00-\x1f\x7f]{0,%d}$" % (MAX_PATH - 1))
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$")
_CHANNEL = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class EventRefused(ValueError):
    """Why a request carries no event helpgen keeps, with the HTTP status that says so."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Vote:
    article: str
    vote: str
    language: str
    type: str = "vote"


@dataclass(frozen=True)
class Search:
    query: str  # cleaned: masked, lower case, bounded
    results: int
    language: str
    clicked: str | None = None
    refined_from: str | None = None  # cleaned like query
    type: str = "search"


@dataclass(frozen=True)
class Contact:
    channel: str
    origin: str  # the event's "from": where on the site the visitor chose to contact
    page: str
    language: str | None = None
    after_search: bool = False  # the page was reached from a search result
    type: str = "contact"


Event = Union[Vote, Search, Contact]


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise EventRefused(f"{name}: expected text, got {_kind(value)}")
    if len(value) > MAX_RAW_TEXT:
        raise EventRefused(f"{name}: longer than {MAX_RAW_TEXT} characters")
    return value


def _matching(pattern: re.Pattern, what: str) -> Callable[[Any, str], str]:
    def read(value: Any, name: str) -> str:
        text = _text(value, name)
        if not pattern.match(text):
            raise EventRefused(f"{name}: {json.dumps(text[:80], ensure_ascii=False)} is not {what}")
        return text
    return read


def _choice(choices: tuple[str, ...]) -> Callable[[Any, str], str]:
    def read(value: Any, name: str) -> str:
        text = _text(value, name)
        if text not in choices:
            raise EventRefused(f"{name}: {json.dumps(text[:80], ensure_ascii=False)} is not one of {', '.join(choices)}")
        return text
    return read


def _count(value: Any, name: str) -> int:
    # bool is an int in Python; `true` is no count
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10_000_000:
        raise EventRefused(f"{name}: expected a whole number from 0, got {_kind(value)}")
    return value


def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise EventRefused(f"{name}: expected true or false, got {_kind(value)}")
    return value


def _query(value: Any, name: str) -> str:
    cleaned = clean_query(_text(value, name))
    if not cleaned:
        raise EventRefused(f"{name}: empty")
    return cleaned


def _or_null(read: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    return lambda value, name: None if value is None else read(value, name)


_path = _matching(_PATH, "a path on the site (starting with /, without ? or #)")
_language = _matching(_LANGUAGE, "a language code such as en or zh-TW")

# type -> (class, {field: (reader, required)}, {field in JSON: attribute})
_SCHEMAS: dict[str, tuple[type, dict[str, tuple[Callable[[Any, str], Any], bool]], dict[str, str]]] = {
    "vote": (Vote, {"article": (_path, True), "vote": (_choice(VOTES), True), "language": (_language, True)}, {}),
    "search": (Search, {"query": (_query, True), "results": (_count, True), "language": (_language, True),
                        "clicked": (_or_null(_path), False), "refined_from": (_or_null(_query), False)}, {}),
    "contact": (Contact, {"channel": (_matching(_CHANNEL, "a channel id such as email"), True),
                          "from": (_choice(PLACES), True), "page": (_path, True),
                          "language": (_or_null(_language), False), "after_search": (_flag, False)},
                {"from": "origin"}),
}
TYPES = tuple(_SCHEMAS)


def parse_event(body: bytes) -> Event:
    """The event a request body carries, or EventRefused saying what is wrong with it."""
    try:
        data = json.loads(body.decode("utf-8"), parse_constant=_no_constant, object_pairs_hook=_no_duplicates)
    except UnicodeDecodeError:
        raise EventRefused("the body is not UTF-8 text", 400) from None
    except EventRefused:
        raise
    except (ValueError, RecursionError):
        raise EventRefused("the body is not JSON", 400) from None
    return read_event(data)


def read_event(data: Any) -> Event:
    if not isinstance(data, dict):
        raise EventRefused(f"expected one JSON object, got {_kind(data)}")
    kind = data.get("type", "vote" if set(data) == {"article", "vote", "language"} else None)
    if kind not in _SCHEMAS:
        shown = "no type" if kind is None else f"type {json.dumps(kind)[:40]}"
        raise EventRefused(f"{shown}: expected one of {', '.join(TYPES)}")
    cls, fields, renamed = _SCHEMAS[kind]
    unknown = sorted(set(data) - set(fields) - {"type"})
    if unknown:
        raise EventRefused(f"{kind}: unknown field {json.dumps(unknown[0][:40])}; known: {', '.join(fields)}")
    values = {}
    for name, (read, required) in fields.items():
        if name not in data:
            if required:
                raise EventRefused(f"{kind}.{name}: missing")
            continue
        values[renamed.get(name, name)] = read(data[name], f"{kind}.{name}")
    return cls(**values)


def event_json(event: Event) -> dict[str, Any]:
    """The event as the site sends it (the inverse of read_event, for tests and tools)."""
    data = {"type": event.type, **{k: v for k, v in vars(event).items() if k != "type"}}
    if isinstance(event, Contact):
        data["from"] = data.pop("origin")
    return data


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise EventRefused("a field is given twice")
    return data


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")  # NaN, Infinity: Python's json accepts them, JSON does not


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"
