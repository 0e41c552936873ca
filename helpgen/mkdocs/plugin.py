"""The MkDocs adapter: MkDocs events in, engine calls out. No help-center logic lives here."""
from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
import re
from dataclasses import replace
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority
from markupsafe import Markup
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import output, search
from ..security import HtmlPolicy, sanitize, script_json
from ..content.articles import CONTACT_SRC, FRONT_MATTER_KEYS, HOME_SRC, Article, ArticleSet
from ..content.options import FrontMatterOptions, front_matter_options
from ..content.related import choose_related
from ..migrate import moves
from ..migrate.containers import admonitions, heading_markdown
from ..migrate.redirects import output_file, write_redirects
from ..checks import CheckCache, ContentProject, check_content, report
from ..checks.limits import Limits
from ..hours.clock import build_date
from ..content.catalog import Catalog, build_catalog, navigation
from ..errors import HelpgenError
from ..content.pages import page_frontmatter, site_context
from ..hours.support import SupportConfig, load_support
from ..i18n import browser_strings, messages
from .guards import mark_toc, refuse_links_outside, refuse_missing_templates
from .themes import theme_dir
from ..content.variables import substitute, support_variables

log = logging.getLogger("mkdocs.plugins.helpgen")
_H1 = re.compile(r"^#[ \t]", re.MULTILINE)


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
    extra_keys = opt.ListOfItems(opt.Type(str), default=[])
    """The team's own front matter keys: kept, passed to templates, never warned about."""
    key_aliases = opt.DictOfItems(opt.Type(str), default={})
    """Your key -> helpgen's, e.g. {popular: promoted, nav_title: short_title}."""
    drafts = opt.Type(bool, default=False)
    """Build `draft: true` articles too (`helpgen build --drafts` sets it)."""
    generator = opt.Type(bool, default=True)
    """`false` drops Material's "Made with Material for MkDocs" line from every page's footer."""


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
        self.build_store = None  # a BuildStore: `helpgen build --cache-dir` (build_cache.py)
        self.generated_titles: dict[str, str] = {}  # home and contact pages' titles, in the site's language
        self.front_matter = FrontMatterOptions()
        self.previous: str | None = None  # `build --previous`: the last build's URL manifest to compare with
        self.fix = False  # `build --fix`: add the redirect_from lines vanished URLs need
        self.fixed: list = []  # the changes --fix made, for the command to print
        self.build_drafts = False  # `build --drafts`, on top of the `drafts` option
        # What page events collect goes into lists or dicts that only grow (appended, new keys): pages may
        # be built in worker processes or reused by the preview, and workers.py replays exactly
        # those additions here. Rebinding an attribute or counting in a number during a page fails the
        # build with UnrecordableState (tests/test_build_parallel.py catches it).
        self.search_documents: list[search.SearchDocument] = []
        self.urls: dict[str, str] = {}
        self.related: dict[str, tuple[str, ...]] = {}
        self.redirects: list = []

    def on_startup(self, *, command, dirty) -> None:
        self.command = command
        # The preview re-checks and re-indexes on every save: remember per-file work between its builds
        # (this instance outlives configs, see on_files). Created once, kept if serve starts again.
        if command == "serve" and self.check_cache is None:
            self.check_cache, self.search_cache = CheckCache(), search.TermsCache()

    def _cache(self, cache):
        """Caches serve the preview, and builds that keep them on disk for the next build; a one-off
        build does each file's work once anyway."""
        return cache if self.command == "serve" or self.build_store is not None else None

    def use_build_store(self, store) -> None:
        """Take the check cache from the previous build's folder; save it after this one. (Search terms
        need no store of their own: they come with each page's effects from the page cache.)"""
        self.build_store = store
        self.check_cache = store.load("checks")
        if not isinstance(self.check_cache, CheckCache):
            self.check_cache = CheckCache()

    def on_serve(self, server, *, config, builder):
        # MkDocs watches the docs and mkdocs.yml; a changed promise in support.yml must refresh the preview too.
        server.watch(str(Path(config.config_file_path or ".").resolve().parent / self.config.support))
        return server

    @property
    def html_policy(self) -> HtmlPolicy:
        return HtmlPolicy(tuple(self.config.embed_domains))

    @property
    def limits(self) -> Limits:
        return Limits(self.config.max_article_kb, self.config.max_headings)

    def on_config(self, config):
        project = Path(config.config_file_path or ".").resolve().parent
        self.support = load_support(project / self.config.support, self.config.support)
        self.front_matter = front_matter_options(self.config.extra_keys, self.config.key_aliases,
                                                 FRONT_MATTER_KEYS, Path(config.config_file_path or "mkdocs.yml").name)
        self.today = build_date(self.support.timezone)
        if "admonition" not in config.markdown_extensions:  # `:::note` containers become admonitions
            config.markdown_extensions.append("admonition")
        theme = config.theme
        # Users' own custom_dir still wins over ours; ours wins over Material.
        theme.dirs.insert(1 if theme.custom_dir else 0, str(theme_dir()))
        if not self.config.generator:
            config.extra["generator"] = False  # Material's own switch for its footer line
        if self.config.safe_output and self.command != "serve":
            self._stage_output(config, project)
        self.warnings.count = 0
        self.fixed = []  # MkDocs reuses a plugin instance across builds of one config
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
        refuse_links_outside(files, docs_dir, _display_root(config))
        # The same rules as `helpgen check`: errors stop the build here, before any page is rendered.
        checked = _check_content(files, config, self.support, self.config.support, self.today, self.html_policy,
                                 self.limits, self._cache(self.check_cache), self.front_matter, self._drafts())
        if self.command != "serve":
            moved = self._moves(checked, config, files)
            if moved:
                checked = _check_content(files, config, self.support, self.config.support, self.today,
                                         self.html_policy, self.limits, None, self.front_matter, self._drafts())
        self.articles, self.urls, self.redirects = checked.articles, checked.urls, list(checked.redirects)
        self.article_by_src = self.articles.by_src()
        self.catalog = build_catalog(self.articles)
        self.related = choose_related(list(self.articles.pages))
        _publish_at_urls(files, self.urls, self.article_by_src)
        self.search_documents = []
        self.variables = support_variables(self.support, self.today)
        self.generated_titles = _generated_titles(self._messages(config), config.site_name)
        for src, text in _generated_pages(self.catalog, files, self.generated_titles).items():
            files.append(File.generated(config, src, content=text, inclusion=InclusionLevel.INCLUDED))
        if self.config.navigation == "categories" and not config.nav:
            config.nav = navigation(self.catalog)
            # Articles are reached from their category page on purpose; don't list them as "not in nav".
            config.validation.nav.omitted_files = logging.DEBUG
        return files

    def _drafts(self) -> bool:
        return self.config.drafts or self.build_drafts

    def _moves(self, checked, config, files) -> bool:
        """URLs the previous build had and this one lost (moves.py). True when --fix changed files."""
        changes = moves.check_moves(self.previous, Path(config.config_file_path or ".").resolve().parent,
                                    Path(config.docs_dir), config.use_directory_urls, checked,
                                    _display_root(config), self.fix)
        self.fixed += changes
        return bool(changes)

    def _published_pages(self) -> dict[str, tuple[str, str]]:
        """url -> (src, title) of every page this build published, for the URL manifest."""
        titles = dict(self.generated_titles)
        titles.update({c.index_src: c.title for c in self.catalog.categories})
        return {url: (src, self.article_by_src[src].title if src in self.article_by_src else titles.get(src, ""))
                for src, url in self.urls.items()}

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
        markdown = substitute(markdown, self.variables, _display_path(config, page.file.src_uri), first_line)
        markdown = admonitions(markdown)
        if article and article.title_html and not _H1.search(markdown):
            page.meta["title"] = article.title  # plain text: <title>, sidebar, search
            markdown = heading_markdown(article.title_html) + markdown
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        # Articles are untrusted (they arrive by pull request): what Markdown made of one is cleaned
        # before anything reads it, search included. `helpgen check` reports what this removes.
        html = sanitize(html, self.html_policy)
        article = self.article_by_src.get(page.file.src_uri)
        if article and not article.is_index and not (page.meta.get("search") or {}).get("exclude"):
            self.search_documents.append(search.with_terms(search.document_from_html(
                page.url, article.title, html, article.description, article.tags, article.keywords)))
            # helpgen's index answers searches: Material's would repeat the work and ship every page's text.
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return html

    @event_priority(-100)  # after every plugin: the content is final, only now is it marked as markup
    def on_page_context(self, context, *, page, config, nav):
        # Templates autoescape (see on_env); the page's HTML was sanitized in on_page_content.
        if page.content is not None and not hasattr(page.content, "__html__"):
            page.content = Markup(page.content)
        mark_toc(page.toc)
        return context

    def on_env(self, env, *, config, files):
        # One escaping story: every value printed by a template, Material's included (page titles, nav
        # titles, meta descriptions from front matter), is escaped unless it is markup helpgen made.
        env.autoescape = True
        def url_for(src: str) -> str:
            file = files.get_file_from_path(src)
            return file.url if file else ""

        refuse_missing_templates(env, files, _display_root(config))
        text = self._messages(config)
        env.globals["helpgen"] = site_context(self.support, self.catalog, self.today, url_for,
                                              config.site_url or None, text=text, related=self.related)
        env.globals["t"] = text.t
        env.globals["helpgen_strings"] = script_json(browser_strings(text))
        return env

    @staticmethod
    def _messages(config):
        """The site's language is Material's `theme.language` (MkDocs' own themes say `locale`)."""
        theme = config.theme
        return messages(theme.get("language") or str(theme.get("locale") or "") or None)

    # Last of all plugins: whatever order mkdocs.yml lists them in, every plugin's output (Material's
    # search_index.json, sitemaps, …) must be in the staging folder before it is swapped in.
    @event_priority(-100)
    def on_post_build(self, *, config) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        search.write_site_index(self.search_documents, Path(config.site_dir), self._cache(self.search_cache))
        if self.build_store is not None:
            self.build_store.save("checks", self.check_cache)
        write_redirects(config.site_dir, self.redirects, self._published_pages(), config.site_url or "",
                        config.theme.get("language") or "en")
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
                   html_policy: HtmlPolicy, limits: Limits, cache: CheckCache | None, front_matter: FrontMatterOptions,
                   drafts: bool) -> ArticleSet:
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
        front_matter=front_matter,
        include_drafts=drafts,
        site_url=config.site_url or "",
    )
    result = check_content(project, today, cache)
    # Drafts (without --drafts) and redirect stubs are no pages: not built, not in search or the sitemap.
    for file in [f for f in files if f.src_uri in result.unpublished]:
        files.remove(file)
    repeated, single = report.grouped(result.warnings)
    for members in repeated:
        log.warning(f"{report.group_line(members)} ({report.group_places(members)}) [{members[0].rule}]")
    for warning in single:
        log.warning(f"{warning} [{warning.rule}]")
    if result.errors:
        raise HelpgenError(result.errors)
    return result


def _publish_at_urls(files: Files, urls: dict[str, str], articles: dict[str, Article]) -> None:
    """A `permalink:` moves the page's output; MkDocs derives url and paths from dest_uri, lazily."""
    for file in files.documentation_pages():
        article = articles.get(file.src_uri)
        if article is None or article.more.permalink is None:
            continue
        file.dest_uri = output_file(urls[file.src_uri])
        for derived in ("url", "abs_dest_path"):
            file.__dict__.pop(derived, None)


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


def _generated_titles(text, site_name: str = "") -> dict[str, str]:
    """A generated home page is titled with the site's name, which the breadcrumbs and titles use too."""
    return {HOME_SRC: site_name or text.t("site.help_center"), CONTACT_SRC: text.t("site.contact_us")}


def _generated_pages(catalog: Catalog, files: Files, titles: dict[str, str]) -> dict[str, str]:
    """Home, category and contact pages the writer did not write, so every category has a landing page."""
    wanted = dict(titles)
    wanted.update({c.index_src: c.title for c in catalog.categories})
    existing = {f.src_uri for f in files}
    return {src: f"---\ntitle: {json.dumps(title)}\n---\n" for src, title in wanted.items() if src not in existing}
