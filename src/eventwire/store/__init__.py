"""Event stores: where coded articles and their event records are kept.

`open_store(db)` picks the backend: a `postgresql://` URL opens a PostgreSQL
store, anything else a DuckDB file (the default, `eventwire.duckdb`). Both have
the same schema and the same methods (`BaseEventStore`).
"""

from __future__ import annotations

from pathlib import Path

from eventwire.store.base import BaseEventStore
from eventwire.store.records import StoreError

__all__ = ["BaseEventStore", "StoreError", "open_store"]


def open_store(db: str | Path) -> BaseEventStore:
    """Open (creating or migrating) the store `db` names: a PostgreSQL URL
    (`postgresql://user@host:port/dbname`) or the path of a DuckDB file."""
    # Imported here: a DuckDB user needs no PostgreSQL driver loaded, and back.
    if isinstance(db, str):
        from eventwire.store.postgres import is_postgres_url

        if is_postgres_url(db):
            from eventwire.store.postgres import PostgresEventStore

            return PostgresEventStore(db)
    from eventwire.store.duckdb import EventStore

    return EventStore(db)
