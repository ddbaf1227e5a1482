"""`eventwire eval quad FILE [--spans NER_FILE]`: quad-class accuracy and span F1."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventwire.cli import common
from eventwire.cli.common import EXISTING_FILE, dictionary_options


@click.command("quad")
@click.argument("path", type=EXISTING_FILE)
@click.option(
    "--spans", type=EXISTING_FILE, default=None,
    help="A BIO file of source (S) and target (T) spans (cameo_ner_train.txt).",
)  # fmt: skip
@dictionary_options
def eval_quad(
    path: Path,
    spans: Path | None,
    actors: tuple[Path, ...],
    agents: tuple[Path, ...],
    verbs: tuple[Path, ...],
) -> None:
    """Score quad classes on a sentence<TAB>class file (cameo_class_train.tsv); print JSON."""
    from eventwire.eval.runner import run_quad_suite

    coder = common.load_coder(None, actors, agents, verbs)
    try:
        summary = run_quad_suite(path, coder, spans)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(summary, indent=2))
