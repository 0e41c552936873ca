"""Build progress: a live "pages done / total" line for people at a terminal, silence for CI logs.

A build run by CI writes to a pipe or a file, where a line redrawn a thousand times is noise: there the
reporter prints nothing and the CLI prints one summary line at the end. No site engine import here.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

REDRAW_EVERY_S = 0.1  # a terminal redraws fast, but 10 updates a second is all an eye can follow


class Progress:
    """`start(label, total)`, then `advance(n)` as pages finish, then `finish()` to clear the line."""

    def __init__(self, stream: TextIO | None = None, live: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = _is_terminal(self.stream) if live is None else live
        self.label = ""
        self.total = 0
        self.done = 0
        self._drawn_at = 0.0
        self._shown = False

    def note(self, label: str) -> None:
        """A step without a count (reading the project, writing the search index)."""
        self.label, self.total, self.done = label, 0, 0
        if self.live:
            self.stream.write("\r\x1b[K" + label)
            self.stream.flush()
            self._shown = True

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, total, 0
        self._draw(force=True)

    def advance(self, pages: int = 1) -> None:
        self.done += pages
        self._draw(force=self.done >= self.total)

    def finish(self) -> None:
        """Erase the progress line, so that the summary (or an error) starts on a clean line."""
        if self.live and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
        self._shown = False

    def text(self) -> str:
        return f"{self.label} {self.done:,}/{self.total:,} pages"

    def _draw(self, force: bool = False) -> None:
        if not self.live or self.total <= 0:
            return
        now = time.monotonic()
        if not force and now - self._drawn_at < REDRAW_EVERY_S:
            return
        self._drawn_at = now
        self.stream.write("\r\x1b[K" + self.text())
        self.stream.flush()
        self._shown = True


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or a stand-in without isatty
        return False
