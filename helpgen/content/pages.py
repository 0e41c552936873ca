"""What each page of the help center is, and the data its template shows.

Templates get plain, already-worded data (no schedule maths in Jinja) so the site engine can change
without the wording changing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import quote, urlencode, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from .articles import CONTACT_SRC, Article
from .catalog import Catalog, Category
from ..hours.notice_effects import in_effect
from ..hours.schedule import to_us
from ..hours.status import merged_notices, promise_at, status_script_text
from ..hours.structured_data import faq_page_jsonld, organization_jsonld
from ..hours.present import availability_text, format_date, format_ranges, promise_text, weekly_rows
from ..hours.promises import _zone_words
from ..hours.support import SupportConfig
from ..hours.texts import text_in
from ..i18n import Messages, messages
from ..security.scriptjson import ScriptJSON, script_json

TEMPLATES = {"home": "helpgen/home.html", "category": "helpgen/category.html", "contact": "helpgen/contact.html"}


def page_kind(src: str, catalog: Catalog) -> str:
    if src == catalog.home_src:
        return "home"
    if src == CONTACT_SRC:
        return "contact"
    if any(c.index_src == src for c in catalog.categories) or src in catalog.section_pages():
        return "category"
    return "article"


def page_frontmatter(src: str, catalog: Catalog, meta: dict[str, Any]) -> dict[str, Any]:
    """Meta the page gets on top of its own: its template, and whether search indexes it.

    Search holds articles only: home, category and contact pages would crowd results with lists."""
    kind = page_kind(src, catalog)
    if kind == "article":
        return {}
    updates: dict[str, Any] = {"search": {"exclude": True}}
    if "template" not in meta:
        updates["template"] = TEMPLATES[kind]
    return updates


@dataclass(frozen=True)
class ArticleLink:
    title: str
    url: str
    description: str
    type: str
    type_label: str
    updated: str  # "14 October 2026" or ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)  # mkdocs.yml extra_keys


@dataclass(frozen=True)
class SectionView:
    id: str  # the heading's anchor on the category page
    title: str
    description: str
    url: str  # the section's own page (its sub-folder's index.md), or ""
    articles: tuple[ArticleLink, ...]


@dataclass(frozen=True)
class CategoryView:
    id: str
    title: str
    description: str
    url: str
    articles: tuple[ArticleLink, ...]
    sections: tuple[SectionView, ...] = ()
    unsectioned: tuple[ArticleLink, ...] = ()  # shown above the sections, without a heading

    @property
    def count(self) -> int:
        return len(self.articles)


@dataclass(frozen=True)
class ChannelView:
    id: str
    name: str
    kind: str
    label: str
    href: str
    availability: str
    response: str
    promise: str  # "Answered live", "Replies within 1 business day": the no-JavaScript reply line
    notices: tuple[str, ...] = ()  # texts of the notices about this channel in effect at build time


@dataclass(frozen=True)
class HolidayView:
    name: str
    date: str  # "24 December 2026"
    hours: str  # "closed", "09:00–12:00"
    iso: str  # "2026-12-24": the browser hides the row once the date has passed


@dataclass(frozen=True)
class NoticeView:
    id: str
    text: str  # in the page's language


@dataclass
class SiteContext:
    """Everything the theme reads, under the template global `helpgen`."""

    organization: str
    timezone: str
    zone_name: str  # "Copenhagen time": how the company's zone reads on a page
    channels: list[ChannelView]
    hours: list[tuple[str, str]]
    holidays: list[tuple[str, str, str]]  # (name, date, hours) from the build date on
    holiday_rows: list[HolidayView]  # the same, with the ISO date for the browser
    categories: list[CategoryView]
    promoted: list[ArticleLink]
    contact_url: str
    home_url: str
    today: str
    jsonld: ScriptJSON  # schema.org Organization + ContactPoints, already safe inside <script>
    status_json: ScriptJSON  # the live-status widget's payload, already safe inside <script>
    language: str = ""  # the language these pages are in ("" in a one-language site: theme.language)
    index_prefix: str = ""  # where this language's search index is, below the site root: "" or "da/"
    # helpgen-events.js's settings (support.yml `feedback:`), safe inside <script>; "" = nothing leaves the page
    events_json: ScriptJSON | str = ""
    notices: list[NoticeView] = field(default_factory=list)  # in effect at build time, shown without JavaScript
    company_notices: list[NoticeView] = field(default_factory=list)  # those about every channel (the contact block's)
    live_status: str = ""  # where pages fetch live notices: a site file, an https URL, or "" for none
    _articles: dict[str, tuple[Article, ArticleLink]] = field(default_factory=dict, repr=False)
    _category_by_src: dict[str, CategoryView] = field(default_factory=dict, repr=False)
    _related: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def related(self, src: str) -> list[ArticleLink]:
        """The article's related articles, as links (related.py chose them)."""
        return [self._articles[other][1] for other in self._related.get(src, ()) if other in self._articles]

    @property
    def next_holiday(self) -> tuple[str, str, str] | None:
        return self.holidays[0] if self.holidays else None

    @property
    def article_count(self) -> int:
        return sum(c.count for c in self.categories)

    def article(self, src: str) -> ArticleLink | None:
        found = self._articles.get(src)
        return found[1] if found else None

    def category_of(self, src: str) -> CategoryView | None:
        return self._category_by_src.get(src)

    def faq_jsonld(self, src: str, html: str, url: str | None) -> ScriptJSON | str:
        """schema.org FAQPage for an FAQ article (safe inside <script>), "" for any other page."""
        found = self._articles.get(src)
        if not found or found[0].type != "faq" or not html:
            return ""
        return script_json(faq_page_jsonld(found[0].title, html, url or None))

    @staticmethod
    def prefilled_href(channel: ChannelView, subject: str, body: str, article_url: str) -> str:
        """The channel's link, starting a message about the article: mailto with subject and body; a
        chat or form URL with ?article=; a phone number as it is."""
        if channel.kind == "email" and channel.href.startswith("mailto:"):
            return f"{channel.href}?{urlencode({'subject': subject, 'body': body}, quote_via=quote)}"
        if channel.href.startswith(("https://", "http://")):
            parts = urlsplit(channel.href)
            query = "&".join(filter(None, [parts.query, urlencode({"article": article_url}, quote_via=quote)]))
            return urlunsplit(parts._replace(query=query))
        return channel.href


def site_context(support: SupportConfig, catalog: Catalog, today: dt.date,
                 url_for: Callable[[str], str], site_url: str | None = None,
                 text: Messages | None = None, related: dict[str, tuple[str, ...]] | None = None,
                 src_of: Callable[[str], str] = str, language: str = "", index_prefix: str = "",
                 now: dt.datetime | None = None) -> SiteContext:
    """`url_for(src)` is a page's URL; `src_of(src)` its path as the site engine knows it (a language's
    folder in front, in a multi-language site), which is what templates look articles up by. `language`:
    the pages' language in a multi-language site (support.yml texts are picked in it). `now`: the
    build's instant, for the notices pages show without JavaScript (default: the start of `today`)."""
    text = text or messages(None)
    links = {a.src: ArticleLink(a.title, url_for(a.src), a.description, a.type, text.t(f"article.type.{a.type}"),
                                format_date(a.updated, text) if a.updated else "", a.extra)
             for c in catalog.categories for a in c.articles}

    def view(category: Category) -> CategoryView:
        sections = tuple(SectionView(s.id, s.title, s.description, url_for(s.index_src) if s.index_src else "",
                                     tuple(links[a.src] for a in s.articles)) for s in category.sections)
        return CategoryView(category.id, category.title, category.description, url_for(category.index_src),
                            tuple(links[a.src] for a in category.articles), sections,
                            tuple(links[a.src] for a in category.unsectioned))

    categories = [view(c) for c in catalog.categories]
    articles: dict[str, tuple[Article, ArticleLink]] = {}
    category_by_src: dict[str, CategoryView] = {}
    for category, category_view in zip(catalog.categories, categories):
        category_by_src[src_of(category.index_src)] = category_view
        for article in category.articles:
            articles[src_of(article.src)] = (article, links[article.src])
            category_by_src[src_of(article.src)] = category_view
        for section, section_view in zip(category.sections, category_view.sections):
            if section.index_src:  # a section's own page lists that section, under the category's breadcrumb
                category_by_src[src_of(section.index_src)] = CategoryView(
                    category.id, section.title, section.description, section_view.url, section_view.articles,
                    (), section_view.articles)

    def local(value) -> str:
        return text_in(value, language) if language else str(value)

    now = now or dt.datetime.combine(today, dt.time(), ZoneInfo(support.timezone))
    notices = merged_notices(support, (), language)
    shown = in_effect(notices, support.timezone, to_us(now))

    return SiteContext(
        organization=local(support.organization),
        timezone=support.timezone,
        zone_name=_zone_words(support.timezone, text, language or None),
        channels=[ChannelView(c.id, local(c.name), c.kind, local(c.label), c.href,
                              availability_text(c.availability, c.schedule.weekly, text), c.response.words(text),
                              promise_text(promise_at(support, c, now, notices), text),
                              tuple(n["text"] for n in shown if c.id in n["channels"]))
                  for c in support.channels],
        hours=weekly_rows(support.hours.weekly, text),
        holidays=[(local(h.name), format_date(h.date, text), format_ranges(h.ranges, text))
                  for h in support.upcoming_holidays(today)],
        holiday_rows=[HolidayView(local(h.name), format_date(h.date, text), format_ranges(h.ranges, text),
                                  h.date.isoformat())
                      for h in support.upcoming_holidays(today)],
        categories=categories,
        promoted=[links[a.src] for a in catalog.promoted],
        contact_url=url_for(CONTACT_SRC),
        home_url=url_for(catalog.home_src),
        today=today.isoformat(),
        jsonld=script_json(organization_jsonld(support, today, site_url, language)),
        status_json=status_script_text(support, language),
        language=language,
        index_prefix=index_prefix,
        events_json=script_json(support.feedback.browser_config()) if support.feedback and support.feedback.sends else "",
        notices=[NoticeView(n["id"], n["text"]) for n in shown],
        company_notices=[NoticeView(n["id"], n["text"]) for n in shown if not n["channels"]],
        live_status=support.live_status or "",
        _articles=articles,
        _category_by_src=category_by_src,
        _related=related or {},
    )
