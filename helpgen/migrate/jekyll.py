"""Jekyll's ways of writing a link to the site's own pages, which helpgen (running no Liquid) reads as the
site paths they stand for, so `--fix` can write them as links that work:

- in Markdown: `[x]({{ site.baseurl }}/privacy/)` and `[x]({{ "/privacy/" | relative_url }})` (a path with
  spaces inside the braces, which Markdown link syntax alone does not parse);
- in raw HTML, which MkDocs never rewrites: `<a href="{{ site.baseurl }}/settings/">`,
  `<source src="{{ site.baseurl }}/videos/x.mp4">` (html_links.py gives them the built page's URL).
"""
from __future__ import annotations

import re

_LIQUID_LINK = re.compile(
    r"\]\(\s*(\{\{-?\s*site\.baseurl\s*-?\}\}([^\s)]*)"
    r"|\{\{-?\s*[\"']([^\"']*)[\"']\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\})")
_BASEURL = re.compile(r"^\{\{-?\s*site\.baseurl\s*-?\}\}")


def liquid_links(text: str) -> list[tuple[int, str, str]]:
    """(0-based column, the target as written, the site path it stands for) of each Liquid Markdown link."""
    found = []
    for match in _LIQUID_LINK.finditer(text):
        path = match.group(2) if match.group(2) is not None else match.group(3)
        found.append((match.start(1), match.group(1), path or "/"))
    return found


def baseurl_path(written: str) -> str | None:
    """The site path a raw HTML value `{{ site.baseurl }}/x/` stands for, or None when it is no such value."""
    match = _BASEURL.match(written)
    return (written[match.end():] or "/") if match else None
