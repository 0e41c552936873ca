"""Obsidian's Markdown, rendered by the build so a vault stays a vault: writers keep editing it in Obsidian,
and the site shows what Obsidian shows.

- `[[Page]]`, `[[Folder/Page#Heading|label]]`, `[[#Heading]]`, `[[Page#^block]]`: Markdown links to the
  file Obsidian would open (content/wikilinks.py resolves them the way Obsidian does), `#anchors` as the
  page's heading ids spell them. One that names nothing is left as written: `helpgen check` reports it.
- `![[image.png|600]]`: the image, at that width; `![[Note]]`, `![[Note#Heading]]`, `![[Note#^block]]` on a
  line of their own: that note's text, section or block, in place (as Obsidian shows embeds); other files
  (audio, video, PDF, canvas) and embeds inside a sentence: a link to them.
- `> [!tip] Title` callouts: Material's admonitions; `[!tip]-` folded, `[!tip]+` foldable and open; a type
  Obsidian does not know either (`[!Eksempel]`) is a note titled with its word, as Obsidian shows it.
- `^block-id` at the end of a block: an anchor that `[[Page#^block-id]]` lands on; `%% comments %%` are
  left out; `==highlights==` are marked.

Code blocks and code spans are left exactly as written.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from typing import Callable
from urllib.parse import quote

from ..content.headings import heading_slug
from ..content.variables import lines_outside_code, outside_code_spans
from ..content.obsidian import CALLOUT_KINDS, Vault, Wikilink, fragment_anchor, wikilinks

CALLOUT = re.compile(r"^(\s*)>\s?\[!([^\]\s]+)\]([+-]?)[ \t]*(.*?)\s*$")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp")
_BLOCK_ID = re.compile(r"(^|\s)\^([A-Za-z0-9-]+)\s*$")
_COMMENT = re.compile(r"%%.*?%%", re.DOTALL)
_HIGHLIGHT = re.compile(r"(?<![=\w])==(?=\S)(.+?)(?<=\S)==(?![=\w])")
MAX_EMBED_DEPTH = 3


@dataclass
class Notes:
    """What rendering a page needs to know about the rest of its vault."""

    vault: Vault
    body_of: Callable[[str], str | None]  # a note's Markdown without its front matter
    url_of: Callable[[str], str | None]  # a file's site path (pages: where they are published)
    callout_title: Callable[[str], str]  # a Material admonition type -> its title in the page's language


def render(markdown: str, src: str, page_url: str, notes: Notes, depth: int = 0) -> str:
    """The page's Markdown with Obsidian's syntax written as Markdown and HTML the build renders."""
    if "%%" in markdown:
        markdown = _without_comments(markdown)
    if not any(mark in markdown for mark in ("[[", "[!", "^", "==")):
        return markdown
    out: list[str] = []
    for _, line, in_code in lines_outside_code(markdown):
        if in_code:
            out.append(line)
            continue
        whole = _whole_line_embed(line)
        if whole is not None:
            out += _embedded(whole, src, page_url, notes, depth)
            continue
        out.append(outside_code_spans(line, lambda text: _inline(text, src, page_url, notes)))
    return _callouts("\n".join(out), notes.callout_title)


def _without_comments(markdown: str) -> str:
    """`%% … %%` removed from the prose (a comment may span lines); code is left alone."""
    kept: list[str] = []
    prose: list[str] = []
    for _, line, in_code in lines_outside_code(markdown):
        if not in_code:
            prose.append(line)
            continue
        if prose:
            kept.append(_COMMENT.sub("", "\n".join(prose)))
            prose = []
        kept.append(line)
    if prose:
        kept.append(_COMMENT.sub("", "\n".join(prose)))
    return "\n".join(kept)


def _inline(text: str, src: str, page_url: str, notes: Notes) -> str:
    if "[[" in text:
        for link in sorted(wikilinks(text), key=lambda w: -w.col):
            start = link.col - 1
            text = text[:start] + _link(link, src, page_url, notes) + text[start + len(link.written):]
    if "==" in text:
        text = _HIGHLIGHT.sub(lambda m: f"<mark>{m.group(1)}</mark>", text)
    if "^" in text:
        text = _BLOCK_ID.sub(lambda m: f'{m.group(1)}<span id="^{m.group(2)}"></span>', text)
    return text


def _link(link: Wikilink, src: str, page_url: str, notes: Notes) -> str:
    found = notes.vault.resolve(link.target, src).src
    if found is None:
        return link.written  # named nothing: `helpgen check` has said so, and the build stops on it
    if link.embed and found.lower().endswith(IMAGE_SUFFIXES):
        return _image(link, found, page_url, notes)
    anchor = fragment_anchor(link.fragment, heading_slug) if link.fragment else ""
    if found == src and anchor:
        return f"[{_text(link)}](#{quote(anchor)})"
    target = quote(posixpath.relpath(found, posixpath.dirname(src) or "."))
    return f"[{_text(link)}]({target}{'#' + quote(anchor) if anchor else ''})"


def _text(link: Wikilink) -> str:
    return re.sub(r"([\[\]])", r"\\\1", link.text)


def _image(link: Wikilink, found: str, page_url: str, notes: Notes) -> str:
    url = notes.url_of(found)
    if url is None:
        return link.written
    size = link.size
    alt = "" if size else link.label
    width = f' width="{size[0]}"' if size else ""
    height = f' height="{size[1]}"' if size and size[1] else ""
    return f'<img src="{html.escape(_relative(page_url, url))}" alt="{html.escape(alt)}"{width}{height}>'


def _relative(from_url: str, to_url: str) -> str:
    base = from_url if from_url == "" or from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    return quote(posixpath.relpath("/" + to_url, "/" + base))


def _whole_line_embed(line: str) -> Wikilink | None:
    stripped = line.strip()
    if not stripped.startswith("![[") or not stripped.endswith("]]"):
        return None
    found = wikilinks(stripped)
    return found[0] if len(found) == 1 and found[0].written == stripped and found[0].embed else None


def _embedded(link: Wikilink, src: str, page_url: str, notes: Notes, depth: int) -> list[str]:
    """A whole-line embed of a note: its text (or the section or block named) rendered here."""
    found = notes.vault.resolve(link.target, src).src
    if found is None or not found.lower().endswith((".md", ".markdown")) or depth >= MAX_EMBED_DEPTH or \
            (found == src and not link.fragment):
        return [outside_code_spans(link.written, lambda text: _inline(text, src, page_url, notes))]
    body = notes.body_of(found)
    part = _part(body or "", link.fragment)
    if not part.strip():
        return [_link(Wikilink(False, link.target, link.fragment, "", 1, link.written), src, page_url, notes)]
    # Its block ids stay where the note is: an id twice on one page would be no anchor at all.
    part = _rebased("\n".join(_BLOCK_ID.sub("", line) for line in part.split("\n")), found, src)
    return ["", *render(part, src, page_url, notes, depth + 1).split("\n"), ""]


_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")


def _part(body: str, fragment: str) -> str:
    """The whole note, the section under a heading (to the next heading of its level or above), or a block."""
    if not fragment:
        return body
    lines = body.split("\n")
    if fragment.startswith("^"):
        marker = re.compile(rf"(^|\s)\^{re.escape(fragment[1:])}\s*$")
        for number, line in enumerate(lines):
            if marker.search(line):
                start = number
                if not marker.sub("", line).strip():  # `^id` under a list or table: the block above it
                    start -= 1
                while start > 0 and lines[start - 1].strip():
                    start -= 1
                return "\n".join(lines[start:number + 1])
        return ""
    wanted = heading_slug(fragment, "-")
    for number, line in enumerate(lines):
        match = _HEADING.match(line)
        if match and heading_slug(match.group(2), "-") == wanted:
            level, end = len(match.group(1)), len(lines)
            for later in range(number + 1, len(lines)):
                deeper = _HEADING.match(lines[later])
                if deeper and len(deeper.group(1)) <= level:
                    end = later
                    break
            return "\n".join(lines[number + 1:end])
    return ""


_RELATIVE = re.compile(r"(\]\()(?![a-zA-Z][\w+.-]*:|/|#)([^)\s]+)")


def _rebased(text: str, from_src: str, to_src: str) -> str:
    """Relative Markdown links of an embedded note, written from the embedding page's folder."""
    def move(match: re.Match[str]) -> str:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(from_src), match.group(2)))
        return match.group(1) + posixpath.relpath(path, posixpath.dirname(to_src) or ".")
    return _RELATIVE.sub(move, text) if "](" in text else text


def _callouts(markdown: str, title_of: Callable[[str], str]) -> str:
    if "[!" not in markdown:
        return markdown
    lines = markdown.split("\n")
    out: list[str] = []
    index = 0
    code = {offset for offset, _, in_code in lines_outside_code(markdown) if in_code}
    while index < len(lines):
        match = CALLOUT.match(lines[index]) if index not in code else None
        if match is None:
            out.append(lines[index])
            index += 1
            continue
        indent, fold, title = match.group(1), match.group(3), match.group(4)
        kind = CALLOUT_KINDS.get(match.group(2).lower(), "note")
        own = match.group(2) if match.group(2).lower() not in CALLOUT_KINDS else ""
        body = []
        index += 1
        while index < len(lines) and lines[index].lstrip().startswith(">"):
            text = lines[index].lstrip()[1:]
            body.append(text[1:] if text.startswith(" ") else text)
            index += 1
        marker = "???+" if fold == "+" else "???" if fold == "-" else "!!!"
        title = title or (own[:1].upper() + own[1:] if own else title_of(kind))
        out.append(f'{indent}{marker} {kind} "{title.replace(chr(34), chr(39))}"')
        out += [f"{indent}    {line}" if line.strip() else "" for line in _callouts("\n".join(body), title_of).split("\n")]
        out.append("")
    return "\n".join(out)
