"""The build's view of the content folder: the checks that stop a build, where files are shown from,
the pages helpgen writes itself, and pages moved by a `permalink:`. Used by plugin.py."""
from __future__ import annotations

import datetime as dt
import functools
import html
import json
import logging
import os
from contextlib import contextmanager
from pathlib import Path

from markupsafe import escape
from mkdocs.structure.files import Files

from ..checks.complexity import TOO_COMPLEX_HINT, RenderTooSlow, render_deadline
from ..checks.limits import Limits
from ..checks import CheckCache, ContentProject, LanguagesResult, check_languages, report
from ..content.articles import CONTACT_SRC, HOME_SRC, Article
from ..content.catalog import Catalog
from ..content.headings import OLD_IDS, heading_slug
from ..content.languages import Language, SiteLanguages
from ..content.options import FrontMatterOptions, MigrationOptions
from ..digests import resolved
from ..errors import HelpgenError, Location, Problem
from ..hours.support import SupportConfig
from ..migrate.obsidian import Notes
from ..content.redirects import output_file
from ..search.synonym_file import SynonymSource
from ..security import HtmlPolicy
from .site_facts import theme_facts
from .workers import fork_available, fork_map

log = logging.getLogger("mkdocs.plugins.helpgen")


def check_site_content(files: Files, config, support: SupportConfig, support_option: str, today: dt.date,
                   languages: SiteLanguages, html_policy: HtmlPolicy, limits: Limits, cache: CheckCache | None,
                   front_matter: FrontMatterOptions, drafts: bool, jobs: int = 1,
                   migration: MigrationOptions = MigrationOptions(),
                   synonyms: SynonymSource | None = None) -> LanguagesResult:
    """Hand MkDocs' view of the project to the check engine; raise its errors, log its warnings."""
    toc = config.mdx_configs.get("toc", {})
    docs = os.path.abspath(config.docs_dir)
    project = ContentProject(
        docs_dir=Path(config.docs_dir),
        # The content folder's own files: the theme's, added by MkDocs before this event, are the theme's.
        files=tuple(f.src_uri for f in files if f.inclusion.is_included() and not f.generated_by
                    and f.src_dir and os.path.abspath(f.src_dir) == docs),
        theme=theme_facts(config),
        display_root=display_root(config),
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
        migration=migration,
        include_drafts=drafts,
        site_url=config.site_url or "",
        map_work=functools.partial(fork_map, jobs=jobs) if jobs > 1 and fork_available() else None,
        synonyms=synonyms,
    )
    result = check_languages(project, languages, today, cache)
    # Drafts (without --drafts) and redirect stubs are no pages: not built, not in search or the sitemap.
    unpublished = {lang.src(src) for lang in languages for src in result.results[lang.code].unpublished}
    for file in [f for f in files if f.src_uri in unpublished]:
        files.remove(file)
    repeated, single = report.grouped(result.warnings)
    for members in repeated:
        log.warning(f"{report.group_line(members)} ({report.group_places(members)}) [{members[0].rule}]")
    for warning in single:
        log.warning(f"{warning} [{warning.rule}]")
    if result.errors:
        raise HelpgenError(result.errors)
    return result


def markdown_extensions(config) -> str | None:
    """What helpgen's Markdown needs on top of the site's own extensions: admonitions (`:::note` containers,
    Obsidian callouts, foldable with details) and heading ids that keep every language's letters, the old
    ASCII ids still answering (content/headings.py), unless mkdocs.yml gives the toc its own slugify.
    Returns mkdocs.yml's own title of the links beside headings, if it has one: otherwise each page gets
    it in its language (Python-Markdown's is "Permanent link" on every page)."""
    for needed in ("admonition", "pymdownx.details"):
        if needed not in config.markdown_extensions:
            config.markdown_extensions.append(needed)
    toc = config.mdx_configs.setdefault("toc", {})
    if "slugify" not in toc:
        toc["slugify"] = heading_slug
        config.markdown_extensions.append(OLD_IDS)
        config.mdx_configs[OLD_IDS] = {"separator": toc.get("separator", "-")}
    return toc.get("permalink_title")


def publish_at_urls(files: Files, urls: dict[str, str], articles: dict[str, Article]) -> None:
    """Each page where helpgen publishes it: at its `permalink:`, or at its path with clean names
    (`Getting started/Create a vault.md` -> getting-started/create-a-vault/). MkDocs derives url and paths
    from dest_uri, lazily."""
    for file in files.documentation_pages():
        url = urls.get(file.src_uri)
        if url is None or output_file(url) == file.dest_uri:
            continue
        file.dest_uri = output_file(url)
        for derived in ("url", "abs_dest_path"):
            file.__dict__.pop(derived, None)


def mark_toc(toc) -> None:
    """Heading titles in the table of contents are Markdown's escaped text of the heading: decoded and
    escaped again, so they print once-escaped whatever an extension left in them."""
    for item in toc or ():
        if not hasattr(item.title, "__html__"):
            item.title = escape(html.unescape(item.title))
        mark_toc(item.children)


def display_root(config) -> str:
    return display_root_of(config.config_file_path or os.path.abspath("."), config.docs_dir)


@functools.lru_cache(maxsize=16)  # asked once per page: resolving paths took a fifth of on_page_markdown
def display_root_of(config_file_path: str, docs_dir: str) -> str:
    project = Path(config_file_path).resolve().parent
    docs = Path(docs_dir).resolve()
    return docs.relative_to(project).as_posix() if docs.is_relative_to(project) else str(docs)


def display_path(config, src_uri: str) -> str:
    root = display_root(config)
    return f"{root}/{src_uri}" if root else src_uri


def refuse_links_outside(files: Files, docs_dir: Path, display_root: str) -> None:
    """MkDocs follows symlinks anywhere; a help center must not publish files from outside its folder."""
    # Strings and os.path, not Path objects: asked for every file of the site on every build.
    root, inside = os.path.realpath(docs_dir), str(docs_dir.absolute())
    folders: dict[str, str] = {}

    def outside(path: str) -> bool:
        real = resolved(path, folders)
        return real != root and not real.startswith(os.path.join(root, ""))
    problems = [
        Problem(Location(f"{display_root}/{f.src_uri}"), "this file is a link to somewhere outside the content folder",
                "copy the file into the content folder instead of linking to it")
        for f in files if f.abs_src_path and f.abs_src_path.startswith(inside) and outside(f.abs_src_path)
    ]
    if problems:
        raise HelpgenError(problems)


def generated_titles(text, site_name: str = "") -> dict[str, str]:
    """A generated home page is titled with the site's name, which the breadcrumbs and titles use too."""
    return {HOME_SRC: site_name or text.t("site.help_center"), CONTACT_SRC: text.t("site.contact_us")}


def generated_pages(catalog: Catalog, files: Files, lang: Language, titles: dict[str, str]) -> dict[str, str]:
    """Home, category and contact pages the writer did not write, so every category has a landing page."""
    wanted = {src: title for src, title in titles.items() if src != HOME_SRC or catalog.home is None}
    wanted.update({c.index_src: c.title for c in catalog.categories})
    existing = {f.src_uri for f in files}
    return {lang.src(src): f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n"
            for src, title in wanted.items() if lang.src(src) not in existing}


def vault_notes(result, lang: Language, articles: dict[str, Article], text) -> Notes:
    """What rendering a page of `lang` needs of its vault (migrate/obsidian.py), in the language's own paths."""
    def body_of(rel: str) -> str | None:
        article = articles.get(lang.src(rel))
        return article.body if article else None

    def url_of(rel: str) -> str | None:
        return result.urls.get(rel) or (rel if result.vault and rel in result.vault.files else None)

    return Notes(result.vault, body_of, url_of, lambda kind: text.t(f"admonition.{kind}"))


@contextmanager
def bounded_render(config, src_uri: str):
    """Render one page within the time budget (checks/complexity.py); past it, or nested deeper than
    Python's stack, the build stops with an error at the file instead of running for minutes."""
    try:
        with render_deadline():
            yield
    except RenderTooSlow as exc:
        raise HelpgenError.at(Location(display_path(config, src_uri), 1), f"{exc}: this article is too complex "
                              "to render", TOO_COMPLEX_HINT) from None
    except RecursionError:
        raise HelpgenError.at(Location(display_path(config, src_uri), 1), "this article is nested too deeply to "
                              "render", TOO_COMPLEX_HINT) from None


def published_pages(urls: dict[str, str], articles: dict[str, Article], generated_titles: dict[str, str],
                    catalogs: dict[str, Catalog], languages: SiteLanguages) -> dict[str, tuple[str, str]]:
    """url -> (src, title) of every page a build published, for the URL manifest."""
    titles = dict(generated_titles)
    titles.update({lang.src(c.index_src): c.title for lang in languages for c in catalogs[lang.code].categories})
    return {url: (src, articles[src].title if src in articles else titles.get(src, "")) for src, url in urls.items()}
