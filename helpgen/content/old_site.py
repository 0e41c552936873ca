"""The address a help center was published at before (the plugin option `previous_site`, and the site's own
`site_url`): links written as full URLs into it are links to this site's pages, and its old article URLs
keep working once the old domain points at helpgen.

An old URL reaches an article by its path (the page published there, its permalink), or, for a help center
hosted on Zendesk, by the article id in `/hc/<locale>/articles/<id>-<title>`, matched with the front matter
`id:` Zendesk-published trees keep. Each such article gets redirects from `/hc/<locale>/articles/<id>` (a
page, for any static host) and `/hc/<locale>/articles/<id>-*` (a `_redirects` rule: every old title).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..errors import Location
from ..security.urls import UnsafeLink, WebURL, parse_link
from .articles import Article
from .redirects import Redirect

ZENDESK_ARTICLE = re.compile(r"(?:^|/)hc/(?:([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,4})?)/)?articles/(\d{3,20})(?:[-/].*)?$")


@dataclass(frozen=True)
class OldLink:
    """A link into the old address: the path on it (site path form) and the #anchor."""

    path: str
    fragment: str = ""

    @property
    def zendesk(self) -> tuple[str, str] | None:
        """(locale or "", article id) when the path is a Zendesk article's."""
        match = ZENDESK_ARTICLE.search(self.path.rstrip("/"))
        return (match.group(1) or "", match.group(2)) if match else None


@dataclass(frozen=True)
class OldSite:
    """The hosts and base paths links into the old address start with (previous_site, then site_url)."""

    bases: tuple[tuple[str, str], ...] = ()  # (host without www., path prefix without slashes)

    @classmethod
    def of(cls, *addresses: str) -> OldSite:
        bases = []
        for address in addresses:
            try:
                link = parse_link(address, site=False) if address else None
            except UnsafeLink:
                continue
            if isinstance(link, WebURL):  # parse_link vetted it: urlsplit reads it as a browser does
                bases.append((link.host.lower().removeprefix("www."), urlsplit(link.url).path.strip("/")))
        return cls(tuple(dict.fromkeys(bases)))

    def __bool__(self) -> bool:
        return bool(self.bases)

    def link(self, written: str) -> OldLink | None:
        """The old address's path a full URL names, or None when it is not a link into it."""
        if not self.bases or "://" not in written:
            return None
        try:
            link = parse_link(written)
        except UnsafeLink:
            return None
        if not isinstance(link, WebURL):
            return None
        host = link.host.lower().removeprefix("www.")
        parts = urlsplit(link.url)
        path, fragment = unquote(parts.path).lstrip("/"), parts.fragment
        for base_host, base_path in self.bases:
            if host == base_host and (not base_path or path == base_path or path.startswith(base_path + "/")):
                return OldLink(path[len(base_path):].lstrip("/"), fragment)
        return None


def zendesk_id(article: Article) -> str:
    """The Zendesk article id a published tree keeps in front matter (`id: 360022234360`), or ""."""
    value = article.meta.get("id")
    text = str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    return text if text.isdigit() and len(text) >= 3 else ""


def hosted_redirects(articles: dict[str, Article], urls: dict[str, str], locales: set[str],
                     where: dict[str, Location]) -> list[Redirect]:
    """From each old Zendesk URL of an article with an `id:` (in every locale its links were written in) to
    the article: the bare `/hc/<locale>/articles/<id>` and, as a `_redirects` rule, any title after it."""
    found = []
    for src, article in sorted(articles.items()):
        number = zendesk_id(article)
        if not number or src not in urls:
            continue
        for locale in sorted(locales) or [""]:
            prefix = f"hc/{locale}/articles/{number}" if locale else f"hc/articles/{number}"
            found += [Redirect(f"{prefix}/", urls[src], where[src], src),
                      Redirect(f"{prefix}-*", urls[src], where[src], src)]
    return found
