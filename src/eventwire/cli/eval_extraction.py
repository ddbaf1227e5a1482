"""`eventwire eval extraction DIR`: our extraction and bare trafilatura's, scored side by side."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("extraction")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N pages.")
def eval_extraction(folder: Path, limit: int | None) -> None:
    """Score extraction on a trafilatura-eval FOLDER (evaldata.json and html/) and print JSON.

    For ours and for bare `trafilatura.extract`, in the same run: must_have_recall
    (higher is better), must_not_leak (share of boilerplate segments that leaked
    into the text; lower is better), title_accuracy, date_accuracy; and pages/s.
    """
    from eventwire.eval.extraction import evaluate_extraction

    try:
        summary = evaluate_extraction(folder, limit)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
