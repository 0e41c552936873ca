"""Synonyms: what synonyms.yml says a customer's words also mean, in the index and at query time.

In the index (`index_entries`, at build time): each source term becomes an entry under every form of
its first word, in the lexicon chunk that form falls in ("y": {form: [[rest, alternatives], …]}), so the
chunk a query loads for its own word already holds the word's synonyms: nothing more to download, and
no list in the manifest that would grow with the file. The forms are the word itself, the index's words
with the same stem, and the inflections the language's stemmer takes to that stem ("chargebacks",
"refusionen"): stemming applies per language at build time, since the browser never stems.
`rest` holds the forms of the term's other words, `alternatives` each target the index can find, as
the stems of its words ([[stem, …] per word]). A target no article has is left out, and `helpgen check`
warns about the line (checks/synonyms.py).

At query time (`apply_synonyms`, both engines, after query.expand): at each unit, the longest source
term starting there (matched by the units' words; a Chinese term was cut out of its run by query.py).
A one-word term with a one-word target adds the target's stems to the unit itself at SYNONYM_WEIGHT,
counted as one word with the unit's own stems for rarity, so a synonym match ranks below an exact
match of the same word. Otherwise the target is an `Alternative` reading of the units it spans, which
an article may match instead (rank.py). Unlike Solr, the customer's own words are always kept.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from typing import Callable, Iterable

from .query import EXACT_WEIGHT, Unit, han_segments
from .lexicon import Lexicon
from .synonym_file import Synonym
from .text import ALL_STOP_WORDS, analysis_language, bare_stem, is_han, stem, stem_key, words

SYNONYM_WEIGHT = 0.8  # below an exact word (1.0), its stem (0.9) and a typo (0.9); above a completion (0.6)
# Endings tried on a word and on its stem; only those the language's stemmer takes back to the word's
# stem are kept: "reimbursement" -> reimbursements, reimbursed, reimbursing.
ENDINGS = {
    "en": ("s", "es", "e", "ed", "d", "ing", "er", "ers", "ment", "ments", "ion", "ions", "al", "ly"),
    "da": ("e", "en", "er", "et", "s", "t", "ene", "erne", "ens", "ets", "enes", "ernes", "ede", "te", "de",
           "ning", "ninger", "ningen", "ningerne"),
}


@dataclass
class Alternative:
    """A synonym's target as another reading of the query's units [start, end): `units` its words."""

    start: int
    end: int
    units: list[Unit]


# --- query time ---------------------------------------------------------------------------------------

def apply_synonyms(units: list[Unit], lexicon: Lexicon) -> list[Alternative]:
    alternatives: list[Alternative] = []
    i = 0
    while i < len(units):
        end, found = _match(units, i, lexicon)
        if not found:
            i += 1
            continue
        for phrase in found:
            targets = [Unit(" ".join(stems), prefix=False, stems={s: SYNONYM_WEIGHT for s in stems}) for stems in phrase]
            if end - i == 1 and len(targets) == 1:
                _merge(units[i], targets[0])
            else:
                alternatives.append(Alternative(i, end, targets))
        i = end
    return alternatives


def _match(units: list[Unit], i: int, lexicon: Lexicon) -> tuple[int, list]:
    """The end of the longest source term starting at unit i, and its targets."""
    unit = units[i]
    if unit.han:
        return i + 1, [a for rest, found in lexicon.synonyms(unit.synonym) if not rest for a in found] \
            if unit.synonym else []
    end, targets = i, []
    for rest, found in lexicon.synonyms(unit.text):
        last = i + 1 + len(rest)
        if last > len(units) or any(units[i + 1 + k].han or units[i + 1 + k].text not in forms
                                    for k, forms in enumerate(rest)):
            continue
        if last > end:
            end, targets = last, list(found)
        elif last == end:
            targets += found
    return end, targets


def _merge(unit: Unit, target: Unit) -> None:
    family = "=" + unit.text
    for stem_, weight in unit.stems.items():
        if weight == EXACT_WEIGHT:
            unit.family[stem_] = family
    for stem_ in target.stems:
        if unit.stems.get(stem_, 0.0) < SYNONYM_WEIGHT:
            unit.stems[stem_] = SYNONYM_WEIGHT
            unit.family[stem_] = family


# --- what an index holds, for synonyms ------------------------------------------------------------------

class Vocabulary:
    """The words of an index, or of a check's articles: each surface word's stems, each stem's documents."""

    def __init__(self, surfaces: dict[str, Iterable[str]], documents: Callable[[str], set[int]]):
        self.surfaces = surfaces
        self._documents = documents
        self._by_stem: dict[str, set[str]] | None = None
        self._seen: dict[str, set[int]] = {}  # a stem's postings are decoded once, however many lines name it

    def documents(self, stem_: str) -> set[int]:
        if stem_ not in self._seen:
            self._seen[stem_] = self._documents(stem_)
        return self._seen[stem_]

    def has(self, key: str) -> bool:
        return key in self.surfaces

    def surfaces_of(self, stem_: str) -> set[str]:
        if self._by_stem is None:
            self._by_stem = {}
            for surface, stems in self.surfaces.items():
                for s in stems:
                    self._by_stem.setdefault(s, set()).add(surface)
        return self._by_stem.get(stem_, set())


def postings_documents(postings: dict[str, list[int]]) -> Callable[[str], set[int]]:
    """The documents of a stem, from flat delta-coded postings [doc delta, score, mask, …]."""
    return lambda stem_: set(accumulate(postings.get(stem_, [])[0::3]))


def term_words(term: str) -> list[str]:
    """A term's words as a query's units would be after stop words leave (query.expand)."""
    return [word for word in words(term) if word not in ALL_STOP_WORDS]


def _word_stems(word: str, language: str, vocabulary: Vocabulary) -> set[str]:
    if word in vocabulary.surfaces:
        return set(vocabulary.surfaces[word])
    lang = analysis_language(language)
    return {word if word.isdigit() else stem_key(stem(word, lang), lang)}


def target_stems(term: str, language: str, vocabulary: Vocabulary) -> list[list[str]] | None:
    """A target's words as stems ([[stem, …] per word]), or None when no article has them all."""
    phrase: list[list[str]] = []
    for word in term_words(term):
        if is_han(word):
            phrase += [list(found or (word[start],)) for start, _, found in han_segments(word, vocabulary.has)]
        else:
            phrase.append(sorted(_word_stems(word, language, vocabulary)))
    documents: set[int] | None = None
    for stems in phrase:
        having = set().union(*(vocabulary.documents(s) for s in stems))
        documents = having if documents is None else documents & having
        if not documents:
            return None
    return phrase if documents else None


def finds_something(line: Synonym, language: str, vocabulary: Vocabulary) -> bool:
    """Whether any of the line's targets is in an article (an equivalent line: any of its terms)."""
    return any(target_stems(term, language, vocabulary) is not None for term in line.targets)


# --- in the index -----------------------------------------------------------------------------------------

def word_forms(word: str, language: str, vocabulary: Vocabulary) -> list[str]:
    """The forms a query may type a source word in: itself, the index's words with its stem, and its
    inflections the language's stemmer takes to that stem."""
    if is_han(word):
        return [word]
    stems = _word_stems(word, language, vocabulary)
    forms = {word} | {surface for s in stems for surface in vocabulary.surfaces_of(s)}
    lang = analysis_language(language)
    bases = {word, *(bare_stem(s) for s in stems)} | ({word[:-1]} if word[-1:] in ("e", "y") else set())
    for candidate in {base + ending for base in bases for ending in ENDINGS.get(lang, ())}:
        if words(candidate) == [candidate] and stem_key(stem(candidate, lang), lang) in stems:
            forms.add(candidate)
    return sorted(forms)


def index_entries(lines: Iterable[Synonym], language: str, vocabulary: Vocabulary) -> dict[str, list]:
    """form -> [[rest, alternatives], …] for the lexicon chunks (see the module's docstring)."""
    grouped: dict[str, dict[str, tuple[list, list]]] = {}
    for line in lines:
        # An equivalent line of n terms makes n sources with n - 1 targets each: each term is looked up once.
        stems_of = {term: target_stems(term, language, vocabulary) for term in line.targets}
        for source, targets in line.pairs():
            alternatives = [found for term in targets if (found := stems_of[term])]
            source_words = term_words(source)
            if not alternatives or not source_words:
                continue
            forms = [word_forms(word, language, vocabulary) for word in source_words]
            rest = forms[1:]
            for key in forms[0]:
                entry = grouped.setdefault(key, {}).setdefault(repr(rest), (rest, []))
                entry[1].extend(a for a in alternatives if a not in entry[1])
    return {key: [[rest, found] for _, (rest, found) in sorted(entries.items())] for key, entries in sorted(grouped.items())}
