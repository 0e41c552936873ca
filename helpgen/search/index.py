"""Articles -> the search index files: built once, at build time; nothing is built in the browser.

Layout under `search/helpgen/` in the site (docs/search.md explains the choice with measurements):

    manifest.json          the build id, document count, stop words, and the first key of every chunk
    <build>/t/<n>.json     lexicon chunks: contiguous slices of the sorted term list, ~CHUNK_BYTES each
                           {"w": {surface word: stem or [stems]}, "s": {stem: postings},
                            "n": [stems that are not words themselves: never offered as completions],
                            "c": {doc id: card}: the result cards of each stem's best RESULTS articles (postings.py),
                            "y": {word: synonym entries}, when synonyms.yml has some (synonyms.py)}
    <build>/d/<id>.json    one per article: title, location, tags, description, sections (for results)

A card is a result as shown before its article file arrives: [title, location, tags, description]
(front matter's description is the search snippet). A one-word query's best articles are its stems'
best articles, so the chunk alone paints its results; the article files then add the sections, and
the snippet of an article without a description.

Postings are flat integer lists `[doc-id delta, score, section mask, ...]`. The score is the term's
weighted, length-normalized frequency over the article's fields (title and keywords > tags >
description > headings > body) times 100; the query side multiplies it by the term's rarity (idf). The section mask
has bit i set when section i (0 = the intro) contains the term: it picks the section a result links to.
A visitor's browser downloads the manifest, then only the chunks for the words typed and the
documents it shows.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field, replace
from json.encoder import encode_basestring
from pathlib import Path

from . import postings
from .sections import Section
from .synonym_file import Synonym
from .synonyms import Vocabulary, index_entries, postings_documents
from .text import ALL_STOP_WORDS, DEFAULT_LANGUAGE, STEMMED_LANGUAGES, analysis_language, detect_language, terms

FORMAT = 1
MAX_SECTION_BIT = 30  # sections past the 30th share the last bit (JS bit operations are 32-bit)
CHUNK_BYTES = 24_000  # postings and cards together
_BUILD_ID = re.compile(r"[0-9a-f]{12}")  # the name of a build's folder (_build_id)


@dataclass(frozen=True)
class SearchDocument:
    """One article as search sees it."""

    location: str  # URL relative to the site root, e.g. "returns/how-do-i-return-an-item/"
    title: str
    description: str = ""
    tags: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    language: str = ""  # the site language of the page ("da", "zh-TW"); "" = detect from the text
    keywords: tuple[str, ...] = ()  # the writer's hidden search words: scored as the title, never shown
    # The article's terms, when worked out where the page was built (`with_terms`, in a page worker):
    # what the text gives, so not part of what the document is.
    terms: "_DocumentTerms | None" = field(default=None, compare=False, repr=False)
    file_bytes: bytes | None = field(default=None, compare=False, repr=False)  # its d/<id>.json, likewise


@dataclass
class SearchIndex:
    documents: list[SearchDocument]
    postings: dict[str, list[int]]  # stem -> flat [doc delta, score, mask, ...]
    surfaces: dict[str, list[str]]  # surface word -> its stems, when they are not just the word itself
    words: set[str] = field(default_factory=set)  # every surface word
    synonyms: dict[str, list] = field(default_factory=dict)  # word -> synonym entries (synonyms.py)
    build: str = ""
    chunks: list[tuple[str, dict]] = field(default_factory=list)  # (first key, chunk json)
    # The bytes of each chunk file and each article file, serialized once for the build id and the
    # writing alike (at 10,000 articles each pass over them cost seconds).
    chunk_bytes: list[bytes] = field(default_factory=list, repr=False)
    document_bytes: list[bytes] = field(default_factory=list, repr=False)


def _field_terms(doc: SearchDocument, language: str) -> tuple[dict[str, list], list[list]]:
    """Each field's (surface, stem) pairs, and each section's (heading and text together)."""
    sections = [(terms(s.title, language), terms(s.text, language)) for s in doc.sections]
    fields = {
        "title": terms(doc.title, language),
        "keywords": terms(" ".join(doc.keywords), language),
        "tags": terms(" ".join(doc.tags), language),
        "description": terms(doc.description, language),
        "headings": [pair for heading, _ in sections for pair in heading],
        "body": [pair for _, text in sections for pair in text],
    }
    return fields, [heading + text for heading, text in sections]


@dataclass(frozen=True)
class _DocumentTerms:
    """What one article contributes before the collection-wide statistics: the same for the same text.

    Kept as one marshal string, unpacked only where the postings are made (postings.py): a 10,000-
    article build holds these for every article until the index is written, and a CI rebuild unpickles
    them from its cache; as live dicts of small strings they took about 30 KB per article, packed 6 KB.
    marshal, not JSON: it loads twice as fast, and the data never leaves this Python (the build cache
    is tied to its version, build_cache.versions)."""

    # marshal of (field -> stem counts in order of first occurrence, field -> number of terms,
    # every distinct "surface\tstem" pair sorted, stem -> section mask)
    data: bytes


def _analyze(doc: SearchDocument) -> _DocumentTerms:
    language = analysis_language(doc.language) if doc.language else detect_language(" ".join(
        [doc.title, doc.description, *(f"{s.title} {s.text}" for s in doc.sections)]))
    fields, section_terms = _field_terms(doc, language)
    masks: dict[str, int] = {}
    for number, pairs in enumerate(section_terms):
        bit = 1 << min(number, MAX_SECTION_BIT)
        for stem in {stem for _, stem in pairs}:
            masks[stem] = masks.get(stem, 0) | bit
    counts = {name: dict(Counter(stem for _, stem in pairs)) for name, pairs in fields.items()}
    lengths = {name: len(pairs) for name, pairs in fields.items()}
    # Words never hold a tab (text.py: runs of letters and digits, "~" in stem marks).
    joined = sorted({f"{surface}\t{stem}" for pairs in fields.values() for surface, stem in pairs})
    return _DocumentTerms(marshal.dumps((counts, lengths, joined, masks)))


def with_terms(doc: SearchDocument) -> SearchDocument:
    """The document with its terms and its article file's bytes worked out now: done per page, in the
    page workers, the index's costliest part runs in parallel and is kept with the page by the
    preview's and CI's page caches."""
    return replace(doc, terms=_analyze(doc), file_bytes=_document_bytes(doc))


def _terms_of(doc: SearchDocument) -> _DocumentTerms:
    return doc.terms if doc.terms is not None else _analyze(doc)


class TermsCache:
    """What one build's index leaves for the next (the preview's, or a CI build's through its store):
    the postings, which the next build updates for the articles that changed (postings.py), and the
    terms of articles that came without them (pages bring their own, `with_terms`), keyed by everything
    `_analyze` reads, not the location. Holds only the last build's. Never changes the output."""

    def __init__(self) -> None:
        self._terms: dict[tuple, _DocumentTerms] = {}
        self._parts: dict[str, TermsCache] = {}
        self.postings: postings.Postings | None = None  # the last build's, for `postings.update`
        self._restored: dict = {}

    def kept(self) -> dict[str, postings.Postings]:
        """Each index's last postings, by part ("" for this cache's own), for a later `restore`."""
        caches = {"": self, **self._parts}
        return {name: cache.postings for name, cache in caches.items() if cache.postings is not None}

    def restore(self, kept: object) -> None:
        """Take the postings `kept` gave, in another process (a CI build's store): anything else is ignored."""
        self._restored = kept if isinstance(kept, dict) else {}
        for name, value in self._restored.items():
            if isinstance(name, str) and isinstance(value, postings.Postings):
                (self.part(name) if name else self).postings = value

    def changed(self) -> bool:
        """Whether any index's postings differ from those restored (each update makes new ones)."""
        kept = self.kept()
        return kept.keys() != self._restored.keys() or any(kept[name] is not self._restored[name] for name in kept)

    def part(self, name: str) -> "TermsCache":
        """The cache of one of several indexes built in one build (one per language): each keeps its
        own last articles, so building one index does not forget another's."""
        if name not in self._parts:
            self._parts[name] = TermsCache()
        return self._parts[name]

    def analyze_all(self, docs: list[SearchDocument]) -> list[_DocumentTerms]:
        kept: dict[tuple, _DocumentTerms] = {}
        analyzed = []
        for doc in docs:
            if doc.terms is None:  # keys hash every section's text: made only for documents without terms
                key = (doc.title, doc.description, doc.tags, doc.sections, doc.language, doc.keywords)
                if key not in kept:
                    kept[key] = self._terms.get(key) or _analyze(doc)
            analyzed.append(doc.terms if doc.terms is not None else kept[key])
        self._terms = kept
        return analyzed


def build_index(documents: list[SearchDocument], cache: TermsCache | None = None,
                synonyms: tuple[Synonym, ...] = (), language: str = DEFAULT_LANGUAGE) -> SearchIndex:
    """The index of these articles; `synonyms` the site's lines for its `language` (synonyms.py)."""
    docs = sorted(documents, key=lambda d: d.location)
    analyzed = cache.analyze_all(docs) if cache is not None else [_terms_of(doc) for doc in docs]
    locations, data = tuple(doc.location for doc in docs), [terms_.data for terms_ in analyzed]
    made = postings.update(cache.postings, locations, data) if cache is not None else None
    if made is None:
        made = postings.make(locations, data, keep_counts=cache is not None)
    if cache is not None:
        cache.postings = made
    own = {surface: sorted(stems) for surface, stems in made.surfaces.items() if stems != {surface}}
    index = SearchIndex(docs, made.postings, own, set(made.surfaces))
    if synonyms:
        vocabulary = Vocabulary(made.surfaces, postings_documents(made.postings))
        index.synonyms = index_entries(synonyms, language, vocabulary)
    # Each stem's postings are JSON once (made.texts): their length decides the chunks, and the text
    # goes in as is.
    index.chunks = _chunk(index, made.texts, made.best)
    index.chunk_bytes = [_chunk_json(chunk, made.texts).encode("utf-8") for _, chunk in index.chunks]
    index.document_bytes = [doc.file_bytes if doc.file_bytes is not None else _document_bytes(doc)
                            for doc in index.documents]
    index.build = _build_id(index)
    return index


def card(doc: SearchDocument) -> list:
    """A result as shown before its article file arrives (see the module's docstring)."""
    return [doc.title, doc.location, list(doc.tags), doc.description]


def _chunk(index: SearchIndex, texts: dict[str, str], best: dict[str, list[int]]) -> list[tuple[str, dict]]:
    """Split the sorted keys (stems and surface words) into contiguous chunks of about CHUNK_BYTES,
    counting each card once per chunk."""
    keys = sorted(set(index.postings) | set(index.surfaces) | set(index.synonyms))
    cards: dict[int, tuple[list, int]] = {}

    def card_of(doc_id: int) -> tuple[list, int]:
        if doc_id not in cards:
            value = card(index.documents[doc_id])
            cards[doc_id] = (value, len(_dumps(value).encode("utf-8")) + len(str(doc_id)) + 4)
        return cards[doc_id]

    def entry(key: str, chunk: dict) -> tuple[int, list[int]]:
        """The bytes `key` adds to `chunk`, and the documents whose cards it brings."""
        size = len(key) + 8 + (len(_dumps(index.synonyms[key])) + len(key) + 4 if key in index.synonyms else 0)
        if key not in index.postings:
            return size, []
        size += len(texts[key])
        new = [d for d in best[key] if str(d) not in chunk["c"]]
        return size + sum(card_of(d)[1] for d in new), new

    def empty() -> dict:
        return {"w": {}, "s": {}, "n": [], "c": {}}

    chunks: list[tuple[str, dict]] = []
    current = empty()
    first, size = None, 0
    for key in keys:
        entry_size, new_cards = entry(key, current)
        if first is not None and size + entry_size > CHUNK_BYTES:
            chunks.append((first, current))
            current, first, size = empty(), None, 0
            entry_size, new_cards = entry(key, current)
        if first is None:
            first = key
        if key in index.surfaces:
            stems = index.surfaces[key]
            current["w"][key] = stems[0] if len(stems) == 1 else stems
        if key in index.postings:
            current["s"][key] = index.postings[key]
            if key not in index.words:
                current["n"].append(key)
        if key in index.synonyms:
            current.setdefault("y", {})[key] = index.synonyms[key]
        for doc_id in new_cards:
            current["c"][str(doc_id)] = card_of(doc_id)[0]
        size += entry_size
    if first is not None:
        chunks.append((first, current))
    return chunks


def _chunk_json(chunk: dict, texts: dict[str, str]) -> str:
    """_dumps(chunk), with each stem's postings taken from `texts` (already JSON) instead of encoded
    again: the same bytes (tests/test_search.py compares them)."""
    parts = []
    for key in sorted(chunk):
        if key == "s":
            # encode_basestring is what json.dumps(stem, ensure_ascii=False) calls, without its set-up.
            body = ",".join(f"{encode_basestring(stem)}:{texts[stem]}" for stem in sorted(chunk["s"]))
            parts.append(f'"s":{{{body}}}')
        else:
            parts.append(f"{_dumps(key)}:{_dumps(chunk[key])}")
    return "{" + ",".join(parts) + "}"


# What json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True) builds on every call,
# built once: the index encodes a card per article and an article file per article.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _dumps(value) -> str:
    return _JSON.encode(value)


def _document_bytes(doc: SearchDocument) -> bytes:
    return _dumps(document_json(doc)).encode("utf-8")


def document_json(doc: SearchDocument) -> dict:
    return {"t": doc.title, "u": doc.location, "g": list(doc.tags), "d": doc.description,
            "s": [[s.title, s.anchor, s.text] for s in doc.sections]}


def _build_id(index: SearchIndex) -> str:
    """A digest of every file's content: `[first key, chunk]` per chunk, then each article's file."""
    digest = hashlib.sha256()
    for (first, _), data in zip(index.chunks, index.chunk_bytes):
        digest.update(b"[" + _dumps(first).encode("utf-8") + b"," + data + b"]")
    for data in index.document_bytes:
        digest.update(data)
    return digest.hexdigest()[:12]


def manifest(index: SearchIndex) -> dict:
    return {
        "format": FORMAT,
        "build": index.build,
        "docs": len(index.documents),
        "chunks": [first for first, _ in index.chunks],
        "stop": sorted(ALL_STOP_WORDS),
        "languages": sorted(lang for lang in STEMMED_LANGUAGES if lang != DEFAULT_LANGUAGE),
    }


def write_index(index: SearchIndex, folder: Path) -> list[Path]:
    """Write the index files into `folder` (the site's search/helpgen/). Returns the files written.

    A file already holding the right bytes is left alone (the preview rewrote 1,000+ files per save
    otherwise). Its folder is named after the build id, which changes with any article: the previous
    build's folder is renamed to the new id first, so only files that differ are written, and files
    and build folders the new index does not have are deleted. A clean build starts from an empty
    folder; either way the result is byte for byte the same (tests/test_incremental.py)."""
    folder = Path(folder)
    root = folder / index.build
    _take_over_previous(folder, root)
    fresh = not root.exists()  # a clean build: nothing to compare with, 10,000 stat calls saved
    for part in ("t", "d"):
        (root / part).mkdir(parents=True, exist_ok=True)
    written = []
    wanted: set[Path] = set()

    def write(path: Path, data: bytes, new: bool = False) -> None:
        if new:
            with open(path, "wb") as f:
                f.write(data)
            written.append(path)
            return
        wanted.add(path)
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                # Unchanged: keep it, but mark it as this build's for the preview's sweep of files
                # older than the build (mkdocs/pipeline.py, _remove_stale).
                os.utime(path)
                return
        except OSError:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)

    for number, data in enumerate(index.chunk_bytes):
        write(root / "t" / f"{number}.json", data, fresh)
    for doc_id, data in enumerate(index.document_bytes):
        write(root / "d" / f"{doc_id}.json", data, fresh)
    if not fresh:
        for path in root.rglob("*"):
            if path.is_file() and path not in wanted:
                path.unlink()  # fewer articles or chunks than the previous build
    write(folder / "manifest.json", _dumps(manifest(index)).encode("utf-8"))
    return written


def _take_over_previous(folder: Path, root: Path) -> None:
    """Rename the previous build's folder to this build's id; delete any other build folder."""
    previous = None
    if (folder / "manifest.json").is_file():
        try:
            previous = json.loads((folder / "manifest.json").read_text(encoding="utf-8")).get("build")
        except (ValueError, AttributeError):
            previous = None
    others = [p for p in folder.iterdir() if p.is_dir() and p != root and _BUILD_ID.fullmatch(p.name)] \
        if folder.is_dir() else []
    for other in others:
        if other.name == previous and not root.exists():
            other.rename(root)
        else:
            shutil.rmtree(other)
