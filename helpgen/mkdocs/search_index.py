"""The adapter's part of search: what MkDocs hands helpgen's search engine, and what it writes back.

Each article page's search document (its sanitized HTML, front matter and language), marked excluded
for Material's own search plugin; synonyms.yml's place (the plugin's `synonyms` option); the worker
script, joined from the theme's parts in place of them; and, after the build, each language's index.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from .. import search
from ..search.synonym_file import DEFAULT_FILE as SYNONYMS_FILE, SynonymSource
from ..search.worker_script import SCRIPT, part_paths
from .languages import language_of_path
from .themes import SCRIPTS, theme_dir


def search_document(page, article, html: str, languages) -> search.SearchDocument:
    """The article page's search document, its terms worked out here (in a page worker, when pages are
    built in parallel). helpgen's index answers searches: Material's would repeat the work and ship
    every page's text, so the page is marked excluded from it."""
    lang, _ = language_of_path(languages, page.file.src_uri)
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return search.with_terms(search.document_from_html(
        page.url, article.title, html, article.description, article.tags, article.keywords,
        language=lang.code if languages.multilingual else ""))


def synonym_source(config, option: str | None) -> SynonymSource:
    """synonyms.yml: where the plugin's `synonyms` option says (then it must exist), or beside mkdocs.yml."""
    project = Path(config.config_file_path or ".").resolve().parent
    name = option or SYNONYMS_FILE
    return SynonymSource(project / name, name, required=bool(option))


def use_search_worker(files, config) -> None:
    """The site's search worker is one file joined from the theme's parts (search/worker_script.py):
    the parts leave the site's files, the joined script takes its place."""
    for path in (*part_paths(), SCRIPT):
        file = files.get_file_from_path(SCRIPTS + path)
        if file is not None:
            files.remove(file)
    files.append(File.generated(config, SCRIPTS + SCRIPT, content=search.worker_script(theme_dir() / SCRIPTS)))


def write_search_indexes(documents, config, languages, cache, synonyms: SynonymSource) -> None:
    """Each language's index into the built site, with its synonyms (on_files reported their errors)."""
    lines, _ = search.read_synonyms(synonyms, languages.codes)
    search.write_language_indexes(documents, Path(config.site_dir), [(lang.code, lang.url_prefix) for lang in languages],
                                  cache, lines)
