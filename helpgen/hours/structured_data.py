"""schema.org JSON-LD for the support config: search engines and assistants read hours from here.

Built from the same validated SupportConfig as the contact block, so the machine-readable hours can
never disagree with the ones customers read.
"""
from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from .present import DAY_NAMES
from .schedule import Schedule, TimeRange
from .support import Channel, SupportConfig

SCHEMA_DAYS = tuple(f"https://schema.org/{day}" for day in DAY_NAMES)


def _time(minutes: int) -> str:
    # schema.org has no 24:00; the last minute of the day is how all-day hours are usually written.
    return "23:59:59" if minutes == 1440 else f"{minutes // 60:02d}:{minutes % 60:02d}:00"


def _weekly(schedule: Schedule) -> list[dict]:
    """One OpeningHoursSpecification per distinct range, listing the days it applies to.
    An overnight range keeps closes < opens, which schema.org reads as closing the next day."""
    by_range: dict[TimeRange, list[str]] = {}
    for index, ranges in enumerate(schedule.weekly):
        for time_range in ranges:
            by_range.setdefault(time_range, []).append(SCHEMA_DAYS[index])
    return [{"@type": "OpeningHoursSpecification", "dayOfWeek": days,
             "opens": _time(r.start), "closes": _time(r.end)} for r, days in by_range.items()]


def _holidays(schedule: Schedule, today: dt.date) -> list[dict]:
    """Upcoming holidays as dated specifications; schema.org writes "closed all day" as 00:00-00:00."""
    specs = []
    for holiday in schedule.holidays:
        if holiday.date < today:
            continue
        day = holiday.date.isoformat()
        base = {"@type": "OpeningHoursSpecification", "name": holiday.name, "validFrom": day, "validThrough": day}
        if not holiday.ranges:
            specs.append(base | {"opens": "00:00:00", "closes": "00:00:00"})
        specs += [base | {"opens": _time(r.start), "closes": _time(r.end)} for r in holiday.ranges]
    return specs


def contact_point(channel: Channel, today: dt.date) -> dict:
    point: dict = {"@type": "ContactPoint", "contactType": channel.name, "name": channel.name}
    if channel.kind == "email":
        point["email"] = channel.address
    elif channel.kind == "phone":
        point["telephone"] = channel.address
    if channel.url:
        point["url"] = channel.url
    point["hoursAvailable"] = _weekly(channel.schedule) + _holidays(channel.schedule, today)
    return point


def organization_jsonld(support: SupportConfig, today: dt.date, site_url: str | None = None) -> dict:
    data = {"@context": "https://schema.org", "@type": "Organization", "name": support.organization,
            "contactPoint": [contact_point(c, today) for c in support.channels]}
    if site_url:
        data["url"] = site_url
    return data


class _TextOfHtml(HTMLParser):
    """The words of rendered article HTML, without the heading permalinks ("¶") MkDocs adds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        if self._skip or (tag == "a" and "headerlink" in (dict(attrs).get("class") or "").split()):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag) -> None:
        if self._skip:
            self._skip -= 1
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


_BLOCKS = {"p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "div", "table",
           "blockquote", "pre", "dt", "dd"}


def html_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def faq_page_jsonld(question: str, answer_html: str, url: str | None = None) -> dict:
    """schema.org FAQPage for one FAQ article: its title is the question, its text the accepted answer."""
    data = {"@context": "https://schema.org", "@type": "FAQPage",
            "mainEntity": [{"@type": "Question", "name": question,
                            "acceptedAnswer": {"@type": "Answer", "text": html_text(answer_html)}}]}
    if url:
        data["url"] = url
    return data
