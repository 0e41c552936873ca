"""The MkDocs adapter: MkDocs events in, engine calls out. No help-center logic lives here."""
from __future__ import annotations

import datetime as dt
import functools
import html
import json
import logging
import os
from dataclasses import replace
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority
from jinja2 import TemplateNotFound
from markupsafe import Markup, escape
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import output, search
from ..security import HtmlPolicy, sanitize
from ..content.articles import CONTACT_SRC, HOME_SRC, Article, ArticleSet
from ..checks import CheckCache, ContentProject, check_content
from ..checks.limits import Limits
from ..hours.clock import build_date
from ..content.catalog import Catalog, build_catalog, navigation
from ..errors import HelpgenError, Location, Problem
from ..content.pages import page_frontmatter, site_context
from ..hours.support import SupportConfig, load_support
from .themes import theme_dir
from ..content.variables import substitute, support_variables

log = logging.getLogger("mkdocs.plugins.helpgen")


class HelpgenConfig(Config):
    support = opt.Type(str, default="support.yml")
    """Path of the support config, relative to mkdocs.yml."""
    navigation = opt.Choice(("categories", "mkdocs"), default="categories")
    """`categories`: home, category pages and contact in the sidebar (size stays flat as the help
    center grows). `mkdocs`: keep the `nav` from mkdocs.yml or MkDocs' default."""
    safe_output = opt.Type(bool, default=True)
    """Build into a fresh folder and swap it in on success, refusing folders helpgen did not make."""
    embed_domains = opt.ListOfItems(opt.Type(str), default=[])
    """https domains articles may embed in <iframe> (e.g. www.youtube.com); none by default."""
    max_article_kb = opt.Type(int, default=Limits.max_article_kb)
    """Articles larger than this are refused (a 50 MB article would take a minute and a gigabyte)."""
    max_headings = opt.Type(int, default=Limits.max_headings)
    """Articles with more headings than this are refused."""


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class HelpgenPlugin(BasePlugin[HelpgenConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.support: SupportConfig | None = None
        self.articles: ArticleSet | None = None
        self.article_by_src: dict[str, Article] = {}
        self.catalog: Catalog | None = None
        self.variables: dict[str, str] = {}
        self.today = dt.date.today()
        self.site_dir: Path | None = None
        self.staging: Path | None = None
        self.warnings = _WarningCounter()
        self.check_cache: CheckCache | None = None
        self.search_cache: search.TermsCache | None = None
        # What page events collect goes into lists or dicts that only grow (appended, new keys): pages may
        # be built in worker processes or reused by the preview, and workers.py replays exactly
        # those additions here. Rebinding an attribute or counting in a number during a page fails the
        # build with UnrecordableState (tests/test_build_parallel.py catches it).
        self.search_documents: list[search.SearchDocument] = []

    def on_startup(self, *, command, dirty) -> None:
        self.command = command
        # The preview re-checks and re-indexes on every save: remember per-file work between its builds
        # (this instance outlives configs, see on_files). Created once, kept if serve starts again.
        if command == "serve" and self.check_cache is None:
            self.check_cache, self.search_cache = CheckCache(), search.TermsCache()

    def _cache(self, cache):
        """Caches serve only the preview: a one-off build does each file's work once anyway."""
        return cache if self.command == "serve" else None

    def on_serve(self, server, *, config, builder):
        # MkDocs watches the docs and mkdocs.yml; a changed promise in support.yml must refresh the preview too.
        server.watch(str(Path(config.config_file_path or ".").resolve().parent / self.config.support))
        return server

    @property
    def html_policy(self) -> HtmlPolicy:
        return HtmlPolicy(tuple(self.config.embed_domains))

    def on_config(self, config):
        project = Path(config.config_file_path or ".").resolve().parent
        self.support = load_support(project / self.config.support, self.config.support)
        self.today = build_date(self.support.timezone)
        theme = config.theme
        # Users' own custom_dir still wins over ours; ours wins over Material.
        theme.dirs.insert(1 if theme.custom_dir else 0, str(theme_dir()))
        if self.config.safe_output and self.command != "serve":
            self._stage_output(config, project)
        self.warnings.count = 0
        logging.getLogger("mkdocs").addHandler(self.warnings)
        for warning in self.support.warnings:  # strict builds fail on these, as `helpgen check --strict` does
            log.warning(f"{warning} [{warning.rule}]")
        return config

    def _stage_output(self, config, project: Path) -> None:
        self.site_dir = Path(config.site_dir)
        output.check_site_dir(self.site_dir, project, Path(config.docs_dir),
                              Path(config.config_file_path or "mkdocs.yml").name)
        self.staging = output.make_staging_dir(self.site_dir)
        config.site_dir = str(self.staging)

    def on_files(self, files: Files, *, config) -> Files:
        docs_dir = Path(config.docs_dir)
        _refuse_links_outside(files, docs_dir, _display_root(config))
        # The same rules as `helpgen check`: errors stop the build here, before any page is rendered.
        self.articles = _check_content(files, config, self.support, self.config.support, self.today,
                                       self.html_policy, Limits(self.config.max_article_kb, self.config.max_headings),
                                       self._cache(self.check_cache))
        self.article_by_src = self.articles.by_src()
        self.catalog = build_catalog(self.articles)
        self.search_documents = []
        self.variables = support_variables(self.support, self.today)
        for src, text in _generated_pages(self.catalog, files).items():
            files.append(File.generated(config, src, content=text, inclusion=InclusionLevel.INCLUDED))
        if self.config.navigation == "categories" and not config.nav:
            config.nav = navigation(self.catalog)
            # Articles are reached from their category page on purpose; don't list them as "not in nav".
            config.validation.nav.omitted_files = logging.DEBUG
        return files

    def page_cache_state(self) -> list:
        """What any page may show of the whole site, for the preview's page cache (pipeline.py): the
        support config, build day, variables and every article's front matter (each body is in its own
        page's key)."""
        if self.articles is None:
            return []
        return [self.support, self.today, sorted(self.variables.items()),
                [replace(a, body="") for a in self.articles.articles]]

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        article = self.article_by_src.get(page.file.src_uri)
        page.meta.update(page_frontmatter(page.file.src_uri, self.catalog, page.meta))
        first_line = article.body_line if article else 1
        return substitute(markdown, self.variables, _display_path(config, page.file.src_uri), first_line)

    def on_page_content(self, html: str, *, page, config, files) -> str:
        # Articles are untrusted (they arrive by pull request): what Markdown made of one is cleaned
        # before anything reads it, search included. `helpgen check` reports what this removes.
        html = sanitize(html, self.html_policy)
        article = self.article_by_src.get(page.file.src_uri)
        if article and not article.is_index and not (page.meta.get("search") or {}).get("exclude"):
            self.search_documents.append(search.document_from_html(
                page.url, article.title, html, article.description, article.tags, article.keywords))
            # helpgen's index answers searches: Material's would repeat the work and ship every page's text.
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return html

    @event_priority(-100)  # after every plugin: the content is final, only now is it marked as markup
    def on_page_context(self, context, *, page, config, nav):
        # Templates autoescape (see on_env); the page's HTML was sanitized in on_page_content.
        if page.content is not None and not hasattr(page.content, "__html__"):
            page.content = Markup(page.content)
        _mark_toc(page.toc)
        return context

    def on_env(self, env, *, config, files):
        # One escaping story: every value printed by a template, Material's included (page titles, nav
        # titles, meta descriptions from front matter), is escaped unless it is markup helpgen made.
        env.autoescape = True
        def url_for(src: str) -> str:
            file = files.get_file_from_path(src)
            return file.url if file else ""

        _refuse_missing_templates(env, files, _display_root(config))
        env.globals["helpgen"] = site_context(self.support, self.catalog, self.today, url_for,
                                              config.site_url or None)
        return env

    # Last of all plugins: whatever order mkdocs.yml lists them in, every plugin's output (Material's
    # search_index.json, sitemaps, …) must be in the staging folder before it is swapped in.
    @event_priority(-100)
    def on_post_build(self, *, config) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        search.write_site_index(self.search_documents, Path(config.site_dir), self._cache(self.search_cache))
        if self.staging is None:
            return
        if config.strict and self.warnings.count:
            # MkDocs aborts strict builds only after this event: keep the previous site.
            output.discard(self.staging)
        else:
            output.publish(self.staging, self.site_dir)
        self.staging = None

    def on_build_error(self, *, error: Exception) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.staging is not None:
            output.discard(self.staging)
            self.staging = None


def _check_content(files: Files, config, support: SupportConfig, support_option: str, today: dt.date,
                   html_policy: HtmlPolicy, limits: Limits, cache: CheckCache | None = None) -> ArticleSet:
    """Hand MkDocs' view of the project to the check engine; raise its errors, log its warnings."""
    toc = config.mdx_configs.get("toc", {})
    project = ContentProject(
        docs_dir=Path(config.docs_dir),
        files=tuple(f.src_uri for f in files if f.inclusion.is_included()),
        display_root=_display_root(config),
        support=support,
        support_path=Path(config.config_file_path or "mkdocs.yml").resolve().parent / support_option,
        use_directory_urls=config.use_directory_urls,
        slugify=toc.get("slugify") or ContentProject.slugify,
        separator=toc.get("separator") or "-",
        markdown_extensions=tuple(config.markdown_extensions),
        markdown_configs=dict(config.mdx_configs),
        html_policy=html_policy,
        limits=limits,
    )
    result = check_content(project, today, cache)
    for warning in result.warnings:
        log.warning(f"{warning} [{warning.rule}]")
    if result.errors:
        raise HelpgenError(result.errors)
    return result.articles


def _mark_toc(toc) -> None:
    """Heading titles in the table of contents are Markdown's escaped text of the heading: decoded and
    escaped again, so they print once-escaped whatever an extension left in them."""
    for item in toc or ():
        if not hasattr(item.title, "__html__"):
            item.title = escape(html.unescape(item.title))
        _mark_toc(item.children)


def _display_root(config) -> str:
    return _display_root_of(config.config_file_path or os.path.abspath("."), config.docs_dir)


@functools.lru_cache(maxsize=16)  # asked once per page: resolving paths took a fifth of on_page_markdown
def _display_root_of(config_file_path: str, docs_dir: str) -> str:
    project = Path(config_file_path).resolve().parent
    docs = Path(docs_dir).resolve()
    return docs.relative_to(project).as_posix() if docs.is_relative_to(project) else str(docs)


def _display_path(config, src_uri: str) -> str:
    root = _display_root(config)
    return f"{root}/{src_uri}" if root else src_uri


def _refuse_links_outside(files: Files, docs_dir: Path, display_root: str) -> None:
    """MkDocs follows symlinks anywhere; a help center must not publish files from outside its folder."""
    root = docs_dir.resolve()
    problems = [
        Problem(Location(f"{display_root}/{f.src_uri}"), "this file is a link to somewhere outside the content folder",
                "copy the file into the content folder instead of linking to it")
        for f in files
        if f.abs_src_path and f.abs_src_path.startswith(str(docs_dir.absolute()))
        and not Path(f.abs_src_path).resolve().is_relative_to(root)
    ]
    if problems:
        raise HelpgenError(problems)


def _refuse_missing_templates(env, files: Files, display_root: str) -> None:
    """A `template:` the theme does not have would stop the build with Jinja's traceback, mid-write."""
    problems = []
    for file in files.documentation_pages():
        name = (file.page.meta.get("template") if file.page else None) or None
        if name is None:
            continue
        try:
            env.get_template(str(name))
        except (TemplateNotFound, TypeError):
            lines = (file.content_string or "").split("\n") if file.abs_src_path or file.generated_by else []
            line = next((n for n, text in enumerate(lines, 1) if text.startswith("template:")), 1)
            problems.append(Problem(Location(f"{display_root}/{file.src_uri}" if display_root else file.src_uri, line),
                                    f'template: the theme has no template "{name}"',
                                    "remove the key to use the normal page, or add the file to the theme's custom_dir"))
    if problems:
        raise HelpgenError(problems)


def _generated_pages(catalog: Catalog, files: Files) -> dict[str, str]:
    """Home, category and contact pages the writer did not write, so every category has a landing page."""
    wanted = {HOME_SRC: "Help Center", CONTACT_SRC: "Contact us"}
    wanted.update({c.index_src: c.title for c in catalog.categories})
    existing = {f.src_uri for f in files}
    return {src: f"---\ntitle: {json.dumps(title)}\n---\n" for src, title in wanted.items() if src not in existing}
