"""A title word inside an organisation's name, an organisation's envoy posted to a
country, and people named only by what they do. Sentences written for these tests."""

from __future__ import annotations

from eventwire.actors.resolve import resolve_mentions
from eventwire.model import Actor, Article
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder


def _actors(coder: Coder, text: str) -> dict[str, Actor]:
    [parsed] = parse_articles(coder.nlp, [Article(id="t", text=text)])
    return {m.actor.text: m.actor for m in resolve_mentions(parsed, coder.knowledge)}


def test_a_title_opening_an_organisations_name_is_no_role(coder: Coder) -> None:
    actors = _actors(coder, "The General Confederation of Workers said it would strike.")
    assert all(actor.sector != "MIL" for actor in actors.values())
    titled = _actors(coder, "General Omar Haddad, the army chief, said troops would stay.")
    assert any(actor.sector == "MIL" for actor in titled.values())


def test_an_organisations_envoy_for_a_country_is_the_organisations(coder: Coder) -> None:
    actors = _actors(coder, "Both sides met the United Nations envoy for Peru on Monday.")
    assert actors["the United Nations envoy"].code.startswith("IGOUNO")


def test_drivers_of_a_nationality_are_its_civilians(coder: Coder) -> None:
    actors = _actors(coder, "Police detained three Kenyan truck drivers near the border.")
    assert actors["three Kenyan truck drivers"].code == "KENCVL"
