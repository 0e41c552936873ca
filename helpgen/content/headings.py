"""Heading ids: the letters of every language kept (`## Ofte stillede spørgsmål` -> `#ofte-stillede-spørgsmål`,
`## 常见问题` -> `#常见问题`), as GitHub, Obsidian, Docusaurus and VitePress spell them, so links written for
those keep working. Python-Markdown's default drops what has no ASCII form (`ofte-stillede-sprgsmal`, and
`_1`, `_2` for Chinese); sites built with it published those ids, so each heading also keeps its old id as
an empty anchor (`<span id="ofte-stillede-sprgsmal"></span>`) and old links still land on it.

A site that configures its own `toc: slugify:` in mkdocs.yml keeps exactly that: nothing is added.
"""
from __future__ import annotations

import html
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.extensions.toc import remove_fnrefs, render_inner_html, slugify, slugify_unicode, strip_tags, unique
from markdown.treeprocessors import Treeprocessor

_OLD_ID = "data-helpgen-old-id"
OLD_IDS = __name__  # the extension, as mkdocs.yml would name it


def heading_slug(value: str, separator: str) -> str:
    """helpgen's default heading id: lowercase words joined by the separator, letters of any script kept."""
    return slugify_unicode(value, separator)


def old_heading_ids(names: list[str | None], taken: set[str], separator: str) -> list[str | None]:
    """The id each heading got from Python-Markdown's ASCII slugify (None for a heading with its own id),
    numbered as its toc numbered them: `taken` holds the ids written in the page."""
    used, counters = set(taken), {}
    return [None if name is None else unique(slugify(name, separator), used, counters) for name in names]


class _RememberOldIds(Treeprocessor):
    """Before toc: note on each heading without an id of its own the id the ASCII slugify gave it."""

    def __init__(self, md, separator: str) -> None:
        super().__init__(md)
        self.separator = separator

    def run(self, root: etree.Element) -> None:
        taken = {el.get("id") for el in root.iter() if el.get("id")}
        headings = [el for el in root.iter() if isinstance(el.tag, str) and el.tag in _HEADINGS and not el.get("id")]
        names = [html.unescape(strip_tags(render_inner_html(remove_fnrefs(el), self.md))) for el in headings]
        for el, old in zip(headings, old_heading_ids(names, taken, self.separator)):
            el.set(_OLD_ID, old)


class _KeepOldIds(Treeprocessor):
    """After toc: an empty anchor with the old id at the start of each heading whose id changed."""

    def run(self, root: etree.Element) -> None:
        ids = {el.get("id") for el in root.iter() if el.get("id")}
        for el in root.iter():
            old = el.attrib.pop(_OLD_ID, None) if isinstance(el.tag, str) else None
            if not old or old in ids:
                continue
            ids.add(old)
            anchor = etree.Element("span", {"id": old})
            anchor.tail, el.text = el.text, None
            el.insert(0, anchor)


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class OldHeadingIds(Extension):
    """Registered by the build when helpgen's heading_slug is the toc's slugify."""

    def __init__(self, **kwargs) -> None:
        self.config = {"separator": ["-", "the toc's separator"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # toc runs at 5 (after attr_list's explicit ids at 8): remember before it, add after it.
        md.treeprocessors.register(_RememberOldIds(md, self.getConfig("separator")), "helpgen_old_ids", 6)
        md.treeprocessors.register(_KeepOldIds(md), "helpgen_keep_old_ids", 4)


def makeExtension(**kwargs) -> OldHeadingIds:  # noqa: N802 - Python-Markdown loads extensions by this name
    return OldHeadingIds(**kwargs)
