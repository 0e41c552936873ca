"""User-facing errors that point at a place in the user's files.

`HelpgenError` is a `click.ClickException` so the CLI prints `Error: file:line:col: message — hint`
and exits 1 with no traceback; the engine raises it without knowing it runs under a CLI.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable

import click


# Characters a terminal or a CI log would act on rather than show: control characters (a newline starts a
# line GitHub Actions reads as a `::error::` command), Unicode line separators, direction overrides.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_COMMAND_LINE = re.compile(r"^(\s*)::|##\[", re.MULTILINE)


def terminal_text(text: str, multiline: bool = False) -> str:
    """`text` as it may be printed where CI reads workflow commands: every control character written as an
    escape (a newline too, unless `multiline`), and no line that starts a command (`::error`, `##[`)."""
    allowed = "\n" if multiline else ""

    def shown(match: re.Match) -> str:
        ch = match.group(0)
        if ch in allowed:
            return ch
        code = ord(ch)
        return {"\n": "\\n", "\r": "\\r", "\t": " "}.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    text = _UNSHOWABLE.sub(shown, text)
    return _COMMAND_LINE.sub(lambda m: (m.group(1) or "") + ": :" if m.group(0).rstrip().endswith("::") else "# #[",
                             text) if "::" in text or "##[" in text else text


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

    def __post_init__(self) -> None:
        # Messages quote what writers wrote (keys, values, file names): printed as one line each, with no
        # character a terminal or CI could act on, however hostile the input.
        for name in ("message", "hint", "group"):
            value = getattr(self, name)
            if isinstance(value, str) and (_UNSHOWABLE.search(value) or "::" in value or "##[" in value):
                object.__setattr__(self, name, terminal_text(value))
        if _UNSHOWABLE.search(self.location.file):
            object.__setattr__(self, "location", Location(terminal_text(self.location.file), self.location.line,
                                                          self.location.col))

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
