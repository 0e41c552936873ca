"""`helpgen insights suggest`: synonyms.yml lines the writer can paste, learnt from refinements.

A visitor who searched "chargeback", then "refund", and clicked an article, told us that "chargeback"
should find what "refund" finds. A pair is proposed when it was seen at least `min_count` times in one
language and the second search ended in an article click at least half the time, as a one-way rule
(`chargeback => refund`); when visitors go both ways, as equivalent words (`refund, chargeback`). Not
proposed: narrowing or widening a search ("refund" -> "refund klarna": the words of one contain the
other's), masked personal data, and text that the Solr-style line would misread (`,`, `=>`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import yaml

from ..search.synonym_file import Synonyms
from ..search.text import words
from .store import Store, now, open_store

MIN_CLICKED_SHARE = 0.5


@dataclass(frozen=True)
class Suggestion:
    language: str
    line: str  # "chargeback => refund" or "chargeback, refund"
    seen: int
    clicked: int

    def yaml_item(self) -> str:
        return f"- {_scalar(self.line)}  # seen {self.seen:,} times, then an article clicked {self.clicked:,} times"


def refinement_pairs(store: Store, since: int, until: int, min_count: int) -> list[tuple[str, str, str, int, int]]:
    """(language, before, after, seen, then clicked), most seen first."""
    return [(language, before, after, int(seen), int(clicked or 0)) for before, after, language, seen, clicked in store.rows(
        "SELECT refined_from, query, language, COUNT(*), SUM(CASE WHEN clicked IS NOT NULL THEN 1 ELSE 0 END) "
        "FROM helpgen_searches WHERE at >= ? AND at < ? AND refined_from IS NOT NULL AND refined_from <> query "
        "GROUP BY refined_from, query, language HAVING COUNT(*) >= ? "
        "ORDER BY COUNT(*) DESC, language, refined_from, query", (since, until, min_count))]


Known = Callable[[str, str, str], bool]  # (language, before, after): synonyms.yml already leads there


def suggestions_from(pairs: list[tuple[str, str, str, int, int]], known: Known = lambda *pair: False) -> list[Suggestion]:
    useful = {(lang, b, a): (seen, clicked) for lang, b, a, seen, clicked in pairs
              if clicked >= seen * MIN_CLICKED_SHARE and _usable(b) and _usable(a) and not _nested(b, a)
              and not known(lang, b, a)}
    found: list[Suggestion] = []
    done: set[tuple[str, str, str]] = set()
    for (lang, before, after), (seen, clicked) in useful.items():
        if (lang, before, after) in done:
            continue
        back = useful.get((lang, after, before))
        if back:
            done.add((lang, after, before))
            first, second = sorted((before, after))
            found.append(Suggestion(lang, f"{first}, {second}", seen + back[0], clicked + back[1]))
        else:
            found.append(Suggestion(lang, f"{before} => {after}", seen, clicked))
    return sorted(found, key=lambda s: (s.language, -s.seen, s.line))


def known_in(synonyms: Synonyms) -> Known:
    """A pair synonyms.yml already leads from the first query to the second, in that language, compared
    as search reads them (words, lowercased): proposing it again would only be noise."""
    def key(query: str) -> str:
        return " ".join(words(query))

    def known(language: str, before: str, after: str) -> bool:
        return any(key(before) == source and key(after) in targets
                   for line in synonyms.for_language(language) for source, targets in line.pairs())
    return known


def suggest_synonyms(db_url: str, since: int, min_count: int, synonyms: Synonyms = Synonyms()) -> list[Suggestion]:
    store = open_store(db_url, create=False)
    try:
        until = now()
        return suggestions_from(refinement_pairs(store, until - since, until, min_count), known_in(synonyms))
    finally:
        store.close()


def format_suggestions(suggestions: list[Suggestion]) -> str:
    """YAML to paste into synonyms.yml: a list for one language, a mapping per language for several."""
    if not suggestions:
        return "# No synonyms to suggest yet: no refined search was seen often enough."
    languages = sorted({s.language for s in suggestions})
    header = "# Paste into synonyms.yml (beside mkdocs.yml); check each line before you keep it."
    if len(languages) == 1:
        return "\n".join([header, f"# {languages[0]}:"] + [s.yaml_item() for s in suggestions])
    lines = [header]
    for language in languages:
        lines.append(f"{_scalar(language)}:")
        lines += ["  " + s.yaml_item() for s in suggestions if s.language == language]
    return "\n".join(lines)


def _usable(query: str) -> bool:
    return "[" not in query and "," not in query and "=>" not in query and not query.startswith("#")


def _nested(before: str, after: str) -> bool:
    first, second = set(before.split()), set(after.split())
    return first <= second or second <= first


def _scalar(text: str) -> str:
    """The text as a YAML scalar: plain when YAML reads it back unchanged, quoted otherwise."""
    try:
        if yaml.safe_load(text) == text and "#" not in text:
            return text
    except yaml.YAMLError:
        pass
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=1000).strip()
