"""YAML parsed into values that remember where they came from, read strictly.

PyYAML's plain `safe_load` loses line numbers, keeps the last of duplicate keys and silently turns
`17:30` into 1050, `NO` into False and `2026-12-24` into a date. Writers need every one of those
reported at its line, so we compose the node graph ourselves and resolve scalars one by one.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterator

import yaml

from .errors import HelpgenError, Location, Problem, did_you_mean


@dataclass(frozen=True)
class Node:
    """A YAML value with its source location. Mappings hold `dict[str, Node]`, sequences `list[Node]`."""

    value: Any
    loc: Location
    raw: str = ""  # the scalar as written, for messages
    quoted: bool = False
    key_loc: Location | None = None  # where its key stands, for "missing" and "unknown key" messages
    comment: str = ""  # a plain scalar's same-line comment: `title: Update #2` reads "Update", comment "2"

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_sequence(self) -> bool:
        return isinstance(self.value, list)

    def plain(self) -> Any:
        """The value with locations stripped (for tests and JSON)."""
        if self.is_mapping:
            return {k: v.plain() for k, v in self.value.items()}
        if self.is_sequence:
            return [v.plain() for v in self.value]
        return self.value


# libyaml's parser when PyYAML was built with it: a third of `helpgen check` time on 5,000 articles was
# the pure-Python parser. Both give the same nodes and marks; only some error wordings differ.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# An alias (`*name`) repeats its anchor's whole value: nine aliases of nine aliases of … ("billion
# laughs") are a few lines that expand to a billion values. libyaml composes aliases as shared nodes,
# so composing is cheap; converting counts every value it makes and stops at this many.
MAX_VALUES = 100_000


class _Budget:
    def __init__(self, file: str, text: str = "") -> None:
        self.left, self.file = MAX_VALUES, file
        self.lines = text.split("\n")

    def spend(self, loc: Location) -> None:
        self.left -= 1
        if self.left < 0:
            raise HelpgenError.at(loc, f"this YAML expands to more than {MAX_VALUES:,} values through aliases (*name)",
                                  "write the values out instead of repeating anchors (&name) inside each other")


def parse_yaml(text: str, file: str, first_line: int = 1) -> Node | None:
    """Parse one YAML document. `first_line` is the file line the text starts at (front matter)."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        return None if root is None else _convert(loader, root, file, first_line, budget=_Budget(file, text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else first_line
        col = mark.column + 1 if mark else 0
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise HelpgenError.at(Location(file, line, col), f"invalid YAML: {problem}", _yaml_hint(problem)) from None
    except yaml.YAMLError as exc:
        raise HelpgenError.at(Location(file, first_line), f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()


def _yaml_hint(problem: str) -> str:
    if "tab" in problem or "\\t" in problem or "\t" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem or "mapping values" in problem:
        return 'quote values that contain ": " (for example  title: "Returns: how it works")'
    if "could not find expected ':'" in problem or "simple key" in problem:
        return "each line needs `key: value`; check the indentation of the line above"
    return "check the indentation and quoting around this line"


def _convert(loader: yaml.SafeLoader, node: yaml.Node, file: str, first_line: int,
             key_loc: Location | None = None, *, budget: _Budget) -> Node:
    loc = Location(file, node.start_mark.line + first_line, node.start_mark.column + 1)
    budget.spend(loc)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves `<<` merge keys
        result: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key_loc = Location(file, key_node.start_mark.line + first_line, key_node.start_mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                raise HelpgenError.at(key_loc, "a key must be a plain word", "write `name: value`")
            # Keys are read as written: `on:` or `2026-12-24:` must stay text, not True or a date.
            key = key_node.value
            if key in result:
                first = result[key].loc
                raise HelpgenError.at(
                    key_loc, f'duplicate key "{key}" (first at line {first.line})', "remove one of them"
                )
            result[key] = _convert(loader, value_node, file, first_line, key_loc, budget=budget)
        return Node(result, loc, key_loc=key_loc)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(loader, item, file, first_line, budget=budget) for item in node.value], loc,
                    key_loc=key_loc)
    try:
        value = loader.construct_object(node, deep=True)
    except ValueError:  # looks like a date or number but is none (2026-02-30): text; validators say why
        value = node.value
    comment = ""
    if not node.style and node.end_mark.line < len(budget.lines):  # plain: libyaml says "", PyYAML None
        after = budget.lines[node.end_mark.line][node.end_mark.column:]
        # `Update #2`: one space, then "#" right against the next word, reads as part of the text. A comment
        # meant as one is set apart (`always   # or business-hours`, `Europe/Copenhagen # IANA name`).
        if re.match(r" #[^\s#]", after):
            comment = after[2:].rstrip()
    return Node(value, loc, raw=node.value, quoted=node.style in ("'", '"', "|", ">"), key_loc=key_loc,
                comment=comment)


_KEY_WORD = re.compile(r"[\w.-]{1,40}")


def shown_key(key: str) -> str:
    """A key as messages quote it: its leading word. Keys are short words; a long or odd one is usually a
    line of something else (a password file given as support.yml), which a message must not repeat."""
    word = _KEY_WORD.match(key)
    shown = word.group(0) if word else ""
    return shown if shown == key else f"{shown}…"


def key_location(node: Node) -> Location:
    return node.key_loc or node.loc


class Reader:
    """Reads one YAML mapping against a declared set of keys, collecting every problem it finds.

    Unknown keys are reported with a did-you-mean; `unknown_severity` lets front matter treat them
    as warnings while support.yml treats them as errors.
    """

    def __init__(self, node: Node, path: str, problems: list[Problem], known: dict[str, str],
                 unknown_severity: str = "error"):
        self.node = node
        self.path = path  # e.g. "channels[1]" for messages
        self.problems = problems
        if not node.is_mapping:
            self.fail(node, f"{path or 'this file'} must be a mapping of `key: value` lines",
                      "known keys: " + ", ".join(known))
            self.items: dict[str, Node] = {}
            return
        self.items = node.value
        for key, value in self.items.items():
            if key not in known:
                problems.append(Problem(key_location(value), f'unknown key "{self._name(shown_key(key))}"',
                                        did_you_mean(key, known), severity=unknown_severity,
                                        rule="unknown-key"))

    def _name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, node: Node, message: str, hint: str = "") -> None:
        self.problems.append(Problem(node.loc, message, hint))

    def get(self, key: str) -> Node | None:
        return self.items.get(key)

    def require(self, key: str) -> Node | None:
        node = self.items.get(key)
        if node is None or node.value is None:
            where = key_location(node) if node is not None else self.node.loc
            self.problems.append(Problem(where, f'"{self._name(key)}" is required', f"add `{key}: …`"))
            return None
        return node

    def text(self, key: str, required: bool = False) -> str | None:
        node = self.require(key) if required else self.items.get(key)
        if node is None or node.value is None:
            return None
        return expect_text(node, self._name(key), self.problems)


def expect_text(node: Node, name: str, problems: list[Problem]) -> str | None:
    """A string, or a problem that explains which YAML 1.1 rule turned the writer's text into something else."""
    value = node.value
    if isinstance(value, str):
        if node.comment:
            full = f"{node.raw} #{node.comment}"
            problems.append(Problem(node.loc, f'{name}: YAML reads only "{node.raw}" here: " #" starts a comment',
                                    f'if "#{node.comment[:40]}" belongs to the text, put it in quotes: "{full[:80]}"',
                                    severity="warning", rule="text-cut-by-comment"))
        return value
    trap = yaml_trap(node)
    if trap:
        problems.append(Problem(node.loc, f"{name}: {trap}", f'put it in quotes: "{node.raw}"'))
    else:
        problems.append(Problem(node.loc, f"{name} must be text, not {describe(node)}", 'write e.g. `key: "text"`'))
    return None


def yaml_trap(node: Node) -> str:
    """Why an unquoted scalar did not stay text, or "" when it was not a YAML 1.1 surprise."""
    if node.quoted or node.is_mapping or node.is_sequence:
        return ""
    value = node.value
    if isinstance(value, bool):
        return f'{node.raw} was read as the boolean {str(value).lower()} (YAML 1.1 reads yes/no/on/off that way)'
    if isinstance(value, int) and ":" in node.raw:
        return f"{node.raw} was read as the number {value} (YAML 1.1 reads unquoted times as base-60 numbers)"
    if isinstance(value, (int, float)):
        return f"{node.raw} was read as a number"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{node.raw} was read as a date"
    if value is None:
        return f"{node.raw or 'an empty value'} was read as nothing (null)"
    return ""


def describe(node: Node) -> str:
    value = node.value
    if node.is_mapping:
        return "a mapping"
    if node.is_sequence:
        return "a list"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {node.raw}"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"the date {node.raw}"
    if value is None:
        return "empty"
    return f'"{node.raw}"'


def expect_date(node: Node | None, name: str, problems: list[Problem]) -> dt.date | None:
    """A YYYY-MM-DD date, written plain (YAML reads it as a date) or quoted; None when absent."""
    if node is None or node.value is None:
        return None
    value = node.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        try:  # Hugo and Jekyll write timestamps: `2017-06-29T00:00:00Z` is the day it names there
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                problems.append(Problem(node.loc, f'{name}: {value.strip()} is not a day of the calendar',
                                        "check the month and day, e.g. 2026-02-28"))
                return None
    problems.append(Problem(node.loc, f'{name}: "{node.raw}" is not a date', "write YYYY-MM-DD, e.g. 2026-11-01"))
    return None


def iter_sequence(node: Node, name: str, problems: list[Problem]) -> Iterator[tuple[int, Node]]:
    if node.value is None:
        return
    if not node.is_sequence:
        problems.append(Problem(node.loc, f"{name} must be a list", "start each item with `- `"))
        return
    yield from enumerate(node.value)
