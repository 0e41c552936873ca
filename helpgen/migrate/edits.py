"""Small, exact edits to a Markdown file's front matter, for the fixes: rename a key, set a value, add an
old URL to `redirect_from:`. Text is edited line by line, so comments, quoting and order stay as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """One rewrite, as `helpgen check --fix` prints it: file:line, before → after."""

    file: str
    line: int
    before: str
    after: str
    kind: str  # "link", "key", "category", "redirect", "file"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.before} → {self.after}"


_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")


def front_matter_end(lines: list[str]) -> int:
    """Index of the closing --- line, or -1 when the file has no front matter."""
    if not lines or lines[0].rstrip() != "---":
        return -1
    return next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i])), -1)


def key_index(lines: list[str], key: str) -> int:
    end = front_matter_end(lines)
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return next((i for i in range(1, end) if pattern.match(lines[i])), -1) if end > 0 else -1


def add_redirect_from(lines: list[str], old_url: str) -> tuple[int, str, str] | None:
    """Add `/old_url` to redirect_from (or aliases); (line index, before, after), or None if it is there."""
    entry = "/" + old_url.lstrip("/")
    end = front_matter_end(lines)
    if end < 0:
        lines[0:0] = ["---", f"redirect_from: [{entry}]", "---"]
        return 1, "", f"redirect_from: [{entry}]"
    for key in ("redirect_from", "aliases"):
        at = key_index(lines, key)
        if at < 0:
            continue
        head, _, value = lines[at].partition(":")
        value = value.strip()
        if entry in value or any(line.strip().lstrip("- ").strip("'\"") == entry
                                 for line in lines[at + 1:end] if line.startswith((" ", "-"))):
            return None
        before = lines[at]
        if value.startswith("[") and value.endswith("]"):
            inner = value[1:-1].strip()
            lines[at] = f"{head}: [{inner + ', ' if inner else ''}{entry}]"
        elif value:
            lines[at] = f"{head}: [{value}, {entry}]"
        else:
            last = at
            while last + 1 < end and lines[last + 1].lstrip().startswith("-"):
                last += 1
            indent = re.match(r"^\s*", lines[last]).group(0) if last > at else "  "
            lines.insert(last + 1, f"{indent}- {entry}")
            return last + 1, "", lines[last + 1].strip()
        return at, before, lines[at]
    lines.insert(end, f"redirect_from: [{entry}]")
    return end, "", lines[end]
