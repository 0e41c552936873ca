"""support.yml's `feedback:`: whether the pages send events, which ones, and where.

    feedback:
      endpoint: https://insights.acme.example/events   # helpgen insights serve, or your own
      events: [votes, searches, contacts]               # default [votes], as before events had a type
      matomo: {url: https://matomo.acme.example/, site_id: 3}   # instead of endpoint

Without `endpoint` or `matomo` nothing leaves a visitor's browser. Addresses must be https://; plain
http:// only for this machine (localhost), for trying the collector out. Every problem is reported at
its line with the fix, like the rest of support.yml.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import Problem, did_you_mean
from ..security.urls import UnsafeLink, web_url
from ..yamlsource import Node, Reader, describe, expect_text, iter_sequence

FEEDBACK_KEYS = {
    "endpoint": "Where events are POSTed as JSON: `helpgen insights serve` or your own (https://; http:// only "
                "for localhost).",
    "events": "What the pages send: a list of votes, searches, contacts (default [votes]).",
    "matomo": "Send the events to your Matomo instead: {url, site_id}.",
}
MATOMO_KEYS = {
    "url": "Your Matomo's address, e.g. https://matomo.acme.example/ (its matomo.php receives the events).",
    "site_id": "The site's id in Matomo (a number).",
}
EVENT_KINDS = ("votes", "searches", "contacts")
DEFAULT_EVENTS = ("votes",)
LOCAL_HOSTS = ("localhost", "127.0.0.1")


@dataclass(frozen=True)
class Matomo:
    url: str  # the tracker: …/matomo.php
    site_id: int


@dataclass(frozen=True)
class Feedback:
    endpoint: str | None = None
    events: tuple[str, ...] = DEFAULT_EVENTS
    matomo: Matomo | None = None

    @property
    def sends(self) -> bool:
        return bool(self.events) and bool(self.endpoint or self.matomo)

    def browser_config(self) -> dict:
        """What helpgen-events.js reads from the page."""
        return {"endpoint": self.endpoint, "events": list(self.events),
                "matomo": {"url": self.matomo.url, "site_id": self.matomo.site_id} if self.matomo else None}


def read_feedback(node: Node | None, problems: list[Problem]) -> Feedback | None:
    if node is None or node.value is None:
        return None
    reader = Reader(node, "feedback", problems, FEEDBACK_KEYS)
    if not node.is_mapping:
        return None
    endpoint = _address(reader, "endpoint", "feedback.endpoint",
                        "use a full https:// address; events are never sent over plain http "
                        "(http://localhost is fine while you try the collector)")
    events = _read_events(reader.get("events"), problems)
    matomo = _read_matomo(reader.get("matomo"), problems)
    if reader.get("endpoint") is not None and reader.get("matomo") is not None:
        problems.append(Problem(reader.get("matomo").loc, "feedback: both endpoint and matomo are set",
                                "keep one: the events go to your collector or to Matomo, not both"))
    feedback = Feedback(endpoint, events, matomo)
    if reader.get("events") is not None and events and not (reader.get("endpoint") or reader.get("matomo")):
        problems.append(Problem(node.loc, f"feedback.events: {', '.join(events)} would be sent nowhere",
                                "add `endpoint: https://…` (helpgen insights serve) or `matomo: {url, site_id}`",
                                severity="warning", rule="feedback-nowhere"))
    return feedback


def _address(reader: Reader, key: str, name: str, hint: str) -> str | None:
    """An https:// URL (http:// for this machine only), parsed as every link helpgen takes (security/urls.py)."""
    text = reader.text(key)
    if text is None:
        return None
    try:
        link = web_url(text, ("https", "http"))
    except UnsafeLink as exc:
        reader.fail(reader.get(key), f'{name}: "{text}" is not an https:// URL: {exc.reason}', hint)
        return None
    if link.scheme == "http" and link.host not in LOCAL_HOSTS:
        reader.fail(reader.get(key), f'{name}: "{text}" is not an https:// URL', hint)
        return None
    return link.url


def _read_events(node: Node | None, problems: list[Problem]) -> tuple[str, ...]:
    if node is None:
        return DEFAULT_EVENTS
    kinds: list[str] = []
    for _, item in iter_sequence(node, "feedback.events", problems):
        kind = expect_text(item, "feedback.events", problems)
        if kind is None:
            continue
        if kind not in EVENT_KINDS:
            problems.append(Problem(item.loc, f'feedback.events: "{kind}" is not an event helpgen sends',
                                    did_you_mean(kind, EVENT_KINDS)))
        elif kind not in kinds:
            kinds.append(kind)
    return tuple(kinds)


def _read_matomo(node: Node | None, problems: list[Problem]) -> Matomo | None:
    if node is None:
        return None
    reader = Reader(node, "feedback.matomo", problems, MATOMO_KEYS)
    if not node.is_mapping:
        return None
    reader.require("url")
    url = _address(reader, "url", "feedback.matomo.url",
                   "use your Matomo's https:// address, e.g. https://matomo.acme.example/")
    site_node = reader.require("site_id")
    site_id = _site_id(site_node, problems) if site_node is not None else None
    if url is None or site_id is None:
        return None
    return Matomo(url if urlsplit(url).path.endswith(".php") else url.rstrip("/") + "/matomo.php", site_id)


def _site_id(node: Node, problems: list[Problem]) -> int | None:
    value = node.value
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    problems.append(Problem(node.loc, f"feedback.matomo.site_id must be a positive whole number, not {describe(node)}",
                            "copy the site's id from Matomo (Administration → Websites), e.g. site_id: 3"))
    return None
