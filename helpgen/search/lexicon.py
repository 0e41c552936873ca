"""The lexicon as one search sees it: the index's chunks loaded so far, and which chunk holds a key.

The terms of an index are sorted and cut into chunks (index.py); the manifest lists the first key of
each, so a key's chunk is found by bisection before anything is loaded. A chunk holds, for its keys:
"w" surface word -> stem(s), "s" stem -> postings, "n" stems that are no words, "c" result cards, and
"y" synonym entries (synonyms.py). The browser worker has the same class (search/lexicon.js).
"""
from __future__ import annotations

from bisect import bisect_right

from .text import STEM_MARK

TOP = "\uffff"  # after every key that starts with the same text: the end of a prefix's key range
_EMPTY = {"w": {}, "s": {}, "n": [], "y": {}}


class Lexicon:
    """The chunks loaded so far; `chunk_of` and `chunks_between` name the chunks a lookup would read."""

    def __init__(self, firsts: list[str], languages: list[str] = ()):
        self.firsts = firsts
        self.chunks: dict[int, dict] = {}
        # Stems of other languages than English carry a mark ("return~da"): a word may be either.
        self.marks = [""] + [STEM_MARK + lang for lang in languages]

    def chunk_of(self, key: str) -> int:
        return max(0, bisect_right(self.firsts, key) - 1)

    def chunks_between(self, low: str, high: str) -> list[int]:
        return list(range(self.chunk_of(low), self.chunk_of(high) + 1))

    def _chunk(self, key: str) -> dict:
        return self.chunks.get(self.chunk_of(key)) or _EMPTY

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

    def synonyms(self, key: str) -> list:
        """The synonym entries of a word or Chinese term: [[following words' forms…], [alternatives…]]."""
        return self._chunk(key).get("y", {}).get(key, [])

    def keys_with_prefix(self, prefix: str) -> list[str]:
        found = set()
        for number in self.chunks_between(prefix, prefix + TOP):
            chunk = self.chunks.get(number) or _EMPTY
            found.update(k for k in chunk["w"] if k.startswith(prefix))
            found.update(k for k in chunk["s"] if k.startswith(prefix))
        return sorted(found)
