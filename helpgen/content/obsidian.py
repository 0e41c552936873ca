"""Obsidian's syntax as content: callout types, wikilinks (`[[Page]]`, `[[Folder/Page#Heading|label]]`,
`![[image.png|600]]`) and how Obsidian resolves them: a path from the vault's root, else the file name anywhere in the vault (the one in the
linking note's own folder when several have it), else a note's alternative name (`aliases:` that are names).
The same resolution serves `helpgen check` (a wikilink that names nothing is a broken link) and the build
(migrate/obsidian.py writes each as a Markdown link to the file it found). Each language folder is a vault.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

# `> [!type]` callouts -> the Material admonition type that looks the part (Obsidian's types and their aliases,
# and GitHub's alerts: NOTE, TIP, IMPORTANT, WARNING, CAUTION). Any other type is a note titled with its word,
# as Obsidian shows it (`> [!Eksempel]`, `> [!提示]`: a translated vault's own words).
CALLOUT_KINDS = {
    "note": "note", "abstract": "abstract", "summary": "abstract", "tldr": "abstract", "info": "info",
    "todo": "info", "tip": "tip", "hint": "tip", "important": "tip", "success": "success", "check": "success",
    "done": "success", "question": "question", "help": "question", "faq": "question", "warning": "warning",
    "caution": "warning", "attention": "warning", "failure": "failure", "fail": "failure", "missing": "failure",
    "danger": "danger", "error": "danger", "bug": "bug", "example": "example", "quote": "quote", "cite": "quote",
}

# `\|` is how a wikilink inside a table writes its `|` (Obsidian's own escape).
WIKILINK = re.compile(r"(?<!\\)(!?)\[\[([^\[\]\n]+?)\]\]")
_SIZE = re.compile(r"^\s*(\d+)(?:\s*x\s*(\d+))?\s*$")
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Wikilink:
    embed: bool
    target: str  # "Folder/Page" or "" (this page)
    fragment: str  # "Heading", "^block-id" or ""
    label: str  # the text after |, or ""
    col: int  # 1-based column of the `[[` (or `![[`) in its line
    written: str

    @property
    def size(self) -> tuple[str, str] | None:
        """(width, height or "") of an embed written `![[image.png|600]]` or `|600x400`."""
        match = _SIZE.match(self.label) if self.embed else None
        return (match.group(1), match.group(2) or "") if match else None

    @property
    def text(self) -> str:
        """What a link shows: its label, else the heading or page it names, as Obsidian shows it."""
        if self.label and not self.size:
            return self.label
        page = posixpath.basename(self.target)
        page = page[:-3] if page.lower().endswith(".md") else page
        heading = self.fragment.lstrip("^")
        return f"{page} > {heading}" if page and heading else page or heading


def wikilinks(line: str) -> list[Wikilink]:
    found = []
    for match in WIKILINK.finditer(line):
        inner = match.group(2).replace("\\|", "|")
        target, _, label = inner.partition("|")
        target, _, fragment = target.partition("#")
        fragment = fragment.split("#")[-1]  # [[Page#Heading#Sub heading]]: the last heading
        found.append(Wikilink(bool(match.group(1)), target.strip(), fragment.strip(), label.strip(),
                              match.start() + 1, match.group(0)))
    return found


@dataclass(frozen=True)
class Resolved:
    src: str | None  # the file the wikilink names, None when none or several do
    candidates: tuple[str, ...] = ()  # when several notes have the name: which


@dataclass
class Vault:
    """The files of one vault (a language's folder): Markdown pages, other files, and alternative names."""

    pages: set[str]
    files: set[str]
    names: dict[str, str] = field(default_factory=dict)  # alternative name -> page src (aliases)

    def __post_init__(self) -> None:
        self._by_path: dict[str, str] = {}
        self._by_name: dict[str, list[str]] = {}
        for src in sorted(self.pages | self.files):
            self._by_path.setdefault(src.casefold(), src)
            self._by_name.setdefault(posixpath.basename(src).casefold(), []).append(src)
            stem, ext = posixpath.splitext(src)
            if ext.lower() in MARKDOWN_SUFFIXES:
                self._by_path.setdefault(stem.casefold(), src)
                self._by_name.setdefault(posixpath.basename(stem).casefold(), []).append(src)
        self._by_alias: dict[str, list[str]] = {}
        for name, src in sorted(self.names.items()):
            self._by_alias.setdefault(name.casefold(), []).append(src)

    def resolve(self, target: str, from_src: str) -> Resolved:
        """Obsidian's rule (getFirstLinkpathDest): an exact path from the vault's top wins; else, of the files
        with that name (or a path ending so), the one in the linking note's own folder, else the shortest
        path; else a note with that alternative name. None only when nothing has the name."""
        if not target:
            return Resolved(from_src)
        key = target.strip().strip("/").casefold()
        folder = posixpath.dirname(from_src)
        if target.startswith(("./", "../")):
            key = posixpath.normpath(posixpath.join(folder, target)).casefold()
        if key in self._by_path:
            return Resolved(self._by_path[key])
        if "/" in key:
            named = {src for path, src in self._by_path.items() if path.endswith("/" + key)}
        else:
            named = set(self._by_name.get(key, [])) or set(self._by_alias.get(key, []))
        if not named:
            return Resolved(None)
        near = sorted(src for src in named if posixpath.dirname(src) == folder)
        return Resolved(near[0] if near else min(named, key=lambda src: (len(src), src)), tuple(sorted(named)))


def fragment_anchor(fragment: str, slugify, separator: str = "-") -> str:
    """The id a `#Heading` (or `#^block`) fragment lands on in the built page."""
    return fragment if fragment.startswith("^") else slugify(fragment, separator)
