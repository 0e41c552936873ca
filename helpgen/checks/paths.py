"""Where each source lands in the built site, and which pages visitors can reach by browsing.

Output paths follow MkDocs' rules (`a/b.md` -> `a/b/index.html` with directory URLs, `README.md` acts
as `index.md`), compared case-insensitively: the site is often edited on macOS or Windows and served
from a case-sensitive host, where `Returns.md` and `returns.md` are two pages, or one overwrites the other.
"""
from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Iterator

from ..content.articles import CONTACT_SRC, url_name
from ..content.catalog import Catalog
from ..errors import Location, Problem, did_you_mean
from .project import is_markdown
from .rules import finding
from .source import SourceFile


def output_path(src: str, use_directory_urls: bool) -> str:
    """Where a page is written: MkDocs' rule over the path with each name made clean for a URL (url_name:
    `Getting started/Create a vault.md` -> `getting-started/create-a-vault/index.html`)."""
    # String operations, as PurePosixPath's parent and stem would give for MkDocs' normalized
    # "a/b/name.md": asked three times per file per check (1 s in Path objects at 10,000 articles).
    folder, _, name = src.rpartition("/")
    parent = "".join(f"{url_name(part)}/" for part in folder.split("/")) if folder else ""
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name
    if stem in ("index", "README", "_index"):  # _index.md: a Hugo section's own page
        return f"{parent}index.html"
    stem = url_name(stem)
    return f"{parent}{stem}/index.html" if use_directory_urls else f"{parent}{stem}.html"


def page_url(src: str, use_directory_urls: bool) -> str:
    """The page's URL relative to the site root, as MkDocs writes it ("" for the home page)."""
    out = output_path(src, use_directory_urls)
    return out.removesuffix("index.html") if use_directory_urls and out.endswith("index.html") else out


def landed_path(base: str, path: str) -> str:
    """Where a relative link MkDocs leaves as written (raw HTML, a file) takes the browser from the page at
    URL `base`: the site path it resolves to ("" for the site root)."""
    folder = base if base.endswith("/") or not base else posixpath.dirname(base) + "/"
    landed = posixpath.normpath(posixpath.join(folder, path)).removeprefix("./")
    return "" if landed == "." else landed


def generated_pages(catalog: Catalog, sources: set[str]) -> set[str]:
    """The pages the build writes when the writer did not: home, contact, each category's landing page."""
    wanted = {catalog.home_src, CONTACT_SRC} | {c.index_src for c in catalog.categories}
    return wanted - sources


def check_output_paths(pages: list[str], files: dict[str, SourceFile], generated: set[str],
                       use_directory_urls: bool) -> Iterator[Problem]:
    """Two pages on one output path, exactly or by case; folders whose names differ only by case."""
    taken: dict[str, str] = {}  # casefolded output path -> the first source written there
    folders: dict[str, tuple[str, str]] = {}  # casefolded folder -> (its first spelling, the source that set it)
    reported: set[str] = set()  # each folder spelled two ways is reported once
    for src in sorted(set(pages) | generated, key=lambda s: (s in generated, s)):
        out = output_path(src, use_directory_urls)
        where = Location(files[src].file if src in files else src, 1)
        first = taken.setdefault(out.casefold(), src)
        if first != src and src not in generated:
            how = "the same page" if output_path(first, use_directory_urls) == out else "pages differing only in case"
            yield finding("duplicate-output-path", where,
                          f'"{src}" and "{first}" are built as {how} ({out})',
                          "rename or merge one of them" + ("; README.md is dropped when index.md exists"
                                                           if "README" in src + first else ""))
        elif first != src:
            yield finding("duplicate-output-path", files[first].at(1) if first in files else where,
                          f'"{first}" takes the place of the generated page "{src}" ({out})',
                          "rename the file, or the category folder it collides with")
        parts = src.split("/")
        for parent in ("/".join(parts[:end]) for end in range(len(parts) - 1, 0, -1)):  # nearest folder first
            spelled, owner = folders.setdefault(parent.casefold(), (parent, src))
            if spelled != parent and spelled.casefold() not in reported:
                reported.add(spelled.casefold())
                # A generated category page uses the lowercase category id: blame the writer's folder.
                blamed = files[owner] if src in generated and owner in files else files.get(src)
                yield finding("duplicate-output-path", blamed.at(1) if blamed else where,
                              f'folder "{parent}" differs from "{spelled}" only in case',
                              "use one spelling, in lowercase: on macOS and Windows they are one folder, "
                              "on the web two")
                break


def check_slugs(articles: list[tuple[SourceFile, str]]) -> Iterator[Problem]:
    """Articles in different folders sharing a file name: `helpgen new` and writers' links mix them up."""
    seen: dict[str, SourceFile] = {}
    for source, slug in sorted(articles, key=lambda item: item[0].src):
        first = seen.setdefault(slug.casefold(), source)
        same_folder = first.src.rpartition("/")[0] == source.src.rpartition("/")[0]
        if first is not source and not same_folder:  # same folder: a duplicate output path, reported there
            yield finding("duplicate-slug", source.at(1),
                          f'the slug "{slug}" is also used by {first.file}',
                          "give one of them a more specific file name")


def check_reachability(catalog: Catalog, files: dict[str, SourceFile], folders: set[str]) -> Iterator[Problem]:
    """Pages no category page lists, and `category:` values that look like typos of a real category."""
    listed = {catalog.home_src, CONTACT_SRC} | {c.index_src for c in catalog.categories} | set(catalog.section_pages())
    listed |= {a.src for c in catalog.categories for a in c.articles}
    for src, source in sorted(files.items()):
        article = source.article
        if article is None or article.is_redirect or article.is_draft:
            continue  # a stub is no page; a draft is reported as a draft
        if src not in listed:
            why = ("it is a category page, but no article has this category" if article.is_index
                   and src.count("/") == 1 else
                   "a sub-folder's index.md opens a section, but no article is in it")
            yield finding("unreachable-article", source.at(1),
                          f"no category page or home page links to this page: {why}",
                          "move the articles it should list into its folder, or move this page into a category")
            continue
        written = article.meta.get("category")
        if article.is_index or not written or written in folders:
            continue
        others = [c.id for c in catalog.categories if c.id != written]
        same = catalog.category(written)
        hint = did_you_mean(written, others)
        if same and len(same.articles) == 1 and hint.startswith("did you mean"):
            yield finding("unknown-category", source.at(source.key_line("category"), 1),
                          f'category "{written}" has no folder and no other article', hint)


def check_linked_files(docs_dir: Path, files: list[str], display_root: str) -> Iterator[Problem]:
    """Images and other files that link (symlink) outside the content folder: the build refuses every
    such file, so the check reports them all too, not only the Markdown ones it reads."""
    root = docs_dir.resolve()
    for src in files:
        if is_markdown(src):
            continue  # read_source reports these, with the same words
        if not (docs_dir / src).resolve().is_relative_to(root):
            shown = f"{display_root}/{src}" if display_root else src
            yield finding("unreadable-file", Location(shown, 1), "this file links outside the content folder",
                          "copy the file into the content folder instead of linking to it")
