"""Batches, runs, quarantine, learned actors, clusters and reading by date, on both backends."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire.model import (
    Actor,
    Article,
    CodedArticle,
    Event,
    InputProblem,
    Place,
    Plover,
    Sentence,
    Span,
)
from eventwire.store import BaseEventStore, StoreError, open_store
from eventwire.store.duckdb import MIGRATIONS as DUCKDB_MIGRATIONS
from eventwire.store.duckdb import EventStore
from eventwire.store.postgres import MIGRATIONS as POSTGRES_MIGRATIONS
from eventwire.store.records import LearnedActor
from eventwire.store.rows import ARTICLE_COLUMNS, article_rows

PERU = Actor("PERGOV", "PER", "GOV", "Peruvian President Ana Quispe", "Ana Quispe", "knowledge")
QUISPE_AGAIN = Actor("PERGOV", "PER", "GOV", "Quispe", "Ana Quispe", "learned")
BRAZIL = Actor("BRA", "BRA", None, "Brazil")
LIMA = Place("Lima", "PER", -12.04, -77.03, 3936456, "city", "dateline")


def article(
    article_id: str,
    *,
    date: str | None = "2024-05-07",
    precision: str | None = "day",
    source: Actor = PERU,
    text: str = "Quispe pledged cooperation with Brazil.",
    outlet: str | None = "AP",
    near_dup_key: str | None = None,
) -> CodedArticle:
    """A one-sentence article with one event (PERGOV -> BRA, 0312) on its first word."""
    word = text.split()[0]
    event = Event(
        article_id=article_id,
        sentence_id=0,
        sentence=text,
        trigger=Span(word, 0, len(word)),
        source=source,
        target=BRAZIL,
        cameo="0312",
        cameo_label="Express intent to cooperate militarily",
        plover=Plover("AGREE"),
        quad_class=1,
        goldstein=5.2,
        date=date,
        date_precision=precision,  # type: ignore[arg-type]
        location=LIMA,
        confidence=0.8,
        coder="eventwire test",
    )
    return CodedArticle(
        Article(
            id=article_id,
            text=text,
            date=dt.date(2024, 5, 8),
            source=outlet,
            url=f"https://news.example/{article_id}",
            near_dup_key=near_dup_key,
        ),
        (Sentence(article_id, 0, text, 0, len(text)),),
        (event,),
    )


def test_a_batch_is_one_transaction_with_per_article_outcomes(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        assert store.store_batch([article("a"), article("b")]) == ["stored", "stored"]
        changed = article("b", text="Quispe thanked Brazil.")
        assert store.store_batch([article("a"), changed, article("c")]) == [
            "unchanged",
            "replaced",
            "stored",
        ]
        assert store.counts() == {"articles": 3, "events": 3}
        assert store.events("b")[0]["sentence"] == "Quispe thanked Brazil."
        assert store.store_batch([]) == []


def test_an_article_stored_as_its_rows_is_stored_as_the_article(store_db: str | Path) -> None:
    """What a worker process sends back (rows.article_rows) stores the same rows."""
    article_columns = ", ".join(c for c in ARTICLE_COLUMNS if c != "coded_at")
    queries = [f"SELECT {article_columns} FROM articles"] + [
        f"SELECT * FROM {table}" for table in ("sentences", "events", "quotes", "learned_actors")
    ]
    with open_store(store_db) as store:
        assert store.store_batch([article("a")]) == ["stored"]
        expected = [store.query(sql) for sql in queries]
        store._delete_articles(["a"])
        rows = article_rows(article("a"))
        assert rows.events_coded == 1
        assert store.store_many([rows]) == {"stored": 1, "replaced": 0, "unchanged": 0}
        assert [store.query(sql) for sql in queries] == expected
        # compared with what is stored as the article itself would be
        assert store.store_batch([article("a")]) == ["unchanged"]
        changed = article_rows(article("a", text="Quispe met Brazil."))
        assert store.store_batch([changed]) == ["replaced"]


def test_a_repeated_id_in_one_batch_is_refused(store_db: str | Path) -> None:
    with open_store(store_db) as store, pytest.raises(StoreError, match="'a' appears twice"):
        store.store_batch([article("a"), article("a")])


def test_store_many_batches_and_compares_repeats_in_order(store_db: str | Path) -> None:
    items = [article(f"s{i}") for i in range(7)] + [article("s1", text="Quispe met Brazil.")]
    with open_store(store_db) as store:
        assert store.store_many(items, batch_size=3) == {"stored": 7, "replaced": 1, "unchanged": 0}
        assert store.counts() == {"articles": 7, "events": 7}


def test_a_failed_batch_leaves_none_of_its_articles(
    store_db: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = BaseEventStore._insert_rows

    def fail_on_events_table(self: BaseEventStore, table: str, *args: Any) -> None:
        if table == "events":
            raise RuntimeError("killed mid-batch")
        original(self, table, *args)

    with open_store(store_db) as store:
        store.store(article("a"))
        monkeypatch.setattr(BaseEventStore, "_insert_rows", fail_on_events_table)
        with pytest.raises(RuntimeError, match="killed mid-batch"):
            store.store_batch([article("a", text="Quispe met Brazil."), article("b")])
        monkeypatch.undo()
        assert store.article_ids() == ["a"]
        assert store.events("a")[0]["sentence"] == "Quispe pledged cooperation with Brazil."
        assert store.query("SELECT count(*) FROM sentences") == [(1,)]


def test_runs_record_command_coder_counts_and_quarantine(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        run_id = store.start_run("eventwire code stories/", "eventwire 0.1.0")
        (running,) = store.runs()
        assert (running.run_id, running.status, running.finished_at) == (run_id, "running", None)
        problems = [
            InputProblem("stories/blob.bin", "binary data, not text"),
            InputProblem("stories/empty.txt", "empty file"),
        ]
        assert store.quarantine(problems, run_id) == 2
        store.quarantine([InputProblem("other.txt", "invalid UTF-8")])
        run = store.finish_run(run_id, {"articles": 5, "events": 9})
    assert run.status == "finished"
    assert run.command == "eventwire code stories/"
    assert run.coder == "eventwire 0.1.0"
    assert run.counts == {"articles": 5, "events": 9, "quarantined": 2}
    assert run.finished_at is not None and run.finished_at >= run.started_at
    with open_store(store_db) as store:
        kept = store.quarantined(run_id)
        assert [(q.input_name, q.reason, q.run_id) for q in kept] == [
            ("stories/blob.bin", "binary data, not text", run_id),
            ("stories/empty.txt", "empty file", run_id),
        ]
        assert len(store.quarantined()) == 3
        with pytest.raises(StoreError, match="no run 'nope'"):
            store.finish_run("nope", {})


def test_learned_actors_come_from_named_people_coded_from_the_text(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        store.store(article("first"))
        store.store(article("second", source=QUISPE_AGAIN, text="Quispe thanked Brazil."))
        learned = store.learned_actors()
        assert learned == [
            LearnedActor("Ana Quispe", "PERGOV", "PER", "GOV", "first", dt.date(2024, 5, 8))
        ]
        extra = LearnedActor("Luiz Silva", "BRAGOV", "BRA", "GOV", "second", None)
        assert store.record_learned_actors([extra, learned[0]]) == 1
        assert [a.name for a in store.learned_actors()] == ["Ana Quispe", "Luiz Silva"]
        # Replacing an article replaces what was learned from it.
        store.store(article("first", source=BRAZIL, text="Brazil pledged cooperation."))
        assert [a.name for a in store.learned_actors()] == ["Luiz Silva"]


def test_clusters_count_mentions_sources_and_articles(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        store.store_many(
            [
                article("ap", outlet="AP"),
                article("reuters", outlet="Reuters", date="2024-05-08"),
                article("ap-copy", outlet="AP"),
                article("later", date="2024-05-20"),
            ]
        )
        assert store.refresh_clusters() == {"events": 4, "clusters": 2}
        big, small = store.clusters()
        assert (big["num_mentions"], big["num_sources"], big["num_articles"]) == (3, 2, 3)
        assert (small["num_mentions"], small["date_first"]) == (1, "2024-05-20")
        assert big["representative_article_id"] == "ap"
        exported = {e.record["article_id"]: e.cluster for e in store.iter_stored_events()}
        assert exported["reuters"] is not None and not exported["reuters"].representative
        assert exported["ap"] is not None and exported["ap"].representative
        assert exported["ap"].num_sources == 2
        # Refreshing again gives the same clusters, not twice as many rows.
        store.refresh_clusters()
        assert store.query("SELECT count(*) FROM event_clusters") == [(4,)]


def test_events_stream_by_period_start_within_bounds(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        store.store_many(
            [
                article("day", date="2024-05-07"),
                article("month", date="2024-04", precision="month"),
                article("year", date="2023", precision="year"),
                article("undated", date=None, precision=None),
            ]
        )
        everything = [e.record["article_id"] for e in store.iter_stored_events(batch_size=2)]
        assert everything == ["year", "month", "day", "undated"]
        since = [e.record["article_id"] for e in store.iter_stored_events(dt.date(2024, 4, 1))]
        assert since == ["month", "day"]
        until = store.iter_stored_events(until=dt.date(2024, 4, 30))
        assert [e.record["article_id"] for e in until] == ["year", "month"]
        (stored,) = store.iter_stored_events(dt.date(2024, 5, 7), dt.date(2024, 5, 7))
        assert stored.article_url == "https://news.example/day"
        assert stored.article_source == "AP"
        assert stored.cluster is None


def test_query_takes_parameters_not_text(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        store.store(article("a"))
        hostile = "a' OR '1'='1"
        assert store.query("SELECT count(*) FROM events WHERE article_id = ?", [hostile]) == [(0,)]
        assert store.query("SELECT count(*) FROM events WHERE article_id = ?", ["a"]) == [(1,)]
        assert store.query("SELECT count(*) FROM events WHERE cameo LIKE ?", ["03%"]) == [(1,)]
        with pytest.raises(StoreError, match="query failed"):
            store.query("SELECT no_such_column FROM events")


def test_both_backends_have_the_same_tables_and_columns(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        columns = store.query(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() ORDER BY table_name, column_name"
        )
    tables = {table for table, _ in columns}
    assert {"articles", "sentences", "events", "quotes", "learned_actors", "runs"} <= tables
    assert {"quarantine", "clusters", "event_clusters", "schema_migrations"} <= tables
    assert ("events", "date_start") in columns
    # One migration list per dialect, version for version.
    assert len(DUCKDB_MIGRATIONS) == len(POSTGRES_MIGRATIONS)


def test_a_version_one_duckdb_file_is_migrated_with_its_dates(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)"
    )
    con.execute(DUCKDB_MIGRATIONS[0])
    con.execute("INSERT INTO schema_migrations VALUES (1, now())")
    con.execute(
        "INSERT INTO events (event_id, article_id, date, record) VALUES"
        " ('d', 'a', '2022-02-16', '{}'), ('m', 'a', '2022-02', '{}'),"
        " ('y', 'a', '2019', '{}'), ('x', 'a', '201X', '{}'), ('n', 'a', NULL, '{}')"
    )
    con.close()
    with EventStore(path) as store:
        assert store.schema_version() == len(DUCKDB_MIGRATIONS)
        assert store.query("SELECT event_id, date_start FROM events ORDER BY event_id") == [
            ("d", dt.date(2022, 2, 16)),
            ("m", dt.date(2022, 2, 1)),
            ("n", None),
            ("x", dt.date(2010, 1, 1)),
            ("y", dt.date(2019, 1, 1)),
        ]


def test_open_store_picks_the_backend_and_names_an_unreachable_server(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.duckdb") as store:
        assert store.dialect == "duckdb"
    with open_store(str(tmp_path / "y.duckdb")) as store:
        assert store.dialect == "duckdb"
    url = "postgresql://nobody:secret@127.0.0.1:1/none"
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as raised:
        open_store(url)
    assert "127.0.0.1:1/none" in str(raised.value)
    assert "secret" not in str(raised.value)
