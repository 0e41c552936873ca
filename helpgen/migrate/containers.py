"""Markdown other generators extend, as the build renders it: VuePress/Docusaurus `:::warning` containers become
the admonitions Material styles (`!!! warning`), with Obsidian's and GitBook's syntax (foreign_markdown), and a
title with Markdown gets its rendered heading.

Containers are rewritten outside fenced code only; nested containers and a title after the type
(`:::tip Before you start`) are kept. The types map to Material's: danger/caution -> danger, info/important
-> info; anything else is left as written.
"""
from __future__ import annotations

import re

from ..content.variables import lines_outside_code

KINDS = {"note": "note", "tip": "tip", "info": "info", "important": "info", "warning": "warning",
         "caution": "danger", "danger": "danger", "success": "success", "details": "example"}
_OPEN = re.compile(r"^(\s*):::+\s*(\w+)\s*(.*?)\s*$")
_CLOSE = re.compile(r"^\s*:::+\s*$")


def admonitions(markdown: str, title_of=None) -> str:
    """`:::type [title]` … `:::` -> `!!! type "title"` with the body indented four spaces; without a title,
    `title_of(type)` names it (in the page's language)."""
    if ":::" not in markdown:
        return markdown
    out: list[str] = []
    depth = 0  # open containers; their bodies are indented 4 spaces each
    for _, line, in_code in lines_outside_code(markdown):
        indent = "    " * depth
        opened = None if in_code else _OPEN.match(line)
        if opened and opened.group(2).lower() in KINDS:
            kind = KINDS[opened.group(2).lower()]
            title = opened.group(3).strip().strip('"') or (title_of(kind) if title_of else "")
            out.append(f'{indent}!!! {kind}' + (f' "{_quoted(title)}"' if title else ""))
            depth += 1
        elif depth and not in_code and _CLOSE.match(line):
            depth -= 1
            out.append("")
        else:
            out.append(indent + line if line.strip() else line)
    return "\n".join(out)


def _quoted(title: str) -> str:
    return title.replace('"', "'")


def foreign_markdown(markdown: str, src: str, page_url: str, notes) -> str:
    """Everything another tool's Markdown has that the build renders: Obsidian's syntax (obsidian.py),
    GitBook's blocks (gitbook.py) and `:::` containers, titled in the page's language (`notes.callout_title`)."""
    from . import obsidian
    from .gitbook import gitbook_blocks
    from .hugo import hugo_callouts

    markdown = obsidian.render(markdown, src, page_url, notes)
    markdown = hugo_callouts(gitbook_blocks(markdown, notes.callout_title), notes.callout_title)
    return admonitions(markdown, notes.callout_title)


def heading_markdown(title_html: str) -> str:
    """The page's h1 with the title's Markdown rendered (already escaped and rendered by content/titles.py)."""
    return f"<h1>{title_html}</h1>\n\n"
