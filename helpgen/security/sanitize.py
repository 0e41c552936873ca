"""Cleaning rendered article HTML, and saying what the cleaning removed.

Matching patterns in Markdown cannot be made safe (a tag split over lines, `<!-- --!>`, an attribute
list, an entity-encoded scheme each slipped past one): the build cleans the HTML Markdown produced,
with the html5 parser browsers use (ammonia, through nh3). `helpgen check` runs the same cleaning and
compares it with an otherwise identical pass that removes nothing, so check and build agree.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from .policy import ID_ATTRIBUTES, ID_LIST_ATTRIBUTES, KEEP_ALL, HtmlPolicy

_CODE_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")


def sanitize(markup: str, policy: HtmlPolicy = HtmlPolicy()) -> str:
    return nh3.clean(markup, **policy.nh3_options(markup))


@dataclass(frozen=True)
class Removal:
    """One thing the policy removed: an element, an attribute, or a URL (an attribute with a bad scheme)."""

    kind: str  # "element" | "attribute" | "url" | "id" (kept, renamed: the page's scripts read that id)
    tag: str
    name: str = ""  # the attribute
    value: str = ""  # the attribute's value (the URL), decoded

    @property
    def runs_code(self) -> str:
        """Why a browser would have run it ("" when it was only not allowed): for the check's rule ids."""
        if self.kind == "element" and self.tag == "script":
            return "script"
        if self.kind == "attribute" and self.name.startswith("on"):
            return "handler"
        if self.kind in ("url", "attribute") and code_scheme(self.value):
            return "url"
        return ""


def code_scheme(url: str) -> str | None:
    """The scheme when a browser would execute the URL: whitespace and control characters inside the
    scheme are dropped by browsers, and entities decoded, so `java&#x09;script:` counts too."""
    plain = "".join(ch for ch in html.unescape(url) if ch > " " and ch != "\x7f").lower()
    return next((s.rstrip(":") for s in _CODE_SCHEMES if plain.startswith(s)), None)


def removals(markup: str, policy: HtmlPolicy = HtmlPolicy()) -> list[Removal]:
    """What `sanitize` removes from this HTML, in document order."""
    kept_html, clean_html = nh3.clean(markup, **KEEP_ALL), sanitize(markup, policy)
    if kept_html == clean_html:
        return []  # the usual case, without parsing either
    kept, clean = _tags(kept_html), _tags(clean_html)
    found: list[Removal] = []
    # The clean tree is the kept tree with elements taken out (the same html5 parse, filtered), so one walk
    # pairs them: a kept tag that is not the next clean one was removed. Linear, where a general diff of
    # the two tag lists took half a minute on a 28 KB paste from Word.
    position = 0
    for tag, before in kept:
        if position < len(clean) and clean[position][0] == tag:
            after = clean[position][1]
            position += 1
            for name, value in before.items():
                if name in after:
                    if after[name] != value and name in ID_ATTRIBUTES | ID_LIST_ATTRIBUTES:
                        found.append(Removal("id", tag, name, value))
                    continue
                kind = "url" if name in _URL_ATTRIBUTES and value and not name.startswith("on") else "attribute"
                found.append(Removal(kind, tag, name, value))
            continue
        found.append(Removal("element", tag))
        # What made the element dangerous is worth naming on its own (rule ids in `helpgen check`).
        found += [Removal("attribute", tag, name, value) for name, value in before.items() if name.startswith("on")]
        found += [Removal("url", tag, name, value) for name, value in before.items()
                  if not name.startswith("on") and code_scheme(value)]
    return found


_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite",
                   "srcset", "ping", "longdesc", "usemap", "manifest", "codebase", "lowsrc", "dynsrc"}


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag


def _tags(markup: str) -> list[tuple[str, dict[str, str]]]:
    """Start tags of html5ever's serialisation (well formed, so Python's parser reads it the same way)."""
    collector = _TagCollector()
    collector.feed(markup)
    collector.close()
    return collector.tags
