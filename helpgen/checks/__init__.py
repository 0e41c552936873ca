"""`helpgen check`: every content rule over a project, with no HTML rendered.

`check_project` reads a project from its mkdocs.yml (CLI and CI); `check_content` takes what a site
engine already knows (the MkDocs adapter calls it from `on_files`, so the build enforces the very
same rules). Findings are `Problem`s with a rule id from rules.RULES; the engine never imports MkDocs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from markdown.extensions.toc import slugify as default_slugify

from ..hours.clock import build_date
from ..content.articles import ArticleSet
from ..content.catalog import Catalog, build_catalog
from ..errors import HelpgenError, Location, Problem
from ..security import HtmlPolicy
from ..hours.support import SupportConfig, load_support
from ..content.variables import support_variables
from .anchors import page_anchors
from .cache import CheckCache, support_fingerprint
from .frontmatter_rules import check_front_matter
from .limits import Limits, too_large, too_many_headings
from .links import SiteIndex, check_links
from .paths import check_linked_files, check_output_paths, check_reachability, check_slugs, generated_pages
from .project import Slugify, is_markdown, list_sources, read_site_settings
from .promises import PromiseChecker
from .rules import RULE_BY_ID, RULES, finding
from .safety import Renderer, check_content_files, check_safety
from .source import SourceFile, read_source
from .variable_rules import check_front_matter_variables, check_variables

__all__ = ["CheckCache", "CheckResult", "ContentProject", "RULES", "check_content", "check_project"]


@dataclass(frozen=True)
class ContentProject:
    """What the checks need to know about a site, whichever engine builds it."""

    docs_dir: Path
    files: tuple[str, ...]  # every file in the content folder (pages and assets), forward slashes
    display_root: str = ""  # how the content folder is shown in messages, e.g. "content"
    support: SupportConfig | None = None  # None when support.yml has errors (reported separately)
    support_path: Path | None = None
    use_directory_urls: bool = True
    slugify: Slugify = default_slugify
    separator: str = "-"
    # How the site engine renders Markdown and cleans the HTML: the safety rule renders the same way.
    markdown_extensions: tuple[Any, ...] = ()
    markdown_configs: dict[str, dict] = field(default_factory=dict, hash=False)
    html_policy: HtmlPolicy = HtmlPolicy()
    limits: Limits = Limits()


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Problem, ...]
    articles: ArticleSet  # the articles whose front matter is valid
    catalog: Catalog

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.findings if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.findings if p.severity != "error"]


def check_content(project: ContentProject, today: dt.date, cache: CheckCache | None = None) -> CheckResult:
    """Every rule over the project. With a cache (`helpgen serve` keeps one), unchanged files are not
    re-read or re-checked; the findings are the same either way (tests/test_check_cache.py)."""
    known_rules = set(RULE_BY_ID)
    sources: dict[str, SourceFile] = {}
    findings: list[Problem] = []
    pages = [src for src in project.files if is_markdown(src)]
    for src in sorted(pages):
        file = f"{project.display_root}/{src}" if project.display_root else src
        oversized = too_large(project.docs_dir, src, file, project.limits)
        if oversized:
            findings.append(oversized)
            continue
        if cache is None:
            source, problems = read_source(project.docs_dir, src, file, known_rules)
        else:
            source, problems = cache.read(project.docs_dir, src, file, known_rules)
        findings += problems
        if source is not None:
            sources[src] = source
            findings += source.directive_problems
            findings += filter(None, [too_many_headings(source, project.limits)])
    if cache is not None:
        cache.forget_others(project.docs_dir, set(pages))
    readable = list(sources.values())
    articles = ArticleSet(tuple(s.article for s in readable if s.article is not None),
                          tuple(p for p in findings if p.severity != "error"))
    catalog = build_catalog(articles)
    variables = support_variables(project.support, today) if project.support else {}

    # The rules that read one file at a time (no other file changes what they find in it), kept on the
    # (possibly cached) source while the date and support.yml, which give the variables, are the same.
    renderer = Renderer(project.markdown_extensions, project.markdown_configs, project.html_policy, variables)
    context = (today, support_fingerprint(project.support, project.support_path),
               repr((project.markdown_extensions, sorted(project.markdown_configs.items()), project.html_policy)))
    promises: PromiseChecker | None = None  # made at the first file checked: with a warm cache, none is

    def own_findings(source: SourceFile) -> list[Problem]:
        nonlocal promises
        kept = source.memo.get("own")
        if kept is not None and kept[0] == context:
            return kept[1]
        found = list(check_front_matter([source], today)) + list(check_front_matter_variables([source], variables))
        if project.support:
            promises = promises or PromiseChecker(project.support, project.support_path)
            found += check_variables([source], set(variables))
            found += promises.check([source])
        found += check_safety([source], renderer)
        source.memo["own"] = (context, found)
        return found

    for source in readable:
        findings += own_findings(source)

    generated = generated_pages(catalog, set(pages))
    variable_values = tuple(sorted((k, str(v)) for k, v in variables.items()))

    def anchors_of(source: SourceFile) -> set[str]:
        # Kept on the (possibly cached) source: the same text, slugify and variables give the same ids.
        # One entry only: a slugify made anew with each config must not pile up entries in the preview.
        key = (project.slugify, project.separator, variable_values)
        kept = source.memo.get("anchors")
        if kept is None or kept[0] != key:
            kept = source.memo["anchors"] = (key, page_anchors(source, project.slugify, project.separator, variables))
        return kept[1]

    attr_list = {"attr_list", "markdown.extensions.attr_list"} & {str(e) for e in project.markdown_extensions}
    site = SiteIndex(sources, set(project.files), generated, project.use_directory_urls, anchors_of, bool(attr_list))
    findings += check_content_files(project.docs_dir, list(project.files), project.display_root)
    findings += check_linked_files(project.docs_dir, list(project.files), project.display_root)
    findings += check_links(readable, site)
    findings += check_output_paths(pages, sources, generated, project.use_directory_urls)
    findings += check_slugs([(s, s.article.slug) for s in readable if s.article and not s.article.is_index])
    folders = {PurePosixPath(src).parts[0].lower() for src in pages if len(PurePosixPath(src).parts) > 1}
    findings += check_reachability(catalog, sources, folders)
    by_file = {s.file: s for s in readable}
    kept = [p for p in findings if not _silenced(p, by_file)]
    return CheckResult(tuple(sorted(set(kept), key=_order)), articles, catalog)


def _silenced(problem: Problem, by_file: dict[str, SourceFile]) -> bool:
    source = by_file.get(problem.location.file)
    return bool(source) and RULE_BY_ID[problem.rule].silenceable and source.silenced(problem)


def _order(problem: Problem) -> tuple:
    return (problem.location.file, problem.location.line, problem.location.col, problem.rule, problem.message)


def check_project(project_dir: Path = Path("."), config_file: str | Path = "mkdocs.yml",
                  today: dt.date | None = None) -> list[Problem]:
    """Check a project read from its mkdocs.yml. Paths in findings are relative to the working directory,
    so terminals and CI annotations can open them. Raises HelpgenError only when there is nothing to check
    (no or unreadable mkdocs.yml)."""
    settings = read_site_settings(Path(project_dir) / config_file)
    shown_project = _shown(settings.project_dir)
    support_path = settings.project_dir / settings.support_file
    support_name = _join(shown_project, settings.support_file)
    support: SupportConfig | None = None
    findings: list[Problem] = []
    try:
        support = load_support(support_path, support_name)
        findings += [finding(p.rule, p.location, p.message, p.hint) for p in support.warnings]
    except HelpgenError as exc:
        findings += [finding("support-invalid", p.location, p.message, p.hint) for p in exc.problems]
    if today is None:
        today = build_date(support.timezone if support else "UTC")
    if not settings.docs_dir.is_dir():
        raise HelpgenError.at(Location(_join(shown_project, settings.config_file.name)),
                              "the content folder does not exist",
                              "set docs_dir in mkdocs.yml to the folder holding your articles")
    project = ContentProject(
        docs_dir=settings.docs_dir,
        files=tuple(list_sources(settings.docs_dir, settings.exclude_docs)),
        display_root=_shown(settings.docs_dir),
        support=support,
        support_path=support_path,
        use_directory_urls=settings.use_directory_urls,
        slugify=settings.slugify,
        separator=settings.separator,
        markdown_extensions=settings.markdown_extensions,
        markdown_configs=settings.markdown_configs,
        html_policy=HtmlPolicy(settings.embed_domains),
        limits=settings.limits,
    )
    return findings + list(check_content(project, today).findings)



def _shown(path: Path) -> str:
    """A path as the writer would type it from here: relative to the working directory when inside it."""
    path, here = path.resolve(), Path.cwd().resolve()
    if path == here:
        return ""
    return path.relative_to(here).as_posix() if path.is_relative_to(here) else path.as_posix()


def _join(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name
