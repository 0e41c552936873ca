"""Group commit: the events that arrive while the previous commit is on its way to disk are written
together, in one transaction, and each request is answered only once its event is committed.

One thread owns the store's connection (SQLite and psycopg connections are not for sharing between
threads). A request hands its event over and awaits the outcome; the thread takes everything waiting,
up to MAX_BATCH, commits it, and answers every request of the batch. Under load a commit carries many
events, so a durable commit per request costs one fsync per batch instead of one per event; alone, an
event is committed at once. A failed commit answers its requests with the error (nothing of the batch
is kept) and the next batch opens a fresh connection.
"""
from __future__ import annotations

import asyncio
import logging
import queue
import threading
from typing import Callable

from .events import Event
from .store import Store, now

MAX_BATCH = 500
_STOP = object()
_PING = object()  # from /health while failing: is the database back?
log = logging.getLogger("helpgen.insights")


class WriterStopped(RuntimeError):
    """The collector is shutting down: the event was not written."""


class BatchWriter:
    def __init__(self, open_store: Callable[[], Store], clock: Callable[[], int] = now):
        self._open_store = open_store
        self._clock = clock
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="helpgen-insights-writer", daemon=True)
        self._store: Store | None = None
        self.healthy = True  # False from a failed commit until the next one succeeds

    def start(self, store: Store | None = None) -> None:
        """Start writing; `store`, when given, is used for the first batch (it was opened to check the URL)."""
        self._store = store
        self._thread.start()

    async def write(self, event: Event) -> None:
        """Return once the event is committed; raise if it could not be."""
        if not self._thread.is_alive():
            raise WriterStopped("the collector is stopping")
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        self._queue.put((event, self._clock(), done, loop))
        await done

    async def ping(self) -> bool:
        """Whether the database answers now (after a failed commit, /health asks rather than waits for the
        next event: a load balancer must see a collector recover)."""
        if not self._thread.is_alive():
            return False
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        self._queue.put((_PING, 0, done, loop))
        try:
            await done
        except Exception:  # noqa: BLE001 - the answer is "no"
            return False
        return True

    def stop(self) -> None:
        """Write what is queued, then stop (the server has stopped taking requests)."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join()

    def _run(self) -> None:
        stopping = False
        while not stopping:
            first = self._queue.get()
            if first is _STOP:
                break
            batch = [first]
            while len(batch) < MAX_BATCH:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is _STOP:
                    stopping = True
                    break
                batch.append(item)
            pings = [item for item in batch if item[0] is _PING]
            batch = [item for item in batch if item[0] is not _PING]
            error = self._commit(batch) if batch else None
            if pings:
                error_of_ping = error or self._ping()
                for _, _, done, loop in pings:
                    loop.call_soon_threadsafe(_settle, done, error_of_ping)
            for _, _, done, loop in batch:
                loop.call_soon_threadsafe(_settle, done, error)
        if self._store is not None:
            self._store.close()

    def _ping(self) -> BaseException | None:
        try:
            if self._store is None:
                self._store = self._open_store()
            self._store.check_tables()
        except Exception as exc:
            self._drop_store()
            return exc
        self.healthy = True
        return None

    def _drop_store(self) -> None:
        if self._store is not None:
            try:
                self._store.close()
            except Exception:  # noqa: BLE001 - already broken; a new one is opened next time
                pass
            self._store = None

    def _commit(self, batch: list) -> BaseException | None:
        try:
            if self._store is None:
                self._store = self._open_store()
            self._store.insert([(event, at) for event, at, _, _ in batch])
        except Exception as exc:  # the requests hear it; the collector goes on with a new connection
            log.error("could not store %d event(s): %s", len(batch), exc)
            self.healthy = False
            self._drop_store()
            return exc
        self.healthy = True
        return None


def _settle(done: asyncio.Future, error: BaseException | None) -> None:
    if done.cancelled():  # the client went away; its event is committed (or not) all the same
        return
    if error is None:
        done.set_result(None)
    else:
        done.set_exception(error)
