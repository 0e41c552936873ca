"""helpgen's search engine: articles in, small prebuilt index files out; ranking for the CLI.

No MkDocs here. The adapter hands over each article's rendered body (`document_from_html`) and, after
the build, writes the index (`write_site_index`). The browser worker reads the same files.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import HelpgenError, Location
from .index import SearchDocument, SearchIndex, TermsCache, build_index, with_terms, write_index
from .query import IndexFiles, Result, search_site
from .sections import Section, split_sections

INDEX_FOLDER = ("search", "helpgen")

__all__ = ["IndexFiles", "Result", "SearchDocument", "SearchIndex", "Section", "TermsCache", "build_index",
           "document_from_html", "format_results", "index_folder", "open_site_index", "search_site",
           "split_sections", "stale_sources", "with_terms", "write_index", "write_site_index"]


def document_from_html(location: str, title: str, html: str, description: str = "",
                       tags: tuple[str, ...] = (), keywords: tuple[str, ...] = ()) -> SearchDocument:
    return SearchDocument(location, title, description, tuple(tags), tuple(split_sections(html)),
                          keywords=tuple(keywords))


def index_folder(site_dir: Path) -> Path:
    return Path(site_dir).joinpath(*INDEX_FOLDER)


def write_site_index(documents: list[SearchDocument], site_dir: Path, cache: TermsCache | None = None) -> SearchIndex:
    """Build and write the index; a cache (the preview keeps one) spares re-tokenizing unchanged articles."""
    index = build_index(documents, cache)
    write_index(index, index_folder(site_dir))
    return index


def open_site_index(site_dir: Path) -> IndexFiles:
    """The index of a built site, or an error saying how to get one."""
    folder = index_folder(site_dir)
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
