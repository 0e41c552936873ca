"""A GitBook space's table of contents, `SUMMARY.md` at the top of the content folder, as helpgen's folders:

    ## Billing                          -> a category "Billing" (folder billing/), its pages moved into it
    * [Plans](plans.md)                 -> billing/plans/index.md
      * [Upgrade](upgrade.md)           -> billing/plans/upgrade.md: a section, its page the one above it
    * [Install](setup/README.md)        -> before any group heading: a page with pages under it is the page
      * [On macOS](setup/mac.md)           of a category of its own (its title), the pages under it move there

relocate.py moves the files, keeps every link and redirects the old URLs; SUMMARY.md itself is then deleted.
GitBook's block tags (hints, tabs, steppers) are rendered by the build: gitbook_blocks below.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from ..checks.template_rules import rendered_block
from ..content.articles import url_name
from ..content.variables import lines_outside_code
from .relocate import Relocation, category_front

SUMMARY = "SUMMARY.md"
_GROUP = re.compile(r"^#{2,6}\s+(.+?)\s*#*\s*$")
_ITEM = re.compile(r"^(\s*)[*+-]\s+\[(.+?)\]\(\s*<?([^)>\s]+)>?\s*\)")


def summary_plan(tree: dict[str, list[str]]) -> Relocation:
    plan = Relocation(SUMMARY)
    lines = tree.get(SUMMARY)
    if lines is None:
        return plan
    entries = _entries(lines)
    groups = [group for group, _, _, _ in entries]
    order = {group: index for index, group in enumerate(dict.fromkeys(g for g in groups if g), 1)}
    for index, (group, depth, title, src) in enumerate(entries):
        if src not in tree or src == SUMMARY:
            continue
        opens = depth == 0 and index + 1 < len(entries) and entries[index + 1][1] > 0 and entries[index + 1][0] == group
        if group:
            folder, section = url_name(group), _top(entries, index)[2] if depth > 0 else ""
            plan.pages.setdefault(f"{folder}/index.md", category_front(group, order[group]))
            if opens:  # a page with pages under it: the page of the section they form
                target = f"{folder}/{url_name(title)}/index.md"
                plan.pages.pop(target, None)
                if target not in plan.moves.values() and target != src:
                    plan.moves[src] = target
                continue
        elif depth == 0:
            if not opens:
                continue  # a page with none under it stays where it is
            folder = url_name(title)  # the page opens a category of its own: it is that category's page
            if src != f"{folder}/README.md" and f"{folder}/index.md" not in plan.moves.values():
                plan.moves[src] = f"{folder}/index.md"
            continue
        else:
            folder, section = url_name(_top(entries, index)[2]), ""
        if section:
            plan.pages.setdefault(f"{folder}/{url_name(section)}/index.md", category_front(section))
        name = posixpath.basename(src)
        if name.lower() == "readme.md":
            name = posixpath.basename(posixpath.dirname(src)) + ".md" if "/" in src else "overview.md"
        target = f"{folder}/{url_name(section) + '/' if section else ''}{name}"
        if target not in plan.moves.values() and target != src:
            plan.moves[src] = target
    if plan.moves or plan.pages:
        plan.consumed.append(SUMMARY)
    return plan


def _entries(lines: list[str]) -> list[tuple[str, int, str, str]]:
    """(group heading or "", depth, title, src) of each page the table of contents lists, in order."""
    found, group, indents = [], "", []
    for line in lines:
        heading = _GROUP.match(line)
        if heading:  # GitBook writes its own anchor into a group's heading: `## Start <a id="start"></a>`
            group, indents = re.sub(r"<[^>]*>", "", heading.group(1)).strip(), []
            continue
        item = _ITEM.match(line)
        if not item or ":" in item.group(3).split("/")[0]:
            continue
        indent = len(item.group(1).replace("\t", "    "))
        while indents and indents[-1] >= indent and indents[-1] != indent:
            indents.pop()
        if not indents or indents[-1] < indent:
            indents.append(indent)
        depth = indents.index(indent) if indent in indents else len(indents) - 1
        found.append((group, depth, item.group(2).strip(), posixpath.normpath(unquote(item.group(3).partition("#")[0]))))
    return found


def _parent(entries, index: int):
    """The entry one level up from entries[index], or None at the top."""
    group, depth = entries[index][0], entries[index][1]
    for earlier in range(index - 1, -1, -1):
        if entries[earlier][0] != group:
            return None
        if entries[earlier][1] < depth:
            return entries[earlier]
    return None


def _top(entries, index: int):
    entry = entries[index]
    while entry[1] > 0 and (parent := _parent(entries, entries.index(entry))) is not None:
        entry = parent
    return entry


# --- GitBook's blocks, rendered by the build ------------------------------------------------------------------

HINT_KINDS = {"info": "info", "success": "success", "warning": "warning", "danger": "danger"}


def gitbook_blocks(markdown: str, title_of) -> str:
    """GitBook's block tags on lines of their own, as the page shows them: `{% hint style="warning" %}` …
    `{% endhint %}` an admonition of that kind (titled in the page's language), `{% tab title="macOS" %}` the
    tab's title in bold above its content; stepper, step, code and content-ref wrappers leave their content."""
    if "{%" not in markdown:
        return markdown
    out: list[str] = []
    depth = 0
    for _, line, in_code in lines_outside_code(markdown):
        block = None if in_code else rendered_block(line)
        indent = "    " * depth
        if block is None:
            out.append(indent + line if line.strip() and depth else line)
        elif block[0] == "hint":
            kind = HINT_KINDS.get(block[2].get("style", "info"), "info")
            out += [f'{indent}!!! {kind} "{title_of(kind)}"', ""]
            depth += 1
        elif block[0] == "endhint":
            depth = max(0, depth - 1)
            out.append("")
        elif block[0] == "tab" and block[2].get("title"):
            out += ["", f"{indent}**{block[2]['title']}**", ""]
        else:
            out.append("")
    return "\n".join(out)
