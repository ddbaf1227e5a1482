"""`eventwire ingest`: code a corpus into the store, with progress, resumably."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

import click

from eventwire.cli.common import (
    dictionary_options,
    only_user_agents_option,
    parse_date_option,
    parse_every_sentence_option,
)
from eventwire.model import InputProblem
from eventwire.pipeline import CoderOptions
from eventwire.scale import (
    RunCounts,
    RunOptions,
    code_corpus,
    code_corpus_dask,
    estimate_story_count,
)


class _Progress:
    """One status line on stderr: rewritten in place on a terminal, every few
    seconds otherwise (so logs stay readable)."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, counts: RunCounts) -> None:
        now = time.monotonic()
        if now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        click.echo(("\r" if self.tty else "") + self.line(counts), err=True, nl=not self.tty)

    def line(self, counts: RunCounts) -> str:
        rate = counts.rate()
        tally = counts.tally
        done = counts.coded + counts.unchanged + tally.duplicates + tally.skipped
        text = (
            f"{counts.coded} coded ({rate:.1f}/s), {counts.events} events, "
            f"{counts.unchanged} already stored, {tally.duplicates} duplicates, "
            f"{tally.skipped} other language, {len(tally.quarantined)} quarantined"
        )
        if self.total:
            left = max(self.total - done, 0)
            eta = f", ETA {dt.timedelta(seconds=int(left / rate))}" if rate > 0 else ""
            text = f"{done}/{self.total} " + text + eta
        return text


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", help="The store: a DuckDB file or a postgresql:// URL.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes, each with its own model.")  # fmt: skip
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address (default: a LocalCluster).")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path),
              help="Parquet folder for --engine dask (partitioned by date).")  # fmt: skip
@click.option("--date", callback=parse_date_option, help="Date for stories that carry none.")
@dictionary_options
@parse_every_sentence_option
@only_user_agents_option
def ingest_command(
    inputs: tuple[str, ...],
    db: str | None,
    workers: int,
    engine: str,
    scheduler: str | None,
    output: Path | None,
    date: dt.date | None,
    actors: tuple[Path, ...],
    agents: tuple[Path, ...],
    verbs: tuple[Path, ...],
    parse_every_sentence: bool,
    only_user_agents: bool,
) -> None:
    """Code a corpus (folders, JSONL, HTML, text) into the store. Rerun it after an
    interruption: what is stored is skipped, nothing is lost or duplicated."""
    options = CoderOptions(
        actor_dictionaries=actors,
        agent_dictionaries=agents,
        verb_files=verbs,
        default_date=date,
        prefilter=not parse_every_sentence,
        only_user_agents=only_user_agents,
    )
    if engine == "dask":
        if output is None:
            raise click.UsageError("--engine dask writes Parquet: give --output FOLDER")
        counts = code_corpus_dask(list(inputs), output, options, scheduler, workers=max(workers, 2))
        click.echo(json.dumps(counts.as_dict()), err=True)
        return
    if db is None:
        raise click.UsageError("give --db PATH (or --engine dask --output FOLDER)")
    from eventwire import CODER
    from eventwire.store import StoreError, open_store

    problems: list[InputProblem] = []

    def report(problem: InputProblem) -> None:
        problems.append(problem)
        click.echo(f"eventwire: quarantined {problem}", err=True)

    progress = _Progress(estimate_story_count(list(inputs)))
    try:
        store = open_store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    with store:
        run_id = store.start_run(" ".join(["eventwire", *sys.argv[1:]]), CODER)
        try:
            counts = code_corpus(
                list(inputs), store, options, RunOptions(workers=workers), progress, report
            )
        except BaseException:
            # Killed or failed: what is stored stays (one transaction per article);
            # the run is marked so a rerun is known to be a resume.
            store.quarantine(problems, run_id)
            store.finish_run(run_id, {"articles": 0}, status="failed")
            raise
        store.quarantine(problems, run_id)
        clusters = store.refresh_clusters()
        summary = {**counts.as_dict(), "clusters": clusters["clusters"]}
        store.finish_run(run_id, summary, status="finished")
    if progress.tty:
        click.echo("", err=True)
    click.echo(f"eventwire: {progress.line(counts)}", err=True)
    click.echo(json.dumps(counts.as_dict()), err=True)
    sys.exit(1 if problems else 0)
