"""Code in articles: raw <script>, inline event handlers and javascript: links.

Markdown passes raw HTML through untouched and MkDocs does not sanitise it, so anything a writer (or
a pasted snippet) puts in an article runs on every visitor's browser, on the same origin as search.
Articles are text; behaviour belongs in the reviewed theme.
"""
from __future__ import annotations

import html
import re
from typing import Iterator

from ..errors import Problem
from .links import link_targets
from .rules import finding
from .source import SourceFile

_SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)
_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9:-]*(?:\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*)?/?>")
_ATTR_LIST = re.compile(r"\{:?\s[^{}]*\}|\{:?[.#][^{}]*\}")
_HANDLER = re.compile(r"(?<![\w-])(on[a-z]+)\s*=", re.IGNORECASE)
_URL_ATTR = re.compile(r"(?<![\w-])(?:href|src|action|formaction|xlink:href|data|poster|background)\s*=\s*"
                       r"(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
_DANGEROUS = ("javascript:", "vbscript:", "data:text/html")


def code_scheme(url: str) -> str | None:
    """The scheme when a browser would execute the URL, else None. Browsers drop whitespace and control
    characters inside the scheme and decode entities, so `java&#x09;script:` and ` JavaScript:` count too."""
    plain = "".join(ch for ch in html.unescape(url) if ch > " " and ch != "\x7f").lower()
    return next((scheme for scheme in _DANGEROUS if plain.startswith(scheme)), None)


def check_safety(sources: list[SourceFile]) -> Iterator[Problem]:
    for source in sources:
        for number, text in source.prose_lines():
            yield from _check_line(source, number, text)


def _may_run_code(text: str) -> bool:
    """Cheap test first: code needs a tag, an attribute list, or a scheme ending in "script:"/"data:"."""
    lower = text.lower()
    return "<" in text or "{" in text or "script" in lower or "data:" in lower or "&#" in text


def _check_line(source: SourceFile, number: int, text: str) -> Iterator[Problem]:
    if not _may_run_code(text):
        return
    for match in _SCRIPT.finditer(text):
        yield finding("raw-script", source.at(number, match.start() + 1), "raw <script> in an article",
                      "remove it: articles are text; scripts belong in the theme, where they are reviewed")
    for container in (*_TAG.finditer(text), *_ATTR_LIST.finditer(text)):
        for handler in _HANDLER.finditer(container.group(0)):
            yield finding("inline-event-handler", source.at(number, container.start() + handler.start(1) + 1),
                          f"inline event handler {handler.group(1)}= runs code in visitors' browsers",
                          "remove the attribute")
    urls = [(col, target) for col, target in link_targets(text)]
    for tag in _TAG.finditer(text):
        for attr in _URL_ATTR.finditer(tag.group(0)):
            value = attr.group(1).strip("\"'")
            urls.append((tag.start() + attr.start(1) + 1, value))
    urls += [(m.start(1) + 1, m.group(1)) for m in _AUTOLINK.finditer(text)]
    for col, url in urls:
        scheme = code_scheme(url)
        if scheme:
            yield finding("javascript-link", source.at(number, col), f'a "{scheme}" link runs code when clicked',
                          "link to a page instead")
