"""`helpgen check --fix` and `--diff`: the rewrites that are certain, applied in place or shown as a diff.

Every change is one of: a link whose target is unique (link_fix.py), a foreign front matter key with a
known meaning, a category display name -> its id (creating the category's index.md when none exists), or
a redirect stub -> a `redirect_from:` entry on the page it points at (key_fix.py). Everything is worked
out from the project as it is before any write, so a second run finds nothing left to change.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from ..checks import load_project, check_content
from ..checks.languages import language_projects
from ..checks.project import project_languages
from ..checks.project import is_markdown
from ..checks.rules import RULE_BY_ID
from ..checks.source import SourceFile, read_source
from ..checks.paths import page_url
from .edits import Change, add_redirect_from, key_index
from .key_fix import CategoryPlan, category_index_text, key_edits, plan_categories, title_edit
from .anchor_fix import anchor_fixes, fragment_after_fix
from .docusaurus import category_plan, mdx_fixes
from .hugo import shortcode_fixes
from .gitbook import summary_plan
from .relocate import relocate
from .html_links import html_link_fixes
from .link_fix import SiteMap, identity_map, link_fixes
from ..checks.old_site_rules import zendesk_ids
from ..content.old_site import OldSite
from ..content.options import MigrationOptions
from ..content.fields import site_path
from ..content.redirects import article_url, resolve_target


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
              "syntax": ("foreign construct", "foreign constructs"), "move": ("file moved", "files moved"),
              "category": ("category", "categories"), "redirect": ("redirect", "redirects"),
              "file": ("file created or deleted", "files created or deleted")}


def fix_project(project_dir: Path = Path("."), config_file: str = "mkdocs.yml", write: bool = True,
                today: dt.date | None = None, *, second_pass: bool = False) -> FixReport:
    """Every fix of the project; in a multi-language one, each language's folder on its own (as `helpgen
    check` reads them: a link to a page not translated yet is not broken, it reaches the original)."""
    project, _, today = load_project(project_dir, config_file, today)
    languages = project_languages(Path(project_dir) / config_file)
    report = FixReport()
    for part in language_projects(project, languages):
        found = _fix_folder(part, today, write, Path(project_dir))
        report.changes += found.changes
        report.written += found.written
        report.deleted += found.deleted
        report.diff += found.diff
    if write and not second_pass and any(change.kind in ("move", "key", "category") for change in report.changes):
        # Articles moved into categories, or front matter made readable (`order: "04"`, whose article's
        # redirect_from the check could not read before): the anchors of a page in its new place, and a link
        # a move or a redirect made certain, are read once more from the tree as it is now, so a second
        # --fix finds nothing left.
        # Once only: a sidebar that puts one file in two categories would otherwise move it for ever.
        again = fix_project(project_dir, config_file, write, today, second_pass=True)
        report.changes += again.changes
        report.written += again.written
        report.deleted += again.deleted
    return report


def _fix_folder(project, today: dt.date, write: bool, project_dir: Path = Path(".")) -> FixReport:
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
    landings = _landing_pages(sources)
    urls = dict(result.urls)
    for src, source in sources.items():  # pages with other errors have no parsed permalink: read the line
        written = _raw_permalink(source)
        if written is not None and src not in stubs:
            urls[src] = written
    for old, new in landings.items():
        urls.pop(old, None)
        urls[new] = page_url(new, project.use_directory_urls)
    # Every top-level folder with articles gets a category page once the categories are fixed.
    for folder in sorted({PurePosixPath(s).parts[0] for s in sources if len(PurePosixPath(s).parts) > 1}):
        if f"{folder}/" not in urls.values():
            urls.setdefault(f"{folder}/index.md", page_url(f"{folder}/index.md", project.use_directory_urls))
    site = SiteMap(set(urls) | {s for s in sources if s not in stubs and s not in landings}, urls, files,
                   {**{src: target for src, target in stubs.items() if target}, **landings},
                   OldSite.of(project.migration.previous_site, project.site_url), zendesk_ids(sources),
                   identity_map(sources), {r.source.rstrip("/"): r.target_src for r in result.redirects if r.target_src})
    titles = {PurePosixPath(landings.get(src, src)).parent.as_posix(): _raw_title(s) for src, s in sources.items()
              if PurePosixPath(landings.get(src, src)).name == "index.md" and len(PurePosixPath(src).parts) == 2
              and _raw_title(s)}
    titles.update({c.id: c.title for c in result.catalog.categories if c.id not in titles})
    with_index = {PurePosixPath(landings.get(s, s)).parent.as_posix() for s in sources
                  if PurePosixPath(landings.get(s, s)).name == "index.md"}
    categories = plan_categories(list(sources.values()), titles, with_index)
    # A new category folder whose URL a page already claims by permalink gets that page as its index.md.
    claimed = {_raw_permalink(source): src for src, source in sources.items()
               if src not in landings and src not in stubs and PurePosixPath(src).name != "index.md"}
    for created in list(categories.create):
        owner = claimed.get(page_url(created, project.use_directory_urls))
        if owner:
            del categories.create[created]
            landings[owner] = created
            urls.pop(owner, None)
            urls[created] = page_url(created, project.use_directory_urls)
            site.redirects[owner] = created
            site.pages.discard(owner)
            site.__post_init__()
    report = FixReport()
    anchors_missed = [p for p in result.findings if p.rule == "broken-anchor"]
    new_text: dict[str, list[str]] = {}
    for src, source in sources.items():
        if src in stubs:
            continue
        lines = _fixed_lines(source, site, project.front_matter, categories, report, project.migration,
                             anchor_fixes(source, anchors_missed, sources, project.slugify, project.separator),
                             sources, project.slugify, project.separator)
        if src in landings:
            at = key_index(lines, "permalink")
            report.changes.append(Change(source.file, at + 1, lines[at].strip(), f"moved to {shown(landings[src])}",
                                         "file"))
            del lines[at]
            new_text[landings[src]] = lines
            report.deleted.append(shown(src))
        elif lines != source.lines:
            new_text[src] = lines
    for src, title in sorted(categories.create.items()):
        if src not in sources and src not in new_text:
            new_text[src] = category_index_text(title).split("\n")
            report.changes.append(Change(shown(src), 1, "", f"new category page titled \"{title}\"", "file"))
    for stub, target in sorted(stubs.items()):
        if not target:
            continue  # an external URL or a file: the stub keeps working as it is
        target = landings.get(target, target)
        lines = new_text.get(target) or list(sources[target].lines)
        edit = add_redirect_from(lines, result_url(sources[stub], project.use_directory_urls))
        if edit is not None:
            new_text[target] = lines
            report.changes.append(Change(shown(target), edit[0] + 1, edit[1], edit[2], "redirect"))
        report.changes.append(Change(shown(stub), 1, f"redirect stub to {target}", "deleted", "file"))
        report.deleted.append(shown(stub))
    gone = [*(stub for stub, target in stubs.items() if target), *landings]
    _relocated(project, project_dir, sources, new_text, gone, files, report, shown)
    report.diff = _diff(sources, new_text, report.deleted, shown)
    report.written = [shown(src) for src in sorted(new_text)]
    report.changes.sort(key=lambda c: (c.file, c.line))
    if write:
        for src, lines in new_text.items():
            path = project.docs_dir / src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(lines), encoding="utf-8")
        for src in gone:
            if (project.docs_dir / src).exists() and src not in new_text:
                (project.docs_dir / src).unlink()
    return report


def _relocated(project, project_dir: Path, sources: dict[str, SourceFile], new_text: dict[str, list[str]],
               gone: list[str], files: set[str], report: FixReport, shown) -> None:
    """Articles moved into the categories a table of contents gives (Docusaurus' sidebars.js and
    _category_.json, GitBook's SUMMARY.md), over the tree as the other fixes leave it; what they replace
    is added to `gone`."""
    for plan_of in (lambda tree: category_plan(project_dir, project.docs_dir, tree, files, _shown_dir(project_dir)),
                    summary_plan):
        tree = {src: new_text.get(src) or list(source.lines) for src, source in sources.items() if src not in gone}
        tree.update({src: lines for src, lines in new_text.items() if src not in tree and src not in gone})
        plan = plan_of(tree)
        if not (plan.moves or plan.pages or plan.consumed):
            continue
        written, removed, changes = relocate(plan, tree, files, project.use_directory_urls, shown)
        new_text.update(written)
        for src in removed:
            new_text.pop(src, None)
            gone.append(src)
        report.deleted += [shown(src) for src in removed]
        report.changes += changes


def _shown_dir(path: Path) -> str:
    here = Path.cwd().resolve()
    path = path.resolve()
    return path.relative_to(here).as_posix() if path.is_relative_to(here) and path != here else ""


def result_url(stub: SourceFile, use_directory_urls: bool) -> str:
    return article_url(stub.article, page_url(stub.src, use_directory_urls))


def _raw_title(source: SourceFile) -> str:
    """A landing page's title, as parsed or (when its front matter has another error) as its line says."""
    if source.article is not None:
        return source.article.title
    at = key_index(source.lines[:source.body_line - 1], "title")
    return source.lines[at].partition(":")[2].split(" #")[0].strip().strip("'\"") if at >= 0 else ""


def _raw_permalink(source: SourceFile) -> str | None:
    """The permalink as its line says it: a page with another error (a category name) has one too."""
    at = key_index(source.lines[:source.body_line - 1], "permalink")
    written = source.lines[at].partition(":")[2].split(" #")[0].strip().strip("'\"") if at >= 0 else ""
    return site_path(written) if written else None


def _landing_pages(sources: dict[str, SourceFile]) -> dict[str, str]:
    """A page whose permalink is a folder's own URL (Jekyll's `permalink: /returns/index.html`) is that
    folder's landing page: old src -> the folder's index.md, when the folder has articles and no index.md."""
    folders = {PurePosixPath(src).parent.as_posix() for src in sources}
    found: dict[str, str] = {}
    for src, source in sources.items():
        written = _raw_permalink(source)
        if not written or not written.endswith("/") or PurePosixPath(src).name == "index.md":
            continue
        folder = written.rstrip("/")
        target = f"{folder}/index.md"
        if folder in folders and target not in sources and target not in found.values():
            found[src] = target
    return found


def _stub_targets(sources: dict[str, SourceFile], urls: dict[str, str], files: set[str]) -> dict[str, str]:
    """Redirect stub src -> the article src it sends visitors to ("" when it is not one of ours)."""
    found = {}
    for src, source in sources.items():
        if source.article is not None and source.article.is_redirect:
            resolved = resolve_target(source.article.more.redirect, src, urls, files)
            target = resolved[1] if resolved else ""
            # A target whose front matter has errors (a category name --fix is about to correct) is still a page.
            ok = target in sources and not (sources[target].article and sources[target].article.is_redirect)
            found[src] = target if ok else ""
    return found


def _fixed_lines(source: SourceFile, site: SiteMap, options, categories: CategoryPlan,
                 report: FixReport, migration: MigrationOptions, anchors: list, sources: dict[str, SourceFile],
                 slugify, separator: str) -> list[str]:
    lines = list(source.lines)
    fixes = link_fixes(source, site) + html_link_fixes(source, site) + \
        mdx_fixes(source, site, migration.component_map) + shortcode_fixes(source, migration.component_map)
    fixes = [fragment_after_fix(source, f, sources, slugify, separator) if f.kind == "link" and "#" in f.replacement
             else f for f in fixes]
    at = {(f.line, f.col): i for i, f in enumerate(fixes)}
    for fix in anchors:  # a link whose path is fixed too gets both: one run leaves nothing for the next
        other = at.get((fix.line, fix.col))
        if other is None:
            fixes.append(fix)
        elif "#" in fixes[other].replacement and "#" in fix.replacement:
            fixes[other] = replace(fixes[other], replacement=fixes[other].replacement.partition("#")[0] + "#" +
                                   fix.replacement.partition("#")[2])
    by_line: dict[int, list] = {}
    for fix in fixes:
        if not fix.end_line:
            by_line.setdefault(fix.line, []).append(fix)
    for number, line_fixes in sorted(by_line.items()):
        text = lines[number - 1]
        for fix in sorted(line_fixes, key=lambda f: -f.col):
            start = fix.col - 1
            if text[start:start + len(fix.written)] != fix.written:
                continue  # the column does not hold what was read: leave it for a person
            text = text[:start] + fix.replacement + text[start + len(fix.written):]
            report.changes.append(Change(source.file, number, fix.written, fix.note or fix.replacement, fix.kind))
        lines[number - 1] = text
    for block in sorted((f for f in fixes if f.end_line), key=lambda f: -f.line):
        if any(block.line <= number <= block.end_line for number in by_line):
            continue  # another fix changed a line of it: leave the block for the next run
        lines[block.line - 1:block.end_line] = block.replacement.split("\n") if block.replacement else []
        report.changes.append(Change(source.file, block.line, block.written.split("\n")[0],
                                     block.note or block.replacement or "(removed)", block.kind))
    titled = title_edit(source) if source.article is None else None
    for edit in sorted(key_edits(source, options, categories, site.identities, site.pages), key=lambda e: -e.line):
        lines[edit.line - 1:edit.line] = edit.after
        report.changes.append(Change(source.file, edit.line, edit.before, " / ".join(edit.after), edit.kind))
    if titled:
        at, inserted = titled
        lines[at:at] = inserted
        report.changes.append(Change(source.file, at + 1, "", next(l for l in inserted if l != "---"), "key"))
    return lines


def _diff(sources: dict[str, SourceFile], new_text: dict[str, list[str]], deleted: list[str], shown) -> str:
    out: list[str] = []
    for src, lines in sorted(new_text.items()):
        before = sources[src].lines if src in sources else []
        out += difflib.unified_diff(before, lines, f"a/{shown(src)}" if src in sources else "/dev/null",
                                    f"b/{shown(src)}", lineterm="")
    for file in deleted:
        out.append(f"--- a/{file}\n+++ /dev/null\n(deleted: moved, or carried over into another file)")
    return "\n".join(out) + ("\n" if out else "")
