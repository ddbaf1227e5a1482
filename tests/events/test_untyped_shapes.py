"""Shapes that used to give a sentence no typed event at all, on sentences we wrote:
investigators sent (CAMEO 090) and whom they investigate, stones thrown (145), a
market opened (061) and its pledge (0311), a rally those gathered hold, content
told before its verb of saying and parsed as that verb's subject, a fight vowed
until a goal is reached, purposes ("making weapons to use against Peru"), and
what a speaker says another actor must do (not what it only suggests).

Events are read straight from `code_events` (tests/events/test_clause_shapes.py).
"""

from __future__ import annotations

from tests.events.test_clause_shapes import coded, dyads

from eventwire.model import Event
from eventwire.pipeline import Coder


def _codes(events: list[Event], root: str) -> set[str]:
    return {e.cameo for e in events if e.cameo.startswith(root)}


def test_inspectors_sent_investigate_the_country_they_are_sent_to(coder: Coder) -> None:
    events = coded(coder, "The UN dispatched inspectors to a plant in northern Syria.")
    assert dyads(events, "09") == {("IGOUNO", "SYR")}
    assert _codes(events, "09") == {"090"}


def test_troops_sent_are_no_investigation(coder: Coder) -> None:
    events = coded(coder, "Chile sent troops to the Peruvian border.")
    assert dyads(events, "09") == set()


def test_stones_thrown_are_a_violent_protest(coder: Coder) -> None:
    events = coded(coder, "Chilean youths threw stones at Peruvian troops.")
    assert dyads(events, "14") == {("CHLCVL", "PERMIL")}
    assert _codes(events, "14") == {"145"}


def test_pledge_to_open_a_market(coder: Coder) -> None:
    events = coded(coder, "Bolivia has pledged to open its market to Chilean farmers.")
    assert _codes(events, "03") == {"0311"}
    assert dyads(events, "03") == {("BOL", "CHLAGR")}


def test_rally_those_gathered_hold(coder: Coder) -> None:
    events = coded(
        coder,
        "Thousands of Chileans were converging on the capital for a rally against the "
        "Peruvian government.",
    )
    assert dyads(events, "14") == {("CHLCVL", "PERGOV")}


def test_rally_voted_for_is_not_held(coder: Coder) -> None:
    events = coded(coder, "The Peruvian senators voted for a rally.")
    assert dyads(events, "14") == set()


def test_content_parsed_as_the_subject_of_its_verb_of_saying(coder: Coder) -> None:
    # The parser makes "youths" a subject of "said" and "resorted" a reduced relative.
    events = coded(
        coder,
        "Chilean youths resorted to throwing stones at Peruvian troops, officials said on "
        "Thursday.",
    )
    assert dyads(events, "14") == {("CHLCVL", "PERMIL")}


def test_participle_set_off_by_commas_is_not_the_content(coder: Coder) -> None:
    events = coded(
        coder, "Chilean youths, detained on Monday, were released on Friday, officials said."
    )
    assert dyads(events, "14") == set()


def test_fight_vowed_until_a_goal_is_held_over_whom_the_goal_names(coder: Coder) -> None:
    events = coded(
        coder,
        "Bolivian rebels have vowed to fight until they drive Chilean troops out of the valley.",
    )
    assert dyads(events, "13") == {("BOLREB", "CHLMIL")}


def test_weapons_made_to_use_against_others_claimed_in_public_are_a_threat(
    coder: Coder,
) -> None:
    events = coded(
        coder, "Chilean militants claim to be making chemical weapons to use against Peru."
    )
    assert dyads(events, "13") == {("CHLREB", "PER")}
    assert _codes(events, "13") == {"1385"}


def test_purpose_not_said_in_public_is_only_intended(coder: Coder) -> None:
    events = coded(coder, "Chile bought drones to strike Peruvian positions.")
    assert dyads(events, "13") == set()
    strikes = [e for e in events if e.cameo.startswith("19")]
    assert strikes and all(e.modality == "intended" for e in strikes)


def test_purpose_of_a_coded_act_only_restates_it(coder: Coder) -> None:
    events = coded(coder, "Chile sent troops to attack Peru.")
    assert dyads(events, "13") == set()
    assert dyads(events, "19") == set()
    assert dyads(events, "15") == {("CHL", "PER")}


def test_purpose_of_what_must_be_done_is_no_intent(coder: Coder) -> None:
    events = coded(
        coder,
        "The Red Cross said Chilean forces must ensure security to allow food supplies to "
        "reach the needy.",
    )
    assert dyads(events, "08") == set()
    assert dyads(events, "03") == set()


def test_what_a_speaker_says_another_must_do_is_a_demand(coder: Coder) -> None:
    events = coded(coder, "The EU said Russia must respect the truce.")
    assert dyads(events, "10") == {("IGOEUREEC", "RUS")}


def test_what_a_speaker_says_it_must_do_is_no_demand(coder: Coder) -> None:
    events = coded(coder, "Peru said it must ensure security.")
    assert dyads(events, "10") == set()


def test_what_a_speaker_suggests_another_should_do_is_no_demand(coder: Coder) -> None:
    # A suggestion puts the act forward; only the saying is coded.
    events = coded(
        coder, "Peru suggested Chile should adopt new rules in its dealings with Bolivia."
    )
    assert dyads(events, "10") == set()
    assert dyads(events, "01") == {("PER", None)}


def test_what_a_speaker_says_another_should_do_is_still_a_demand(coder: Coder) -> None:
    events = coded(coder, "Peru said Chile should adopt new rules.")
    assert dyads(events, "10") == {("PER", "CHL")}


def test_speaker_with_a_participle_parsed_as_a_clausal_subject(coder: Coder) -> None:
    # The parser makes "operating" the subject of "said" and "Cross" its subject.
    events = coded(
        coder, "The Red Cross operating in Peru said Chilean forces must ensure security."
    )
    assert dyads(events, "10") == {("NGOHLHIRC", "CHLMIL")}
    assert dyads(events, "01") == {("NGOHLHIRC", None)}


def test_actor_name_tagged_as_an_adverb_is_the_subject(coder: Coder) -> None:
    # The tagger reads the unknown acronym "USAID" as an adverb of "provided".
    events = coded(coder, "USAID provided basic shelter materials to 1.5 million people in Haiti.")
    assert dyads(events, "07") == {("USAGOVAID", "HTICVL")}


def test_refuge_sought_in_a_country_is_a_demand_on_it(coder: Coder) -> None:
    events = coded(coder, "Some 50,000 Bolivians sought refuge in Peru last month.")
    assert {e.cameo for e in events} == {"1033"}
    assert dyads(events, "10") == {("BOLCVL", "PER")}


def test_asylum_asked_for_is_an_appeal(coder: Coder) -> None:
    events = coded(coder, "Chilean dissidents have asked for asylum in Peru.")
    assert {e.cameo for e in events} == {"0233"}


def test_actor_name_tagged_as_an_adverb_before_an_auxiliary(coder: Coder) -> None:
    events = coded(coder, "USAID had announced a suspension of aid to people in northern Yemen.")
    assert dyads(events, "16") == {("USAGOVAID", "YEMCVL")}


def test_troops_offered_are_intended_military_aid(coder: Coder) -> None:
    events = coded(coder, "Peru has offered to send troops to Chile to help its army fight rebels.")
    assert {e.cameo for e in events if e.source and e.source.code == "PER"} == {"0332"}
    assert dyads(events, "15") == set()


def test_peacekeepers_promised_are_intended_protection(coder: Coder) -> None:
    events = coded(coder, "Bolivia promised to contribute peacekeepers to the UN mission in Haiti.")
    assert _codes(events, "03") == {"0334"}


def test_what_an_announcement_says_is_not_what_it_announces(coder: Coder) -> None:
    # The content is a suspension of aid (16), not an announcement of aid (07).
    events = coded(
        coder, "The European Commission announced that it had suspended humanitarian aid to Peru."
    )
    assert dyads(events, "07") == set()
    assert dyads(events, "16") == {("IGOEUREEC", "PER")}


def test_object_parsed_as_the_subject_of_an_infinitive_is_still_announced(coder: Coder) -> None:
    events = coded(
        coder, "Bolivian authorities declared a state of siege to begin at midnight in Pando."
    )
    assert _codes(events, "17") == {"1724"}


def test_act_ruled_out_by_a_speaker_is_its_rejection(coder: Coder) -> None:
    events = coded(
        coder, "US officials said that removing the sanctions on Peru is out of the question."
    )
    assert dyads(events, "12") == {("USAGOV", "PER")}
    assert _codes(events, "12") == {"1244"}


def test_act_ruled_out_names_the_other_country(coder: Coder) -> None:
    events = coded(coder, "Peru said that withdrawing its troops from Chile is not an option.")
    assert dyads(events, "12") == {("PER", "CHL")}


def test_act_said_to_matter_is_not_ruled_out(coder: Coder) -> None:
    events = coded(coder, "Peru said that lifting the sanctions on Chile is important.")
    assert dyads(events, "12") == set()


def test_market_opened_to_no_one_is_no_cooperation(coder: Coder) -> None:
    events = coded(coder, "The Peruvian mayor opened a fish market in Lima.")
    assert dyads(events, "06") == set()
