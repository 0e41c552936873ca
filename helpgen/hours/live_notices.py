"""`helpgen notice add|list|clear`: live notices edited in support-status.json, no rebuild.

The file is read strictly first (an invalid file is left as it is, with its problems at their lines),
the change is validated by the same schema as every notice (notice_schema.py), and the file is
replaced in one step (live_file.write_atomically). Times are taken as people type them at a terminal
and written as instants with the company's offset, which the live file needs:

    now | +30m | +2h | +3d        now, or that long after now (`--until`: after the notice's start)
    14:00                          today at 14:00, company time
    2026-12-03 14:00               company time; with an offset or Z: that instant
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from ..errors import HelpgenError, Location, Problem, did_you_mean
from .instants import read_instant
from .live_file import LiveStatus, file_text, json_nodes, read_live_file, validate_status, write_atomically
from .notice_effects import window
from .notice_schema import LIMITS, Notice
from .schedule import SECOND, from_us, to_us
from .support import SupportConfig

_RELATIVE = re.compile(r"^\+(\d{1,4}) ?(m|min|h|d)$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
_UNIT_SECONDS = {"m": 60, "min": 60, "h": 3600, "d": 86400}
WHEN_FORMS = 'now, +30m, +2h, +3d, 14:00 (today), "2026-12-03 14:00" (company time) or with an offset'


@dataclass(frozen=True)
class NoticeRequest:
    """What `helpgen notice add` was asked for, as typed."""

    text: str
    translations: tuple[tuple[str, str], ...] = ()  # (language code, text) from --lang
    channels: tuple[str, ...] = ()
    closed: bool = False
    response: str | None = None
    start: str | None = None
    end: str | None = None
    notice_id: str | None = None


@dataclass(frozen=True)
class Listed:
    notice: Notice
    source: str  # the live file's name, or support.yml's
    state: str  # "in effect" | "coming" | "ended"
    window: tuple[int, int]  # us, ±2**62 for an open end


@dataclass(frozen=True)
class LiveTarget:
    """The file to edit and what it must agree with."""

    path: Path
    shown: str  # how messages name it
    support: SupportConfig | None = None  # None: no support.yml (times then need an offset; ids are not checked)
    default_language: str = "en"  # the language TEXT is in when --lang adds others
    languages: tuple[str, ...] = ()  # the site's, for --lang; () when unknown


def add_notice(target: LiveTarget, request: NoticeRequest, now: dt.datetime) -> Notice:
    """Add one notice to the file (made if missing). Raises HelpgenError; the file is then unchanged."""
    status = _readable(target)
    if len(status.notices) >= LIMITS["notices"]:
        raise HelpgenError.at(Location(target.shown), f"already holds {LIMITS['notices']} notices, as many as pages show",
                              "clear ended ones first: helpgen notice clear --ended")
    zone = target.support.timezone if target.support else None
    start = resolve_when(request.start, "--from", zone, now) if request.start else None
    end = resolve_when(request.end, "--until", zone, from_us(to_us(dt.datetime.fromisoformat(start)), "UTC") if start
                       else now) if request.end else None
    notice_id = request.notice_id or _new_id(request.text, {n.id for n in status.notices})
    if any(n.id == notice_id for n in status.notices):
        raise HelpgenError.at(Location("--id"), f'"{notice_id}" is already in {target.shown}',
                              f"choose another id, or clear that notice first: helpgen notice clear {notice_id}")
    _check_channels(request.channels, target.support)
    entry = {"id": notice_id, "from": start, "until": end, "text": _text(request, target),
             "channels": list(request.channels) or None, "closed": request.closed or None, "response": request.response}
    [notice] = _valid([{k: v for k, v in entry.items() if v is not None}])
    first, last = window(notice.payload(), zone or "UTC")
    if first >= last:
        raise HelpgenError.at(Location("--until"), "the notice would end before it starts", "give a later --until")
    if last <= to_us(now):
        raise HelpgenError.at(Location("--until"), "that time has passed: the notice would never show",
                              "give a time still to come, e.g. --until +2h")
    write_atomically(target.path, file_text([*status.notices, notice], now))
    return notice


def list_notices(target: LiveTarget, now: dt.datetime) -> list[Listed]:
    """The live file's notices, then support.yml's, each with whether it is in effect at `now`."""
    status = _readable(target)
    zone = target.support.timezone if target.support else "UTC"
    found = [(n, target.shown) for n in status.notices]
    if target.support:
        live_ids = {n.id for n in status.notices}
        found += [(n, target.support.path) for n in target.support.notices if n.id not in live_ids]
    listed = []
    for notice, source in found:
        span = window(notice.payload(), zone)
        state = "ended" if span[1] <= to_us(now) else "coming" if span[0] > to_us(now) else "in effect"
        listed.append(Listed(notice, source, state, span))
    return listed


def clear_notices(target: LiveTarget, now: dt.datetime, notice_id: str | None = None, ended_only: bool = False) -> list[str]:
    """Remove one notice by id, the ended ones, or all; returns the ids removed. An unknown id is an error."""
    status = _readable(target)
    ids = [n.id for n in status.notices]
    if notice_id is not None and notice_id not in ids:
        scheduled = target.support and any(n.id == notice_id for n in target.support.notices)
        hint = (f"it is scheduled in {target.support.path}: remove it there and rebuild, or add a live notice with "
                "that id to replace it" if scheduled else did_you_mean(notice_id, ids) if ids else "the file has no notices")
        raise HelpgenError.at(Location(target.shown), f'no notice "{notice_id[:80]}"', hint)
    zone = target.support.timezone if target.support else "UTC"
    gone = [n for n in status.notices if (notice_id is None or n.id == notice_id)
            and (not ended_only or window(n.payload(), zone)[1] <= to_us(now))]
    if gone:  # nothing removed: the file and its `updated` stay as they were
        write_atomically(target.path, file_text([n for n in status.notices if n not in gone], now))
    return [n.id for n in gone]


def resolve_when(text: str, option: str, zone: str | None, now: dt.datetime) -> str:
    """A time typed at the terminal as an instant with an offset, e.g. "2026-12-03T14:00:00+01:00"."""
    typed = text.strip()
    relative, clock = _RELATIVE.match(typed), _CLOCK.match(typed)
    if typed == "now" or relative:
        seconds = int(relative.group(1)) * _UNIT_SECONDS[relative.group(2)] if relative else 0
        return _written(to_us(now) + seconds * SECOND, zone)
    if clock:
        if zone is None:
            raise HelpgenError.at(Location(option), f'"{typed}" needs the company\'s time zone', "give a date and time "
                                  "with an offset, e.g. 2026-12-03T14:00+01:00, or run where support.yml is")
        typed = f"{now.astimezone(ZoneInfo(zone)).date()} {int(clock.group(1)):02d}:{clock.group(2)}"
    try:
        written = read_instant(typed)
    except ValueError as exc:
        message, _, _ = str(exc).partition(" — ")
        raise HelpgenError.at(Location(option), f'"{typed[:40]}" {message}', f"write {WHEN_FORMS}") from None
    if written.offset is None and zone is None:
        raise HelpgenError.at(Location(option), f'"{typed}" has no offset and there is no support.yml to take the '
                              "company's time zone from", "add an offset, e.g. +01:00, or run where support.yml is")
    return _written(written.us(zone or "UTC"), zone)


def _written(us: int, zone: str | None) -> str:
    return from_us(us, zone or "UTC").isoformat(timespec="seconds").replace("+00:00", "Z" if zone is None else "+00:00")


def _readable(target: LiveTarget) -> LiveStatus:
    status = read_live_file(target.path, target.shown, missing_ok=True)  # no file yet: no notices
    if status.errors:
        raise HelpgenError(status.errors + [Problem(Location(target.shown), "the file is left as it is",
                                                    "fix it first (helpgen check --status FILE lists the same)")])
    return status


def _check_channels(channels: tuple[str, ...], support: SupportConfig | None) -> None:
    known = [c.id for c in support.channels] if support else []
    for channel in channels:
        if support and channel not in known:
            raise HelpgenError.at(Location("--channel"), f'no channel "{channel[:80]}" in {support.path}',
                                  f"{did_you_mean(channel, known)} (channels: {', '.join(known)})")


def _text(request: NoticeRequest, target: LiveTarget) -> str | dict:
    if not request.translations:
        return request.text
    texts = {target.default_language: request.text}
    for code, text in request.translations:
        if code in texts:
            raise HelpgenError.at(Location("--lang"), f"{code} is given twice", f"TEXT is the {target.default_language} "
                                  "text; give each other language once")
        if target.languages and code not in target.languages:
            raise HelpgenError.at(Location("--lang"), f'the site has no "{code[:20]}" pages',
                                  f"its languages are {', '.join(target.languages)}")
        texts[code] = text
    return texts


def _valid(entries: list[dict]) -> list[Notice]:
    """The new notice read by the live file's own rules, problems said for the command line."""
    problems: list[Problem] = []
    notices = validate_status(json_nodes({"notices": entries}, None, Location("helpgen notice add")), problems)
    errors = [Problem(p.location, p.message.replace("notices[1].", "the notice's ").replace("notices[1]", "the notice"),
                      p.hint) for p in problems if p.severity == "error"]
    if errors or not notices:
        raise HelpgenError(errors or [Problem(Location("helpgen notice add"), "the notice is not valid")])
    return list(notices)


def listing(listed: list[Listed], zone: str | None) -> str:
    """`helpgen notice list` for people: per file, each notice's state, window, what it changes, its text."""
    if not listed:
        return "No notices."
    lines: list[str] = []
    for source in dict.fromkeys(item.source for item in listed):
        lines.append(f"{source}:")
        for item in (i for i in listed if i.source == source):
            notice = item.notice
            changes = [", ".join(notice.channels) or "every channel"]
            changes += ["closed"] if notice.closed else [f"replies within {notice.response}"] if notice.response else []
            lines.append(f"  {notice.id}  [{item.state}]  {_span(item.window, zone)}  ({'; '.join(changes)})")
            lines.append(f"      {notice.text}")
    return "\n".join(lines)


def _span(span: tuple[int, int], zone: str | None) -> str:
    def shown(us: int) -> str:
        return from_us(us, zone or "UTC").strftime("%a %d %b %Y %H:%M")

    start = "from the start" if span[0] < -2 ** 61 else f"from {shown(span[0])}"
    end = "until cleared" if span[1] > 2 ** 61 else f"until {shown(span[1])}"
    return f"{start} {end}" + (f" ({zone})" if zone else " (UTC)")


def _new_id(text: str, taken: set[str]) -> str:
    """An id from the text's first words ("our-phone-line-is-down"), made unique; "notice" for text
    without Latin letters."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    base, length = "", 0
    for word in words:
        if length + len(word) > 32:
            break
        base, length = f"{base}-{word}" if base else word, length + len(word) + 1
    base = base or "notice"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
