"""Unknown `{{ support.… }}` names, found before any page is rendered (the build would stop on them)."""
from __future__ import annotations

from typing import Iterator

from ..errors import Problem, did_you_mean
from ..variables import find_variables
from .rules import finding
from .source import SourceFile


def check_variables(sources: list[SourceFile], known: set[str]) -> Iterator[Problem]:
    for source in sources:
        body = "\n".join(source.lines[source.body_line - 1:])
        if "{{" not in body:
            continue
        for offset, col, name in find_variables(body):
            if name not in known:
                yield finding("unknown-variable", source.at(source.body_line + offset, col),
                              f'unknown variable "{name}"',
                              did_you_mean(name, known) + " (to show braces literally, put them in `backticks`)")
