"""What building one page leaves behind, recorded so it can happen elsewhere: in a worker, or earlier.

MkDocs builds pages one after the other in one process. Each step of a page changes the page object
(its HTML, table of contents, meta), logs messages, and adds to plugins' collections (Material's
search entries, helpgen's search documents). To build pages in forked worker processes, or to reuse a
page from an earlier build, helpgen records exactly those effects per page (`PageEffects`) and applies
them in the parent, in page order: the result is the serial build's, byte for byte.

Plugins whose page events keep state in anything but lists, dicts and sets that only grow cannot be
recorded this way; `pipeline_safe` keeps builds that use them serial and uncached.
"""
from __future__ import annotations

import copy
import gc
import logging
import math
import multiprocessing
import signal
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from mkdocs.plugins import BasePlugin

# Plugins whose page events were read and are known to keep per-page state only in growing collections.
RECORDABLE_PLUGINS = {
    "material.plugins.search.plugin.SearchPlugin",
    "helpgen.mkdocs.plugin.HelpgenPlugin",
}
PAGE_EVENTS = ("on_pre_page", "on_page_read_source", "on_page_markdown", "on_page_content",
               "on_page_context", "on_post_page")
# Page attributes that point into the site's shared structure: never copied between processes.
_SHARED_ATTRIBUTES = {"file", "parent", "previous_page", "next_page", "children"}
_MISSING = object()
_META_COPY = "\0meta"


class UnrecordableState(RuntimeError):
    """A plugin changed its state during a page in a way helpgen cannot replay (see pipeline_safe)."""


def _qualified_name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def pipeline_safe(plugins: dict[str, BasePlugin]) -> tuple[bool, str]:
    """Can pages of this site be built in workers or reused? (True, "") or (False, the reason)."""
    for name, plugin in plugins.items():
        if _qualified_name(type(plugin)) in RECORDABLE_PLUGINS:
            continue
        overridden = [event for event in PAGE_EVENTS
                      if getattr(type(plugin), event, None) is not getattr(BasePlugin, event, None)]
        if overridden:
            return False, f"plugin '{name}' handles {', '.join(overridden)}"
    return True, ""


@dataclass
class PageEffects:
    """The effects of one step (read or write) of one page."""

    attributes: dict[str, Any] = field(default_factory=dict)  # page attributes set or changed
    records: list[logging.LogRecord] = field(default_factory=list)  # what it logged, in order
    additions: list[tuple[tuple[str, ...], Any]] = field(default_factory=list)  # plugin collections grown
    output: bytes | None = None  # the page as written (kept for the cache only)


# ---------------------------------------------------------------------------------------------------
# Page attributes

def page_attributes(page) -> dict[str, Any]:
    """What `changed_attributes` compares with: the attributes, and a copy of `meta` (edited in place)."""
    before = dict(vars(page))
    before[_META_COPY] = copy.deepcopy(page.meta)
    return before


def changed_attributes(page, before: dict[str, Any]) -> dict[str, Any]:
    changed = {}
    for name, value in vars(page).items():
        if name in _SHARED_ATTRIBUTES:
            continue
        old = before.get(name, _MISSING)
        if name == "meta" and old is value and value == before[_META_COPY]:
            continue
        if name != "meta" and (old is value or (isinstance(value, str) and old == value)):
            continue
        if name == "links_to_anchors" and value:
            value = {target.src_uri: links for target, links in value.items()}  # Files are shared objects
        changed[name] = value
    return changed


def apply_attributes(page, attributes: dict[str, Any], files) -> None:
    for name, value in attributes.items():
        if name == "links_to_anchors" and value:
            value = {files.get_file_from_path(src): links for src, links in value.items()}
        vars(page)[name] = value


# ---------------------------------------------------------------------------------------------------
# Log records

class LogRecorder:
    """Records what the building thread logs. `echo` also hands it to the handlers now (in-process);
    a worker records silently and the parent hands the records over in page order."""

    def __init__(self, echo: bool) -> None:
        self.echo = echo
        self.records: list[logging.LogRecord] = []
        self._thread = threading.get_ident()
        self._original = None

    def __enter__(self) -> "LogRecorder":
        original = self._original = logging.Logger.callHandlers
        recorder = self

        def call_handlers(logger: logging.Logger, record: logging.LogRecord) -> None:
            if threading.get_ident() != recorder._thread:
                return original(logger, record)  # e.g. the preview server's request log
            recorder.records.append(_portable(record))
            if recorder.echo:
                original(logger, record)

        logging.Logger.callHandlers = call_handlers  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc_info) -> None:
        logging.Logger.callHandlers = self._original  # type: ignore[method-assign]

    def take(self) -> list[logging.LogRecord]:
        taken, self.records = self.records, []
        return taken


def _portable(record: logging.LogRecord) -> logging.LogRecord:
    """A copy that pickles and prints the same anywhere: message formatted, traceback as text."""
    copy = logging.makeLogRecord(vars(record))
    copy.msg, copy.args = record.getMessage(), None
    if record.exc_info:
        copy.exc_text = copy.exc_text or logging.Formatter().formatException(record.exc_info)
        copy.exc_info = None
    return copy


def replay(records: Iterable[logging.LogRecord]) -> None:
    for record in records:
        logging.getLogger(record.name).callHandlers(record)


# ---------------------------------------------------------------------------------------------------
# Plugin state

class PluginState:
    """The collections that recordable plugins grow while pages are built.

    `mark()` before a step, `since(mark)` after it: the items each list gained, the keys each dict
    gained (dicts keep insertion order), the members each set gained. `apply()` adds them elsewhere.
    Anything else that changes (an attribute rebound or added, a collection shrinking) is refused."""

    MAX_DEPTH = 2  # plugin -> helper object (e.g. Material's SearchIndex) -> its collections

    def __init__(self, plugins: dict[str, BasePlugin]) -> None:
        self.plugins = {name: plugin for name, plugin in plugins.items()
                        if _qualified_name(type(plugin)) in RECORDABLE_PLUGINS}
        # Walked once: the objects whose attributes are watched, and every watched value's path.
        self._objects: list[tuple[tuple[str, ...], Any]] = []
        self._slots: list[tuple[tuple[str, ...], Any, str]] = []
        for name, plugin in self.plugins.items():
            self._collect(plugin, (name,), 1)

    def _collect(self, obj: Any, path: tuple[str, ...], depth: int) -> None:
        self._objects.append((path, obj))
        for name, value in vars(obj).items():
            if isinstance(value, (logging.Handler, logging.Logger)):
                continue  # handlers count replayed records themselves
            if not isinstance(value, (list, dict, set)) and depth < self.MAX_DEPTH and _is_plain_object(value):
                self._collect(value, path + (name,), depth + 1)
            else:
                self._slots.append((path + (name,), obj, name))

    def mark(self) -> tuple[list[int], list[tuple[int, Any, Any]]]:
        shapes = [len(vars(obj)) for _, obj in self._objects]
        values = []
        for _, obj, name in self._slots:
            value = vars(obj).get(name, _MISSING)
            size = len(value) if isinstance(value, (list, dict, set)) else None
            values.append((id(value), size, frozenset(value) if isinstance(value, set) else None))
        return shapes, values

    def since(self, marks) -> list[tuple[tuple[str, ...], Any]]:
        shapes, values = marks
        for (path, obj), size in zip(self._objects, shapes):
            if len(vars(obj)) != size:
                raise UnrecordableState(f"{'.'.join(path)} got a new attribute while a page was built")
        additions = []
        for (path, obj, name), (identity, size, members) in zip(self._slots, values):
            value = vars(obj).get(name, _MISSING)
            if identity != id(value):
                raise UnrecordableState(f"{'.'.join(path)} was replaced while a page was built")
            if size is None or len(value) == size:
                continue
            if len(value) < size:
                raise UnrecordableState(f"{'.'.join(path)} lost items while a page was built")
            if isinstance(value, list):
                additions.append((path, value[size:]))
            elif isinstance(value, dict):
                additions.append((path, dict(reversed([item for item, _ in zip(reversed(value.items()),
                                                                               range(len(value) - size))]))))
            else:
                additions.append((path, set(value) - members))
        return additions

    def apply(self, additions: list[tuple[tuple[str, ...], Any]]) -> None:
        for path, items in additions:
            target: Any = self.plugins[path[0]]
            for name in path[1:]:
                target = getattr(target, name)
            if isinstance(target, list):
                target.extend(items)
            else:
                target.update(items)


def _is_plain_object(value: Any) -> bool:
    return hasattr(value, "__dict__") and not isinstance(value, type) and not callable(value) \
        and type(value).__module__ not in ("builtins", "types")


# ---------------------------------------------------------------------------------------------------
# Worker processes

@dataclass
class Failed:
    """The worker could not build this page; the parent builds it again itself to raise the real error."""

    error: str  # what the worker met, for when the page builds fine in the parent


_TASK: Callable | None = None  # set in the parent just before the workers fork


def fork_available() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


def map_in_workers(task: Callable[[int], PageEffects], indices: list[int], jobs: int,
                   ) -> Iterator[tuple[int, PageEffects | Failed]]:
    """Run `task(index)` for each index in forked workers; yield (index, effects) in the given order.

    The workers inherit the whole build state at fork time, so nothing but page indices goes in and
    nothing but PageEffects comes out. After a failure nothing more is yielded."""
    chunk = max(4, math.ceil(len(indices) / (jobs * 8)))  # small enough to balance, large enough to batch
    chunks = [indices[i:i + chunk] for i in range(0, len(indices), chunk)]
    left = len(indices)
    with _forked_pool(task, jobs, _start_page_worker) as pool:
        for results in pool.imap(_run_chunk, chunks):
            for index, effects in results:
                left -= 1
                try:
                    yield index, effects
                except GeneratorExit:
                    if left:
                        raise  # closed before the end: the workers are terminated
                    # Every page handed out: the pool is left the normal way (its workers take their
                    # sentinel and exit). Pool.terminate() here once hung for good, joining a worker that
                    # waited on the task queue's lock the terminating parent held.
                    return
                if isinstance(effects, Failed):
                    pool.terminate()  # the rest is not wanted; closing after this is a no-op
                    return


def fork_map(task: Callable[[Any], Any], items: list, jobs: int) -> list:
    """[task(item) for item in items], in forked workers (the per-file checks: checks/perfile.py). An
    error in a worker is raised here."""
    with _forked_pool(task, jobs, _start_worker) as pool:
        return pool.map(_run_one, items, chunksize=max(1, len(items) // (jobs * 8)))


@contextmanager
def _forked_pool(task: Callable, jobs: int, initializer: Callable[[], None]):
    """A pool of `jobs` forked workers that run `task`. Left normally, the workers take their end-of-work
    sentinel and leave; left by an error, they are terminated."""
    global _TASK
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # a worker flushes its inherited buffers on exit: empty them first
    _TASK = task
    # The garbage collector of a worker would walk, and so write to, every object it inherited, making
    # the kernel copy the whole heap into each worker (at 10,000 pages: 8 s of system time). Frozen
    # objects are left alone; only what a worker allocates itself is collected there.
    # A build freezes what each of its phases leaves (pipeline._Clock): leave the freeze as found.
    frozen_already = gc.get_freeze_count() > 0
    gc.freeze()
    # A worker is born with the parent's handlers: SIGTERM from terminate() in the instant before its
    # initializer ran raised KeyboardInterrupt there, which climbed out of multiprocessing into the
    # forked copy of the caller (under pytest-xdist, a copy of the test worker that then reported the
    # whole run interrupted). Workers are forked with the stop signals blocked and unblock them once
    # their handlers are the default; the pool's own threads, started here, keep them blocked.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=initializer)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    if not frozen_already:
        gc.unfreeze()
    finished = False
    try:
        yield pool
        finished = True
    finally:
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()
        _TASK = None


def _start_worker() -> None:
    # A worker inherits the SIGTERM handler of `helpgen build` and of the preview (which raise
    # KeyboardInterrupt for a clean stop). A worker must simply die when the pool terminates it: with
    # the inherited handler, `helpgen serve` sometimes hung for good at start-up, and a 10,000-article
    # build once hung after its checks, joining a worker that never exited. Ctrl+C reaches the workers
    # too (same process group); the parent alone reports it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # blocked while it was being forked


def _start_page_worker() -> None:
    _start_worker()
    # Everything the worker logs is recorded by the task and handed to the parent's handlers there.
    logging.Logger.callHandlers = lambda logger, record: None  # type: ignore[method-assign]


def _run_one(item: Any) -> Any:
    assert _TASK is not None
    return _TASK(item)


def _run_chunk(indices: list[int]) -> list[tuple[int, PageEffects | Failed]]:
    assert _TASK is not None
    results: list[tuple[int, PageEffects | Failed]] = []
    for index in indices:
        try:
            results.append((index, _TASK(index)))
        except Exception as error:  # noqa: BLE001 - the parent rebuilds the page to raise and log the real error
            results.append((index, Failed(f"{type(error).__name__}: {error}")))
            break
    return results


@contextmanager
def recording(plugin_state: PluginState, echo: bool):
    """Record one page step: yields a PageEffects filled in when the block ends."""
    effects = PageEffects()
    marks = plugin_state.mark()
    with LogRecorder(echo) as recorder:
        yield effects
    effects.records = recorder.take()
    effects.additions = plugin_state.since(marks)
