"""Actor memory kept in the store: a person one run titled is recognised by name in a
later run against the same DuckDB file (`eventwire code --db`, `eventwire ingest --db`)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.actors.memory import LearnedActor
from eventwire.cli import main
from eventwire.store import records as R
from eventwire.store.actor_memory import StoredActorMemory
from eventwire.store.duckdb import EventStore

# Our own stories: the first titles the minister in a sentence with no event, so the
# lesson can only come from the resolver's memory; the second names him alone.
FIRST = "Peruvian Energy Minister Luis Ortega Vidal, 54, was born in Arequipa.\n"
SECOND = "Ortega Vidal criticised Chile on Tuesday.\n"


def _code(path: Path, date: str, db: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(
        main, ["code", str(path), "--date", date, "--db", str(db), "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_code_runs_share_what_they_learn(tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    _code(first, "2021-03-01", db)
    with EventStore(db) as store:
        [lesson] = [a for a in store.learned_actors() if a.name == "Luis Ortega Vidal"]
    assert (lesson.code, lesson.article_id, lesson.learned_on) == (
        "PERGOV",
        "first",
        dt.date(2021, 3, 1),
    )
    [event] = _code(second, "2021-05-01", db)
    source = event["source"]
    assert isinstance(source, dict)
    assert (source["code"], source["name"], source["resolved_by"]) == (
        "PERGOV",
        "Luis Ortega Vidal",
        "learned",
    )


def test_without_the_store_the_second_run_knows_nobody(tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text(SECOND, encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(second), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert all(r["source"] is None or r["source"]["code"] != "PERGOV" for r in records)


def test_ingest_runs_share_what_they_learn(tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    for name, text, date in (("one", FIRST, "2021-03-01"), ("two", SECOND, "2021-05-01")):
        corpus = tmp_path / f"{name}.jsonl"
        article = {"id": name, "text": text, "date": date}
        corpus.write_text(json.dumps(article) + "\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db)])
        assert result.exit_code == 0, result.output
    with EventStore(db) as store:
        [event] = store.events("two")
    assert event["source"]["code"] == "PERGOV"
    assert event["source"]["resolved_by"] == "learned"


def test_lessons_are_recalled_at_once_and_read_back_from_the_store(tmp_path: Path) -> None:
    lesson = LearnedActor("Ana Quispe", "PERGOV", "PER", "GOV", "a", dt.date(2024, 5, 8))
    with EventStore(tmp_path / "m.duckdb") as store:
        memory = StoredActorMemory.open(store)
        memory.learn(lesson)
        assert memory.recall("Quispe", dt.date(2024, 6, 1)) == lesson  # at once, in the run
        assert store.learned_actors() == []  # written only with the article that taught it
        store.record_learned_actors([_row(lesson)])
        again = StoredActorMemory.open(store)
        assert again.recall("Ana Quispe", dt.date(2024, 6, 1)) == lesson
        # Lessons further than the memory's reach from the asking story are not used.
        assert again.recall("Ana Quispe", dt.date(2030, 1, 1)) is None


def test_a_killed_run_keeps_each_stored_story_with_its_lessons(tmp_path: Path) -> None:
    # The lessons travel on the CodedArticle and are written in its transaction.
    db = tmp_path / "corpus.duckdb"
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps({"id": "one", "text": FIRST, "date": "2021-03-01"}) + "\n")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with EventStore(db) as store:
        taught = {(row.name, row.code, row.article_id) for row in store.learned_actors()}
    assert ("Luis Ortega Vidal", "PERGOV", "one") in taught


def test_worker_processes_recall_what_the_store_learned(tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    first = tmp_path / "one.jsonl"
    first.write_text(json.dumps({"id": "one", "text": FIRST, "date": "2021-03-01"}) + "\n")
    second = tmp_path / "two.jsonl"
    texts = [SECOND, SECOND.replace("Chile", "Bolivia")]  # not duplicates of each other
    lines = [{"id": f"two-{i}", "text": t, "date": "2021-05-01"} for i, t in enumerate(texts)]
    second.write_text("".join(json.dumps(line) + "\n" for line in lines))
    for corpus, workers in ((first, "1"), (second, "2")):
        result = CliRunner().invoke(
            main, ["ingest", str(corpus), "--db", str(db), "--workers", workers]
        )
        assert result.exit_code == 0, result.output
    with EventStore(db) as store:
        sources = [e["source"]["code"] for e in store.events() if e["article_id"] != "one"]
    assert sources == ["PERGOV", "PERGOV"]


def test_one_lesson_kept_per_name_code_and_day(tmp_path: Path) -> None:
    day = dt.date(2024, 5, 8)
    with EventStore(tmp_path / "m.duckdb") as store:
        stories = ("a", "b", "c")
        lessons = [LearnedActor("Ana Quispe", "PERGOV", "PER", "GOV", s, day) for s in stories]
        assert store.record_learned_actors([_row(lesson) for lesson in lessons]) == 3
        again = StoredActorMemory.open(store)
        assert [lesson.article_id for lesson in again.lessons()] == ["a"]


def _row(lesson: LearnedActor) -> R.LearnedActor:
    return R.LearnedActor(
        lesson.name, lesson.code, lesson.country, lesson.sector, lesson.article_id, lesson.date
    )
