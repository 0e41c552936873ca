"""The events store in one SQLite file: the default, for one collector on one machine.

Write-ahead log and `synchronous=FULL`: a commit is on disk before the collector answers, so an event
answered 2xx survives the collector being killed (and the machine losing power). The collector batches
the events that arrive together into one commit (writer.py), which is what makes that affordable.
Readers (a report while the collector runs) never block the writer, and the writer never blocks them.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Iterable, Sequence

from .store import Store, StoreError

WHOLE_TABLE_SHARE = 0.15  # reading more than this share of a table by its time index is slower than all of it
BUSY_TIMEOUT_MS = 10_000  # another process migrating or pruning: wait for it rather than fail
# A report scans the searches a few times: pages read through a memory map and kept in a large cache
# (the OS's file cache holds them anyway) make a million-event report a third faster.
READ_PRAGMAS = ("PRAGMA cache_size = -131072", "PRAGMA mmap_size = 268435456", "PRAGMA temp_store = MEMORY")


class SqliteStore(Store):
    def __init__(self, url: str, path: Path, create: bool):
        super().__init__(url)
        if not create and not path.is_file():
            raise StoreError(url, f"no such database file: {path}",
                             "check the path; the collector creates it (helpgen insights serve --db URL)")
        if create and not path.parent.is_dir():
            raise StoreError(url, f"the folder {path.parent} does not exist", "create it, or choose another path")
        try:
            self.connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                              timeout=BUSY_TIMEOUT_MS / 1000)
            self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = self.connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            self.connection.execute("PRAGMA synchronous = FULL")
            for pragma in READ_PRAGMAS:
                self.connection.execute(pragma)
        except sqlite3.Error as exc:
            raise StoreError(url, f"cannot open the database ({exc})",
                             "check that the file is a SQLite database and that this user may write it") from None
        if mode.lower() != "wal":
            raise StoreError(url, f"SQLite would not use its write-ahead log here (journal mode {mode})",
                             "put the database on a local file system")
        self._in_transaction = False

    def scan(self, table: str, share: float) -> str:
        # Without statistics SQLite takes any range on `at` as selective and reads row by row through the
        # index: a report over most of the events took 3 s where reading the table through took 0.4 s.
        return f"{table} NOT INDEXED" if share > WHOLE_TABLE_SHARE else table

    def _begin(self, how: str = "BEGIN") -> None:
        if not self._in_transaction:
            self.connection.execute(how)
            self._in_transaction = True

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        self._begin()
        return self._guarded(lambda: self.connection.execute(sql, params).fetchall())

    def execute_count(self, sql: str, params: Sequence[Any]) -> int:
        self._begin()
        return self._guarded(lambda: self.connection.execute(sql, params).rowcount)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._begin()
        self._guarded(lambda: self.connection.executemany(sql, rows))

    def begin_migration(self) -> None:
        # IMMEDIATE takes the write lock now: a second collector starting at the same moment waits here.
        self._begin("BEGIN IMMEDIATE")

    def commit(self) -> None:
        if self._in_transaction:
            self._in_transaction = False
            self._guarded(lambda: self.connection.execute("COMMIT"))

    def rollback(self) -> None:
        if self._in_transaction:
            self._in_transaction = False
            self.connection.execute("ROLLBACK")

    def close(self) -> None:
        self.connection.close()

    def _guarded(self, action):
        try:
            return action()
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.url, f"the database refused: {exc}",
                             "check the disk has space and the file is not damaged (sqlite3 FILE 'PRAGMA integrity_check')") from None
