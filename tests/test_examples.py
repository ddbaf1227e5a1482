"""Every bundled example story is coded, and every event matches the record schema."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from eventwire.ingest import read_inputs
from eventwire.model import Article
from eventwire.pipeline import Coder

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
MANIFEST = list(csv.DictReader((EXAMPLES / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads((ROOT / "docs" / "event.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


@pytest.mark.parametrize("row", MANIFEST, ids=[row["file"] for row in MANIFEST])
def test_example_story_gives_valid_events(
    row: dict[str, str], coder: Coder, validator: Draft202012Validator
) -> None:
    date = dt.date.fromisoformat(row["date"])
    [article] = read_inputs([str(EXAMPLES / row["file"])], date)
    assert isinstance(article, Article), article
    coded = coder.code_one(article)
    assert coded.events, f"no events from {row['file']}"
    for event in coded.events:
        record = event.to_record()
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (record, errors)
        assert not any(w in record["sentence"] for w in ("Oops", "Advertisement", "Cookie"))


def test_jsonl_examples_carry_their_ids(coder: Coder, validator: Draft202012Validator) -> None:
    articles = list(read_inputs([str(EXAMPLES / "articles.jsonl")]))
    assert all(isinstance(a, Article) for a in articles)
    events = [e for coded in coder.code(a for a in articles if isinstance(a, Article))
              for e in coded.events]  # fmt: skip
    assert {e.article_id for e in events} <= {a.id for a in articles if isinstance(a, Article)}
    for event in events:
        assert not list(validator.iter_errors(event.to_record()))
