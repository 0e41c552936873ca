"""Broken relative links and `#anchors`, resolved the way MkDocs resolves them, without rendering.

A link to a `.md` file is resolved against the linking file's folder, as MkDocs does. Any other
relative link is left as written by MkDocs, so the browser resolves it against the page's URL; we do
the same and accept it only if it lands on a page or a file of the site. External links (with a
scheme, or //host) and absolute /paths are not checked: they depend on where the site is hosted.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from typing import Callable, Iterator
from urllib.parse import unquote

from ..errors import Problem, did_you_mean
from .paths import landed_path, page_url
from .project import is_markdown
from .rules import finding
from .source import SourceFile

# [text](target "title") and ![alt](target); targets may hold balanced parentheses or be in <…>.
_INLINE = re.compile(r"!?\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\]\(\s*(<[^>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))*)"
                     r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*(<[^>\n]*>|\S+)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def link_targets(text: str) -> Iterator[tuple[int, str]]:
    """(1-based column, target) of each Markdown link, image and reference definition on a line."""
    for pattern in (_INLINE, _REFERENCE):
        for match in pattern.finditer(text):
            target = match.group(1)
            col = match.start(1) + 1
            if target.startswith("<") and target.endswith(">"):
                target, col = target[1:-1], col + 1
            yield col, target


@dataclass
class SiteIndex:
    """What a link can point at: the sources, the other files, the generated pages, and their URLs."""

    pages: dict[str, SourceFile]  # readable Markdown sources
    files: set[str]  # every file in the content folder (pages, images, downloads)
    generated: set[str]  # pages the build writes itself (their anchors are the theme's)
    use_directory_urls: bool
    anchors_of: Callable[[SourceFile], set[str]]
    urls: dict[str, str] | None = None  # src -> published site path, permalinks applied
    fallback: frozenset[str] = frozenset()  # a translation's links may reach the default language's pages
    heading_ids: bool = True  # `## Title {#id}` works (attr_list is on): hints may suggest it

    def __post_init__(self) -> None:
        all_pages = set(self.pages) | self.generated | {f for f in self.files if is_markdown(f)}
        self.page_srcs = all_pages
        urls = self.urls or {}
        self.by_url = {urls.get(src, page_url(src, self.use_directory_urls)).rstrip("/"): src
                       for src in sorted(all_pages)}
        self._anchor_cache: dict[str, set[str]] = {}

    def anchors(self, src: str) -> set[str] | None:
        source = self.pages.get(src)
        if source is None:
            return None
        if src not in self._anchor_cache:
            self._anchor_cache[src] = self.anchors_of(source)
        return self._anchor_cache[src]


# Raw HTML that links or loads a file: MkDocs leaves these as written, so the browser resolves them
# against the page's URL. Values with template syntax are template-tag's (template_rules.py).
_HTML_LINK = re.compile(r"""<(?:a|img|source|video|audio|track|embed|iframe)\b[^>]*?\s(?:href|src)\s*=\s*"""
                        r"""(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def html_targets(text: str) -> Iterator[tuple[int, str]]:
    """(1-based column, target) of each href/src in raw HTML on a line."""
    if "<" in text and ("href" in text or "src" in text):
        for match in _HTML_LINK.finditer(text):
            group = 1 if match.group(1) is not None else 2
            yield match.start(group) + 1, match.group(group)


def check_links(sources: list[SourceFile], site: SiteIndex) -> Iterator[Problem]:
    for source in sources:
        for number, col, target in source_links(source):
            yield from _check_target(source, number, col, target, site)
        for number, text in source.prose_lines():
            for col, target in html_targets(text):
                yield from _check_html_target(source, number, col, target, site)


def _check_html_target(source: SourceFile, number: int, col: int, target: str, site: SiteIndex) -> Iterator[Problem]:
    target = html.unescape(target).strip()
    if not target or ":" in target.split("/")[0] or target.startswith(("/", "\\", "{", "#")) or "{{" in target:
        return  # external (or a script: javascript-link's), site-absolute, a template's, or this page's anchor
    path, _, fragment = target.partition("#")
    path = unquote(path.partition("?")[0])
    where = source.at(number, col)
    base = page_url(source.src, site.use_directory_urls)
    landed = landed_path(base, path)
    if landed in site.by_url or landed.rstrip("/") in site.by_url:
        if fragment:
            yield from check_anchor(source, site.by_url[landed.rstrip("/")], fragment, where, site)
        return
    if landed in site.files and not is_markdown(landed):
        return
    beside = posixpath.normpath(posixpath.join(posixpath.dirname(source.src), path))
    if is_markdown(path):
        hint = "MkDocs does not rewrite links in raw HTML: write a Markdown link [text](" + path + ") instead"
    elif beside in site.files or beside in site.page_srcs:
        hint = (f"raw HTML is resolved by the browser from the page's URL (/{base}), not from the file: "
                "`helpgen check --fix` rewrites it")
    else:
        hint = _suggest_page(source.src, beside, site)
    yield finding("broken-link", where, f'"{path}" in raw HTML leads to no page or file of this site', hint)


def source_links(source: SourceFile) -> list[tuple[int, int, str]]:
    """(line, column, target) of every link in the prose; kept on the source, which serve's cache reuses."""
    if "links" not in source.memo:
        source.memo["links"] = [(number, col, target) for number, text in source.prose_lines()
                                if "]" in text  # no link on this line: skip the regexes
                                for col, target in link_targets(text)]
    return source.memo["links"]


def _check_target(source: SourceFile, number: int, col: int, target: str, site: SiteIndex) -> Iterator[Problem]:
    if not target or _SCHEME.match(target) or target.startswith(("/", "\\", "{{")):
        return  # external, absolute, or a variable's link: not ours to resolve
    path, _, fragment = target.partition("#")
    path = unquote(path.partition("?")[0])
    where = source.at(number, col)
    if not path:
        if fragment:
            yield from check_anchor(source, source.src, fragment, where, site)
        return
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source.src), path))
    if resolved in site.page_srcs or resolved in site.files:
        if fragment and is_markdown(resolved):
            yield from check_anchor(source, resolved, fragment, where, site)
        return
    if resolved in site.fallback:
        return  # not translated yet: the build links the default language's page (links_to_default)
    if not is_markdown(path):
        # Left as written by MkDocs: the browser resolves it against this page's URL.
        landed = landed_path(page_url(source.src, site.use_directory_urls), path)
        if landed in site.by_url:
            if fragment:
                yield from check_anchor(source, site.by_url[landed], fragment, where, site)
            return
        if landed in site.files:
            return
    yield finding("broken-link", where, f'link target "{path}" does not exist'
                  + (" (it points outside the content folder)" if resolved.startswith("..") else ""),
                  _suggest_page(source.src, resolved, site))


def links_to_default(markdown: str, src: str, exists: Callable[[str], bool], in_default: Callable[[str], bool],
                     from_folder: str, default_folder: str) -> str:
    """A translation's Markdown with each link to a page its language does not have (yet) pointed at
    the default language's page instead: a Danish article may link the policy that is only in English.
    `src` is the file's path inside its language folder `from_folder`; code is left alone."""
    from ..content.variables import lines_outside_code

    lines = []
    for _, line, in_code in lines_outside_code(markdown):
        if not in_code and ("](" in line or "]:" in line):
            for col, target in sorted(link_targets(line), reverse=True):
                path, sep, fragment = target.partition("#")
                if not path or not is_markdown(path) or _SCHEME.match(path) or path.startswith("/"):
                    continue
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), unquote(path)))
                if exists(resolved) or not in_default(resolved):
                    continue
                moved = posixpath.relpath(f"{default_folder}/{resolved}", posixpath.dirname(f"{from_folder}/{src}"))
                line = line[:col - 1] + moved + sep + fragment + line[col - 1 + len(target):]
        lines.append(line)
    return "\n".join(lines)


def _suggest_page(from_src: str, resolved: str, site: SiteIndex) -> str:
    name = posixpath.basename(resolved)
    same_name = [p for p in sorted(site.page_srcs) if posixpath.basename(p).casefold() in
                 (name.casefold(), f"{name}.md".casefold())]
    folder = posixpath.dirname(from_src) or "."
    if same_name:
        return f'did you mean "{posixpath.relpath(same_name[0], folder)}"? Links are relative to this file'
    by_name = {posixpath.basename(p): p for p in sorted(site.page_srcs, reverse=True)}
    close = did_you_mean(name, by_name)
    if close.startswith("did you mean"):
        target = by_name[close.split('"')[1]]
        return f'did you mean "{posixpath.relpath(target, folder)}"? Links are relative to this file'
    return "link to the article's .md file, relative to this file (e.g. ../returns/how-do-i-return-an-item.md)"


def check_anchor(source: SourceFile, target_src: str, fragment: str, where, site: SiteIndex) -> Iterator[Problem]:
    anchors = site.anchors(target_src)
    fragment = unquote(fragment)
    if anchors is None or fragment in anchors or fragment.startswith((":~:", "!")):
        return  # a generated page's anchors belong to the theme; `#:~:text=` and `#!` are for scripts and browsers
    page = "this page" if target_src == source.src else target_src
    anchors = anchors - getattr(anchors, "old", frozenset())  # old ids answer, but are not suggested
    close = did_you_mean(fragment, anchors) if anchors else ""
    if not close.startswith("did you mean"):
        shown = sorted(anchors)[:8]
        close = ("anchors there: " + ", ".join(f"#{a}" for a in shown) + (", …" if len(anchors) > 8 else "")
                 if anchors else "that page has no headings")
    if any(re.fullmatch(r"_\d+", a) for a in anchors) and all(a.isascii() for a in anchors):
        # The site's own toc slugify (mkdocs.yml) drops the letters ASCII has not: say what it does instead.
        close += "; headings without Latin letters get the ids _1, _2, …" + (
            ": give one its own with `## 标题 {#my-id}`" if site.heading_ids else
            ": link to that number, or turn on attr_list in mkdocs.yml to give a heading its own id")
    yield finding("broken-anchor", where, f'"#{fragment}" is not a heading or id on {page}', close)
