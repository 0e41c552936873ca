"""Links written for another generator's output, rewritten to the relative .md or file link helpgen checks.

A link is rewritten only when exactly one page or file fits: `{{ site.baseurl }}/privacy/`, `/search-tips`
and `manage-settings.html` (a page's URL, not its file), an article that moved to another folder, an image
moved next to the article (`../img/panel.png` that now lives in the article's `img/`). Anything ambiguous
stays as written for a person; code spans and fenced code are never read (SourceFile.prose blanks them).
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

from ..checks.links import link_targets
from ..checks.paths import landed_path
from ..checks.project import is_markdown
from ..checks.source import SourceFile
from ..content.fields import site_path
from ..content.old_site import OldSite
from .edits import key_index
from .jekyll import liquid_links



@dataclass(frozen=True)
class LinkFix:
    line: int
    col: int  # 1-based column of the target as written
    written: str
    replacement: str
    kind: str = "link"  # how the summary counts it (fix.KIND_NAMES)
    end_line: int = 0  # set: lines line..end_line are replaced by the replacement's lines ("" removes them)
    note: str = ""  # what the change printed says instead of the replacement, when that says too little


@dataclass
class SiteMap:
    """What links may point at: page srcs, their published URLs, and the other files."""

    pages: set[str]
    urls: dict[str, str]  # src -> site path
    files: set[str]  # non-Markdown files
    redirects: dict[str, str]  # stub src -> the src it redirects to
    old: OldSite = field(default_factory=OldSite)  # the address the help center had before (previous_site)
    by_id: dict[str, str] = field(default_factory=dict)  # Zendesk article id -> src
    identities: dict[str, str] = field(default_factory=dict)  # a unique `id:`/`slug:`/name value -> src
    moved: dict[str, str] = field(default_factory=dict)  # an old site path an article's redirect_from names -> src

    def __post_init__(self) -> None:
        self.by_url = {url.rstrip("/"): src for src, url in self.urls.items()}
        self.by_stem: dict[str, list[str]] = {}
        for src in sorted(self.pages):
            self.by_stem.setdefault(posixpath.splitext(posixpath.basename(src))[0].casefold(), []).append(src)
        self.by_name: dict[str, list[str]] = {}
        for path in sorted(self.files):
            self.by_name.setdefault(posixpath.basename(path).casefold(), []).append(path)


def link_fixes(source: SourceFile, site: SiteMap) -> list[LinkFix]:
    fixes = []
    for number, text in source.prose_lines():
        if "](" not in text and "]:" not in text:
            continue
        seen = set()
        for start, written, path in liquid_links(text):  # Jekyll's {{ site.baseurl }} and relative_url
            path, _, fragment = path.partition("#")  # `{{ site.baseurl }}/article/x/#host`: the anchor stays
            target = _absolute(path, site) or _by_name(source.src, path if path != "/" else "", site)
            seen.add(start)
            if target:
                anchor = f"#{fragment}" if fragment and "#" not in target else ""
                fixes.append(LinkFix(number, start + 1, written, _relative(source.src, target) + anchor))
        for col, written in link_targets(text):
            if col - 1 in seen:
                continue
            target = _fix_target(source.src, written, site)
            if target and target != written:
                fixes.append(LinkFix(number, col, written, target))
    return fixes


def _fix_target(from_src: str, written: str, site: SiteMap) -> str | None:
    parts = urlsplit(written)
    if parts.scheme and site.old:
        return _old_site_target(from_src, written, site)
    if not written or parts.scheme or written.startswith(("//", "#", "{{", "mailto:")):
        return None
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if written.startswith("/"):
        found = _absolute(written, site) or _by_name(from_src, unquote(parts.path), site)
        return _relative(from_src, found) + ("" if "#" in found else fragment) if found else None
    path = unquote(parts.path)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_src), path))
    if resolved in site.redirects:  # a link to a redirect stub: to the page it sends visitors to
        return _relative(from_src, site.redirects[resolved]) + fragment
    if resolved in site.pages or resolved in site.files or _lands_on_page(from_src, path, site):
        return None
    found = _by_name(from_src, path, site) or _by_identity(path, site)
    return _relative(from_src, found) + fragment if found else None


def _old_site_target(from_src: str, written: str, site: SiteMap) -> str | None:
    """A full URL into the old address: the article with its Zendesk id, else the page at its path."""
    link = site.old.link(written)
    if link is None:
        return None
    found = site.by_id.get(link.zendesk[1]) if link.zendesk else _absolute("/" + link.path, site)
    if not found:
        return None
    fragment = f"#{link.fragment}" if link.fragment and "#" not in found else ""
    return _relative(from_src, found) + fragment


def _by_identity(path: str, site: SiteMap) -> str | None:
    """The one article whose `id:`, `slug:` or alternative name is the link's file name (`[x](manage-your-
    groups.html)` to the article with `id: manage-your-groups`): certain when no other article has it."""
    name = posixpath.basename(path.rstrip("/"))
    stem, ext = posixpath.splitext(name)
    key = stem if ext.lower() in (".html", ".htm", ".md") else name
    return site.identities.get(key.casefold())


IDENTITY_KEYS = ("id", "slug", "permalink")


def identity_map(sources: dict[str, SourceFile]) -> dict[str, str]:
    """Each value of an identity key (`id:`, `slug:`, a permalink's last part, an alternative name) that exactly
    one article has -> that article: what links and `related:` entries written to it name with certainty."""
    seen: dict[str, set[str]] = {}
    for src, source in sources.items():
        front = source.lines[:source.body_line - 1]
        values = [front[at].partition(":")[2].split(" #")[0].strip().strip("'\"")
                  for key in IDENTITY_KEYS if (at := key_index(front, key)) >= 0]
        values = [posixpath.basename(v.rstrip("/")) if "/" in v else v for v in values]
        values += list(source.article.more.names) if source.article else []
        for value in values:
            if value:
                seen.setdefault(value.casefold(), set()).add(src)
    return {value: next(iter(srcs)) for value, srcs in seen.items() if len(srcs) == 1}


def _lands_on_page(from_src: str, path: str, site: SiteMap) -> bool:
    """A link MkDocs leaves alone that the browser resolves to a page of ours (links.py accepts it)."""
    if is_markdown(path):
        return False
    return landed_path(site.urls.get(from_src, ""), path) in site.by_url


def _absolute(written: str, site: SiteMap) -> str | None:
    """A site-absolute link -> the src of the page or file it names."""
    parts = urlsplit(written)
    path = unquote(parts.path)
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    file = path.lstrip("/")
    if file in site.files or file in site.pages:
        return file + fragment
    url = site_path(path.removesuffix(".html") if path.endswith(".html") else path)
    if url is None:
        return None
    src = site.by_url.get(url.rstrip("/")) or site.moved.get(url.rstrip("/"))  # its old URL: the site says where
    if src in site.redirects:
        src = site.redirects[src]
    return src + fragment if src else None


def _by_name(from_src: str, path: str, site: SiteMap) -> str | None:
    """The one page with the link's file name (.html, .md or none), or the one file with its name, preferring
    files below the article's own folder (images moved next to it)."""
    name = posixpath.basename(path.rstrip("/"))
    stem, ext = posixpath.splitext(name)
    if ext.lower() in ("", ".html", ".htm") or is_markdown(name):
        candidates = site.by_stem.get((stem if ext else name).casefold(), [])
        return candidates[0] if len(candidates) == 1 else None
    candidates = site.by_name.get(name.casefold(), [])
    if len(candidates) > 1:
        folder = posixpath.dirname(from_src)
        candidates = [c for c in candidates if c.startswith(folder + "/" if folder else "")]
    return candidates[0] if len(candidates) == 1 else None


def _relative(from_src: str, target: str) -> str:
    """A Markdown link target from one file to another: %-escaped where a name has spaces (`Getting%20started/`),
    which a Markdown link cannot hold as they are."""
    path, _, fragment = target.partition("#")
    rel = quote(posixpath.relpath(path, posixpath.dirname(from_src) or "."), safe="/._-~()!$&'*+,;=@")
    return rel + (f"#{fragment}" if fragment else "")
