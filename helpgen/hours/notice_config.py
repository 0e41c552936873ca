"""support.yml's `notices:` and `live_status:`, read for support.py (which keeps the rest of the file).

    notices: [...]                  # scheduled notices (notice_schema.py); company time or offsets
    live_status: https://status.acme.example/support-status.json   # where pages fetch live notices
    live_status: false              # no live file: pages fetch nothing

Without `live_status`, pages fetch support-status.json from the site's root, which `helpgen notice`
writes into the built site.
"""
from __future__ import annotations

from ..errors import Problem
from ..security.urls import UnsafeLink, web_url
from ..yamlsource import Node, expect_text
from .notice_schema import Notice, read_notices

SITE_FILE = "support-status.json"  # at the site's root


def read_notice_settings(notices: Node | None, live_status: Node | None,
                         problems: list[Problem]) -> tuple[tuple[Notice, ...], str | None]:
    """The scheduled notices, and where pages fetch the live ones: SITE_FILE, an https URL, or None (never)."""
    return read_notices(notices, problems, live=False), _read_live_status(live_status, problems)


def _read_live_status(node: Node | None, problems: list[Problem]) -> str | None:
    if node is None or node.value is None:
        return SITE_FILE
    if node.value is False:
        return None
    if node.value is True:
        problems.append(Problem(node.loc, "live_status: true says nothing about where the file is", _HINT))
        return SITE_FILE
    url = expect_text(node, "live_status", problems)
    if url is None:
        return SITE_FILE
    try:
        return web_url(url, ("https",)).url
    except UnsafeLink as exc:
        problems.append(Problem(node.loc, f'live_status: "{url[:80]}" is not an https:// URL: {exc.reason}', _HINT))
        return SITE_FILE


_HINT = ("leave it out to use support-status.json at the site's root, write a full https:// address of a file "
         "elsewhere (it must allow this site by CORS), or false for none")
