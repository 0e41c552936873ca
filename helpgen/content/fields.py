"""The front matter keys a help center brings from elsewhere: URLs, redirects, sections, related, drafts.

Read with the same strictness as the first keys (articles.py): a wrong type is an error at its line.
Site paths are kept in one form everywhere, the URL relative to the site root as MkDocs writes it:
"" for the home page, "returns/refunds/" for a page, "old/page.html" for a file-like URL.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from ..errors import Problem
from ..security.urls import SitePath, UnsafeLink, parse_link, site_path_of
from ..yamlsource import Node, Reader, expect_text, iter_sequence


@dataclass(frozen=True)
class MoreFields:
    short_title: str = ""
    section: str = ""
    permalink: str | None = None  # a site path, when the page sets its own URL
    redirect_from: tuple[str, ...] = ()  # site paths that redirect here
    redirect: str = ""  # this file is only a redirect to this target (a URL, /site/path or a .md path)
    related: tuple[str, ...] = ()
    draft: bool = False
    translation_of: str = ""
    names: tuple[str, ...] = ()  # Obsidian's `aliases:` that are names, not URLs: search words, link targets


def site_path(text: str) -> str | None:
    """A URL or site path as written (`/old/path`, `old/page.html`, `https://host/hc/articles/1`) in the one
    form above, or None when it cannot be a path of this site (security/urls.py says why)."""
    return site_path_of(text)


def redirect_target_problem(written: str) -> str:
    """Why a stub's `redirect:` can lead nowhere safe ("" when it can): a .md file (relative to the stub),
    a path of this site or an http(s) URL, nothing else."""
    path = written.strip().partition("#")[0]
    if path.endswith(".md") and not path.startswith("/") and ":" not in path:
        try:
            parse_link(written.replace("..", "__"))  # its characters; climbing up to a sibling folder is fine
        except UnsafeLink as exc:
            return exc.reason
        return ""
    try:
        parse_link(written)
    except UnsafeLink as exc:
        return exc.reason
    return ""


def read_more_fields(reader: Reader, problems: list[Problem]) -> MoreFields:
    redirect_node = reader.get("redirect") or reader.get("redirect_to")
    if reader.get("redirect") and reader.get("redirect_to"):
        problems.append(Problem(reader.get("redirect_to").loc, "redirect and redirect_to both set",
                                "keep one of them"))
    redirect = ""
    if redirect_node is not None and redirect_node.value is not None:
        redirect = expect_text(redirect_node, "redirect", problems) or ""
        if not redirect.strip():
            problems.append(Problem(redirect_node.loc, "redirect is empty", "write the page it moved to"))
        elif (reason := redirect_target_problem(redirect)):
            problems.append(Problem(redirect_node.loc, f"redirect: {reason}",
                                    "write the .md file it moved to, its path from the site root (/returns/refunds/) "
                                    "or a full https:// address"))  # still a stub: no "title is required" too
    aliases = _items(reader.get("aliases"), "aliases", problems)
    names = tuple(dict.fromkeys(item.value.strip() for item in aliases if is_name(item.value)))
    redirects = _paths(reader.get("redirect_from"), "redirect_from", problems) + \
        _paths([item for item in aliases if not is_name(item.value)], "aliases", problems)
    permalink_node = reader.get("permalink")
    permalink = None
    if permalink_node is not None and permalink_node.value is not None:
        written = expect_text(permalink_node, "permalink", problems)
        try:
            link = parse_link(written, web=False, fragment=False) if written else None
            permalink = link.path if isinstance(link, SitePath) else None
            if permalink is not None and not (permalink == "" or permalink.endswith(("/", ".html", ".htm"))):
                raise UnsafeLink("a page's URL ends with / or .html (browsers would not open anything else as a page)")
        except UnsafeLink as exc:
            problems.append(Problem(permalink_node.loc, f'permalink: "{written}" is not a URL this page can have: '
                                    f"{exc.reason}", "write the page's URL from the site root, e.g. /returns/how-to-return/"))
            permalink = None
    return MoreFields(
        short_title=reader.text("short_title") or "",
        section=reader.text("section") or "",
        permalink=permalink,
        redirect_from=tuple(dict.fromkeys(redirects)),
        redirect=redirect.strip(),
        related=_words_or_commas(reader.get("related"), "related", problems),
        draft=read_bool(reader.get("draft"), "draft", problems),
        translation_of=reader.text("translation_of") or "",
        names=names,
    )


def is_name(value) -> bool:
    """An `aliases:` entry that is a name (Obsidian: `Refund policy`, `取消订阅`, `How to/Internal link`, `backup`)
    rather than an old URL (Hugo: `/old/page/`, `old/page.html`): it has a space, a capital or a non-Latin
    letter, or it is one bare word."""
    text = value.strip() if isinstance(value, str) else ""
    if not text or text.startswith("/") or re.match(r"[A-Za-z][\w+.-]*:", text):  # a path, or a URL
        return False
    return any(c.isspace() or c.isupper() or not c.isascii() for c in text) or bool(re.fullmatch(r"[\w-]+", text))


def _paths(node: Node | list[Node] | None, key: str, problems: list[Problem]) -> tuple[str, ...]:
    found = []
    for item in node if isinstance(node, list) else _items(node, key, problems):
        text = expect_text(item, key, problems)
        if text is None:
            continue
        try:
            link = parse_link(text, fragment=False)
            path = link.path if isinstance(link, SitePath) else site_path_of(text)
            if path is None or path == "":
                raise UnsafeLink("it is the home page" if path == "" else "it is not a path of this site")
        except UnsafeLink as exc:
            problems.append(Problem(item.loc, f'{key}: "{text}" is not an old path of this site: {exc.reason}',
                                    "write the old URL's path from the site root, e.g. /old/page/"))
        else:
            found.append(path)
    return tuple(found)


def _items(node: Node | None, key: str, problems: list[Problem]) -> list[Node]:
    if node is None or node.value is None:
        return []
    if node.is_sequence:
        return [item for _, item in iter_sequence(node, key, problems)]
    return [node]


def _words_or_commas(node: Node | None, key: str, problems: list[Problem]) -> tuple[str, ...]:
    """A list, or one string of comma-separated items (`related: a, b`)."""
    words = []
    for item in _items(node, key, problems):
        text = expect_text(item, key, problems)
        if text:
            words += [w.strip() for w in (text.split(",") if not node.is_sequence else [text]) if w.strip()]
    return tuple(dict.fromkeys(words))


def read_bool(node: Node | None, key: str, problems: list[Problem]) -> bool:
    """true or false; anything else is an error at its line (absent: false)."""
    if node is None or node.value is None:
        return False
    if isinstance(node.value, bool):
        return node.value
    problems.append(Problem(node.loc, f"{key} must be true or false", f"write `{key}: true`"))
    return False
