"""`helpgen check` on synonyms.yml: a line search cannot use is an error at its line; a line whose
targets no article of the language has is a warning at its line (the synonym finds nothing).

What the articles have is read from their Markdown (title, description, tags, keywords and text,
without link targets), with the index's analysis (search/text.py): the same words, stems and Chinese
segmentation. A list for every language warns only where the line finds nothing in any language
(English synonyms in the Chinese index are expected to be idle); a language's own list, in that language.
"""
from __future__ import annotations

import hashlib
import re
from collections import OrderedDict

from ..content.articles import Article
from ..content.languages import SiteLanguages
from ..errors import Problem
from ..search.synonym_file import Synonym, SynonymSource, read_synonyms
from ..search.synonyms import Vocabulary, finds_something
from ..search.text import analysis_language, detect_language, terms
from .rules import finding

# Where a link points, an image's file, an HTML tag: Markdown that is no text of the article.
_NOT_TEXT = re.compile(r"\]\([^)]*\)|<[^>]*>|https?://\S+")
_KEPT = 20_000  # articles' words remembered across the preview's checks (each edit re-reads one)
_pairs_of: "OrderedDict[bytes, frozenset[tuple[str, str]]]" = OrderedDict()


def check_synonyms(source: SynonymSource | None, languages: SiteLanguages, articles: dict[str, list[Article]]) -> list[Problem]:
    """`articles`: each language's articles (CheckResult.articles.pages), by language code."""
    synonyms, problems = read_synonyms(source, languages.codes)
    findings = [finding("synonyms-invalid", p.location, p.message, p.hint) for p in problems]
    if not synonyms:
        return findings
    multilingual = languages.multilingual
    vocabularies: dict[str, Vocabulary] = {}

    def vocabulary(code: str) -> Vocabulary:
        if code not in vocabularies:
            vocabularies[code] = article_vocabulary(articles.get(code, []), code if multilingual else "")
        return vocabularies[code]

    for line, codes in _lines(synonyms, languages):
        idle = [code for code in codes if not finds_something(line, code, vocabulary(code))]
        if idle and len(idle) == len(codes):
            findings.append(_dead(line, idle))
    return findings


def _lines(synonyms, languages: SiteLanguages) -> list[tuple[Synonym, list[str]]]:
    if synonyms.per_language:
        return [(line, [code]) for code, lines in synonyms.by_language.items() for line in lines]
    return [(line, list(languages.codes)) for line in synonyms.shared]


def _dead(line: Synonym, codes: list[str]) -> Problem:
    targets = ", ".join(f'"{t}"' for t in line.targets)
    where = f"no {codes[0]} article" if len(codes) == 1 else f"no article in {', '.join(codes)}"
    if line.equivalent:
        message = f'"{line.text}": {where} has any of {targets}, so this line finds nothing'
    else:
        message = f'"{line.text}": {where} has {targets}, so this synonym finds nothing'
    return finding("synonym-dead", line.location, message,
                   "check the spelling, or write the words your articles use (helpgen search shows what they find)")


def article_vocabulary(articles: list[Article], language: str) -> Vocabulary:
    """The words of these articles as an index would hold them; `language` "" detects each article's."""
    surfaces: dict[str, set[str]] = {}
    documents: dict[str, set[int]] = {}
    for number, article in enumerate(articles):
        for surface, stem in article_pairs(article, language):
            surfaces.setdefault(surface, set()).add(stem)
            documents.setdefault(stem, set()).add(number)
    return Vocabulary(surfaces, lambda stem: documents.get(stem, set()))


def article_pairs(article: Article, language: str) -> frozenset[tuple[str, str]]:
    """(surface word, stem) of everything searchable in the article, remembered by its text."""
    text = "\n".join([article.title, article.description, " ".join(article.tags), " ".join(article.keywords),
                      _NOT_TEXT.sub(" ", article.body)])
    key = hashlib.blake2b(f"{language}\0{text}".encode("utf-8"), digest_size=16).digest()
    found = _pairs_of.get(key)
    if found is None:
        analysis = analysis_language(language) if language else detect_language(text)
        found = frozenset(terms(text, analysis))
        _pairs_of[key] = found
        if len(_pairs_of) > _KEPT:
            _pairs_of.popitem(last=False)
    else:
        _pairs_of.move_to_end(key)
    return found
