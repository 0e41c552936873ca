"""Notices in a build: the instant its pages are built for (without JavaScript a page shows the notices
in effect then, so their ids key the preview's page cache), and the live support-status.json published
beside the pages (the previous build's kept; its problems as warnings in MkDocs' log)."""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from ..hours.clock import build_instant
from ..hours.live_file import keep_for_build
from ..hours.status import ids_in_effect
from ..hours.support import SupportConfig

log = logging.getLogger("mkdocs.plugins.helpgen")


class BuildNotices:
    def __init__(self, support: SupportConfig | None = None) -> None:
        self.support = support
        self.now = build_instant(support.timezone) if support else dt.datetime.now(dt.timezone.utc)

    def ids(self) -> list[str]:
        """The ids of support.yml's notices that pages built now show."""
        return ids_in_effect(self.support, self.now) if self.support else []

    def publish(self, site_dir: Path, previous_site: Path | None) -> None:
        for problem in keep_for_build(self.support.live_status, site_dir, previous_site) if self.support else ():
            log.warning(f"{problem} (the live file is kept as it is) [status-invalid]")
