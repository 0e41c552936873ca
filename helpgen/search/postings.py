"""The index's postings: each stem's postings (and their JSON text), each stem's best documents, and the
stems each surface word leads to. Made over every article, or updated from the last build's postings
for the few articles that changed since (`update`).

Why: a preview save or a CI rebuild changes one article among thousands, yet making the postings
again is the index's costliest part (0.5 s at 1,000 articles, 3.8 s at 10,000). An update gives the
very postings that making them anew gives (tests/test_search_postings.py). It declines, and they are
made anew, when articles were added, removed or renamed (document ids move), when many changed,
or when a field's average length moved (it scales every score; averages are rounded to two
significant digits, so an edit of a few words moves them only rarely; one constant for all articles,
the rounding changes no ranking).
"""
from __future__ import annotations

import json
import marshal
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress
from operator import neg

# Keywords (front matter, never shown) are the words a customer types for what the title says. Measured
# on three real help centers' known-item questions (bench/search_ranking.py): a title twice the old
# weight (16) let one common word in a title outrank an article answering the whole question.
FIELD_WEIGHTS = {"title": 8.0, "keywords": 8.0, "tags": 5.0, "description": 4.0, "headings": 2.5, "body": 1.0}
LENGTH_NORMALIZATION = {"title": 0.5, "keywords": 0.5, "tags": 0.3, "description": 0.5, "headings": 0.5,
                        "body": 0.75}
K1 = 1.2
SCORE_SCALE = 100
RESULTS = 10  # what the worker shows at once (MAX_RESULTS there): each stem carries its best ten's cards
# An update redoes each changed article's stems one by one: past this share of the articles, making
# all the postings again in one pass is faster.
MAX_UPDATED_SHARE = 0.05


@dataclass
class Postings:
    locations: tuple[str, ...]  # the documents in id order
    data: list[bytes]  # each document's packed terms (index._DocumentTerms.data)
    totals: dict[str, int]  # field -> terms in all documents
    average: dict[str, float]  # field -> average length, rounded (`_average`)
    postings: dict[str, list[int]]  # stem -> flat [doc delta, score, mask, ...], stems sorted
    texts: dict[str, str]  # stem -> its postings as JSON
    best: dict[str, list[int]]  # stem -> the documents a one-word query on it ranks first
    surfaces: dict[str, frozenset[str]]  # surface word -> its stems
    # "surface\tstem" -> how many documents have the pair: kept only where an update may follow
    # (a pair a changed article dropped leaves the index only when no other article has it).
    pairs: Counter | None = field(default=None, repr=False)


def make(locations: tuple[str, ...], data: list[bytes], keep_counts: bool) -> Postings:
    unpacked = [marshal.loads(d) for d in data]
    if keep_counts:
        pairs = Counter(chain.from_iterable(pairs for _, _, pairs, _ in unpacked))
        distinct = sorted(pairs)
    else:  # each distinct pair once, by a set union in C: 10,000 articles repeat a few thousand pairs 1.6 million times
        pairs, distinct = None, sorted(frozenset().union(*(pairs for _, _, pairs, _ in unpacked)))
    surfaces: dict[str, set[str]] = {}
    for pair in distinct:
        surface, stem = pair.split("\t")
        surfaces.setdefault(surface, set()).add(stem)
    totals: Counter = Counter()
    for _, lengths, _, _ in unpacked:
        totals.update(lengths)
    average = _average(totals, len(data))
    postings = _postings(unpacked, average)
    texts = {stem: _json(numbers) for stem, numbers in postings.items()}
    best = {stem: best_documents(numbers) for stem, numbers in postings.items()}
    return Postings(locations, list(data), dict(totals), average, postings, texts, best,
                   {surface: frozenset(stems) for surface, stems in surfaces.items()}, pairs)


def update(previous: Postings | None, locations: tuple[str, ...], data: list[bytes]) -> Postings | None:
    """The postings of these documents, from the last build's; None when they have to be made anew.
    The previous ones are left as they were (a list is copied before it changes)."""
    if (previous is None or previous.pairs is None or previous.locations != locations
            or len(previous.data) != len(data)):
        return None
    changed = [doc for doc, (old, new) in enumerate(zip(previous.data, data)) if old is not new and old != new]
    if len(changed) > max(1, MAX_UPDATED_SHARE * len(data)):
        return None
    if not changed:
        return previous
    old = {doc: marshal.loads(previous.data[doc]) for doc in changed}
    new = {doc: marshal.loads(data[doc]) for doc in changed}
    totals = Counter(previous.totals)
    for doc in changed:
        totals.subtract(old[doc][1])
        totals.update(new[doc][1])
    if _average(totals, len(data)) != previous.average:
        return None
    postings, texts, best = dict(previous.postings), dict(previous.texts), dict(previous.best)
    touched: set[str] = set()
    for doc in changed:
        before, after = _rows(old[doc], previous.average), _rows(new[doc], previous.average)
        for stem in before.keys() | after.keys():
            row = after.get(stem)
            if before.get(stem) == row:
                continue
            numbers = list(postings.get(stem, ()))  # copied: the previous build's stay as they were
            _replace(numbers, doc, row)
            postings[stem] = numbers
            if stem in touched or _may_change_best(previous.best.get(stem, []), numbers, doc, row):
                best[stem] = best_documents(numbers)
            touched.add(stem)
    for stem in touched:
        if postings[stem]:
            texts[stem] = _json(postings[stem])
        else:
            for kept in (postings, texts, best):
                kept.pop(stem, None)
    if set(postings) != set(previous.postings):
        postings = {stem: postings[stem] for stem in sorted(postings)}
    pairs, surfaces = Counter(previous.pairs), dict(previous.surfaces)
    for doc in changed:
        for pair in old[doc][2]:
            pairs[pair] -= 1
        pairs.update(new[doc][2])
    for pair in {pair for doc in changed for pair in chain(old[doc][2], new[doc][2])}:
        surface, stem = pair.split("\t")
        stems = surfaces.get(surface, frozenset())
        if pairs[pair] > 0:
            surfaces[surface] = stems | {stem}
        else:
            del pairs[pair]
            if stems - {stem}:
                surfaces[surface] = stems - {stem}
            else:
                surfaces.pop(surface, None)
    if set(surfaces) != set(previous.surfaces):
        surfaces = {surface: surfaces[surface] for surface in sorted(surfaces)}
    return Postings(locations, list(data), dict(totals), previous.average, postings, texts, best, surfaces, pairs)


def _average(totals: Counter, documents: int) -> dict[str, float]:
    n = max(documents, 1)
    return {name: float(f"{max(totals[name] / n, 1.0):.2g}") for name in FIELD_WEIGHTS}


def _scores(counts: dict[str, dict[str, int]], lengths: dict[str, int], average: dict[str, float]) -> dict[str, float]:
    """stem -> the article's weighted, length-normalized term frequency over its fields."""
    scores: dict[str, float] = {}
    for name, counter in counts.items():
        b = LENGTH_NORMALIZATION[name]
        norm = K1 * (1 - b + b * lengths[name] / average[name])
        weight = FIELD_WEIGHTS[name]
        if not scores:
            scores = {stem: weight * tf / (tf + norm) for stem, tf in counter.items()}
            continue
        get = scores.get
        for stem, tf in counter.items():
            scores[stem] = get(stem, 0.0) + weight * tf / (tf + norm)
    return scores


def _rows(unpacked: tuple, average: dict[str, float]) -> dict[str, tuple[int, int]]:
    counts, lengths, _, masks = unpacked
    return {stem: (max(1, round(score * SCORE_SCALE)), masks.get(stem, 0))
            for stem, score in _scores(counts, lengths, average).items()}


def _postings(unpacked: list[tuple], average: dict[str, float]) -> dict[str, list[int]]:
    """stem -> flat [doc delta, score, mask, ...], stems sorted. The loop over every (article, stem) is
    the index's costliest part (1.6 million pairs at 10,000 articles): each row is added to its
    stem's list in place."""
    postings: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    for doc_id, (counts, lengths, _, masks) in enumerate(unpacked):
        mask = masks.get
        for stem, score in _scores(counts, lengths, average).items():
            entry = postings.get(stem)
            if entry is None:
                postings[stem] = [doc_id, max(1, round(score * SCORE_SCALE)), mask(stem, 0)]
            else:
                entry += (doc_id - last[stem], max(1, round(score * SCORE_SCALE)), mask(stem, 0))
            last[stem] = doc_id
    return {stem: postings[stem] for stem in sorted(postings)}


def _replace(numbers: list[int], doc: int, row: tuple[int, int] | None) -> None:
    """Set, add or (row None) remove `doc`'s row in a flat delta-coded postings list, in place."""
    ids = list(accumulate(numbers[0::3]))
    at = bisect_left(ids, doc)
    present = at < len(ids) and ids[at] == doc
    before = ids[at - 1] if at else 0
    if present and row is not None:
        numbers[3 * at + 1:3 * at + 3] = row
    elif present:
        del numbers[3 * at:3 * at + 3]
        if at < len(ids) - 1:
            numbers[3 * at] = ids[at + 1] - before
    elif row is not None:
        numbers[3 * at:3 * at] = [doc - before, *row]
        if at < len(ids):
            numbers[3 * at + 3] = ids[at] - doc


def _may_change_best(best: list[int], numbers: list[int], doc: int, row: tuple[int, int] | None) -> bool:
    """Whether `doc`'s new row may change the stem's best documents: it was among them, or now scores
    at least as high as the last of them (ties go to the lower id), or there were fewer than RESULTS."""
    if doc in best or len(best) < RESULTS:
        return True
    if row is None:
        return False
    ids = list(accumulate(numbers[0::3]))
    lowest = min(numbers[3 * ids.index(other) + 1] for other in best)
    return row[0] >= lowest


def best_documents(postings: list[int], limit: int = RESULTS) -> list[int]:
    """The documents a one-word query on this stem ranks first: highest score, then lowest id (the
    ranking's own order, since the stem's rarity multiplies every score alike)."""
    scores = postings[1::3]
    ranked = zip(map(neg, scores), accumulate(postings[0::3]))
    if len(scores) > limit:  # the preview rebuilds this for every word on every save: C iterators only
        lowest = sorted(scores, reverse=True)[limit - 1]
        ranked = compress(ranked, map(lowest.__le__, scores))
    return [doc for _, doc in sorted(ranked)[:limit]]


# One encoder for every list: json.dumps with options builds a new one per call, which is most of what
# encoding 26,000 short lists (a large vocabulary) costs.
_ENCODER = json.JSONEncoder(separators=(",", ":"))


def _json(numbers: list[int]) -> str:
    return _ENCODER.encode(numbers)
