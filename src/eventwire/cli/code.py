"""`eventwire code` and `eventwire show`: code stories, print what is stored."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from eventwire.cli import common
from eventwire.cli.common import (
    dictionary_options,
    only_user_agents_option,
    parse_date_option,
    parse_every_sentence_option,
)
from eventwire.ingest import read_inputs
from eventwire.ingest.triage import RunTally, triage
from eventwire.model import CodedArticle
from eventwire.report import format_event_table, format_quote_table


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
@click.option("--emit", type=click.Choice(["events", "quotes", "all"]), default="events",
              show_default=True, help="What to print: events, quotes, or both (jsonl: each "
              "line has a \"type\" key when both).")  # fmt: skip
@click.option("--db", help="Store articles, events and quotes here: a DuckDB file or a "
              "postgresql:// URL.")  # fmt: skip
@dictionary_options
@parse_every_sentence_option
@only_user_agents_option
def code_command(
    inputs: tuple[str, ...],
    date: dt.date | None,
    output_format: str,
    emit: str,
    db: str | None,
    actors: tuple[Path, ...],
    agents: tuple[Path, ...],
    verbs: tuple[Path, ...],
    parse_every_sentence: bool,
    only_user_agents: bool,
) -> None:
    """Code stories into events. INPUT is a text, HTML, JSONL, WARC or RSS/Atom file (or .gz of
    one), a folder, or - (stdin).

    Stories that cannot be read are quarantined (named on stderr with the reason);
    stories in a language other than English are skipped and counted; exact
    duplicates are coded once. The last line on stderr counts them all.
    """
    from eventwire import CODER
    from eventwire.store import StoreError, open_store
    from eventwire.store.actor_memory import StoredActorMemory

    coder = common.load_coder(
        date,
        actors,
        agents,
        verbs,
        prefilter=not parse_every_sentence,
        only_user_agents=only_user_agents,
    )
    tally = RunTally()
    articles = triage(
        read_inputs(inputs, date), tally, lambda line: click.echo(f"eventwire: {line}", err=True)
    )
    try:
        store = open_store(db) if db is not None else None
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    run_id = store.start_run(" ".join(["eventwire", *sys.argv[1:]]), CODER) if store else None
    # With a store, people earlier runs learned are recalled and this run's are kept.
    memory = StoredActorMemory.open(store) if store is not None else None
    outcomes = {"stored": 0, "replaced": 0, "unchanged": 0}
    n_articles = n_events = 0
    status = "failed"
    pending: list[CodedArticle] = []

    def flush() -> None:
        # Stored in batches (one transaction each): far cheaper than one by one,
        # and a killed run still leaves only whole articles.
        if store is not None and pending:
            for outcome, count in store.store_many(pending, batch_size=len(pending)).items():
                outcomes[outcome] += count
        pending.clear()

    try:
        for coded in coder.code(articles, memory):
            n_articles += 1
            n_events += len(coded.events)
            pending.append(coded)
            if len(pending) >= 32:
                flush()
            _print(coded, output_format, emit)
        flush()
        status = "finished"
    finally:
        if store is not None and run_id is not None:
            # Stored articles stay whatever happens; the run records how it ended.
            store.quarantine(tally.quarantined, run_id)
            if status == "finished":
                store.refresh_clusters()
            counts = {"articles": n_articles, "events": n_events, **outcomes}
            store.finish_run(run_id, counts, status=status)  # type: ignore[arg-type]
            store.close()
    summary = f"eventwire: {tally.summary(n_articles)}; {n_events} event(s)"
    if db is not None:
        summary += (
            f"; {db}: {outcomes['stored']} stored, {outcomes['replaced']} replaced, "
            f"{outcomes['unchanged']} unchanged"
        )
    click.echo(summary, err=True)
    sys.exit(1 if tally.quarantined else 0)


def _print(coded: CodedArticle, output_format: str, emit: str) -> None:
    events = [event.to_record() for event in coded.events] if emit != "quotes" else []
    quotes = [quote.to_record() for quote in coded.quotes] if emit != "events" else []
    if output_format == "jsonl":
        tagged = emit == "all"
        for kind, records in (("event", events), ("quote", quotes)):
            for record in records:
                line = {"type": kind, **record} if tagged else record
                click.echo(json.dumps(line, ensure_ascii=False))
    elif output_format == "table":
        if events:
            click.echo(format_event_table(events))
        if quotes:
            click.echo(format_quote_table(quotes))


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
