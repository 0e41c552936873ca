"""Front matter keys as the team wrote them -> the keys helpgen reads, and the unknown ones reported once.

An alias (mkdocs.yml `key_aliases`) is read as its target, keeping its line for messages. An unknown key
gets a did-you-mean only when the guess is close: `id` is not a typo of `hide`. Each finding carries a
group ("unknown key "id"") so a report can say it once for the 97 files that share it.
"""
from __future__ import annotations

import difflib

from ..errors import Problem
from ..yamlsource import Node, key_location
from .options import FOREIGN_KEYS, FrontMatterOptions

CLOSE_ENOUGH = 0.8  # difflib ratio: "tittle"/"title" 0.91, "catgory"/"category" 0.93; "id"/"hide" 0.67


def apply_aliases(node: Node, options: FrontMatterOptions, problems: list[Problem]) -> Node:
    if not options.key_aliases or not any(key in options.key_aliases for key in node.value):
        return node
    items: dict[str, Node] = {}
    for key, value in node.value.items():
        target = options.key_aliases.get(key, key)
        if target == "search.exclude":
            target, value = "search", Node({"exclude": value}, value.loc, key_loc=value.key_loc)
        if target in items or (target != key and target in node.value):
            problems.append(Problem(key_location(value), f'"{key}" is an alias of "{target}", which is also set',
                                    f"keep one of {key} and {target}"))
            continue
        items[target] = value
    return Node(items, node.loc, node.raw, node.quoted, node.key_loc)


def unknown_key_problems(node: Node, known: dict[str, str], options: FrontMatterOptions) -> list[Problem]:
    found = []
    stub = "redirect" in node.value or "redirect_to" in node.value
    for key, value in node.value.items():
        if key in known or key in options.extra_keys or (stub and key == "layout"):
            continue  # `layout: redirect` is how Jekyll marks a stub: nothing to say about it
        found.append(Problem(key_location(value), f'unknown key "{key}"', unknown_key_hint(key, known),
                             severity="warning", rule="unknown-key", group=f'unknown key "{key}"'))
    return found


def unknown_key_hint(key: str, known: dict[str, str]) -> str:
    if key == "layout":
        return "Jekyll's page layout: helpgen picks each page's template itself; remove it"
    if key in FOREIGN_KEYS:
        target, meaning = FOREIGN_KEYS[key]
        return (f"{key} is {meaning}: rename it to {target.split('.')[0]} (`helpgen check --fix` does), "
                f"or declare `key_aliases: {{{key}: {target}}}` in mkdocs.yml")
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=CLOSE_ENOUGH)
    if close:
        return f'did you mean "{close[0]}"?'
    return "declare it in extra_keys, or remove it"
