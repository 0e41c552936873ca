"""Anchors that miss by a little: `[x](page.md#use-the-partition-scheme-(legacy))`, a translation's
`[[Mobilapp#Navigationslinje]]` when the heading is "Navigationslinjen", an Obsidian Markdown link written with
the heading's words (`#Skift%20visningstekst`). `--fix` rewrites one only when it is certain: the words are
the heading's, or exactly one heading of the page is close (the check's did-you-mean has no rival).
"""
from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import replace
from urllib.parse import unquote

from ..checks.anchors import heading_lines, heading_plain_text, page_anchors
from ..checks.links import link_targets
from ..checks.source import SourceFile
from ..content.obsidian import wikilinks
from ..errors import Problem
from .link_fix import LinkFix

_ON = re.compile(r"is not a heading or id on (.+)$")
CLOSE = 0.6  # the cutoff of the check's did-you-mean (errors.did_you_mean)


def anchor_fixes(source: SourceFile, problems: list[Problem], sources: dict[str, SourceFile], slugify,
                 separator: str) -> list[LinkFix]:
    fixes = []
    for problem in problems:
        on = _ON.search(problem.message) if problem.rule == "broken-anchor" else None
        if on is None or problem.location.file != source.file:
            continue
        target = sources.get(source.src if on.group(1) == "this page" else on.group(1))
        if target is None:
            continue
        headings = {_slug(slugify, heading_plain_text(text, {}), separator): heading_plain_text(text, {})
                    for _, text in heading_lines(target)}
        anchors = page_anchors(target, slugify, separator, {})
        anchors = anchors - getattr(anchors, "old", frozenset())
        line = source.lines[problem.location.line - 1]
        col = problem.location.col
        if line[col - 1:].startswith(("[[", "![[")):
            fixes += _wikilink_fix(line, problem.location.line, col, anchors, headings, slugify, separator)
        else:
            fixes += _markdown_fix(line, problem.location.line, col, anchors, slugify, separator)
    return fixes


def fragment_after_fix(source: SourceFile, fix: LinkFix, sources: dict[str, SourceFile], slugify,
                       separator: str) -> LinkFix:
    """A link --fix points at its page gets that page's anchor too, when certain: one run does both."""
    path, _, fragment = fix.replacement.partition("#")
    target = sources.get(posixpath.normpath(posixpath.join(posixpath.dirname(source.src), unquote(path))))
    if not fragment or target is None or fix.end_line:
        return fix
    anchors = page_anchors(target, slugify, separator, {})
    if unquote(fragment) in anchors:
        return fix
    anchor = certain_anchor(fragment, anchors - getattr(anchors, "old", frozenset()), slugify, separator)
    return replace(fix, replacement=f"{path}#{anchor}") if anchor else fix


def _slug(slugify, text: str, separator: str) -> str:
    return slugify(text, separator)


def certain_anchor(fragment: str, anchors: set[str], slugify, separator: str) -> str | None:
    """The anchor a missed fragment means: the slug of its words, else the only close one."""
    words = _slug(slugify, unquote(fragment).replace("-", " "), separator)
    if unquote(fragment) != words and words in anchors:
        return words
    exact = _slug(slugify, unquote(fragment), separator)
    if exact in anchors:
        return exact
    close = difflib.get_close_matches(unquote(fragment), sorted(anchors), n=2, cutoff=CLOSE)
    return close[0] if len(close) == 1 else None


def _markdown_fix(line: str, number: int, col: int, anchors, slugify, separator: str) -> list[LinkFix]:
    target = next((t for c, t in link_targets(line) if c == col), None)
    if target is None or "#" not in target:
        return []
    path, _, fragment = target.partition("#")
    anchor = certain_anchor(fragment, anchors, slugify, separator)
    return [LinkFix(number, col, target, f"{path}#{anchor}")] if anchor else []


def _wikilink_fix(line: str, number: int, col: int, anchors, headings: dict[str, str], slugify,
                  separator: str) -> list[LinkFix]:
    link = next((w for w in wikilinks(line) if w.col == col), None)
    if link is None or not link.fragment or link.fragment.startswith("^"):
        return []
    anchor = certain_anchor(_slug(slugify, link.fragment, separator), anchors, slugify, separator)
    heading = headings.get(anchor) if anchor else None
    if not heading:
        return []
    fixed = link.written.replace(f"#{link.fragment}", f"#{heading}", 1)
    return [LinkFix(number, col, link.written, fixed)] if fixed != link.written else []
