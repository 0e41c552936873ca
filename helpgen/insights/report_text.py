"""The report as plain text for a terminal or an email: one aligned table per section."""
from __future__ import annotations

import unicodedata

from .report_view import ReportView

MAX_CELL = 48  # a cell wider than this is cut with "…": the table must stay readable in a terminal


def render_text(view: ReportView) -> str:
    r = view.report
    t = view.t
    lines = [f"{t('insights.title')} — {view.period}", view.summary, ""]
    rate, detail = view.self_service
    lines += [f"{t('insights.self_service.title')}: {rate}"] + ([f"  {detail}"] if detail else []) + [""]
    sections = [
        ("insights.zero.title", ["query", "times", "languages", "first_seen", "last_seen", "trend"],
         [[z.query, view.number(z.count), ", ".join(z.languages), view.short_date(z.first_seen), view.short_date(z.last_seen),
           view.trend(z.trend)] for z in r.zero_results]),
        ("insights.top.title", ["query", "times", "clicks", "click_rate", "zero"],
         [[s.query, view.number(s.count), view.number(s.clicks), view.percent(s.click_rate),
           view.number(s.zero_results)] for s in r.top_searches]),
        ("insights.refined.title", ["before", "after", "times", "then_clicked"],
         [[f.before, f.after, view.number(f.count), view.number(f.then_clicked)] for f in r.refinements]),
        ("insights.articles.title", ["article", "yes", "no", "helpful", "lower"],
         [[a.article, view.number(a.yes), view.number(a.no), view.percent(a.share), view.percent(a.lower)]
          for a in r.articles]),
        ("insights.contacts.by_origin", ["origin", "contacts"],
         [[view.origin(k), view.number(n)] for k, n in r.contacts.by_origin.items()]),
        ("insights.contacts.by_channel", ["channel", "contacts"],
         [[k, view.number(n)] for k, n in r.contacts.by_channel.items()]),
        ("insights.contacts.by_article", ["page", "contacts"],
         [[page, view.number(n)] for page, n in r.contacts.by_article]),
    ]
    for title, columns, rows in sections:
        lines.append(t(title))
        lines += table([t(f"insights.col.{c}") for c in columns], rows) if rows else [f"  {t('insights.none')}"]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Columns padded to their widest cell (East Asian wide characters count two); figures right-aligned."""
    cells = [header] + [[_cut(c) for c in row] for row in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(header))]
    numeric = [all(_is_figure(row[i]) for row in cells[1:]) for i in range(len(header))]

    def line(row: list[str]) -> str:
        padded = [(" " * (w - _width(c)) + c) if right else (c + " " * (w - _width(c)))
                  for c, w, right in zip(row, widths, numeric)]
        return ("  " + "  ".join(padded)).rstrip()

    return [line(cells[0])] + [line(row) for row in cells[1:]]


def _cut(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _is_figure(text: str) -> bool:
    return bool(text) and (text[0].isdigit() or text == "–")
