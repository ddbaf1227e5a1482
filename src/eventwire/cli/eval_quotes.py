"""`eventwire eval quotes DIR`: quote extraction on PolNeAR, beside textacy's, as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventwire.cli import common
from eventwire.cli.common import dictionary_options


@click.command("quotes")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--limit", type=click.IntRange(min=1), default=None,
    help="Score only the first N documents (by name).",
)  # fmt: skip
@dictionary_options
def eval_quotes(
    directory: Path,
    limit: int | None,
    actors: tuple[Path, ...],
    agents: tuple[Path, ...],
    verbs: tuple[Path, ...],
) -> None:
    """Score direct and reported quotes on a PolNeAR folder (text/, attributions/); print JSON.

    textacy's direct_quotations runs on the same spaCy docs in the same run as the baseline.
    """
    from eventwire.eval.quotes import evaluate_quotes

    coder = common.load_coder(None, actors, agents, verbs)
    try:
        summary = evaluate_quotes(directory, coder, limit)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(summary, indent=2))
