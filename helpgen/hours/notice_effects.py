"""What notices do to a channel at an instant: closed during a window, another promise during a window.

Works on the JSON a page carries (channel_payload, Notice.payload) and is mirrored line by line in
helpgen-notice-effects.js (withNotices, openAt, nextChangeAt, promisesAt); tests/test_notice_parity.py holds
the two together. The rules (docs/notices.md):

* A notice is in effect from its `from` (included) until its `until` (excluded); either may be open.
* It concerns the channels it lists, or every channel when it lists none; unknown ids concern nothing.
* `closed`: the channel is closed during the window, whatever its hours say. A message sent meanwhile is
  received when the channel next opens after it.
* `response`: a message *received* during the window is promised that instead of the channel's own
  promise. Where several notices promise something for the same moment, the slowest promise holds:
  never promise what the team may not keep.
* Business time is still the company's `hours:` and holidays: a notice changes what a channel takes
  and promises, not when the team works.
"""
from __future__ import annotations

from .instants import instant_us
from .schedule import (DAY, HORIZON_DAYS, Schedule, _fast_answer, is_open_us, next_change_us, open_periods,
                       schedule_from_json)

_FAR = 2 ** 62  # an open end of a window, in us: beyond any horizon


def window(notice: dict, timezone: str) -> tuple[int, int]:
    """[start, end) of a notice in us; an open end is ±_FAR."""
    start = instant_us(notice["from"], timezone) if notice.get("from") else -_FAR
    end = instant_us(notice["until"], timezone) if notice.get("until") else _FAR
    return start, end


def in_effect(notices: list[dict], timezone: str, t: int) -> list[dict]:
    """The notices in effect at t, in their order."""
    return [n for n in notices if _inside(window(n, timezone), t)]


def _inside(span: tuple[int, int], t: int) -> bool:
    return span[0] <= t < span[1]


def merged(scheduled: list[dict], live: list[dict]) -> list[dict]:
    """support.yml's notices, then the live file's; a live notice replaces a scheduled one of its id."""
    live_ids = {n["id"] for n in live}
    replaced = {n["id"]: n for n in live}
    result = [replaced.pop(n["id"]) if n["id"] in live_ids else n for n in scheduled]
    return result + [n for n in live if n["id"] in replaced]


def next_notice_change(notices: list[dict], timezone: str, t: int) -> int | None:
    """The first start or end of a notice after t: the page shows or hides it then."""
    later = [edge for n in notices for edge in window(n, timezone) if t < edge < _FAR]
    return min(later) if later else None


def concerning(notices: list[dict], channel_id: str) -> list[dict]:
    return [n for n in notices if not n["channels"] or channel_id in n["channels"]]


def with_notices(channel: dict, channel_id: str, notices: list[dict], company: dict) -> dict:
    """The channel payload with what its notices change: "closures" (merged [start, end) windows in us),
    "overrides" ([start, end, promise]) and "company" (the company hours, for business promises)."""
    timezone = company["tz"]
    spans = sorted(window(n, timezone) for n in concerning(notices, channel_id) if n["closed"])
    closures: list[list[int]] = []
    for start, end in spans:
        if start >= end:
            continue
        if closures and start <= closures[-1][1]:
            closures[-1][1] = max(closures[-1][1], end)
        else:
            closures.append([start, end])
    overrides = [[*window(n, timezone), n["response"]] for n in concerning(notices, channel_id)
                 if n["response"] and not n["closed"]]
    return {**channel, "closures": closures, "overrides": overrides, "company": company}


def closed_by_notice(channel: dict, t: int) -> bool:
    return any(start <= t < end for start, end in channel.get("closures", ()))


def open_at(channel: dict, t: int) -> bool:
    return is_open_us(schedule_from_json(channel["availability"]), t) and not closed_by_notice(channel, t)


def _open_pieces(channel: dict, since: int):
    """Open periods (start, end, complete) ending after `since`, closures cut out (open_periods' terms)."""
    availability = schedule_from_json(channel["availability"])
    fast = _fast_answer(availability)
    if fast is False:
        return
    periods = [(since, since + (HORIZON_DAYS + 1) * DAY, False)] if fast else open_periods(availability, since)
    for start, end, complete in periods:
        current = start
        for closed_from, closed_until in channel["closures"]:
            if closed_until <= current or closed_from >= end:
                continue
            if closed_from > current and closed_from > since:
                yield current, closed_from, True
            current = closed_until
            if current >= end:
                break
        if current < end:
            yield current, end, complete


def next_change_at(channel: dict, t: int) -> int | None:
    """The next opening if the channel is closed at t, else its next closing; notices counted."""
    if not channel.get("closures"):
        return next_change_us(schedule_from_json(channel["availability"]), t)
    for start, end, complete in _open_pieces(channel, t):
        if start > t:
            return start
        return end if complete else None
    return None


def promises_at(channel: dict, t: int) -> list[dict]:
    """The promises a message received at t may be given: the notices' in effect then, else the channel's."""
    found = [promise for start, end, promise in channel.get("overrides", ()) if start <= t < end]
    return found or [channel["response"]]


def counting_hours(channel: dict, promise: dict) -> Schedule:
    """The hours a promise counts: business time is the company's, whatever hours the channel keeps."""
    if promise["kind"].startswith("business"):
        return schedule_from_json(channel.get("business") or channel.get("company") or channel["availability"])
    return schedule_from_json(channel["availability"])
