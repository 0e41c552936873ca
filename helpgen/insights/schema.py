"""The events database's tables, and how each schema version is reached from the one before.

`helpgen_insights_schema` holds the version; store.migrate applies the steps above it, in one
transaction that other collectors starting at the same moment wait for. A step is only ever added,
never edited: databases in the field were made by the old ones. Times are whole seconds since 1970 (UTC)
as the collector received the event; the visitor's clock is never asked.
"""
from __future__ import annotations

TABLES = {"votes": "helpgen_votes", "searches": "helpgen_searches", "contacts": "helpgen_contacts"}

MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, (
        """CREATE TABLE helpgen_votes (
            id {id},
            at BIGINT NOT NULL,
            article TEXT NOT NULL,
            vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')),
            language TEXT NOT NULL)""",
        """CREATE TABLE helpgen_searches (
            id {id},
            at BIGINT NOT NULL,
            query TEXT NOT NULL,
            results INTEGER NOT NULL,
            language TEXT NOT NULL,
            clicked TEXT,
            refined_from TEXT)""",
        """CREATE TABLE helpgen_contacts (
            id {id},
            at BIGINT NOT NULL,
            channel TEXT NOT NULL,
            origin TEXT NOT NULL,
            page TEXT NOT NULL,
            language TEXT,
            after_search SMALLINT NOT NULL DEFAULT 0)""",
        "CREATE INDEX helpgen_votes_at ON helpgen_votes (at)",
        "CREATE INDEX helpgen_searches_at ON helpgen_searches (at)",
        "CREATE INDEX helpgen_contacts_at ON helpgen_contacts (at)",
    )),
    # The report looks its top queries up by name (languages, weeks, first seen), and refinements, a
    # tenth of the searches, apart from the rest: two full scans of the searches instead of eight.
    (2, (
        "CREATE INDEX helpgen_searches_query ON helpgen_searches (query, at)",
        "CREATE INDEX helpgen_searches_refined ON helpgen_searches (at) WHERE refined_from IS NOT NULL",
    )),
)
VERSION = MIGRATIONS[-1][0]
