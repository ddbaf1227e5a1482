"""`eventwire code` and `eventwire show`: code stories, print what is stored."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from eventwire.cli import common
from eventwire.cli.common import dictionary_options, parse_date_option
from eventwire.ingest import read_inputs
from eventwire.ingest.triage import RunTally, triage
from eventwire.report import format_event_table


@click.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--date",
    callback=parse_date_option,
    help="Publication date (YYYY-MM-DD) for stories that carry none; "
    "relative dates are resolved against it.",
)
@click.option("--format", "output_format", type=click.Choice(["jsonl", "table", "none"]),
              default="table", show_default=True, help="How to print the events.")  # fmt: skip
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              help="Store articles and events in this DuckDB file.")  # fmt: skip
@dictionary_options
def code_command(
    inputs: tuple[str, ...],
    date: dt.date | None,
    output_format: str,
    db: Path | None,
    actors: tuple[Path, ...],
    agents: tuple[Path, ...],
    verbs: tuple[Path, ...],
) -> None:
    """Code stories into events. INPUT is a text, HTML, JSONL, WARC or RSS/Atom file (or .gz of
    one), a folder, or - (stdin).

    Stories that cannot be read are quarantined (named on stderr with the reason);
    stories in a language other than English are skipped and counted; exact
    duplicates are coded once. The last line on stderr counts them all.
    """
    from eventwire.store.duckdb import EventStore, StoreError

    coder = common.load_coder(date, actors, agents, verbs)
    tally = RunTally()
    articles = triage(
        read_inputs(inputs, date), tally, lambda line: click.echo(f"eventwire: {line}", err=True)
    )

    try:
        store = EventStore(db) if db is not None else None
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    outcomes = {"stored": 0, "replaced": 0, "unchanged": 0}
    n_articles = n_events = 0
    try:
        for coded in coder.code(articles):
            n_articles += 1
            n_events += len(coded.events)
            if store is not None:
                outcomes[store.store(coded)] += 1
            records = [event.to_record() for event in coded.events]
            if output_format == "jsonl":
                for record in records:
                    click.echo(json.dumps(record, ensure_ascii=False))
            elif output_format == "table" and records:
                click.echo(format_event_table(records))
    finally:
        if store is not None:
            store.close()
    summary = f"eventwire: {tally.summary(n_articles)}; {n_events} event(s)"
    if db is not None:
        summary += (
            f"; {db}: {outcomes['stored']} stored, {outcomes['replaced']} replaced, "
            f"{outcomes['unchanged']} unchanged"
        )
    click.echo(summary, err=True)
    sys.exit(1 if tally.quarantined else 0)


@click.command("show")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--article", "article_id", help="Only this article's events.")
@click.option("--format", "output_format", type=click.Choice(["table", "jsonl"]), default="table")
def show_command(db: Path, article_id: str | None, output_format: str) -> None:
    """Print the events stored in a DuckDB file."""
    from eventwire.store.duckdb import EventStore, StoreError

    try:
        with EventStore(db) as store:
            records = store.events(article_id)
            counts = store.counts()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if output_format == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        click.echo(format_event_table(records))
    click.echo(f"{db}: {counts['articles']} article(s), {counts['events']} event(s)", err=True)
