"""What each page of the help center is, and the data its template shows.

Templates get plain, already-worded data (no schedule maths in Jinja) so the site engine can change
without the wording changing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from .articles import CONTACT_SRC, HOME_SRC, Article
from .catalog import Catalog, Category
from ..hours.status import status_script_text
from ..hours.structured_data import organization_jsonld
from ..hours.present import availability_text, format_date, format_ranges, weekly_rows
from ..hours.support import SupportConfig
from ..hours.texts import text_in
from ..i18n import Messages, messages
from ..security.scriptjson import ScriptJSON, script_json

TEMPLATES = {"home": "helpgen/home.html", "category": "helpgen/category.html", "contact": "helpgen/contact.html"}


def page_kind(src: str, catalog: Catalog) -> str:
    if src == HOME_SRC:
        return "home"
    if src == CONTACT_SRC:
        return "contact"
    if any(c.index_src == src for c in catalog.categories):
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


@dataclass(frozen=True)
class CategoryView:
    id: str
    title: str
    description: str
    url: str
    articles: tuple[ArticleLink, ...]

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


@dataclass
class SiteContext:
    """Everything the theme reads, under the template global `helpgen`."""

    organization: str
    timezone: str
    channels: list[ChannelView]
    hours: list[tuple[str, str]]
    holidays: list[tuple[str, str, str]]  # (name, date, hours) from the build date on
    categories: list[CategoryView]
    promoted: list[ArticleLink]
    contact_url: str
    home_url: str
    today: str
    jsonld: ScriptJSON  # schema.org Organization + ContactPoints, already safe inside <script>
    status_json: ScriptJSON  # the live-status widget's payload, already safe inside <script>
    language: str = ""  # the language these pages are in ("" in a one-language site: theme.language)
    index_prefix: str = ""  # where this language's search index is, below the site root: "" or "da/"
    _articles: dict[str, tuple[Article, ArticleLink]] = field(default_factory=dict, repr=False)
    _category_by_src: dict[str, CategoryView] = field(default_factory=dict, repr=False)

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


def site_context(support: SupportConfig, catalog: Catalog, today: dt.date,
                 url_for: Callable[[str], str], site_url: str | None = None,
                 text: Messages | None = None, src_of: Callable[[str], str] = str, language: str = "",
                 index_prefix: str = "") -> SiteContext:
    """`url_for(src)` is a page's URL; `src_of(src)` its path as the site engine knows it (a language's
    folder in front, in a multi-language site), which is what templates look articles up by. `language`:
    the pages' language in a multi-language site (support.yml texts are picked in it)."""
    text = text or messages(None)

    def link(article: Article) -> ArticleLink:
        return ArticleLink(article.title, url_for(article.src), article.description, article.type,
                           text.t(f"article.type.{article.type}"),
                           format_date(article.updated, text) if article.updated else "")

    def view(category: Category) -> CategoryView:
        return CategoryView(category.id, category.title, category.description, url_for(category.index_src),
                            tuple(link(a) for a in category.articles))

    categories = [view(c) for c in catalog.categories]
    articles: dict[str, tuple[Article, ArticleLink]] = {}
    category_by_src: dict[str, CategoryView] = {}
    for category, category_view in zip(catalog.categories, categories):
        category_by_src[src_of(category.index_src)] = category_view
        for article, article_link in zip(category.articles, category_view.articles):
            articles[src_of(article.src)] = (article, article_link)
            category_by_src[src_of(article.src)] = category_view
    def local(text) -> str:
        return text_in(text, language) if language else str(text)

    return SiteContext(
        organization=local(support.organization),
        timezone=support.timezone,
        channels=[ChannelView(c.id, local(c.name), c.kind, local(c.label), c.href,
                              availability_text(c.availability, c.schedule.weekly, text), c.response.words(text))
                  for c in support.channels],
        hours=weekly_rows(support.hours.weekly, text),
        holidays=[(local(h.name), format_date(h.date, text), format_ranges(h.ranges, text))
                  for h in support.upcoming_holidays(today)],
        categories=categories,
        promoted=[link(a) for a in catalog.promoted],
        contact_url=url_for(CONTACT_SRC),
        home_url=url_for(HOME_SRC),
        today=today.isoformat(),
        jsonld=script_json(organization_jsonld(support, today, site_url)),
        status_json=status_script_text(support),
        language=language,
        index_prefix=index_prefix,
        _articles=articles,
        _category_by_src=category_by_src,
    )
