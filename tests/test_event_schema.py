"""docs/event.schema.json describes the event record exactly as Event.to_record() makes it."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from eventwire.model import (
    Actor,
    DatePrecision,
    Event,
    Evidence,
    Place,
    Plover,
    Span,
    TimeRef,
)

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "docs" / "event.schema.json"
SENTENCE = "Venezuelan President Nicolas Maduro pledged military cooperation with Russia."


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def full_event() -> Event:
    """An event with every optional part filled in."""
    return Event(
        article_id="ap-venezuela-russia",
        sentence_id=3,
        sentence=SENTENCE,
        trigger=Span("pledged", 120, 127),
        source=Actor(
            "VENGOV", "VEN", "GOV", "Venezuelan President Nicolas Maduro", "Nicolas Maduro"
        ),
        target=Actor("RUS", "RUS", None, "Russia"),
        cameo="0312",
        cameo_label="Express intent to cooperate militarily",
        plover=Plover("AGREE", None, ("military",)),
        quad_class=1,
        goldstein=5.2,
        modality="intended",
        date="2022-02-16",
        date_precision="day",
        date_text="Wednesday",
        location=Place("Caracas", "VEN", 10.49, -66.88, 3646738, "city", "dateline"),
        confidence=0.87,
        quote_id="q1",
        coder="eventwire 0.1.0",
        evidence=Evidence(
            "0312:pledge+military cooperation", "pledge * military", "VENGOV -pledge-> RUS"
        ),
        time_refs=(TimeRef("Wednesday", dt.date(2022, 2, 16), "day"),),
    )


def bare_event() -> Event:
    """An event with every optional part left out: nulls where the record allows them."""
    return Event(
        article_id="a1",
        sentence_id=-1,
        sentence="Talks suspended",
        trigger=Span("suspended", 6, 15),
        source=None,
        target=None,
        cameo="16",
        cameo_label="Reduce relations",
        plover=Plover("REDUCE"),
        quad_class=4,
        goldstein=-4.0,
    )


def test_schema_accepts_a_full_record(validator: Draft202012Validator) -> None:
    validator.validate(full_event().to_record())


def test_schema_accepts_a_bare_record(validator: Draft202012Validator) -> None:
    validator.validate(bare_event().to_record())


@pytest.mark.parametrize(
    ("date", "precision"),
    [("2022-01", "month"), ("2018", "year"), ("201X", "decade"), (None, None)],
)
def test_schema_accepts_every_date_precision(
    validator: Draft202012Validator, date: str | None, precision: Any
) -> None:
    record = full_event().to_record()
    record["date"], record["date_precision"] = date, precision
    validator.validate(record)


def test_dates_from_time_refs_validate(validator: Draft202012Validator) -> None:
    """What the date stage writes (TimeRef.iso) is what the schema allows."""
    day = dt.date(2018, 12, 10)
    precisions: tuple[DatePrecision, ...] = ("day", "month", "year", "decade")
    for precision in precisions:
        ref = TimeRef("then", day, precision)
        record = full_event().to_record()
        record["date"], record["date_precision"] = ref.iso, precision
        validator.validate(record)


def test_schema_requires_exactly_the_record_keys(validator: Draft202012Validator) -> None:
    schema = validator.schema
    record = full_event().to_record()
    assert set(schema["required"]) == set(record)
    assert set(schema["properties"]) == set(record)
    actor = schema["$defs"]["actorOrNull"]
    assert set(actor["required"]) == set(record["source"])
    assert set(schema["properties"]["location"]["required"]) == set(record["location"])
    assert set(schema["properties"]["plover"]["required"]) == set(record["plover"])
    assert set(schema["properties"]["evidence"]["required"]) == set(record["evidence"])
    assert set(schema["properties"]["trigger"]["required"]) == set(record["trigger"])


def _broken(change: str) -> dict[str, Any]:
    record = copy.deepcopy(full_event().to_record())
    if change == "missing key":
        del record["quote_id"]
    elif change == "extra key":
        record["extra"] = 1
    elif change == "modality":
        record["modality"] = "rumoured"
    elif change == "precision":
        record["date_precision"] = "week"
    elif change == "date":
        record["date"] = "16/02/2022"
    elif change == "date month 13":
        record["date"] = "2022-13"
    elif change == "cameo letters":
        record["cameo"] = "03a"
    elif change == "cameo root 3":
        record["cameo"] = "312"
    elif change == "cameo too long":
        record["cameo"] = "03121"
    elif change == "quad_class":
        record["quad_class"] = 5
    elif change == "goldstein":
        record["goldstein"] = 10.5
    elif change == "confidence":
        record["confidence"] = 1.2
    elif change == "source lacks country":
        del record["source"]["country"]
    elif change == "target is a string":
        record["target"] = "RUS"
    elif change == "plover context not a list":
        record["plover"]["context"] = "military"
    elif change == "location precision":
        record["location"]["precision"] = "street"
    elif change == "location source":
        record["location"]["source"] = "guess"
    elif change == "evidence lacks clause":
        del record["evidence"]["clause"]
    elif change == "negated as string":
        record["negated"] = "false"
    elif change == "sentence_id as string":
        record["sentence_id"] = "3"
    else:  # pragma: no cover - a typo in the parameter list
        raise AssertionError(change)
    return record


@pytest.mark.parametrize(
    "change",
    [
        "missing key",
        "extra key",
        "modality",
        "precision",
        "date",
        "date month 13",
        "cameo letters",
        "cameo root 3",
        "cameo too long",
        "quad_class",
        "goldstein",
        "confidence",
        "source lacks country",
        "target is a string",
        "plover context not a list",
        "location precision",
        "location source",
        "evidence lacks clause",
        "negated as string",
        "sentence_id as string",
    ],
)
def test_schema_rejects_a_broken_record(validator: Draft202012Validator, change: str) -> None:
    assert not validator.is_valid(_broken(change))
