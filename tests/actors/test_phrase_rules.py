"""Phrase rules: coordinated nationalities, the author of a proxy noun, possessors of
things that are no actor, "they" for groups, and names that go on past their head.
Every sentence is our own."""

from __future__ import annotations

from eventwire.actors.resolve import resolve_mentions
from eventwire.model import Article, Mention
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder


def _mentions(coder: Coder, text: str) -> list[Mention]:
    [parsed] = parse_articles(coder.nlp, [Article(id="r", text=text)])
    return resolve_mentions(parsed, coder.knowledge)


def _codes(coder: Coder, text: str) -> dict[str, str]:
    return {m.actor.text: m.actor.code for m in _mentions(coder, text)}


def test_two_nationalities_share_the_role(coder: Coder) -> None:
    found = _codes(coder, "Senior Peruvian and Chilean officials agreed on a border plan.")
    assert found == {"Peruvian": "PERGOV", "Chilean officials": "CHLGOV"}


def test_a_list_of_nationalities_shares_the_role(coder: Coder) -> None:
    found = _codes(coder, "Russian, Chinese and Iranian diplomats met in Geneva.")
    assert found["Russian"] == "RUSGOV"
    assert found["Chinese"] == "CHNGOV"
    assert found["Iranian diplomats"] == "IRNGOV"


def test_a_country_name_in_the_list_takes_the_role_too(coder: Coder) -> None:
    found = _codes(coder, "U.S. and British forces left the base on Friday.")
    assert found["U.S."] == "USAMIL"
    assert found["British forces"] == "GBRMIL"


def test_without_a_role_each_member_is_its_country(coder: Coder) -> None:
    found = _codes(coder, "The Peruvian and Chilean sides agreed to share information.")
    assert found["Peruvian"] == "PER"
    assert "CHL" in found.values()


def test_a_list_member_that_is_an_organisation_stays_itself(coder: Coder) -> None:
    found = _codes(coder, "The EU and U.S. sanctions hurt Bolivia.")
    assert found["EU"] == "IGOEUREEC"


def test_a_proxy_noun_is_its_authors_in_full(coder: Coder) -> None:
    found = _codes(
        coder,
        "Chile welcomed Peruvian President Ana Quispe's latest statement. "
        "Bolivia rejected a proposal from the Peruvian Foreign Ministry.",
    )
    assert found["Peruvian President Ana Quispe's latest statement"] == "PERGOV"
    assert found["a proposal"] == "PERGOV"


def test_the_possessor_of_a_thing_that_is_no_actor_is_an_actor(coder: Coder) -> None:
    found = _codes(
        coder,
        "Peruvian President Ana Quispe spoke on Monday. "
        "Students protested President Quispe's failure to reform the courts.",
    )
    assert found["President Quispe"] == "PERGOV"


def test_they_points_to_a_group_never_to_a_country(coder: Coder) -> None:
    mentions = _mentions(
        coder,
        "Chilean rebels attacked a base. They said they would fight on. "
        "Peru and Bolivia said they would help.",
    )
    they = [m.actor for m in mentions if m.actor.text.lower() == "they"]
    assert [a.code for a in they] == ["CHLREB", "CHLREB"]  # the last "they" is unbound
    assert all(a.resolved_by == "context" for a in they)


def test_a_name_keeps_its_words_after_the_head(coder: Coder) -> None:
    [org] = _mentions(coder, "Jurists close to the Organization of African Unity left.")
    assert org.actor.text == "the Organization of African Unity"
    assert org.actor.code == "IGOAFROAU"


def test_a_plural_role_opening_a_sentence_is_a_role(coder: Coder) -> None:
    # The tagger often takes "Rebels" or "Authorities" there for a name.
    found = _codes(coder, "Rebels attacked the town. Authorities said the road was closed.")
    assert found["Rebels"] == "REB"
    assert found["Authorities"] == "GOV"


def test_a_place_named_by_its_country_is_the_country(coder: Coder) -> None:
    found = _codes(coder, "Chile lifted the curfew in Bolivia province and the Peruvian town of X.")
    assert found["Bolivia province"] == "BOL"
    assert found["the Peruvian town"] == "PER"


def test_a_proxy_of_the_verbs_own_subject_is_not_another_actor(coder: Coder) -> None:
    found = _codes(coder, "The World Bank repeated its demand that Chile cut spending.")
    assert "its demand" not in found
    found = _codes(coder, "Chilean President Tomas Rivas spoke. Peru rejected his proposal.")
    assert found["his proposal"] == "CHLGOV"
