"""What the build's sanitizer will remove from an article, reported at the line that wrote it.

The build cleans every article's rendered HTML (helpgen/security/); matching patterns in Markdown could
never say exactly what that cleaning removes (a tag split over two lines, `<!-- --!>`, an attribute list,
an entity-encoded scheme). So the check renders the article with the project's Markdown extensions, asks
the very same sanitizer what it removes, and finds each removed thing back in the source to name its
line and column. Check and build agree by construction; tests/test_security.py holds them to it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

import markdown

from ..content.variables import substitute
from ..errors import HelpgenError, Location, Problem
from ..security import HtmlPolicy, Removal, removals
from ..security.sanitize import code_scheme
from .complexity import TOO_COMPLEX_HINT, RenderTooSlow, render_deadline
from .rules import finding
from .source import SourceFile

# Markdown that can produce anything the sanitizer removes: a tag, an entity, an attribute list (a `{`
# that does not start a `{{ variable }}`), a scheme, or a heading whose id could be reserved (`## __config`:
# ids come from headings, attribute lists and tags only, so `__bold__` in a paragraph needs no rendering).
# Anything else renders to plain, safe HTML.
_MAY_NEED_CLEANING = re.compile(r"[<&]|(?<!\{)\{(?!\{)|script:|data:", re.IGNORECASE)
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t].*)?$|^.+\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_RESERVED_WORDS = re.compile(r"__|helpgen|hg", re.IGNORECASE)
_TOKEN = re.compile(r"[^\s\"'()<>\[\]{}=]+")
MKDOCS_DEFAULT_EXTENSIONS = ("toc", "tables", "fenced_code")  # MkDocs always adds these


@dataclass
class Renderer:
    """Python-Markdown set up as the site engine sets it up, made once per check."""

    extensions: tuple[Any, ...] = ()
    configs: dict[str, dict] = field(default_factory=dict)
    policy: HtmlPolicy = HtmlPolicy()
    variables: dict[str, str] = field(default_factory=dict)
    _md: markdown.Markdown | None = field(default=None, repr=False)

    def render(self, text: str) -> str:
        if self._md is None:
            names = list(dict.fromkeys([*MKDOCS_DEFAULT_EXTENSIONS, *self.extensions]))
            try:
                self._md = markdown.Markdown(extensions=names, extension_configs=self.configs)
            except Exception:  # an extension that is missing or misconfigured: the build reports it
                self._md = markdown.Markdown(extensions=list(MKDOCS_DEFAULT_EXTENSIONS))
        self._md.reset()
        return self._md.convert(text)


def _reserved_heading(body: str) -> bool:
    return bool(_RESERVED_WORDS.search(body)) and any(_RESERVED_WORDS.search(m.group(0)) for m in _HEADING.finditer(body))


def check_safety(sources: list[SourceFile], renderer: Renderer) -> Iterator[Problem]:
    for source in sources:
        body = "\n".join(source.lines[source.body_line - 1:])
        if not (source.suspicious or _MAY_NEED_CLEANING.search(body) or _reserved_heading(body)):
            continue
        try:
            body = substitute(body, renderer.variables, source.file, source.body_line)
        except HelpgenError:
            pass  # unknown variables are reported by their own rule; check the text as written
        try:
            with render_deadline():  # what the build would spend on it, bounded the same way
                found = removals(renderer.render(body), renderer.policy)
        except (RenderTooSlow, RecursionError) as exc:
            reason = f"{exc}: this article is too complex to render" if isinstance(exc, RenderTooSlow) else \
                "this article is nested too deeply to render"
            yield finding("article-too-complex", source.at(source.body_line, 1), reason, TOO_COMPLEX_HINT)
            continue
        if found:
            yield from _report(source, found)


def _report(source: SourceFile, found: list[Removal]) -> Iterator[Problem]:
    locate = _Locator(source)
    for removal in found:
        reason = removal.runs_code
        if removal.kind == "element":
            at = locate.element(removal.tag)
            if reason == "script":
                yield finding("raw-script", at, "raw <script> in an article: the build removes it",
                              "remove it: articles are text; scripts belong in the theme, where they are reviewed")
            else:
                yield finding("removed-html", at, f"<{removal.tag}> is not allowed in articles: the build "
                              "removes it" + ("" if removal.tag in _NO_TEXT else " (its text stays)"),
                              _element_hint(removal.tag))
        elif removal.kind == "id":
            yield finding("reserved-id", locate.url(removal.value), f'{removal.name}="{removal.value}" on <{removal.tag}> '
                          "is a name the page's own scripts look up: the build renames it to "
                          f'"user-content-{removal.value}", so links to it break',
                          "choose another id, or for a heading give it one: `## Title {#my-id}`")
        elif reason == "handler":
            yield finding("inline-event-handler", locate.attribute(removal.name),
                          f"inline event handler {removal.name}= runs code in visitors' browsers: "
                          "the build removes it", "remove the attribute")
        elif reason == "url":
            yield finding("javascript-link", locate.url(removal.value),
                          f'a "{code_scheme(removal.value)}:" link runs code when clicked: the build removes '
                          "the link's target", "link to a page instead")
        elif removal.kind == "url":
            yield finding("removed-html", locate.url(removal.value),
                          f"{removal.name}= on <{removal.tag}> uses a kind of URL articles may not: "
                          "the build removes it", "use an http(s), mailto: or tel: URL, or a file in the "
                          "content folder")
        else:
            yield finding("removed-html", locate.attribute(removal.name),
                          f"{removal.name}= on <{removal.tag}> is not allowed in articles: the build removes it",
                          "remove the attribute (docs/security.md lists what articles may use)")


_NO_TEXT = {"iframe", "object", "embed"}  # what these hold is fallback for old browsers, not text


def _element_hint(tag: str) -> str:
    if tag in ("iframe", "object", "embed"):
        return ("to embed a video, list its https site in the helpgen plugin's `embed_domains` in mkdocs.yml "
                "and use <iframe> (docs/security.md)")
    return "remove it, or write it in Markdown (docs/security.md lists the HTML articles may use)"


class _Locator:
    """Finds a removed thing back in the article: the next occurrence after the previous one of the same
    thing, in prose first (code is shown as text, never removed), then in any line (what looked like
    code to helpgen's masking but not to Markdown, e.g. a fence inside an HTML block), else line one."""

    def __init__(self, source: SourceFile) -> None:
        self.source = source
        every = list(enumerate(source.lines[source.body_line - 1:], source.body_line))
        self.passes = (list(source.prose_lines()), every)
        self.after: dict[str, tuple[int, int]] = {}

    def _find(self, key: str, match) -> Location:
        last_line, last_col = self.after.get(key, (0, -1))
        for lines in self.passes:
            for number, text in lines:
                if number < last_line:
                    continue
                col = match(text, last_col + 1 if number == last_line else 0)
                if col is not None:
                    self.after[key] = (number, col)
                    return self.source.at(number, col + 1)
        if key in self.after:  # more removals than written occurrences (a tag Markdown repeated)
            number, col = self.after[key]
            return self.source.at(number, col + 1)
        return self.source.at(self.source.body_line, 1)

    def _regex(self, key: str, pattern: str) -> Location:
        compiled = re.compile(pattern, re.IGNORECASE)

        def match(text: str, start: int) -> int | None:
            found = compiled.search(text, start)
            return found.start() if found else None
        return self._find(key, match)

    def element(self, tag: str) -> Location:
        return self._regex(f"<{tag}", rf"<\s*{re.escape(tag)}(?![\w:-])")

    def attribute(self, name: str) -> Location:
        return self._regex(f"@{name}", rf"(?<![\w-]){re.escape(name)}(?=\s*=|[\s/>]|$)")

    def url(self, value: str) -> Location:
        wanted = _plain(value)

        def match(text: str, start: int) -> int | None:
            for token in _TOKEN.finditer(text, start):
                plain = _plain(token.group(0))
                if len(plain) > 3 and (wanted.startswith(plain) or plain.startswith(wanted)):
                    return token.start()
            return None
        return self._find(f"url:{wanted}", match)


def _plain(url: str) -> str:
    """A URL as browsers read its scheme: entities decoded, whitespace and control characters gone."""
    return "".join(ch for ch in html.unescape(url) if ch > " " and ch != "\x7f").lower()
