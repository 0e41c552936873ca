"""The report as plain text for a terminal or an email: each section of report_view as aligned tables."""
from __future__ import annotations

import unicodedata

from .report_view import ReportView, Table

MAX_CELL = 48  # a cell wider than this is cut with "…": the table must stay readable in a terminal


def render_text(view: ReportView) -> str:
    t = view.t
    lines = [f"{t('insights.title')} — {view.period}", view.summary, ""]
    rate, detail = view.self_service
    lines += [f"{t('insights.self_service.title')}: {rate}"] + ([f"  {detail}"] if detail else []) + [""]
    for section in view.sections():
        lines.append(section.title)
        for table in section.tables:
            if section.captions_shown:
                lines.append(f"  {table.caption}")
            lines += aligned(view, table)
        if not section.tables or not any(table.rows for table in section.tables):
            lines.append(f"  {t('insights.none')}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def aligned(view: ReportView, table: Table) -> list[str]:
    """Columns padded to their widest cell (East Asian wide characters count two); figures right-aligned."""
    if not table.rows:
        return []
    cells = [[view.t(f"insights.col.{c.key}") for c in table.columns]] + [[_cut(c) for c in row] for row in table.rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(table.columns))]

    def line(row: list[str]) -> str:
        padded = [(" " * (w - _width(c)) + c) if column.kind == "n" else (c + " " * (w - _width(c)))
                  for c, w, column in zip(row, widths, table.columns)]
        return ("  " + "  ".join(padded)).rstrip()

    return [line(row) for row in cells]


def _cut(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
