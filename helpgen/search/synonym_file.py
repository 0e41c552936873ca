"""synonyms.yml -> each language's synonym lines, read strictly, every problem at its file:line:col.

The lines are Solr's synonyms.txt lines, as the items of a YAML list (so that comments, quoting and
one list per language come with YAML):

    - refund, reimbursement, money back     # equivalent: each of them also finds the others
    - chargeback => refund                  # one-way: "chargeback" also finds "refund"
    - ship it back, send back => return     # several words on either side
    - 退款, 退钱

either one list for every language, or a mapping from the site's language codes to lists:

    en: [refund, reimbursement]
    da: [refusion, tilbagebetaling, penge tilbage]

Unlike Solr, `a => b` keeps `a`: an article using the customer's own word still comes first.
How the lines reach the index and the query: synonyms.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import HelpgenError, Location, Problem, did_you_mean
from ..yamlsource import Node, expect_text, key_location, parse_yaml
from .query import HAN_MAX_WORD
from .text import ALL_STOP_WORDS, is_han, words

DEFAULT_FILE = "synonyms.yml"
MAX_LINES = 1000  # per language: every line's words ride in the index's chunks
MAX_TERM_CHARS = 80
MAX_TERM_WORDS = 6
MAX_HAN_CHARS = HAN_MAX_WORD  # the browser looks Chinese words up by their first eight characters
ONE_WAY = "=>"


@dataclass(frozen=True)
class Synonym:
    """One line: a query with any of `sources` also finds `targets` (equivalent: every term finds all)."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    location: Location
    text: str  # the line as written, for messages

    @property
    def equivalent(self) -> bool:
        return self.sources == self.targets

    def pairs(self) -> list[tuple[str, tuple[str, ...]]]:
        """(source, the targets it finds): for equivalent terms, each finds the others."""
        return [(source, tuple(t for t in self.targets if t != source)) for source in self.sources]


@dataclass(frozen=True)
class SynonymSource:
    """Where a project's synonyms are: `path` to read, `shown` in messages; `required` when mkdocs.yml
    names the file (the default synonyms.yml may be absent)."""

    path: Path
    shown: str = DEFAULT_FILE
    required: bool = False


@dataclass(frozen=True)
class Synonyms:
    """A project's synonym lines: `shared` for every language (the file is a list), or per language."""

    shared: tuple[Synonym, ...] = ()
    by_language: dict[str, tuple[Synonym, ...]] = field(default_factory=dict)
    per_language: bool = False  # the file is a mapping language -> lines

    def for_language(self, code: str) -> tuple[Synonym, ...]:
        return self.by_language.get(code, ()) if self.per_language else self.shared

    def __bool__(self) -> bool:
        return bool(self.shared or any(self.by_language.values()))


def read_synonyms(source: SynonymSource | None, languages: tuple[str, ...] | None) -> tuple[Synonyms, list[Problem]]:
    """The file's lines and every problem in it (all errors). No file: no synonyms, no problem, unless
    mkdocs.yml names one. `languages` None: the site's languages are not known here (insights suggest),
    any code is taken."""
    if source is None:
        return Synonyms(), []
    where = Location(source.shown)
    if not source.path.is_file():
        if not source.required:
            return Synonyms(), []
        return Synonyms(), [Problem(where, "the synonyms file named in mkdocs.yml does not exist",
                                    f"create it, or remove the `synonyms:` option to use {DEFAULT_FILE} when there is one")]
    try:
        text = source.path.read_text(encoding="utf-8-sig")
        root = parse_yaml(text, source.shown)
    except (OSError, UnicodeDecodeError) as exc:
        return Synonyms(), [Problem(where, f"cannot read the synonyms file ({exc})", "save it as UTF-8 text")]
    except HelpgenError as exc:  # not YAML: the parser's problem, at its line
        return Synonyms(), exc.problems
    problems: list[Problem] = []
    if root is None or root.value is None:
        return Synonyms(), []
    if root.is_sequence:
        return Synonyms(shared=_lines(root, "", problems)), problems
    if not root.is_mapping:
        return Synonyms(), [Problem(root.loc, "synonyms.yml must be a list of lines, or map language codes to lists",
                                    "start each line with `- `, e.g.  - refund, reimbursement")]
    by_language: dict[str, tuple[Synonym, ...]] = {}
    for code, node in root.value.items():
        if languages is not None and code not in languages:
            problems.append(Problem(key_location(node), f'"{code}" is not a language of this help center',
                                    did_you_mean(code, languages)))
            continue
        by_language[code] = _lines(node, code, problems)
    return Synonyms(by_language=by_language, per_language=True), problems


def _lines(node: Node, code: str, problems: list[Problem]) -> tuple[Synonym, ...]:
    name = f"{code}: " if code else ""
    if not node.is_sequence:
        problems.append(Problem(node.loc, f"{name}synonyms must be a list of lines",
                                "start each line with `- `, e.g.  - refund, reimbursement"))
        return ()
    lines = []
    for number, item in enumerate(node.value):
        if number == MAX_LINES:
            problems.append(Problem(item.loc, f"{name}more than {MAX_LINES} synonym lines",
                                    "keep the lines customers need: each one's words travel with the search index"))
            break
        line = _line(item, f"{name}line {number + 1}", problems)
        if line is not None:
            lines.append(line)
    return tuple(lines)


def _line(item: Node, name: str, problems: list[Problem]) -> Synonym | None:
    text = expect_text(item, name, problems) if item.value is not None else None
    if text is None:
        if item.value is None:
            problems.append(Problem(item.loc, f"{name} is empty", "write e.g.  - refund, reimbursement"))
        return None
    before = len(problems)
    if text.count(ONE_WAY) > 1:
        problems.append(Problem(item.loc, f'"{text}": more than one "=>"',
                                "write one rule per line: `a, b => c` (a and b also find c)"))
        return None
    left, arrow, right = text.partition(ONE_WAY)
    sources = _terms(left, item, text, problems)
    targets = _terms(right, item, text, problems) if arrow else sources
    if len(problems) > before:
        return None
    if not arrow and len(sources) < 2:
        problems.append(Problem(item.loc, f'"{text}" names one word only',
                            "list the words that mean the same (`refund, reimbursement`), or write `word => other`"))
        return None
    if arrow and set(sources) & set(targets):
        same = sorted(set(sources) & set(targets))[0]
        problems.append(Problem(item.loc, f'"{text}": "{same}" is on both sides of "=>"', "remove it from one side"))
        return None
    return Synonym(sources, targets, item.loc, text)


def _terms(side: str, item: Node, text: str, problems: list[Problem]) -> tuple[str, ...]:
    """The comma-separated terms of one side, each as search reads it (its words, lowercased)."""
    found: list[str] = []
    for raw in side.split(","):
        term = raw.strip()
        problem = _term_problem(term)
        if problem:
            problems.append(Problem(item.loc, f'"{text}": {problem[0]}', problem[1]))
            continue
        key = " ".join(words(term))
        if key in found:
            problems.append(Problem(item.loc, f'"{text}": "{term}" is there twice', "remove one of them"))
            continue
        found.append(key)
    return tuple(found)


def _term_problem(term: str) -> tuple[str, str] | None:
    if not term:
        return "a word is missing between the commas or beside \"=>\"", "write e.g.  - chargeback, dispute => refund"
    if len(term) > MAX_TERM_CHARS:
        return f'"{term[:30]}…" is longer than {MAX_TERM_CHARS} characters', "a synonym is a word or a short phrase"
    found = words(term)
    if not found:
        return f'"{term}" has no word search can find', "use letters or digits (a single Latin letter is no word)"
    if all(word in ALL_STOP_WORDS for word in found):
        return (f'"{term}" has only words that search ignores (how, do, I, the, …)',
                "use the words that carry the meaning, e.g. `send back` instead of `how do I send it back`")
    if len(found) > MAX_TERM_WORDS:
        return f'"{term}" has more than {MAX_TERM_WORDS} words', "a synonym is a word or a short phrase"
    han = [word for word in found if is_han(word)]
    if han and (len(found) > 1 or len(han[0]) > MAX_HAN_CHARS):
        return (f'"{term}": a Chinese synonym is one word of at most {MAX_HAN_CHARS} characters',
                "write each Chinese word as a term of its own, without spaces or Latin letters")
    return None
