"""Runs a gold suite through the coder and scores it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.eval.petrarch import Triple, load_validation_records, score_records
from eventwire.model import Article
from eventwire.pipeline import Coder


def run_petrarch_suite(path: Path, coder: Coder) -> dict[str, Any]:
    """Code every record of a PETRARCH validation file as a one-sentence article and
    score it by PETRARCH's strict rule (see eval/petrarch.py)."""
    records = load_validation_records(path)
    articles = [
        Article(id=record.id, text=record.text, date=record.date, input_name=f"{path}#{record.id}")
        for record in records
    ]
    coded: dict[str, list[Triple]] = {}
    for result in coder.code(articles):
        coded[result.article.id] = [
            (event.source.code, event.target.code, event.cameo)
            for event in result.events
            if event.source is not None and event.target is not None
        ]
    summary = score_records(records, coded)
    summary["suite"] = str(path)
    return summary
