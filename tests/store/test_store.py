"""The event store on DuckDB and PostgreSQL: idempotent, transactional, records intact."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from eventwire.model import (
    Actor,
    Article,
    CodedArticle,
    Dateline,
    Event,
    Place,
    Plover,
    Quote,
    Sentence,
    Span,
)
from eventwire.store import BaseEventStore, StoreError, open_store
from eventwire.store.duckdb import EventStore

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "event.schema.json"
CODER = "eventwire test"

VEN = Actor("VENGOV", "VEN", "GOV", "Venezuelan President Nicolas Maduro", "Nicolas Maduro")
RUS = Actor("RUS", "RUS", None, "Russia")
USA = Actor("USAGOV", "USA", "GOV", "the U.S. State Department")


def coded_article(
    article_id: str,
    sentences: Sequence[str],
    *,
    coder: str = CODER,
    title: str | None = "A story",
) -> CodedArticle:
    """An article of the given sentences; sentence i holds one event on its first word.

    Every other event is dated and located, the rest carry nulls, so both shapes
    of the record go through the store.
    """
    text = " ".join(sentences)
    parts: list[Sentence] = []
    events: list[Event] = []
    start = 0
    for index, sentence_text in enumerate(sentences):
        end = start + len(sentence_text)
        parts.append(Sentence(article_id, index, sentence_text, start, end))
        word = sentence_text.split()[0]
        full = index % 2 == 0
        events.append(
            Event(
                article_id=article_id,
                sentence_id=index,
                sentence=sentence_text,
                trigger=Span(word, start, start + len(word)),
                source=VEN if full else None,
                target=RUS if full else None,
                cameo="0312" if full else "051",
                cameo_label="Express intent to cooperate militarily" if full else "Praise",
                plover=Plover("AGREE", None, ("military",)) if full else Plover("CONSULT"),
                quad_class=1,
                goldstein=5.2 if full else 3.4,
                date="2022-02-16" if full else None,
                date_precision="day" if full else None,
                date_text="Wednesday" if full else None,
                location=(
                    Place("Caracas", "VEN", 10.49, -66.88, 3646738, "city", "dateline")
                    if full
                    else None
                ),
                confidence=0.87,
                coder=coder,
            )
        )
        start = end + 1
    article = Article(
        id=article_id,
        text=text,
        title=title,
        date=dt.date(2022, 2, 16),
        url=f"https://example.org/{article_id}",
        source="AP",
        dateline=Dateline("CARACAS, Venezuela (AP) —", "Caracas", "VEN", "AP"),
        input_name=f"{article_id}.txt",
    )
    quote = Quote("q0", article_id, 0, sentences[0], 0, len(sentences[0]), "said", USA, "direct")
    return CodedArticle(article, tuple(parts), tuple(events), (quote,))


def one() -> CodedArticle:
    return coded_article("a1", ["Maduro pledged help.", "Borisov met Maduro.", "They talked."])


def two() -> CodedArticle:
    return coded_article("a2", ["Ryabkov declined to confirm.", "Washington dismissed it."])


def table_rows(db: str | Path, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Read the tables behind a closed store directly."""
    with open_store(db) as store:
        return store.query(sql, params)


def decoded(value: Any) -> Any:
    """A JSON column's value: text on DuckDB, parsed on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else value


def test_store_counts_articles_and_events(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        assert store.counts() == {"articles": 0, "events": 0}
        assert store.store(one()) == "stored"
        assert store.store(two()) == "stored"
        assert store.counts() == {"articles": 2, "events": 5}
        assert store.article_ids() == ["a1", "a2"]


def test_storing_the_same_article_again_changes_nothing(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        store.store(one())
        before = store.events()
    (coded_at,) = table_rows(store_db, "SELECT coded_at FROM articles")[0]
    with open_store(store_db) as store:
        assert store.store(one()) == "unchanged"
        assert store.events() == before
        assert store.counts() == {"articles": 1, "events": 3}
    assert table_rows(store_db, "SELECT coded_at FROM articles") == [(coded_at,)]


def test_whitespace_only_changes_are_unchanged(store_db: str | Path) -> None:
    first = one()
    respaced = CodedArticle(
        Article(id="a1", text="  " + first.article.text.replace(" ", "\n  "), title="A story"),
        first.sentences,
        first.events,
        first.quotes,
    )
    with open_store(store_db) as store:
        store.store(first)
        assert store.store(respaced) == "unchanged"


def test_changed_text_replaces_the_article_and_leaves_the_other_alone(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        store.store(one())
        store.store(two())
        other_before = store.events("a2")
        changed = coded_article("a1", ["Maduro thanked Putin.", "Putin called."])
        assert store.store(changed) == "replaced"
        assert store.counts() == {"articles": 2, "events": 4}
        assert store.events("a1") == [event.to_record() for event in changed.events]
        assert store.events("a2") == other_before
    assert table_rows(
        store_db, "SELECT sentence_id, text FROM sentences WHERE article_id = 'a1' ORDER BY 1"
    ) == [(0, "Maduro thanked Putin."), (1, "Putin called.")]
    assert table_rows(store_db, "SELECT text FROM articles WHERE article_id = 'a1'") == [
        ("Maduro thanked Putin. Putin called.",)
    ]


def test_a_new_coder_replaces_the_same_text(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        store.store(one())
        assert store.store(coded_article("a1", [s.text for s in one().sentences], coder="v2")) == (
            "replaced"
        )
        assert {event["coder"] for event in store.events()} == {"v2"}
    assert table_rows(store_db, "SELECT coder FROM articles") == [("v2",)]


def test_store_many_counts_outcomes(store_db: str | Path) -> None:
    changed = coded_article("a1", ["Maduro thanked Putin."])
    with open_store(store_db) as store:
        assert store.store_many([one(), two()]) == {"stored": 2, "replaced": 0, "unchanged": 0}
        assert store.store_many(iter([changed, two()])) == {
            "stored": 0,
            "replaced": 1,
            "unchanged": 1,
        }


def test_events_are_schema_valid_records_in_order(store_db: str | Path) -> None:
    validator = Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    with open_store(store_db) as store:
        store.store(two())
        store.store(one())
        records = store.events()
    assert records
    for record in records:
        validator.validate(record)
    keys = [(r["article_id"], r["sentence_id"], r["trigger"]["start"]) for r in records]
    assert keys == sorted(keys)
    assert records[:3] == [event.to_record() for event in one().events]


def test_event_columns_are_copied_from_the_record(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        store.store(one())
    rows = table_rows(
        store_db,
        "SELECT cameo, cameo_root, source_country, target_country, date, location_name, lat,"
        " trigger_start, record FROM events ORDER BY sentence_id",
    )
    cameo, root, source, target, date, place, lat, trigger_start, record = rows[0]
    assert (cameo, root, source, target, date, place, lat, trigger_start) == (
        "0312",
        "03",
        "VEN",
        "RUS",
        "2022-02-16",
        "Caracas",
        10.49,
        0,
    )
    assert decoded(record) == one().events[0].to_record()
    assert rows[1][:6] == ("051", "05", None, None, None, None)


def test_article_sentence_and_quote_rows(store_db: str | Path) -> None:
    coded = one()
    with open_store(store_db) as store:
        store.store(coded)
    assert table_rows(
        store_db,
        "SELECT content_hash, title, date, source, input_name, dateline_place,"
        " dateline_country, coder FROM articles",
    ) == [
        (
            coded.article.content_hash,
            "A story",
            dt.date(2022, 2, 16),
            "AP",
            "a1.txt",
            "Caracas",
            "VEN",
            CODER,
        )
    ]
    assert table_rows(store_db, "SELECT count(*) FROM sentences") == [(3,)]
    assert table_rows(store_db, "SELECT quote_id, speaker_code, kind FROM quotes") == [
        ("q0", "USAGOV", "direct")
    ]


def test_duplicate_event_ids_keep_the_first(store_db: str | Path) -> None:
    coded = one()
    first = coded.events[0]
    # Same id (same article, sentence, trigger start, dyad, code), different details.
    twin = Event(**{**{f: getattr(first, f) for f in first.__dataclass_fields__}, "goldstein": 9.0})
    assert twin.event_id == first.event_id
    doubled = CodedArticle(coded.article, coded.sentences, (first, twin, *coded.events[1:]))
    with open_store(store_db) as store:
        assert store.store(doubled) == "stored"
        records = store.events("a1")
    assert len(records) == 3
    assert records[0]["goldstein"] == first.goldstein


def test_an_event_of_another_article_is_refused(store_db: str | Path) -> None:
    coded = one()
    stray = CodedArticle(coded.article, coded.sentences, (*coded.events, two().events[0]))
    with open_store(store_db) as store:
        with pytest.raises(StoreError, match=r"a1\.txt.*belongs to article 'a2'"):
            store.store(stray)
        assert store.counts() == {"articles": 0, "events": 0}


def test_a_text_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 20, encoding="utf-8")
    with pytest.raises(StoreError, match="not a DuckDB database file") as raised:
        EventStore(path)
    assert str(path) in str(raised.value)
    assert isinstance(raised.value, ValueError)
    assert path.read_text(encoding="utf-8") == "not a database\n" * 20


def test_a_directory_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory") as raised:
        EventStore(tmp_path)
    assert str(tmp_path) in str(raised.value)


def test_reopening_keeps_data_and_does_not_rerun_migrations(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        store.store(one())
        migrations = len(store.MIGRATIONS)
        assert store.schema_version() == migrations
    applied = table_rows(store_db, "SELECT version, applied_at FROM schema_migrations ORDER BY 1")
    assert [version for version, _ in applied] == list(range(1, migrations + 1))
    with open_store(store_db) as store:
        assert store.counts() == {"articles": 1, "events": 3}
        assert store.events() == [event.to_record() for event in one().events]
    assert (
        table_rows(store_db, "SELECT version, applied_at FROM schema_migrations ORDER BY 1")
        == applied
    )


def test_a_newer_schema_is_refused(store_db: str | Path) -> None:
    with open_store(store_db) as store:
        store._execute(
            "INSERT INTO schema_migrations VALUES (?, ?)",
            [len(store.MIGRATIONS) + 1, dt.datetime(2030, 1, 1)],
        )
    with pytest.raises(StoreError, match="newer"):
        open_store(store_db)


def test_a_failure_mid_write_keeps_the_stored_version(
    store_db: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_db) as store:
        store.store(one())
        store.store(two())
        before = store.events()
        original = BaseEventStore._insert_rows

        def fail_on_events(
            self: BaseEventStore, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
        ) -> None:
            # By now the old rows are deleted, the article row updated, sentences inserted.
            if table == "events":
                raise RuntimeError("killed mid-write")
            original(self, table, columns, rows)

        monkeypatch.setattr(BaseEventStore, "_insert_rows", fail_on_events)
        with pytest.raises(RuntimeError, match="killed mid-write"):
            store.store(coded_article("a1", ["Maduro thanked Putin."]))
        with pytest.raises(RuntimeError, match="killed mid-write"):
            store.store(coded_article("a3", ["Putin called."]))
        monkeypatch.undo()

        assert store.events() == before
        assert store.article_ids() == ["a1", "a2"]
        assert store.counts() == {"articles": 2, "events": 5}
        # The store is still usable, and the earlier version is what "unchanged" compares with.
        assert store.store(one()) == "unchanged"
        assert store.store(coded_article("a3", ["Putin called."])) == "stored"
    assert table_rows(store_db, "SELECT count(*) FROM sentences WHERE article_id = 'a1'") == [(3,)]
    assert table_rows(store_db, "SELECT text FROM articles WHERE article_id = 'a1'") == [
        (one().article.text,)
    ]


def test_a_closed_store_says_so(store_db: str | Path) -> None:
    store = open_store(store_db)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()
