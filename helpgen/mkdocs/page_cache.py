"""What a page's output depends on, besides its own source: the key under which the preview server keeps
a page step of an earlier build, and the store of those steps.

A key covers everything a page reads (config, plugin state, file list, navigation, templates, the
versions of every package that renders it); anything that cannot be said stably makes the key unique,
so a doubtful case is a cache miss, never a wrong page.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Mapping

from mkdocs import utils

from ..digests import FileDigests
from .build_cache import BuildStore, versions
from .workers import PageEffects

CACHE_FORMAT = "1"
KEYS = "page-keys"  # the BuildStore value naming each stored page step's key


class PageCache:
    """Page steps of earlier builds, keyed by everything they read: in this process (the preview
    server), or in a BuildStore on disk (`helpgen build --cache-dir`, for the next process)."""

    def __init__(self, store: BuildStore | None = None) -> None:
        self._entries: dict[tuple[str, str], tuple[str, bytes]] = {}
        self._digests = FileDigests()
        self.store = store
        self.seen: set[str] = set()  # pages of this build, whose stored entries are kept
        # The stored entries' keys, saved by the last build: a rebuild plans without opening 20,000
        # files. Only a plan: each entry still carries its key and `get` checks it.
        kept = store.load(KEYS) if store is not None else None
        self._stored_keys: dict[tuple[str, str], str] | None = kept if isinstance(kept, dict) else None
        self._keys: dict[tuple[str, str], str] = {}

    def source_digest(self, file) -> str:
        """sha256 of a page's source; a file whose size, time and inode did not change is not read again."""
        if file.abs_src_path is None or file.generated_by:
            return hashlib.sha256(file.content_bytes).hexdigest()
        return self._digests.of(file.abs_src_path)

    def has(self, step: str, src: str, key: str) -> bool:
        """Whether `get` will find this step; cheap, so a build can plan before it loads anything."""
        self.seen.add(src)
        if self.store is None:
            found = self._entries.get((step, src))
            return bool(found) and found[0] == key
        if self._stored_keys is None:
            return self.store.has(step, src, key)
        return self._stored_keys.get((step, src)) == key

    def get(self, step: str, src: str, key: str) -> PageEffects | None:
        self.seen.add(src)
        if self.store is not None:
            found = self.store.get(step, src, key)
            if not isinstance(found, PageEffects):
                return None
            self._keys[(step, src)] = key
            return found
        found = self._entries.get((step, src))
        return pickle.loads(found[1]) if found and found[0] == key else None

    def put(self, step: str, src: str, key: str, effects: PageEffects) -> None:
        if self.store is not None:
            self.store.put(step, src, key, effects)
            self._keys[(step, src)] = key
            return
        # Pickled: the live page keeps mutating its objects; the cache must keep them as they were.
        self._entries[(step, src)] = (key, pickle.dumps(effects, pickle.HIGHEST_PROTOCOL))

    def finish(self) -> None:
        """After a build: drop stored pages it did not have (deleted or renamed articles)."""
        if self.store is not None:
            for step in ("read", "write"):
                self.store.prune(step, self.seen)
            self.store.save(KEYS, self._keys)
            self._stored_keys, self._keys = dict(self._keys), {}
        self.seen = set()

    def template_digest(self, path: str) -> str:
        return self._digests.of(path)


def site_fingerprint(config, files, nav, cache: PageCache) -> str:
    """A hash of everything every page reads: config, plugin state, file list, navigation, templates."""
    parts = {
        "format": CACHE_FORMAT,
        "versions": versions(),
        "config": {k: v for k, v in config.items() if k not in ("plugins", "theme", "site_dir", "watch")},
        "theme": [config.theme.name, config.theme.dirs, dict(config.theme.items()), _templates(config.theme.dirs, cache)],
        "plugins": [[name, f"{type(p).__module__}.{type(p).__qualname__}", dict(p.config), _plugin_state(p)]
                    for name, p in config.plugins.items()],
        "files": [[f.src_uri, f.dest_uri, f.url, f.inclusion.name, f.generated_by] for f in files],
        "nav": _nav_shape(nav.items),
        "build_date": utils.get_build_date(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=_stable).encode()).hexdigest()


def page_key(*parts: str) -> str:
    """The key of one page step: the site's fingerprint, the page, and what the step reads of it."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _stable(value):
    """JSON for what json cannot say. Anything printed by identity makes the key unique to this object:
    a cache miss, never a wrong hit."""
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    if isinstance(value, (set, frozenset)):
        return sorted(map(repr, value))
    text = repr(value)
    return f"{type(value).__qualname__}@{id(value)}" if " at 0x" in text or "object at" in text else text


def _plugin_state(plugin) -> str:
    """What a plugin knows about the whole site that pages show, as it says in `page_cache_state()`
    (helpgen's plugin does; a plugin with page events of its own is not pipeline_safe anyway)."""
    state = getattr(plugin, "page_cache_state", None)
    return _stable(state()) if callable(state) else ""


def _nav_shape(items) -> list:
    return [[type(i).__name__, i.title, getattr(i, "url", None), _nav_shape(getattr(i, "children", None) or [])]
            for i in items]


def _templates(dirs: list[str], cache: PageCache) -> list:
    """Every template file of the theme by content (hidden folders such as Material's icons aside):
    a fresh checkout gives every file a new time, and must still find its pages."""
    found = []
    for folder in dirs:
        for root, subfolders, names in os.walk(folder):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            for name in sorted(names):
                if name.endswith((".html", ".xml", ".j2", ".jinja")):
                    path = os.path.join(root, name)
                    found.append([path, cache.template_digest(path)])
    return found
