"""The events store in PostgreSQL, through psycopg 3: for a team that runs PostgreSQL already, and for
several collectors (on one machine or many) writing to one database.

Each collector process keeps one connection for its writer. The schema is created or migrated under
a transaction-scoped advisory lock, so collectors started together migrate once, one after another.
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence

from .store import Store, StoreError

MIGRATION_LOCK = 0x68656C7067656E  # "helpgen": any constant the other users of the database do not use
CONNECT_TIMEOUT_S = 10


def _psycopg():
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency of helpgen[insights]
        raise StoreError("postgresql://", "psycopg is not installed",
                         "pip install 'helpgen[insights]' (it brings psycopg 3)") from None
    return psycopg


class PostgresStore(Store):
    placeholder = "%s"
    id_column = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"

    def __init__(self, url: str):
        super().__init__(url)
        self.psycopg = _psycopg()
        try:
            self.connection = self.psycopg.connect(url, autocommit=False, connect_timeout=CONNECT_TIMEOUT_S,
                                                   application_name="helpgen-insights")
        except self.psycopg.Error as exc:
            raise StoreError(url, f"cannot connect ({_first_line(exc)})",
                             "check the host, port, user, password and database name, and that the server runs") from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        def run():
            cursor = self.connection.execute(sql, params or None)
            return cursor.fetchall() if cursor.description else []
        return self._guarded(run)

    def execute_count(self, sql: str, params: Sequence[Any]) -> int:
        return self._guarded(lambda: self.connection.execute(sql, params).rowcount)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        def run():
            with self.connection.cursor() as cursor:
                cursor.executemany(sql, list(rows))
        self._guarded(run)

    def begin_migration(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))

    def commit(self) -> None:
        self._guarded(self.connection.commit)

    def rollback(self) -> None:
        if not self.connection.closed:
            self.connection.rollback()

    def close(self) -> None:
        self.connection.close()

    def _guarded(self, action):
        try:
            return action()
        except self.psycopg.Error as exc:
            raise StoreError(self.url, f"the database refused: {_first_line(exc)}",
                             "check the server is up and this user may write the helpgen_ tables") from None


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
