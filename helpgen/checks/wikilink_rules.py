"""Obsidian's `[[wikilinks]]` and `![[embeds]]`, resolved as Obsidian and the build resolve them
(content/obsidian.py): one that names no file, or several, is a broken link; a `#Heading` or `#^block` that
the page it reaches does not have is a broken anchor."""
from __future__ import annotations

import posixpath
from typing import Iterator

from ..content.obsidian import Vault, fragment_anchor, wikilinks
from ..errors import Problem, did_you_mean
from .links import SiteIndex, check_anchor
from .project import is_markdown
from .rules import finding
from .source import SourceFile


def vault_of(sources: dict[str, SourceFile], files: set[str]) -> Vault:
    """The vault a language's folder is: its Markdown pages, its other files, and its notes' other names."""
    names = {name: src for src, source in sorted(sources.items()) if source.article
             for name in source.article.more.names}
    return Vault(set(sources), {f for f in files if not is_markdown(f)}, names)


def check_wikilinks(sources: list[SourceFile], vault: Vault, site: SiteIndex, slugify, separator: str) -> Iterator[Problem]:
    for source in sources:
        for number, text in source.prose_lines():
            if "[[" not in text:
                continue
            for link in wikilinks(text):
                where = source.at(number, link.col)
                found = vault.resolve(link.target, source.src)
                if found.src is None:
                    yield finding("broken-link", where, *_unresolved(link.written, vault))
                    continue
                if link.fragment and is_markdown(found.src) and not (link.embed and link.size):
                    yield from check_anchor(source, found.src, fragment_anchor(link.fragment, slugify, separator),
                                            where, site)


def _unresolved(written: str, vault: Vault) -> tuple[str, str]:
    """(message, hint) for a wikilink that names no file."""
    target = written.strip("![]").replace("\\|", "|").split("|")[0].split("#")[0]
    names = {posixpath.splitext(posixpath.basename(p))[0]: p for p in sorted(vault.pages | vault.files)}
    close = did_you_mean(posixpath.basename(target), names)
    return (f"{written} names no note or file in this folder",
            close if close.startswith("did you mean") else
            "link to a note by its file name or path, or to one of its aliases; a file to embed must be in the "
            "content folder")
