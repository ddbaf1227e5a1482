"""What every event store does, written once over a handful of backend primitives.

A backend (DuckDB, PostgreSQL) supplies its migrations, how to run a statement,
how to fetch and stream rows, and how to insert many rows at once (Arrow into
DuckDB, COPY into PostgreSQL). Everything else — idempotent storing, batches
in one transaction, runs, quarantine, learned actors, clusters, reading — is
here, so both backends behave the same and pass the same tests.

SQL here is written with `?` placeholders; a backend translates them if its
driver wants another style. Table and column names come from constants, never
from input.
"""

from __future__ import annotations

import abc
import contextlib
import datetime as dt
import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any, ClassVar, Self

from eventwire import dedup
from eventwire.model import CodedArticle, InputProblem
from eventwire.store import rows as R
from eventwire.store.records import (
    ClusterCounts,
    LearnedActor,
    QuarantinedInput,
    Run,
    RunStatus,
    StoredEvent,
    StoreError,
    StoreOutcome,
)

# How many ids go into one `IN (...)` list.
_ID_CHUNK = 500
# Articles per transaction in store_many: larger batches mean fewer commits and
# fewer id lookups (DuckDB scans for an IN list), at the cost of redoing more on a crash.
DEFAULT_BATCH_SIZE = 1000


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _in_list(count: int) -> str:
    return "(" + ", ".join("?" for _ in range(count)) + ")"


class BaseEventStore(abc.ABC):
    """Coded articles, their sentences, events, quotes and learned actors; runs,
    quarantined inputs and event clusters. Use as a context manager, or `close()`."""

    #: "duckdb" or "postgresql": for callers that write their own SQL (`query`).
    dialect: ClassVar[str]
    #: Ordered, append-only: migration N (1-based) is MIGRATIONS[N - 1].
    MIGRATIONS: ClassVar[tuple[str, ...]]
    #: The driver's error types, reported as StoreError with the store's name.
    _driver_errors: ClassVar[tuple[type[BaseException], ...]]

    #: How the store is named in messages (a path, or a URL without its password).
    location: str

    # -- backend primitives ----------------------------------------------------

    @abc.abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement (or, without params, a script of several)."""

    @abc.abstractmethod
    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a query and return all its rows."""

    @abc.abstractmethod
    def _stream(
        self, sql: str, params: Sequence[Any], batch_size: int
    ) -> Iterator[tuple[Any, ...]]:
        """Run a query and yield its rows without holding them all in memory."""

    @abc.abstractmethod
    def _bulk_insert(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Insert many rows in one operation (never one statement per row)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Close the connection; closing twice is harmless."""

    def _decode_json(self, value: Any) -> Any:
        # DuckDB hands JSON back as text, psycopg as parsed values.
        return json.loads(value) if isinstance(value, str | bytes) else value

    # -- lifecycle -------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back on any error.
        Driver errors become StoreError naming the store and `what` was being written."""
        self._execute("BEGIN TRANSACTION")
        try:
            yield
            self._execute("COMMIT")
        except BaseException as exc:
            self._rollback_quietly()
            if isinstance(exc, self._driver_errors):
                raise StoreError(f"{self.location}: {what} could not be stored: {exc}") from exc
            raise

    def _rollback_quietly(self) -> None:
        # The original error is the one worth reporting, not a failed rollback.
        with contextlib.suppress(*self._driver_errors):
            self._execute("ROLLBACK")

    # -- schema ----------------------------------------------------------------

    def _migrate(self) -> None:
        self._execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP)"
        )
        applied = {int(row[0]) for row in self._fetchall("SELECT version FROM schema_migrations")}
        newest = max(applied, default=0)
        if newest > len(self.MIGRATIONS):
            raise StoreError(
                f"{self.location}: schema version {newest} is newer than this eventwire "
                f"knows ({len(self.MIGRATIONS)}); upgrade eventwire to open it"
            )
        for version, sql in enumerate(self.MIGRATIONS, start=1):
            if version in applied:
                continue
            self._execute("BEGIN TRANSACTION")
            try:
                self._execute(sql)
                self._execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    [version, R.now_utc()],
                )
                self._execute("COMMIT")
            except BaseException as exc:
                self._rollback_quietly()
                if isinstance(exc, self._driver_errors):
                    raise StoreError(
                        f"{self.location}: schema migration {version} failed: {exc}"
                    ) from exc
                raise

    def schema_version(self) -> int:
        """The highest migration applied to this store."""
        rows = self._fetchall("SELECT max(version) FROM schema_migrations")
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    # -- storing articles --------------------------------------------------------

    def store(self, coded: CodedArticle) -> StoreOutcome:
        """Store one coded article in one transaction.

        "stored" for a new article id; "unchanged" (nothing written) when the id is
        stored with the same content hash and coder; otherwise "replaced": its
        sentences, events, quotes and learned actors are rewritten and its row
        replaced. On any error the transaction is rolled back, so the stored
        version, if any, stays.
        """
        return self.store_batch([coded])[0]

    def store_batch(self, batch: Sequence[CodedArticle | R.ArticleRows]) -> list[StoreOutcome]:
        """Store several coded articles in one transaction, with one bulk insert per
        table; return each article's outcome, in order (as `store` would). An article
        may come as its rows (`rows.article_rows`), built where it was coded.

        Article ids must be distinct within a batch. A bad article (an event of
        another article) fails the batch before anything is written; a database
        error rolls the whole batch back.
        """
        if not batch:
            return []
        ids = [coded.article.id for coded in batch]
        seen: set[str] = set()
        for article_id in ids:
            if article_id in seen:
                raise StoreError(
                    f"{self.location}: article id {article_id!r} appears twice in one batch"
                )
            seen.add(article_id)
        # Build every row before the transaction: a bad record fails before anything is written.
        prepared = []
        for coded in batch:
            rows = coded if isinstance(coded, R.ArticleRows) else R.article_rows(coded)
            content_hash = rows.article.content_hash
            prepared.append(
                (
                    rows.article.id,
                    (content_hash, rows.coder),
                    R.article_row(rows.article, content_hash, rows.coder),
                    rows.sentences,
                    rows.events,
                    rows.quotes,
                    rows.learned,
                )
            )
        first = batch[0].article
        what = f"article {first.id!r}" + (f" ({first.input_name})" if first.input_name else "")
        if len(batch) > 1:
            what = f"a batch of {len(batch)} articles from {what}"
        outcomes: list[StoreOutcome] = []
        with self._transaction(what):
            existing = self._stored_versions(ids)
            replaced: list[str] = []
            written = []
            for item in prepared:
                article_id = item[0]
                version = existing.get(article_id)
                if version == item[1]:
                    outcomes.append("unchanged")
                    continue
                outcomes.append("stored" if version is None else "replaced")
                if version is not None:
                    replaced.append(article_id)
                written.append(item)
            self._delete_articles(replaced)
            self._insert_rows("articles", R.ARTICLE_COLUMNS, [item[2] for item in written])
            self._insert_rows("sentences", R.SENTENCE_COLUMNS, [r for i in written for r in i[3]])
            self._insert_rows("events", R.EVENT_COLUMNS, [r for i in written for r in i[4]])
            self._insert_rows("quotes", R.QUOTE_COLUMNS, [r for i in written for r in i[5]])
            self._insert_rows(
                "learned_actors", R.LEARNED_ACTOR_COLUMNS, [r for i in written for r in i[6]]
            )
        return outcomes

    def store_many(
        self, coded: Iterable[CodedArticle | R.ArticleRows], *, batch_size: int = DEFAULT_BATCH_SIZE
    ) -> dict[StoreOutcome, int]:
        """Store articles in batches of `batch_size`, one transaction each; count the
        outcomes (all three keys). A repeated id starts a new batch, so the later
        copy is compared with the earlier one, as one-by-one storing would."""
        counts: dict[StoreOutcome, int] = {"stored": 0, "replaced": 0, "unchanged": 0}
        batch: list[CodedArticle | R.ArticleRows] = []
        ids: set[str] = set()

        def flush() -> None:
            for outcome in self.store_batch(batch):
                counts[outcome] += 1
            batch.clear()
            ids.clear()

        for item in coded:
            if item.article.id in ids or len(batch) >= batch_size:
                flush()
            batch.append(item)
            ids.add(item.article.id)
        flush()
        return counts

    def _stored_versions(self, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        versions: dict[str, tuple[str, str]] = {}
        for chunk in _chunks(ids, _ID_CHUNK):
            for article_id, content_hash, coder in self._fetchall(
                "SELECT article_id, content_hash, coder FROM articles "
                f"WHERE article_id IN {_in_list(len(chunk))}",
                list(chunk),
            ):
                versions[str(article_id)] = (str(content_hash), str(coder or ""))
        return versions

    def _delete_articles(self, ids: Sequence[str]) -> None:
        for chunk in _chunks(ids, _ID_CHUNK):
            for table in (*R.ARTICLE_CHILD_TABLES, "articles"):
                self._execute(
                    f"DELETE FROM {table} WHERE article_id IN {_in_list(len(chunk))}", list(chunk)
                )

    def _insert_rows(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        if rows:
            self._bulk_insert(table, columns, rows)

    # -- runs and quarantine -----------------------------------------------------

    def start_run(self, command: str | None, coder: str | None = None) -> str:
        """Record that a run began; return its id, for `quarantine` and `finish_run`."""
        run_id = f"{R.now_utc():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        with self._transaction(f"run {run_id}"):
            self._execute(
                "INSERT INTO runs (run_id, started_at, command, coder, status, counts) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [run_id, R.now_utc(), command, coder, "running", json.dumps({})],
            )
        return run_id

    def finish_run(
        self, run_id: str, counts: Mapping[str, int], status: RunStatus = "finished"
    ) -> Run:
        """Record how a run ended and its counts; `quarantined` is counted from the table."""
        (row,) = self._fetchall("SELECT count(*) FROM quarantine WHERE run_id = ?", [run_id])
        summary = {str(key): int(value) for key, value in counts.items()}
        summary["quarantined"] = int(row[0])
        with self._transaction(f"run {run_id}"):
            found = self._fetchall("SELECT run_id FROM runs WHERE run_id = ?", [run_id])
            if not found:
                raise StoreError(f"{self.location}: no run {run_id!r} to finish")
            self._execute(
                "UPDATE runs SET finished_at = ?, status = ?, counts = ? WHERE run_id = ?",
                [R.now_utc(), status, json.dumps(summary), run_id],
            )
        return next(run for run in self.runs() if run.run_id == run_id)

    def runs(self) -> list[Run]:
        """Every recorded run, oldest first."""
        rows = self._fetchall(
            f"SELECT {', '.join(R.RUN_COLUMNS)} FROM runs ORDER BY started_at, run_id"
        )
        return [
            Run(
                run_id=str(run_id),
                started_at=started,
                finished_at=finished,
                command=command,
                coder=coder,
                status=status,
                counts={str(k): int(v) for k, v in (self._decode_json(counts) or {}).items()},
            )
            for run_id, started, finished, command, coder, status, counts in rows
        ]

    def quarantine(self, problems: Iterable[InputProblem], run_id: str | None = None) -> int:
        """Keep bad inputs aside with their reasons (one bulk insert); return how many."""
        at = R.now_utc()
        rows = [(run_id, problem.input_name, problem.reason, at) for problem in problems]
        with self._transaction(f"{len(rows)} quarantined input(s)"):
            self._insert_rows("quarantine", R.QUARANTINE_COLUMNS, rows)
        return len(rows)

    def quarantined(self, run_id: str | None = None) -> list[QuarantinedInput]:
        """Quarantined inputs, oldest first; only one run's when `run_id` is given."""
        sql = f"SELECT {', '.join(R.QUARANTINE_COLUMNS)} FROM quarantine"
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        rows = self._fetchall(sql + " ORDER BY quarantined_at, input_name", params)
        return [
            QuarantinedInput(input_name=name, reason=reason, run_id=run, quarantined_at=at)
            for run, name, reason, at in rows
        ]

    # -- learned actors ----------------------------------------------------------

    def record_learned_actors(self, actors: Iterable[LearnedActor]) -> int:
        """Add learned actors (one bulk insert); ones already recorded for the same
        name, code and article are skipped. Return how many were added."""
        wanted = {(a.name, a.code, a.article_id): a for a in actors}
        if not wanted:
            return 0
        names = sorted({name for name, _, _ in wanted})
        with self._transaction(f"{len(wanted)} learned actor(s)"):
            have: set[tuple[str, str, str]] = set()
            for chunk in _chunks(names, _ID_CHUNK):
                have.update(
                    (str(n), str(c), str(a))
                    for n, c, a in self._fetchall(
                        "SELECT name, code, article_id FROM learned_actors "
                        f"WHERE name IN {_in_list(len(chunk))}",
                        list(chunk),
                    )
                )
            new = [R.learned_actor_row(a) for key, a in wanted.items() if key not in have]
            self._insert_rows("learned_actors", R.LEARNED_ACTOR_COLUMNS, new)
        return len(new)

    def learned_actors(self) -> list[LearnedActor]:
        """Every learned actor, by name, then the date it was learned, then article."""
        rows = self._fetchall(
            f"SELECT {', '.join(R.LEARNED_ACTOR_COLUMNS)} FROM learned_actors "
            "ORDER BY name, learned_on, article_id, code"
        )
        return [LearnedActor(*row) for row in rows]

    # -- clusters ----------------------------------------------------------------

    def refresh_clusters(self, *, max_km: float = 50.0, max_days: int = 1) -> dict[str, int]:
        """Recompute the event clusters (`eventwire.dedup`) over every stored event and
        replace the `clusters` and `event_clusters` tables in one transaction.
        Return {"events": n, "clusters": m}. Call it after a run."""
        rows = self._fetchall(
            "SELECT e.article_id, e.event_id, e.source_code, e.target_code, e.cameo, e.date,"
            " e.date_precision, e.lat, e.lon, e.location_name, e.location_country,"
            " a.source, a.url, a.near_dup_key, e.confidence, e.sentence_id, e.background"
            " FROM events e JOIN articles a ON a.article_id = e.article_id"
        )
        events = [
            dedup.DedupEvent(
                article_id=str(r[0]),
                event_id=str(r[1]),
                source_code=r[2],
                target_code=r[3],
                cameo=str(r[4] or ""),
                date=r[5],
                date_precision=r[6],
                lat=r[7],
                lon=r[8],
                location_name=r[9],
                location_country=r[10],
                outlet=dedup.outlet_of(r[11], r[12]),
                near_dup_key=r[13],
                confidence=float(r[14] or 0.0),
                sentence_id=int(r[15] or 0),
                background=bool(r[16]),
            )
            for r in rows
        ]
        clusters = dedup.cluster_events(events, max_km=max_km, max_days=max_days)
        self.write_clusters(clusters)
        return {"events": len(events), "clusters": len(clusters)}

    def write_clusters(self, clusters: Sequence[dedup.Cluster]) -> None:
        """Replace the stored clusters with these (one transaction, bulk inserts)."""
        at = R.now_utc()
        cluster_rows = [
            (
                c.cluster_id,
                c.representative[0],
                c.representative[1],
                c.source_code,
                c.target_code,
                c.cameo_root,
                c.date_first,
                c.date_last,
                c.location_name,
                c.num_mentions,
                c.num_sources,
                c.num_articles,
                at,
            )
            for c in clusters
        ]
        member_rows = [(a, e, c.cluster_id) for c in clusters for a, e in c.members]
        with self._transaction(f"{len(clusters)} cluster(s)"):
            self._execute("DELETE FROM event_clusters")
            self._execute("DELETE FROM clusters")
            self._insert_rows("clusters", R.CLUSTER_COLUMNS, cluster_rows)
            self._insert_rows("event_clusters", R.EVENT_CLUSTER_COLUMNS, member_rows)

    def clusters(self) -> list[dict[str, Any]]:
        """The stored clusters as rows (column name -> value), largest first."""
        rows = self._fetchall(
            f"SELECT {', '.join(R.CLUSTER_COLUMNS)} FROM clusters "
            "ORDER BY num_mentions DESC, cluster_id"
        )
        return [dict(zip(R.CLUSTER_COLUMNS, row, strict=True)) for row in rows]

    # -- reading -----------------------------------------------------------------

    def events(self, article_id: str | None = None) -> list[dict[str, Any]]:
        """Event records, ordered by article id, sentence id and trigger start."""
        sql = "SELECT record FROM events"
        params: list[Any] = []
        if article_id is not None:
            sql += " WHERE article_id = ?"
            params.append(article_id)
        sql += " ORDER BY article_id, sentence_id, trigger_start, event_id"
        return [self._decode_json(row[0]) for row in self._fetchall(sql, params)]

    def iter_stored_events(
        self,
        since: dt.date | None = None,
        until: dt.date | None = None,
        *,
        batch_size: int = 5000,
    ) -> Iterator[StoredEvent]:
        """Stream stored events with their article's URL and outlet and their cluster,
        by date (the first day of each event's period), then article and sentence.

        With `since` or `until`, only events whose period starts within the bounds
        (inclusive) come out; undated events are then left out.
        """
        sql = (
            "SELECT e.record, a.url, a.source, a.coded_at, c.cluster_id,"
            " k.representative_article_id, k.representative_event_id,"
            " k.num_mentions, k.num_sources, k.num_articles"
            " FROM events e JOIN articles a ON a.article_id = e.article_id"
            " LEFT JOIN event_clusters c"
            "  ON c.article_id = e.article_id AND c.event_id = e.event_id"
            " LEFT JOIN clusters k ON k.cluster_id = c.cluster_id"
        )
        conditions: list[str] = []
        params: list[Any] = []
        if since is not None:
            conditions.append("e.date_start >= ?")
            params.append(since)
        if until is not None:
            conditions.append("e.date_start <= ?")
            params.append(until)
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        sql += (
            " ORDER BY e.date_start NULLS LAST, e.article_id, e.sentence_id,"
            " e.trigger_start, e.event_id"
        )
        for row in self._stream(sql, params, batch_size):
            record = self._decode_json(row[0])
            cluster = None
            if row[4] is not None and row[7] is not None:
                cluster = ClusterCounts(
                    cluster_id=str(row[4]),
                    representative=(row[5], row[6]) == (record["article_id"], record["event_id"]),
                    num_mentions=int(row[7]),
                    num_sources=int(row[8]),
                    num_articles=int(row[9]),
                )
            yield StoredEvent(record, row[1], row[2], row[3], cluster)

    def article_ids(self) -> list[str]:
        """Ids of the stored articles, sorted."""
        return [str(r[0]) for r in self._fetchall("SELECT article_id FROM articles ORDER BY 1")]

    def article_hashes(self) -> dict[str, str]:
        """Stored article ids with their content hashes: a corpus run skips these."""
        rows = self._fetchall("SELECT article_id, content_hash FROM articles")
        return {str(row[0]): str(row[1]) for row in rows}

    def counts(self) -> dict[str, int]:
        """How many articles and events are stored: {"articles": n, "events": m}."""
        rows = self._fetchall(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)"
        )
        articles, events = rows[0] if rows else (0, 0)
        return {"articles": int(articles), "events": int(events)}

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read-only, parameterised query with `?` placeholders on either
        backend (JSON columns come back as text on DuckDB, parsed on PostgreSQL).
        For the API and reports; values always go in `params`, never into `sql`."""
        try:
            return self._fetchall(sql, params)
        except self._driver_errors as exc:
            raise StoreError(f"{self.location}: query failed: {exc}") from exc
