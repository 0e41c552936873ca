"""A Docusaurus (MDX) help center made plain Markdown by `helpgen check --fix`, with certainty only:

- `import X from '…';` lines are deleted (helpgen imports nothing);
- `<head>…</head>` blocks are deleted, with a note: helpgen writes each page's <head>, its structured data too;
- an attribute `src={useBaseUrl('img/x.png')}` or `src={require('./x.png').default}` becomes the file's URL from
  the page (`src="../img/x.png"`), when the file is in the content folder (Docusaurus' `static/` folder is
  copied into it, so `/img/x.png` stays where it was);
- a component the mkdocs.yml option `components: {Name: "snippet"}` names is replaced: `<Optional />` by its
  snippet, with `{attribute}` filled from the tag (`<PlanFeatureNote plan="business"/>`); a wrapper
  `<Provider>…</Provider>` mapped to "" loses its tags and keeps what is inside. Others stay, and
  `helpgen check` reports them, grouped by name.

Categories: a folder's `_category_.json`/`_category_.yml` becomes its index.md (title, order, description);
a `sidebars.js` beside mkdocs.yml, read as data and never run, moves each category's docs into a folder of
its own (relocate.py keeps every link and the old URLs).
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import json5
import yaml

from ..checks.project import is_markdown
from ..checks.source import SourceFile
from ..content.articles import url_name
from ..errors import HelpgenError, Location
from .edits import key_index
from .link_fix import LinkFix, SiteMap
from .relocate import Relocation, category_front

_IMPORT = re.compile(r"^\s*import\s+[\w{}, *$]+\s+from\s+['\"][^'\"]+['\"];?\s*$|^\s*import\s+['\"][^'\"]+['\"];?\s*$")
_HEAD_OPEN = re.compile(r"^\s*<head>\s*$", re.IGNORECASE)
_HEAD_CLOSE = re.compile(r"^\s*</head>\s*$", re.IGNORECASE)
_ASSET = re.compile(r"""(\w+)=\{\s*(?:useBaseUrl\(\s*(['"])([^'"]+)\2\s*\)|require\(\s*(['"])([^'"]+)\4\s*\)(?:\.default)?)\s*\}""")
_TAG_START = re.compile(r"(?<!\\)<(/?)([A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*)(?=[\s/>]|$)")
_ATTRIBUTE = re.compile(r"""([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:(["'])(.*?)\4|([^{}]*))\s*\})""")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w-]*)\}")


@dataclass(frozen=True)
class Tag:
    name: str
    line: int  # where it starts, and ends (1-based)
    end_line: int
    col: int  # 1-based column of `<` on its first line
    end_col: int  # 1-based column just after `>` on its last line
    closing: bool
    self_closing: bool
    attributes: dict


def mdx_fixes(source: SourceFile, site: SiteMap, components: dict[str, str]) -> list[LinkFix]:
    fixes: list[LinkFix] = []
    lines = dict(source.prose_lines())
    head_start = None
    for number, text in lines.items():
        if _IMPORT.match(text):
            fixes.append(LinkFix(number, 1, source.lines[number - 1], "", kind="syntax", end_line=number))
        elif _HEAD_OPEN.match(text):
            head_start = number
        elif head_start and _HEAD_CLOSE.match(text):
            fixes.append(LinkFix(head_start, 1, "<head> … </head>", "", kind="syntax", end_line=number,
                                 note="dropped: helpgen writes each page's <head>, its structured data too"))
            head_start = None
        elif "={" in text and not head_start:
            fixes += _asset_fixes(source, number, text, site)
    if components:
        fixes += _component_fixes(source, lines, components)
    return fixes


def _asset_fixes(source: SourceFile, number: int, text: str, site: SiteMap) -> list[LinkFix]:
    from .redirects import relative_url

    own = site.urls.get(source.src)
    found = []
    for match in _ASSET.finditer(text):
        written = match.group(3) or match.group(5)
        if match.group(3) is not None or written.startswith("@site/"):
            path = written.removeprefix("@site/").removeprefix("static/").lstrip("/")
        else:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(source.src), written))
        if own is None or path not in site.files:
            continue  # a file that is not in the content folder: the check reports the expression
        found.append(LinkFix(number, match.start() + 1, match.group(0),
                             f'{match.group(1)}="{relative_url(own, path)}"', kind="link"))
    return found


def tags(lines: dict[int, str]) -> list[Tag]:
    """Every MDX component tag in the prose, a tag's attributes spanning lines as JSX allows."""
    found = []
    numbers = sorted(lines)
    for index, number in enumerate(numbers):
        for start in _TAG_START.finditer(lines[number]):
            text, last, offset = lines[number][start.end():], number, start.end()
            follow = index + 1
            while ">" not in _without_strings(text) and follow < len(numbers) and follow - index < 30:
                last, offset = numbers[follow], 0
                text += "\n" + lines[last]
                follow += 1
            body = _without_strings(text)
            if ">" not in body:
                continue
            end = body.index(">")
            inside = text[:end]
            tail_line = lines[last]
            end_col = (len(tail_line) - len(text) + end + 2) if last != number else start.end() + end + 2
            found.append(Tag(start.group(2), number, last, start.start() + 1, end_col, bool(start.group(1)),
                             inside.rstrip().endswith("/"), _attributes(inside)))
    return found


def _without_strings(text: str) -> str:
    """The text with quoted values blanked, so a `>` inside an attribute value does not end the tag."""
    return re.sub(r'"[^"]*"|\'[^\']*\'', lambda m: " " * len(m.group(0)), text)


def _attributes(inside: str) -> dict:
    found = {}
    for match in _ATTRIBUTE.finditer(inside):
        value = next((g for g in (match.group(2), match.group(3), match.group(5), match.group(6)) if g is not None), "")
        found[match.group(1)] = value.strip()
    return found


def _component_fixes(source: SourceFile, lines: dict[int, str], components: dict[str, str]) -> list[LinkFix]:
    fixes = []
    for tag in tags(lines):
        snippet = components.get(tag.name)
        if snippet is None or (not tag.self_closing and snippet):
            continue  # not declared, or a wrapper whose children a snippet cannot hold: for a person
        replacement = "" if not tag.self_closing else \
            _PLACEHOLDER.sub(lambda m: tag.attributes.get(m.group(1), ""), snippet)
        first, last = source.lines[tag.line - 1], source.lines[tag.end_line - 1]
        whole = not first[:tag.col - 1].strip() and not last[tag.end_col - 1:].strip()
        if whole:
            written = "\n".join(source.lines[tag.line - 1:tag.end_line])
            fixes.append(LinkFix(tag.line, 1, written, replacement, kind="syntax", end_line=tag.end_line))
        elif tag.line == tag.end_line and "\n" not in replacement:
            fixes.append(LinkFix(tag.line, tag.col, first[tag.col - 1:tag.end_col - 1], replacement, kind="syntax"))
    return fixes


# --- categories: sidebars.js and _category_.json -------------------------------------------------------------

SIDEBARS = ("sidebars.js", "sidebars.json")
CATEGORY_FILES = ("_category_.json", "_category_.yml", "_category_.yaml")
_NUMBER_PREFIX = re.compile(r"^\d+[-_.]")


def category_plan(project_dir: Path, docs_dir: Path, tree: dict[str, list[str]], files: set[str],
                  shown_project: str) -> Relocation:
    """Docusaurus' categories for helpgen's folders: a `sidebars.js` beside mkdocs.yml (read as data, never run)
    moves each category's docs into a folder of its own; a folder's `_category_.json` titles and orders it."""
    plan = Relocation("sidebars.js")
    for src in sorted(f for f in files if posixpath.basename(f) in CATEGORY_FILES):
        folder = posixpath.dirname(src)
        data = _read_data(docs_dir / src)
        if folder and isinstance(data, dict) and f"{folder}/index.md" not in tree:
            link = data.get("link") if isinstance(data.get("link"), dict) else {}
            plan.pages[f"{folder}/index.md"] = category_front(str(data.get("label") or posixpath.basename(folder)),
                                                              _order(data.get("position")),
                                                              str(link.get("description") or data.get("description") or ""))
            plan.consumed.append(src)
    sidebars = next((project_dir / name for name in SIDEBARS if (project_dir / name).is_file()), None)
    if sidebars is None:
        plan.source = "_category_.json"
        return plan
    ids = doc_ids(tree)
    for position, (label, items) in enumerate(_top_categories(read_sidebars(sidebars, shown_project)), 1):
        folder = url_name(label)
        plan.pages.setdefault(f"{folder}/index.md", category_front(label, position))
        for section, src in _docs(items, ids, tree, ""):
            target = f"{folder}/{url_name(section) + '/' if section else ''}{posixpath.basename(src)}"
            if not section and url_name(posixpath.splitext(posixpath.basename(src))[0]) == folder:
                target = f"{folder}/index.md"  # `account-settings.md` in "Account settings": its page, same URL
            if section:
                plan.pages.setdefault(f"{folder}/{url_name(section)}/index.md", category_front(section))
            if target not in plan.moves.values() and posixpath.dirname(src) != posixpath.dirname(target):
                plan.moves[src] = target
    return plan


def _read_data(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
        return json5.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError):
        return None  # not a category file helpgen can read: it stays, and nothing is guessed


def _order(value) -> int | None:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def doc_ids(tree: dict[str, list[str]]) -> dict[str, str]:
    """Docusaurus' id of each doc -> its src: the path without extension or number prefixes, its last part
    replaced by a front matter `id:`."""
    ids: dict[str, str] = {}
    for src, lines in sorted(tree.items()):
        if not is_markdown(src):
            continue
        folder, name = posixpath.split(posixpath.splitext(src)[0])
        parts = [_NUMBER_PREFIX.sub("", p) for p in folder.split("/") if p]
        at = key_index(lines, "id")
        own = lines[at].partition(":")[2].strip().strip("'\"") if at >= 0 else ""
        ids.setdefault("/".join(parts + [own or _NUMBER_PREFIX.sub("", name)]), src)
        ids.setdefault(posixpath.splitext(src)[0], src)
    return ids


def read_sidebars(path: Path, shown_project: str):
    """The object literal a sidebars.js exports, as data (JSON5): code (a function call, a spread) is refused."""
    text = path.read_text(encoding="utf-8")
    start = _literal_start(text)
    shown = f"{shown_project}/{path.name}" if shown_project else path.name
    if start < 0:
        raise HelpgenError.at(Location(shown, 1), "no object or list of sidebars here",
                              "export the sidebars as a literal: module.exports = {docs: [...]}")
    end = _literal_end(text, start)
    try:
        return json5.loads(text[start:end])
    except ValueError as exc:
        line = text.count("\n", 0, start) + 1
        raise HelpgenError.at(Location(shown, line), f"the sidebars are code, not data: {exc}",
                              "helpgen reads sidebars.js as data and never runs it: write the categories as plain "
                              "lists, or as a _category_.json in each folder") from None


def _literal_start(text: str) -> int:
    for marker in ("module.exports", "export default", "const sidebars", "="):
        at = text.find(marker)
        if at >= 0:
            found = min((i for i in (text.find("{", at), text.find("[", at)) if i >= 0), default=-1)
            if found >= 0:
                return found
    return -1


def _literal_end(text: str, start: int) -> int:
    """Just after the bracket that closes the one at start; strings and comments are skipped."""
    depth, index, quote_char = 0, start, ""
    while index < len(text):
        char = text[index]
        if quote_char:
            if char == "\\":
                index += 1
            elif char == quote_char:
                quote_char = ""
        elif char in "'\"`":
            quote_char = char
        elif text.startswith("//", index):
            index = text.find("\n", index) if text.find("\n", index) >= 0 else len(text)
        elif text.startswith("/*", index):
            index = text.find("*/", index) + 1 if text.find("*/", index) >= 0 else len(text)
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(text)


def _top_categories(sidebars) -> list[tuple[str, list]]:
    """(label, items) of every top-level category, in every sidebar."""
    found = []
    for sidebar in (sidebars.values() if isinstance(sidebars, dict) else [sidebars]):
        if isinstance(sidebar, dict):  # {"Get started": [...], "Settings": [...]}
            found += [(str(label), items) for label, items in sidebar.items() if isinstance(items, list)]
            continue
        for item in sidebar if isinstance(sidebar, list) else []:
            if isinstance(item, dict) and item.get("type") == "category" and isinstance(item.get("items"), list):
                found.append((str(item.get("label") or "Category"), item["items"]))
    return found


def _docs(items, ids: dict[str, str], tree, section: str):
    """(section label or "", src) of each doc a category lists; a category inside it is a section (deeper
    ones are in that section too), autogenerated items are every doc in their folder."""
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str) and item in ids:
            yield section, ids[item]
        elif isinstance(item, dict):
            kind = item.get("type", "doc" if "id" in item else "")
            if kind in ("doc", "ref") and str(item.get("id")) in ids:
                yield section, ids[str(item["id"])]
            elif kind == "category":
                link = item.get("link") if isinstance(item.get("link"), dict) else {}
                if link.get("type") == "doc" and str(link.get("id")) in ids:
                    yield section or str(item.get("label", "")), ids[str(link["id"])]
                yield from _docs(item.get("items"), ids, tree, section or str(item.get("label", "")))
            elif kind == "autogenerated":
                folder = str(item.get("dirName", ".")).strip("/")
                yield from ((section, src) for src in sorted(tree) if folder in (".", "")
                            or src.startswith(folder + "/"))
