"""Front matter written for another generator, rewritten to helpgen's: foreign keys with a known meaning
(and the team's declared key_aliases) renamed, a category's display name replaced by its id, and redirect
stubs turned into `redirect_from:` entries on the page they point at.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..checks.source import SourceFile
from ..content.articles import FRONT_MATTER_KEYS, is_category_id, url_name
from ..content.options import FOREIGN_KEYS, FrontMatterOptions
from .edits import front_matter_end, key_index

@dataclass
class KeyEdit:
    line: int  # 1-based
    before: str
    after: list[str]  # the lines that replace it
    kind: str


@dataclass
class CategoryPlan:
    """Display name -> category id; and the category index.md files to create (src -> title)."""

    ids: dict[str, str] = field(default_factory=dict)
    create: dict[str, str] = field(default_factory=dict)


def renames(options: FrontMatterOptions) -> dict[str, str]:
    """Every key --fix renames: the known foreign keys (unless the team keeps them) and declared aliases. An
    alias that remaps one of helpgen's own keys (`aliases: keywords` for a vault) is how the team reads its
    files, which other tools read too: it is never rewritten."""
    found = {key: target for key, (target, _) in FOREIGN_KEYS.items() if key not in options.extra_keys}
    found.update({key: target for key, target in options.key_aliases.items() if key not in FRONT_MATTER_KEYS})
    return found


def key_edits(source: SourceFile, options: FrontMatterOptions, categories: CategoryPlan,
              identities: dict[str, str] | None = None, pages: set[str] | None = None) -> list[KeyEdit]:
    lines = source.lines[:source.body_line - 1]
    edits = related_edits(source, lines, identities or {}, pages or set())
    for key, target in renames(options).items():
        at = key_index(lines, key)
        if at < 0:
            continue
        helpgen_key = target.split(".")[0]
        if key_index(lines, helpgen_key) >= 0:
            continue  # both written: the check reports it for a person to choose
        value = lines[at].partition(":")[2]
        if target == "search.exclude":
            if value.strip().lower() not in ("true", "false", "yes", "no"):
                continue
            flag = "true" if value.strip().lower() in ("true", "yes") else "false"
            edits.append(KeyEdit(at + 1, lines[at], ["search:", f"  exclude: {flag}"], "key"))
        else:
            edits.append(KeyEdit(at + 1, lines[at], [f"{helpgen_key}:{value}"], "key"))
    at = key_index(lines, "order")
    quoted = _QUOTED_NUMBER.fullmatch(lines[at].partition(":")[2]) if at >= 0 else None
    if quoted:  # Jekyll's `order: "04"`, a string so that its site sorts it: the number it stands for
        comment = f"  {quoted.group(3)}" if quoted.group(3) else ""
        edits.append(KeyEdit(at + 1, lines[at], [f"order: {int(quoted.group(2))}{comment}"], "key"))
    at = key_index(lines, "category")
    if at >= 0:
        written = _scalar(lines[at].partition(":")[2])
        if written and not is_category_id(written) and written in categories.ids:
            edits.append(KeyEdit(at + 1, lines[at], [f"category: {categories.ids[written]}"], "category"))
    return edits


_QUOTED_NUMBER = re.compile(r"""\s*(["'])(-?\d{1,9})\1\s*(#.*)?""")
_RELATED_ITEM = re.compile(r"[^,\[\]'\"\s][^,\[\]'\"]*")


def related_edits(source: SourceFile, lines: list[str], identities: dict[str, str], pages: set[str]) -> list[KeyEdit]:
    """`related:` entries written to an article's identity (its `id:`, `slug:` or an alternative name) rather
    than its slug or path: the article's path, when exactly one article has that value."""
    at = key_index(lines, "related")
    if at < 0 or not identities:
        return []
    stems = {PurePosixPath(p).stem.casefold() for p in pages} | {p.removesuffix(".md").casefold() for p in pages}
    edits = []
    end = at + 1
    while end < len(lines) and lines[end].lstrip().startswith("- "):
        end += 1
    for number in range(at, end):
        text = lines[number]
        start = text.index(":") + 1 if number == at else text.index("- ") + 2
        fixed = text[:start] + _RELATED_ITEM.sub(lambda m: _identity_path(m.group(0), identities, stems), text[start:])
        if fixed != text:
            edits.append(KeyEdit(number + 1, text, [fixed], "link"))
    return edits


def _identity_path(entry: str, identities: dict[str, str], stems: set[str]) -> str:
    name = entry.strip()
    if not name or name.casefold() in stems or name.casefold() not in identities:
        return entry
    return entry.replace(name, identities[name.casefold()].removesuffix(".md"))


def _scalar(text: str) -> str:
    text = text.split(" #")[0].strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return text.strip()


def plan_categories(sources: list[SourceFile], titles: dict[str, str], folders_with_index: set[str]) -> CategoryPlan:
    """Map each display name written as `category:` to the category whose title it is; a name no category
    has gets one: its articles' shared top-level folder (given an index.md titled with the name when it has
    none), else a new folder named after it. `titles`: category id -> title, of the categories that exist."""
    plan = CategoryPlan()
    by_title = {title.casefold(): cid for cid, title in sorted(titles.items())}
    homes: dict[str, set[str]] = {}
    for source in sources:
        at = key_index(source.lines[:source.body_line - 1], "category")
        written = _scalar(source.lines[at].partition(":")[2]) if at >= 0 else ""
        if not written or is_category_id(written):  # an id already, as the check reads it
            continue
        if written.casefold() in by_title:
            plan.ids[written] = by_title[written.casefold()]
        else:
            parts = PurePosixPath(source.src).parts
            homes.setdefault(written, set()).add(parts[0] if len(parts) > 1 else "")
    for name, folders in sorted(homes.items()):
        # All its articles in one folder: that folder is the category (its own index.md, if any, titles it);
        # its id is the folder's as the check reads it ("Nano Family/" is nano-family).
        folder = next(iter(folders)) if len(folders) == 1 else ""
        cid = url_name(folder or name)
        if not is_category_id(cid):
            cid = "category"
        plan.ids[name] = cid
        home = folder or cid
        if home not in folders_with_index:
            plan.create[f"{home}/index.md"] = name
            folders_with_index.add(home)
    return plan


def category_index_text(title: str) -> str:
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"---\ntitle: {quoted}\n---\n"


_H1 = re.compile(r"^#[ \t]+(.+?)[ \t]*(?:\{[^}]*\})?[ \t]*#*[ \t]*$")


def title_edit(source: SourceFile) -> tuple[int, list[str]] | None:
    """A page without a title whose text starts its own `# Heading` (Docusaurus, MkDocs, VuePress take the
    title from it): (index to insert at, lines to insert) that give it that title."""
    end = front_matter_end(source.lines)
    if end > 0 and key_index(source.lines, "title") >= 0:
        return None
    heading = next((m.group(1) for _, text in sorted(source.prose_lines()) if (m := _H1.match(text))), None)
    if not heading:
        return None
    title = "title: " + json.dumps(heading.strip(), ensure_ascii=False)
    return (1, [title]) if end > 0 else (0, ["---", title, "---"])
