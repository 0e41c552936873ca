"""`helpgen check`: every content rule over a project, with no HTML rendered.

`check_project` reads a project from its mkdocs.yml (CLI and CI); `check_content` takes what a site
engine already knows (the MkDocs adapter calls it from `on_files`, so the build enforces the very
same rules). Findings are `Problem`s with a rule id from rules.RULES; the engine never imports MkDocs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any


from ..hours.clock import build_date
from ..content.headings import heading_slug as default_slugify
from ..content.articles import ArticleSet, url_name
from ..content.options import DEFAULT_OPTIONS, FrontMatterOptions, MigrationOptions
from ..content.catalog import Catalog, build_catalog
from ..security import HtmlPolicy
from ..content.related import unknown_related
from ..errors import HelpgenError, Location, Problem, did_you_mean
from ..hours.support import SupportConfig, load_support
from ..i18n.overrides import load_overrides
from ..output import host_file_problems
from ..search.synonym_file import SynonymSource
from ..content.variables import support_variables
from .anchors import page_anchors
from .cache import CheckCache, support_fingerprint
from .frontmatter_rules import check_front_matter
from .limits import Limits, too_large, too_many_headings
from .links import SiteIndex, check_links
from .notices import check_status_file
from .paths import check_linked_files, check_output_paths, check_reachability, check_slugs, generated_pages
from .project import Slugify, ThemeFacts, is_markdown, list_sources, project_languages, read_site_settings
from .promises import PromiseChecker
from .redirect_rules import check_permalinks, check_redirects, declared_redirects, page_urls, stub_redirects
from ..content.redirects import Redirect
from .rules import RULE_BY_ID, RULES, BySeverity, finding
from .safety import Renderer, check_safety
from .template_rules import check_template_tags
from .languages import LanguagesResult, check_languages
from .perfile import MapWork, OwnRules, read_and_check
from .source import SourceFile
from .wikilink_rules import check_wikilinks, vault_of
from .old_site_rules import check_old_links, old_locales, zendesk_ids
from ..content.old_site import OldSite, hosted_redirects
from ..content.obsidian import Vault
from .variable_rules import check_front_matter_variables, check_variables

__all__ = ["CheckCache", "CheckResult", "ContentProject", "LanguagesResult", "RULES", "check_content",
           "check_languages", "check_project", "load_project"]


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
    front_matter: FrontMatterOptions = DEFAULT_OPTIONS  # mkdocs.yml's extra_keys and key_aliases
    migration: MigrationOptions = MigrationOptions()  # previous_site and components (mkdocs.yml)
    include_drafts: bool = False  # `build --drafts`: draft articles are pages like any other
    site_url: str = ""
    language: str = ""  # the language of a multi-language site's folder being checked ("" = one language)
    text: object = None  # that language's helpgen.i18n Messages (variables read as its articles will)
    fallback_pages: tuple[str, ...] = ()  # the default language's pages, which its links may reach
    synonyms: SynonymSource | None = None  # synonyms.yml (checks/synonyms.py)
    # How to spread the rules that read one file at a time over processes (perfile.py); None: here.
    map_work: MapWork | None = field(default=None, compare=False, hash=False)
    # The theme's static files (content may not take their paths), its templates, and the files mkdocs.yml
    # names as the owner's code (files.py, reserved.py); from the site engine (helpgen/mkdocs/site_facts.py).
    theme: ThemeFacts = ThemeFacts()


@dataclass(frozen=True)
class CheckResult(BySeverity):
    findings: tuple[Problem, ...]
    articles: ArticleSet  # the articles whose front matter is valid
    catalog: Catalog
    urls: dict[str, str] = field(default_factory=dict)  # src -> the site path it is published at
    redirects: tuple[Redirect, ...] = ()
    unpublished: frozenset[str] = frozenset()  # redirect stubs, and drafts unless included: not built
    vault: Vault | None = None  # what `[[wikilinks]]` may name (content/obsidian.py)


def check_content(project: ContentProject, today: dt.date, cache: CheckCache | None = None) -> CheckResult:
    """Every rule over the project. With a cache (`helpgen serve` keeps one), unchanged files are not
    re-read or re-checked; the findings are the same either way (tests/test_check_cache.py)."""
    known_rules = set(RULE_BY_ID)
    sources: dict[str, SourceFile] = {}
    findings: list[Problem] = []
    pages = [src for src in project.files if is_markdown(src)]
    variables = support_variables(project.support, today, project.text, project.language) if project.support else {}
    # The rules that read one file at a time (no other file changes what they find in it), kept on the
    # (possibly cached) source while the date and support.yml, which give the variables, are the same.
    renderer = Renderer(project.markdown_extensions, project.markdown_configs, project.html_policy, variables)
    context = (today, support_fingerprint(project.support, project.support_path),
               repr((project.markdown_extensions, sorted(project.markdown_configs.items()), project.html_policy)),
               project.limits)
    promises: PromiseChecker | None = None  # made at the first file checked: with a warm cache, none is

    def own_findings(source: SourceFile) -> list[Problem]:
        nonlocal promises
        found = list(check_front_matter([source], today)) + list(check_front_matter_variables([source], variables))
        if project.support:
            promises = promises or PromiseChecker(project.support, project.support_path, today)
            found += check_variables([source], set(variables))
            found += promises.check([source])
        found += check_safety([source], renderer)
        found += check_template_tags([source])
        found += filter(None, [too_many_headings(source, project.limits)])
        return found

    to_read = []
    for src in sorted(pages):
        file = f"{project.display_root}/{src}" if project.display_root else src
        oversized = too_large(project.docs_dir, src, file, project.limits)
        if oversized:
            findings.append(oversized)
        else:
            to_read.append((src, file))
    own: list[Problem] = []
    read = read_and_check(project.docs_dir, to_read, known_rules, project.front_matter, cache,
                          OwnRules(context, own_findings), project.map_work)
    for (src, _), (source, problems, own_problems) in zip(to_read, read):
        findings += problems
        if source is not None:
            sources[src] = source
            findings += source.directive_problems
            own += own_problems
    if cache is not None:
        cache.forget_others(project.docs_dir, set(pages))
    readable = list(sources.values())
    articles = ArticleSet(tuple(s.article for s in readable if s.article is not None
                                and (project.include_drafts or not s.article.is_draft)),
                          tuple(p for p in findings if p.severity != "error"))
    catalog = build_catalog(articles)
    findings += own

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
    hidden = {s.src for s in readable if s.article and (s.article.is_redirect
                                                         or (s.article.is_draft and not project.include_drafts))}
    findings += [finding("draft", s.at(s.key_line("draft"), 1), "this article is a draft: `helpgen build` leaves it "
                         "out", "remove `draft: true` to publish it, or build with --drafts to preview it")
                 for s in readable if s.article and s.article.is_draft]
    urls = page_urls({s: v for s, v in sources.items() if s not in hidden}, (set(pages) - hidden) | generated,
                     project.use_directory_urls)
    published = {k: v for k, v in sources.items() if k not in hidden}
    site = SiteIndex(published, set(project.files) - hidden, generated, project.use_directory_urls, anchors_of, urls,
                     frozenset(project.fallback_pages), heading_ids=bool(attr_list))
    findings += check_linked_files(project.docs_dir, list(project.files), project.display_root)
    findings += check_links(readable, site)
    vault = vault_of(published, set(project.files) - hidden)
    findings += check_wikilinks(readable, vault, site, project.slugify, project.separator)
    findings += check_output_paths(sorted(set(pages) - hidden), sources, generated, project.use_directory_urls)
    findings += check_permalinks(urls, published)
    asset_files = {f for f in project.files if not is_markdown(f)}
    stubs, stub_problems = stub_redirects(sources, urls, asset_files, project.use_directory_urls)
    redirects = declared_redirects(published, urls) + stubs
    old = OldSite.of(project.migration.previous_site, project.site_url)  # links to either are this site's
    if old:
        findings += check_old_links(readable, old, zendesk_ids(published))
    if project.migration.previous_site:  # its old article URLs keep working once its domain points here
        redirects += hosted_redirects({src: s.article for src, s in published.items() if s.article}, urls,
                                      old_locales(readable, old), {src: s.at(s.key_line("id"), 1) for src, s in published.items()})
    findings += stub_problems + list(check_redirects(redirects, urls, asset_files))
    findings += check_slugs([(s, s.article.slug) for s in readable if s.article and not s.article.is_index])
    folders = {url_name(src.split("/", 1)[0]) for src in pages if "/" in src}  # sources are normalized POSIX paths
    findings += check_reachability(catalog, sources, folders)
    by_src_source = {s.article.src: s for s in readable if s.article}
    findings += [finding("related-unknown", by_src_source[a.src].at(by_src_source[a.src].key_line("related"), 1),
                         f'related: "{entry}" is no article of this help center',
                         _close_slug(entry, {x.slug for x in articles.pages}))
                 for a, entry in unknown_related(list(articles.pages))]
    if project.theme.templates is not None:
        findings += [finding("front-matter-invalid", s.at(s.key_line("template"), 1),
                             f'template: the theme has no template "{s.article.meta["template"]}"',
                             "remove the key to use the normal page, or add the file to the theme's custom_dir")
                     for s in readable if s.article and s.article.meta.get("template")
                     and s.article.meta["template"] not in project.theme.templates]
    by_file = {s.file: s for s in readable}
    kept = [p for p in findings if not _silenced(p, by_file)]
    return CheckResult(tuple(sorted(set(kept), key=_order)), articles, catalog, urls, tuple(redirects),
                       frozenset(hidden), vault)


def _close_slug(entry: str, slugs: set[str]) -> str:
    hint = did_you_mean(PurePosixPath(entry).stem, slugs)
    return hint if hint.startswith("did you mean") else "use an article's file name (slug) or its path from the content folder"


def _silenced(problem: Problem, by_file: dict[str, SourceFile]) -> bool:
    source = by_file.get(problem.location.file)
    return bool(source) and RULE_BY_ID[problem.rule].silenceable and source.silenced(problem)


def _order(problem: Problem) -> tuple:
    return (problem.location.file, problem.location.line, problem.location.col, problem.rule, problem.message)


def check_project(project_dir: Path = Path("."), config_file: str | Path = "mkdocs.yml",
                  today: dt.date | None = None, map_work: MapWork | None = None,
                  theme: ThemeFacts | None = None, status: Path | None = None) -> list[Problem]:
    """Check a project read from its mkdocs.yml. Paths in findings are relative to the working directory,
    so terminals and CI annotations can open them. Raises HelpgenError only when there is nothing to check
    (no or unreadable mkdocs.yml). map_work: how to spread the per-file rules over processes; theme: what
    the site engine knows of the theme (the CLI passes the build's); `status`: a support-status.json to
    check as well (checks/notices.py)."""
    project, findings, today = load_project(project_dir, config_file, today)
    project = replace(project, map_work=map_work, theme=theme or ThemeFacts())
    languages = project_languages(Path(project_dir) / config_file)
    if status is not None:
        findings += check_status_file(status, str(status), project.support, tuple(lang.code for lang in languages), today)
    return findings + check_languages(project, languages, today).findings


def load_project(project_dir: Path = Path("."), config_file: str | Path = "mkdocs.yml",
                 today: dt.date | None = None) -> tuple[ContentProject, list[Problem], dt.date]:
    """The project as mkdocs.yml describes it, support.yml's own findings, and the day to check for."""
    settings = read_site_settings(Path(project_dir) / config_file)
    shown_project = shown_path(settings.project_dir)
    support_path = settings.project_dir / settings.support_file
    support_name = _join(shown_project, settings.support_file)
    support: SupportConfig | None = None
    findings: list[Problem] = []
    try:
        support = load_support(support_path, support_name)
        findings += [finding(p.rule, p.location, p.message, p.hint) for p in support.warnings]
    except HelpgenError as exc:
        findings += [finding("support-invalid", p.location, p.message, p.hint) for p in exc.problems]
    findings += [finding("file-type", p.location, p.message, p.hint)
                 for p in host_file_problems(settings.project_dir, list(settings.host_files),
                                             _join(shown_project, settings.config_file.name))]
    try:
        load_overrides(settings.project_dir / settings.strings_file, _join(shown_project, settings.strings_file))
    except HelpgenError as exc:  # the build refuses these too (plugin on_config)
        findings += [finding("strings-invalid", p.location, p.message, p.hint) for p in exc.problems]
    if today is None:
        today = build_date(support.timezone if support else "UTC")
    if not settings.docs_dir.is_dir():
        raise HelpgenError.at(Location(_join(shown_project, settings.config_file.name)),
                              "the content folder does not exist",
                              "set docs_dir in mkdocs.yml to the folder holding your articles")
    project = ContentProject(
        docs_dir=settings.docs_dir,
        files=tuple(list_sources(settings.docs_dir, settings.exclude_docs)),
        display_root=shown_path(settings.docs_dir),
        support=support,
        support_path=support_path,
        use_directory_urls=settings.use_directory_urls,
        slugify=settings.slugify,
        separator=settings.separator,
        markdown_extensions=settings.markdown_extensions,
        markdown_configs=settings.markdown_configs,
        html_policy=HtmlPolicy(settings.embed_domains),
        limits=settings.limits,
        front_matter=settings.front_matter,
        migration=settings.migration,
        site_url=settings.site_url,
        synonyms=settings.synonyms(shown_project),
    )
    return project, findings, today


def shown_path(path: Path) -> str:
    """A path as the writer would type it from here: relative to the working directory when inside it."""
    path, here = path.resolve(), Path.cwd().resolve()
    if path == here:
        return ""
    return path.relative_to(here).as_posix() if path.is_relative_to(here) else path.as_posix()


def _join(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name
