"""URLs that vanished since the last build: each is an error naming the article that most likely replaced
it and the `redirect_from:` line to add (`--fix` adds it).

The previous build's URLs come from its manifest (`site/.helpgen/urls.json`, written by every build), as
a file, an http(s) URL of the published site's copy, or `git:REV` (worked out from the content folder at
that revision). Without one, renames Git already knows (`git mv`, staged) are checked the same way.
"""
from __future__ import annotations

import difflib
import json
import subprocess
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..content.articles import Article, parse_article
from ..errors import HelpgenError, Location, Problem
from .redirects import Redirect, article_url

TITLE_LIKENESS = 0.75  # difflib ratio between old and new titles for a guess to be worth naming


@dataclass(frozen=True)
class Vanished:
    url: str  # the old site path
    src: str  # the file it was built from
    title: str
    replacement: str = ""  # the src of the article that most likely took its place


def load_previous(where: str, project_dir: Path, docs_dir: Path, use_directory_urls: bool) -> dict[str, dict]:
    """url -> {"src", "title"} of every page the previous build published (and its redirects' sources)."""
    if where.startswith("git:"):
        return _from_git(where[4:], project_dir, docs_dir, use_directory_urls)
    try:
        if where.startswith(("http://", "https://")):
            with urllib.request.urlopen(where, timeout=30) as answer:  # noqa: S310 - the user's own site
                text = answer.read().decode("utf-8")
        else:
            text = (project_dir / where).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, ValueError) as exc:
        raise HelpgenError.at(Location(where), f"cannot read the previous build's URL manifest ({exc})",
                              "pass site/.helpgen/urls.json of the last published build, its URL, or git:REV")
    pages = dict(data.get("pages") or {})
    pages.update({url: {"src": "", "title": "", "redirect": target}
                  for url, target in (data.get("redirects") or {}).items()})
    return pages


def _git(project_dir: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=project_dir, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        stderr = getattr(exc, "stderr", b"") or b""
        raise HelpgenError.at(Location(str(project_dir)), f"git {' '.join(args[:2])} failed: "
                              f"{stderr.decode('utf-8', 'replace').strip() or exc}",
                              "run in a Git repository, and name a revision it has (git:main, git:HEAD~1)")
    return done.stdout.decode("utf-8", "replace")


def _from_git(rev: str, project_dir: Path, docs_dir: Path, use_directory_urls: bool) -> dict[str, dict]:
    from ..checks.paths import page_url  # the checks own MkDocs' path rules

    top = Path(_git(project_dir, "rev-parse", "--show-toplevel").strip())
    prefix = docs_dir.resolve().relative_to(top.resolve()).as_posix()
    names = [n for n in _git(top, "ls-tree", "-r", "--name-only", rev, "--", prefix).splitlines() if n.endswith(".md")]
    pages = {}
    for name in names:
        src = PurePosixPath(name).relative_to(prefix).as_posix() if prefix != "." else name
        article, _ = parse_article(_git(top, "show", f"{rev}:{name}"), src)
        if article is None or article.is_draft:
            continue
        url = article_url(article, page_url(src, use_directory_urls))
        pages[url] = {"src": src, "title": article.title, "redirect": article.more.redirect}
        pages.update({old: {"src": "", "title": "", "redirect": url} for old in article.more.redirect_from})
    return pages


def staged_renames(project_dir: Path, docs_dir: Path) -> dict[str, str]:
    """old src -> new src for renames Git has staged under the content folder; {} outside Git."""
    try:
        top = Path(subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=project_dir, capture_output=True,
                                  check=True).stdout.decode().strip())
        status = subprocess.run(["git", "status", "--porcelain=v1", "-z", "--", str(docs_dir)], cwd=top,
                                capture_output=True, check=True).stdout.decode("utf-8", "replace")
        prefix = docs_dir.resolve().relative_to(top.resolve()).as_posix().rstrip("/") + "/"
    except (OSError, subprocess.CalledProcessError, ValueError):
        return {}
    renames, fields = {}, status.split("\0")
    index = 0
    while index < len(fields):
        entry = fields[index]
        if entry[:1] == "R" and index + 1 < len(fields):
            new, old = entry[3:], fields[index + 1]
            if new.startswith(prefix) and old.startswith(prefix):
                renames[old.removeprefix(prefix)] = new.removeprefix(prefix)
            index += 1
        index += 1
    return renames


def vanished(previous: dict[str, dict], urls: dict[str, str], redirects: list[Redirect],
             articles: dict[str, Article], renames: dict[str, str] | None = None) -> list[Vanished]:
    """Every URL of the previous build that is now neither a page nor a redirect's source."""
    served = set(urls.values()) | {r.source for r in redirects}
    renames = renames or {}
    current = {src: a for src, a in articles.items() if src in urls and not a.is_index}
    found = []
    for url, entry in sorted(previous.items()):
        if url in served or not entry.get("src"):
            continue
        found.append(Vanished(url, entry["src"], entry.get("title", ""),
                              _replacement(entry["src"], entry.get("title", ""), current, renames)))
    return found


def _replacement(old_src: str, old_title: str, current: dict[str, Article], renames: dict[str, str]) -> str:
    """The article that took the old page's place: the same file (its URL changed), a rename Git saw, the
    only article with its file name, the only one with its title, else the closest title."""
    if old_src in current:
        return old_src
    if renames.get(old_src) in current:
        return renames[old_src]
    slug = PurePosixPath(old_src).stem
    same_slug = [src for src in current if PurePosixPath(src).stem == slug]
    if len(same_slug) == 1:
        return same_slug[0]
    same_title = [src for src, a in current.items() if old_title and a.title.casefold() == old_title.casefold()]
    if len(same_title) == 1:
        return same_title[0]
    by_title = {a.title.casefold(): src for src, a in sorted(current.items())}
    close = difflib.get_close_matches(old_title.casefold(), list(by_title), n=1, cutoff=TITLE_LIKENESS)
    return by_title[close[0]] if close and old_title else ""


def vanished_problems(moves: list[Vanished], file_of: dict[str, str]) -> list[Problem]:
    from ..checks.rules import finding

    problems = []
    for move in moves:
        if move.replacement:
            problems.append(finding(
                "url-vanished", Location(file_of.get(move.replacement, move.replacement), 1),
                f"/{move.url} (was {move.src}) is no longer published and nothing redirects from it; "
                f"this article most likely replaced it",
                f"add `redirect_from: [/{move.url}]` to its front matter (`--fix` adds it)"))
        else:
            problems.append(finding(
                "url-vanished", Location(move.src, 1),
                f"/{move.url} (\"{move.title}\") is no longer published and nothing redirects from it",
                "add `redirect_from: [/" + move.url + "]` to the article that covers it now, "
                "or a stub with `redirect:` to a page that does"))
    return problems


def fix_vanished(moves: list[Vanished], docs_dir: Path, display_root: str = "") -> list:
    """Add each vanished URL to its replacement's redirect_from; the changes made."""
    from .edits import Change, add_redirect_from

    changes = []
    for move in moves:
        if not move.replacement:
            continue
        path = docs_dir / move.replacement
        lines = path.read_text(encoding="utf-8").split("\n")
        edit = add_redirect_from(lines, move.url)
        if edit is None:
            continue
        path.write_text("\n".join(lines), encoding="utf-8")
        shown = f"{display_root}/{move.replacement}" if display_root else move.replacement
        changes.append(Change(shown, edit[0] + 1, edit[1], edit[2], "redirect"))
    return changes


def check_moves(previous_spec: str | None, project_dir: Path, docs_dir: Path, use_directory_urls: bool,
                checked, display_root: str, fix: bool) -> list:
    """Compare with the previous build (or Git's staged renames). Raises the url-vanished errors; with
    fix, adds the redirect_from lines instead and returns the changes (raising only for URLs with no
    likely replacement)."""
    from ..checks.paths import page_url

    renames: dict[str, str] = {}
    if previous_spec:
        previous = load_previous(previous_spec, project_dir, docs_dir, use_directory_urls)
    else:
        renames = staged_renames(project_dir, docs_dir)
        previous = {page_url(old, use_directory_urls): {"src": old, "title": ""} for old in renames}
    if not previous:
        return []
    lost = vanished(previous, checked.urls, list(checked.redirects), checked.articles.by_src(), renames)
    shown = {src: f"{display_root}/{src}" if display_root else src for src in checked.urls}
    if not fix and lost:
        raise HelpgenError(vanished_problems(lost, shown))
    changes = fix_vanished(lost, docs_dir, display_root)
    unfixed = [move for move in lost if not move.replacement]
    if unfixed:
        raise HelpgenError(vanished_problems(unfixed, shown))
    return changes
