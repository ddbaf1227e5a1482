"""Corpus runs: many stories into the store, resumably, on one machine or a Dask cluster.

One machine: N worker processes each load the model once and code chunks of
articles; the parent process is the only writer, storing each article in its
own transaction, so a run killed at any moment leaves whole articles only and
a rerun skips what is stored (same id and content hash) and duplicates nothing.

Dask: the same coding function runs as tasks over partitions of the input and
the events are written as date-partitioned Parquet that DuckDB reads directly.
"""

from __future__ import annotations

import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from eventwire.actors.memory import InMemoryActorMemory, LearnedActor
from eventwire.ingest import read_inputs
from eventwire.ingest.triage import RunTally, triage
from eventwire.model import Article, CodedArticle, InputProblem
from eventwire.pipeline import Coder, CoderOptions
from eventwire.store.actor_memory import StoredActorMemory
from eventwire.store.base import BaseEventStore
from eventwire.store.rows import ArticleRows, article_rows


@dataclass(slots=True)
class RunCounts:
    """What a run did; the progress line and the summary print these. Reading,
    language, duplicate and quarantine counts come from ingest's `RunTally`, the
    same rules `eventwire code` applies."""

    tally: RunTally = field(default_factory=RunTally)
    coded: int = 0
    events: int = 0
    stored: int = 0
    unchanged: int = 0  # already in the store with the same content: skipped before coding
    started: float = field(default_factory=time.monotonic)

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.coded / elapsed if elapsed > 0 else 0.0

    def as_dict(self) -> dict[str, int]:
        return {
            "read": self.tally.read,
            "coded": self.coded,
            "events": self.events,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "duplicates": self.tally.duplicates,
            "near_duplicates": self.tally.near_duplicates,
            "skipped_language": self.tally.skipped,
            "quarantined": len(self.tally.quarantined),
        }


@dataclass(frozen=True, slots=True)
class RunOptions:
    workers: int = 1
    chunk_size: int = 64  # articles a worker codes per task (one nlp.pipe batch)
    store_batch: int = 128  # coded articles stored per transaction
    store_seconds: float = 2.0  # or fewer, when this long has passed since the last


# The smallest task the end of a run is cut into (see _tasks).
_SMALLEST_TASK = 8

ProgressCallback = Callable[[RunCounts], None]
ProblemCallback = Callable[[InputProblem], None]


# Worker processes: the coder is loaded once per process by the initializer and
# kept for the life of the process (the standard pattern for process pools).
@cache
def _worker_coder(options: CoderOptions) -> Coder:
    return Coder.load(options)


# Each worker's actor memory: seeded with what the store had learned when the run
# began, then kept across that worker's chunks (the parent stores their lessons).
@cache
def _worker_memory(options: CoderOptions) -> InMemoryActorMemory:
    return InMemoryActorMemory()


def _init_worker(options: CoderOptions, lessons: Sequence[LearnedActor] = ()) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _worker_coder(options)
    memory = _worker_memory(options)
    for lesson in lessons:
        memory.learn(lesson)


def code_chunk(articles: Sequence[Article], options: CoderOptions) -> list[CodedArticle]:
    """Code a chunk of articles with this process's coder (loaded on first use)."""
    return list(_worker_coder(options).code(articles, _worker_memory(options)))


def _code_chunk_rows(articles: Sequence[Article], options: CoderOptions) -> list[ArticleRows]:
    # A pool worker sends back the rows the parent stores, not the records: about a
    # tenth of the CPU to pickle and unpickle (the parent's share of it competes with
    # the workers for the cores), and the rows are built here, in parallel.
    return [article_rows(coded) for coded in code_chunk(articles, options)]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _tasks(articles: Iterable[Article], size: int, workers: int) -> Iterator[list[Article]]:
    """Chunks of `size` articles for the workers, the last ones smaller and smaller.

    A task of 64 stories is over a second of coding: handed out whole to the end, it
    leaves one worker coding the last one alone while the others are done. Reading
    `size * (workers + 1)` articles ahead tells when the input is about to end; what
    is left then goes out in pieces of a (2 * workers)th of it, down to
    `_SMALLEST_TASK`, so that the workers finish within a few stories of each other.
    Steady-state tasks keep `size` (one parse batch: smaller ones parse slower).
    """
    ahead: deque[Article] = deque()
    reserve = size * (workers + 1)
    for article in articles:
        ahead.append(article)
        if len(ahead) >= reserve + size:
            yield [ahead.popleft() for _ in range(size)]
    while ahead:
        piece = min(size, max(_SMALLEST_TASK, -(-len(ahead) // (2 * workers))))
        yield [ahead.popleft() for _ in range(min(piece, len(ahead)))]


def _wanted(
    items: Iterable[Article | InputProblem],
    stored: dict[str, str],
    counts: RunCounts,
    on_problem: ProblemCallback | None,
) -> Iterator[Article]:
    """Articles that need coding: ingest's triage (bad inputs, other languages,
    duplicates), then not already stored with the same content."""

    def reported(source: Iterable[Article | InputProblem]) -> Iterator[Article | InputProblem]:
        for item in source:
            if isinstance(item, InputProblem) and on_problem is not None:
                on_problem(item)
            yield item

    for article in triage(reported(items), counts.tally):
        if stored.get(article.id) == article.content_hash:
            counts.unchanged += 1
            continue
        yield article


def code_corpus(
    inputs: Sequence[str],
    store: BaseEventStore,
    coder_options: CoderOptions,
    run: RunOptions = RunOptions(),
    progress: ProgressCallback | None = None,
    on_problem: ProblemCallback | None = None,
) -> RunCounts:
    """Code every story of the inputs into the store; resumable and idempotent."""
    counts = RunCounts()
    stored = store.article_hashes()
    articles = _wanted(read_inputs(inputs, coder_options.default_date), stored, counts, on_problem)

    unstored: list[CodedArticle | ArticleRows] = []
    last_flush = time.monotonic()

    def flush() -> None:
        nonlocal last_flush
        # One transaction and one bulk insert per table for a batch: storing article
        # by article costs about half as much again as coding them, and a batch of
        # several chunks a third less than one chunk at a time. A run killed before
        # a flush loses only coding, which the rerun does again.
        outcomes = store.store_many(unstored, batch_size=max(1, len(unstored)))
        counts.coded += len(unstored)
        counts.events += sum(
            item.events_coded if isinstance(item, ArticleRows) else len(item.events)
            for item in unstored
        )
        counts.stored += outcomes["stored"] + outcomes["replaced"]
        unstored.clear()
        last_flush = time.monotonic()
        if progress is not None:
            progress(counts)

    def keep(results: Iterable[CodedArticle | ArticleRows]) -> None:
        unstored.extend(results)
        # a batch, or what a slow run coded in the last seconds: what is coded is
        # stored (and shown) soon, whatever the speed
        waited = time.monotonic() - last_flush
        if len(unstored) >= run.store_batch or waited >= run.store_seconds:
            flush()

    if run.workers <= 1:
        coder = Coder.load(coder_options)
        # People earlier runs learned are recalled; this run's lessons are stored
        # with the articles that taught them.
        memory = StoredActorMemory.open(store)
        for chunk in _chunks(articles, run.chunk_size):
            keep(coder.code(chunk, memory))
        flush()
        return counts
    # The parent reads and stores; workers parse and code. At most two chunks per
    # worker are in flight and `_tasks` reads at most workers + 2 chunks ahead,
    # which bounds memory whatever the corpus size.
    with ProcessPoolExecutor(
        max_workers=run.workers,
        initializer=_init_worker,
        initargs=(coder_options, StoredActorMemory.open(store).lessons()),
    ) as pool:
        pending: set[Future[list[ArticleRows]]] = set()
        for chunk in _tasks(articles, run.chunk_size, run.workers):
            pending.add(pool.submit(_code_chunk_rows, chunk, coder_options))
            while len(pending) >= 2 * run.workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    keep(future.result())
        # in the order they finish: what is coded is stored while the last tasks run
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                keep(future.result())
    flush()
    return counts


def estimate_story_count(inputs: Sequence[str]) -> int | None:
    """How many stories the inputs hold, when that is cheap to know (for the ETA):
    one per text/HTML file, one per JSONL line; None for stdin, WARC and feeds."""
    total = 0
    for name in inputs:
        path = Path(name)
        if name == "-":
            return None
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in (".jsonl", ".ndjson"):
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif suffix in (".txt", ".text", ".html", ".htm"):
                total += 1
            elif file.exists() and not path.is_dir():
                return None
    return total


# --- Dask -------------------------------------------------------------------


def _records(coded: Iterable[CodedArticle]) -> list[dict[str, Any]]:
    rows = []
    for article in coded:
        for event in article.events:
            record = event.to_record()
            rows.append(
                {
                    "event_id": record["event_id"],
                    "article_id": record["article_id"],
                    "date": record["date"] or "undated",
                    "cameo": record["cameo"],
                    "source_code": (record["source"] or {}).get("code"),
                    "target_code": (record["target"] or {}).get("code"),
                    "quad_class": record["quad_class"],
                    "goldstein": record["goldstein"],
                    "record": json.dumps(record, ensure_ascii=False),
                }
            )
    return rows


def _code_partition(articles: list[Article], options: CoderOptions) -> list[dict[str, Any]]:
    return _records(code_chunk(articles, options))


def code_corpus_dask(
    inputs: Sequence[str],
    output: Path,
    coder_options: CoderOptions,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 64,
) -> RunCounts:
    """Code the inputs as Dask tasks; write events as Parquet partitioned by date.

    With `scheduler` None a LocalCluster of `workers` single-threaded processes is
    started for the run. The output folder is `output/date=YYYY-MM-DD/*.parquet`
    ("undated" for events without a date); DuckDB reads it with
    `read_parquet('output/**/*.parquet', hive_partitioning = true)`.
    """
    import dask.bag as db
    import pyarrow as pa
    import pyarrow.dataset as ds
    from distributed import Client, LocalCluster

    counts = RunCounts()
    articles = list(_wanted(read_inputs(inputs, coder_options.default_date), {}, counts, None))
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
    client = Client(cluster if cluster is not None else scheduler, timeout=120)
    try:
        # Fail with a message rather than wait forever when no worker comes up.
        client.wait_for_workers(1, timeout=180)
        partitions = max(1, len(articles) // partition_size)
        bag = db.from_sequence(articles, npartitions=partitions)
        rows: list[dict[str, Any]] = bag.map_partitions(_code_partition, coder_options).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    counts.coded = len(articles)
    counts.events = len(rows)
    counts.stored = len(articles)
    if rows:
        table = pa.Table.from_pylist(rows)
        ds.write_dataset(
            table,
            output,
            format="parquet",
            partitioning=ds.partitioning(pa.schema([("date", pa.string())]), flavor="hive"),
            existing_data_behavior="delete_matching",
        )
    return counts
