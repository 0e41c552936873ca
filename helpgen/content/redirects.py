"""Redirects as content: where each page is published and what redirects where. Sources of redirects: an
article's `redirect_from:` (or Hugo's `aliases:`), and a stub file whose front matter has `redirect:`/
`redirect_to:` (it redirects from its own URL). All URLs are site paths as fields.site_path writes them
("" home, "a/b/" page, "a/b.html" file). The files a static host needs are written by migrate/redirects.py.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..errors import Location
from ..security.urls import WebURL, parse_link
from .articles import Article
from .fields import redirect_target_problem


@dataclass(frozen=True)
class Redirect:
    source: str  # the old site path
    target: str  # a site path of this site, or an external URL
    origin: Location  # where it was declared
    target_src: str = ""  # the article it leads to, when it is one of ours
    language: str = ""  # in a multi-language site, the language of the page that declared it

    @property
    def external(self) -> bool:
        return is_external(self.target)


def is_external(target: str) -> bool:
    """A redirect's target is a web URL (security.urls parsed it as one) rather than a site path, which
    never holds a colon."""
    return ":" in target.partition("#")[0]


def output_file(url: str) -> str:
    """The file a site path is written to: "a/b/" -> "a/b/index.html"."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def article_url(article: Article, default_url: str) -> str:
    return article.more.permalink if article.more.permalink is not None else default_url


def resolve_target(written: str, from_src: str, urls: dict[str, str], files: set[str]) -> tuple[str, str] | None:
    """(site path or external URL, the target article's src or "") for a stub's `redirect:`; None when
    it names nothing this site has (checked later, with the page URLs known)."""
    text = written.strip()
    if redirect_target_problem(text):
        return None
    path, _, fragment = text.partition("#")
    suffix = f"#{fragment}" if fragment else ""
    if path.endswith(".md") and not path.startswith("/") and ":" not in path:
        src = posixpath.normpath(posixpath.join(posixpath.dirname(from_src), path))
        return (urls[src] + suffix, src) if src in urls else None
    link = parse_link(text)
    if isinstance(link, WebURL):
        return link.url, ""
    by_url = {url: src for src, url in urls.items()}
    return link.path + suffix, by_url.get(link.path, "")


def writes_page(source: str) -> bool:
    """Whether a redirect gets an HTML page at its old path: only where a host serves HTML (a folder or
    .html). Any other old URL (`faq.php`) is answered by its `_redirects` rule alone, so no HTML is ever
    written into a file a browser would open as script, style or XML."""
    return source == "" or source.endswith(("/", ".html", ".htm"))
