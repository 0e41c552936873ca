"""Markdown inside a title (`title: About the **export profiles**`), as other help centers allow.

The page heading shows it rendered; everywhere text is wanted (<title>, sidebar, lists, search, the URL
manifest) the title is plain text. Raw HTML in a title is escaped first, so only the Markdown's own
inline tags (strong, em, code, links' text) can reach the heading.
"""
from __future__ import annotations

import html
import re

import markdown

_MARKUP = re.compile(r"[*_`\[\\]")
_TAG = re.compile(r"<[^>]+>")


def inline_title(title: str) -> tuple[str, str]:
    """(plain text, HTML) of a title; the HTML is "" when the title has no Markdown in it."""
    if not _MARKUP.search(title):
        return title, ""
    rendered = markdown.markdown(html.escape(title, quote=False)).strip()
    rendered = rendered.removeprefix("<p>").removesuffix("</p>")
    rendered = re.sub(r"<a [^>]*>(.*?)</a>", r"\1", rendered)  # a link inside the page's own heading leads nowhere
    text = html.unescape(_TAG.sub("", rendered))
    return (text, rendered) if text != title else (title, "")
