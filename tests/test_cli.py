"""The CLI as a user runs it: exit codes, errors on stderr, the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.pipeline import Coder
from eventwire.store.duckdb import EventStore

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "stories"


@pytest.fixture(autouse=True)
def _share_coder(monkeypatch: pytest.MonkeyPatch, coder: Coder) -> None:
    # Load the model once for the whole session, not once per command.
    monkeypatch.setattr("eventwire.cli.common.load_coder", lambda *args, **kwargs: coder)


def _run(args: list[str], stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, args, input=stdin)


def test_stdin_jsonl_article_id() -> None:
    line = json.dumps({"id": "s1", "text": "Peru and Chile signed a trade agreement on Monday."})
    result = _run(["code", "-", "--format", "jsonl"], stdin=line)
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert records and {r["article_id"] for r in records} == {"s1"}


def test_bad_inputs_are_reported_and_the_rest_coded(tmp_path: Path) -> None:
    binary = tmp_path / "junk.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    latin = tmp_path / "latin.txt"  # not UTF-8: detected and decoded, then coded
    latin.write_bytes("Peru praised Chile's caf\u00e9 owners.".encode("latin-1"))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "fine", "text": "Peru praised Chile."}\n{oops\n', "utf-8")
    db = tmp_path / "store.duckdb"
    args = ["code", str(binary), str(empty), str(latin), str(broken), str(tmp_path / "missing.txt")]
    result = _run([*args, str(FIXTURES / "lima-cooperation.txt"), "--db", str(db)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("eventwire: ")]
    assert f"eventwire: {binary}: binary data, not text" in errors
    assert any(str(empty) in e and "empty" in e for e in errors)
    assert not any(str(latin) in e for e in errors)
    assert any(f"{broken}:2" in e and "malformed JSON" in e for e in errors)
    assert any("missing.txt" in e and "no such file" in e for e in errors)
    assert "quarantined 4" in result.stderr
    with EventStore(db) as store:
        assert store.article_ids() == ["fine", "latin", "lima-cooperation"]


def test_recoding_is_idempotent_and_replaces_changed_stories(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Peru praised Chile on Monday.", "utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Chile criticized Peru.", "utf-8")
    db = tmp_path / "store.duckdb"
    assert _run(["code", str(story), str(other), "--db", str(db)]).exit_code == 0
    with EventStore(db) as store:
        before = store.events()
    again = _run(["code", str(story), "--db", str(db)])
    assert "0 stored, 0 replaced, 1 unchanged" in again.stderr
    story.write_text("Peru attacked Chile on Monday.", "utf-8")
    changed = _run(["code", str(story), "--db", str(db)])
    assert "0 stored, 1 replaced, 0 unchanged" in changed.stderr
    with EventStore(db) as store:
        after = store.events()
    assert [e["cameo"] for e in after if e["article_id"] == "story"] == ["190"]
    assert [e for e in after if e["article_id"] == "other"] == [
        e for e in before if e["article_id"] == "other"
    ]


def test_show_prints_stored_events(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    _run(["code", str(FIXTURES / "lima-cooperation.txt"), "--date", "2024-05-08", "--db", str(db)])
    result = _run(["show", "--db", str(db)])
    assert result.exit_code == 0
    assert "0312" in result.stdout and "PERGOV" in result.stdout


def test_bad_date_is_a_usage_error() -> None:
    result = _run(["code", "-", "--date", "16/02/2022"], stdin="Peru praised Chile.")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / "notes.txt"
    fake.write_text("hello", "utf-8")
    result = _run(["code", "-", "--db", str(fake)], stdin="Peru praised Chile.")
    assert result.exit_code == 1
    assert str(fake) in result.output
