"""`helpgen build --cache-dir DIR`: the work of one build kept on disk for the next, in another process.

CI starts every build in a fresh process on a fresh checkout, so the preview's in-memory caches never
help it. This folder keeps what they keep, between processes: each page step's effects (the page
cache, which also carries each article's search terms) and each file's check work.

Trust: a stale or foreign entry must cost a rebuild, never a wrong page, and never run code. Every page
entry carries its full key (everything the page read: see page_cache.py) and is used only when the key
matches; the folder as a whole is tied to the versions of helpgen, MkDocs, Material, Markdown, Jinja
and Python, and is emptied when any differs. An entry that cannot be read (truncated, corrupted, from
an older format) is a miss. Entries are pickles, which can run code when read; so every entry is signed
with a key that lives outside the project (cache_key.py) and is read only when the signature is this
machine's (or this CI's, which restores the key with the cache): a cache folder committed by a pull
request is ignored. Unpickling then admits only the plain data classes a build stores.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import io
import json
import logging
import os
import pickle
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

from ..errors import HelpgenError, Location
from .cache_key import SIGNATURE_BYTES, _DataUnpickler, cache_key, signature

MARKER = ".helpgen-cache"
# 7: heading links titled in the page's language; 6: search terms with keywords as a field of their own; 5: signed entries; 4: search terms packed with
# marshal; 2: plain pickles (1: zlib-compressed)
FORMAT = 7
log = logging.getLogger("mkdocs.plugins.helpgen")


class BuildStore:
    """A folder of named pickles; all writes are atomic (a killed build leaves whole files or none)."""

    def __init__(self, folder: Path, key: bytes | None = None) -> None:
        self.folder = Path(folder)
        self._identity = json.dumps({"format": FORMAT, "versions": versions()}, sort_keys=True)
        self._key = key if key is not None else cache_key()
        self._refused = 0  # entries whose signature is not ours: said once, after the build
        self._open()

    def _open(self) -> None:
        marker = self.folder / MARKER
        if self.folder.exists() and not self.folder.is_dir():
            raise HelpgenError.at(Location(str(self.folder)), "the cache folder is a file",
                                  "give --cache-dir a folder of its own, e.g. ~/.cache/helpgen/build")
        if self.folder.is_dir() and any(self.folder.iterdir()) and not marker.is_file():
            raise HelpgenError.at(Location(str(self.folder)), "the cache folder is not empty and was not made by helpgen",
                                  "give --cache-dir a folder of its own, e.g. ~/.cache/helpgen/build")
        try:
            same = marker.read_text(encoding="utf-8") == self._identity
        except OSError:
            same = False
        if not same:
            if marker.is_file():
                log.info(f"Build cache {self.folder} is from other versions of helpgen or its stack: not used")
            self._empty()

    def _empty(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for child in self.folder.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        self._write(self.folder / MARKER, self._identity.encode("utf-8"))

    # -- named values (the check cache) ----------------------------------------------------------

    def load(self, name: str) -> Any | None:
        return self._unpickle(self._opened(self._read(self.folder / f"{name}.pickle"), name.encode()))

    def save(self, name: str, value: Any) -> None:
        self._write(self.folder / f"{name}.pickle", self._sealed(_pickle(value), name.encode()))

    # -- signatures: what this machine's builds wrote, and nothing else, is ever unpickled ----------

    def _sealed(self, payload: bytes, context: bytes) -> bytes:
        return signature(self._key, context, payload) + payload

    def _opened(self, data: bytes | None, context: bytes) -> bytes | None:
        if data is None:
            return None
        mac, payload = data[:SIGNATURE_BYTES], data[SIGNATURE_BYTES:]
        if not hmac.compare_digest(mac, signature(self._key, context, payload)):
            self._refused += 1
            return None
        return payload

    def refused(self) -> int:
        """How many entries were ignored because another machine (or someone else) wrote them."""
        return self._refused

    # -- keyed entries (page steps) --------------------------------------------------------------

    def entry_path(self, kind: str, name: str) -> str:
        # A string, not a Path: a 10,000-article rebuild asks for 40,000 of these.
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()
        return os.path.join(self.folder, kind, digest[:2], digest[2:])

    def has(self, kind: str, name: str, key: str) -> bool:
        """Whether an entry for `key` is there, reading only its first line: a rebuild learns which
        pages it can reuse without holding 10,000 pages' entries in memory at once."""
        head = key.encode("ascii") + b"\n"
        try:
            with open(self.entry_path(kind, name), "rb") as f:
                return f.read(len(head)) == head
        except OSError:
            return False

    def get(self, kind: str, name: str, key: str) -> Any | None:
        data = self._read(self.entry_path(kind, name))
        head = key.encode("ascii") + b"\n"
        if data is None or not data.startswith(head):
            return None
        return self._unpickle(self._opened(data[len(head):], head))

    def put(self, kind: str, name: str, key: str, value: Any) -> None:
        head = key.encode("ascii") + b"\n"
        self._write(self.entry_path(kind, name), head + self._sealed(_pickle(value), head))

    def prune(self, kind: str, names: set[str]) -> None:
        """Delete the entries of pages this build did not have (a deleted or renamed article)."""
        keep = {self.entry_path(kind, name) for name in names}
        folder = os.path.join(self.folder, kind)
        for root, _, files in os.walk(folder):
            for file in files:
                path = os.path.join(root, file)
                if path not in keep:
                    os.unlink(path)

    # -- files ------------------------------------------------------------------------------------

    @staticmethod
    def _read(path: str | Path) -> bytes | None:
        try:
            with open(path, "rb") as f:
                return f.read()
        except OSError:
            return None

    @staticmethod
    def _unpickle(data: bytes | None) -> Any | None:
        if data is None:
            return None
        # Unpickling makes objects that all stay alive: a collection it triggers finds nothing to free
        # and walks the whole heap (0.5 s over a 10,000-article check cache).
        enabled = gc.isenabled()
        gc.disable()
        try:
            return _DataUnpickler(io.BytesIO(data)).load()
        except Exception:  # noqa: BLE001 - any damage to an entry is a cache miss, never a failed build
            return None
        finally:
            if enabled:
                gc.enable()

    @staticmethod
    def _write(path: str | Path, data: bytes) -> None:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as f:
                f.write(data)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


class Memos:
    """Whole-site results (related articles) kept under a digest of everything they read: in memory
    for the preview's next build, and in the BuildStore, when there is one, for the next CI build.
    A different digest recomputes; the result is the same either way."""

    def __init__(self) -> None:
        self.store: BuildStore | None = None
        self._kept: dict[str, tuple[str, Any]] = {}
        self._changed: set[str] = set()

    def get(self, name: str, digest: str, compute: Callable[[], Any]) -> Any:
        kept = self._kept.get(name)
        if kept is None and self.store is not None:
            kept = self.store.load(f"memo-{name}")
        if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == digest:
            value = kept[1]
        else:
            value = compute()
            self._changed.add(name)
        self._kept[name] = (digest, value)
        return value

    def save(self) -> None:
        """Write what this build computed anew (nothing, when every input was the same)."""
        if self.store is not None:
            for name in sorted(self._changed):
                self.store.save(f"memo-{name}", self._kept[name])
        self._changed = set()


def _pickle(value: Any) -> bytes:
    # Not compressed: inflating 20,000 entries cost more CPU than reading them raw (2.6 s against 0.3 s
    # at 10,000 articles), and CI caches are compressed as a whole on their way in and out anyway.
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def versions() -> list[str]:
    """Everything whose upgrade can change a page without changing any input file."""
    import jinja2
    import markdown
    import material
    import mkdocs
    import pymdownx

    from .. import __version__
    return [__version__, mkdocs.__version__, getattr(material, "__version__", "?"), markdown.__version__,
            jinja2.__version__, pymdownx.__version__, sys.version]
