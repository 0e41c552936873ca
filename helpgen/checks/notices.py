"""Notice rules: support.yml's `notices:` and a support-status.json given with `helpgen check --status`.

What notice_schema.py cannot say alone, because it needs the site or the day: a notice that has ended,
one that ends before it starts, a channel id support.yml does not have, a language of the site without
text. Whether a notice's promise is worse than one an article makes is the promise check's
(promises.py, which reads the articles); `worse_than` below is its measure.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from ..errors import HelpgenError, Problem, did_you_mean
from ..hours.live_file import read_live_file
from ..hours.notice_effects import window
from ..hours.notice_schema import Notice
from ..hours.promises import Promise, reply_by_us
from ..hours.schedule import MINUTE, Schedule, to_us
from ..hours.support import SupportConfig
from ..hours.texts import LocalText
from .rules import finding

_SAMPLES, _SAMPLE_STEP = 48, 7 * 60 * MINUTE  # messages sent through the first two weeks of a window, at shifting hours


def check_notices(notices: tuple[Notice, ...], support: SupportConfig | None, languages: tuple[str, ...],
                  today: dt.date) -> list[Problem]:
    """Findings about notices from support.yml or a live file. `languages`: the site's codes (one for a
    one-language site); `today`: in the company's zone, a notice ending before it has ended."""
    zone = support.timezone if support else "UTC"
    start_of_today = to_us(dt.datetime.combine(today, dt.time(), ZoneInfo(zone)))
    known = [c.id for c in support.channels] if support else []
    found: list[Problem] = []
    for notice in notices:
        start, end = window(notice.payload(), zone)
        where = f'notice "{notice.id}"'
        if notice.start and notice.end and end <= start:
            found.append(finding("notice-window-reversed", notice.location,
                                 f"{where} ends ({notice.end}) before it starts ({notice.start})"))
        elif notice.end and end <= start_of_today:
            found.append(finding("notice-ended", notice.location, f"{where} ended on {notice.end.replace('T', ' ')}"))
        for channel in notice.channels:
            if support and channel not in known:
                found.append(finding("notice-unknown-channel", notice.location,
                                     f'{where} names the channel "{channel}", which support.yml does not have',
                                     f"{did_you_mean(channel, known)} (channels: {', '.join(known)})"))
        missing = _untranslated(notice.text, languages)
        if missing:
            found.append(finding("notice-untranslated", notice.location,
                                 f"{where} has no {', '.join(missing)} text: those pages show "
                                 f'"{_shown(notice.text)}"', f"add {', '.join(f'{code}: …' for code in missing)}"))
    return found


def check_status_file(path: Path, shown: str, support: SupportConfig | None, languages: tuple[str, ...],
                      today: dt.date) -> list[Problem]:
    """`helpgen check --status FILE`: the file read as every page reads it, then the notice rules."""
    try:
        status = read_live_file(path, shown)
    except HelpgenError as error:
        if not path.is_file():
            raise  # nothing to check: a setup problem, not a finding
        return [finding("status-invalid", p.location, p.message, p.hint) for p in error.problems]
    found = [finding("status-unknown-field" if p.rule == "unknown-key" else "status-invalid", p.location, p.message,
                     p.hint) for p in status.problems]
    found += check_notices(status.notices, support, languages, today)
    return sorted(found, key=lambda p: (p.location.line, p.location.col, p.rule))


def _untranslated(text: str, languages: tuple[str, ...]) -> list[str]:
    """The site's languages a notice's text leaves out. A notice is a sentence in one language, so in a
    multi-language site one text for every language leaves out all but the default."""
    if isinstance(text, LocalText) and text.translations:
        return [code for code in languages if not text.has(code)]
    return list(languages[1:])


def _shown(text: str) -> str:
    plain = str(text)
    return plain if len(plain) <= 60 else plain[:57] + "…"


def worse_than(notice_promise: Promise, written: Promise, counting: dict[str, Schedule], span: tuple[int, int],
               today: dt.date, zone: str) -> bool:
    """Whether a message sent while the notice is in effect can be answered later under its promise than
    under the one an article writes. `counting`: the hours each kind of promise counts (business: the
    company's; the others: the channel's). Sampled through the window's first two weeks, from today."""
    first = max(span[0], to_us(dt.datetime.combine(today, dt.time(), ZoneInfo(zone))))
    for step in range(_SAMPLES):
        sent = first + step * _SAMPLE_STEP
        if sent >= span[1]:
            break
        promised = reply_by_us(notice_promise.kind, notice_promise.amount, _hours(counting, notice_promise), sent)
        said = reply_by_us(written.kind, written.amount, _hours(counting, written), sent)
        if said is not None and (promised is None or promised > said):
            return True
    return False


def _hours(counting: dict[str, Schedule], promise: Promise) -> Schedule:
    return counting["business" if promise.kind.startswith("business") else "channel"]
