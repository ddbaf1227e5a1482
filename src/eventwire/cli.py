"""The command line: a thin face over the pipeline, the store and the evaluators."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from eventwire import __version__
from eventwire.ingest import read_inputs
from eventwire.model import Article, InputProblem
from eventwire.pipeline import Coder, CoderOptions
from eventwire.report import format_event_table

_existing_file = click.Path(exists=True, dir_okay=False, path_type=Path)


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from exc


def _coder(
    date: dt.date | None,
    actors: Sequence[Path],
    agents: Sequence[Path],
    verbs: Sequence[Path],
) -> Coder:
    try:
        return Coder.load(
            CoderOptions(
                actor_dictionaries=tuple(actors),
                agent_dictionaries=tuple(agents),
                verb_files=tuple(verbs),
                default_date=date,
            )
        )
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


def _dictionary_options(function: Any) -> Any:
    function = click.option(
        "--verbs", "verbs", multiple=True, type=_existing_file,
        help="A verb lexicon file (our YAML format) whose entries add to or override ours.",
    )(function)  # fmt: skip
    function = click.option(
        "--agents", "agents", multiple=True, type=_existing_file,
        help="A PETRARCH agents dictionary (role nouns to sector codes).",
    )(function)  # fmt: skip
    function = click.option(
        "--actors", "actors", multiple=True, type=_existing_file,
        help="A PETRARCH actors dictionary (names to actor codes).",
    )(function)  # fmt: skip
    return function


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
def main() -> None:
    """eventwire: news stories in, political event data (CAMEO, PLOVER) out."""


@main.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--date", callback=_parse_date, help="Publication date (YYYY-MM-DD) for stories "
              "that carry none; relative dates are resolved against it.")  # fmt: skip
@click.option("--format", "output_format", type=click.Choice(["jsonl", "table", "none"]),
              default="table", show_default=True, help="How to print the events.")  # fmt: skip
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              help="Store articles and events in this DuckDB file.")  # fmt: skip
@_dictionary_options
def code_command(
    inputs: tuple[str, ...],
    date: dt.date | None,
    output_format: str,
    db: Path | None,
    actors: tuple[Path, ...],
    agents: tuple[Path, ...],
    verbs: tuple[Path, ...],
) -> None:
    """Code stories into events. INPUT is a text, HTML or JSONL file, a folder, or - (stdin)."""
    from eventwire.store.duckdb import EventStore, StoreError

    coder = _coder(date, actors, agents, verbs)
    problems: list[InputProblem] = []

    def articles() -> Iterator[Article]:
        for item in read_inputs(inputs, date):
            if isinstance(item, InputProblem):
                problems.append(item)
                click.echo(f"eventwire: {item}", err=True)
            else:
                yield item

    try:
        store = EventStore(db) if db is not None else None
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    outcomes = {"stored": 0, "replaced": 0, "unchanged": 0}
    n_articles = n_events = 0
    try:
        for coded in coder.code(articles()):
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
    summary = f"eventwire: coded {n_articles} article(s), {n_events} event(s)"
    if problems:
        summary += f"; {len(problems)} input(s) failed"
    if db is not None:
        summary += (
            f"; {db}: {outcomes['stored']} stored, {outcomes['replaced']} replaced, "
            f"{outcomes['unchanged']} unchanged"
        )
    click.echo(summary, err=True)
    sys.exit(1 if problems else 0)


@main.command("show")
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


@main.group("eval")
def eval_group() -> None:
    """Score the coder against gold-standard suites."""


@eval_group.command("petrarch")
@click.argument("path", type=_existing_file)
@_dictionary_options
def eval_petrarch(
    path: Path, actors: tuple[Path, ...], agents: tuple[Path, ...], verbs: tuple[Path, ...]
) -> None:
    """Run a PETRARCH validation file (XML records) and print the scores as JSON."""
    from eventwire.eval.runner import run_petrarch_suite

    coder = _coder(None, actors, agents, verbs)
    try:
        summary = run_petrarch_suite(path, coder)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(summary, indent=2))
