"""Content digests of source files that the preview asks for on every save.

Reading and hashing a thousand articles per save is most of what "nothing changed" costs; a file
whose size, modification time and inode are unchanged is not read again.
"""
from __future__ import annotations

import hashlib
import os


class FileDigests:
    def __init__(self) -> None:
        self._known: dict[str, tuple[tuple[int, int, int], str]] = {}

    def of(self, path: str) -> str:
        """sha256 hex digest of the file's bytes; OSError when it cannot be read."""
        stat = os.stat(path)
        signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        known = self._known.get(path)
        if known is None or known[0] != signature:
            with open(path, "rb") as f:
                known = self._known[path] = (signature, hashlib.sha256(f.read()).hexdigest())
        return known[1]

    def forget(self, path: str) -> None:
        self._known.pop(path, None)
