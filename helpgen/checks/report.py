"""Findings as text for people, JSON for tools, and GitHub Actions annotations for pull requests."""
from __future__ import annotations

import dataclasses
import json
from itertools import groupby

import click

from ..errors import Problem

FORMATS = ("text", "json", "github")
_COLOURS = {"error": "red", "warning": "yellow"}
GROUP_AT = 3  # one rule's same finding in this many files reads as one line (JSON keeps every one)
SHOWN_PLACES = 3


def apply_strict(findings: list[Problem]) -> list[Problem]:
    """--strict: every warning counts as an error (CI that wants a spotless help center)."""
    return [dataclasses.replace(p, severity="error") for p in findings]


def has_errors(findings: list[Problem]) -> bool:
    return any(p.severity == "error" for p in findings)


def render(findings: list[Problem], output_format: str) -> str:
    if output_format == "json":
        return render_json(findings)
    if output_format == "github":
        return render_github(findings)
    return render_text(findings)


def summary(findings: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in findings)
    warnings = len(findings) - errors
    if not findings:
        return "No problems found."
    files = len({p.location.file for p in findings})
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(files, 'file')}."


def grouped(findings: list[Problem]) -> tuple[list[list[Problem]], list[Problem]]:
    """Findings of one rule and group in GROUP_AT files or more, each set in first-seen order, and the rest."""
    sets: dict[tuple[str, str], list[Problem]] = {}
    for problem in findings:
        if problem.group:
            sets.setdefault((problem.rule, problem.group), []).append(problem)
    repeated = [members for members in sets.values() if len({p.location.file for p in members}) >= GROUP_AT]
    in_sets = {id(p) for members in repeated for p in members}
    return repeated, [p for p in findings if id(p) not in in_sets]


def group_line(members: list[Problem]) -> str:
    """`unknown key "id" in 97 files — declare it in extra_keys, or remove it`"""
    first = members[0]
    files = len({p.location.file for p in members})
    return f"{first.group} in {files} files" + (f" — {first.hint}" if first.hint else "")


def group_places(members: list[Problem]) -> str:
    shown = ", ".join(str(p.location) for p in members[:SHOWN_PLACES])
    more = len(members) - SHOWN_PLACES
    return shown + (f", … and {more} more (--format json lists every one)" if more > 0 else "")


def render_text(findings: list[Problem]) -> str:
    """Grouped by file, one finding per line with its line:col, severity and rule, the fix indented below;
    a finding repeated across many files is said once, above. Styled with ANSI colours; click.echo removes
    them when the output is not a terminal."""
    lines: list[str] = []
    repeated, single = grouped(findings)
    for members in repeated:
        severity = click.style(f"{members[0].severity:<7}", fg=_COLOURS.get(members[0].severity), bold=True)
        lines.append(f"{severity}  {group_line(members)}  {click.style(members[0].rule, dim=True)}")
        lines.append(f"{'':9}{click.style(group_places(members), dim=True)}")
    if repeated:
        lines.append("")
    for file, group in groupby(single, key=lambda p: p.location.file):
        lines.append(click.style(file, bold=True, underline=True))
        for problem in group:
            place = f"{problem.location.line}:{problem.location.col}" if problem.location.col else \
                f"{problem.location.line or ''}"
            severity = click.style(f"{problem.severity:<7}", fg=_COLOURS.get(problem.severity), bold=True)
            lines.append(f"  {place:>7}  {severity}  {problem.message}  {click.style(problem.rule, dim=True)}")
            if problem.hint:
                lines.append(f"{'':20}{click.style('→ ' + problem.hint, fg='cyan')}")
        lines.append("")
    lines.append(click.style(summary(findings), bold=True,
                             fg="red" if has_errors(findings) else "yellow" if findings else "green"))
    return "\n".join(lines)


def as_dict(problem: Problem) -> dict:
    return {
        "file": problem.location.file,
        "line": problem.location.line,
        "col": problem.location.col,
        "rule": problem.rule,
        "severity": problem.severity,
        "message": problem.message,
        "hint": problem.hint,
        "related": str(problem.related) if problem.related else None,
    }


def render_json(findings: list[Problem]) -> str:
    """A JSON array with one object per finding (one per line, so diffs and grep stay readable)."""
    if not findings:
        return "[]"
    rows = [json.dumps(as_dict(p), ensure_ascii=False) for p in findings]
    return "[\n  " + ",\n  ".join(rows) + "\n]"


def render_github(findings: list[Problem]) -> str:
    """`::error file=…,line=…,col=…,title=…::message` workflow commands: GitHub shows them on the diff."""
    lines = []
    for problem in findings:
        level = "error" if problem.severity == "error" else "warning"
        properties = [f"file={_escape_property(problem.location.file)}"]
        if problem.location.line:
            properties.append(f"line={problem.location.line}")
        if problem.location.col:
            properties.append(f"col={problem.location.col}")
        properties.append(f"title={_escape_property('helpgen ' + problem.rule)}")
        text = f"{problem.message} — {problem.hint}" if problem.hint else problem.message
        lines.append(f"::{level} {','.join(properties)}::{_escape_data(text)}")
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
