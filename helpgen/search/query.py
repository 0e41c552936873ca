"""A query -> its units (the words it is ranked by), each with the stems it stands for. The browser
worker takes the same steps in the same order (search/query.js); tests/test_search.py checks both
give the same ranking.

1. `parse`: the query's words (text.words); the word still being typed is completed by prefix.
2. Load the lexicon chunks those words need (`chunks_for`: a word's own chunk; every piece of a
   Chinese run that may be a word; then, for a word the index does not hold, the chunks of the shorter
   stems it may start with: `fallback_chunks`).
3. `expand`: each word -> stems with a weight: the surface-word table (exact, 1.0); if the word is
   unknown, the longest indexed stem it starts with ("refunding" -> refund, 0.9); for the word being
   typed, indexed words it is a prefix of (0.6, the 30 most common); if none of these, the indexed
   words one typo away ("pasword" -> password, 0.9). A Chinese run becomes the indexed words in it
   (`han_segments`); words that overlap (不同 and 同步 in 不同步) are one unit that either finds.
4. synonyms.py adds what synonyms.yml says the words also mean; rank.py ranks.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import TOP, Lexicon
from .text import is_han, normalize, words

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


@dataclass
class Unit:
    """One word of the query as ranked: a Latin word, or a piece of a Chinese run."""

    text: str
    prefix: bool  # the word being typed: complete it
    han: bool = False
    stems: dict[str, float] = field(default_factory=dict)
    words: tuple[str, ...] = ()  # a Chinese piece's indexed words (several when they overlap)
    synonym: str = ""  # a Chinese piece that is a synonym term of synonyms.yml
    # stem -> the key its rarity is counted under (rank.py), where not its bare stem: a word and the
    # synonyms merged into it are one word for rarity.
    family: dict[str, str] = field(default_factory=dict)


def parse(query: str) -> list[Unit]:
    """Latin words and whole Han runs; stop words stay until `expand`."""
    found = words(query)
    # The last word is still being typed when the query ends in it: not after a space or a "?", and not
    # when what ends the query is a single letter that is no word ("how do i": "do" is finished).
    typing = bool(found) and normalize(query).endswith(found[-1])
    return [Unit(word, prefix=typing and i == len(found) - 1, han=is_han(word)) for i, word in enumerate(found)]


def chunks_for(units: list[Unit], lexicon: Lexicon) -> set[int]:
    """Chunks needed to expand the units (first round): the words themselves, and what they complete to.
    A Chinese run needs the chunk of each of its pieces that may be a word, or a synonym term."""
    needed: set[int] = set()
    for unit in units:
        if unit.han:
            run = unit.text
            for start in range(len(run)):
                for end in range(start + 1, min(len(run), start + HAN_MAX_WORD) + 1):
                    needed.add(lexicon.chunk_of(run[start:end]))
            if unit.prefix:  # the last piece is completed: the chunks of the words its tail may start
                for start in range(max(0, len(run) - HAN_MAX_WORD), len(run)):
                    needed.update(lexicon.chunks_between(run[start:], run[start:] + TOP)[:MAX_PREFIX_CHUNKS])
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
    start with ("refunding" -> refund). Known words, most queries, need one round fewer; so do words
    synonyms.yml explains."""
    needed: set[int] = set()
    for unit in units:
        if unit.han or lexicon.stems_of(unit.text) or lexicon.synonyms(unit.text):
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


def han_segments(run: str, has) -> list[tuple[int, int, tuple[str, ...]]]:
    """A Chinese run as (start, end, words): the words of two or more characters `has` knows that no
    longer known word contains, those that overlap together (不同步: 不同 and 同步), and each character
    no such word covers on its own (words empty). Why not the longest word first, left to right: that
    cut 不同步 into 不同 + 步 and lost 同步; and single characters would flood the results."""
    found = [(start, end) for start in range(len(run))
             for end in range(start + 2, min(len(run), start + HAN_MAX_WORD) + 1) if has(run[start:end])]
    longest = [(s, e) for s, e in found if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in found)]
    groups: list[list] = []  # [start, end, words] of overlapping words
    for start, end in longest:
        if groups and start < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], end)
            groups[-1][2].append(run[start:end])
        else:
            groups.append([start, end, [run[start:end]]])
    out: list[tuple[int, int, tuple[str, ...]]] = []
    at = 0
    for start, end, group in groups + [[len(run), len(run), []]]:
        out += [(i, i + 1, ()) for i in range(at, start)]
        if end > start:
            out.append((start, end, tuple(group)))
        at = end
    return out


def _segment_han(unit: Unit, lexicon: Lexicon, stop_words) -> list[Unit]:
    """The run's pieces; a stop word is cut out as a word too (the index holds none), so that 多少钱
    is 多少 + 钱, and expand drops 多少, not 多 + 少 + 钱."""
    out = []
    for start, end, found in han_segments(unit.text, lambda key: lexicon.has(key) or key in stop_words):
        last = end == len(unit.text)
        if not found and not lexicon.has(unit.text[start]) and unit.prefix and lexicon.keys_with_prefix(unit.text[start:]):
            out.append(Unit(unit.text[start:], prefix=True, han=True))  # the rest is being typed
            break
        out.append(Unit(unit.text[start:end], prefix=unit.prefix and last, han=True, words=found))
    return out


def _synonym_pieces(unit: Unit, lexicon: Lexicon, stop_words) -> list[Unit]:
    """A Chinese run cut around the synonym terms in it (leftmost, longest): each term is one unit, of
    its own indexed word or the words inside it, which synonyms.py adds the term's synonyms to."""
    run, out, start, i = unit.text, [], 0, 0
    while i < len(run):
        end = next((j for j in range(min(len(run), i + HAN_MAX_WORD), i, -1) if lexicon.synonyms(run[i:j])), None)
        if end is None:
            i += 1
            continue
        if start < i:
            out.append(Unit(run[start:i], prefix=False, han=True))
        term = run[i:end]
        inside = (term,) if lexicon.has(term) else tuple(w for _, _, found in han_segments(term, lexicon.has) for w in found)
        out.append(Unit(term, prefix=unit.prefix and end == len(run), han=True, words=inside, synonym=term))
        i = start = end
    if start < len(run):
        out.append(Unit(run[start:], prefix=unit.prefix, han=True))
    return [piece for part in out for piece in ([part] if part.synonym else _segment_han(part, lexicon, stop_words))]


def expand(units: list[Unit], lexicon: Lexicon, stop_words) -> list[Unit]:
    """Fill each unit's stems; split Han runs into words; drop stop words: every finished one (an
    English "an" or "how" must not match a Danish article's "an" or "how"), one being typed after
    other words, and one typed alone that the index does not hold as the start of a word."""
    out: list[Unit] = []
    for unit in units:
        # A stop word being typed after other words is most likely whole ("returns policy and"): its
        # completions would rank articles by whatever starts with "and".
        if unit.text in stop_words and (not unit.prefix or len(units) > 1):
            continue
        pieces = _synonym_pieces(unit, lexicon, stop_words) if unit.han else [unit]
        for piece in pieces:
            stems = {stem: EXACT_WEIGHT for word in (piece.words or (piece.text,)) for stem in lexicon.stems_of(word)}
            explained = piece.synonym or lexicon.synonyms(piece.text)  # synonyms.yml says what it means
            if not stems and not piece.han and not explained:
                for k in range(len(piece.text) - 1, max(MIN_STEM, len(piece.text) - STEM_SLACK) - 1, -1):
                    for mark in lexicon.marks:
                        if lexicon.is_stem(piece.text[:k] + mark):
                            stems[piece.text[:k] + mark] = STEM_PREFIX_WEIGHT
                    if stems:
                        break
            if piece.prefix:
                _prefix_stems(piece.text, lexicon, stems)
            if not stems and not piece.han and not explained and piece.text not in stop_words:
                for word in near_words(piece.text, lexicon):
                    stems.update((stem, FUZZY_WEIGHT) for stem in lexicon.stems_of(word) if stem not in stems)
            if not stems and not explained and piece.text in stop_words:
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


def missing_stem_chunks(units: list[Unit], lexicon: Lexicon, extra=()) -> set[int]:
    """Chunks holding postings of stems reached through a surface word or a synonym in another chunk."""
    stems = [s for u in units for s in u.stems] + [s for u in extra for s in u.stems]
    return {lexicon.chunk_of(s) for s in stems} - set(lexicon.chunks)
