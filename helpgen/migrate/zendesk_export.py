"""A Zendesk Help Center export as the API answers it, read and checked before anything is written.

Every `.json` file under the folder is one answer, whatever its name: a list page (`{"articles": [...],
"next_page": …}`, likewise categories, sections, translations) or one object (`{"article": {...}}`, as
`GET /articles/{id}.json` answers, which is how many teams keep one file per article). An article listed
twice (in a list page and in its own file) is read once, its latest version kept.

Exports arrive from strangers and from scripts that go wrong: a file that is not JSON, is too large, or has
a value of the wrong type (`"name": 5`, `"title": null`, a section id given as a list) is an error naming
the file and the place in it (`articles[3].section_id`), never a traceback. A locale is used as a folder
name, so it must be a language code: `"locale": "../../../x"` is refused here, where it is read.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import HelpgenError, Location, Problem

MAX_FILE_BYTES = 64 * 1024 * 1024  # one API answer is a page of 100 articles; a file this large is no answer
MAX_FILES = 200_000
KINDS = {"articles": "article", "categories": "category", "sections": "section", "translations": "translation"}
_LOCALE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")


@dataclass(frozen=True)
class Record:
    """One object of the export, its fields checked; `where` says which file and which entry it came from."""

    kind: str  # article, category, section, translation
    id: int
    fields: dict[str, Any]
    where: str

    def get(self, name: str, default=None):
        value = self.fields.get(name)
        return default if value is None else value


@dataclass
class Export:
    categories: dict[int, Record] = field(default_factory=dict)
    sections: dict[int, Record] = field(default_factory=dict)
    articles: dict[int, Record] = field(default_factory=dict)
    translations: list[Record] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files that are no Help Center answer (users.json, …)


# name -> (kind of value, required); kinds: id, text, html, bool, number, texts, locale, url
SHAPES: dict[str, dict[str, tuple[str, bool]]] = {
    "category": {"id": ("id", True), "name": ("text", True), "description": ("html", False),
                 "position": ("number", False), "locale": ("locale", False), "html_url": ("url", False)},
    "section": {"id": ("id", True), "name": ("text", True), "description": ("html", False),
                "position": ("number", False), "category_id": ("id", False), "parent_section_id": ("id", False),
                "locale": ("locale", False), "html_url": ("url", False)},
    "article": {"id": ("id", True), "title": ("text", True), "body": ("html", False), "section_id": ("id", False),
                "locale": ("locale", False), "source_locale": ("locale", False), "html_url": ("url", False),
                "label_names": ("texts", False), "promoted": ("bool", False), "draft": ("bool", False),
                "position": ("number", False), "updated_at": ("text", False)},
    "translation": {"id": ("id", False), "source_id": ("id", True), "source_type": ("text", False),
                    "locale": ("locale", True), "title": ("text", False), "body": ("html", False),
                    "html_url": ("url", False), "draft": ("bool", False), "updated_at": ("text", False)},
}
_TYPE_WORDS = {"id": "a whole number (an id)", "text": "text", "html": "text (HTML)", "bool": "true or false",
               "number": "a number", "texts": "a list of texts", "locale": "a language code such as en-us",
               "url": "text (a URL)"}


def read_export(folder: Path) -> Export:
    if not folder.is_dir():
        raise HelpgenError.at(Location(str(folder)), "no such folder", "name the folder the export was saved in")
    files = sorted(p for p in folder.rglob("*.json") if p.is_file())
    if not files:
        raise HelpgenError.at(Location(str(folder)), "no Zendesk export here (no .json files)",
                              "save the Help Center API's answers (articles, sections, categories, translations; "
                              "list pages or one file per article) into this folder")
    if len(files) > MAX_FILES:
        raise HelpgenError.at(Location(str(folder)), f"{len(files)} files: more than an export holds ({MAX_FILES})",
                              "point at the folder of the Help Center export only")
    export, problems = Export(), []
    for path in files:
        data = _load(path, problems)
        if data is not _UNREAD:
            _take(data, str(path), export, problems)
    if problems:
        raise HelpgenError(problems)
    if not export.articles:
        raise HelpgenError.at(Location(str(folder)), "the export has no articles",
                              'expected files like articles.json holding {"articles": [...]}, or one '
                              '{"article": {...}} per file')
    return export


_UNREAD = object()


def _load(path: Path, problems: list[Problem]):
    shown = Location(str(path))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(shown, f"{size:,} bytes: larger than any Help Center API answer",
                                    "keep only the API's JSON answers in the export folder"))
            return _UNREAD
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(shown, f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                                "save the API's answers as they came (UTF-8 JSON)"))
    except RecursionError:
        problems.append(Problem(shown, "JSON nested too deeply to be a Help Center API answer"))
    except ValueError as exc:
        line = getattr(exc, "lineno", 0)
        problems.append(Problem(Location(str(path), line, getattr(exc, "colno", 0)), f"not JSON: {getattr(exc, 'msg', exc)}",
                                "save the API's answer as it came, one answer per file"))
    except OSError as exc:
        problems.append(Problem(shown, f"cannot read the file ({exc.strerror})"))
    return _UNREAD


def _take(data, file: str, export: Export, problems: list[Problem]) -> None:
    if not isinstance(data, dict):
        problems.append(Problem(Location(file), f"a JSON {_json_type(data)}, not a Help Center API answer",
                                'expected {"articles": [...]} (a list page) or {"article": {...}} (one article)'))
        return
    found = False
    for plural, kind in KINDS.items():
        for key, many in ((plural, True), (kind, False)):
            if key not in data:
                continue
            found = True
            items = data[key]
            if many and not isinstance(items, list):
                problems.append(Problem(Location(file), f"{key}: expected a list, got a JSON {_json_type(items)}"))
                continue
            for index, item in enumerate(items if many else [items]):
                where = f"{key}[{index}]" if many else key
                record = _record(kind, item, file, where, problems)
                if record is not None:
                    _keep(export, record)
    if not found:
        export.skipped.append(file)


def _keep(export: Export, record: Record) -> None:
    if record.kind == "translation":
        export.translations.append(record)
        return
    table = {"article": export.articles, "category": export.categories, "section": export.sections}[record.kind]
    kept = table.get(record.id)
    if kept is None or str(record.get("updated_at", "")) >= str(kept.get("updated_at", "")):
        table[record.id] = record


def _record(kind: str, item, file: str, where: str, problems: list[Problem]) -> Record | None:
    if not isinstance(item, dict):
        problems.append(Problem(Location(file), f"{where}: expected an object, got a JSON {_json_type(item)}"))
        return None
    values, ok = {}, True
    for name, (expected, required) in SHAPES[kind].items():
        value = item.get(name)
        if value is None:
            if required:
                problems.append(Problem(Location(file), f"{where}.{name}: missing" if name not in item else
                                        f"{where}.{name}: null", f"every {kind} has a {name} ({_TYPE_WORDS[expected]})"))
                ok = False
            continue
        problem = _wrong(expected, value)
        if problem:
            problems.append(Problem(Location(file), f"{where}.{name}: {problem}",
                                    f"expected {_TYPE_WORDS[expected]}"))
            ok = False
        else:
            values[name] = value
    if not ok:
        return None
    identity = values["source_id"] if kind == "translation" else values["id"]  # a translation is its source's
    return Record(kind, identity, values, f"{file}: {where}")


def _wrong(expected: str, value) -> str:
    """Why a value is not of the expected kind ("" when it is)."""
    if expected == "id":
        return "" if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else \
            f"expected an id, got {_shown(value)}"
    if expected in ("text", "html", "url"):
        return "" if isinstance(value, str) else f"expected text, got {_shown(value)}"
    if expected == "bool":
        return "" if isinstance(value, bool) else f"expected true or false, got {_shown(value)}"
    if expected == "number":
        return "" if isinstance(value, (int, float)) and not isinstance(value, bool) else f"expected a number, got {_shown(value)}"
    if expected == "texts":
        return "" if isinstance(value, list) and all(isinstance(v, str) for v in value) else \
            f"expected a list of texts, got {_shown(value)}"
    if expected == "locale":
        if not isinstance(value, str):
            return f"expected a language code, got {_shown(value)}"
        return "" if _LOCALE.match(value) else f'"{value[:40]}" is not a language code (it names a folder)'
    return ""


def _shown(value) -> str:
    return f"a JSON {_json_type(value)}" if not isinstance(value, (int, float, str)) or isinstance(value, bool) \
        else f"{json.dumps(value)[:40]}"


def _json_type(value) -> str:
    return {dict: "object", list: "list", str: "text", bool: "true/false", type(None): "null"}.get(
        type(value), "number")
