"""`helpgen check --fix` and `--diff`: the rewrites that are certain, applied in place or shown as a diff.

Every change is one of: a link whose target is unique (link_fix.py), a foreign front matter key with a
known meaning, a category display name -> its id (creating the category's index.md when none exists), or
a redirect stub -> a `redirect_from:` entry on the page it points at (key_fix.py). Everything is worked
out from the project as it is before any write, so a second run finds nothing left to change.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..checks import load_project, check_content
from ..checks.project import is_markdown
from ..checks.rules import RULE_BY_ID
from ..checks.source import SourceFile, read_source
from .edits import Change, add_redirect_from
from .key_fix import CategoryPlan, category_index_text, key_edits, plan_categories
from .link_fix import SiteMap, link_fixes
from .redirects import resolve_target


@dataclass
class FixReport:
    changes: list[Change] = field(default_factory=list)
    diff: str = ""
    written: list[str] = field(default_factory=list)  # files created or changed (or that would be)
    deleted: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if not self.changes:
            return "Nothing to fix."
        kinds: dict[str, int] = {}
        for change in self.changes:
            kinds[change.kind] = kinds.get(change.kind, 0) + 1
        parts = ", ".join(f"{count} {KIND_NAMES[kind][count != 1]}" for kind, count in sorted(kinds.items()))
        files = len(set(self.written) | set(self.deleted))
        return f"{len(self.changes)} change{'s' * (len(self.changes) != 1)} in {files} file{'s' * (files != 1)} ({parts})."


KIND_NAMES = {"link": ("link", "links"), "key": ("front matter key", "front matter keys"),
              "category": ("category", "categories"), "redirect": ("redirect", "redirects"),
              "file": ("file created or deleted", "files created or deleted")}


def fix_project(project_dir: Path = Path("."), config_file: str = "mkdocs.yml", write: bool = True,
                today: dt.date | None = None) -> FixReport:
    project, _, today = load_project(project_dir, config_file, today)
    result = check_content(project, today)
    shown = (lambda src: f"{project.display_root}/{src}" if project.display_root else src)
    known = set(RULE_BY_ID)
    sources: dict[str, SourceFile] = {}
    for src in sorted(f for f in project.files if is_markdown(f)):
        source, _ = read_source(project.docs_dir, src, shown(src), known, project.front_matter)
        if source is not None:
            sources[src] = source
    files = {f for f in project.files if not is_markdown(f)}
    stubs = _stub_targets(sources, result.urls, files)
    site = SiteMap(set(result.urls) | {s for s in sources if s not in stubs}, result.urls, files,
                   {src: target for src, target in stubs.items() if target})
    titles = {PurePosixPath(src).parent.as_posix(): s.article.title for src, s in sources.items()
              if s.article and s.article.is_index and len(PurePosixPath(src).parts) == 2}
    titles.update({c.id: c.title for c in result.catalog.categories if c.id not in titles})
    categories = plan_categories(list(sources.values()), titles, {PurePosixPath(s).parent.as_posix() for s in sources
                                                                   if PurePosixPath(s).name == "index.md"})
    report = FixReport()
    new_text: dict[str, list[str]] = {}
    for src, source in sources.items():
        if src in stubs:
            continue
        lines = _fixed_lines(source, site, project.front_matter, categories, report)
        if lines != source.lines:
            new_text[src] = lines
    for src, title in sorted(categories.create.items()):
        if src not in sources:
            new_text[src] = category_index_text(title).split("\n")
            report.changes.append(Change(shown(src), 1, "", f"new category page titled \"{title}\"", "file"))
    for stub, target in sorted(stubs.items()):
        if not target:
            continue  # an external URL or a file: the stub keeps working as it is
        lines = new_text.get(target) or list(sources[target].lines)
        edit = add_redirect_from(lines, result_url(sources[stub], project.use_directory_urls))
        if edit is not None:
            new_text[target] = lines
            report.changes.append(Change(shown(target), edit[0] + 1, edit[1], edit[2], "redirect"))
        report.changes.append(Change(shown(stub), 1, f"redirect stub to {target}", "deleted", "file"))
        report.deleted.append(shown(stub))
    report.diff = _diff(sources, new_text, report.deleted, shown)
    report.written = [shown(src) for src in sorted(new_text)]
    if write:
        for src, lines in new_text.items():
            path = project.docs_dir / src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(lines), encoding="utf-8")
        for stub, target in stubs.items():
            if target:
                (project.docs_dir / stub).unlink()
    return report


def result_url(stub: SourceFile, use_directory_urls: bool) -> str:
    from ..checks.paths import page_url
    from .redirects import article_url

    return article_url(stub.article, page_url(stub.src, use_directory_urls))


def _stub_targets(sources: dict[str, SourceFile], urls: dict[str, str], files: set[str]) -> dict[str, str]:
    """Redirect stub src -> the article src it sends visitors to ("" when it is not one of ours)."""
    found = {}
    for src, source in sources.items():
        if source.article is not None and source.article.is_redirect:
            resolved = resolve_target(source.article.more.redirect, src, urls, files)
            target = resolved[1] if resolved else ""
            found[src] = target if target in sources and not sources[target].article.is_redirect else ""
    return found


def _fixed_lines(source: SourceFile, site: SiteMap, options, categories: CategoryPlan,
                 report: FixReport) -> list[str]:
    lines = list(source.lines)
    by_line: dict[int, list] = {}
    for fix in link_fixes(source, site):
        by_line.setdefault(fix.line, []).append(fix)
    for number, fixes in sorted(by_line.items()):
        text = lines[number - 1]
        for fix in sorted(fixes, key=lambda f: -f.col):
            start = fix.col - 1
            if text[start:start + len(fix.written)] != fix.written:
                continue  # the column does not hold what was read: leave it for a person
            text = text[:start] + fix.replacement + text[start + len(fix.written):]
            report.changes.append(Change(source.file, number, fix.written, fix.replacement, "link"))
        lines[number - 1] = text
    for edit in sorted(key_edits(source, options, categories), key=lambda e: -e.line):
        lines[edit.line - 1:edit.line] = edit.after
        report.changes.append(Change(source.file, edit.line, edit.before, " / ".join(edit.after), edit.kind))
    report.changes.sort(key=lambda c: (c.file, c.line))
    return lines


def _diff(sources: dict[str, SourceFile], new_text: dict[str, list[str]], deleted: list[str], shown) -> str:
    out = []
    for src, lines in sorted(new_text.items()):
        before = sources[src].lines if src in sources else []
        out += difflib.unified_diff(before, lines, f"a/{shown(src)}" if src in sources else "/dev/null",
                                    f"b/{shown(src)}", lineterm="")
    for file in deleted:
        out.append(f"--- a/{file}\n+++ /dev/null\n(deleted: its redirect is now a redirect_from entry)")
    return "\n".join(out) + ("\n" if out else "")
