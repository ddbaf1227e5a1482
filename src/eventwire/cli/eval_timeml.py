"""`eventwire eval timeml DIR`: score date normalisation on TimeML gold."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("timeml")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--gold-spans-only", is_flag=True, help="Skip the end-to-end run (no tagging of raw text)."
)
def eval_timeml(path: Path, gold_spans_only: bool) -> None:
    """Score TIMEX3 values on a folder (or file) of TimeML `.tml` documents and print JSON:
    value accuracy with the gold spans (by type), and end to end (our tagger on the raw
    text) relaxed span F1 and value F1."""
    from eventwire.eval.timeml import parsed_readers, run_timeml_suite
    from eventwire.nlp import load_pipeline

    tagger, tense_reader = parsed_readers(load_pipeline())
    try:
        summary = run_timeml_suite(path, None if gold_spans_only else tagger, tense_reader)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(summary, indent=2))
