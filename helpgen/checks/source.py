"""One Markdown file as the rules read it: its lines, its article, and its prose with code hidden.

Rules match regular expressions against `prose` lines, where code spans, fenced code and HTML comments
are blanked out with spaces (columns stay true), so a `<script>` shown in a code block or a link
inside a comment is not reported. `helpgen: ignore RULE` comments are collected here too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..content.articles import Article, parse_article, read_article_text, split_front_matter
from ..content.options import DEFAULT_OPTIONS, FrontMatterOptions
from ..errors import HelpgenError, Location, Problem, did_you_mean
# The same code-span pattern variable substitution uses, so "is this code?" has one answer.
from ..content.variables import blank_code_spans, lines_outside_code
from .complexity import TOO_COMPLEX_HINT, scan
from .rules import finding

_DIRECTIVE = re.compile(r"helpgen:\s*ignore\s+([A-Za-z0-9_, -]+?)\s*(?:-->|$)")
_VARIABLE = re.compile(r"\{\{.*?\}\}")


@dataclass
class SourceFile:
    src: str  # path below the content folder
    file: str  # path shown in messages
    lines: list[str]  # every line of the file; line n is lines[n - 1]
    body_line: int  # first line after the front matter
    article: Article | None  # None when the front matter has errors
    prose: dict[int, str] = field(default_factory=dict)  # body line number -> text with code blanked
    ignores: dict[int, set[str]] = field(default_factory=dict)  # line -> rule ids silenced there
    directive_problems: list[Problem] = field(default_factory=list)
    # Long enough that `helpgen check` renders it under the time budget even without HTML (complexity.py).
    suspicious: bool = False
    # What rules derive from the text alone (links, anchors), kept with it: a cached source keeps it.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def at(self, line: int, col: int = 0) -> Location:
        return Location(self.file, line, col)

    def prose_lines(self):
        """(line number, text) of every body line outside fenced code, in order."""
        return self.prose.items()

    def key_line(self, key: str) -> int:
        """The front matter line where `key:` is written, or 1 (the opening ---) when it is absent."""
        pattern = re.compile(rf"^{re.escape(key)}\s*:")
        for number in range(2, self.body_line - 1):
            if pattern.match(self.lines[number - 1]):
                return number
        return 1

    def silenced(self, problem: Problem) -> bool:
        return problem.rule in self.ignores.get(problem.location.line, ())

    # `helpgen build --cache-dir` pickles 10,000 of these per build: the article's body is the file's
    # lines after the front matter, so it is stored once, as lines, and joined again when loaded.
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        article = self.article
        if article is not None and article.body and article.body == self._body_text():
            state["article"] = replace(article, body="")
            state["_body_from_lines"] = True
        return state

    def __setstate__(self, state: dict) -> None:
        joined = state.pop("_body_from_lines", False)
        self.__dict__.update(state)
        if joined:
            self.article = replace(self.article, body=self._body_text())

    def _body_text(self) -> str:
        return "\n".join(self.lines[self.body_line - 1:])


def read_source(docs_dir: Path, src: str, file: str, known_rules: set[str],
                options: FrontMatterOptions = DEFAULT_OPTIONS) -> tuple[SourceFile | None, list[Problem]]:
    """Read and parse one file. Problems are front matter findings; None when the file is unreadable."""
    path = docs_dir / src
    if not path.exists() and not path.is_symlink():
        return None, []  # made by the site engine or another plugin: a link target, not text to check
    text, unreadable = read_article_text(docs_dir, src, file)
    if unreadable:
        # Findings always carry a line: GitHub annotations and the text report need one.
        return None, [finding("unreadable-file", Location(file, 1), unreadable.message, unreadable.hint)]
    article, problems = parse_article(text, src, file, options)
    try:
        _, _, _, body_line = split_front_matter(text, file)
    except HelpgenError:
        body_line = 1  # an unclosed front matter block: parse_article has reported it
    source = SourceFile(src, file, text.split("\n"), body_line, article)
    measured = scan(source.lines, body_line)
    if measured.problem:
        # Refused unread: every other rule's patterns would cost as much on this text as Markdown would.
        del source.lines[body_line - 1:]
        return source, [_as_finding(p) for p in problems] + [finding(
            "article-too-complex", Location(file, measured.line or body_line), measured.problem, TOO_COMPLEX_HINT)]
    source.suspicious = measured.suspicious
    _mask_body(source)
    _collect_directives(source, known_rules)
    return source, [_as_finding(p) for p in problems]


def _as_finding(problem: Problem) -> Problem:
    rule = "front-matter-unknown-key" if problem.rule == "unknown-key" else \
        "text-cut-by-comment" if problem.rule == "text-cut-by-comment" else "front-matter-invalid"
    return finding(rule, problem.location, problem.message, problem.hint, group=problem.group)


def _mask_body(source: SourceFile) -> None:
    if source.body_line > len(source.lines):
        return  # the file ends with its front matter's closing --- (no newline after it): no body
    body = "\n".join(source.lines[source.body_line - 1:])
    in_comment = False
    span = ""  # the backticks of a code span that a line opened and a later line of its paragraph closes
    for offset, line, in_code in lines_outside_code(body):
        if in_code:
            span = ""
            continue
        if span or "`" in line:
            line, span = _blank_spans(line, span)
        if in_comment or "<!--" in line:
            line, in_comment = _blank_comments(line, in_comment)
        number = source.body_line + offset
        same = source.lines[number - 1]
        # The file's own string when nothing was blanked: one object, kept and pickled once.
        source.prose[number] = same if line == same else line


_BACKTICKS = re.compile(r"`+")


def _blank_spans(line: str, span: str) -> tuple[str, str]:
    """Blank code spans, which may go on over the lines of one paragraph as Markdown allows; return the
    line and the backticks of a span still open at its end."""
    if not line.strip():
        return line, ""
    out, pos = [], 0
    if span:
        close = next((m for m in _BACKTICKS.finditer(line) if m.group(0) == span), None)
        if close is None:
            return " " * len(line), span
        out.append(" " * close.end())
        pos = close.end()
    rest = blank_code_spans(line[pos:])
    opened = next((m for m in _BACKTICKS.finditer(rest)), None)
    if opened is None:
        return "".join(out) + rest, ""
    return "".join(out) + rest[:opened.start()] + " " * (len(rest) - opened.start()), opened.group(0)


def _blank_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """Blank `<!-- … -->` (which may span lines); return the line and whether a comment stays open."""
    out, pos = [], 0
    while pos < len(line):
        if in_comment:
            end = line.find("-->", pos)
            stop = len(line) if end < 0 else end + 3
            out.append(" " * (stop - pos))
            pos, in_comment = stop, end < 0
        else:
            start = line.find("<!--", pos)
            if start < 0:
                out.append(line[pos:])
                break
            out.append(line[pos:start])
            pos, in_comment = start, True
    return "".join(out), in_comment


def _collect_directives(source: SourceFile, known_rules: set[str]) -> None:
    """`<!-- helpgen: ignore RULE -->` in the body, or `# helpgen: ignore RULE` in front matter, silences
    RULE on that line and the next. In front matter it also covers whole-file findings (line 1)."""
    for number, line in enumerate(source.lines, 1):
        in_front_matter = number < source.body_line
        if not (in_front_matter or number in source.prose) or "helpgen" not in line:
            continue  # a directive shown in a code block is an example, not a directive
        match = _DIRECTIVE.search(line)
        if not match:
            continue
        ids = {word for word in re.split(r"[\s,]+", match.group(1)) if word}
        for rule_id in sorted(ids - known_rules):
            source.directive_problems.append(finding(
                "ignore-unknown-rule", source.at(number, match.start(1) + 1),
                f'"{rule_id}" is not a helpgen check rule', did_you_mean(rule_id, known_rules)))
        targets = [number, number + 1] + ([1] if in_front_matter else [])
        for target in targets:
            source.ignores.setdefault(target, set()).update(ids & known_rules)


def without_variables(text: str) -> str:
    """The text with `{{ … }}` blanked: a variable is the config speaking, not the writer."""
    return _VARIABLE.sub(lambda m: " " * len(m.group(0)), text) if "{{" in text else text
