"""Capitals by their part in the sentence, countries misspelt, titles held in a party,
and nationalities listed before a shared role. Every sentence is our own."""

from __future__ import annotations

import pytest

from eventwire.actors.resolve import resolve_mentions
from eventwire.actors.spelling import SpellingIndex, one_edit_apart
from eventwire.model import Actor, Article
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder


def _actors(coder: Coder, text: str) -> dict[str, Actor]:
    [parsed] = parse_articles(coder.nlp, [Article(id="p", text=text)])
    return {m.actor.text: m.actor for m in resolve_mentions(parsed, coder.knowledge)}


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # acting or acted on: the government
        ("Nairobi rejected the request on Tuesday.", "Nairobi", "KENGOV"),
        ("The senators urged a prompt reply by Nairobi to the note.", "Nairobi", "KENGOV"),
        ("The minister said Ottawa would answer soon.", "Ottawa", "CANGOV"),
        # anywhere else: the country, a place
        ("The army imposed a curfew in Nairobi after the riots.", "Nairobi", "KEN"),
        ("The envoy flew from Nairobi to Addis Ababa.", "Nairobi", "KEN"),
    ],
)
def test_a_capital_by_its_part(coder: Coder, text: str, phrase: str, code: str) -> None:
    assert _actors(coder, text)[phrase].code == code


@pytest.mark.parametrize(
    ("word", "name", "apart"),
    [
        ("Phillippines", "Philippines", True),  # a letter added
        ("Ethopia", "Ethiopia", True),  # a letter dropped
        ("Ugamda", "Uganda", True),  # a letter changed
        ("Kenay", "Kenya", True),  # two swapped
        ("Uganda", "Uganda", False),  # spelt right
        ("Austria", "Australia", False),  # two apart
    ],
)
def test_one_edit_apart(word: str, name: str, apart: bool) -> None:
    assert one_edit_apart(word, name) is apart


def test_spelling_index_keeps_the_ends_and_the_length() -> None:
    index = SpellingIndex.of(
        [("Philippines", "PHL"), ("France", "FRA"), ("India", "IND"), ("Sudan", "SDN")]
    )
    assert index.country("Phillippines") == ("Philippines", "PHL")
    assert index.country("Frances") is None  # the end differs: a person's name
    assert index.country("Indiana") is None  # so does this one: a state
    assert index.country("Susan") is None  # five letters are left alone
    assert index.country("Philippines") is None  # no misspelling


def test_a_misspelt_country_is_still_the_country(coder: Coder) -> None:
    found = _actors(coder, "The Phillippines military shelled the camp on Monday.")
    assert found["The Phillippines military"].code == "PHLMIL"
    found = _actors(coder, "Ugamda's foreign minister arrived on Monday.")
    assert found["Ugamda's foreign minister"].code == "UGAGOV"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Chad reopened its border to UN peackeepers on Monday.", "UN peackeepers", "IGOUNOMIL"),
        ("The goverment of Peru rejected the plan.", "The goverment", "PERGOV"),
    ],
)
def test_a_misspelt_role_is_still_the_role(coder: Coder, text: str, phrase: str, code: str) -> None:
    assert _actors(coder, text)[phrase].code == code


def test_a_name_near_a_role_is_not_it(coder: Coder) -> None:
    # "Goverment" as a capitalised name (a place, a person) is left alone; short words
    # one edit from a role ("protests" / "protest") are never tried.
    found = _actors(coder, "Protests spread as Anna Goverment spoke in Lima.")
    assert all(actor.sector != "GOV" for actor in found.values())


def test_a_longer_name_near_a_country_is_not_it(coder: Coder) -> None:
    found = _actors(coder, "Students at Columbia University marched on Monday.")
    assert all(actor.country != "COL" for actor in found.values())


def test_columbia_is_colombia_only_beside_it(coder: Coder) -> None:
    found = _actors(coder, "Columbia and Venezuela signed the pact; Colombia's senate agreed.")
    assert found["Columbia"].code == "COL"
    found = _actors(coder, "The mayor of Columbia met the governor.")
    assert all(actor.country != "COL" for actor in found.values())


def test_a_leaders_title_in_a_party_is_the_partys(coder: Coder) -> None:
    found = _actors(coder, "Ruritanian protesters rallied against the party's leader on Monday.")
    assert found["the party's leader"].sector == "PTY"


def test_a_nationality_before_a_shared_role(coder: Coder) -> None:
    found = _actors(coder, "Police beat dozens of Sierra Leonean and Liberian refugees.")
    assert found["Sierra Leonean"].code == "SLEREF"
    assert found["Liberian refugees"].code == "LBRREF"
    found = _actors(coder, "Palestinians and Israeli soldiers clashed at the gate.")
    assert found["Palestinians"].code == "PSE"  # two groups, not one role


@pytest.mark.parametrize(
    ("text", "phrase", "code", "sector"),
    [
        (
            "The Security Council voted to extend the mission.",
            "The Security Council",
            "IGOUNO",
            "GOV",
        ),
        (
            "The U.N. General Assembly adopted the text.",
            "The U.N. General Assembly",
            "IGOUNO",
            "LEG",
        ),
        (
            "The European Parliament rejected the budget.",
            "The European Parliament",
            "IGOEUREEC",
            "LEG",
        ),
        ("The UN sent food to the region.", "The UN", "IGOUNO", None),
    ],
)
def test_a_body_of_an_organisation_has_its_role(
    coder: Coder, text: str, phrase: str, code: str, sector: str | None
) -> None:
    actor = _actors(coder, text)[phrase]
    assert (actor.code, actor.sector) == (code, sector)


def test_the_uns_chief_is_its_government(coder: Coder) -> None:
    found = _actors(coder, "U.N. Secretary-General Ana Quispe urged calm on Monday.")
    actor = found["U.N. Secretary-General Ana Quispe"]
    assert (actor.code, actor.sector, actor.name) == ("IGOUNO", "GOV", "Ana Quispe")


def test_a_town_named_by_its_country_is_its_people(coder: Coder) -> None:
    found = _actors(coder, "Rebels shelled the Peruvian town of Ayacucho on Sunday.")
    assert found["the Peruvian town"].code == "PERCVL"
    found = _actors(coder, "Troops entered the Bolivian province of Oruro.")
    assert found["the Bolivian province"].code == "BOL"
    found = _actors(coder, "Talks opened in the Peruvian town of Ayacucho on Sunday.")
    assert found["the Peruvian town"].code == "PER"  # where it happens: a place
    found = _actors(coder, "Soldiers searched Chilean homes near the border.")
    assert found["Chilean homes"].code == "CHLCVL"  # homes are their people's


def test_counted_nationals_are_civilians(coder: Coder) -> None:
    found = _actors(coder, "Police detained more than 40 Bolivians at the border.")
    assert found["more than 40 Bolivians"].code == "BOLCVL"
    found = _actors(coder, "Thousands of Chileans marched on Sunday.")
    assert found["Chileans"].code == "CHLCVL"
    found = _actors(coder, "The Chileans rejected the offer.")
    assert found["The Chileans"].code == "CHL"  # uncounted: may stand for the state


def test_a_peoples_factions_and_sides_are_its_own(coder: Coder) -> None:
    found = _actors(coder, "Rival Bolivian factions met in Lima on Monday.")
    assert found["Rival Bolivian factions"].code == "BOL"
    found = _actors(coder, "The Chilean side rejected the draft.")
    assert found["The Chilean side"].code == "CHL"


def test_a_newspaper_is_published_at_home_its_reporters_travel(coder: Coder) -> None:
    found = _actors(coder, "Chile's government ordered the opposition newspaper to close.")
    assert found["the opposition newspaper"].code == "CHLMED"
    found = _actors(coder, "Chile's government expelled the foreign reporters.")
    assert found["the foreign reporters"].country is None


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        (
            "The army shelled Bolivian rebel-held territory.",
            "Bolivian rebel-held territory",
            "BOLREB",
        ),
        ("Rebels attacked government-controlled towns.", "government-controlled towns", "GOV"),
    ],
)
def test_a_held_place_stands_for_its_holders(
    coder: Coder, text: str, phrase: str, code: str
) -> None:
    assert _actors(coder, text)[phrase].code == code
