"""An article's rendered HTML -> sections (heading, anchor, plain text) for deep links and snippets.

Only the article body is read: the page template adds the contact block and article facts later, so
they never reach the index. Elements marked `data-search-exclude` (Material's convention) are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Tags after which words must not run together ("<td>a</td><td>b</td>" is "a b", not "ab").
BLOCKS = HEADINGS | {"p", "li", "td", "th", "tr", "br", "div", "pre", "blockquote", "dt", "dd", "ul", "ol",
                     "table", "hr", "section", "details", "summary", "figcaption", "img"}
SKIPPED = {"script", "style", "template", "svg"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "param",
        "track"}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Section:
    title: str  # "" for the text before the first heading
    anchor: str  # the heading's id, "" for the intro
    text: str


class _SectionParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list] = [["", "", []]]
        self.skip_depth = 0  # >0 inside an excluded element
        self.stack: list[tuple[str, bool]] = []  # (tag, starts a skipped region)
        self.heading: list[str] | None = None
        self.heading_id = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skip = (tag in SKIPPED or "data-search-exclude" in attributes
                or (tag == "a" and "headerlink" in (attributes.get("class") or "").split()))
        if tag not in VOID:
            self.stack.append((tag, skip))
            if skip:
                self.skip_depth += 1
        if self.skip_depth:
            return
        if tag in HEADINGS:
            self.heading, self.heading_id = [], attributes.get("id") or ""
        elif tag in BLOCKS:
            self._text(" ")

    def handle_startendtag(self, tag, attrs):
        if not self.skip_depth and tag in BLOCKS:
            self._text(" ")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:  # tolerate unclosed tags: pop to the matching one
            open_tag, skip = self.stack.pop()
            if skip:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if self.skip_depth:
            return
        if tag in HEADINGS and self.heading is not None:
            title = _clean("".join(self.heading))
            self.sections.append([title, self.heading_id, []])
            self.heading = None
        elif tag in BLOCKS:
            self._text(" ")

    def handle_data(self, data):
        if not self.skip_depth:
            self._text(data)

    def _text(self, data: str) -> None:
        (self.heading if self.heading is not None else self.sections[-1][2]).append(data)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def split_sections(html: str) -> list[Section]:
    """The intro (possibly empty) followed by one section per heading, in page order."""
    parser = _SectionParser()
    parser.feed(html)
    parser.close()
    return [Section(title, anchor, _clean("".join(parts))) for title, anchor, parts in parser.sections]
