"""How a report's figures read in the report's language: numbers and shares by CLDR (babel), dates by
helpgen's own date patterns, and the words for places and trends from the translation tables. Shared by
the text and the HTML report, so both say the same thing the same way."""
from __future__ import annotations

import datetime as dt

from babel.numbers import format_decimal, format_percent

from ..i18n import Messages, format_date, messages
from .report import Report

_LOCALES = {"en": "en", "da": "da", "zh": "zh_Hans", "zh-TW": "zh_Hant_TW"}


class ReportView:
    """The report and its language: `t` for texts, the formatters for figures."""

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

    def trend(self, key: str) -> str:
        return self.t(f"insights.trend.{key}")

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
