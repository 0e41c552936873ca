"""Units with their stems -> the best articles. The browser worker ranks the same way (search/rank.js).

Per unit, an article keeps its best stem: idf * weight * the stem's stored score (index.py: the
field-weighted, length-normalized frequency). A stem's rarity (idf) counts its family together: its
language variants ("return", "return~da"), or a word with the synonyms merged into it (synonyms.py).
A synonym's `Alternative` may stand for the units it spans when it serves an article better (it covers
them all, or scores more). An article's score is the sum over units times (units matched / units)²:
articles that match every word lead.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .lexicon import Lexicon
from .query import Unit
from .synonyms import Alternative
from .text import bare_stem

MAX_RESULTS = 10


@dataclass(frozen=True)
class Hit:
    doc: int
    score: float
    matched: tuple[bool, ...]  # per unit
    sections: tuple[int, ...]  # section numbers containing the most units, best first


def _round(value: float) -> float:
    return math.floor(value * 1e6 + 0.5) / 1e6


def unit_scores(unit: Unit, lexicon: Lexicon, doc_count: int) -> tuple[dict[int, float], dict[int, int]]:
    """doc -> the unit's score in it, and doc -> the sections holding it (a bit each)."""
    best: dict[int, float] = {}
    masks: dict[int, int] = {}
    family_df: dict[str, int] = {}
    families = {stem: unit.family.get(stem) or bare_stem(stem) for stem in unit.stems}
    for stem in sorted(unit.stems):
        family_df[families[stem]] = family_df.get(families[stem], 0) + len(lexicon.postings(stem)) // 3
    for stem in sorted(unit.stems):
        weight = unit.stems[stem]
        postings = lexicon.postings(stem)
        df = family_df[families[stem]]
        idf = math.log(1 + (doc_count - df + 0.5) / (df + 0.5))
        doc = 0
        for p in range(0, len(postings), 3):
            doc += postings[p]
            value = idf * weight * postings[p + 1] / 100
            if value > best.get(doc, 0.0):
                best[doc] = value
            masks[doc] = masks.get(doc, 0) | postings[p + 2]
    return best, masks


def _alternative_scores(alternative: Alternative, lexicon: Lexicon, doc_count: int) -> tuple[dict[int, float], dict[int, int]]:
    """doc -> the alternative's score where the article has every one of its words, and their sections."""
    scored = [unit_scores(unit, lexicon, doc_count) for unit in alternative.units]
    best: dict[int, float] = {}
    masks: dict[int, int] = {}
    for doc in sorted(set.intersection(*(set(b) for b, _ in scored))):
        total = 0.0
        mask = 0
        for unit_best, unit_masks in scored:
            total += unit_best[doc]
            mask |= unit_masks[doc]
        best[doc], masks[doc] = total, mask
    return best, masks


def rank(units: list[Unit], lexicon: Lexicon, doc_count: int, limit: int = MAX_RESULTS,
         alternatives: list[Alternative] = ()) -> list[Hit]:
    if not units:
        return []
    scored = [unit_scores(unit, lexicon, doc_count) for unit in units]
    other = [(a, *_alternative_scores(a, lexicon, doc_count)) for a in alternatives]
    docs = sorted(set().union(*(b for b, _ in scored), *(b for _, b, _ in other)))

    def reading(doc: int) -> tuple[list[bool], list[float], list[int]]:
        """Per unit: matched, score, sections; an alternative stands for its units where it serves better."""
        matched = [doc in best for best, _ in scored]
        values = [best.get(doc, 0.0) for best, _ in scored]
        masks = [unit_masks.get(doc, 0) for _, unit_masks in scored]
        for alternative, best, alt_masks in other:
            if doc not in best:
                continue
            start, end = alternative.start, alternative.end
            mine, own = 0, 0.0
            for u in range(start, end):
                mine += matched[u]
                own += values[u]
            if end - start > mine or (end - start == mine and best[doc] > own):
                matched[start:end] = [True] * (end - start)
                values[start:end] = [best[doc]] + [0.0] * (end - start - 1)
                masks[start:end] = [alt_masks[doc]] * (end - start)
        return matched, values, masks

    scores: dict[int, float] = {}
    for doc in docs:
        matched, values, _ = reading(doc)
        total = 0.0
        for value in values:
            total += value
        cover = sum(matched) / len(units)
        scores[doc] = _round(total * cover * cover)
    ranked = sorted(scores, key=lambda d: (-scores[d], d))[:limit]
    return [Hit(doc, scores[doc], tuple((read := reading(doc))[0]), _best_sections(read[2])) for doc in ranked]


def _best_sections(masks: list[int]) -> tuple[int, ...]:
    cover: dict[int, int] = {}
    for mask in masks:
        bit = 0
        while mask:
            if mask & 1:
                cover[bit] = cover.get(bit, 0) + 1
            mask >>= 1
            bit += 1
    return tuple(sorted(cover, key=lambda s: (-cover[s], s)))
