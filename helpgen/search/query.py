"""Query -> ranked articles, over the index files. The browser worker (helpgen-search.js) runs the
same steps in the same order; tests/test_search.py checks both rank alike.

1. `parse`: the query's words (text.words); a trailing partial word is completed by prefix.
2. Load the lexicon chunks those words need (one or two small files per word; for a word the index
   does not hold, then the chunks of the shorter stems it may start with).
3. `expand`: each word -> stems with a weight: the surface-word table (exact, 1.0); if the word is
   unknown, the longest indexed stem it starts with ("refunding" -> refund, 0.9); for the word being
   typed, indexed words it is a prefix of (0.6, the most common 30); if none of these, the indexed
   words one typo away ("pasword" -> password, 0.9). A Han run is cut into the longest indexed words,
   left to right (the build segmented the articles with jieba).
4. `rank`: per word, a document keeps its best stem: idf * weight * stored score. The document's
   score is the sum over words times (words matched / words)^2, so articles matching every word lead.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from .text import STEM_MARK, is_han, normalize, words

EXACT_WEIGHT = 1.0
STEM_PREFIX_WEIGHT = 0.9
PREFIX_WEIGHT = 0.6
MAX_PREFIX_STEMS = 30
MAX_PREFIX_CHUNKS = 4
STEM_SLACK = 4  # a stem may be this many characters shorter than the unknown word it prefixes
FUZZY_WEIGHT = 0.9  # a misspelt word's nearest indexed words count like its stem would
FUZZY_MIN = 4  # shorter words are too often another word with one letter changed
FUZZY_WORDS = 3
MIN_STEM = 3
HAN_MAX_WORD = 8
MAX_RESULTS = 10
TOP = "\uffff"


@dataclass
class Unit:
    """One word of the query as ranked: a Latin word, or one segment of a Han run."""

    text: str
    prefix: bool  # the word being typed: complete it
    han: bool = False
    stems: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    doc: int
    score: float
    matched: tuple[bool, ...]  # per unit
    sections: tuple[int, ...]  # section numbers containing the most units, best first


class Lexicon:
    """The chunks loaded so far; `need` names the chunks a lookup would read."""

    def __init__(self, firsts: list[str], languages: list[str] = ()):
        self.firsts = firsts
        self.chunks: dict[int, dict] = {}
        self.marks = [""] + [STEM_MARK + lang for lang in languages]

    def chunk_of(self, key: str) -> int:
        return max(0, bisect_right(self.firsts, key) - 1)

    def chunks_between(self, low: str, high: str) -> list[int]:
        return list(range(self.chunk_of(low), self.chunk_of(high) + 1))

    def _chunk(self, key: str) -> dict:
        return self.chunks.get(self.chunk_of(key)) or {"w": {}, "s": {}}

    def stems_of(self, key: str) -> list[str]:
        chunk = self._chunk(key)
        stems = chunk["w"].get(key)
        if stems is not None:
            return [stems] if isinstance(stems, str) else list(stems)
        return [key] if key in chunk["s"] else []

    def is_stem(self, key: str) -> bool:
        return key in self._chunk(key)["s"]

    def has(self, key: str) -> bool:
        chunk = self._chunk(key)
        return key in chunk["w"] or key in chunk["s"]

    def postings(self, stem: str) -> list[int]:
        return self._chunk(stem)["s"].get(stem, [])

    def keys_with_prefix(self, prefix: str) -> list[str]:
        found = set()
        for number in self.chunks_between(prefix, prefix + TOP):
            chunk = self.chunks.get(number) or {"w": {}, "s": {}}
            found.update(k for k in chunk["w"] if k.startswith(prefix))
            found.update(k for k in chunk["s"] if k.startswith(prefix))
        return sorted(found)


def parse(query: str) -> list[Unit]:
    """Latin words and whole Han runs; stop words stay until `expand`."""
    found = words(query)
    # The last word is still being typed when the query ends in it: not after a space or a "?", and not
    # when what ends the query is a single letter that is no word ("how do i": "do" is finished).
    typing = bool(found) and normalize(query).endswith(found[-1])
    return [Unit(word, prefix=typing and i == len(found) - 1, han=is_han(word)) for i, word in enumerate(found)]


def chunks_for(units: list[Unit], lexicon: Lexicon) -> set[int]:
    """Chunks needed to expand the units (first round): the words themselves, and what they complete to."""
    needed: set[int] = set()
    for unit in units:
        if unit.han:
            for char in set(unit.text):
                needed.update(lexicon.chunks_between(char, char + TOP)[:MAX_PREFIX_CHUNKS])
            continue
        for mark in lexicon.marks:
            needed.add(lexicon.chunk_of(unit.text + mark))
        if unit.prefix:
            span = lexicon.chunks_between(unit.text, unit.text + TOP)
            if len(span) <= MAX_PREFIX_CHUNKS:
                needed.update(span)
    return needed


def fallback_chunks(units: list[Unit], lexicon: Lexicon) -> set[int]:
    """Second round, only for a word the index does not hold: the chunks of the shorter stems it may
    start with ("refunding" -> refund). Known words, most queries, need one round fewer."""
    needed: set[int] = set()
    for unit in units:
        if unit.han or lexicon.stems_of(unit.text):
            continue
        for k in range(max(MIN_STEM, len(unit.text) - STEM_SLACK), len(unit.text)):
            for mark in lexicon.marks:
                needed.add(lexicon.chunk_of(unit.text[:k] + mark))
    return needed - set(lexicon.chunks)


def _prefix_stems(prefix: str, lexicon: Lexicon, stems: dict[str, float]) -> None:
    candidates = set()
    for key in lexicon.keys_with_prefix(prefix):
        candidates.update(lexicon.stems_of(key))
    candidates -= set(stems)
    ranked = sorted(candidates, key=lambda s: (-len(lexicon.postings(s)), s))[:MAX_PREFIX_STEMS]
    for stem in ranked:
        stems[stem] = PREFIX_WEIGHT


def _segment_han(unit: Unit, lexicon: Lexicon) -> list[Unit]:
    run, i, out = unit.text, 0, []
    while i < len(run):
        end = next((j for j in range(min(len(run), i + HAN_MAX_WORD), i, -1) if lexicon.has(run[i:j])), None)
        if end is None and unit.prefix and lexicon.keys_with_prefix(run[i:]):
            out.append(Unit(run[i:], prefix=True, han=True))
            break
        end = end or i + 1
        out.append(Unit(run[i:end], prefix=unit.prefix and end == len(run), han=True))
        i = end
    return out


def expand(units: list[Unit], lexicon: Lexicon, stop_words) -> list[Unit]:
    """Fill each unit's stems; split Han runs into words; drop stop words: every finished one (an
    English "an" or "how" must not match a Danish article's "an" or "how"), and one being typed that
    the index does not hold as the start of a word."""
    out: list[Unit] = []
    for unit in units:
        if not unit.prefix and unit.text in stop_words:
            continue
        pieces = _segment_han(unit, lexicon) if unit.han else [unit]
        for piece in pieces:
            stems = {stem: EXACT_WEIGHT for stem in lexicon.stems_of(piece.text)}
            if not stems and not piece.han:
                for k in range(len(piece.text) - 1, max(MIN_STEM, len(piece.text) - STEM_SLACK) - 1, -1):
                    for mark in lexicon.marks:
                        if lexicon.is_stem(piece.text[:k] + mark):
                            stems[piece.text[:k] + mark] = STEM_PREFIX_WEIGHT
                    if stems:
                        break
            if piece.prefix:
                _prefix_stems(piece.text, lexicon, stems)
            if not stems and not piece.han and piece.text not in stop_words:
                for word in near_words(piece.text, lexicon):
                    stems.update((stem, FUZZY_WEIGHT) for stem in lexicon.stems_of(word) if stem not in stems)
            if not stems and piece.text in stop_words:
                continue
            piece.stems = stems
            out.append(piece)
    return out


def near_words(word: str, lexicon: Lexicon) -> list[str]:
    """Indexed words one typo away from an unknown word (two for words of 8 letters or more): a letter
    wrong, missing, extra, or two swapped; the first letter right. Only the chunks already loaded for
    the word are read (its own and, as it is unknown, those of its shorter stems), so no extra round."""
    if len(word) < FUZZY_MIN:
        return []
    limit = 1 if len(word) < 8 else 2
    found: dict[str, int] = {}
    for number in sorted(lexicon.chunks):
        chunk = lexicon.chunks[number]
        not_words = set(chunk.get("n", ()))
        for key in list(chunk["w"]) + [k for k in chunk["s"] if k not in not_words]:
            if key[0] == word[0] and abs(len(key) - len(word)) <= limit and key not in found:
                distance = edit_distance(word, key, limit)
                if distance <= limit:
                    found[key] = distance
    if not found:
        return []
    closest = min(found.values())

    def df(key: str) -> int:
        return max((len(lexicon.postings(stem)) for stem in lexicon.stems_of(key)), default=0) // 3

    return sorted((k for k, d in found.items() if d == closest), key=lambda k: (-df(k), k))[:FUZZY_WORDS]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours counts one), or limit + 1 when larger."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[len(b)]


def missing_stem_chunks(units: list[Unit], lexicon: Lexicon) -> set[int]:
    """Chunks holding postings of stems reached through a surface word in another chunk."""
    return {lexicon.chunk_of(s) for u in units for s in u.stems} - set(lexicon.chunks)


def bare_stem(stem: str) -> str:
    return stem.split(STEM_MARK, 1)[0]


def _round(value: float) -> float:
    return math.floor(value * 1e6 + 0.5) / 1e6


def rank(units: list[Unit], lexicon: Lexicon, doc_count: int, limit: int = MAX_RESULTS) -> list[Hit]:
    if not units:
        return []
    best: list[dict[int, float]] = []
    masks: list[dict[int, int]] = []
    for unit in units:
        unit_best: dict[int, float] = {}
        unit_mask: dict[int, int] = {}
        # A stem's language variants ("return", "return~da") are one word for rarity.
        family_df: dict[str, int] = {}
        for stem in sorted(unit.stems):
            family_df[bare_stem(stem)] = family_df.get(bare_stem(stem), 0) + len(lexicon.postings(stem)) // 3
        for stem in sorted(unit.stems):
            weight = unit.stems[stem]
            postings = lexicon.postings(stem)
            df = family_df[bare_stem(stem)]
            idf = math.log(1 + (doc_count - df + 0.5) / (df + 0.5))
            doc = 0
            for p in range(0, len(postings), 3):
                doc += postings[p]
                value = idf * weight * postings[p + 1] / 100
                if value > unit_best.get(doc, 0.0):
                    unit_best[doc] = value
                unit_mask[doc] = unit_mask.get(doc, 0) | postings[p + 2]
        best.append(unit_best)
        masks.append(unit_mask)
    scores: dict[int, float] = {}
    for doc in sorted(set().union(*best)):
        matched = sum(1 for b in best if doc in b)
        total = 0.0
        for unit_best in best:
            total += unit_best.get(doc, 0.0)
        cover = matched / len(units)
        scores[doc] = _round(total * cover * cover)
    ranked = sorted(scores, key=lambda d: (-scores[d], d))[:limit]
    return [Hit(doc, scores[doc], tuple(doc in b for b in best), _best_sections(doc, masks)) for doc in ranked]


def _best_sections(doc: int, masks: list[dict[int, int]]) -> tuple[int, ...]:
    cover: dict[int, int] = {}
    for unit_mask in masks:
        mask = unit_mask.get(doc, 0)
        bit = 0
        while mask:
            if mask & 1:
                cover[bit] = cover.get(bit, 0) + 1
            mask >>= 1
            bit += 1
    return tuple(sorted(cover, key=lambda s: (-cover[s], s)))


# --- reading a built index (the CLI and the tests) ---------------------------------------------------

@dataclass(frozen=True)
class Result:
    rank: int
    title: str
    location: str
    score: float
    sections: tuple[tuple[str, str], ...]  # (heading, location#anchor), best first
    missing: tuple[str, ...]  # query words this article lacks

    def as_json(self) -> dict:
        return {"rank": self.rank, "title": self.title, "url": self.location, "score": self.score,
                "sections": [{"title": t, "url": u} for t, u in self.sections], "missing": list(self.missing)}


class IndexFiles:
    """A built index folder (site/search/helpgen), read the way the browser reads it: file by file."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.manifest = json.loads((self.folder / "manifest.json").read_text(encoding="utf-8"))
        self.root = self.folder / self.manifest["build"]
        self.stop_words = frozenset(self.manifest["stop"])
        self.files_read: list[str] = []

    def _read(self, relative: str):
        self.files_read.append(relative)
        return json.loads((self.root / relative).read_text(encoding="utf-8"))

    def load(self, lexicon: Lexicon, numbers: set[int]) -> None:
        for number in sorted(numbers - set(lexicon.chunks)):
            lexicon.chunks[number] = self._read(f"t/{number}.json")

    def expanded(self, query: str, lexicon: Lexicon) -> list[Unit]:
        """The query's units with their stems, loading chunks round by round as the browser does."""
        units = parse(query)
        self.load(lexicon, chunks_for(units, lexicon))
        self.load(lexicon, fallback_chunks(units, lexicon))
        units = expand(units, lexicon, self.stop_words)
        self.load(lexicon, missing_stem_chunks(units, lexicon))
        return units

    def document(self, doc: int) -> dict:
        return self._read(f"d/{doc}.json")

    def search(self, query: str, limit: int = MAX_RESULTS) -> list[Result]:
        lexicon = Lexicon(self.manifest["chunks"], self.manifest.get("languages", []))
        units = self.expanded(query, lexicon)
        results = []
        for number, hit in enumerate(rank(units, lexicon, self.manifest["docs"], limit), 1):
            doc = self.document(hit.doc)
            sections = tuple((doc["s"][s][0], f"{doc['u']}#{doc['s'][s][1]}") for s in hit.sections
                             if s < len(doc["s"]) and doc["s"][s][1])
            missing = tuple(u.text for u, ok in zip(units, hit.matched) if not ok)
            results.append(Result(number, doc["t"], doc["u"], hit.score, sections, missing))
        return results


def search_site(site_dir: Path, query: str, limit: int = MAX_RESULTS) -> list[Result]:
    return IndexFiles(Path(site_dir) / "search" / "helpgen").search(query, limit)
