"""The embedded event store: coded articles and their event records in one DuckDB file.

The default store (`eventwire.duckdb`). Every batch of articles is written in one
transaction, so a run killed half-way never leaves a half-written article, and
storing is idempotent: the same story coded by the same coder is stored once.
The `events.record` column holds the event record (`Event.to_record()`) as JSON;
the other event columns are copies of its fields, kept for filtering and
indexing, so every output can be derived from `record` alone. Rows go in as
Arrow tables, one insert per table and batch. The logic common to every backend
is in `eventwire.store.base`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import duckdb
import pyarrow as pa

from eventwire.model import CodedArticle
from eventwire.store.base import BaseEventStore
from eventwire.store.migrations import migrations_for
from eventwire.store.records import StoreError, StoreOutcome
from eventwire.store.rows import ArticleRows, article_coder

__all__ = ["MIGRATIONS", "EventStore", "StoreError", "StoreOutcome", "article_coder"]

# Bytes 8..12 of every DuckDB database file.
_DUCKDB_MAGIC = b"DUCK"

# The schema, in this backend's dialect (store/migrations.py: append-only).
MIGRATIONS: tuple[str, ...] = migrations_for(
    double="DOUBLE", cast="TRY_CAST", date_start_index=False
)


class EventStore(BaseEventStore):
    """The event store in one DuckDB file (see `BaseEventStore` for what it does).

    Opening creates the file when it does not exist and brings its schema up to
    date. Use as a context manager, or call `close()`.
    """

    dialect: ClassVar[str] = "duckdb"
    MIGRATIONS: ClassVar[tuple[str, ...]] = MIGRATIONS
    _driver_errors: ClassVar[tuple[type[BaseException], ...]] = (duckdb.Error,)

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self._con: duckdb.DuckDBPyConnection | None = None
        self._one_thread = False  # see store_batch
        self._check_is_duckdb_file()
        try:
            self._con = duckdb.connect(str(self.path))
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open as a DuckDB database: {exc}") from exc
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Close the database file; closing twice is harmless."""
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def _db(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._con

    def _check_is_duckdb_file(self) -> None:
        # DuckDB's own message for a foreign file is terse; say what the path is.
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a DuckDB database file")
        if not self.path.exists():
            return
        try:
            with self.path.open("rb") as handle:
                header = handle.read(12)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot be read: {exc}") from exc
        if header[8:12] != _DUCKDB_MAGIC:
            raise StoreError(
                f"{self.path}: not a DuckDB database file (no DuckDB header); "
                "give a new path or an existing eventwire store"
            )

    # -- backend primitives ------------------------------------------------------

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._db.execute(sql, list(params))

    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, list(params)).fetchall()

    def _stream(
        self, sql: str, params: Sequence[Any], batch_size: int
    ) -> Iterator[tuple[Any, ...]]:
        # A cursor of its own, so statements run while the caller iterates do not
        # replace this result.
        cursor = self._db.cursor()
        try:
            cursor.execute(sql, list(params))
            while rows := cursor.fetchmany(batch_size):
                yield from rows
        finally:
            cursor.close()

    def _bulk_insert(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        # One Arrow table per batch, inserted by one statement: DuckDB's fast path.
        # zip(*rows) turns rows into columns in one pass, in C
        arrow = pa.table(
            {
                name: pa.array(list(values))
                for name, values in zip(columns, zip(*rows, strict=True), strict=True)
            }
        )
        view = f"eventwire_bulk_{table}"
        names = ", ".join(columns)
        db = self._db
        db.register(view, arrow)
        try:
            db.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {view}")
        finally:
            db.unregister(view)

    def store_batch(self, batch: Sequence[CodedArticle | ArticleRows]) -> list[StoreOutcome]:
        """`BaseEventStore.store_batch`, with DuckDB on one thread: a batch's inserts are
        too small to gain from more, and their synchronisation costs about a tenth of the
        CPU that storing takes, on the cores the coding workers use. The setting stays
        between batches (changing it restarts DuckDB's threads, which costs more), until
        a whole-store computation (`refresh_clusters`) wants the threads back."""
        self._use_one_thread(True)
        return super().store_batch(batch)

    def refresh_clusters(self, *, max_km: float = 50.0, max_days: int = 1) -> dict[str, int]:
        self._use_one_thread(False)
        return super().refresh_clusters(max_km=max_km, max_days=max_days)

    def _use_one_thread(self, one: bool) -> None:
        if one != self._one_thread:
            self._db.execute("SET threads = 1" if one else "RESET threads")
            self._one_thread = one

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read-only, parameterised query with `?` placeholders (see
        `BaseEventStore.query`); on a cursor of its own, so a reader in another
        thread does not share the writer's connection state. A query gets DuckDB's
        threads back if storing had set them to one."""
        self._use_one_thread(False)
        cursor = self._db.cursor()
        try:
            return cursor.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed: {exc}") from exc
        finally:
            cursor.close()
