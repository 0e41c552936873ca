"""Articles that Markdown would take minutes (or its whole stack) to render, refused before it sees them,
and a time budget for everything the scan cannot foresee.

Python-Markdown does most of its inline work by scanning forward from each opening bracket, `<tag` or
`](` to its closer, and nests lists and quotes by recursion. So thirty thousand `[` in one paragraph
cost minutes, and a thousand nested list items a RecursionError, well under any size limit. A linear
scan measures exactly those costs, per paragraph, and refuses an article at the line where they
explode. What it does not foresee is stopped by `render_deadline`: no article renders for longer than
RENDER_SECONDS of CPU time, in `helpgen check` or in the build.
"""
from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

RENDER_SECONDS = 5  # of the process's own CPU time: a real 1 MB article renders in about 1 s
MAX_DEPTH = 16  # quotes in quotes, lists in lists: real articles stay under 6
MAX_INDENT = 128  # columns of indentation outside code: 32 levels of four spaces
MAX_SCAN_COST = 2_000_000  # characters Markdown scans forward from openers in one paragraph (about 1 s)
MAX_FENCES = 2_000
MAX_RUN = 64 * 1024  # one paragraph's text: inline formatting costs grow faster than its length
SUSPICIOUS_RUN = 8_000  # a paragraph this long is rendered by `helpgen check` under the deadline too

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# A line that starts a block of its own (list item, table row, heading, quote, HTML block): the
# paragraph before it ends there, as far as inline formatting goes.
_BLOCK_START = re.compile(r"^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|\||#|>|</?(?:table|tr|td|th|div|ul|ol|li|p|dl|"
                          r"section|details|figure|blockquote|pre|h[1-6])\b)", re.IGNORECASE)
_QUOTES = re.compile(r"^(?:[ \t]*>)+")
_MARKERS = re.compile(r"^(?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)+")
_HTML_BLOCK = re.compile(r"<(/?)(div|section|details|blockquote|ul|ol|li|table|tr|td|th|dl|dd|figure|article|aside)"
                         r"\b[^>]*?(/?)>", re.IGNORECASE)
MAX_HTML_DEPTH = 64
_OPENERS = {"[": "]", "(": ")", "<": ">"}
_BRACKETS = re.compile(r"[\[\]()>]|<[A-Za-z/!?]")  # `<` only where a tag or an autolink could start


@dataclass(frozen=True)
class Complexity:
    problem: str = ""  # why the article is refused ("" when it is not)
    line: int = 0  # where
    suspicious: bool = False  # within the limits, but long enough that check renders it under the deadline


def scan(lines: list[str], body_line: int) -> Complexity:
    """Measure the body (lines from body_line, counted from 1) in one pass."""
    fence: str | None = None
    fences = 0
    run_start = run_chars = longest = unit = html_depth = 0
    stack: list[tuple[int, str]] = []  # (offset in the paragraph, the closer it waits for)
    cost = offset = 0

    def refused_run() -> Complexity | None:
        # Openers never closed make Markdown scan to the paragraph's end.
        total = cost + sum(offset - position for position, _ in stack)
        if total <= MAX_SCAN_COST:
            return None
        return Complexity(f"one paragraph holds so many unclosed or nested [, ]( or <tags that Markdown would "
                          f"scan {total:,} characters to render it", run_start)

    for number in range(body_line, len(lines) + 1):
        line = lines[number - 1]
        match = _FENCE.match(line)
        if fence is not None:
            closer = match.group(1) if match else ""
            if closer and closer[0] == fence[0] and len(closer) >= len(fence):
                fence = None
            continue
        if match:
            fence, fences = match.group(1), fences + 1
            if fences > MAX_FENCES:
                return Complexity(f"more than {MAX_FENCES:,} code blocks", number)
            continue
        if not line.strip():
            refused = refused_run()
            if refused:
                return refused
            stack, cost, offset, run_chars, unit = [], 0, 0, 0, 0
            continue
        if not run_chars:
            run_start = number
        if _BLOCK_START.match(line):
            unit = 0
        unit += len(line) + 1
        if unit > MAX_RUN:
            return Complexity(f"a paragraph of more than {MAX_RUN // 1024} KB in one piece, which Markdown formats "
                              "in time that grows with the square of its length", run_start)
        depth = _depth(line)
        if depth:
            return Complexity(depth, number)
        if "<" in line:
            for tag in _HTML_BLOCK.finditer(line):
                html_depth += -1 if tag.group(1) else 0 if tag.group(3) else 1
            if html_depth > MAX_HTML_DEPTH:
                return Complexity(f"HTML elements nested more than {MAX_HTML_DEPTH} deep", number)
        for found in _BRACKETS.finditer(line):
            ch, at = found.group(0)[0], offset + found.start()
            if ch in _OPENERS and (ch != "(" or (found.start() and line[found.start() - 1] == "]")):
                stack.append((at, _OPENERS[ch]))
            elif stack and ch == stack[-1][1]:
                cost += at - stack.pop()[0]
        if cost > MAX_SCAN_COST:
            return Complexity("one paragraph nests [, ]( or <tags so deep that Markdown would take minutes to "
                              "render it", run_start)
        offset += len(line) + 1
        run_chars += len(line) + 1
        longest = max(longest, unit)
    return refused_run() or Complexity(suspicious=longest > SUSPICIOUS_RUN)


def _depth(line: str) -> str:
    quotes = _QUOTES.match(line)
    if quotes and quotes.group(0).count(">") > MAX_DEPTH:
        return f"quotes nested {quotes.group(0).count('>'):,} deep (at most {MAX_DEPTH})"
    markers = _MARKERS.match(line)
    if markers and len(re.findall(r"[-*+]|\d+[.)]", markers.group(0))) > MAX_DEPTH:
        return f"lists nested more than {MAX_DEPTH} deep on one line"
    indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
    if indent > MAX_INDENT:
        return f"a line indented {indent:,} columns (more than {MAX_INDENT}): lists or quotes nested too deep"
    return ""


class RenderTooSlow(BaseException):
    """An article whose rendering passed the deadline. A BaseException, as KeyboardInterrupt is: it
    arrives between any two lines, and no `except Exception` on the way (MkDocs logs and re-raises
    those) may take it for the page's own error."""


@contextmanager
def render_deadline(seconds: float = RENDER_SECONDS) -> Iterator[None]:
    """Raise RenderTooSlow in the block once `seconds` have passed. A timer signal can only interrupt the
    main thread: elsewhere (the preview's rebuild thread) the block runs unbounded, and the scan above
    is what protects it."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        raise RenderTooSlow(f"rendering took longer than {seconds:g} s")
    # CPU time, not wall time: a busy machine (CI, the other workers) never makes a real article "too slow".
    previous = signal.signal(signal.SIGVTALRM, expired)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


TOO_COMPLEX_HINT = ("split the article, break long paragraphs with blank lines, and nest lists and quotes less "
                    "deeply; a pasted document is best converted to Markdown first")
