"""`eventwire eval plover FILE`: PLOVER type, mode, context and actor scores."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventwire.cli import common
from eventwire.cli.common import EXISTING_FILE, dictionary_options


@click.command("plover")
@click.argument("path", type=EXISTING_FILE)
@dictionary_options
def eval_plover(
    path: Path, actors: tuple[Path, ...], agents: tuple[Path, ...], verbs: tuple[Path, ...]
) -> None:
    """Score the coder on a PLOVER gold file (PLOVER_GSR_*.json) and print JSON."""
    from eventwire.eval.runner import run_plover_suite

    coder = common.load_coder(None, actors, agents, verbs)
    try:
        summary = run_plover_suite(path, coder)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(summary, indent=2))
