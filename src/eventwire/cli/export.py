"""`eventwire export`: the stored events as a GDELT-style table, PLOVER JSONL, CSV or Parquet."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO, cast

import click

from eventwire.cli.common import parse_date_option


@click.command("export")
@click.option("--db", required=True, help="The store: a DuckDB file or a postgresql:// URL.")
@click.option(
    "--format",
    "export_format",
    required=True,
    type=click.Choice(["gdelt", "plover", "parquet", "csv"]),
    help="gdelt: GDELT 2.0-style event table (TSV, one row per happening); "
    "plover: PLOVER JSONL; csv: one row per event; parquet: a folder "
    "partitioned by date.",
)
@click.option(
    "--since",
    callback=parse_date_option,
    help="Only events dated (their period's first day) on or after YYYY-MM-DD.",
)
@click.option(
    "--until",
    callback=parse_date_option,
    help="Only events dated (their period's first day) on or before YYYY-MM-DD.",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    help="File to write (default: standard output); parquet: a new folder.",
)
@click.option(
    "--partition",
    type=click.Choice(["day", "month", "year"]),
    default="month",
    show_default=True,
    help="Parquet partitions: event day, month or year.",
)
@click.option(
    "--every-mention", is_flag=True, help="gdelt: a row for every event, not one per cluster."
)
@click.option(
    "--refresh-clusters",
    is_flag=True,
    help="Recompute the event clusters (deduplication) before exporting.",
)
def export_command(
    db: str,
    export_format: str,
    since: dt.date | None,
    until: dt.date | None,
    output: Path | None,
    partition: str,
    every_mention: bool,
    refresh_clusters: bool,
) -> None:
    """Export the stored events; every format is derived from the event record."""
    from eventwire import export
    from eventwire.store import StoreError, open_store
    from eventwire.store.postgres import is_postgres_url

    if since is not None and until is not None and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}", param_hint="--since")
    if not is_postgres_url(db) and not Path(db).is_file():
        raise click.BadParameter(f"{db}: no such store file", param_hint="--db")
    if export_format == "parquet" and output is None:
        raise click.UsageError("--format parquet writes a folder: give --output FOLDER")
    try:
        with open_store(db) as store:
            if refresh_clusters:
                store.refresh_clusters()
            events = store.iter_stored_events(since, until)
            if export_format == "parquet":
                assert output is not None
                by = cast(export.Partition, partition)
                written = export.write_parquet(events, output, partition=by)
            else:
                with _text_output(output) as out:
                    if export_format == "gdelt":
                        written = export.write_gdelt(events, out, every_mention=every_mention)
                    elif export_format == "plover":
                        written = export.write_plover(events, out)
                    else:
                        written = export.write_csv(events, out)
    except (StoreError, ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    where = str(output) if output is not None else "standard output"
    click.echo(f"eventwire: exported {written} {export_format} row(s) to {where}", err=True)


@contextlib.contextmanager
def _text_output(output: Path | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8", newline="") as handle:
        yield handle
