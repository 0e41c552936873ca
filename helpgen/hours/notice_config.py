"""support.yml's `notices:` and `live_status:`, read for support.py (which keeps the rest of the file).

    notices: [...]                  # scheduled notices (notice_schema.py); company time or offsets
    live_status: https://status.acme.example/support-status.json   # where pages fetch live notices
    live_status: false              # no live file: pages fetch nothing

Without `live_status`, pages fetch support-status.json from the site's root, which `helpgen notice`
writes into the built site.
"""
from __future__ import annotations

import re

from ..errors import Problem
from ..yamlsource import Node, expect_text
from .notice_schema import Notice, read_notices

SITE_FILE = "support-status.json"  # at the site's root
_URL = re.compile(r"^https://[^\s<>\"'`\\]+$")


def read_notice_settings(notices: Node | None, live_status: Node | None,
                         problems: list[Problem]) -> tuple[tuple[Notice, ...], str | None]:
    """The scheduled notices, and where pages fetch the live ones: SITE_FILE, an https URL, or None (never)."""
    return read_notices(notices, problems, live=False), _read_live_status(live_status, problems)


def _read_live_status(node: Node | None, problems: list[Problem]) -> str | None:
    if node is None or node.value is None:
        return SITE_FILE
    if node.value is False:
        return None
    url = expect_text(node, "live_status", problems) if node.value is not True else None
    if url is None or not _URL.match(url):
        shown = f'"{url[:80]}" is not' if url else "must be"
        problems.append(Problem(node.loc, f"live_status: {shown} an https:// URL or false",
                                "leave it out to use support-status.json at the site's root, write a full https:// "
                                "address of a file elsewhere (it must allow this site by CORS), or false for none"))
        return SITE_FILE
    return url
