"""Is each channel open, and when will a message sent now be answered: the customer's view at an instant.

The page's widget computes the same thing in the visitor's browser from `status_payload`; `helpgen hours`
prints it from Python. Both run the same rules (schedule.py / promises.py and helpgen-hours.js), which
tests/test_schedule_parity.py keeps identical.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from zoneinfo import ZoneInfo

from ..errors import HelpgenError, Location, Problem, did_you_mean
from ..security.scriptjson import ScriptJSON, script_json
from .promises import channel_payload, describe, reply_by
from .schedule import Schedule, is_open, next_change, next_opening, schedule_to_json
from .support import Channel, SupportConfig
from .texts import text_in
from ..i18n import messages
from .zones import check_zone


def business_schedule(channel: Channel, support: SupportConfig) -> Schedule:
    """Business-time promises count the support team's hours, whatever hours the channel is reachable."""
    return support.hours if channel.response.kind.startswith("business") else channel.schedule


def received_at(channel: Channel, sent_at: dt.datetime) -> dt.datetime | None:
    """A closed chat or phone line takes no messages: the promise starts counting when it next opens."""
    return sent_at if is_open(channel.schedule, sent_at) else next_opening(channel.schedule, sent_at)


def status_payload(support: SupportConfig) -> dict:
    """What a page carries for the widget: each channel's availability, promise and business hours;
    the support hours with their holidays (for the holiday notices); the channels in support.yml's
    order with what a link to each needs (the header's channel, the no-results panel)."""
    return {"timezone": support.timezone,
            "channels": {c.id: channel_payload(c.schedule, c.response, business_schedule(c, support))
                         for c in support.channels},
            "hours": schedule_to_json(support.hours),
            "order": [c.id for c in support.channels],
            "links": {c.id: {"name": c.name, "href": c.href, "label": c.label} for c in support.channels}}


def status_script_text(support: SupportConfig, language: str = "") -> ScriptJSON:
    """The payload as JSON that is safe inside <script type="application/json">; with `language`, the
    holiday and channel names the browser's notices quote are that language's (support.yml may give them
    per language)."""
    payload = status_payload(support)
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
    response: str


def channel_statuses(support: SupportConfig, at: dt.datetime, visitor_zone: str | None = None,
                     channel_id: str | None = None, language: str | None = None) -> list[ChannelStatus]:
    """Each channel's status at `at`, worded in `language` (a BCP 47 code; None: English)."""
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
                                  f"{close} (channels: {known})" if close.startswith("did you mean")
                                  else f"use one of: {known}")
    statuses = []
    for channel in channels:
        payload = channel_payload(channel.schedule, channel.response, business_schedule(channel, support))
        shown = describe(payload, at, visitor_zone or support.timezone, text)
        change = next_change(channel.schedule, at)
        received = received_at(channel, at)
        answer = reply_by(channel.response, business_schedule(channel, support), received) if received else None
        statuses.append(ChannelStatus(channel.id, text_in(channel.name, language or ""), shown["state"], shown["text"],
                                      change.isoformat() if change else None,
                                      answer.isoformat() if answer else None, channel.response.words(text)))
    return statuses


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


def statuses_as_json(statuses: list[ChannelStatus], at: dt.datetime) -> str:
    return json.dumps({"at": at.isoformat(), "channels": [asdict(s) for s in statuses]}, indent=2, ensure_ascii=False)
