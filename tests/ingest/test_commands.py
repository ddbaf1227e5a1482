"""`eventwire extract` and the run summary of `eventwire code`."""

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "ap-venezuela-russia.txt"

ENGLISH = (
    "Headline: Chile thanks Peru\n\n"
    "LIMA, Peru (AP) — Chile's president thanked Peru on Monday for sending firefighters "
    "to help fight the forest fires near Valparaiso, the government said in a statement.\n"
)
GERMAN = (
    "Chile dankt Peru\n\n"
    "Der chilenische Präsident hat sich am Montag bei Peru für die Hilfe der Feuerwehrleute "
    "bedankt, die bei der Bekämpfung der Waldbrände in der Nähe von Valparaíso geholfen haben, "
    "teilte die Regierung in einer Erklärung mit.\n"
)


def test_extract_prints_one_cleaned_article_per_line() -> None:
    result = CliRunner().invoke(main, ["extract", str(FIXTURES / "feed.atom")])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.stdout.splitlines() if line.strip()]
    record = json.loads(line)
    assert set(record) == {
        "id", "title", "text", "date", "dateline", "byline", "url", "source",
        "language", "content_hash", "near_dup_key",
    }  # fmt: skip
    assert record["dateline"] == {
        "place": "Islamabad",
        "country": None,
        "agency": "Reuters",
        "date": "2024-03-04",
    }
    assert record["language"] == "en" and len(record["near_dup_key"]) == 16


def test_extract_seed_story() -> None:
    if not SEED.exists():
        import pytest

        pytest.skip("../shared is absent")
    result = CliRunner().invoke(main, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert "Oops" not in record["text"] and "Something went wrong" not in record["text"]
    assert record["title"] == "Venezuela's leader pledges military cooperation with Russia"
    assert (record["dateline"]["place"], record["dateline"]["country"]) == ("Caracas", "Venezuela")
    assert record["dateline"]["agency"] == "AP"


def test_extract_names_quarantined_inputs(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["extract", str(FIXTURES / "not-xml.rss"), str(FIXTURES / "feed.atom")]
    )
    assert result.exit_code == 0
    assert "not-xml.rss: not a valid RSS/Atom feed" in result.stderr
    assert "1 quarantined" in result.stderr


def test_code_summary_counts_every_story(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, "utf-8")
    (tmp_path / "b-copy.txt").write_text(ENGLISH, "utf-8")
    (tmp_path / "c-german.txt").write_text(GERMAN, "utf-8")
    (tmp_path / "d-binary.html").write_bytes(b"\x00\x01\x02binary" * 100)
    shutil.copy(FIXTURES / "not-xml.rss", tmp_path / "e-feed.rss")
    result = CliRunner().invoke(main, ["code", str(tmp_path), "--format", "none"])
    summary = result.stderr.strip().splitlines()[-1]
    assert "read 3, coded 1, skipped 1 (language: de 1), duplicate 1, quarantined 2" in summary
    assert "d-binary.html" in result.stderr and "binary" in result.stderr
    assert "c-german.txt" in result.stderr and "'de'" in result.stderr
    assert result.exit_code == 1  # some inputs could not be read
