"""Exports: GDELT-style table, PLOVER JSONL, CSV and Parquet, all from the stored record."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.export import (
    FLAT_COLUMNS,
    GDELT_COLUMNS,
    write_csv,
    write_gdelt,
    write_parquet,
    write_plover,
)
from eventwire.model import Actor, Article, CodedArticle, Event, Place, Plover, Sentence, Span
from eventwire.store.duckdb import EventStore

VENGOV = Actor("VENGOV", "VEN", "GOV", "Venezuelan President Nicolas Maduro", "Nicolas Maduro")
RUS = Actor("RUS", "RUS", None, "Russia")
CARACAS = Place("Caracas", "VEN", 10.49, -66.88, 3646738, "city", "dateline")


def story(
    article_id: str, text: str, date: str | None, precision: str | None, outlet: str
) -> CodedArticle:
    word = text.split()[0]
    event = Event(
        article_id=article_id,
        sentence_id=0,
        sentence=text,
        trigger=Span(word, 0, len(word)),
        source=VENGOV,
        target=RUS,
        cameo="0312",
        cameo_label="Express intent to cooperate militarily",
        plover=Plover("AGREE", None, ("military",)),
        quad_class=1,
        goldstein=5.2,
        date=date,
        date_precision=precision,  # type: ignore[arg-type]
        location=CARACAS,
        confidence=0.87,
        coder="eventwire test",
    )
    article = Article(
        id=article_id, text=text, source=outlet, url=f"https://{outlet}.example/{article_id}"
    )
    return CodedArticle(article, (Sentence(article_id, 0, text, 0, len(text)),), (event,))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Two outlets report one pledge (one cluster); a month-dated call; an undated one."""
    path = tmp_path / "events.duckdb"
    with EventStore(path) as store:
        store.store_many(
            [
                story(
                    "ap",
                    "Maduro pledged military cooperation\twith Russia.",
                    "2022-02-16",
                    "day",
                    "ap",
                ),
                story("efe", "Maduro pledged cooperation with Russia.", "2022-02-16", "day", "efe"),
                story("call", "Maduro promised Putin help.", "2022-01", "month", "ap"),
                story("undated", "Maduro offered Russia bases.", None, None, "ap"),
            ]
        )
        store.refresh_clusters()
    return path


def gdelt_table(db: Path, **options: bool) -> list[list[str]]:
    out = io.StringIO()
    with EventStore(db) as store:
        write_gdelt(store.iter_stored_events(), out, **options)
    return [line.split("\t") for line in out.getvalue().splitlines()]


def test_gdelt_has_one_row_per_happening_with_its_counts(db: Path) -> None:
    header, *rows = gdelt_table(db)
    assert tuple(header) == GDELT_COLUMNS and len(header) == 61
    assert all(len(row) == 61 for row in rows)
    assert len(rows) == 3
    cells = [dict(zip(GDELT_COLUMNS, row, strict=True)) for row in rows]
    call, pledge, undated = cells
    assert (pledge["SQLDATE"], pledge["MonthYear"], pledge["Year"]) == (
        "20220216",
        "202202",
        "2022",
    )
    assert (pledge["NumMentions"], pledge["NumSources"], pledge["NumArticles"]) == ("2", "2", "2")
    assert (pledge["Actor1Code"], pledge["Actor1Name"], pledge["Actor1Type1Code"]) == (
        "VENGOV",
        "NICOLAS MADURO",
        "GOV",
    )
    assert (pledge["Actor2Code"], pledge["Actor2CountryCode"]) == ("RUS", "RUS")
    assert (pledge["EventCode"], pledge["EventBaseCode"], pledge["EventRootCode"]) == (
        "0312",
        "031",
        "03",
    )
    assert (pledge["QuadClass"], pledge["GoldsteinScale"], pledge["IsRootEvent"]) == (
        "1",
        "5.2",
        "1",
    )
    assert (pledge["ActionGeo_Type"], pledge["ActionGeo_FullName"]) == ("4", "Caracas")
    assert pledge["ActionGeo_FeatureID"] == "3646738"
    assert pledge["SOURCEURL"] == "https://ap.example/ap"
    assert len(pledge["DATEADDED"]) == 14
    # A month-precise date fills only MonthYear and Year; an undated event none.
    assert (call["SQLDATE"], call["MonthYear"], call["Year"]) == ("", "202201", "2022")
    assert (undated["SQLDATE"], undated["Year"]) == ("", "")


def test_gdelt_every_mention_and_no_header(db: Path) -> None:
    rows = gdelt_table(db, every_mention=True, header=False)
    assert len(rows) == 4
    assert rows[0][0] != "GLOBALEVENTID"


def test_gdelt_cells_hold_no_tabs_or_breaks(db: Path) -> None:
    _, *rows = gdelt_table(db, every_mention=True)
    assert all(len(row) == 61 for row in rows)


def test_plover_jsonl_is_derived_from_the_record(db: Path) -> None:
    out = io.StringIO()
    with EventStore(db) as store:
        records = {r["event_id"]: r for r in store.events()}
        assert write_plover(store.iter_stored_events(), out) == 4
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    for line in lines:
        record = records[line["id"]]
        assert line["event_type"] == record["plover"]["type"] == "AGREE"
        assert line["context"] == ["military"]
        assert line["actor"]["code"] == "VENGOV" and line["recipient"]["code"] == "RUS"
        assert line["text"] == record["sentence"]
        assert line["date"] == record["date"]
    assert {line["num_mentions"] for line in lines} == {1, 2}


def test_csv_round_trips_the_record(db: Path) -> None:
    out = io.StringIO()
    with EventStore(db) as store:
        records = store.events()
        assert write_csv(store.iter_stored_events(), out) == 4
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == FLAT_COLUMNS
    assert sorted(json.loads(row["record"])["event_id"] for row in rows) == sorted(
        r["event_id"] for r in records
    )
    first = rows[0]
    assert (first["cameo_root"], first["plover_context"], first["negated"]) == (
        "03",
        "military",
        "false",
    )
    assert rows[-1]["date"] == ""  # undated comes last, empty not "None"


def test_parquet_is_partitioned_by_date(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "parquet"
    with EventStore(db) as store:
        assert write_parquet(store.iter_stored_events(), folder) == 4
    assert sorted(p.name for p in folder.iterdir()) == [
        "month=2022-01",
        "month=2022-02",
        "month=undated",
    ]
    table = ds.dataset(folder, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 4
    rows = table.to_pylist()
    dated = [r for r in rows if r["month"] == "2022-02"]
    assert {r["date_start"] for r in dated} == {dt.date(2022, 2, 16)}
    assert {r["num_mentions"] for r in dated} == {2}
    assert all(json.loads(r["record"])["event_id"] == r["event_id"] for r in rows)
    with EventStore(db) as store, pytest.raises(ValueError, match="not an empty directory"):
        write_parquet(store.iter_stored_events(), folder)


def test_cli_exports_within_dates_to_a_file(db: Path, tmp_path: Path) -> None:
    output = tmp_path / "events.jsonl"
    result = CliRunner().invoke(
        main,
        ["export", "--db", str(db), "--format", "plover", "--since", "2022-02-01",
         "--until", "2022-02-28", "--output", str(output)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = output.read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["article_id"] for line in lines) == ["ap", "efe"]
    assert "exported 2 plover row(s)" in result.stderr


def test_cli_gdelt_to_stdout_and_parquet_by_day(db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "gdelt"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("GLOBALEVENTID\tSQLDATE")
    folder = tmp_path / "by-day"
    result = CliRunner().invoke(
        main,
        ["export", "--db", str(db), "--format", "parquet", "--output", str(folder),
         "--partition", "day", "--refresh-clusters"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "day=2022-02-16" in {p.name for p in folder.iterdir()}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", "parquet"], "give --output FOLDER"),
        (["--format", "csv", "--since", "2022-03-01", "--until", "2022-02-01"], "is after"),
        (["--format", "csv", "--since", "16/02/2022"], "not a date"),
        (["--format", "xml"], "'xml' is not one of"),
    ],
)
def test_cli_refuses_bad_requests(db: Path, arguments: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(db), *arguments])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_names_a_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "none.duckdb"
    result = CliRunner().invoke(main, ["export", "--db", str(missing), "--format", "csv"])
    assert result.exit_code == 2
    assert "no such store file" in result.output
    assert not missing.exists()
