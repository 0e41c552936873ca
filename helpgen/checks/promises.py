"""Promise consistency: contact facts typed into articles, checked against support.yml.

support.yml is the one place where addresses, hours and reply times are written; variables quote it.
A fact typed by hand that contradicts it is an error naming both lines (customers are told two
different things). One that agrees today is a warning: it will silently go stale at the next change,
so the hint names the variable to use instead.
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
from pathlib import Path
from typing import Iterator

from ..errors import HelpgenError, Location, Problem
from ..hours.notice_effects import window
from ..hours.present import availability_text
from ..hours.promises import KINDS, Promise
from ..hours.schedule import Schedule, TimeRange
from ..hours.support import WEEKDAYS, Channel, SupportConfig, parse_day_spec
from ..yamlsource import parse_yaml
from . import mentions
from .notices import worse_than
from .phrases import HoursClaim, ReplyTime, find_hours_claims, find_reply_times
from .rules import finding
from .source import SourceFile, without_variables

_SUPPORT_MAILBOXES = {"support", "help", "helpdesk", "service", "customerservice", "customer-service", "customercare",
                      "care", "contact", "kontakt", "kundeservice", "hjaelp", "hjælp", "info", "kefu", "servicedesk"}
_CONTACT_PATH_WORDS = ("chat", "contact", "kontakt", "support", "kundeservice", "help", "hjaelp", "kefu")


class PromiseChecker:
    def __init__(self, support: SupportConfig, support_path: Path | None, today: dt.date | None = None):
        self.support = support
        self.today = today  # notices that ended before it are not held against articles
        self.day_lines = _day_key_locations(support, support_path)
        self.emails = {c.address.lower(): c for c in support.channels if c.kind == "email" and c.address}
        self.phones = {_digits(c.address): c for c in support.channels if c.kind == "phone" and c.address}
        self.urls = {mentions.normalize_url(c.url): c for c in support.channels if c.url}
        self.channels = mentions.ChannelFinder(support)
        # Whether a notice's promise is slower than one an article writes depends on the notice, the
        # promise and the channel, not on the article: each is sampled once (~3 ms) for all articles.
        self._slower: dict[tuple[str, str, int, str], bool] = {}
        self._reply_notices = [(n, window(n.payload(), support.timezone)) for n in support.notices if n.response]

    def check(self, sources: list[SourceFile]) -> Iterator[Problem]:
        for source in sources:
            for number, text in _promise_lines(source):
                if not mentions.worth_reading(without_variables(text)):
                    continue  # most lines: no address, no reply time, no hours
                for offset, sentence in mentions.sentences(text):
                    yield from self._check_sentence(source, number, offset, sentence)

    def _check_sentence(self, source: SourceFile, number: int, offset: int, sentence: str) -> Iterator[Problem]:
        plain = without_variables(sentence)
        if not mentions.worth_reading(plain):
            return
        words = mentions.Sentence(plain)
        # Variables count as naming a channel ("{{ support.channels.email.link }}"), so search the raw sentence.
        named = functools.cache(lambda: self.channels.mentions(sentence))

        def at(position: int) -> Location:
            return source.at(number, offset + position + 1)

        if "@" in plain:
            yield from self._emails(plain, at)
        if mentions.has_long_number(plain):
            yield from self._phones(words, named(), at)
        if "://" in plain:
            yield from self._urls(plain, at)
        replies = find_reply_times(plain) if words.talks_about_replies() else []
        for reply in replies:
            yield from self._reply(reply, plain, named(), at)
        if words.may_state_hours() and words.talks_about_hours(lambda: bool(named()) and
                                                               self.channels.reachable_by(sentence)):
            # "2个工作日内" or "inden for 2 hverdage" is a duration, whatever the sentence says: not open days.
            masked = _blank(plain, [(r.start, r.end) for r in replies or find_reply_times(plain)])
            closed = words.says_closed()
            for claim in find_hours_claims(masked):
                yield from self._hours(claim, closed, plain, named(), at)

    # --- contact details ----------------------------------------------------------------------------

    def _emails(self, text: str, at) -> Iterator[Problem]:
        if not self.emails:
            return
        for position, address in mentions.find_emails(text):
            channel = self.emails.get(address)
            if channel:
                yield _hardcoded("promise-email-hardcoded", at(position), f"the address {address}", channel, "link")
                continue
            local, _, domain = address.partition("@")
            for known, channel in self.emails.items():
                known_local, _, known_domain = known.partition("@")
                looks_like_ours = local in _SUPPORT_MAILBOXES or _close(local, known_local)
                same_domain_support = domain == known_domain and looks_like_ours
                typo_domain = local == known_local and _close(domain, known_domain, 0.8)
                if same_domain_support or typo_domain:
                    yield self._mismatch("promise-email-mismatch", at(position), f'"{address}"',
                                         f"the {channel.name} address there is {channel.address}",
                                         channel, "address", "link")
                    break

    def _phones(self, sentence: mentions.Sentence, named: list, at) -> Iterator[Problem]:
        text = sentence.text
        about_phone = any(c.kind == "phone" for _, c in named) or mentions.names_kind(text, "phone")
        for position, written, digits, how in mentions.find_phones(text):
            if how == "plain" and not about_phone:
                continue  # an order or account number, most likely
            channel = next((c for known, c in self.phones.items() if _same_number(digits, known)), None)
            if channel:
                yield _hardcoded("promise-phone-hardcoded", at(position), f'the number "{written}"', channel, "link")
            elif how == "link" or sentence.speaks_for_us(self.support.organization):
                phone = next(iter(self.phones.values()), None)
                if phone:
                    yield self._mismatch("promise-phone-mismatch", at(position), f'"{written}"',
                                         f"the {phone.name} number there is {phone.address}", phone, "address", "link")
                else:
                    yield finding("promise-phone-mismatch", at(position), f'"{written}" is given as our number, '
                                  "but support.yml has no phone channel", "add a phone channel to support.yml, "
                                  "then use its variable", related=self.support.locations.get("channels"))

    def _urls(self, text: str, at) -> Iterator[Problem]:
        for position, written, url in mentions.find_urls(text):
            channel = self.urls.get(url)
            if channel:
                yield _hardcoded("promise-url-hardcoded", at(position), "this link", channel, "url")
                continue
            host, _, path = url.partition("/")
            for known, channel in self.urls.items():
                known_host, _, known_path = known.partition("/")
                looks_like_contact = any(word in path.lower() for word in _CONTACT_PATH_WORDS)
                if host == known_host and path and (looks_like_contact or _close(path, known_path)):
                    yield self._mismatch("promise-url-mismatch", at(position), f'the link "{written}"',
                                         f"the {channel.name} link there is {channel.url}", channel, "url", "url")
                    break

    # --- reply times and hours --------------------------------------------------------------------

    def _reply(self, reply: ReplyTime, text: str, named: list, at) -> Iterator[Problem]:
        said = text[reply.start:reply.end].strip()
        channel = mentions.nearest_channel(named, reply.start)
        candidates = [channel] if channel else list(self.support.channels)
        said_as = (reply.kind, reply.amount)
        agreeing = next((c for c in candidates if (c.response.kind, c.response.amount) == said_as), None)
        yield from self._notices_against(reply, said, [agreeing] if agreeing else candidates, at)
        if agreeing:
            yield _hardcoded("promise-response-hardcoded", at(reply.start), f'"{said}"', agreeing, "response")
            return
        target = candidates[0]
        promised = "; ".join(f"replies by {c.name} within {c.response}" if c.response.kind != "immediate"
                             else f"{c.name} answered immediately" for c in candidates)
        yield self._mismatch("promise-response-mismatch", at(reply.start), f'"{said}"',
                             f"it promises {promised}", target, "response", "response")

    def _notices_against(self, reply: ReplyTime, said: str, channels: list[Channel], at) -> Iterator[Problem]:
        """A notice whose promise for one of these channels is slower than the article's, while it is in effect."""
        if reply.kind not in KINDS or self.today is None:
            return  # "the same day" has no promise to compare with
        written = Promise(said, reply.kind, reply.amount)
        for notice, span in self._reply_notices:
            channel = next((c for c in channels if notice.concerns(c.id)), None)
            if channel is None:
                continue
            key = (notice.id, reply.kind, reply.amount, channel.id)
            if key not in self._slower:
                counting = {"business": self.support.hours, "channel": channel.schedule}
                self._slower[key] = worse_than(notice.response, written, counting, span, self.today,
                                               self.support.timezone)
            if self._slower[key]:
                yield finding("notice-response-worse", at(reply.start),
                              f'"{said}" will not hold while notice "{notice.id}" ({notice.location}) is in effect: '
                              f"it promises replies by {channel.name} within {notice.response}", related=notice.location)

    def _hours(self, claim: HoursClaim, closed: bool, text: str, named: list, at) -> Iterator[Problem]:
        said = text[claim.start:claim.end].strip()
        channel = mentions.nearest_channel(named, claim.start)
        options: list[tuple[Channel | None, Schedule]] = []
        if channel:
            options.append((channel, channel.schedule))
            if channel.availability == "always":
                options.append((None, self.support.hours))  # e.g. email: open any time, answered in office hours
        else:
            options.append((None, self.support.hours))
            options += [(c, c.schedule) for c in self.support.channels if c.availability == "custom"]
        agreeing = next((option for option in options if _hours_agree(claim, option[1], closed)), None)
        if agreeing:
            who, _ = agreeing
            yield _hardcoded("promise-hours-hardcoded", at(claim.start), f'"{said}"', who, "availability")
            return
        who, schedule = options[0]
        described = availability_text("always" if who and who.availability == "always" else "custom", schedule.weekly)
        subject = f"{who.name} hours" if who else "opening hours"
        config = self._hours_location(claim, who)
        yield finding("promise-hours-mismatch", at(claim.start),
                      f'"{said}" contradicts {config}: the {subject} there are {described}',
                      "use " + _hours_variable(who), related=config)

    def _hours_location(self, claim: HoursClaim, who: Channel | None) -> Location:
        if who and who.availability != "business-hours":
            return self.support.locations.get(f"channels.{who.id}.availability", who.location)
        first_day = (claim.days or (0,))[0]
        return self.day_lines.get(first_day) or self.support.locations.get("hours") or Location(self.support.path)

    def _mismatch(self, rule: str, where: Location, said: str, truth: str, channel: Channel, key: str,
                  variable: str) -> Problem:
        config = self.support.locations.get(f"channels.{channel.id}.{key}", channel.location)
        return finding(rule, where, f"{said} contradicts {config}: {truth}",
                       f"use {{{{ support.channels.{channel.id}.{variable} }}}}", related=config)


def _hardcoded(rule: str, where: Location, said: str, channel: Channel | None, field: str) -> Problem:
    variable = f"{{{{ support.channels.{channel.id}.{field} }}}}" if channel else "{{ support.hours_table }}"
    return finding(rule, where, f"{said} repeats support.yml by hand; it will go stale when support.yml changes",
                   f"use {variable}")


def _hours_variable(who: Channel | None) -> str:
    if who:
        return f"{{{{ support.channels.{who.id}.availability }}}}"
    return "{{ support.hours_table }} or {{ support.hours.monday }} (one day)"


def _hours_agree(claim: HoursClaim, schedule: Schedule, closed: bool = False) -> bool:
    """Days with a range: each of those days has that range. Days alone: all open (all closed, in a
    sentence saying "closed"). A range alone: some day has it. "24/7": open all day, every day."""
    weekly = schedule.weekly
    days = claim.days if claim.days is not None else tuple(range(7))
    if claim.always:
        return all(weekly[d] == (TimeRange(0, 1440),) for d in days)
    if claim.time_range is None:
        return all(not weekly[d] for d in days) if closed else all(weekly[d] for d in days)
    if claim.days is None:
        return any(claim.time_range in weekly[d] for d in days)
    return all(claim.time_range in weekly[d] for d in days)


def _promise_lines(source: SourceFile) -> Iterator[tuple[int, str]]:
    """Body prose, plus the title and description: they show up in search results and link previews."""
    for number in range(2, source.body_line - 1):
        line = source.lines[number - 1]
        if line.startswith(("title:", "description:")):
            yield number, line
    yield from source.prose_lines()


def _day_key_locations(support: SupportConfig, path: Path | None) -> dict[int, Location]:
    """Weekday -> the support.yml line that sets its hours, so a contradiction points at that line."""
    if path is None or not path.is_file():
        return {}
    try:
        root = parse_yaml(path.read_text(encoding="utf-8-sig").replace("\r\n", "\n"), support.path)
    except (HelpgenError, OSError, UnicodeDecodeError):
        return {}  # it was valid when loaded; if an editor changed it since, only precision is lost
    hours = root.value.get("hours") if root is not None and root.is_mapping else None
    lines: dict[int, Location] = {}
    for key, node in (hours.value.items() if hours is not None and hours.is_mapping else ()):
        for day in parse_day_spec(key) or ():
            lines.setdefault(day, node.key_loc or node.loc)
    return {day: lines[day] for day in range(len(WEEKDAYS)) if day in lines}


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _same_number(a: str, b: str) -> bool:
    """Equal, or one is the other without its country code ("70 12 34 56" and "+45 70 12 34 56")."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 8 and long.endswith(short) and len(long) - len(short) <= 3


def _close(a: str, b: str, cutoff: float = 0.75) -> bool:
    return a != b and difflib.SequenceMatcher(None, a, b).ratio() >= cutoff
