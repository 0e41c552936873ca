"""Links in raw HTML, which MkDocs never rewrites: the browser resolves `<img src="img/panel.png">` from the
page's URL (`/settings/panel/`), not from the file, so a tree written for another generator ships them
broken. `--fix` gives each the built page's relative URL, when exactly one page or file fits: the path as
the file's own folder reads it, a Jekyll `{{ site.baseurl }}/privacy/`, or a file with that name.
"""
from __future__ import annotations

import posixpath
from urllib.parse import unquote

from ..checks.links import html_targets
from ..checks.paths import landed_path
from ..checks.project import is_markdown
from ..checks.source import SourceFile
from .jekyll import baseurl_path
from .link_fix import LinkFix, SiteMap, _absolute, _by_name
from .redirects import relative_url



def html_link_fixes(source: SourceFile, site: SiteMap) -> list[LinkFix]:
    own = site.urls.get(site.redirects.get(source.src, source.src))  # a landing page: where it moves to
    if own is None:
        return []
    fixes = []
    for number, text in source.prose_lines():
        for col, written in html_targets(text):
            url = _fixed_url(source.src, own, written.strip(), site)
            if url is not None and url != written:
                fixes.append(LinkFix(number, col, written, url))
    return fixes


def _fixed_url(from_src: str, own: str, written: str, site: SiteMap) -> str | None:
    path = baseurl_path(written)
    if path is not None:
        target = _absolute(path, site) or _by_name(from_src, path.partition("#")[0], site)
    else:
        if not written or ":" in written.split("/")[0] or written.startswith(("/", "#", "{")):
            return None
        path, _, fragment = written.partition("#")
        if _lands(own, unquote(path), site):
            return None
        beside = _beside(from_src, unquote(path))
        doc = beside.rstrip("/") + ".md"  # a Docusaurus doc's id, as its raw HTML links write it
        target = beside if beside in site.pages or beside in site.files else doc if doc in site.pages else \
            _by_name(from_src, unquote(path), site)
        target = target + (f"#{fragment}" if fragment else "") if target else None
    if not target:
        return None
    src, _, fragment = target.partition("#")
    src = site.redirects.get(src, src)
    url = site.urls.get(src, src if src in site.files else None)
    return relative_url(own, url + (f"#{fragment}" if fragment else "")) if url is not None else None


def _beside(from_src: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_src), path))


def _lands(own: str, path: str, site: SiteMap) -> bool:
    """The browser, from the page's URL, already reaches a page or file of the site."""
    landed = landed_path(own, path)
    return (landed.rstrip("/") in site.by_url or landed in site.files) and not is_markdown(path)
