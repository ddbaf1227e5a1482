"""`eventwire serve`: its options, and a clear error before anything is served."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main


def test_serve_is_a_command_with_loopback_default() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--db" in result.output and "--token" in result.output
    assert "127.0.0.1" in result.output


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.duckdb"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing)])
    assert result.exit_code != 0
    assert "no such store" in result.output
    assert not missing.exists()


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("not a database", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--db", str(bogus)])
    assert result.exit_code != 0
    assert "not a DuckDB database" in result.output
