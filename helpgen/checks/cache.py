"""Per-process memory of per-file check work, so `helpgen serve` re-checks only the file a save changed.

Why: at 1,000 articles every save re-read, re-parsed and re-checked every article (0.8 s of the one-second
preview budget). What one file yields on its own does not depend on any other file: its parsed
SourceFile (front matter, prose, `helpgen: ignore` directives, links, anchors) and its own findings
(front matter dates, unknown variables, promises, safety). The source is kept here, its findings in
its memo; the rules that look
across files (links and anchors resolved, output paths, duplicate slugs, reachability) still run over
them on every check.

A file's entry is reused only when its bytes are the same (sha256 of the content, read again only when
its size, time or inode changed) and so is everything else the work read: where the file resolves to, how it is shown in messages, and,
for the findings, support.yml (its text and the parsed config), the date and the variable names.
tests/test_check_cache.py compares cached and fresh checks after edits.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..content.options import DEFAULT_OPTIONS, FrontMatterOptions
from ..digests import FileDigests, resolved
from ..errors import Problem
from .source import SourceFile


class CheckCache:
    _rules: frozenset[str] = frozenset()  # a class default: a cache pickled by an earlier build has none

    def __init__(self) -> None:
        self._sources: dict[str, tuple[tuple, SourceFile | None, list[Problem]]] = {}
        self._digests = FileDigests()

    def lookup(self, docs_dir: Path, src: str, file: str, known_rules: set[str],
               options: FrontMatterOptions = DEFAULT_OPTIONS, folders: dict[str, str] | None = None
               ) -> tuple[tuple | None, tuple | None]:
        """(the file's key, its kept (source, problems) or None). The key is None for a file that
        cannot be read: whatever read_source says of it is not kept. `folders`: resolved folders,
        shared by the lookups of one check (digests.resolved)."""
        folders = {} if folders is None else folders
        path = os.path.join(docs_dir, src)
        try:
            digest = self._digests.of(path)
        except OSError:
            self._sources.pop(path, None)
            self._digests.forget(path)
            return None, None
        if self._rules != known_rules:  # one object for every entry: pickled once, not 10,000 times
            self._rules = frozenset(known_rules)
        key = (file, resolved(path, folders), resolved(str(docs_dir), folders), digest, self._rules, options)
        entry = self._sources.get(path)
        if entry is None or entry[0] != key:
            return key, None
        return key, (entry[1], list(entry[2]))

    def keep(self, docs_dir: Path, src: str, key: tuple, source: SourceFile | None, problems: list[Problem]) -> None:
        self._sources[os.path.join(docs_dir, src)] = (key, source, list(problems))

    def forget_others(self, docs_dir: Path, srcs: set[str]) -> None:
        """Drop entries of files in docs_dir that are gone, so deleted articles don't stay in memory."""
        keep = {os.path.join(docs_dir, src) for src in srcs}
        prefix = os.path.join(docs_dir, "")
        for path in [p for p in self._sources if p.startswith(prefix) and p not in keep]:
            del self._sources[path]
            self._digests.forget(path)


def support_fingerprint(support, support_path: Path | None) -> tuple:
    """What the per-file rules read of support.yml: the parsed config, and the file's text (its line
    numbers appear in findings)."""
    try:
        text = Path(support_path).read_bytes() if support_path else b""
    except OSError:
        text = b""
    return (repr(support), str(support_path), hashlib.sha256(text).digest())
