"""A report in the format asked for: text for a terminal, JSON for tools (and `check --insights`), or
one self-contained HTML file for people."""
from __future__ import annotations

import json

from .report import Report
from .report_view import ReportView


def render_report(report: Report, output_format: str = "text", lang: str = "en", store: str = "") -> str:
    if output_format == "json":
        return json.dumps(report.as_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    view = ReportView(report, lang, store)
    if output_format == "html":
        from .report_html import render_html  # matplotlib and Jinja only when a page is made

        return render_html(view)
    from .report_text import render_text

    return render_text(view)
