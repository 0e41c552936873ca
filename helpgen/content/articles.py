"""Markdown files -> Article: front matter parsed and validated by helpgen, not MkDocs.

MkDocs drops front matter it cannot parse and builds the page anyway; a help center then ships an
article with no title or category and nobody notices. Here every file is read first, every problem
is collected with its real line, and the build stops before anything is written.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Iterable

from ..errors import HelpgenError, Location, Problem, did_you_mean
from ..yamlsource import Node, Reader, expect_date, expect_text, iter_sequence, parse_yaml
from .fields import MoreFields, read_bool, read_more_fields
from .options import DEFAULT_OPTIONS, FrontMatterOptions
from .keys import apply_aliases, unknown_key_problems
from .titles import inline_title

ARTICLE_TYPES = ("faq", "policy", "guide")
DEFAULT_TYPE = "guide"
DEFAULT_CATEGORY = "general"
HOME_SRC = "index.md"
INDEX_NAMES = ("index.md", "README.md", "_index.md")  # _index.md: a Hugo section's own page
CONTACT_SRC = "contact.md"  # the writer's own, when there is one; helpgen makes it otherwise

# One declared list drives validation, did-you-mean hints and docs/front-matter.md.
FRONT_MATTER_KEYS = {
    "title": "Required, unless the file's name reads as one (`Bases syntax.md`, `公式.md`, as Obsidian names notes). "
             "The question or topic, as customers would phrase it.",
    "description": "One sentence: the search snippet and the page's meta description.",
    "type": "faq | policy | guide (default guide).",
    "category": "Category id; default: the article's top-level folder.",
    "tags": "A list of words customers might search for.",
    "keywords": "Words customers type for this article that it does not use (\"send back\"): searched like the title, never shown.",
    "updated": "YYYY-MM-DD; shown as \"Updated on\". Policies should have it.",
    "review_by": "YYYY-MM-DD; `helpgen check` warns once it has passed.",
    "promoted": "true to feature the article on the home page.",
    "order": "A number; on a category's index.md it orders the categories on the home page.",
    "short_title": "A shorter title for the sidebar and breadcrumbs.",
    "section": "A section inside the category; articles in a sub-folder are in that folder's section.",
    "permalink": "The page's URL from the site root (/custom/url/); two pages on one URL are an error.",
    "redirect_from": "Old URLs of this page (a list); each gets a redirect page and a _redirects line.",
    "aliases": "Hugo's name for redirect_from (old URLs: `/old/page/`); entries that are names (Obsidian: "
               "`Refund policy`, `取消订阅`) are alternative names instead: searched, and `[[wikilinks]]` reach the page.",
    "redirect": "This file is only a redirect to that page or URL (no title needed).",
    "redirect_to": "Jekyll's name for redirect; read the same way.",
    "related": "Related articles (slugs or paths; a list or a comma-separated string); chosen automatically when absent.",
    "draft": "true leaves the article out of `helpgen build` unless --drafts; `helpgen check` warns.",
    "translation_of": "The source article, when a translation's file name differs from its source's.",
    # Passed through to MkDocs and Material untouched.
    "template": "A theme template for this page (MkDocs).",
    "hide": "Material: parts of the page to hide (navigation, toc, footer).",
    "search": "Material: `{exclude: true}` keeps the page out of search.",
    "icon": "Material: the page's icon.",
}

_FRONT_MATTER_OPEN = re.compile(r"^---[ \t]*$")
_FRONT_MATTER_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_UNSAFE_IN_URL = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class Article:
    """One Markdown file of the help center. `index.md` files are category (or home) landing pages."""

    src: str  # path below the content folder, with forward slashes
    title: str
    description: str = ""
    type: str = DEFAULT_TYPE
    category: str = DEFAULT_CATEGORY
    tags: tuple[str, ...] = ()
    updated: dt.date | None = None
    review_by: dt.date | None = None
    promoted: bool = False
    order: int | None = None
    body: str = ""
    body_line: int = 1  # the file line the body starts on
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    keywords: tuple[str, ...] = ()  # hidden search words: in the index like the title, on no page
    more: MoreFields = MoreFields()  # permalink, redirects, section, related, draft (fields.py)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)  # the team's extra_keys
    title_html: str = ""  # the title rendered, when it has Markdown in it (then `title` is its plain text)

    @property
    def is_redirect(self) -> bool:
        """A stub whose only job is to send visitors elsewhere: not a page of the help center."""
        return bool(self.more.redirect)

    @property
    def is_draft(self) -> bool:
        return self.more.draft

    @property
    def nav_title(self) -> str:
        return self.more.short_title or self.title

    @property
    def translation_of(self) -> str:
        """A translation's original, when the slugs differ (content/translations.py)."""
        return self.more.translation_of

    @property
    def is_index(self) -> bool:
        # String operations, not PurePosixPath: asked about every article many times per build. A README.md is
        # its folder's index.md, as MkDocs (and GitBook, GitHub) read it.
        return _name(self.src) in INDEX_NAMES

    @property
    def is_home(self) -> bool:
        """The home page: `index.md`, or an article whose `permalink: /` makes it the home page (a vault's
        `Home.md`), when there is no index.md (the catalog decides: Catalog.home)."""
        return self.src in INDEX_NAMES or (self.more.permalink == "" and not self.is_redirect)

    @property
    def is_contact(self) -> bool:
        """The writer's own contact page: shown by the contact template with the channels, not an article."""
        return self.src == CONTACT_SRC

    @property
    def slug(self) -> str:
        return _stem(_name(self.src))


def _name(src: str) -> str:
    """PurePosixPath(src).name for the forward-slash paths articles have."""
    return src.rstrip("/").rpartition("/")[2]


def _stem(name: str) -> str:
    """PurePosixPath's stem: the name without its last suffix; ".md" and "x." have none."""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


@functools.lru_cache(maxsize=8192)  # asked for every path segment of every page, several times per build
def url_name(name: str) -> str:
    """A file or folder name as it appears in URLs and ids: lowercase, words joined by dashes, letters of every
    script kept (`Getting started` -> `getting-started`, `Nano Family` -> `nano-family`, `快速入门` as it is).
    Names already so (`returns`, `how-do-i-return.md`) are unchanged: URLs helpgen published stay put."""
    if name == name.lower() and not _UNSAFE_IN_URL.search(name):
        return name
    cleaned = _UNSAFE_IN_URL.sub("-", name.lower().replace("'", "").replace("\u2019", "")).strip("-")
    return cleaned or name


def is_category_id(value: str) -> bool:
    return bool(value) and url_name(value) == value and not value.startswith(("-", "_", "."))


def folder_category(src: str) -> str:
    parts = src.split("/")
    return url_name(parts[0]) if len(parts) > 1 else DEFAULT_CATEGORY


def split_front_matter(text: str, file: str) -> tuple[str | None, int, str, int]:
    """(front matter or None, its first line, body, the body's first line). Raises on an unclosed block."""
    lines = text.split("\n")
    if not lines or not _FRONT_MATTER_OPEN.match(lines[0]):
        return None, 0, text, 1
    for index in range(1, len(lines)):
        if _FRONT_MATTER_CLOSE.match(lines[index]):
            return "\n".join(lines[1:index]) + "\n", 2, "\n".join(lines[index + 1:]), index + 2
    raise HelpgenError.at(Location(file, 1, 1), "front matter opened here is never closed",
                          "end it with a line of three dashes: ---")


def normalize_text(raw: bytes | str) -> str:
    """UTF-8 with or without BOM, CRLF or LF: one canonical text so line numbers agree everywhere."""
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_article(text: str, src: str, file: str | None = None,
                  options: FrontMatterOptions = DEFAULT_OPTIONS) -> tuple[Article | None, list[Problem]]:
    """Parse one file's text. Returns the article (None when it has errors) and every problem found."""
    file = file or src
    problems: list[Problem] = []
    try:
        front, front_line, body, body_line = split_front_matter(normalize_text(text), file)
        node = parse_yaml(front, file, front_line) if front is not None else None
    except HelpgenError as exc:
        return None, exc.problems
    is_index = PurePosixPath(src).name in INDEX_NAMES
    if node is None or node.value is None:
        if is_index or title_from_name(src):
            return Article(src, _title_from_folder(src) if is_index else title_from_name(src),
                           category=folder_category(src), body=body, body_line=body_line), problems
        problems.append(Problem(Location(file, 1, 1), "the article has no front matter with a title",
                                'start the file with three lines: ---, then title: "How do I …?", then ---'))
        return None, problems
    if not node.is_mapping:
        Reader(node, "", problems, FRONT_MATTER_KEYS)  # reports "must be a mapping"
        return None, problems
    node = apply_aliases(node, options, problems)
    problems += unknown_key_problems(node, FRONT_MATTER_KEYS, options)
    reader = Reader(node, "", problems, {key: "" for key in node.value})  # unknown keys: reported above
    more = read_more_fields(reader, problems)
    stub = bool(more.redirect)
    named = title_from_name(src)
    title = reader.text("title", required=not (is_index or stub or named)) or \
        (_title_from_folder(src) if is_index else "" if stub else named or None)
    description = reader.text("description") or ""
    article_type = _read_choice(reader, "type", ARTICLE_TYPES, problems) or DEFAULT_TYPE
    category = _read_category(reader, src, problems)
    tags = _read_words(reader.get("tags"), "tags", problems)
    keywords = search_keywords(reader, problems, more.names)
    updated = expect_date(reader.get("updated"), "updated", problems)
    review_by = expect_date(reader.get("review_by"), "review_by", problems)
    promoted = read_bool(reader.get("promoted"), "promoted", problems)
    order = _read_int(reader.get("order"), "order", problems)
    _check_theme_keys(reader, problems)
    if any(p.severity == "error" for p in problems) or title is None:
        return None, problems
    plain = node.plain()
    extra = {key: plain[key] for key in sorted(options.extra_keys) if key in plain}
    title, title_html = inline_title(title)
    article = Article(src, title, description, article_type, category, tags, updated, review_by, promoted,
                      order, body, body_line, plain, keywords, more, extra, title_html)
    return article, problems


def title_from_name(src: str) -> str:
    """A note's title when its file name reads as one, as Obsidian names notes: `Bases syntax.md`, `Home.md`,
    `公式.md` (a space, a capital or a non-Latin letter); "" for a slug such as `reset-password.md`, which
    is no title a customer should read."""
    stem = _stem(_name(src))
    if _name(src) in INDEX_NAMES or not stem.strip():
        return ""
    return stem.strip() if any(c.isspace() or c.isupper() or not c.isascii() for c in stem) else ""


def _check_theme_keys(reader: Reader, problems: list[Problem]) -> None:
    """The keys passed to MkDocs and Material untouched: of the form they read, or the build would fail
    inside them (`search: exclude` is a string where a mapping is read)."""
    for key in ("template", "icon"):
        reader.text(key)
    hide = reader.get("hide")
    if hide is not None and hide.value is not None:
        _read_words(hide, "hide", problems)
    search = reader.get("search")
    if search is None or search.value is None:
        return
    if not search.is_mapping:
        problems.append(Problem(search.loc, "search must be a mapping", "write `search: {exclude: true}`"))
        return
    inner = Reader(search, "search", problems, {"exclude": "", "boost": ""}, unknown_severity="warning")
    read_bool(inner.get("exclude"), "search.exclude", problems)
    boost = inner.get("boost")
    if boost is not None and (isinstance(boost.value, bool) or not isinstance(boost.value, (int, float))):
        problems.append(Problem(boost.loc, "search.boost must be a number", "write e.g. `boost: 2`"))


def _title_from_folder(src: str) -> str:
    parent = PurePosixPath(src).parent.name
    return parent.replace("-", " ").replace("_", " ").capitalize() if parent else "Home"


def _read_choice(reader: Reader, key: str, choices: tuple[str, ...], problems: list[Problem]) -> str | None:
    value = reader.text(key)
    if value is not None and value not in choices:
        # The message says what is wrong; the fix names the choices, once, with the nearest first.
        hint = did_you_mean(value, choices)
        hint = f"{hint} (the choices are {', '.join(choices)})" if hint.startswith("did") else \
            f"use one of: {', '.join(choices)}"
        problems.append(Problem(reader.get(key).loc, f'{key}: "{value}" is not a known {key}', hint))
        return None
    return value


def _read_category(reader: Reader, src: str, problems: list[Problem]) -> str:
    value = reader.text("category")
    if value is None:
        return folder_category(src)
    if not is_category_id(value):
        # Jekyll and Zendesk exports write the category's display name; --fix finds the id it belongs to.
        problems.append(Problem(reader.get("category").loc, f'category: "{value}" is not a category id',
                                "use the category's id (its folder name: lowercase letters, digits and dashes); "
                                "`helpgen check --fix` replaces a category's title by its id"))
        return folder_category(src)
    return value


def search_keywords(reader: Reader, problems: list[Problem], names: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The words a customer might type for this article that it does not use: front matter `keywords:`,
    searched like the title and never shown (search/index.py), and `names`, other keys' words that are
    such (Obsidian's `aliases:` that are names, not old paths: fields.MoreFields.names). The one place
    front matter becomes search keywords."""
    return tuple(dict.fromkeys(_read_words(reader.get("keywords"), "keywords", problems) + tuple(names)))


def _read_words(node: Node | None, key: str, problems: list[Problem]) -> tuple[str, ...]:
    """A list of words (or one, as a plain string)."""
    if node is None or node.value is None:
        return ()
    if isinstance(node.value, str):
        return (node.value,)
    found = [expect_text(item, f"{key}[{i + 1}]", problems)  # counted from 1, as a writer counts
             for i, item in iter_sequence(node, key, problems)]
    return tuple(w for w in found if w)



def _read_int(node: Node | None, key: str, problems: list[Problem]) -> int | None:
    if node is None or node.value is None:
        return None
    if isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    quoted = isinstance(node.value, str) and node.value.strip().lstrip("-").isdigit()
    problems.append(Problem(node.loc, f"{key} must be a whole number",
                            f"write it without quotes: `{key}: {int(node.value)}` (`helpgen check --fix` does)"
                            if quoted else f"write e.g. `{key}: 10`"))
    return None


@dataclass(frozen=True)
class ArticleSet:
    """Every Markdown file of the help center, validated, plus the warnings found while reading."""

    articles: tuple[Article, ...]
    warnings: tuple[Problem, ...] = ()

    def by_src(self) -> dict[str, Article]:
        return {a.src: a for a in self.articles}

    @property
    def pages(self) -> tuple[Article, ...]:
        """The articles proper: not the home page, a category's index.md, the contact page or a redirect stub."""
        return tuple(a for a in self.articles if not (a.is_index or a.is_contact or a.is_redirect))


def read_article_text(docs_dir: Path, src: str, file: str) -> tuple[str | None, Problem | None]:
    """A content file's normalized text, or why it cannot be read: a link out of the content folder,
    text that is not UTF-8, or an OS error."""
    path = docs_dir / src
    if not path.resolve().is_relative_to(docs_dir.resolve()):
        return None, Problem(Location(file), "this file links outside the content folder",
                             "copy the file into the content folder instead of linking to it")
    try:
        return normalize_text(path.read_bytes()), None
    except UnicodeDecodeError as exc:
        return None, Problem(Location(file), f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                             "save the file as UTF-8")
    except OSError as exc:
        return None, Problem(Location(file), f"cannot read the file ({exc.strerror})")


def read_articles(docs_dir: Path, srcs: Iterable[str], display_root: str = "",
                  options: FrontMatterOptions = DEFAULT_OPTIONS) -> ArticleSet:
    """Read and validate every file. Raises one HelpgenError carrying every article's errors."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for src in sorted(srcs):
        file = f"{display_root}/{src}" if display_root else src
        text, unreadable = read_article_text(docs_dir, src, file)
        if unreadable:
            problems.append(unreadable)
            continue
        article, found = parse_article(text, src, file, options)
        problems.extend(found)
        if article is not None:
            articles.append(article)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise HelpgenError(errors)
    return ArticleSet(tuple(articles), tuple(problems))
