"""A domestic minister speaks of his own country, a ruling party governs, and an
international agency's work is its sector. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.actors.resolve import resolve_mentions
from eventwire.model import Actor, Article
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder


def _actors(coder: Coder, text: str) -> dict[str, Actor]:
    [parsed] = parse_articles(coder.nlp, [Article(id="t", text=text)])
    return {m.actor.text: m.actor for m in resolve_mentions(parsed, coder.knowledge)}


def test_a_domestic_minister_speaks_of_his_own_country(coder: Coder) -> None:
    actors = _actors(coder, "Finance Minister Ana Quispe said Peru will cut spending next year.")
    assert actors["Finance Minister Ana Quispe"].code == "PERGOV"


@pytest.mark.parametrize(
    "text",
    [
        # A foreign minister speaks of other countries as often as of his own.
        "Foreign Minister Ana Quispe said Peru must withdraw its troops.",
        # Outside what is said, the state named is another party.
        "Finance Minister Ana Quispe met the Government of Peru.",
    ],
)
def test_no_country_guessed_from_another_party(coder: Coder, text: str) -> None:
    minister = text.split(" Quispe")[0] + " Quispe"
    assert _actors(coder, text)[minister].country is None


def test_a_ruling_party_governs(coder: Coder) -> None:
    actors = _actors(coder, "Chilean rebels attacked offices of the Chilean ruling party.")
    assert actors["the Chilean ruling party"].code == "CHLGOV"


@pytest.mark.parametrize(
    ("text", "phrase", "code", "sector"),
    [
        ("The UN refugee agency opened a camp.", "The UN refugee agency", "IGOUNOHCR", "REF"),
        ("The Red Cross sent doctors to the camp.", "The Red Cross", "NGOHLHIRC", "HLH"),
    ],
)
def test_an_agencys_work_is_its_sector(
    coder: Coder, text: str, phrase: str, code: str, sector: str
) -> None:
    actor = _actors(coder, text)[phrase]
    assert (actor.code, actor.sector) == (code, sector)


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # the state's name after a noun for a state
        ("The president of the Andean nation of Peru resigned.", "The president", "PERGOV"),
        # a state inside where something happens is no other party
        (
            "President Ana Quispe lifted a curfew in northern parts of Peru.",
            "President Ana Quispe",
            "PERGOV",
        ),
        ("After strikes across Peru, the government raised wages.", "the government", "PERGOV"),
    ],
)
def test_the_storys_one_country_through_places(
    coder: Coder, text: str, phrase: str, code: str
) -> None:
    assert _actors(coder, text)[phrase].code == code
