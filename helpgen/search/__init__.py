"""helpgen's search engine: articles in, small prebuilt index files out; ranking for the CLI.

No MkDocs here. The adapter hands over each article's rendered body (`document_from_html`) and, after
the build, writes the index (`write_site_index`) with the site's synonyms (`read_synonyms`). The
browser worker (`worker_script`, built from the theme's search/*.js) reads the same files.

Build: sections.py (HTML -> sections), text.py (words, stems, Chinese), index.py and postings.py (the
files), synonym_file.py and synonyms.py (synonyms.yml). Query, mirrored by the worker's files of the
same names: lexicon.py, query.py, synonyms.py, rank.py, searcher.py (files read as the browser reads them).
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import HelpgenError, Location
from .index import SearchDocument, SearchIndex, TermsCache, build_index, with_terms, write_index
from .searcher import IndexFiles, Result, search_site
from .sections import Section, split_sections
from .synonym_file import Synonym, Synonyms, SynonymSource, read_synonyms
from .worker_script import worker_script

INDEX_FOLDER = ("search", "helpgen")

__all__ = ["IndexFiles", "Result", "SearchDocument", "SearchIndex", "Section", "Synonym", "SynonymSource",
           "Synonyms", "TermsCache", "build_index", "document_from_html", "format_results", "index_folder",
           "open_site_index", "read_synonyms", "search_site", "split_sections", "stale_sources", "with_terms",
           "worker_script", "write_index", "write_language_indexes", "write_site_index"]


def document_from_html(location: str, title: str, html: str, description: str = "",
                       tags: tuple[str, ...] = (), keywords: tuple[str, ...] = (),
                       language: str = "") -> SearchDocument:
    return SearchDocument(location, title, description, tuple(tags), tuple(split_sections(html)),
                          language=language, keywords=tuple(keywords))


def index_folder(site_dir: Path, url_prefix: str = "") -> Path:
    """Where a language's index lives: `search/helpgen/` under the language's own part of the site
    (the default's at the root, Danish under `da/`), so the worker of a page finds its language's."""
    return Path(site_dir).joinpath(*Path(url_prefix).parts, *INDEX_FOLDER)


def write_language_indexes(documents: list[SearchDocument], site_dir: Path, languages: list[tuple[str, str]],
                           cache: TermsCache | None = None, synonyms: Synonyms = Synonyms()) -> dict[str, SearchIndex]:
    """One index per language, `languages` being (code, URL prefix) pairs, the default first. Each holds
    only its language's articles (documents carry their page's language; "" = a one-language site),
    and its language's synonyms: a Danish visitor's search never returns English articles, and never
    pays for their files."""
    groups: dict[str, list[SearchDocument]] = {code: [] for code, _ in languages}
    default = languages[0][0]
    for doc in documents:
        groups.get(doc.language, groups[default]).append(doc)
    single = len(languages) == 1
    return {code: write_site_index(groups[code], Path(site_dir).joinpath(*Path(prefix).parts),
                                   cache if single or cache is None else cache.part(code),
                                   synonyms.for_language(code), code)
            for code, prefix in languages}


def write_site_index(documents: list[SearchDocument], site_dir: Path, cache: TermsCache | None = None,
                     synonyms: tuple[Synonym, ...] = (), language: str = "en") -> SearchIndex:
    """Build and write the index; a cache (the preview keeps one) spares re-tokenizing unchanged articles."""
    index = build_index(documents, cache, synonyms, language)
    write_index(index, index_folder(site_dir))
    return index


def open_site_index(site_dir: Path, url_prefix: str = "") -> IndexFiles:
    """The index of a built site (of one language: its URL prefix, "" for the default), or an error
    saying how to get one."""
    folder = index_folder(site_dir, url_prefix)
    if not (folder / "manifest.json").is_file():
        raise HelpgenError.at(Location(str(site_dir)), "no helpgen search index in this site",
                              "build the help center first: helpgen build")
    return IndexFiles(folder)


def stale_sources(site_dir: Path, docs_dir: Path) -> list[Path]:
    """Markdown files changed since the index was written: what `helpgen search` cannot see yet."""
    manifest = index_folder(site_dir) / "manifest.json"
    if not manifest.is_file():
        return []
    built = manifest.stat().st_mtime
    return sorted(p for p in Path(docs_dir).rglob("*.md") if p.stat().st_mtime > built)


def format_results(query: str, results: list[Result], as_json: bool = False) -> str:
    if as_json:
        return json.dumps({"query": query, "results": [r.as_json() for r in results]}, ensure_ascii=False, indent=2)
    if not results:
        return f'No article matches "{query}": visitors are offered the contact channels instead.'
    lines = []
    for r in results:
        lines.append(f"{r.rank:>2}. {r.title}  ({r.score:.2f})")
        lines.append(f"    {r.location}")
        for title, url in r.sections[:2]:
            lines.append(f"    § {title}: {url}")
        if r.missing:
            lines.append(f"    missing: {', '.join(r.missing)}")
    return "\n".join(lines)
