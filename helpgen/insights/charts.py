"""The HTML report's week-by-week charts, drawn by matplotlib when the report is made: SVG text inlined
into the page, so the report is one file that needs no script, font or request to show them.

Text stays text in the SVG (`svg.fonttype: none`): the browser draws the labels in the page's fonts
(Chinese included) and screen readers can read them; the colours pass 3:1 against white (WCAG 1.4.11).
The same weeks give the same bytes (fixed ids, no date in the metadata). matplotlib is imported only
here, when an HTML report is asked for.
"""
from __future__ import annotations

import io
import re
import warnings
from typing import Sequence

COLOURS = ("#1d4ed8", "#c2410c", "#047857")  # blue, orange, green: ≥ 4.5:1 on white
WIDTH_IN, HEIGHT_IN = 5.2, 2.6  # drawn about as wide as a phone shows it: its text stays readable there
_XML_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_SIZE = re.compile(r' (?:width|height)="[^"]*"')
# matplotlib's settings for these charts, only while they are drawn (the caller may draw others).
SETTINGS = {"svg.fonttype": "none", "svg.hashsalt": "helpgen-insights", "font.size": 10,
            "font.family": "sans-serif", "axes.edgecolor": "#525252", "xtick.color": "#404040",
            "ytick.color": "#404040", "text.color": "#262626"}


def weekly_chart(weeks: Sequence[str], series: Sequence[tuple[str, Sequence[int]]], title_id: str,
                 stacked: bool = False) -> str:
    """An <svg> of one bar group per week ("2026-11-02"), one bar per series (label, counts), or the
    series stacked in one bar. `title_id`: the id of the caption that names the chart."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    with rc_context(SETTINGS), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # glyphs matplotlib's own font lacks (Chinese): the browser draws them
        figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN))
        FigureCanvasSVG(figure)
        axes = figure.add_subplot()
        positions = list(range(len(weeks)))
        width = 0.8 if stacked else 0.8 / max(1, len(series))
        bottom = [0] * len(weeks)
        for number, (label, counts) in enumerate(series):
            offsets = positions if stacked else [p - 0.4 + width * (number + 0.5) for p in positions]
            axes.bar(offsets, counts, width, bottom=bottom if stacked else None, label=label,
                     color=COLOURS[number % len(COLOURS)])
            if stacked:
                bottom = [b + c for b, c in zip(bottom, counts)]
        step = max(1, len(weeks) // 8)  # at most about eight dates under the bars: they must not overlap
        axes.set_xticks(positions[::step], [week[5:] for week in weeks[::step]])
        axes.yaxis.get_major_locator().set_params(integer=True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.grid(axis="y", color="#d4d4d4", linewidth=0.6)
        axes.set_axisbelow(True)
        axes.legend(frameon=False, loc="upper left", ncols=len(series), bbox_to_anchor=(0, 1.18))
        figure.tight_layout()
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    svg = _XML_PROLOGUE.sub("", out.getvalue(), count=1)
    # Sized by the page (the viewBox keeps the proportions): readable on a phone as on a laptop.
    tag, rest = svg.split(">", 1)
    svg = _SIZE.sub("", tag) + ">" + rest
    return svg.replace("<svg ", f'<svg role="img" aria-labelledby="{title_id}" focusable="false" ', 1)
