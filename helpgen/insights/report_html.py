"""The report as one self-contained HTML file: tables for every section, week-by-week charts drawn
when the report is made (charts.py), inline CSS. No script, font, image or request of any kind: it can
be mailed, archived or opened offline. Every value reaches the page through Jinja's autoescaping (the
queries are what strangers typed); the charts are SVG made here from numbers and translated labels."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from .charts import weekly_chart
from .report_view import ReportView

TEMPLATES = Path(__file__).parent / "templates"


def render_html(view: ReportView) -> str:
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return environment.get_template("report.html").render(view=view, r=view.report, t=view.t,
                                                            charts=_charts(view))


def _charts(view: ReportView) -> list[tuple[str, str, Markup]]:
    """(id, caption, svg) per chart; none when the report covers no week with an event."""
    weeks = view.report.weeks
    if not any(w.searches or w.yes or w.no or w.contacts for w in weeks):
        return []
    starts = [w.start for w in weeks]
    t = view.t
    specs = [
        ("chart-searches", t("insights.chart.searches"),
         [(t("insights.col.searches"), [w.searches for w in weeks]), (t("insights.col.zero"), [w.zero_results for w in weeks]),
          (t("insights.col.clicks"), [w.clicks for w in weeks])], False),
        ("chart-votes", t("insights.chart.votes"),
         [(t("insights.col.yes"), [w.yes for w in weeks]), (t("insights.col.no"), [w.no for w in weeks])], True),
        ("chart-contacts", t("insights.chart.contacts"), [(t("insights.col.contacts"), [w.contacts for w in weeks])],
         False),
    ]
    # The SVG is made here from numbers and the translation tables' words, escaped by matplotlib.
    return [(chart_id, caption, Markup(weekly_chart(starts, series, f"{chart_id}-title", stacked)))
            for chart_id, caption, series, stacked in specs]
