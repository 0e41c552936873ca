"""Paths of the built site that belong to the theme or to helpgen, which no content may take.

MkDocs lets a file in the content folder win over the theme's file at the same path, and a page, a
`permalink:` or a redirect can be written at any path. A content file at `assets/javascripts/…`, a page
whose permalink is `/404.html`, a `sitemap.xml.md` (built as the folder `sitemap.xml/`) would each replace
what every page loads or what the host serves. Every path the build writes for content is compared with
the theme's files and the files helpgen and MkDocs generate, case-insensitively (hosts on macOS and
Windows) and as folders (a page at `sitemap.xml/index.html` needs `sitemap.xml` to be a folder).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from ..errors import Location, Problem
from ..content.redirects import output_file, writes_page
from .files import HOST_FILES, published_type, shown_path
from .project import is_markdown
from .rules import finding

# What the build writes besides pages and the theme's files, by whom (for the message).
GENERATED_FILES = {
    "sitemap.xml": "MkDocs' sitemap", "sitemap.xml.gz": "MkDocs' sitemap", "_redirects": "helpgen's redirects",
    "_headers": "the host's configuration", "support-status.json": "helpgen's live support status",
    "search/search_index.json": "Material's search",
}
GENERATED_FOLDERS = {"search/helpgen/": "helpgen's search index", ".helpgen/": "helpgen's URL manifest"}


@dataclass(frozen=True)
class Reserved:
    files: dict[str, str]  # casefolded path -> who writes it
    folders: dict[str, str]  # casefolded "folder/" -> who writes it
    parents: frozenset[str]  # every folder that holds a reserved file, casefolded, with a trailing /

    def owner(self, path: str) -> tuple[str, str] | None:
        """(the reserved path, who writes it) when writing `path` would replace or displace it."""
        folded = path.casefold()
        if folded in self.files:
            return folded, self.files[folded]
        if folded + "/" in self.parents:
            return folded, "the theme"  # a file where the theme needs a folder
        parts = folded.split("/")
        for end in range(1, len(parts)):
            ancestor = "/".join(parts[:end])
            if ancestor in self.files:
                return ancestor, self.files[ancestor]  # a folder where a file must be
            if ancestor + "/" in self.folders:
                return ancestor + "/", self.folders[ancestor + "/"]
        return None


def reserved_paths(theme_files: Iterable[str], language_prefixes: Iterable[str] = ("",)) -> Reserved:
    """The theme's static files, and what the build generates in every language's folder."""
    files = {path.casefold(): "the theme" for path in theme_files}
    for prefix in language_prefixes:
        files[f"{prefix}404.html".casefold()] = "helpgen's not-found page"
    files.update({path: who for path, who in GENERATED_FILES.items()})
    parents = {"/".join(path.split("/")[:end]) + "/" for path in files for end in range(1, path.count("/") + 1)}
    return Reserved(files, dict(GENERATED_FOLDERS), frozenset(parents))


def check_site_paths(project, languages, results: dict, reserved: Reserved) -> Iterator[Problem]:
    """Every content file, page and redirect page of every language against the reserved paths."""
    def blame(path: str, where: Location, what: str) -> Iterator[Problem]:
        taken = reserved.owner(path)
        if taken:
            replaced = f"/{taken[0]}, which {taken[1]} publishes" if taken[0] == path.casefold() else \
                f"/{taken[0]} ({taken[1]}): it would be written at /{shown_path(path)}"
            yield finding("reserved-path", where, f"{what} would replace {replaced}",
                          "choose another file name, permalink or redirect")

    for src in project.files:
        if is_markdown(src) or not published_type(src) or src.rsplit("/", 1)[-1].lower() in HOST_FILES:
            continue  # a page is checked at its URL below; a file files.py refuses is reported there
        found = languages.of_src(src) if languages.multilingual else None
        path = found[0].dest(found[1]) if found is not None else src
        yield from blame(path, Location(shown_path(_join(project.display_root, src)), 1), "this file")
    for lang in languages:
        result = results[lang.code]
        articles = result.articles.by_src()
        for src, url in sorted(result.urls.items()):
            article = articles.get(src)
            what = "this page" if article is None or article.more.permalink is None else "this page's permalink"
            where = Location(_join(project.display_root, lang.src(src)), 1)
            yield from blame(lang.url_prefix + output_file(url), where, what)
        for redirect in result.redirects:
            # A redirect's page is written at its old path, and its `_redirects` rule answers that path on
            # Netlify and Cloudflare before any file: either way it would take the reserved path's place.
            path = output_file(redirect.source) if writes_page(redirect.source) else redirect.source
            yield from blame(lang.url_prefix + path, redirect.origin,
                             f"the redirect from /{lang.url_prefix}{redirect.source}")


def _join(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name
