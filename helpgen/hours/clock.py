"""The build's "today" and "now": what pages (upcoming holidays, overdue reviews, the notices shown without
JavaScript) are computed against."""
from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo


def build_date(timezone: str) -> dt.date:
    """Today in the company's zone, or the day SOURCE_DATE_EPOCH names (reproducible builds)."""
    return build_instant(timezone).date()


def build_instant(timezone: str) -> dt.datetime:
    """Now in the company's zone, or the instant SOURCE_DATE_EPOCH names (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), ZoneInfo(timezone))
    return dt.datetime.now(ZoneInfo(timezone))
