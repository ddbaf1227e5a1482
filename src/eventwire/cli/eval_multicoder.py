"""`eventwire eval multicoder FOLDER`: our CAMEO root against several human coders."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventwire.cli import common
from eventwire.cli.common import dictionary_options


@click.command("multicoder")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@dictionary_options
def eval_multicoder(
    folder: Path, actors: tuple[Path, ...], agents: tuple[Path, ...], verbs: tuple[Path, ...]
) -> None:
    """Score roots on a folder of round*_summary*.csv files and print JSON."""
    from eventwire.eval.runner import run_multicoder_suite

    coder = common.load_coder(None, actors, agents, verbs)
    try:
        summary = run_multicoder_suite(folder, coder)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(summary, indent=2))
