"""Where every page is published, and the redirects checked against it: no chains, no cycles, no
redirect to a page that does not exist, no redirect from a URL a page still has, no two pages on one URL.
"""
from __future__ import annotations

from typing import Iterator

from ..errors import Problem
from ..content.redirects import Redirect, article_url, resolve_target
from .paths import page_url
from .rules import finding
from .source import SourceFile


def page_urls(sources: dict[str, SourceFile], pages: set[str], use_directory_urls: bool) -> dict[str, str]:
    """src -> site path of every page the site publishes (generated ones too), permalinks applied."""
    urls = {}
    for src in sorted(pages):
        source = sources.get(src)
        article = source.article if source else None
        if article is not None and article.is_redirect:
            continue
        urls[src] = article_url(article, page_url(src, use_directory_urls)) if article else \
            page_url(src, use_directory_urls)
    return urls


def _permalink_of(src: str, sources: dict[str, SourceFile]) -> str | None:
    source = sources.get(src)
    return source.article.more.permalink if source and source.article else None


def check_permalinks(urls: dict[str, str], sources: dict[str, SourceFile]) -> Iterator[Problem]:
    """Two pages on one URL because of a permalink (without one, paths.check_output_paths reports it)."""
    taken: dict[str, str] = {}
    # Pages without a permalink claim their URL first: the permalink is what moved onto it.
    for src, url in sorted(urls.items(), key=lambda item: (_permalink_of(item[0], sources) is not None, item[0])):
        first = taken.setdefault(url.casefold(), src)
        if first == src or (_permalink_of(src, sources) is None and _permalink_of(first, sources) is None):
            continue
        where = sources[src].at(sources[src].key_line("permalink"), 1)
        yield finding("duplicate-output-path", where, f'"{src}" and "{first}" are both published at /{url}',
                      "give one of them another permalink")


def declared_redirects(sources: dict[str, SourceFile], urls: dict[str, str]) -> list[Redirect]:
    """Each article's `redirect_from:`/`aliases:` entries, redirecting to the article's URL."""
    found = []
    for src, source in sorted(sources.items()):
        article = source.article
        if article is None or src not in urls:
            continue
        line = max(source.key_line("redirect_from"), source.key_line("aliases"))
        # An old URL that is the page's own (an Obsidian alias equal to its permalink) redirects nowhere.
        found += [Redirect(old, urls[src], source.at(line, 1), src) for old in article.more.redirect_from
                  if old != urls[src]]
    return found


def stub_redirects(sources: dict[str, SourceFile], urls: dict[str, str], files: set[str],
                   use_directory_urls: bool) -> tuple[list[Redirect], list[Problem]]:
    """Each `redirect:` stub redirects from its own URL (its permalink, or where its file would be built)."""
    redirects, problems = [], []
    for src, source in sorted(sources.items()):
        article = source.article
        if article is None or not article.is_redirect:
            continue
        line = source.key_line("redirect") if source.key_line("redirect") > 1 else source.key_line("redirect_to")
        where = source.at(line, 1)
        own = article_url(article, page_url(src, use_directory_urls))
        resolved = resolve_target(article.more.redirect, src, urls, files)
        if resolved is None:
            problems.append(finding("redirect-missing-target", where,
                                    f'redirect target "{article.more.redirect}" is no page of this site',
                                    "point it at an article's .md file (relative to this file) or its URL"))
            continue
        redirects.append(Redirect(own, resolved[0], where, resolved[1]))
    return redirects, problems


def check_redirects(redirects: list[Redirect], urls: dict[str, str], files: set[str]) -> Iterator[Problem]:
    published = {url: src for src, url in urls.items()}
    by_source: dict[str, Redirect] = {}
    for redirect in redirects:
        if redirect.source in published:
            yield finding("redirect-conflict", redirect.origin,
                          f'/{redirect.source} is the URL of {published[redirect.source]}; a redirect from it would '
                          "replace that page", "remove the redirect, or move the page")
            continue
        first = by_source.setdefault(redirect.source, redirect)
        if first is not redirect and first.target != redirect.target:
            yield finding("redirect-conflict", redirect.origin,
                          f"/{redirect.source} already redirects to /{first.target} ({first.origin})",
                          "keep one redirect from each old URL")
    for redirect in redirects:
        if redirect.external or by_source.get(redirect.source) is not redirect:
            continue
        target = redirect.target.partition("#")[0]
        if target in by_source:
            path, seen = [redirect.source], {redirect.source}
            while target in by_source and target not in seen:
                path.append(target)
                seen.add(target)
                target = by_source[target].target.partition("#")[0]
            if target in seen:
                yield finding("redirect-cycle", redirect.origin,
                              "redirects go round in a circle: " + " → ".join(f"/{p}" for p in path + [target]),
                              "point one of them at the page itself")
            else:
                yield finding("redirect-chain", redirect.origin,
                              "a redirect to a redirect: " + " → ".join(f"/{p}" for p in path + [target]),
                              f"redirect straight to /{target}")
        elif target not in published and target not in files:
            yield finding("redirect-missing-target", redirect.origin,
                          f"/{redirect.source} redirects to /{target}, which is no page of this site",
                          "point it at a page that exists")
