"""Which mention an event takes as its target, on sentences we wrote: whom an act
defies, what a protest it follows demands, an aim named in a phrase, what the act
brought about, a bare sector told apart by the country it is in, and a state
ordering a body of its own.

Only the dyads are asserted where the code is the lexicon's business.
"""

from __future__ import annotations

import pytest

from eventwire.actors.resolve import resolve_mentions
from eventwire.events.coding import code_events
from eventwire.model import Article, Event
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder


def coded(coder: Coder, text: str) -> list[Event]:
    [parsed] = list(parse_articles(coder.nlp, [Article(id="t", text=text, date=None)]))
    mentions = resolve_mentions(parsed, coder.knowledge)
    return code_events(parsed, mentions, coder.lexicon, coder.codebook, "test")


def targets_of(events: list[Event], source: str) -> set[str | None]:
    return {
        e.target.code if e.target else None
        for e in events
        if e.source is not None and e.source.code == source
    }


# ------------------------------------------------------------------ whom an act defies


def test_defiance_comes_before_a_place_inside_the_object(coder: Coder) -> None:
    events = coded(
        coder, "Thousands of people blocked roads in Bolivia in defiance of Chilean authorities."
    )
    assert "CHLGOV" in {e.target.code for e in events if e.target}
    assert "BOL" not in {e.target.code for e in events if e.target}


def test_pressure_an_act_is_done_despite(coder: Coder) -> None:
    events = coded(
        coder, "The minister declined to resign despite growing pressure from Chilean lawmakers."
    )
    assert "CHLLEG" in {e.target.code for e in events if e.target}


def test_despite_a_mere_wish_names_no_target(coder: Coder) -> None:
    events = coded(coder, "Peru went ahead with the vote despite the wish of Chile.")
    assert "CHL" not in {e.target.code for e in events if e.target}


# ------------------------------------------------------------------ what a protest demands


def test_riot_after_a_demonstration_calling_for_a_removal(coder: Coder) -> None:
    text = (
        "Bolivian demonstrators rioted after a peaceful demonstration calling for the "
        "removal of the Chilean ambassador."
    )
    assert targets_of(coded(coder, text), "BOLCVL") == {"CHLGOV"}


def test_riot_following_a_demonstration_calling_for_a_removal(coder: Coder) -> None:
    text = (
        "Bolivian demonstrators rioted following a peaceful demonstration calling for the "
        "removal of the Chilean ambassador."
    )
    assert targets_of(coded(coder, text), "BOLCVL") == {"CHLGOV"}


def test_stones_thrown_during_demonstrations_against_deeds_of_an_actor(coder: Coder) -> None:
    text = (
        "Bolivian youths threw stones during demonstrations against abuses by the Chilean military."
    )
    assert "CHLMIL" in targets_of(coded(coder, text), "BOLCVL")


def test_strike_that_shut_down_a_city(coder: Coder) -> None:
    events = coded(
        coder, "Three opposition parties in Bolivia organized a strike that shut down La Paz."
    )
    assert targets_of(events, "BOLOPP") == {"BOLGOV"}


def test_what_an_agreement_commits_bare_sectors_to_is_no_target(coder: Coder) -> None:
    # the signers stay each other's partners; "their navies" are no one acted on
    text = "Chile and Peru signed a pact on Monday that commits their navies to joint patrols."
    events = coded(coder, text)
    assert targets_of(events, "CHL") == {"PER"}
    assert targets_of(events, "PER") == {"CHL"}


def test_hunger_strike_to_protest_parsed_as_a_relative_clause(coder: Coder) -> None:
    text = "Up to 500 Bolivian miners began a hunger strike to protest against Chile's decision."
    assert targets_of(coded(coder, text), "BOLLAB") == {"CHL"}


# ------------------------------------------------------------------ purposes and aims


def test_aim_named_by_a_phrase_on_the_verb(coder: Coder) -> None:
    text = (
        "The Bolivian Labour Party began collecting signatures as part of a drive to "
        "convince the Chilean Parliament to change the law."
    )
    assert targets_of(coded(coder, text), "BOLPTY") == {"CHLLEG"}


def test_purpose_comes_before_a_place_inside_the_object(coder: Coder) -> None:
    text = "Chile mobilized lobby groups in Brazil to help support the rights of Bolivians."
    assert targets_of(coded(coder, text), "CHL") == {"BOL"}


def test_place_inside_the_object_is_kept_without_another_target(coder: Coder) -> None:
    events = coded(coder, "Chile criticized the closure of the guest houses in Peru.")
    assert targets_of(events, "CHL") == {"PER"}


# ------------------------------------------------------------------ bare sectors


def test_bare_sector_deployed_in_a_country(coder: Coder) -> None:
    events = coded(coder, "Chile refused to deploy peacekeepers in Peru.")
    assert targets_of(events, "CHL") == {"PER"}


def test_bare_sector_inside_a_phrase_is_told_apart_by_its_country(coder: Coder) -> None:
    text = (
        "The UN Security Council agreed to an extension of the mandate for the "
        "peacekeeping force in Peru."
    )
    assert targets_of(coded(coder, text), "IGOUNO") == {"PER"}


# ------------------------------------------------------------------ orders


def test_state_ordering_its_own_newspaper_does_the_act_to_it(coder: Coder) -> None:
    events = coded(
        coder, "Peru's government ordered the opposition newspaper to suspend publication."
    )
    acts = [e for e in events if e.cameo.startswith("17")]
    assert acts
    assert {(e.source and e.source.code, e.target and e.target.code) for e in acts} == {
        ("PERGOV", "PERMED")
    }
    assert all(e.modality != "hypothetical" for e in acts)


@pytest.mark.parametrize(
    ("text", "complement"),
    [
        ("Chile ordered Peru to withdraw its troops.", "withdraw"),  # another state's act
        ("Chile's government asked its newspapers to suspend publication.", "suspend"),
    ],
)
def test_orders_to_others_and_requests_stay_the_ones_asked(
    coder: Coder, text: str, complement: str
) -> None:
    acts = [e for e in coded(coder, text) if e.trigger.text == complement]
    assert acts
    assert all(e.modality == "hypothetical" for e in acts)
    assert all(e.source and not e.source.code.startswith("CHLGOV") for e in acts)


@pytest.mark.parametrize(
    "text",
    [
        "Japan is sending troops to the United Nations peacekeeping force in Peru.",
        "Japan will deploy 300 troops to the UN peacekeeping mission in Peru.",
    ],
)
def test_force_of_no_country_is_told_apart_by_where_it_is_posted(coder: Coder, text: str) -> None:
    assert targets_of(coded(coder, text), "JPN") == {"PER"}


def test_own_forces_readied_for_an_assault_on_a_country(coder: Coder) -> None:
    events = coded(coder, "Chile mobilized its army for a ground assault against Peru.")
    assert targets_of(events, "CHL") == {"PER"}


def test_people_of_no_country_in_a_phrase_stay_the_target(coder: Coder) -> None:
    events = coded(coder, "Chile condemned the killing of civilians in Peru.")
    assert "PER" not in targets_of(events, "CHL")


# ------------------------------------------------------------------ phrases


def test_bare_complement_clause_gives_its_object(coder: Coder) -> None:
    events = coded(coder, "Peru let free some 74 Chilean political leaders.")
    assert targets_of(events, "PER") == {"CHLGOV"}


def test_coordinated_prepositions_share_their_object(coder: Coder) -> None:
    events = coded(coder, "Japan lifted travel curbs to and from North Korea.")
    assert targets_of(events, "JPN") == {"PRK"}


def test_people_of_no_country_sent_to_a_country(coder: Coder) -> None:
    text = "Chile has sent emergency supplies and personnel such as doctors to Peru."
    assert targets_of(coded(coder, text), "CHL") == {"PER"}


# ------------------------------------------------------------------ sources


def test_pronoun_source_of_reported_content_is_told_by_the_speakers_words(
    coder: Coder,
) -> None:
    events = coded(
        coder, "Peru met Chile. The Bolivian army said it had shelled two Peruvian bases."
    )
    shelling = [e for e in events if e.cameo.startswith("19")]
    assert shelling and {e.source.text for e in shelling if e.source} == {"The Bolivian army"}


def test_pronoun_of_another_actor_stays_a_pronoun(coder: Coder) -> None:
    events = coded(coder, "Chile said Peru's president had promised that he would withdraw.")
    assert all(e.source and e.source.code != "CHL" for e in events if e.trigger.text == "withdraw")


def test_people_of_no_country_acting_in_a_country_are_its_people(coder: Coder) -> None:
    events = coded(
        coder, "Thousands of people blocked streets in Bolivia in protest against Chile."
    )
    assert {e.source.code for e in events if e.source} == {"BOLCVL"}


def test_refugees_acting_in_a_country_are_not_its_people(coder: Coder) -> None:
    events = coded(coder, "Refugees protested in Peru on Monday.")
    assert {e.source.code for e in events if e.source} == {"REF"}
