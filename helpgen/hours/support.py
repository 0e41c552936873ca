"""support.yml -> SupportConfig: the one place where hours, channels and promises are written.

Every problem in the file is collected and reported together with its line and a fix, so a writer
fixes the file in one pass. The result is frozen: the build, the checks and the pages all read the
same validated values.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import HelpgenError, Location, Problem, did_you_mean
from ..security.urls import UnsafeLink, web_url
from .feedback import Feedback, read_feedback
from .notice_config import SITE_FILE, read_notice_settings
from .notice_schema import Notice
from .promises import Promise, parse_promise
from .overlaps import refuse_night_overlaps
from .schedule import WEEKDAYS, Holiday, Schedule, TimeRange, always_open, parse_time_ranges
from .texts import read_local_text
from .zones import check_zone
from ..yamlsource import Node, Reader, shown_key, expect_date, expect_text, iter_sequence, key_location, parse_yaml, yaml_trap

_DAY_ALIASES = {name[:3]: i for i, name in enumerate(WEEKDAYS)} | {name: i for i, name in enumerate(WEEKDAYS)}
_DAY_GROUPS = {"weekdays": range(0, 5), "weekends": range(5, 7), "weekend": range(5, 7), "daily": range(7),
               "every-day": range(7)}
AVAILABILITY_WORDS = ("always", "business-hours")
_CHANNEL_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")  # fullmatch: "$" would let a trailing newline in
_EMAIL = re.compile(r"[^@\s<>\"'`\\]+@[^@\s<>\"'`\\]+\.[^@\s<>\"'`\\]+")
_PHONE = re.compile(r"\+?[0-9][0-9 ().-]{4,}")
CHANNEL_SCHEMES = ("https", "http", "mailto", "tel")

# One declared list drives validation, messages and the docs (see docs/support-yml.md).
TOP_LEVEL_KEYS = {
    "organization": "The company name shown on every page (one text, or one per language: {en: …, da: …}).",
    "timezone": "IANA time zone the hours are written in, e.g. Europe/Copenhagen.",
    "hours": "Weekly business hours: day or day range -> \"HH:MM-HH:MM\" (several ranges: comma-separated).",
    "holidays": "Dates with no or special hours: {date, name, hours?}.",
    "channels": "Contact channels: {id, name, address or url, availability, response}.",
    "feedback": "Optional: {endpoint, events, matomo}: which events the pages send (votes, searches, contacts) and where.",
    # Notices (docs/notices.md): read by notice_config.py
    "notices": "Optional: scheduled notices {id, from, until, text, channels?, closed?, response?} shown while in effect.",
    "live_status": "Optional: where pages fetch live notices (default support-status.json at the site root; false: none).",
}
HOLIDAY_KEYS = {
    "date": "The day, YYYY-MM-DD.",
    "name": "What customers see, e.g. Christmas Eve (or one per language: {en: Christmas Eve, da: Juleaften}).",
    "hours": "Special hours that day; leave out for closed.",
}
CHANNEL_KEYS = {
    "id": "Short unique id used in variables: {{ support.channels.ID.address }}.",
    "name": "What customers see, e.g. Live chat (or one per language: {en: Live chat, da: Chat}).",
    "address": "An email address or phone number.",
    "url": "An https:// link, e.g. to a chat or a contact form.",
    "availability": "always | business-hours | its own hours mapping.",
    "response": 'The reply promise: "immediately", "2 hours", "4 business hours", "1 business day".',
}


@dataclass(frozen=True)
class Channel:
    id: str
    name: str
    address: str | None
    url: str | None
    availability: str  # "always", "business-hours" or "custom"
    schedule: Schedule
    response: Promise
    location: Location

    @property
    def kind(self) -> str:
        if self.address and _EMAIL.fullmatch(self.address):
            return "email"
        if self.address and _PHONE.fullmatch(self.address):
            return "phone"
        return "link"

    @property
    def href(self) -> str:
        if self.url:
            return self.url
        if self.kind == "email":
            return f"mailto:{self.address}"
        if self.kind == "phone":
            return "tel:" + re.sub(r"[^0-9+]", "", self.address or "")
        return ""

    @property
    def label(self) -> str:
        """What the link text says: the address, or the channel name for a bare URL."""
        return self.address or self.name


@dataclass(frozen=True)
class SupportConfig:
    organization: str
    timezone: str
    hours: Schedule
    channels: tuple[Channel, ...]
    path: str = "support.yml"
    locations: dict[str, Location] = field(default_factory=dict, compare=False, hash=False)
    feedback: Feedback | None = None  # None: nothing leaves the visitor's browser (hours/feedback.py)
    warnings: tuple[Problem, ...] = field(default=(), compare=False, hash=False)  # e.g. a fixed-offset zone
    notices: tuple[Notice, ...] = ()  # scheduled in support.yml (notice_config.py)
    live_status: str | None = SITE_FILE  # where pages fetch live notices; None: nowhere

    @property
    def feedback_endpoint(self) -> str | None:
        return self.feedback.endpoint if self.feedback else None

    @property
    def holidays(self) -> tuple[Holiday, ...]:
        return self.hours.holidays

    def channel(self, channel_id: str) -> Channel | None:
        return next((c for c in self.channels if c.id == channel_id), None)

    def upcoming_holidays(self, today: dt.date) -> tuple[Holiday, ...]:
        return tuple(h for h in sorted(self.holidays, key=lambda h: h.date) if h.date >= today)


def load_support(path: Path, display_name: str | None = None) -> SupportConfig:
    """Read and validate support.yml. Raises HelpgenError listing every problem found."""
    name = display_name or path.name
    if path.is_dir():
        raise HelpgenError.at(Location(name), "is a folder, not a file", "point `support:` (or --support) at support.yml")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise HelpgenError.at(Location(name), "support config not found",
                              "create it (see `helpgen init`) or set `support:` in the helpgen plugin options") from None
    except UnicodeDecodeError as exc:
        raise HelpgenError.at(Location(name), f"not UTF-8 text ({exc.reason})", "save the file as UTF-8") from None
    except OSError as exc:
        raise HelpgenError.at(Location(name), f"cannot be read ({exc.strerror})", "check the file's permissions") from None
    try:
        return parse_support(text, name)
    except HelpgenError as error:
        if path.resolve().is_relative_to(Path.cwd().resolve()):
            raise
        raise HelpgenError([_without_values(p, name) for p in error.problems]) from None


def _without_values(problem: Problem, name: str) -> Problem:
    """A problem in a file outside the project, said without the values it quotes: whoever runs helpgen
    on some other file (`--support /etc/shadow`) learns where it is not a support config, not its lines."""
    if problem.rule == "unknown-key" or problem.message.endswith("is required"):
        return problem
    key = problem.message.split(":", 1)[0] if ":" in problem.message else "this value"
    return Problem(problem.location, f"{shown_key(key)}: not a valid value (not shown: {name} is outside the project)",
                   "check the value at this line", severity=problem.severity, rule=problem.rule)


def parse_support(text: str, name: str = "support.yml") -> SupportConfig:
    root = parse_yaml(text.replace("\r\n", "\n"), name)
    if root is None:
        raise HelpgenError.at(Location(name, 1), "the file is empty", "start from the example in `helpgen init`")
    problems: list[Problem] = []
    top = Reader(root, "", problems, TOP_LEVEL_KEYS)
    organization = read_local_text(top.require("organization"), "organization", problems)
    timezone = _read_timezone(top, problems)
    day_lines: dict[int, Location] = {}
    holiday_lines: dict[dt.date, Location] = {}
    weekly = _read_weekly(top.require("hours"), "hours", problems, day_lines)
    holidays = _read_holidays(top.get("holidays"), problems, holiday_lines)
    hours = Schedule(timezone or "UTC", weekly, holidays)
    refuse_night_overlaps(hours, "hours", day_lines, holiday_lines, problems, name)
    locations: dict[str, Location] = {k: key_location(v) for k, v in top.items.items()}
    channels = _read_channels(top.require("channels"), hours, problems, locations, holiday_lines, name)
    feedback = read_feedback(top.get("feedback"), problems)
    notices, live_status = read_notice_settings(top.get("notices"), top.get("live_status"), problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise HelpgenError(errors)
    warnings = tuple(p for p in problems if p.severity != "error" and p.rule != "unknown-key")
    return SupportConfig(organization or "", timezone or "UTC", hours, channels, name, locations, feedback,
                         warnings, notices, live_status)


def _read_timezone(top: Reader, problems: list[Problem]) -> str | None:
    node = top.require("timezone")
    name = top.text("timezone") if node else None
    if name is None or not check_zone(name, node.loc, problems):
        return None
    return name


def _read_weekly(node: Node | None, name: str, problems: list[Problem],
                 day_lines: dict[int, Location] | None = None) -> tuple[tuple[TimeRange, ...], ...]:
    """Seven days of ranges, Monday first; `day_lines` gets where each day's hours are written."""
    days: list[tuple[TimeRange, ...]] = [()] * 7
    if node is None:
        return tuple(days)
    if not node.is_mapping:
        problems.append(Problem(node.loc, f"{name} must map days to hours",
                                'e.g.  monday-friday: "09:00-17:00"'))
        return tuple(days)
    defined_at: dict[int, int] = {}
    for key, value in node.value.items():
        where = key_location(value)
        indexes = parse_day_spec(key)
        if indexes is None:
            problems.append(Problem(where, f'{name}: "{key}" is not a day or day range',
                                    'use e.g. "monday", "monday-friday", "saturday, sunday" or "weekdays"'))
            continue
        ranges = _read_ranges(value, f"{name}.{key}", problems)
        for index in indexes:
            if index in defined_at:
                problems.append(Problem(where, f"{name}: {WEEKDAYS[index]} is already given at line {defined_at[index]}",
                                        "list each day once"))
                continue
            defined_at[index] = where.line
            days[index] = ranges
            if day_lines is not None:
                day_lines[index] = where
    return tuple(days)


def parse_day_spec(spec: str) -> list[int] | None:
    """'monday-friday' -> [0..4]; 'saturday, sunday' -> [5, 6]; 'fri-mon' wraps. None if not days."""
    result: list[int] = []
    for part in spec.lower().replace(" ", "").split(","):
        if part in _DAY_GROUPS:
            result.extend(_DAY_GROUPS[part])
            continue
        first, _, last = part.partition("-")
        if first not in _DAY_ALIASES or (last and last not in _DAY_ALIASES):
            return None
        start, end = _DAY_ALIASES[first], _DAY_ALIASES[last or first]
        result.extend((start + i) % 7 for i in range((end - start) % 7 + 1))
    return result


def _read_ranges(node: Node, name: str, problems: list[Problem]) -> tuple[TimeRange, ...]:
    if node.is_sequence:
        texts = [(item, expect_text(item, name, problems)) for item in node.value]
        text = ", ".join(t for _, t in texts if t is not None)
    else:
        trap = yaml_trap(node)
        if trap:
            problems.append(Problem(node.loc, f"{name}: {trap}", f'quote the range: "{node.raw}"'
                                    if "-" in node.raw else 'write a range in quotes, e.g. "09:00-17:00"'))
            return ()
        text = expect_text(node, name, problems)
    if text is None:
        return ()
    try:
        return parse_time_ranges(text)
    except ValueError as exc:
        message, hint = _split_hint(str(exc), 'write "HH:MM-HH:MM" in quotes; several ranges: "09:00-12:00, 13:00-17:00"')
        problems.append(Problem(node.loc, f'{name}: "{text}"{_joined(message)}', hint))
        return ()


def _read_holidays(node: Node | None, problems: list[Problem],
                   lines: dict[dt.date, Location]) -> tuple[Holiday, ...]:
    holidays: list[Holiday] = []
    seen: dict[dt.date, int] = {}
    for i, item in iter_sequence(node, "holidays", problems) if node is not None else ():
        where = f"holidays[{i + 1}]"  # counted from 1, as a writer counts them
        reader = Reader(item, where, problems, HOLIDAY_KEYS)
        date_node = reader.require("date")
        name = read_local_text(reader.require("name"), f"{where}.name", problems)
        day = expect_date(date_node, f"{where}.date", problems) if date_node else None
        hours_node = reader.get("hours")
        ranges = _read_ranges(hours_node, f"{where}.hours", problems) if hours_node else ()
        if day is None or name is None:
            continue
        if day in seen:
            problems.append(Problem(item.loc, f"holidays: {day} is listed twice (first at line {seen[day]})",
                                    "keep one entry per date"))
            continue
        seen[day] = item.loc.line
        lines[day] = item.loc
        holidays.append(Holiday(day, name, ranges))
    return tuple(sorted(holidays, key=lambda h: h.date))



def _read_channels(node: Node | None, hours: Schedule, problems: list[Problem], locations: dict[str, Location],
                   holiday_lines: dict[dt.date, Location], file: str) -> tuple[Channel, ...]:
    channels: list[Channel] = []
    seen: dict[str, int] = {}
    if node is None:
        return ()
    items = list(iter_sequence(node, "channels", problems))
    if node.is_sequence and not items:
        problems.append(Problem(node.loc, "channels: at least one channel is needed", "add e.g. an email channel"))
    for i, item in items:
        where = f"channels[{_channel_key(item, i)}]"
        reader = Reader(item, where, problems, CHANNEL_KEYS)
        if not item.is_mapping:
            continue
        channel_id = reader.text("id", required=True)
        name = read_local_text(reader.require("name"), f"{where}.name", problems)
        address = reader.text("address")
        url = reader.text("url")
        if channel_id is not None:
            if not _CHANNEL_ID.fullmatch(channel_id):
                problems.append(Problem(reader.get("id").loc, f'{where}.id: "{channel_id}" is not a valid id',
                                        "use lowercase letters, digits, - or _, e.g. email, live-chat"))
            elif channel_id in seen:
                problems.append(Problem(reader.get("id").loc, f'{where}.id: "{channel_id}" is used twice '
                                        f"(first at line {seen[channel_id]})", "give each channel its own id"))
            else:
                seen[channel_id] = item.loc.line
        if address is None and url is None:
            problems.append(Problem(item.loc, f"{where} needs an address or a url",
                                    "add `address: support@example.com`, a phone number, or `url: https://…`"))
        if address is not None and not (_EMAIL.fullmatch(address) or _PHONE.fullmatch(address)):
            problems.append(Problem(reader.get("address").loc, f'{where}.address: "{address}" is neither an email '
                                    "address nor a phone number", "for a web page use `url:` instead"))
        if url is not None:
            try:
                url = web_url(url, CHANNEL_SCHEMES).url
            except UnsafeLink as exc:
                problems.append(Problem(reader.get("url").loc, f'{where}.url: "{url}" is not a web link: {exc.reason}',
                                        "use a full https:// address"))
        day_lines: dict[int, Location] = {}
        availability, schedule = _read_availability(reader.get("availability"), where, hours, problems, day_lines)
        if availability == "custom":
            refuse_night_overlaps(schedule, f"{where}.availability", day_lines, holiday_lines, problems, file)
        response = _read_promise(reader.require("response"), where, problems)
        if channel_id and name and response and (address or url):
            location = item.loc
            channels.append(Channel(channel_id, name, address, url, availability, schedule, response, location))
            for key, value in item.value.items():
                locations[f"channels.{channel_id}.{key}"] = value.loc
    return tuple(channels)


def _channel_key(item: Node, index: int) -> str:
    """How messages name a channel: by its id when it has a usable one, else by position from 1."""
    id_node = item.value.get("id") if item.is_mapping else None
    if id_node is not None and isinstance(id_node.value, str) and _CHANNEL_ID.fullmatch(id_node.value):
        return id_node.value
    return str(index + 1)


def _read_availability(node: Node | None, where: str, hours: Schedule, problems: list[Problem],
                       day_lines: dict[int, Location]) -> tuple[str, Schedule]:
    if node is None or node.value == "business-hours":
        return "business-hours", hours
    if node.value == "always":
        return "always", always_open(hours.timezone)
    if node.is_mapping:
        weekly = _read_weekly(node, f"{where}.availability", problems, day_lines)
        # A channel with its own hours still closes on the company's holidays.
        return "custom", Schedule(hours.timezone, weekly, hours.holidays)
    shown = node.raw if not (node.is_mapping or node.is_sequence) else "a list"
    hint = 'use "always", "business-hours" or a mapping like  {monday-friday: "10:00-16:00"}'
    if isinstance(node.value, str) and did_you_mean(node.value, AVAILABILITY_WORDS).startswith("did"):
        hint = did_you_mean(node.value, AVAILABILITY_WORDS)
    problems.append(Problem(node.loc, f'{where}.availability: "{shown}" is not an availability', hint))
    return "business-hours", hours


def _read_promise(node: Node | None, where: str, problems: list[Problem]) -> Promise | None:
    if node is None:
        return None
    text = expect_text(node, f"{where}.response", problems)
    if text is None:
        return None
    try:
        return parse_promise(text)
    except ValueError as exc:
        message, hint = _split_hint(str(exc), 'use e.g. "immediately", "2 hours", "4 business hours" or "1 business day"')
        if message.startswith("use "):
            message, hint = "is not a reply promise", message
        problems.append(Problem(node.loc, f'{where}.response: "{text}"{_joined(message)}', hint))
        return None


def _split_hint(text: str, default_hint: str) -> tuple[str, str]:
    """The schedule parsers word their errors as "what is wrong — how to fix"; keep one hint, not two."""
    message, _, hint = text.partition(" — ")
    return message, hint or default_hint


def _joined(message: str) -> str:
    """'"x" is not a time range' reads as a sentence; other messages follow a colon."""
    return " " + message if message.split(" ", 1)[0] in ("is", "has", "goes", "starts") else ": " + message
