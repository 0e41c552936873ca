"""Notices: what the team tells visitors for a while, and the promise that holds meanwhile.

One declared schema for support.yml `notices:` and the live support-status.json (docs/notices.md):

    - id: phone-down                 # letters, digits, - and _: `helpgen notice clear ID`, dismissals
      from: 2026-12-03 10:00         # optional: in effect from (instants.py); left out: already
      until: 2026-12-03 14:00        # optional: in effect until; left out: until removed
      text: {en: "…", da: "…"}       # one text, or one per language
      channels: [phone]              # optional: the channels it concerns; left out: every channel
      closed: true                   # optional: those channels take nothing during the window
      response: 3 business days      # optional: their reply promise during the window

The live file is untrusted (anyone with write access to one static file): every value is bounded by
LIMITS, which the page also carries, so helpgen-notices.js `liveNotices` refuses exactly what this refuses.
Whether a channel id exists, a window has ended or a text lacks a site language is for `helpgen check`
(checks/notices.py): those need the site, or the day.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Location, Problem
from ..yamlsource import Node, Reader, expect_text, iter_sequence
from .instants import read_instant
from .promises import Promise, parse_promise, promise_to_json
from .texts import LocalText, read_local_text, text_in

NOTICE_KEYS = {
    "id": "Short unique id: letters, digits, - and _ (`helpgen notice clear ID`; a visitor's dismissal is kept per id).",
    "from": 'When it starts: "2026-12-20 09:00" in company time, or an instant with an offset. Left out: now.',
    "until": 'When it ends, written as `from`; "2026-12-27 24:00" is the end of that day. Left out: until removed.',
    "text": "What visitors read: one text, or one per language ({en: …, da: …}); plain text, never markup.",
    "channels": "Channel ids it concerns, e.g. [phone]. Left out: every channel.",
    "closed": "true: those channels are closed during the window (messages count from when they reopen).",
    "response": 'Their reply promise during the window, e.g. "3 business days", instead of the usual one.',
}
LIVE_KEYS = {
    "notices": "The notices in effect or coming, each with the keys above (`from`/`until` with an offset).",
    "updated": "When the file was last written (helpgen notice writes it; informational).",
}
# Bounds on the live file, enforced here and in the visitor's browser (the page carries them).
LIMITS = {"bytes": 65536, "notices": 20, "id": 64, "text": 500, "languages": 20, "channels": 20}
NOTICE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
CHANNEL_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# Control characters and bidirectional overrides: a visitor must see the text as written, not reordered.
PROMISE_WORDS = re.compile(r"^[A-Za-z0-9 ]{1,80}$")  # a promise is a few plain words: "3 business days"
BLANK = re.compile(r"[\s\ufeff]*")  # what a browser's trim() leaves nothing of, and Python's strip()
HIDDEN_CHARACTERS = re.compile("[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Notice:
    id: str
    text: str  # a LocalText when given per language
    start: str | None  # as written ("2026-12-20 09:00" company time, or with an offset); None: in effect already
    end: str | None  # None: until removed
    channels: tuple[str, ...] = ()  # () = every channel
    closed: bool = False
    response: Promise | None = None
    location: Location = Location("")

    def concerns(self, channel_id: str) -> bool:
        return not self.channels or channel_id in self.channels

    def payload(self, language: str = "") -> dict:
        """The notice as a page carries it, its text in the page's language (helpgen-notice-effects.js reads it)."""
        return {"id": self.id, "from": self.start, "until": self.end, "text": text_in(self.text, language),
                "channels": list(self.channels), "closed": self.closed,
                "response": promise_to_json(self.response) if self.response else None}

    def file_entry(self) -> dict:
        """The notice as support-status.json holds it: every language's text, in the order written."""
        text = dict(self.text.translations) if isinstance(self.text, LocalText) and self.text.translations else str(self.text)
        entry: dict = {"id": self.id}
        entry.update({key: value for key, value in (("from", self.start), ("until", self.end)) if value})
        entry["text"] = text
        if self.channels:
            entry["channels"] = list(self.channels)
        if self.closed:
            entry["closed"] = True
        if self.response:
            entry["response"] = self.response.text
        return entry


def read_notices(node: Node | None, problems: list[Problem], live: bool, where: str = "notices") -> tuple[Notice, ...]:
    """Every valid notice of a `notices` list; each problem appended. `live`: the support-status.json rules
    (instants with an offset; unknown keys are warnings, since newer helpgen versions may add some)."""
    if node is None or node.value is None:
        return ()
    items = list(iter_sequence(node, where, problems))
    if live and len(items) > LIMITS["notices"]:
        problems.append(Problem(node.loc, f"{where}: {len(items)} notices, more than the {LIMITS['notices']} a page "
                                "shows", "clear the ones that have ended (`helpgen notice clear ID`)"))
        return ()
    notices: list[Notice] = []
    seen: dict[str, int] = {}
    for index, item in items:
        before = len([p for p in problems if p.severity == "error"])
        notice = _read_notice(item, f"{where}[{index + 1}]", problems, live)
        if notice is None or len([p for p in problems if p.severity == "error"]) > before:
            continue
        if notice.id in seen:
            problems.append(Problem(item.loc, f'{where}[{index + 1}].id: "{notice.id}" is used twice (first at line '
                                    f"{seen[notice.id]})", "give each notice its own id"))
            continue
        seen[notice.id] = item.loc.line
        notices.append(notice)
    return tuple(notices)


def _read_notice(item: Node, where: str, problems: list[Problem], live: bool) -> Notice | None:
    reader = Reader(item, where, problems, NOTICE_KEYS, unknown_severity="warning" if live else "error")
    if not item.is_mapping:
        return None
    notice_id = reader.text("id", required=True)
    if notice_id is not None and (not NOTICE_ID.fullmatch(notice_id) or len(notice_id) > LIMITS["id"]):
        problems.append(Problem(reader.get("id").loc, f'{where}.id: "{notice_id[:LIMITS["id"]]}" is not a valid id',
                                f"use up to {LIMITS['id']} lowercase letters, digits, - or _, e.g. christmas-rush"))
    text = _read_text(reader.require("text"), f"{where}.text", problems)
    start = _read_time(reader.get("from"), f"{where}.from", problems, live)
    end = _read_time(reader.get("until"), f"{where}.until", problems, live)
    channels = _read_channels(reader.get("channels"), f"{where}.channels", problems)
    closed = _read_flag(reader.get("closed"), f"{where}.closed", problems)
    response = _read_response(reader.get("response"), f"{where}.response", problems)
    if closed and response is not None:
        problems.append(Problem(reader.get("response").loc, f"{where}: closed and response together",
                                "a closed channel takes no message during the window, so no promise applies: "
                                "keep one of them"))
    if notice_id is None or text is None:
        return None
    return Notice(notice_id, text, start, end, channels, closed, response, item.loc)


def _read_text(node: Node | None, name: str, problems: list[Problem]) -> str | None:
    if node is None:
        return None
    if node.is_mapping and len(node.value) > LIMITS["languages"]:
        problems.append(Problem(node.loc, f"{name}: {len(node.value)} languages, more than {LIMITS['languages']}",
                                "keep the languages the site has"))
        return None
    text = read_local_text(node, name, problems)
    if text is None:
        return None
    for code, value in (text.translations if isinstance(text, LocalText) else ()) or (("", str(text)),):
        shown = f"{name}.{code}" if code else name
        if BLANK.fullmatch(value):
            problems.append(Problem(node.loc, f"{shown} is empty", "write what visitors should know"))
            return None
        if len(value) > LIMITS["text"]:
            problems.append(Problem(node.loc, f"{shown} is {len(value)} characters long, more than {LIMITS['text']}",
                                    "say it shorter: a notice is one or two sentences; link the details from an article"))
            return None
        if HIDDEN_CHARACTERS.search(value):
            problems.append(Problem(node.loc, f"{shown} contains a control character or a direction override",
                                    "write it as plain text on one line"))
            return None
    return text


def _read_time(node: Node | None, name: str, problems: list[Problem], live: bool) -> str | None:
    if node is None or node.value is None:
        return None
    # YAML reads `2026-12-20` as a date and `2026-12-20 09:00:00` as a datetime: the text as written is what counts.
    text = node.raw if not node.quoted and not isinstance(node.value, (bool, int, float)) and node.raw else None
    if text is None:
        text = expect_text(node, name, problems)
        if text is None:
            return None
    try:
        written = read_instant(text)
    except ValueError as exc:
        hint = ""
        if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
            hint = f'give a time too: "{text} 00:00" is the start of that day, "{text} 24:00" its end'
        message, _, default_hint = str(exc).partition(" — ")
        problems.append(Problem(node.loc, f'{name}: "{text[:40]}" {message}', hint or default_hint or 'write e.g. "2026-12-20 09:00"'))
        return None
    if live and written.offset is None:
        problems.append(Problem(node.loc, f'{name}: "{text}" has no offset', "the live file is read in visitors' own "
                                'time zones: write the offset, e.g. "2026-12-03T10:00:00+01:00" (helpgen notice does)'))
        return None
    return text.replace(" ", "T", 1)


def _read_channels(node: Node | None, name: str, problems: list[Problem]) -> tuple[str, ...]:
    if node is None or node.value is None:
        return ()
    if not node.is_sequence or not node.value:
        problems.append(Problem(node.loc, f"{name} must be a list of channel ids, e.g. [phone]",
                                "leave it out for a notice about every channel"))
        return ()
    if len(node.value) > LIMITS["channels"]:
        problems.append(Problem(node.loc, f"{name}: {len(node.value)} channels, more than {LIMITS['channels']}",
                                "leave `channels` out for a notice about every channel"))
        return ()
    found: list[str] = []
    for item in node.value:
        value = expect_text(item, name, problems)
        if value is not None and (not CHANNEL_ID.fullmatch(value) or len(value) > LIMITS["id"]):
            problems.append(Problem(item.loc, f'{name}: "{value[:LIMITS["id"]]}" is not a channel id',
                                    "use the ids of support.yml's channels, e.g. email, phone"))
        elif value is not None and value not in found:
            found.append(value)
    return tuple(found)


def _read_flag(node: Node | None, name: str, problems: list[Problem]) -> bool:
    if node is None or node.value is None:
        return False
    if not isinstance(node.value, bool):
        problems.append(Problem(node.loc, f"{name} must be true or false", "write true (without quotes), or leave it out"))
        return False
    return node.value


def _read_response(node: Node | None, name: str, problems: list[Problem]) -> Promise | None:
    if node is None or node.value is None:
        return None
    text = expect_text(node, name, problems)
    if text is None:
        return None
    if not PROMISE_WORDS.fullmatch(text):
        problems.append(Problem(node.loc, f'{name}: "{text[:40]}" is not a reply promise', 'write e.g. "3 business days"'))
        return None
    try:
        return parse_promise(text)
    except ValueError as exc:
        problems.append(Problem(node.loc, f'{name}: "{text[:40]}" is not a reply promise', str(exc)))
        return None
