"""Is each channel open, and when will a message sent now be answered: the customer's view at an instant,
with the notices in effect then (support.yml's and a live file's).

The page's widget computes the same thing in the visitor's browser from `status_payload`; `helpgen hours`
prints it from Python. Both run the same rules (schedule.py / promises.py and their mirrors under helpgen-hours.js), which
tests/test_schedule_parity.py keeps identical.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from zoneinfo import ZoneInfo

from ..errors import HelpgenError, Location, Problem, did_you_mean
from ..security.scriptjson import ScriptJSON, script_json
from . import notice_effects as effects
from .notice_schema import LIMITS, Notice
from .promises import Promise, answer_us, channel_payload, describe, parse_promise
from .schedule import Schedule, from_us, schedule_to_json, to_us
from .support import Channel, SupportConfig
from .texts import text_in
from ..i18n import messages
from .zones import check_zone


def business_schedule(channel: Channel, support: SupportConfig) -> Schedule:
    """Business-time promises count the support team's hours, whatever hours the channel is reachable."""
    return support.hours if channel.response.kind.startswith("business") else channel.schedule


def status_payload(support: SupportConfig, language: str = "") -> dict:
    """What a page carries for the widget: each channel's availability, promise and business hours;
    the support hours with their holidays (for the holiday notices); the channels in support.yml's
    order with what a link to each needs (the header's channel, the no-results panel); the scheduled
    notices (their texts in `language`), where the live ones are and the bounds they must keep."""
    return {"timezone": support.timezone,
            "channels": {c.id: channel_payload(c.schedule, c.response, business_schedule(c, support))
                         for c in support.channels},
            "hours": schedule_to_json(support.hours),
            "order": [c.id for c in support.channels],
            "links": {c.id: {"name": c.name, "href": c.href, "label": c.label} for c in support.channels},
            "notices": [n.payload(language) for n in support.notices],
            "language": language,
            "limits": LIMITS}


def status_script_text(support: SupportConfig, language: str = "") -> ScriptJSON:
    """The payload as JSON that is safe inside <script type="application/json">; with `language`, the
    holiday and channel names the browser's notices quote are that language's (support.yml may give them
    per language)."""
    payload = status_payload(support, language)
    if language:
        names = {h.date.isoformat(): text_in(h.name, language) for h in support.holidays}
        schedules = [payload["hours"]] + [s for c in payload["channels"].values()
                                          for s in (c["availability"], c.get("business")) if s]
        for schedule in schedules:
            for day, entry in schedule.get("holidays", {}).items():
                entry["name"] = names.get(day, entry["name"])
        # The header's channel and the no-results panel name channels as the page's own text does.
        for c in support.channels:
            payload["links"][c.id].update(name=text_in(c.name, language), label=text_in(c.label, language))
    return script_json(payload)


@dataclass(frozen=True)
class ChannelStatus:
    id: str
    name: str
    state: str  # "open" | "closed"
    text: str  # exactly what the page shows, e.g. "Closed · opens Monday 09:00"
    next_change: str | None  # ISO-8601 in the company's zone
    reply_by: str | None  # when a message sent at `at` is answered, ISO-8601 in the company's zone
    response: str  # the promise that message is given (a notice's while one changes it)
    notices: tuple[str, ...] = ()  # the texts of the notices in effect that concern this channel


def channel_statuses(support: SupportConfig, at: dt.datetime, visitor_zone: str | None = None,
                     channel_id: str | None = None, language: str | None = None,
                     live: tuple[Notice, ...] = ()) -> list[ChannelStatus]:
    """Each channel's status at `at`, worded in `language` (a BCP 47 code; None: English), with
    support.yml's notices and `live` ones (support-status.json) as a page shows them."""
    text = messages(language)
    if at.tzinfo is None:
        raise ValueError("`at` must carry a time zone")
    if visitor_zone is not None:
        problems: list[Problem] = []
        if not check_zone(visitor_zone, Location("--zone"), problems, key=""):
            raise HelpgenError(problems)
    channels = support.channels
    if channel_id is not None:
        channels = tuple(c for c in channels if c.id == channel_id)
        if not channels:
            known = ", ".join(c.id for c in support.channels)
            close = did_you_mean(channel_id, [c.id for c in support.channels])
            raise HelpgenError.at(Location("--channel"), f'no channel "{channel_id[:80]}" in {support.path}',
                                  f"{close} (channels: {known})" if close.startswith("did you mean") else f"use one of: {known}")
    now, payload = to_us(at), status_payload(support, language or "")
    notices = merged_notices(support, live, language or "")
    statuses = []
    for channel in channels:
        shown = effects.with_notices(payload["channels"][channel.id], channel.id, notices, payload["hours"])
        described = describe(shown, at, visitor_zone or support.timezone, text)
        change = effects.next_change_at(shown, now)
        _, _, promise, answer = answer_us(shown, now)
        statuses.append(ChannelStatus(
            channel.id, text_in(channel.name, language or ""), described["state"], described["text"],
            from_us(change, support.timezone).isoformat() if change is not None else None,
            from_us(answer, support.timezone).isoformat() if answer is not None else None,
            parse_promise(promise["text"]).words(text),
            tuple(n["text"] for n in effects.in_effect(effects.concerning(notices, channel.id), support.timezone, now)
                  if n["channels"])))
    return statuses


def merged_notices(support: SupportConfig, live: tuple[Notice, ...] = (), language: str = "") -> list[dict]:
    """support.yml's notices and the live ones, as a page merges them (payloads, texts in `language`)."""
    return effects.merged([n.payload(language) for n in support.notices], [n.payload(language) for n in live])


def ids_in_effect(support: SupportConfig, at: dt.datetime) -> list[str]:
    """The ids of support.yml's notices in effect at `at`: what a page shows without JavaScript."""
    return [n["id"] for n in effects.in_effect(merged_notices(support), support.timezone, to_us(at))]


def promise_at(support: SupportConfig, channel: Channel, at: dt.datetime, notices: list[dict]) -> Promise:
    """The promise a message sent at `at` is given, a notice's while one changes it: what a page shows
    without JavaScript ("Replies within 3 business days")."""
    payload = channel_payload(channel.schedule, channel.response, business_schedule(channel, support))
    shown = effects.with_notices(payload, channel.id, notices, schedule_to_json(support.hours))
    return parse_promise(answer_us(shown, to_us(at))[2]["text"])


FIRST_YEAR, LAST_YEAR = 1900, 2200


def parse_instant(text: str | None, timezone: str) -> dt.datetime:
    """ISO-8601 from the command line; without an offset it is read in the company's zone."""
    zone = ZoneInfo(timezone)
    if text is None:
        return dt.datetime.now(zone)
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise HelpgenError.at(Location("--at"), f'"{text[:80]}" is not an ISO-8601 date and time',
                              "write e.g. 2026-12-24T16:30 or 2026-12-24T16:30+01:00") from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        # Searches look a year ahead and a day back: year 1 or 9999 would step outside what datetime holds.
        raise HelpgenError.at(Location("--at"), f"{value.year} is outside the years helpgen shows hours for",
                              f"use a date from {FIRST_YEAR} to {LAST_YEAR}")
    return value if value.tzinfo else value.replace(tzinfo=zone)


def statuses_as_json(statuses: list[ChannelStatus], at: dt.datetime, notices: list[dict] = ()) -> str:
    """`helpgen hours --json`: the instant, the notices in effect (as a page carries them), each channel."""
    return json.dumps({"at": at.isoformat(), "notices": list(notices), "channels": [asdict(s) for s in statuses]},
                      indent=2, ensure_ascii=False)
