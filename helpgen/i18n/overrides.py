"""A site's own wording: `strings.yml` next to mkdocs.yml replaces any of helpgen's texts, per language.

    en:
      home.browse: Find your topic
      contact.still_need_help: Talk to a person at {organization}
    da:
      home.browse: Vælg et emne

Keys are those of helpgen/i18n/messages/en.yml (docs/languages.md lists where to find them). A text may
use fewer of the original's {placeholders}, never others: an unknown one would fail on every page.
Every problem is reported with its line before anything is built.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import HelpgenError, Location, Problem, did_you_mean
from ..yamlsource import Node, key_location, parse_yaml
from .messages import DEFAULT_LANGUAGE, PLACEHOLDER, table

DEFAULT_FILE = "strings.yml"
_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")


def load_overrides(path: Path, display_name: str) -> dict[str, dict[str, Any]]:
    """{language code: {key: text}} from a strings file; {} when there is none."""
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise HelpgenError.at(Location(display_name), f"cannot read the strings file ({exc})", "save it as UTF-8") from None
    root = parse_yaml(text, display_name)
    if root is None:
        return {}
    problems: list[Problem] = []
    found: dict[str, dict[str, Any]] = {}
    if not root.is_mapping:
        raise HelpgenError.at(root.loc, "the strings file must map language codes to texts",
                              "start with a language line, e.g.  en:")
    english = table(DEFAULT_LANGUAGE)
    for code, texts in root.value.items():
        if not _CODE.match(str(code)):
            problems.append(Problem(key_location(texts), f'"{code}" is not a language code', "use e.g. en, da, zh, zh-TW"))
            continue
        if not texts.is_mapping:
            problems.append(Problem(texts.loc, f"{code}: must map text keys to texts", "e.g.  home.browse: Find your topic"))
            continue
        found[code] = {key: value for key, node in texts.value.items()
                       if (value := _read_text(code, key, node, english, problems)) is not None}
    if problems:
        raise HelpgenError(problems)
    return found


def _read_text(code: str, key: str, node: Node, english: dict[str, Any], problems: list[Problem]) -> Any:
    where = key_location(node)
    if key not in english:
        problems.append(Problem(where, f'{code}.{key}: helpgen has no text with this key', did_you_mean(key, english)))
        return None
    original = english[key]
    if isinstance(original, dict):
        if not node.is_mapping or "other" not in node.value or set(node.value) - {"one", "other"} or \
                not all(isinstance(v.value, str) for v in node.value.values()):
            problems.append(Problem(node.loc, f"{code}.{key}: this text counts, so it needs {{one: …, other: …}}",
                                    f'e.g.  {key}: {{one: "1 …", other: "{{count}} …"}}'))
            return None
        value: Any = {form: v.value for form, v in node.value.items()}
        texts = list(value.values())
    elif isinstance(node.value, str):
        value, texts = node.value, [node.value]
    else:
        problems.append(Problem(node.loc, f"{code}.{key}: must be text", "put it in quotes"))
        return None
    allowed = set(PLACEHOLDER.findall(" ".join(original.values() if isinstance(original, dict) else [original])))
    unknown = sorted({name for text in texts for name in PLACEHOLDER.findall(text)} - allowed)
    if unknown:
        problems.append(Problem(node.loc, f"{code}.{key}: {{{unknown[0]}}} is not a placeholder of this text",
                                "use only: " + (", ".join(f"{{{a}}}" for a in sorted(allowed)) or "none")))
        return None
    return value
