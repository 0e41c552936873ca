"""Reading a built index as the browser does, file by file: `helpgen search` and the tests.

The browser worker's Searcher (search/searcher.js) loads the same files in the same rounds: the
manifest; the chunks the query's words need; for unknown words, the chunks of their shorter stems;
then the chunks of stems reached through surface words or synonyms; then the shown articles' files.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .lexicon import Lexicon
from .query import Unit, chunks_for, expand, fallback_chunks, missing_stem_chunks, parse
from .rank import MAX_RESULTS, rank
from .synonyms import Alternative, apply_synonyms


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

    def lexicon(self) -> Lexicon:
        return Lexicon(self.manifest["chunks"], self.manifest.get("languages", []))

    def load(self, lexicon: Lexicon, numbers: set[int]) -> None:
        for number in sorted(numbers - set(lexicon.chunks)):
            lexicon.chunks[number] = self._read(f"t/{number}.json")

    def expanded(self, query: str, lexicon: Lexicon) -> tuple[list[Unit], list[Alternative]]:
        """The query's units with their stems and synonyms, loading chunks round by round as the browser does."""
        units = parse(query)
        self.load(lexicon, chunks_for(units, lexicon))
        self.load(lexicon, fallback_chunks(units, lexicon))
        units = expand(units, lexicon, self.stop_words)
        alternatives = apply_synonyms(units, lexicon)
        self.load(lexicon, missing_stem_chunks(units, lexicon, [u for a in alternatives for u in a.units]))
        return units, alternatives

    def document(self, doc: int) -> dict:
        return self._read(f"d/{doc}.json")

    def search(self, query: str, limit: int = MAX_RESULTS) -> list[Result]:
        lexicon = self.lexicon()
        units, alternatives = self.expanded(query, lexicon)
        results = []
        for number, hit in enumerate(rank(units, lexicon, self.manifest["docs"], limit, alternatives), 1):
            doc = self.document(hit.doc)
            sections = tuple((doc["s"][s][0], f"{doc['u']}#{doc['s'][s][1]}") for s in hit.sections
                             if s < len(doc["s"]) and doc["s"][s][1])
            missing = tuple(u.text for u, ok in zip(units, hit.matched) if not ok)
            results.append(Result(number, doc["t"], doc["u"], hit.score, sections, missing))
        return results


def search_site(site_dir: Path, query: str, limit: int = MAX_RESULTS) -> list[Result]:
    return IndexFiles(Path(site_dir) / "search" / "helpgen").search(query, limit)
