"""How a report reads in the report's language: its sections as titled tables of worded cells.

Numbers and shares by CLDR (babel), dates as YYYY-MM-DD in tables and by helpgen's date patterns in
sentences, the words for places and trends from the translation tables. The text and the HTML report
both lay out `sections()`, so they say the same thing the same way.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.numbers import format_decimal, format_percent

from ..i18n import Messages, format_date, messages
from .report import Report

_LOCALES = {"en": "en", "da": "da", "zh": "zh_Hans", "zh-TW": "zh_Hant_TW"}


@dataclass(frozen=True)
class Column:
    key: str  # its heading: insights.col.<key>
    kind: str = ""  # "q" what visitors typed or a path (wraps), "n" a figure (right-aligned), "d" a date


@dataclass(frozen=True)
class Table:
    id: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    lead: str
    tables: tuple[Table, ...]
    captions_shown: bool = False  # several tables under one heading: each says what it is


class ReportView:
    """The report and its language: `t` for texts, the formatters for figures, the sections to lay out."""

    def __init__(self, report: Report, lang: str = "en", store: str = ""):
        self.report = report
        self.text: Messages = messages(lang)
        self.lang = self.text.lang
        self.locale = _LOCALES.get(self.lang, "en")
        self.store = store

    def t(self, key: str, **params) -> str:
        return self.text.t(key, **params)

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def percent(self, share: float | None) -> str:
        return "–" if share is None else format_percent(share, locale=self.locale)

    def date(self, seconds: int) -> str:
        return format_date(dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date(), self.text)

    @staticmethod
    def short_date(seconds: int) -> str:
        """YYYY-MM-DD: what a table's narrow column can hold, read the same in every language."""
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date().isoformat()

    def origin(self, key: str) -> str:
        return self.t(f"insights.from.{key}") if f"insights.from.{key}" in self.text.keys() else key

    @property
    def period(self) -> str:
        # The window ends just before `until`: a report "to 1 December" counts the events of 30 November.
        return self.t("insights.period", since=self.date(self.report.since), until=self.date(self.report.until - 1))

    @property
    def summary(self) -> str:
        r = self.report

        def counted(key: str, count: int) -> str:
            return self.t(f"insights.count.{key}", count=count).replace(str(count), self.number(count), 1)

        return self.t("insights.summary", searches=counted("searches", r.self_service.searches),
                      votes=counted("votes", r.votes), contacts=counted("contacts", r.contacts.total))

    @property
    def self_service(self) -> tuple[str, str]:
        s = self.report.self_service
        if s.rate is None:
            return self.t("insights.none"), ""
        return (self.t("insights.self_service.rate", rate=self.percent(s.rate)),
                self.t("insights.self_service.detail", searches=self.number(s.searches),
                       clicked=self.number(s.clicked), contacts=self.number(s.contacts_after)))

    def _table(self, table_id: str, caption_key: str, columns: str, rows) -> Table:
        """`columns`: "key:kind key:kind …"."""
        parsed = tuple(Column(*(spec.split(":") + [""])[:2]) for spec in columns.split())
        return Table(table_id, self.t(caption_key), parsed, tuple(tuple(row) for row in rows))

    def sections(self) -> list[Section]:
        r, n, pct = self.report, self.number, self.percent
        t = self.t
        contacts = r.contacts
        return [
            Section("zero", t("insights.zero.title"), t("insights.zero.lead"), (self._table(
                "zero-table", "insights.zero.title", "query:q times:n languages first_seen:d last_seen:d trend",
                [(z.query, n(z.count), ", ".join(z.languages), self.short_date(z.first_seen),
                  self.short_date(z.last_seen), t(f"insights.trend.{z.trend}")) for z in r.zero_results]),)),
            Section("top", t("insights.top.title"), "", (self._table(
                "top-table", "insights.top.title", "query:q times:n clicks:n click_rate:n zero:n",
                [(s.query, n(s.count), n(s.clicks), pct(s.click_rate), n(s.zero_results))
                 for s in r.top_searches]),)),
            Section("refined", t("insights.refined.title"), t("insights.refined.lead"), (self._table(
                "refined-table", "insights.refined.title", "before:q after:q times:n then_clicked:n",
                [(f.before, f.after, n(f.count), n(f.then_clicked)) for f in r.refinements]),)),
            Section("articles", t("insights.articles.title"), t("insights.articles.lead"), (self._table(
                "articles-table", "insights.articles.title", "article:q yes:n no:n helpful:n lower:n",
                [(a.article, n(a.yes), n(a.no), pct(a.share), pct(a.lower)) for a in r.articles]),)),
            Section("contacts", t("insights.contacts.title"), "", tuple(table for table in (
                self._table("contacts-by-origin", "insights.contacts.by_origin", "origin contacts:n",
                            [(self.origin(k), n(c)) for k, c in contacts.by_origin.items()]),
                self._table("contacts-by-channel", "insights.contacts.by_channel", "channel contacts:n",
                            [(k, n(c)) for k, c in contacts.by_channel.items()]),
                self._table("contacts-by-article", "insights.contacts.by_article", "page:q contacts:n",
                            [(page, n(c)) for page, c in contacts.by_article])) if table.rows),
                captions_shown=True),
        ]

    def weeks_table(self) -> Table:
        return self._table("weeks-table", "insights.weeks.table",
                           "week:d searches:n zero:n clicks:n yes:n no:n contacts:n",
                           [(w.start, *(self.number(v) for v in (w.searches, w.zero_results, w.clicks, w.yes, w.no,
                                                                 w.contacts))) for w in self.report.weeks])
