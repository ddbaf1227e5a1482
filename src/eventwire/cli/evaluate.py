"""`eventwire eval ...`: score the coder against gold-standard suites."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventwire.cli import common
from eventwire.cli.common import EXISTING_FILE, dictionary_options, only_user_agents_option


@click.group("eval")
def eval_group() -> None:
    """Score the coder against gold-standard suites."""


@eval_group.command("petrarch")
@click.argument("path", type=EXISTING_FILE)
@dictionary_options
@only_user_agents_option
def eval_petrarch(
    path: Path,
    actors: tuple[Path, ...],
    agents: tuple[Path, ...],
    verbs: tuple[Path, ...],
    only_user_agents: bool,
) -> None:
    """Run a PETRARCH validation file (its XML records, or a .jsonl copy) and print the
    scores as JSON."""
    from eventwire.eval.runner import run_petrarch_suite

    coder = common.load_coder(None, actors, agents, verbs, only_user_agents=only_user_agents)
    try:
        summary = run_petrarch_suite(path, coder)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(summary, indent=2))


# Evaluators in their own modules register here, one line each:
from eventwire.cli.eval_extraction import eval_extraction  # noqa: E402
from eventwire.cli.eval_geo import eval_geo  # noqa: E402
from eventwire.cli.eval_multicoder import eval_multicoder  # noqa: E402
from eventwire.cli.eval_plover import eval_plover  # noqa: E402
from eventwire.cli.eval_quad import eval_quad  # noqa: E402
from eventwire.cli.eval_quotes import eval_quotes  # noqa: E402
from eventwire.cli.eval_timeml import eval_timeml  # noqa: E402

eval_group.add_command(eval_plover)
eval_group.add_command(eval_quad)
eval_group.add_command(eval_multicoder)
eval_group.add_command(eval_extraction)
eval_group.add_command(eval_quotes)
eval_group.add_command(eval_timeml)
eval_group.add_command(eval_geo)
