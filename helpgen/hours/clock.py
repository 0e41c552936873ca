"""The build's "today": what dates pages (upcoming holidays, overdue reviews) are computed against."""
from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo


def build_date(timezone: str) -> dt.date:
    """Today in the company's zone, or the day SOURCE_DATE_EPOCH names (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), ZoneInfo(timezone)).date()
    return dt.datetime.now(ZoneInfo(timezone)).date()
