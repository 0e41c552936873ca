"""The MkDocs adapter: MkDocs events in, engine calls out. No help-center logic lives here."""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from markupsafe import Markup
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import output, search
from ..security import HtmlPolicy, sanitize, script_json
from ..content.articles import Article
from ..content.options import FrontMatterOptions, MigrationOptions
from ..content.related import choose_related, related_digest
from ..migrate import moves
from ..migrate.containers import foreign_markdown, heading_markdown
from ..migrate.redirects import write_redirects
from ..checks import CheckCache, LanguagesResult
from ..content.catalog import Catalog, build_catalog, navigation
from ..errors import HelpgenError, Location
from ..content.pages import page_frontmatter, site_context
from ..hours.support import SupportConfig, load_support
from ..i18n import Messages, browser_strings, messages
from ..i18n.overrides import load_overrides
from ..checks.limits import Limits
from .build_cache import Memos
from .error_pages import ERROR_TEMPLATE, not_found_switcher, root_not_found, write_language_error_pages
from .guards import refuse_missing_templates
from .notices import BuildNotices
from .options import HelpgenConfig, WarningCounter, team_options
from .themes import theme_dir
from .sources import (check_site_content, display_path, display_root, generated_pages, generated_titles, mark_toc,
                      markdown_extensions, published_pages, publish_at_urls, refuse_links_outside, vault_notes)
from .search_index import search_document, synonym_source, use_search_worker, write_search_indexes
from ..content.variables import substitute, support_variables
from ..content.languages import SiteLanguages, single_language, site_languages
from ..checks.links import links_to_default
from ..hours.present import format_date
from .languages import (PageViews, language_of_path, material_language, other_navigations,
                        serve_default_at_root, site_urls, theme_dirs, title_other_navigations)

log = logging.getLogger("mkdocs.plugins.helpgen")
_H1 = re.compile(r"^#[ \t]", re.MULTILINE)


class HelpgenPlugin(BasePlugin[HelpgenConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.support: SupportConfig | None = None
        self.languages: SiteLanguages = single_language("en")
        self.checked: LanguagesResult | None = None
        self.article_by_src: dict[str, Article] = {}  # by the file's path in the content folder
        self.catalogs: dict[str, Catalog] = {}  # by language code
        self.nav_specs: dict[str, list] = {}  # the navigation of each language but the default
        self.navs: dict[str, object] = {}
        self.material_languages: dict[str, str] = {}  # our language code -> Material's
        self.theme_language = "en"  # as configured, put back after the pages
        self.contexts: dict = {}  # language code -> SiteContext
        self.overrides: dict = {}  # the site's strings.yml: language code -> key -> text
        self.texts: dict = {}  # language code -> Messages (helpgen's strings, a site's own overrides on top)
        self.browser_strings: dict[str, str] = {}  # language code -> the scripts' strings, <script>-safe JSON
        self.page_languages: dict = {}  # page src -> PageLanguages (multi-language sites)
        self.variables: dict[str, dict[str, str]] = {}  # language code -> variable -> Markdown
        self.today = dt.date.today()
        self.notices = BuildNotices()  # the instant pages are built for, and the live file
        self.site_dir: Path | None = None
        self.env = self.files = None  # the build's Jinja environment and files, from on_env
        self.staging: Path | None = None
        self.warnings = WarningCounter()
        self.check_cache: CheckCache | None = None
        self.search_cache: search.TermsCache | None = None
        self.build_store = None  # a BuildStore: `helpgen build --cache-dir` (build_cache.py)
        self.memos = Memos()  # whole-site results under a digest of their inputs (related articles)
        self.generated_titles: dict[str, str] = {}  # home and contact pages' titles, in the site's language
        self.front_matter = FrontMatterOptions()
        self.migration = MigrationOptions()
        self.previous: str | None = None  # `build --previous`: the last build's URL manifest to compare with
        self.fix = False  # `build --fix`: add the redirect_from lines vanished URLs need
        self.fixed: list = []  # the changes --fix made, for the command to print
        self.build_drafts = False  # `build --drafts`, on top of the `drafts` option
        self.permalink_title: str | None = None  # mkdocs.yml's toc `permalink_title`; else each language's
        self.check_jobs = 1  # worker processes for the per-file checks: `helpgen build` sets its --jobs
        # What page events collect goes into lists or dicts that only grow (appended, new keys): pages may
        # be built in worker processes or reused by the preview, and workers.py replays exactly
        # those additions here. Rebinding an attribute or counting in a number during a page fails the
        # build with UnrecordableState (tests/test_build_parallel.py catches it).
        self.search_documents: list[search.SearchDocument] = []
        self.urls: dict[str, str] = {}
        self.related: dict[str, tuple[str, ...]] = {}
        self.redirects: list = []
        self.notes: dict = {}  # language code -> what Obsidian's syntax needs of the rest of its vault (obsidian.py)

    def on_startup(self, *, command, dirty) -> None:
        self.command, self.check_jobs = command, 1  # no forking from the preview's threads
        # The preview re-checks and re-indexes on every save: remember per-file work between its builds
        # (this instance outlives configs, see on_files). Created once, kept if serve starts again.
        if command == "serve" and self.check_cache is None:
            self.check_cache, self.search_cache = CheckCache(), search.TermsCache()

    def _cache(self, cache):
        """Caches serve the preview, and builds that keep them on disk for the next build; a one-off
        build does each file's work once anyway."""
        return cache if self.command == "serve" or self.build_store is not None else None

    def use_build_store(self, store) -> None:
        """Take the check cache and the search postings from the previous build's folder; save them
        after this one. (Each article's search terms come with its page's effects from the page cache.)"""
        self.build_store = self.memos.store = store
        self.check_cache = store.load("checks")
        if not isinstance(self.check_cache, CheckCache):
            self.check_cache = CheckCache()
        self.search_cache = search.TermsCache()
        self.search_cache.restore(store.load("search"))

    def on_serve(self, server, *, config, builder):
        # MkDocs watches the docs and mkdocs.yml; a changed promise in support.yml must refresh the preview too.
        project = Path(config.config_file_path or ".").resolve().parent
        server.watch(str(project / self.config.support))
        for optional in (self.config.strings, synonym_source(config, self.config.synonyms).path):
            if (project / optional).is_file():
                server.watch(str(project / optional))
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
        self.front_matter, self.migration = team_options(self.config, Path(config.config_file_path or "mkdocs.yml").name)
        self.notices = BuildNotices(self.support)
        self.today = self.notices.now.date()
        self.permalink_title = markdown_extensions(config)  # the site's own title of the heading links, if any
        theme = config.theme
        # Users' own custom_dir still wins over ours; ours wins over Material.
        theme.dirs.insert(1 if theme.custom_dir else 0, str(theme_dir()))
        self.languages = site_languages(self.config.languages, theme["language"],
                                        Location(Path(config.config_file_path or "mkdocs.yml").name))
        self.theme_language = theme["language"]
        self.material_languages = {lang.code: material_language(lang.code, theme_dirs(config))
                                   for lang in self.languages}
        single = self.languages.multilingual is False
        overrides = self.overrides = load_overrides(project / self.config.strings, self.config.strings)
        self.texts = {}
        for lang in self.languages:
            shipped = self._messages(config) if single else messages(lang.code)
            own = overrides.get(lang.code) or overrides.get(shipped.lang)
            self.texts[lang.code] = Messages(shipped.lang, own) if own else shipped
        self.browser_strings = {code: script_json(browser_strings(text, (self.support.timezone,), code))
                                for code, text in self.texts.items()}
        if self.languages.multilingual:
            theme["language"] = self.material_languages[self.languages.default.code]
            # Material's header shows partials/alternate.html (helpgen's: a switcher to the same page in
            # each language) when `extra.alternate` is set; its <head> loop over a list of links needs
            # a list, so True shows the switcher and leaves the <head> to main.html's hreflang links.
            config.extra["alternate"] = True
        if not self.config.generator:
            config.extra["generator"] = False  # Material's own switch for its footer line
        if "content.tooltips" in (theme.get("features") or []):
            # Material's tooltips insert an element's title as HTML (its innerHTML), titles copied from an
            # article's title included: the browser's own tooltips show the same text as text.
            theme["features"] = [f for f in theme["features"] if f != "content.tooltips"]
            log.info("Material's content.tooltips is off: it shows titles as HTML (docs/security.md)")
        if self.config.safe_output and self.command != "serve":
            self._stage_output(config, project)
        host_problems = output.host_file_problems(project, list(self.config.host_files),
                                                  Path(config.config_file_path or "mkdocs.yml").name)
        if host_problems:
            raise HelpgenError(host_problems)
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
        use_search_worker(files, config)
        docs_dir = Path(config.docs_dir)
        refuse_links_outside(files, docs_dir, display_root(config))
        # The same rules as `helpgen check`: errors stop the build here, before any page is rendered.
        def checked(cache):
            return check_site_content(files, config, self.support, self.config.support, self.today, self.languages,
                                      self.html_policy, self.limits, cache, self.front_matter, self._drafts(),
                                      self.check_jobs, self.migration, synonym_source(config, self.config.synonyms))
        self.checked = checked(self._cache(self.check_cache))
        if self.command != "serve" and self._moves(config):
            self.checked = checked(None)  # files moved: checked afresh
        self.article_by_src, self.catalogs, self.nav_specs, self.related = {}, {}, {}, {}
        self.urls, self.redirects, self.generated_titles = site_urls(self.checked.results, self.languages)
        self.search_documents = []
        self.variables = {lang.code: support_variables(self.support, self.today, self.texts[lang.code],
                                                       lang.code if self.languages.multilingual else "")
                          for lang in self.languages}
        for lang in self.languages:
            articles = self.checked.results[lang.code].articles
            self.article_by_src.update({lang.src(a.src): a for a in articles.articles})
            catalog = self.catalogs[lang.code] = build_catalog(articles, self.texts[lang.code].t("category.general"))
            pages = list(articles.pages)
            related = self.memos.get(f"related-{lang.code}", related_digest(pages), lambda: choose_related(pages))
            self.related.update({lang.src(src): tuple(lang.src(o) for o in others) for src, others in related.items()})
            titles = generated_titles(self.texts[lang.code], config.site_name)
            self.generated_titles.update({lang.src(src): title for src, title in titles.items()})
            for src, text in generated_pages(catalog, files, lang, titles).items():
                files.append(File.generated(config, src, content=text, inclusion=InclusionLevel.INCLUDED))
            if self.config.navigation == "categories" and not config.nav:
                labels = {"home": self.texts[lang.code].t("nav.home"), "contact": self.texts[lang.code].t("site.contact_us")}
                self.nav_specs[lang.code] = [{title: lang.src(src)} for item in navigation(catalog, labels)
                                             for title, src in item.items()]
            self.notes[lang.code] = vault_notes(self.checked.results[lang.code], lang, self.article_by_src,
                                                self.texts[lang.code])
        publish_at_urls(files, self.urls, self.article_by_src)
        if self.nav_specs:
            config.nav = self.nav_specs.pop(self.languages.default.code)
            # Articles are reached from their category page on purpose; don't list them as "not in nav".
            config.validation.nav.omitted_files = logging.DEBUG
        if self.languages.multilingual:
            serve_default_at_root(files, self.languages)
            title_other_navigations(files, config, self.nav_specs)
        return files

    def on_nav(self, nav, *, config, files):
        self.navs = {self.languages.default.code: nav, **other_navigations(files, config, self.nav_specs, self.languages)}
        return nav

    def _drafts(self) -> bool:
        return self.config.drafts or self.build_drafts

    def _moves(self, config) -> bool:
        """URLs the previous build had and this one lost, in every language (moves.py). True when --fix
        changed files."""
        urls, redirects, _ = site_urls(self.checked.results, self.languages)
        articles = {lang.src(src): a for lang in self.languages
                    for src, a in self.checked.results[lang.code].articles.by_src().items()}
        changes = moves.check_moves(self.previous, Path(config.config_file_path or ".").resolve().parent,
                                    Path(config.docs_dir), config.use_directory_urls,
                                    moves.Published(urls, redirects, articles, self.languages),
                                    display_root(config), self.fix, Path(config.config_file_path or "mkdocs.yml").name)
        self.fixed += changes
        return bool(changes)

    def page_cache_state(self) -> list:
        """What any page may show of the whole site, for the preview's page cache (pipeline.py): the
        support config, build day, variables, notices in effect and every article's front matter (each
        body is in its own page's key)."""
        if self.checked is None:
            return []
        return [self.support, self.today, sorted((code, sorted(v.items())) for code, v in self.variables.items()),
                [(src, replace(a, body="")) for src, a in sorted(self.article_by_src.items())], self.notices.ids(),
                sorted(self.checked.outdated), sorted((code, sorted(t.items())) for code, t in self.overrides.items())]

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        article = self.article_by_src.get(page.file.src_uri)
        lang, rel = language_of_path(self.languages, page.file.src_uri)
        page.meta.update(page_frontmatter(rel, self.catalogs[lang.code], page.meta))
        first_line = article.body_line if article else 1
        if not lang.default:
            default = self.languages.default
            markdown = links_to_default(markdown, rel, lambda r: bool(files.get_file_from_path(lang.src(r))),
                                        lambda r: bool(files.get_file_from_path(default.src(r))),
                                        lang.folder, default.folder)
        config.mdx_configs["toc"]["permalink_title"] = self.permalink_title or self.texts[lang.code].t("site.permalink")
        markdown = substitute(markdown, self.variables[lang.code], display_path(config, page.file.src_uri), first_line)
        markdown = foreign_markdown(markdown, rel, self.checked.results[lang.code].urls.get(rel, ""),
                                    self.notes[lang.code])
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
            self.search_documents.append(search_document(page, article, html, self.languages))
        return html

    def on_env(self, env, *, config, files):
        # One escaping story: every value printed by a template, Material's included (page titles, nav
        # titles, meta descriptions from front matter), is escaped unless it is markup helpgen made.
        env.autoescape = True
        def url_for(src: str) -> str:
            file = files.get_file_from_path(src)
            return file.url if file else ""

        refuse_missing_templates(env, files, display_root(config))
        self.env, self.files = env, files  # each language's 404 page renders after the pages (on_post_build)
        for lang in self.languages:
            self.contexts[lang.code] = site_context(
                self.support, self.catalogs[lang.code], self.today, lambda rel, lang=lang: url_for(lang.src(rel)),
                config.site_url or None, text=self.texts[lang.code], related=self.related, src_of=lang.src,
                language=lang.code, index_prefix=lang.url_prefix, now=self.notices.now)
        default = self.languages.default.code
        env.globals["helpgen"] = self.contexts[default]
        env.globals["t"] = self.texts[default].t
        env.globals["helpgen_strings"] = self.browser_strings[default]
        if self.languages.multilingual:
            views = PageViews(self.languages, self.checked.translations, files, config.site_url or None,
                              self.checked.outdated, lambda code, day: format_date(day, self.texts[code]),
                              lambda code: self.texts[code].t("language.not_translated"))
            self.page_languages.update({f.src_uri: views.of(*language_of_path(self.languages, f.src_uri))
                                        for f in files.documentation_pages()})
            env.globals["helpgen_alternates"] = lambda src: (self.page_languages.get(src).alternates
                                                             if src in self.page_languages else ())
        return env

    @event_priority(-100)  # after every plugin: the content is final, only now is it marked as markup
    def on_page_context(self, context, *, page, config, nav):
        """Mark the page's sanitized HTML as markup (templates autoescape, see on_env); in a multi-language
        site, give the page its language's site data, navigation and Material strings (languages.py)."""
        if page.content is not None and not hasattr(page.content, "__html__"):
            page.content = Markup(page.content)
        mark_toc(page.toc)
        if not self.languages.multilingual:
            return context
        lang, _ = language_of_path(self.languages, page.file.src_uri)
        config.theme["language"] = self.material_languages[lang.code]
        context.update(self._language_context(lang), helpgen_languages=self.page_languages.get(page.file.src_uri),
                       nav=self.navs.get(lang.code, nav))
        return context

    def _language_context(self, lang) -> dict:
        """What a template reads in `lang`: site data, helpgen's words, the scripts' strings, navigation."""
        return {"helpgen": self.contexts[lang.code], "t": self.texts[lang.code].t,
                "nav": self.navs.get(lang.code) or self.navs.get(self.languages.default.code),  # `navigation: mkdocs`
                "helpgen_strings": self.browser_strings[lang.code]}

    def on_template_context(self, context, *, template_name, config):
        """The root 404 page (MkDocs renders it, in the default language): its language switcher, and
        where the other languages' 404 pages are (error_pages.py)."""
        if template_name == ERROR_TEMPLATE and self.languages.multilingual:
            default = self.languages.default
            context["helpgen_languages"] = not_found_switcher(self.page_languages, default,
                                                              self.catalogs[default.code].home_src)
            context["helpgen_notfound"] = root_not_found(self.languages)
        return context

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
        write_language_error_pages(self.env, config, self.files, self.languages, self._language_context,
                                   self.material_languages, self.page_languages,
                                   {code: catalog.home_src for code, catalog in self.catalogs.items()})
        config.theme["language"] = self.theme_language
        write_search_indexes(self.search_documents, config, self.languages, self._cache(self.search_cache),
                             synonym_source(config, self.config.synonyms))
        if self.build_store is not None:
            self.build_store.save("checks", self.check_cache)
            if self.search_cache.changed():
                self.build_store.save("search", self.search_cache.kept())
        self.memos.save()
        output.copy_host_files(Path(config.config_file_path or ".").resolve().parent, list(self.config.host_files),
                               Path(config.site_dir))
        pages = published_pages(self.urls, self.article_by_src, self.generated_titles, self.catalogs, self.languages)
        write_redirects(config.site_dir, self.redirects, pages, config.site_url or "",
                        config.theme.get("language") or "en", self.texts)
        self.notices.publish(Path(config.site_dir), self.site_dir)
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
