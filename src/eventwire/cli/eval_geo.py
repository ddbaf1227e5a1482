"""`eventwire eval geo FILE`: score toponym resolution on TR-News / GeoVirus XML gold."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("geo")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--adjectives/--no-adjectives",
    default=None,
    help='Count country adjectives ("Turkish") as toponyms in recognition '
    "(default: when the gold annotates any).",
)
def eval_geo(path: Path, adjectives: bool | None) -> None:
    """Score toponyms in a TR-News or GeoVirus XML file and print JSON: accuracy within
    161 km and median error with the gold spans, the same-place accuracy, and
    recognition precision/recall of our toponym finder."""
    from eventwire.eval.geo import load_geo_gold, recogniser_over, score_geo
    from eventwire.nlp import load_pipeline
    from eventwire.where.gazetteer import load_gazetteer

    try:
        articles = load_geo_gold(path)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    gazetteer = load_gazetteer()
    if adjectives is None:
        adjectives = any(
            gazetteer.adjective(t.text) is not None and not gazetteer.lookup(t.text)
            for article in articles
            for t in article.toponyms
        )
    recogniser = recogniser_over(load_pipeline(), gazetteer, adjectives)
    summary = score_geo(articles, gazetteer, recogniser)
    summary["suite"] = str(path)
    summary["recognition_counts_adjectives"] = adjectives
    click.echo(json.dumps(summary, indent=2))
