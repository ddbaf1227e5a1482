"""Actor resolution on sentences we wrote: countries, sectors, titles, people, organisations."""

from __future__ import annotations

import pytest

from eventwire.actors.resolve import resolve_mentions
from eventwire.model import Article
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder


def _codes(coder: Coder, text: str) -> dict[str, str]:
    [parsed] = parse_articles(coder.nlp, [Article(id="r", text=text)])
    return {m.actor.text: m.actor.code for m in resolve_mentions(parsed, coder.knowledge)}


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Peru's leader spoke.", "Peru's leader", "PERGOV"),
        ("Chilean troops crossed the border.", "Chilean troops", "CHLMIL"),
        ("Diplomats from the U.S. arrived.", "Diplomats", "USAGOV"),
        ("The Kremlin said nothing.", "The Kremlin", "RUSGOV"),
        ("NATO met in Brussels.", "NATO", "IGOWSTNAT"),
        ("Police arrested two men.", "Police", "COP"),
        ("Congolese soldiers fired.", "Congolese soldiers", "CODMIL"),
    ],
)
def test_phrases_resolve_to_codes(coder: Coder, text: str, phrase: str, code: str) -> None:
    assert _codes(coder, text).get(phrase) == code


def test_title_and_person_name(coder: Coder) -> None:
    [parsed] = parse_articles(
        coder.nlp, [Article(id="r", text="Peruvian President Ana Quispe met Chile's envoy.")]
    )
    mentions = resolve_mentions(parsed, coder.knowledge)
    quispe = next(m for m in mentions if m.actor.name == "Ana Quispe")
    assert quispe.actor.code == "PERGOV"
    assert quispe.actor.text == "Peruvian President Ana Quispe"


def test_unknown_person_is_not_coded(coder: Coder) -> None:
    assert _codes(coder, "John Smith waved.") == {}
