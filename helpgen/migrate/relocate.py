"""Articles moved into the category folders another generator kept elsewhere (Docusaurus' sidebars.js and
`_category_.json`, GitBook's SUMMARY.md), the way `git mv` and a careful writer would: every relative link
into or out of a moved file still reaches what it reached, each moved article keeps its old URL as a
`redirect_from:`, and each new category folder gets an index.md with its title and order.

Works on the tree as `--fix` is about to write it (src -> lines), so `--diff` shows one change set.
"""
from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from ..checks.links import html_targets, link_targets
from ..checks.paths import landed_path, page_url
from ..checks.project import is_markdown
from ..content.articles import CONTACT_SRC, DEFAULT_CATEGORY, HOME_SRC
from ..content.variables import blank_code_spans, lines_outside_code
from .edits import Change, add_redirect_from, front_matter_end, key_index
from .redirects import relative_url


@dataclass
class Relocation:
    """What a table of contents says: files to move, category pages to write, files it replaces."""

    source: str  # where the plan comes from, for the changes printed ("sidebars.js")
    moves: dict[str, str] = field(default_factory=dict)  # old src -> new src
    pages: dict[str, dict] = field(default_factory=dict)  # new index.md src -> {title, order, description}
    consumed: list[str] = field(default_factory=list)  # files whose content the plan carries over


def relocate(plan: Relocation, tree: dict[str, list[str]], files: set[str], use_directory_urls: bool,
             shown) -> tuple[dict[str, list[str]], list[str], list[Change]]:
    """(the files written, the files deleted, the changes) for a plan over `tree` (every Markdown file's
    lines as --fix would leave them) and `files` (the other files of the content folder)."""
    moves = {old: new for old, new in plan.moves.items() if old in tree and new != old and new not in tree}
    # URLs the new tree has pages at: an old URL that is one of them is that page's now, not a redirect.
    taken = {page_url(moves.get(src, src), use_directory_urls) for src in tree} | \
        {page_url(src, use_directory_urls) for src in plan.pages}
    if any("/" not in moves.get(src, src) and src not in (HOME_SRC, CONTACT_SRC) for src in tree if is_markdown(src)):
        taken.add(page_url(f"{DEFAULT_CATEGORY}/index.md", use_directory_urls))  # helpgen lists those there
    written: dict[str, list[str]] = {}
    changes: list[Change] = []
    for src, lines in sorted(tree.items()):
        new_src = moves.get(src, src)
        rebased, count = _rebased(lines, src, new_src, moves, set(tree) | files, use_directory_urls)
        if src in moves:
            old_url = page_url(src, use_directory_urls)
            if key_index(rebased, "permalink") < 0 and old_url not in taken:  # a permalink keeps its URL
                add_redirect_from(rebased, old_url)
            changes.append(Change(shown(src), 1, src, f"moved to {new_src} ({plan.source})", "move"))
        if count:
            changes.append(Change(shown(new_src), 1, "", f"{count} relative link{'s' * (count != 1)} kept pointing "
                                                          "at the same files", "link"))
        if src in moves and new_src in plan.pages and key_index(rebased, "order") < 0 and \
                plan.pages[new_src].get("order") is not None and front_matter_end(rebased) > 0:
            rebased.insert(front_matter_end(rebased), f"order: {plan.pages[new_src]['order']}")  # the category's place
        if src in moves or count:
            written[new_src] = rebased
    for src, values in sorted(plan.pages.items()):
        if src in tree or src in written:
            continue
        front = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()
                           if value not in (None, "")] + ["---", ""]
        written[src] = front
        changes.append(Change(shown(src), 1, "", f"new category page titled {json.dumps(values['title'], ensure_ascii=False)}"
                              f" ({plan.source})", "file"))
    deleted = sorted(moves) + [c for c in plan.consumed if c in files or c in tree]
    changes += [Change(shown(c), 1, c, f"deleted: {plan.source} carried it over", "file")
                for c in plan.consumed if c in files or c in tree]
    return written, deleted, changes


def _rebased(lines: list[str], old_src: str, new_src: str, moves: dict[str, str], existing: set[str],
             use_directory_urls: bool) -> tuple[list[str], int]:
    """The lines with each relative link that reached a file reaching it again from new_src: Markdown links
    from the file's folder, raw HTML from the page's URL (as MkDocs and the browser read them)."""
    urls = {page_url(old, use_directory_urls): page_url(new, use_directory_urls) for old, new in moves.items()}
    own_old, own_new = page_url(old_src, use_directory_urls), page_url(new_src, use_directory_urls)
    out, count = list(lines), 0
    body = front_matter_end(lines) + 1
    for offset, line, in_code in lines_outside_code("\n".join(lines[body:])):
        if in_code or ("](" not in line and "]:" not in line and "<" not in line):
            continue
        number = body + offset
        prose = blank_code_spans(line)
        targets = [(col, target, False) for col, target in link_targets(prose)] + \
            [(col, target, True) for col, target in html_targets(prose)]
        for col, target, raw in sorted(targets, reverse=True):
            moved = _moved_url(target, own_old, own_new, urls) if raw else \
                _moved_target(target, old_src, new_src, moves, existing)
            if moved is not None and moved != target:
                start = col - 1
                out[number] = out[number][:start] + moved + out[number][start + len(target):]
                count += 1
    return out, count


def _moved_target(target: str, old_src: str, new_src: str, moves: dict[str, str], existing: set[str]) -> str | None:
    if not target or ":" in target.split("/")[0] or target.startswith(("/", "#", "{")):
        return None
    path, sep, fragment = target.partition("#")
    reached = posixpath.normpath(posixpath.join(posixpath.dirname(old_src), unquote(path)))
    if reached not in existing:  # a folder link (`setup/`) reaches the folder's README.md or index.md
        reached = next((f"{reached}/{name}" for name in ("README.md", "index.md", "_index.md") if f"{reached}/{name}" in moves),
                       reached)
    if reached not in existing or (reached not in moves and old_src == new_src):
        return None  # a link that led nowhere, or one neither end of which moved
    destination = moves.get(reached, reached)
    rel = posixpath.relpath(destination, posixpath.dirname(new_src) or ".")
    return quote(rel, safe="/._-~") + sep + fragment


def _moved_url(target: str, own_old: str, own_new: str, urls: dict[str, str]) -> str | None:
    """A raw HTML link, as the browser reads it from the page's URL, after the page or its target moved."""
    if not target or ":" in target.split("/")[0] or target.startswith(("/", "#", "{")):
        return None
    path, sep, fragment = target.partition("#")
    landed = landed_path(own_old, unquote(path))
    landed += "/" if path.endswith("/") and landed else ""
    destination = urls.get(landed, landed)
    if destination == landed and own_old == own_new:
        return None
    return relative_url(own_new, destination) + sep + fragment


def category_front(title: str, order: int | None = None, description: str = "") -> dict:
    return {"title": title, "order": order, "description": description}
