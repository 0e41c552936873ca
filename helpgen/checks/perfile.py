"""The work done on each file by itself (read and parse it, then the rules that need no other file),
over every file: spread over worker processes when there are many, in this process otherwise.

Why: that work is most of a check (20 s of 25 at 10,000 articles, on one core) and no file's result
depends on another's, so it divides among cores. The engine does not make processes: the caller
passes `map_work` (the adapter's fork_map, mkdocs/workers.py), whose forked workers inherit the
project, the cache and the rules as they are, take file indices, and send back only what they made.
The findings are the same whichever way they were made (tests/test_check_cache.py).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..content.options import FrontMatterOptions
from ..errors import Problem
from .cache import CheckCache
from .source import SourceFile, read_source

# Forking and sending the sources back costs about a tenth of a second per worker: below this many
# files to work on, one process is faster.
MIN_FILES_FOR_WORKERS = 400
# work, indices -> [work(i) for i in indices], in other processes
MapWork = Callable[[Callable[[int], tuple], list[int]], list[tuple]]


class OwnRules:
    """The rules that read one file by itself. Their findings are kept in the source's memo with the
    context they read (date, support.yml, Markdown setup): a cached source whose context holds is
    not checked again."""

    def __init__(self, context: object, run: Callable[[SourceFile], list[Problem]]) -> None:
        self.context, self.run = context, run

    def kept(self, source: SourceFile) -> list[Problem] | None:
        found = source.memo.get("own")
        return found[1] if found is not None and found[0] == self.context else None

    def remember(self, source: SourceFile, found: list[Problem]) -> None:
        source.memo["own"] = (self.context, found)


def read_and_check(docs_dir: Path, files: list[tuple[str, str]], known_rules: set[str], options: FrontMatterOptions,
                   cache: CheckCache | None, rules: OwnRules, map_work: MapWork | None = None
                   ) -> list[tuple[SourceFile | None, list[Problem], list[Problem]]]:
    """(source or None when unreadable, read problems, own findings) of each (src, shown file), in order.
    Only files that are not in the cache, or whose kept findings are stale, are worked on."""
    folders: dict[str, str] = {}
    lookups = [cache.lookup(docs_dir, src, file, known_rules, options, folders) if cache is not None
               else (None, None) for src, file in files]
    todo = [index for index, (_, found) in enumerate(lookups)
            if found is None or (found[0] is not None and rules.kept(found[0]) is None)]

    def work(index: int) -> tuple:
        found = lookups[index][1]
        if found is None:
            source, problems = read_source(docs_dir, *files[index], known_rules, options)
            return source, problems, rules.run(source) if source is not None else []
        return None, None, rules.run(found[0])  # a kept source: only its findings travel back

    many = map_work is not None and len(todo) >= MIN_FILES_FOR_WORKERS
    done = dict(zip(todo, map_work(work, todo) if many else [work(index) for index in todo]))
    results = []
    for index, (src, _) in enumerate(files):
        key, found = lookups[index]
        if found is not None:
            source, problems = found
            if source is None:
                own: list[Problem] = []
            elif index in done:
                own = done[index][2]
                rules.remember(source, own)
            else:
                own = rules.kept(source) or []
        else:
            source, problems, own = done[index]
            if source is not None:
                rules.remember(source, own)
            if cache is not None and key is not None:
                cache.keep(docs_dir, src, key, source, problems)
        results.append((source, list(problems), own))
    return results
