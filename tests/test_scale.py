"""Corpus runs: resumable after a kill, parallel workers, and Dask giving the same events."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwire.pipeline import Coder, CoderOptions
from eventwire.scale import RunOptions, code_corpus, code_corpus_dask
from eventwire.store.duckdb import EventStore

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from generate_stories import generate  # noqa: E402


def _corpus(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in generate(count, seed=3)), "utf-8")
    return path


def _snapshot(db: Path) -> dict[str, list[str]]:
    """article id -> sorted event ids, read straight from the file."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = {
            row[0]
            for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if "articles" not in tables:  # killed before the first migration committed
            return {}
        articles = [row[0] for row in con.execute("SELECT article_id FROM articles").fetchall()]
        events = con.execute("SELECT article_id, event_id FROM events").fetchall()
    result: dict[str, list[str]] = {article: [] for article in articles}
    for article_id, event_id in events:
        result[article_id].append(event_id)
    return {key: sorted(value) for key, value in result.items()}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    folder = tmp_path_factory.mktemp("reference")
    corpus = _corpus(folder, 120)
    db = folder / "reference.duckdb"
    with EventStore(db) as store:
        counts = code_corpus([str(corpus)], store, CoderOptions())
    assert counts.coded == 120 and counts.events > 0
    return corpus, _snapshot(db)


def test_rerun_skips_everything_stored(reference: tuple[Path, dict], tmp_path: Path) -> None:
    corpus, expected = reference
    db = tmp_path / "store.duckdb"
    with EventStore(db) as store:
        code_corpus([str(corpus)], store, CoderOptions())
    with EventStore(db) as store:
        again = code_corpus([str(corpus)], store, CoderOptions())
    assert (again.coded, again.unchanged) == (0, 120)
    assert _snapshot(db) == expected


def test_killed_run_resumes_without_loss_or_duplicates(
    reference: tuple[Path, dict], tmp_path: Path
) -> None:
    corpus, expected = reference
    db = tmp_path / "store.duckdb"
    command = [sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    time.sleep(4.0)  # model loaded, some stories stored, most not (timing only shapes the test)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    if db.exists():
        partial = _snapshot(db)
        # whatever was stored is whole: every stored article has all its events
        assert all(partial[article] == expected[article] for article in partial)
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert _snapshot(db) == expected


def test_two_workers_give_the_same_events(reference: tuple[Path, dict], tmp_path: Path) -> None:
    corpus, expected = reference
    db = tmp_path / "store.duckdb"
    with EventStore(db) as store:
        counts = code_corpus([str(corpus)], store, CoderOptions(), RunOptions(workers=2))
    assert counts.coded == 120
    assert _snapshot(db) == expected


def test_dask_local_cluster_gives_the_same_events(coder: Coder, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 24)
    output = tmp_path / "parquet"
    counts = code_corpus_dask([str(corpus)], output, CoderOptions(), workers=2, partition_size=6)
    assert counts.coded == 24
    with duckdb.connect() as con:
        rows = con.execute(
            "SELECT event_id, date FROM read_parquet(?, hive_partitioning = true)",
            [str(output / "**" / "*.parquet")],
        ).fetchall()
    from eventwire.ingest import read_inputs
    from eventwire.model import Article

    articles = [a for a in read_inputs([str(corpus)]) if isinstance(a, Article)]
    single = sorted(e.event_id for c in coder.code(articles) for e in c.events)
    assert sorted(row[0] for row in rows) == single


def test_tasks_keep_the_order_and_cut_the_end_finer() -> None:
    from eventwire.scale import _SMALLEST_TASK, _tasks

    articles = list(range(1000))
    tasks = list(_tasks(iter(articles), 64, 2))  # type: ignore[arg-type]
    assert [a for task in tasks for a in task] == articles
    sizes = [len(task) for task in tasks]
    full = sizes.index(next(size for size in sizes if size < 64))
    assert full > 0 and set(sizes[:full]) == {64}
    tail = sizes[full:]
    assert tail == sorted(tail, reverse=True) and max(tail[-2:]) <= _SMALLEST_TASK
    assert [len(task) for task in _tasks(iter(range(5)), 64, 2)] == [5]  # type: ignore[arg-type]
    assert list(_tasks(iter([]), 64, 2)) == []
