"""Helpers shared by the command modules: dates, dictionary options, loading the coder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from eventwire.pipeline import Coder, CoderOptions

EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def parse_date_option(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from exc


def load_coder(
    date: dt.date | None,
    actors: Sequence[Path],
    agents: Sequence[Path],
    verbs: Sequence[Path],
    prefilter: bool = True,
    only_user_agents: bool = False,
) -> Coder:
    try:
        return Coder.load(
            CoderOptions(
                actor_dictionaries=tuple(actors),
                agent_dictionaries=tuple(agents),
                verb_files=tuple(verbs),
                default_date=date,
                prefilter=prefilter,
                only_user_agents=only_user_agents,
            )
        )
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


def parse_every_sentence_option(function: Any) -> Any:
    return click.option(
        "--parse-every-sentence", "parse_every_sentence", is_flag=True,
        help="Give every sentence the full parse (by default sentences with no actor, "
        "trigger, speech cue, pronoun or quote are left unparsed: the same events, faster).",
    )(function)  # fmt: skip


def only_user_agents_option(function: Any) -> Any:
    return click.option(
        "--only-user-agents", "only_user_agents", is_flag=True,
        help="Take role nouns (agents) from the --agents dictionaries only, none of "
        "eventwire's own.",
    )(function)  # fmt: skip


def dictionary_options(function: Any) -> Any:
    function = click.option(
        "--verbs", "verbs", multiple=True, type=EXISTING_FILE,
        help="A verb lexicon file (our YAML format) whose entries add to or override ours.",
    )(function)  # fmt: skip
    function = click.option(
        "--agents", "agents", multiple=True, type=EXISTING_FILE,
        help="A PETRARCH agents dictionary (role nouns to sector codes).",
    )(function)  # fmt: skip
    function = click.option(
        "--actors", "actors", multiple=True, type=EXISTING_FILE,
        help="A PETRARCH actors dictionary (names to actor codes).",
    )(function)  # fmt: skip
    return function
