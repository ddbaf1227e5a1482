"""Agentless passives whose doer the sentence still says, on sentences we wrote: a
force standing itself down or pulled out of a country (CAMEO 0873, 0874, 1661), one
expelled from a country (that country's act); and two acts whose other side the
clause leaves unsaid: one who resigns is coded with no target (0831), and one
who calls on others to rally against someone rallies them (113). Also a unilateral
ceasefire declared (0871) and the welfare of people investigated (090).

Events are read straight from `code_events` (tests/events/test_clause_shapes.py).
"""

from __future__ import annotations

from tests.events.test_clause_shapes import coded, dyads

from eventwire.model import Event
from eventwire.pipeline import Coder


def _codes(events: list[Event], root: str) -> set[str]:
    return {e.cameo for e in events if e.cameo.startswith(root)}


def test_rebels_demobilized_demobilize_themselves(coder: Coder) -> None:
    events = coded(coder, "Some 400 Peruvian rebels have been demobilized since the accord.")
    assert dyads(events, "08") == {("PERREB", None)}
    assert _codes(events, "08") == {"0873"}


def test_troops_withdrawn_from_a_country_retreat_from_it(coder: Coder) -> None:
    events = coded(coder, "Chilean troops were withdrawn from Bolivia last week.")
    assert dyads(events, "08") == {("CHLMIL", "BOL")}
    assert _codes(events, "08") == {"0874"}


def test_soldiers_pulled_out_of_a_country(coder: Coder) -> None:
    events = coded(coder, "Hundreds of Bolivian soldiers were pulled out of Peru.")
    assert dyads(events, "08") == {("BOLMIL", "PER")}


def test_peacekeepers_shipped_out_are_withdrawn(coder: Coder) -> None:
    events = coded(coder, "Eighty UN peacekeepers were shipped out of Chile on Friday.")
    assert dyads(events, "16") == {("IGOUNOMIL", "CHL")}
    assert _codes(events, "16") == {"1661"}


def test_soldiers_killed_or_attacked_name_no_doer(coder: Coder) -> None:
    assert coded(coder, "Three Peruvian soldiers were killed in Chile.") == []
    assert coded(coder, "Chilean troops were attacked in Bolivia.") == []


def test_civilians_pulled_out_are_no_force(coder: Coder) -> None:
    events = coded(coder, "Hundreds of Chilean students were pulled out of Peru.")
    assert dyads(events, "08") == set()


def test_expelled_from_a_country_is_that_countrys_act(coder: Coder) -> None:
    events = coded(coder, "Two Chilean journalists were deported from Bolivia.")
    assert dyads(events, "17") == {("BOL", "CHLMED")}


def test_expelled_by_a_country(coder: Coder) -> None:
    events = coded(coder, "Two Chilean diplomats were expelled by Peru on Monday.")
    assert dyads(events, "16") == {("PER", "CHLGOV")}


def test_a_minister_who_resigns_yields_to_his_country(coder: Coder) -> None:
    events = coded(coder, "The Chilean foreign minister resigned on Friday.")
    assert {target for _, target in dyads(events, "08")} == {None}
    assert _codes(events, "08") == {"0831"}


def test_a_leader_who_will_resign(coder: Coder) -> None:
    events = coded(coder, "Peru's prime minister will resign.")
    assert dyads(events, "03") == {("PERGOV", None)}


def test_a_bare_intent_of_another_act_still_needs_a_target(coder: Coder) -> None:
    assert dyads(coded(coder, "Peru's prime minister will attack."), "") == set()


def test_calling_on_others_to_mobilize_against_someone_rallies_them(coder: Coder) -> None:
    events = coded(
        coder, "The Bolivian president called on Peruvians to unite and mobilize against Chile."
    )
    assert dyads(events, "11") == {("BOLGOV", "CHL")}
    assert all(e.modality == "asserted" for e in events if e.cameo.startswith("113"))


def test_rallying_against_someone_oneself(coder: Coder) -> None:
    events = coded(coder, "Chilean students rallied against Peru.")
    assert dyads(events, "11") == {("CHLEDU", "PER")}


def test_a_share_of_a_force_demobilized_in_a_country(coder: Coder) -> None:
    events = coded(
        coder, "One third of Peruvian guerrillas operating in Chile have been demobilized."
    )
    assert dyads(events, "08") == {("PERREB", "CHL")}


def test_rebels_disarmed_name_no_doer(coder: Coder) -> None:
    assert dyads(coded(coder, "Peruvian rebels in Bolivia were disarmed."), "08") == set()


def test_passive_subject_still_names_the_object_before_an_adverbial_clause(
    coder: Coder,
) -> None:
    events = coded(
        coder,
        "Sixty UN peacekeepers were pulled out of Peru on Monday, leaving only a few "
        "UN troops to guard the border.",
    )
    assert _codes(events, "16") == {"1661"}
    assert dyads(events, "16") == {("IGOUNOMIL", "PER")}


def test_untargeted_codes_and_own_act_verbs_are_valid(coder: Coder) -> None:
    cues = coder.lexicon.event_cues
    assert cues.untargeted_codes and all(code in coder.codebook for code in cues.untargeted_codes)
    verbs = {entry.verb.split()[0] for entry in coder.lexicon.entries()}
    assert cues.own_force_verbs <= verbs
    assert cues.expulsion_verbs <= verbs


def test_a_group_declaring_a_unilateral_ceasefire(coder: Coder) -> None:
    events = coded(coder, "The Peruvian rebel group declared a unilateral ceasefire on Wednesday.")
    assert _codes(events, "08") == {"0871"}
    assert {source for source, _ in dyads(events, "08")} == {"PERREB"}


def test_investigating_the_welfare_of_people(coder: Coder) -> None:
    events = coded(
        coder, "Members of the Chilean Red Cross investigated the welfare of 300 Peruvians."
    )
    assert _codes(events, "09") == {"090"}
    assert {target for _, target in dyads(events, "09")} == {"PERCVL"}


def test_calling_on_others_with_the_day_between_verb_and_whom(coder: Coder) -> None:
    # The parse reads "a newspaper called Thursday" as a noun named "Thursday".
    events = coded(
        coder,
        "A Bolivian newspaper called Thursday on Peruvians to unite and ``mobilize'' "
        "against Chilean leader Juan Perez.",
    )
    assert dyads(events, "11") == {("BOLMED", "CHLGOV")}


def test_a_meeting_called_to_discuss_is_no_call_on_others(coder: Coder) -> None:
    events = coded(coder, "Chile called a meeting to discuss the crisis with Peru.")
    assert {source for source, _ in dyads(events, "")} == {"CHL"}
