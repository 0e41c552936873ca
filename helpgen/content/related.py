"""Related articles: the writer's `related:` list, or up to five chosen at build time.

Chosen with the search index's own analysis (search/text.py: the same words, stems and stop words),
over what every article has before any page is rendered: its tags, title and description. Candidates
share a tag or a title/description term and are in the same language; those in the same category come
first, then more shared tags, then more shared terms, then title and path, so the choice is deterministic. A term in more than COMMON_TERM articles says little and is skipped: that
keeps the work near-linear (docs/migrating.md has the cost at 10,000 articles).
"""
from __future__ import annotations

import hashlib
import heapq
import posixpath
from collections import Counter, defaultdict
from itertools import chain
from pathlib import PurePosixPath

from ..search.text import detect_language, terms
from .articles import Article

MAX_RELATED = 5
COMMON_TERM = 100  # a term or tag in more articles than this is not a reason to relate two of them
TAG_WEIGHT = 1000  # one shared tag outweighs any number of shared title/description terms


def resolve_related(written: str, from_src: str, by_src: dict[str, Article], by_slug: dict[str, list[str]]) -> str | None:
    """A `related:` entry (a slug, a path from the content root, or a path relative to the article) -> src."""
    name = written.strip().removesuffix("/")
    path = name if name.endswith(".md") else name + ".md"
    for candidate in (path, posixpath.normpath(posixpath.join(posixpath.dirname(from_src), path))):
        if candidate in by_src:
            return candidate
    found = by_slug.get(PurePosixPath(name).stem, [])
    return found[0] if len(found) == 1 else None


def related_digest(articles: list[Article], limit: int = MAX_RELATED) -> str:
    """A digest of everything `choose_related` reads: the same digest, the same choice (a CI rebuild
    after a body-only edit skips the choice, and the Chinese segmenter's start-up with it)."""
    digest = hashlib.sha256(repr(limit).encode())
    for a in articles:
        digest.update(repr((a.src, a.title, a.description, a.tags, a.category, a.more.related)).encode("utf-8"))
    return digest.hexdigest()


def choose_related(articles: list[Article], limit: int = MAX_RELATED) -> dict[str, tuple[str, ...]]:
    """src -> the srcs of its related articles (the writer's `related:` first, when given)."""
    by_src = {a.src: a for a in articles}
    by_slug: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        by_slug[article.slug].append(article.src)
    language = {a.src: detect_language(f"{a.title} {a.description}") for a in articles}
    tags = {a.src: frozenset(t.casefold() for t in a.tags) for a in articles}
    words = {a.src: frozenset(stem for _, stem in terms(f"{a.title} {a.description}", language[a.src]))
             for a in articles}
    by_tag: dict[str, list[str]] = defaultdict(list)
    by_term: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        for tag in tags[article.src]:
            by_tag[tag].append(article.src)
        for term in words[article.src]:
            by_term[term].append(article.src)
    title_key = {a.src: a.title.casefold() for a in articles}
    members: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        members[article.category].add(article.src)
    multilingual = len(set(language.values())) > 1
    chosen: dict[str, tuple[str, ...]] = {}
    for article in articles:
        if not article.more.related and not (tags[article.src] or words[article.src]):
            chosen[article.src] = ()
            continue
        written = [s for s in (resolve_related(r, article.src, by_src, by_slug) for r in article.more.related)
                   if s and s != article.src]
        if article.more.related:
            chosen[article.src] = tuple(dict.fromkeys(written))  # the writer's choice, all of it
            continue
        # Counter over chained posting lists counts in C: the costly loop at 10,000 articles.
        score = Counter(chain.from_iterable(by_term[t] for t in words[article.src] if len(by_term[t]) <= COMMON_TERM))
        for src, shared in Counter(chain.from_iterable(by_tag[t] for t in tags[article.src]
                                                       if len(by_tag[t]) <= COMMON_TERM)).items():
            score[src] += shared * TAG_WEIGHT
        score.pop(article.src, None)
        if multilingual:
            score = Counter({src: v for src, v in score.items() if language[src] == language[article.src]})
        same = score.keys() & members[article.category]  # a set intersection, in C
        best = _best({src: score[src] for src in same}, title_key, limit)
        if len(best) < limit:
            best += _best({src: v for src, v in score.items() if src not in same}, title_key, limit - len(best))
        chosen[article.src] = best
    return chosen


def unknown_related(articles: list[Article]) -> list[tuple[Article, str]]:
    """(article, entry) for each `related:` entry that names no article."""
    by_src = {a.src: a for a in articles}
    by_slug: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        by_slug[article.slug].append(article.src)
    return [(a, r) for a in articles for r in a.more.related if resolve_related(r, a.src, by_src, by_slug) is None]


def _best(score: dict[str, float], title_key: dict[str, str], limit: int) -> tuple[str, ...]:
    """The `limit` best-scored srcs; ties broken by title and path, so no hash order leaks in. Only the
    candidates scoring at least the limit-th best score are sorted (a few, not thousands)."""
    if not score:
        return ()
    threshold = heapq.nlargest(limit, score.values())[-1]
    finalists = [src for src, value in score.items() if value >= threshold]
    finalists.sort(key=lambda src: (-score[src], title_key[src], src))
    return tuple(finalists[:limit])
