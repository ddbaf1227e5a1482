"""The event store on a PostgreSQL server: the same schema and behaviour as the DuckDB file.

For a store shared by several machines or users: `--db postgresql://user@host/db`.
The logic is `eventwire.store.base`'s, shared with DuckDB; this module holds the
migrations in PostgreSQL's dialect (DOUBLE PRECISION; JSON, not JSONB, so a
record comes back with its keys in order) and the primitives:
statements through psycopg 3 with `?` placeholders translated, rows in bulk
through COPY, long results through a server-side cursor.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from eventwire.store.base import BaseEventStore
from eventwire.store.migrations import migrations_for
from eventwire.store.records import StoreError

__all__ = ["MIGRATIONS", "PostgresEventStore", "is_postgres_url"]

# The schema, in this backend's dialect (store/migrations.py: append-only).
MIGRATIONS: tuple[str, ...] = migrations_for(
    double="DOUBLE PRECISION", cast="CAST", date_start_index=True
)


def is_postgres_url(db: str) -> bool:
    """Whether `--db` names a PostgreSQL server rather than a DuckDB file."""
    return db.startswith(("postgresql://", "postgres://"))


def _redacted(url: str) -> str:
    """The URL for messages: host, port, database and user, never the password."""
    try:
        params = conninfo_to_dict(url)
    except psycopg.Error:
        return "postgresql://(unparsable URL)"
    params.pop("password", None)
    user = f"{params['user']}@" if params.get("user") else ""
    port = f":{params['port']}" if params.get("port") else ""
    return f"postgresql://{user}{params.get('host', '')}{port}/{params.get('dbname', '')}"


def _placeholders(sql: str) -> str:
    # psycopg wants %s; a literal % must be doubled. Our SQL holds no literal `?`.
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresEventStore(BaseEventStore):
    """The event store in a PostgreSQL database (see `BaseEventStore` for what it does).

    Opening connects and brings the schema up to date; tables go into the first
    schema of the connection's search_path. Use as a context manager, or `close()`.
    """

    dialect: ClassVar[str] = "postgresql"
    MIGRATIONS: ClassVar[tuple[str, ...]] = MIGRATIONS
    _driver_errors: ClassVar[tuple[type[BaseException], ...]] = (psycopg.Error,)
    _cursor_names = itertools.count()

    def __init__(self, url: str, *, connect_timeout: int = 10) -> None:
        self.url = url
        self.location = _redacted(url)
        self._con: psycopg.Connection[tuple[Any, ...]] | None = None
        try:
            conninfo = make_conninfo(url, connect_timeout=connect_timeout)
            # Autocommit, with explicit BEGIN/COMMIT around writes: reads never leave
            # a transaction open on a long-lived connection (the API's).
            self._con = psycopg.connect(conninfo, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{self.location}: cannot connect to PostgreSQL: {exc}") from exc
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def _db(self) -> psycopg.Connection[tuple[Any, ...]]:
        if self._con is None:
            raise StoreError(f"{self.location}: the store is closed")
        return self._con

    # -- backend primitives ------------------------------------------------------

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        if params:
            self._db.execute(_placeholders(sql), list(params))
        else:
            # Without parameters a script of several statements runs as one.
            self._db.execute(sql.encode("utf-8"))

    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self._db.execute(_placeholders(sql), list(params))
        return cursor.fetchall()

    def _stream(
        self, sql: str, params: Sequence[Any], batch_size: int
    ) -> Iterator[tuple[Any, ...]]:
        # A server-side cursor (WITH HOLD, as the connection autocommits) streams
        # a large result in pieces instead of holding it all on the client.
        name = f"eventwire_stream_{next(self._cursor_names)}"
        with self._db.cursor(name=name, withhold=True) as cursor:
            cursor.itersize = batch_size
            cursor.execute(_placeholders(sql), list(params))
            yield from cursor

    def _bulk_insert(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        # COPY: PostgreSQL's bulk path, one round trip stream per table and batch.
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with self._db.cursor() as cursor, cursor.copy(statement.encode("utf-8")) as copy:
            for row in rows:
                copy.write_row(row)
