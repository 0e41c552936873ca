"""Content digests and resolved paths of source files, which builds and the preview ask for on every file.

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


def resolved(path: str, folders: dict[str, str]) -> str:
    """os.path.realpath(path), each folder resolved once into `folders` (one dict per pass over the
    files): realpath stats every component of every path, 60,000 lstat calls at 10,000 articles."""
    folder, name = os.path.split(path)
    if name in ("", ".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = os.path.realpath(folder)
    return os.path.join(real, name)
