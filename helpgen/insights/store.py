"""Where events are kept: one SQL schema, on SQLite (a file, the default) or PostgreSQL (shared by
several collectors). `open_store(url)` picks the engine from the URL, creates the tables or brings an
older schema up to date (schema.py), and hands back a Store the collector, the report and `prune` use.

The engines differ only in how they connect, lock for a migration and name placeholders
(sqlite_store.py, postgres_store.py); every query is written once, in SQL both understand.
"""
from __future__ import annotations

import time
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, Iterable, Sequence
from urllib.parse import urlsplit, urlunsplit

from ..errors import HelpgenError, Location, Problem
from .events import Contact, Event, Search, Vote
from .schema import MIGRATIONS, TABLES, VERSION

URL_HINT = "use sqlite:///insights.db (a file here), sqlite:////var/lib/helpgen/insights.db, or postgresql://user@host/db"

_INSERTS = {
    Vote: ("helpgen_votes", ("at", "article", "vote", "language")),
    Search: ("helpgen_searches", ("at", "query", "results", "language", "clicked", "refined_from")),
    Contact: ("helpgen_contacts", ("at", "channel", "origin", "page", "language", "after_search")),
}


def shown_url(url: str) -> str:
    """A database URL as messages may print it: without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


class StoreError(HelpgenError):
    """The database cannot be opened or used: said with the URL (never its password) and what to do."""

    def __init__(self, url: str, message: str, hint: str = ""):
        super().__init__(Problem(Location(shown_url(url)), message, hint))


class Store(ABC):
    """A connection to the events database. Not shared between threads: each thread opens its own."""

    placeholder = "?"

    def __init__(self, url: str):
        self.url = url

    @property
    def shown(self) -> str:
        return shown_url(self.url)

    # --- what each engine provides -------------------------------------------------------------------

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run one statement (in the current transaction) and return its rows, if any."""

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    @abstractmethod
    def begin_migration(self) -> None:
        """Start a transaction that no other process can migrate in at the same time."""

    @abstractmethod
    def commit(self) -> None: ...

    @abstractmethod
    def rollback(self) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    # --- the same on every engine --------------------------------------------------------------------

    def scan(self, table: str, share: float) -> str:
        """How a query names `table` when it reads `share` (0–1) of its rows: here, just the name; an
        engine without statistics on the rows' times is told when reading the table whole is cheaper."""
        return table

    def sql(self, text: str) -> str:
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """A read, in a transaction of its own that ends with it: no snapshot or lock is held between
        a report's queries, so the collector's writes (and SQLite's checkpoints) never wait for a report."""
        try:
            return self.execute(self.sql(sql), params)
        finally:
            self.rollback()

    def migrate(self, create: bool = True) -> int:
        """Create the tables, or bring them to this helpgen's schema. Returns the version found before."""
        self.begin_migration()
        try:
            found = self._version()
            if found is None and not create:
                raise StoreError(self.url, "no helpgen insights tables in this database",
                                 "point --db at the database the collector writes (helpgen insights serve --db URL)")
            found = found or 0
            if found > VERSION:
                raise StoreError(self.url, f"the database has insights schema {found}, this helpgen knows up to "
                                 f"{VERSION}", "upgrade helpgen on this machine (pip install -U helpgen)")
            for version, statements in MIGRATIONS:
                if version > found:
                    for statement in statements:
                        self.execute(self._dialect(statement))
            if found == 0:
                self.execute(self.sql("INSERT INTO helpgen_insights_schema (version) VALUES (?)"), (VERSION,))
            elif found < VERSION:
                self.execute(self.sql("UPDATE helpgen_insights_schema SET version = ?"), (VERSION,))
            self.commit()
            return found
        except BaseException:
            self.rollback()
            raise

    def _version(self) -> int | None:
        self.execute("CREATE TABLE IF NOT EXISTS helpgen_insights_schema (version INTEGER NOT NULL)")
        rows = self.execute("SELECT MAX(version) FROM helpgen_insights_schema")
        return int(rows[0][0]) if rows and rows[0][0] is not None else None

    id_column = "INTEGER PRIMARY KEY"

    def _dialect(self, statement: str) -> str:
        return statement.replace("{id}", self.id_column)

    def insert(self, events: Sequence[tuple[Event, int]]) -> None:
        """Write events (each with the second it arrived) in one transaction: all are kept, or none."""
        by_table: dict[type, list[tuple]] = {}
        for event, at in events:
            table, columns = _INSERTS[type(event)]
            row = [at] + [getattr(event, c) for c in columns[1:]]
            if isinstance(event, Contact):
                row[-1] = int(event.after_search)
            by_table.setdefault(type(event), []).append(tuple(row))
        try:
            for kind, rows in by_table.items():
                table, columns = _INSERTS[kind]
                marks = ", ".join("?" for _ in columns)
                self.executemany(self.sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"), rows)
            self.commit()
        except BaseException:
            self.rollback()
            raise

    def check_tables(self) -> None:
        """Raise unless every table is there and readable (cheap: no row is read)."""
        for table in TABLES.values():
            self.rows(f"SELECT at FROM {table} WHERE 1 = 0")

    def counts(self) -> dict[str, int]:
        """How many events of each kind are kept."""
        return {kind: self.rows(f"SELECT COUNT(*) FROM {table}")[0][0] for kind, table in TABLES.items()}

    def prune(self, before: int) -> dict[str, int]:
        """Delete every event that arrived before `before` (Unix seconds); how many of each kind went."""
        removed = {}
        try:
            for kind, table in TABLES.items():
                removed[kind] = self.execute_count(self.sql(f"DELETE FROM {table} WHERE at < ?"), (before,))
            self.commit()
        except BaseException:
            self.rollback()
            raise
        return removed

    @abstractmethod
    def execute_count(self, sql: str, params: Sequence[Any]) -> int:
        """Run a statement and return how many rows it changed."""


def open_store(url: str, create: bool = True) -> Store:
    """The store at a database URL, its schema current. `create`: make a missing database (the
    collector does; a report of a database that does not exist is a mistake worth saying)."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "sqlite":
        from .sqlite_store import SqliteStore

        store: Store = SqliteStore(url, sqlite_path(url), create)
    elif scheme in ("postgresql", "postgres"):
        from .postgres_store import PostgresStore

        store = PostgresStore(url)
    else:
        raise StoreError(url, "not a database URL helpgen knows", URL_HINT)
    try:
        store.migrate(create)
    except BaseException:
        store.close()
        raise
    return store


def sqlite_path(url: str) -> Path:
    """sqlite:///insights.db -> insights.db (relative to here); sqlite:////var/x.db -> /var/x.db."""
    parts = urlsplit(url)
    if parts.netloc or not parts.path.startswith("/") or len(parts.path) < 2 or parts.query:
        raise StoreError(url, "not a SQLite URL", "write sqlite:///file.db (three slashes), or four for an "
                         "absolute path: sqlite:////var/lib/helpgen/insights.db")
    return Path(parts.path[1:])


def now() -> int:
    return int(time.time())
