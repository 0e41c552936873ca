"""`{{ support.… }}` variables: unknown names, found before any page is rendered (the build would stop
on them), and variables in front matter, where nothing replaces them."""
from __future__ import annotations

import html
from typing import Iterator

from ..errors import Problem, did_you_mean
from ..content.variables import VARIABLE, find_variables
from .rules import finding
from .template_rules import LIQUID_ROOTS
from .source import SourceFile


def check_variables(sources: list[SourceFile], known: set[str]) -> Iterator[Problem]:
    for source in sources:
        body = "\n".join(source.lines[source.body_line - 1:])
        if "{{" not in body:
            continue
        for offset, col, name in find_variables(body):
            if name not in known and name.split(".")[0] not in LIQUID_ROOTS:  # template_rules reports those
                yield finding("unknown-variable", source.at(source.body_line + offset, col),
                              f'unknown variable "{name}"',
                              did_you_mean(name, known) + " (to show braces literally, put them in `backticks`)")


def check_front_matter_variables(sources: list[SourceFile], variables: dict[str, str]) -> Iterator[Problem]:
    """Front matter is data, not Markdown: a variable there would reach the page title, the search
    results and link previews exactly as typed, braces and all."""
    for source in sources:
        for number in range(2, source.body_line - 1):
            line = source.lines[number - 1]
            for match in VARIABLE.finditer(line) if "{{" in line else ():
                value = variables.get(match.group(1), "")
                if value and "\n" not in value and not value.startswith("["):
                    hint = (f'write the text itself, "{html.unescape(value)}": helpgen check reports it when it '
                            "stops matching support.yml; or move the sentence into the article's text")
                else:
                    hint = "move it into the article's text, where variables are replaced"
                yield finding("variable-in-front-matter", source.at(number, match.start() + 1),
                              f'"{match.group(0)}" in front matter is shown as written: variables are replaced '
                              "in the article's text only", hint)
