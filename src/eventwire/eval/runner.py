"""Runs a gold suite through the coder and scores it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.actors.petrarch import read_discard_list
from eventwire.eval.multicoder import load_multicoder, score_multicoder
from eventwire.eval.petrarch import load_validation_suite, petrarch_triples, score_records
from eventwire.eval.plover import load_plover_records, score_plover
from eventwire.eval.quad import load_quad_records, load_span_records, score_quad, score_spans
from eventwire.model import Article, Event
from eventwire.pipeline import Coder


def code_sentences(
    items: Iterable[tuple[str, str, dt.date | None]], coder: Coder, origin: str
) -> dict[str, list[Event]]:
    """Code each (id, text, date) as a one-sentence article; the events by id."""
    articles = [
        Article(id=item_id, text=text, date=date, input_name=f"{origin}#{item_id}")
        for item_id, text, date in items
    ]
    return {result.article.id: list(result.events) for result in coder.code(articles)}


def run_petrarch_suite(path: Path, coder: Coder) -> dict[str, Any]:
    """Code every record of a PETRARCH validation file as a one-sentence article and
    score it by PETRARCH's strict rule (see eval/petrarch.py). Records holding a phrase
    of the discard list the file's environment names are not coded, as in PETRARCH."""
    suite = load_validation_suite(path)
    discards = read_discard_list(suite.discard_file) if suite.discard_file else []
    to_code = [r for r in suite.records if not any(d.found_in(r.text) for d in discards)]
    events = code_sentences(((r.id, r.text, r.date) for r in to_code), coder, str(path))
    coded = {r.id: petrarch_triples(events.get(r.id, ()), r.require_dyad) for r in suite.records}
    summary = score_records(suite.records, coded)
    summary["suite"] = str(path)
    return summary


def run_plover_suite(path: Path, coder: Coder) -> dict[str, Any]:
    """Code every record of a PLOVER gold file and score type, mode, context and actors
    (see eval/plover.py)."""
    records = load_plover_records(path)
    coded = code_sentences(((r.id, r.text, None) for r in records), coder, str(path))
    summary = score_plover(records, coded)
    summary["suite"] = str(path)
    return summary


def run_quad_suite(path: Path, coder: Coder, spans: Path | None = None) -> dict[str, Any]:
    """Quad-class accuracy on a ConfliBERT class file and, given the BIO file, span F1."""
    records = load_quad_records(path)
    coded = code_sentences(((r.id, r.text, None) for r in records), coder, str(path))
    summary = score_quad(records, coded)
    summary["suite"] = str(path)
    if spans is not None:
        span_records = load_span_records(spans)
        span_coded = code_sentences(((r.id, r.text, None) for r in span_records), coder, str(spans))
        summary["spans"] = score_spans(span_records, span_coded)
        summary["spans"]["suite"] = str(spans)
    return summary


def run_multicoder_suite(folder: Path, coder: Coder) -> dict[str, Any]:
    """Our CAMEO root against the coders' majority, beside their own agreement."""
    sentences = load_multicoder(folder)
    coded = code_sentences(((s.id, s.text, None) for s in sentences), coder, str(folder))
    summary = score_multicoder(sentences, coded)
    summary["suite"] = str(folder)
    return summary
