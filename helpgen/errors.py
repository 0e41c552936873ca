"""User-facing errors that point at a place in the user's files.

`HelpgenError` is a `click.ClickException` so the CLI prints `Error: file:line:col: message — hint`
and exits 1 with no traceback; the engine raises it without knowing it runs under a CLI.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable

import click


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int = 0  # 1-based; 0 when the whole file is meant
    col: int = 0  # 1-based; 0 when the whole line is meant

    def __str__(self) -> str:
        parts = [self.file]
        if self.line:
            parts.append(str(self.line))
            if self.col:
                parts.append(str(self.col))
        return ":".join(parts)



@dataclass(frozen=True)
class Problem:
    """One thing wrong with the user's input. `severity` is "error" or "warning"."""

    location: Location
    message: str
    hint: str = ""
    severity: str = "error"
    rule: str = ""
    related: Location | None = None  # a second place the problem involves, e.g. the support.yml line contradicted
    group: str = ""  # findings sharing rule and group read as one line in a text report ("unknown key "id"")

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class HelpgenError(click.ClickException):
    """One or more problems that stop the build. Exit code 1 (click's default)."""

    def __init__(self, problems: Problem | Iterable[Problem]):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        if not self.problems:
            raise ValueError("HelpgenError needs at least one problem")
        super().__init__(self._text())

    @classmethod
    def at(cls, location: Location, message: str, hint: str = "") -> "HelpgenError":
        return cls(Problem(location, message, hint))

    def _text(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems:"] + [f"  {p}" for p in self.problems]
        return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest known word, or listing the known words when nothing is close."""
    choices = sorted(set(choices))
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f'did you mean "{close[0]}"?'
    return "known: " + ", ".join(choices)
