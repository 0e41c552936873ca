"""URLs that vanished since the last build: each is an error naming the article that most likely replaced
it and the `redirect_from:` line to add (`--fix` adds it).

The previous build's URLs come from its manifest (`site/.helpgen/urls.json`, written by every build), as
a file, an http(s) URL of the published site's copy, or `git:REV` (worked out from the content folder at
that revision). Without one, the renames Git shows (staged, and made by the last commit) are checked
the same way.

In a multi-language site every language's URLs are compared (the manifest holds them all, under their
prefixes: /da/…); a vanished Danish URL is matched with a Danish article, and the `redirect_from:` line
it needs is written as a translation's front matter writes paths, inside its language's part of the
site (`/returns/x/` in content/da/ means /da/returns/x/).
"""
from __future__ import annotations

import difflib
import json
import subprocess
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..content.articles import Article, parse_article
from ..content.languages import Language, SiteLanguages, single_language
from ..errors import HelpgenError, Location, Problem
from ..content.redirects import Redirect, article_url
from ..security.urls import site_path_of

TITLE_LIKENESS = 0.75  # difflib ratio between old and new titles for a guess to be worth naming


@dataclass(frozen=True)
class Vanished:
    url: str  # the old site path ("da/returns/x/")
    src: str  # the file it was built from, in the content folder ("da/returns/x.md")
    title: str
    replacement: str = ""  # the src of the article that most likely took its place
    written: str = ""  # the old path as its language's front matter writes it ("returns/x/"); "" = url

    @property
    def redirect_from(self) -> str:
        return self.written or self.url


def language_of(languages: SiteLanguages, src: str) -> tuple[Language, str]:
    """(language, path inside its folder) of a content-folder path; a path in no language's folder (a
    site that became multilingual since) counts as the default language's, as it is."""
    return languages.of_src(src) or (languages.default, src)


def inside_language(lang: Language, url: str) -> str:
    """A site path as a page of `lang` writes it in front matter: "da/returns/x/" -> "returns/x/"."""
    return url[len(lang.url_prefix):] if lang.url_prefix and url.startswith(lang.url_prefix) else url


def load_previous(where: str, project_dir: Path, docs_dir: Path, use_directory_urls: bool,
                  languages: SiteLanguages | None = None) -> dict[str, dict]:
    """url -> {"src", "title"} of every page the previous build published (and its redirects' sources):
    site paths under each language's prefix, sources as content-folder paths."""
    if where.startswith("git:"):
        return _from_git(where[4:], project_dir, docs_dir, use_directory_urls, languages or single_language(None))
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
    return manifest_pages(data, where)


def manifest_pages(data, where: str) -> dict[str, dict]:
    """The manifest's pages and redirects, each URL a path of this site as security.urls reads it: the
    file may come from anywhere, and its URLs end up in front matter when --fix adds redirect_from lines."""
    pages: dict[str, dict] = {}
    listed = data.get("pages") if isinstance(data, dict) else None
    redirects = data.get("redirects") if isinstance(data, dict) else None
    if not isinstance(listed, dict) or not isinstance(redirects or {}, dict):
        raise HelpgenError.at(Location(where), "this is not a URL manifest written by helpgen",
                              "pass site/.helpgen/urls.json of the last published build, its URL, or git:REV")
    entries = [(url, page) for url, page in listed.items()] + \
        [(url, {"src": "", "title": "", "redirect": target}) for url, target in (redirects or {}).items()]
    for url, page in entries:
        fields = (page.get("src"), page.get("title"), page.get("redirect", "")) if isinstance(page, dict) else ()
        if not (isinstance(url, str) and len(fields) == 3 and all(isinstance(f, str) for f in fields)
                and site_path_of("/" + url) == url):
            raise HelpgenError.at(Location(where), f"the manifest's entry {str(url)[:80]!r} is not a URL of a "
                                  "helpgen site", "pass the urls.json the last published build wrote, unchanged")
        pages[url] = page
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


def _from_git(rev: str, project_dir: Path, docs_dir: Path, use_directory_urls: bool,
              languages: SiteLanguages) -> dict[str, dict]:
    from ..checks.paths import page_url  # the checks own MkDocs' path rules

    top = Path(_git(project_dir, "rev-parse", "--show-toplevel").strip())
    prefix = docs_dir.resolve().relative_to(top.resolve()).as_posix()
    names = [n for n in _git(top, "ls-tree", "-r", "--name-only", rev, "--", prefix).splitlines() if n.endswith(".md")]
    pages = {}
    for name in names:
        src = PurePosixPath(name).relative_to(prefix).as_posix() if prefix != "." else name
        lang, rel = language_of(languages, src)
        article, _ = parse_article(_git(top, "show", f"{rev}:{name}"), rel)
        if article is None or article.is_draft:
            continue
        # Permalinks and redirect_from paths of a translation are inside its language's part of the site.
        url = lang.url_prefix + article_url(article, page_url(rel, use_directory_urls))
        pages[url] = {"src": src, "title": article.title, "redirect": article.more.redirect}
        pages.update({lang.url_prefix + old: {"src": "", "title": "", "redirect": url}
                      for old in article.more.redirect_from})
    return pages


def git_renames(project_dir: Path, docs_dir: Path, config_name: str = "mkdocs.yml") -> dict[str, str]:
    """old src -> new src for the renames Git shows under the content folder: staged (`git mv`) and made by
    the last commit (what a CI build of a push sees); {} outside Git. Only renames made after the project
    was a helpgen project (its config names the plugin at the revision before the rename): a tree renamed
    on its way into helpgen had no helpgen URLs to keep."""
    try:
        top = Path(subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=project_dir, capture_output=True,
                                  check=True).stdout.decode().strip())
        prefix = docs_dir.resolve().relative_to(top.resolve()).as_posix().rstrip("/") + "/"
        staged = _run(top, "diff", "--cached", "-M", "--name-status", "-z", "--", str(docs_dir))
        parent = subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD^"], cwd=top, capture_output=True)
        committed = _run(top, "diff", "-M", "--name-status", "-z", "HEAD^", "HEAD", "--", str(docs_dir)) \
            if parent.returncode == 0 and _was_helpgen(top, "HEAD^", project_dir / config_name) else ""
        staged = staged if _was_helpgen(top, "HEAD", project_dir / config_name) else ""
    except (OSError, subprocess.CalledProcessError, ValueError):
        return {}
    renames: dict[str, str] = {}
    for listing in (committed, staged):  # staged last: a file renamed twice ends where it is now
        fields = listing.split("\0")
        index = 0
        while index + 2 < len(fields):
            status, old, new = fields[index], fields[index + 1], fields[index + 2]
            if status.startswith("R"):
                if old.startswith(prefix) and new.startswith(prefix):
                    renames[old.removeprefix(prefix)] = new.removeprefix(prefix)
                index += 3
            else:
                index += 2
    return {old: renames.get(new, new) for old, new in renames.items() if old != new}


def _was_helpgen(top: Path, rev: str, config: Path) -> bool:
    """Whether the project's config at `rev` already built with helpgen (names the plugin)."""
    try:
        name = config.resolve().relative_to(top.resolve()).as_posix()
        text = subprocess.run(["git", "show", f"{rev}:{name}"], cwd=top, capture_output=True, check=True).stdout
    except (OSError, ValueError, subprocess.CalledProcessError):
        return False
    return b"helpgen" in text


def _run(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=True).stdout.decode("utf-8", "replace")


def vanished(previous: dict[str, dict], urls: dict[str, str], redirects: list[Redirect],
             articles: dict[str, Article], renames: dict[str, str] | None = None,
             languages: SiteLanguages | None = None) -> list[Vanished]:
    """Every URL of the previous build that is now neither a page nor a redirect's source. `urls`,
    `redirects` and `articles` are the whole site's (content-folder paths, site paths under each
    language's prefix); a vanished page's replacement is looked for among its own language's articles."""
    languages = languages or single_language(None)
    served = set(urls.values()) | {r.source for r in redirects}
    renames = renames or {}
    current: dict[str, dict[str, Article]] = {}
    for src, article in articles.items():
        if src in urls and not article.is_index:
            current.setdefault(language_of(languages, src)[0].code, {})[src] = article
    found = []
    for url, entry in sorted(previous.items()):
        if url in served or not entry.get("src"):
            continue
        lang, _ = language_of(languages, entry["src"])
        title = entry.get("title", "")
        written = inside_language(lang, url)
        found.append(Vanished(url, entry["src"], title,
                              _replacement(entry["src"], title, current.get(lang.code, {}), renames),
                              written if written != url else ""))
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


def vanished_problems(moves: list[Vanished], file_of: dict[str, str], display_root: str = "") -> list[Problem]:
    from ..checks.rules import finding

    problems = []
    for move in moves:
        # A translation's front matter writes paths inside its language's part of the site: say so.
        prefix = move.url[:len(move.url) - len(move.written)] if move.written else ""
        inside = f" (paths in {display_root + '/' if display_root else ''}{prefix} are inside /{prefix})" if prefix else ""
        if move.replacement:
            problems.append(finding(
                "url-vanished", Location(file_of.get(move.replacement, move.replacement), 1),
                f"/{move.url} (was {move.src}) is no longer published and nothing redirects from it; "
                f"this article most likely replaced it",
                f"add `redirect_from: [/{move.redirect_from}]` to its front matter{inside} (`--fix` adds it)"))
        else:
            old = f"{display_root}/{move.src}" if display_root else move.src
            problems.append(finding(
                "url-vanished", Location(old, 1),
                f"/{move.url} (\"{move.title}\") is no longer published and nothing redirects from it",
                f"add `redirect_from: [/{move.redirect_from}]`{inside} to the article that covers it now, "
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
        edit = add_redirect_from(lines, move.redirect_from)
        if edit is None:
            continue
        path.write_text("\n".join(lines), encoding="utf-8")
        shown = f"{display_root}/{move.replacement}" if display_root else move.replacement
        changes.append(Change(shown, edit[0] + 1, edit[1], edit[2], "redirect"))
    return changes


@dataclass(frozen=True)
class Published:
    """What this build publishes, the whole site at once: content-folder path -> site path (under each
    language's prefix), the redirects, and the articles by content-folder path."""

    urls: dict[str, str]
    redirects: list[Redirect]
    articles: dict[str, Article]
    languages: SiteLanguages = single_language(None)


def check_moves(previous_spec: str | None, project_dir: Path, docs_dir: Path, use_directory_urls: bool,
                site: Published, display_root: str, fix: bool, config_name: str = "mkdocs.yml") -> list:
    """Compare with the previous build (or the renames Git shows). Raises the url-vanished errors; with
    fix, adds the redirect_from lines instead and returns the changes (raising only for URLs with no
    likely replacement)."""
    from ..checks.paths import page_url

    renames: dict[str, str] = {}
    if previous_spec:
        previous = load_previous(previous_spec, project_dir, docs_dir, use_directory_urls, site.languages)
    else:
        renames = git_renames(project_dir, docs_dir, config_name)
        previous = {}
        for old in renames:
            lang, rel = language_of(site.languages, old)
            previous[lang.url_prefix + page_url(rel, use_directory_urls)] = {"src": old, "title": ""}
    if not previous:
        return []
    lost = vanished(previous, site.urls, site.redirects, site.articles, renames, site.languages)
    shown = {src: f"{display_root}/{src}" if display_root else src for src in site.urls}
    if not fix and lost:
        raise HelpgenError(vanished_problems(lost, shown, display_root))
    changes = fix_vanished(lost, docs_dir, display_root)
    unfixed = [move for move in lost if not move.replacement]
    if unfixed:
        raise HelpgenError(vanished_problems(unfixed, shown, display_root))
    return changes
