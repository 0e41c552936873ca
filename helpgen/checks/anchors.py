"""The `#anchor` ids a page will have once built, computed from its Markdown without rendering it.

Heading ids come from Python-Markdown's toc extension: helpgen's slugify, which keeps the letters of every
language (content/headings.py), or the one mkdocs.yml configures, over the heading's plain text, and its
`unique` for repeats. With helpgen's, the ids Python-Markdown's ASCII slugify gave (`_1` for a Chinese
heading) answer too. Ids already written in the page (`{#id}`, `id="…"`) are taken first, as toc does.
"""
from __future__ import annotations

import html
import re
from typing import Callable

from markdown.extensions.toc import unique

from ..content.headings import heading_slug, old_heading_ids
from ..content.variables import VARIABLE
from .source import SourceFile

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*([^}]*)\}[ \t]*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
_HTML_ID = re.compile(r"""<[A-Za-z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_INLINE_ATTR_ID = re.compile(r"\{:?[ \t]*[^}]*?(?<![\w-])#([\w-]+)[^}]*\}")
_BLOCK_ID = re.compile(r"(?:^|\s)\^([A-Za-z0-9-]+)\s*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_TAG = re.compile(r"<[^>]+>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<!\w)_+|_+(?!\w)")


def heading_lines(source: SourceFile) -> list[tuple[int, str]]:
    """(line, heading text as written) for ATX and setext headings outside fenced code."""
    found: list[tuple[int, str]] = []
    previous: tuple[int, str] | None = None
    for number, _ in source.prose_lines():
        text = source.lines[number - 1]  # as written: code spans in a heading are part of its id
        atx = _ATX.match(text)
        if atx:
            found.append((number, atx.group(2) or ""))
            previous = None
            continue
        setext = _SETEXT.match(text)
        if setext and previous and previous[0] == number - 1 and previous[1].strip() \
                and not previous[1].lstrip().startswith(("-", "*", "+", "|", ">")):
            found.append(previous)
            previous = None
            continue
        previous = (number, text)
    return found


class HeadingIds(set):
    """Every id a page carries; `old` are those kept only so that old links still land (not suggested)."""

    old: frozenset[str] = frozenset()


def page_anchors(source: SourceFile, slugify: Callable[[str, str], str], separator: str,
                 variables: dict[str, str]) -> set[str]:
    """Every id the built page will carry in its content."""
    ids = HeadingIds()
    headings: list[str | None] = []  # None: the heading has its own {#id}
    heading_numbers = {number for number, _ in heading_lines(source)}
    for number, text in heading_lines(source):
        attrs = _ATTR_LIST.search(text)
        explicit = _ATTR_ID.search(attrs.group(1)) if attrs else None
        if explicit:
            ids.add(explicit.group(1))
            headings.append(None)
        else:
            headings.append(text[:attrs.start()] if attrs else text)
    for number, text in source.prose_lines():
        if "^" in text and (block := _BLOCK_ID.search(text)):
            ids.add("^" + block.group(1))  # Obsidian's block id, an anchor once built (migrate/obsidian.py)
        for match in _HTML_ID.finditer(text):
            ids.add(html.unescape(next(g for g in match.groups() if g is not None)))
        if number not in heading_numbers:
            ids.update(m.group(1) for m in _INLINE_ATTR_ID.finditer(text))
    written = set(ids)
    names = [None if text is None else heading_plain_text(text, variables) for text in headings]
    for name in names:
        if name is not None:
            unique(slugify(name, separator), ids)
    if slugify is heading_slug:  # the ASCII ids sites built before keep answering (content/headings.py)
        ids.old = frozenset(old for old in old_heading_ids(names, written, separator) if old and old not in ids)
        ids.update(ids.old)
    return ids


def heading_plain_text(text: str, variables: dict[str, str]) -> str:
    """What toc slugifies: the heading rendered, tags stripped, entities decoded."""
    text = VARIABLE.sub(lambda m: variables.get(m.group(1), m.group(0)), text)
    text = _FOOTNOTE_REF.sub("", text)
    text = _IMAGE.sub("", text)  # an image renders as <img>, whose alt text toc drops with the tag
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _TAG.sub("", text)
    text = text.replace("`", "").replace("*", "")
    text = _EMPHASIS_UNDERSCORE.sub("", text)
    text = _ESCAPE.sub(lambda m: m.group(1), text)
    return html.unescape(" ".join(text.split()))
