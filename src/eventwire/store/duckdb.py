"""The embedded event store: coded articles and their event records in one DuckDB file.

Every article is written in one transaction, so a run killed half-way never
leaves a half-written article, and storing is idempotent: the same story coded
by the same coder is stored once. The `events.record` column holds the event
record (`Event.to_record()`) as JSON; the other event columns are copies of its
fields, kept for filtering and indexing, so every output can be derived from
`record` alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb

from eventwire.model import CodedArticle

__all__ = ["MIGRATIONS", "EventStore", "StoreError", "StoreOutcome", "article_coder"]

StoreOutcome = Literal["stored", "replaced", "unchanged"]

# Bytes 8..12 of every DuckDB database file.
_DUCKDB_MAGIC = b"DUCK"

# Ordered, append-only: migration N (1-based) is MIGRATIONS[N - 1]. Never edit one
# that has shipped; add a new one that alters what it made.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        title VARCHAR,
        text VARCHAR,
        date DATE,
        url VARCHAR,
        source VARCHAR,
        input_name VARCHAR,
        dateline_place VARCHAR,
        dateline_country VARCHAR,
        coder VARCHAR,
        coded_at TIMESTAMP
    );
    CREATE TABLE sentences (
        article_id VARCHAR NOT NULL,
        sentence_id INTEGER NOT NULL,
        text VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        PRIMARY KEY (article_id, sentence_id)
    );
    CREATE TABLE events (
        event_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        sentence_id INTEGER,
        cameo VARCHAR,
        cameo_root VARCHAR,
        quad_class INTEGER,
        goldstein DOUBLE,
        source_code VARCHAR,
        source_country VARCHAR,
        target_code VARCHAR,
        target_country VARCHAR,
        plover_type VARCHAR,
        date VARCHAR,
        date_precision VARCHAR,
        background BOOLEAN,
        negated BOOLEAN,
        modality VARCHAR,
        location_name VARCHAR,
        location_country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        confidence DOUBLE,
        trigger_start INTEGER,
        record JSON NOT NULL,
        PRIMARY KEY (article_id, event_id)
    );
    CREATE INDEX events_cameo_root ON events (cameo_root);
    CREATE INDEX events_dyad_country ON events (source_country, target_country);
    CREATE INDEX events_date ON events (date);
    CREATE TABLE quotes (
        quote_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        sentence_id INTEGER,
        text VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        cue VARCHAR,
        speaker_code VARCHAR,
        kind VARCHAR,
        PRIMARY KEY (article_id, quote_id)
    );
    """,
)

_ARTICLE_COLUMNS = (
    "article_id",
    "content_hash",
    "title",
    "text",
    "date",
    "url",
    "source",
    "input_name",
    "dateline_place",
    "dateline_country",
    "coder",
    "coded_at",
)
_SENTENCE_COLUMNS = ("article_id", "sentence_id", "text", "start_char", "end_char")
_EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "sentence_id",
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "source_code",
    "source_country",
    "target_code",
    "target_country",
    "plover_type",
    "date",
    "date_precision",
    "background",
    "negated",
    "modality",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "confidence",
    "trigger_start",
    "record",
)
_QUOTE_COLUMNS = (
    "quote_id",
    "article_id",
    "sentence_id",
    "text",
    "start_char",
    "end_char",
    "cue",
    "speaker_code",
    "kind",
)
_CHILD_TABLES = ("sentences", "events", "quotes")


class StoreError(ValueError):
    """The store cannot be opened or written; the message names the path or article and why."""


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    # Table and column names come from the constants above, never from input.
    placeholders = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"


def article_coder(coded: CodedArticle) -> str:
    """The coder string an article is stored under: the pipeline's own when it says,
    else its events' coders, in order, distinct."""
    if coded.coder:
        return coded.coder
    coders = dict.fromkeys(event.coder for event in coded.events if event.coder)
    return "; ".join(coders)


def _event_row(record: dict[str, Any]) -> tuple[Any, ...]:
    source = record["source"] or {}
    target = record["target"] or {}
    location = record["location"] or {}
    cameo = record["cameo"]
    return (
        record["event_id"],
        record["article_id"],
        record["sentence_id"],
        cameo,
        cameo[:2] if cameo else None,
        record["quad_class"],
        record["goldstein"],
        source.get("code"),
        source.get("country"),
        target.get("code"),
        target.get("country"),
        record["plover"]["type"],
        record["date"],
        record["date_precision"],
        record["background"],
        record["negated"],
        record["modality"],
        location.get("name"),
        location.get("country"),
        location.get("lat"),
        location.get("lon"),
        record["confidence"],
        record["trigger"]["start"],
        json.dumps(record, ensure_ascii=False),
    )


class EventStore:
    """Coded articles, their sentences, events and quotes, in one DuckDB file.

    Opening creates the file when it does not exist and brings its schema up to
    date. Use as a context manager, or call `close()`.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._check_is_duckdb_file()
        try:
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(str(self.path))
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open as a DuckDB database: {exc}") from exc
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

    # -- lifecycle -------------------------------------------------------------

    def close(self) -> None:
        """Close the database file; closing twice is harmless."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

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

    # -- schema ----------------------------------------------------------------

    def _migrate(self) -> None:
        db = self._db
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP)"
        )
        rows = db.execute("SELECT version FROM schema_migrations").fetchall()
        applied = {int(row[0]) for row in rows}
        newest = max(applied, default=0)
        if newest > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: schema version {newest} is newer than this eventwire "
                f"knows ({len(MIGRATIONS)}); upgrade eventwire to open it"
            )
        for version, sql in enumerate(MIGRATIONS, start=1):
            if version in applied:
                continue
            db.execute("BEGIN TRANSACTION")
            try:
                db.execute(sql)
                db.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    [version, _now()],
                )
                db.execute("COMMIT")
            except BaseException as exc:
                self._rollback_quietly()
                if isinstance(exc, duckdb.Error):
                    raise StoreError(
                        f"{self.path}: schema migration {version} failed: {exc}"
                    ) from exc
                raise

    def schema_version(self) -> int:
        """The highest migration applied to this file."""
        row = self._db.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- writing ---------------------------------------------------------------

    def store(self, coded: CodedArticle) -> StoreOutcome:
        """Store one coded article in one transaction.

        "stored" for a new article id; "unchanged" (nothing written) when the id is
        stored with the same content hash and coder; otherwise "replaced": its
        sentences, events and quotes are rewritten and its row updated. On any
        error the transaction is rolled back, so the stored version, if any, stays.
        """
        article = coded.article
        content_hash = article.content_hash
        coder = article_coder(coded)
        # Build every row before the transaction: a bad record fails before anything is written.
        article_row = self._article_row(coded, content_hash, coder)
        sentence_rows = self._sentence_rows(coded)
        event_rows = self._event_rows(coded)
        quote_rows = self._quote_rows(coded)
        db = self._db
        db.execute("BEGIN TRANSACTION")
        try:
            existing = db.execute(
                "SELECT content_hash, coder FROM articles WHERE article_id = ?", [article.id]
            ).fetchone()
            if existing is not None and tuple(existing) == (content_hash, coder):
                db.execute("ROLLBACK")
                return "unchanged"
            if existing is None:
                outcome: StoreOutcome = "stored"
                db.execute(_insert_sql("articles", _ARTICLE_COLUMNS), list(article_row))
            else:
                outcome = "replaced"
                for table in _CHILD_TABLES:
                    db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article.id])
                assignments = ", ".join(f"{column} = ?" for column in _ARTICLE_COLUMNS[1:])
                db.execute(
                    f"UPDATE articles SET {assignments} WHERE article_id = ?",
                    [*article_row[1:], article.id],
                )
            self._insert_rows("sentences", _SENTENCE_COLUMNS, sentence_rows)
            self._insert_rows("events", _EVENT_COLUMNS, event_rows)
            self._insert_rows("quotes", _QUOTE_COLUMNS, quote_rows)
            db.execute("COMMIT")
        except BaseException as exc:
            self._rollback_quietly()
            if isinstance(exc, duckdb.Error):
                name = f" ({article.input_name})" if article.input_name else ""
                raise StoreError(
                    f"{self.path}: article {article.id!r}{name} could not be stored: {exc}"
                ) from exc
            raise
        return outcome

    def store_many(self, coded: Iterable[CodedArticle]) -> dict[StoreOutcome, int]:
        """Store each article in its own transaction; count the outcomes (all three keys)."""
        counts: dict[StoreOutcome, int] = {"stored": 0, "replaced": 0, "unchanged": 0}
        for item in coded:
            counts[self.store(item)] += 1
        return counts

    def _insert_rows(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        if rows:
            self._db.executemany(_insert_sql(table, columns), [list(row) for row in rows])

    def _rollback_quietly(self) -> None:
        # The original error is the one worth reporting, not a failed rollback.
        with contextlib.suppress(duckdb.Error):
            self._db.execute("ROLLBACK")

    @staticmethod
    def _article_row(coded: CodedArticle, content_hash: str, coder: str) -> tuple[Any, ...]:
        article = coded.article
        dateline = article.dateline
        return (
            article.id,
            content_hash,
            article.title,
            article.text,
            article.date,
            article.url,
            article.source,
            article.input_name,
            dateline.place if dateline else None,
            dateline.country if dateline else None,
            coder,
            _now(),
        )

    @staticmethod
    def _sentence_rows(coded: CodedArticle) -> list[tuple[Any, ...]]:
        rows: dict[int, tuple[Any, ...]] = {}
        for sentence in coded.sentences:
            _check_belongs(coded, "sentence", sentence.index, sentence.article_id)
            rows.setdefault(
                sentence.index,
                (coded.article.id, sentence.index, sentence.text, sentence.start, sentence.end),
            )
        return list(rows.values())

    @staticmethod
    def _event_rows(coded: CodedArticle) -> list[tuple[Any, ...]]:
        # The coder may emit the same event twice (same id); the first one wins.
        rows: dict[str, tuple[Any, ...]] = {}
        for event in coded.events:
            _check_belongs(coded, "event", event.event_id, event.article_id)
            record = event.to_record()
            rows.setdefault(record["event_id"], _event_row(record))
        return list(rows.values())

    @staticmethod
    def _quote_rows(coded: CodedArticle) -> list[tuple[Any, ...]]:
        rows: dict[str, tuple[Any, ...]] = {}
        for quote in coded.quotes:
            _check_belongs(coded, "quote", quote.quote_id, quote.article_id)
            rows.setdefault(
                quote.quote_id,
                (
                    quote.quote_id,
                    coded.article.id,
                    quote.sentence_id,
                    quote.text,
                    quote.start,
                    quote.end,
                    quote.cue,
                    quote.speaker.code if quote.speaker else None,
                    quote.kind,
                ),
            )
        return list(rows.values())

    # -- reading ---------------------------------------------------------------

    def events(self, article_id: str | None = None) -> list[dict[str, Any]]:
        """Event records, ordered by article id, sentence id and trigger start."""
        sql = "SELECT record FROM events"
        params: list[Any] = []
        if article_id is not None:
            sql += " WHERE article_id = ?"
            params.append(article_id)
        sql += " ORDER BY article_id, sentence_id, trigger_start, event_id"
        rows = self._db.execute(sql, params).fetchall()
        return [json.loads(row[0]) for row in rows]

    def article_ids(self) -> list[str]:
        """Ids of the stored articles, sorted."""
        rows = self._db.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()
        return [str(row[0]) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many articles and events are stored: {"articles": n, "events": m}."""
        row = self._db.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)"
        ).fetchone()
        articles, events = row if row is not None else (0, 0)
        return {"articles": int(articles), "events": int(events)}


def _check_belongs(coded: CodedArticle, kind: str, key: object, article_id: str) -> None:
    if article_id != coded.article.id:
        where = coded.article.input_name or coded.article.id
        raise StoreError(
            f"{where}: {kind} {key!r} belongs to article {article_id!r}, "
            f"not to {coded.article.id!r}; nothing stored for this article"
        )


def _now() -> dt.datetime:
    # TIMESTAMP columns are naive; store UTC.
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
