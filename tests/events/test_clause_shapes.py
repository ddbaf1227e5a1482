"""More clause shapes, on sentences we wrote: nested and prepositional targets,
lists of actors, roles shared by several countries, and how negation, modality
and background carry over to each shape.

Like tests/events/test_clauses.py, events are read straight from `code_events`.
Only the dyads are asserted where the code is the lexicon's business.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors.resolve import resolve_mentions
from eventwire.events.coding import code_events
from eventwire.model import Article, Event
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder


def coded(coder: Coder, text: str, date: dt.date | None = None) -> list[Event]:
    [parsed] = list(parse_articles(coder.nlp, [Article(id="t", text=text, date=date)]))
    mentions = resolve_mentions(parsed, coder.knowledge)
    return code_events(parsed, mentions, coder.lexicon, coder.codebook, "test")


def dyads(events: list[Event], root: str) -> set[tuple[str, str | None]]:
    return {
        (e.source.code if e.source else "", e.target.code if e.target else None)
        for e in events
        if e.cameo.startswith(root)
    }


# ------------------------------------------------------------------ targets


def test_target_nested_in_the_object(coder: Coder) -> None:
    events = coded(coder, "Chile criticized the closure of the border with Peru.")
    assert dyads(events, "11") == {("CHL", "PER")}


def test_target_through_a_participle_on_the_object(coder: Coder) -> None:
    events = coded(coder, "Soldiers from Chile blocked the roads leading into Peru.")
    assert {target for _, target in dyads(events, "")} == {"PER"}


def test_partner_before_place(coder: Coder) -> None:
    # "at the border" is where; "with Bolivia" is whom.
    events = coded(coder, "Chile negotiated at the border with Bolivia.")
    assert dyads(events, "04") == {("CHL", "BOL")}


def test_to_parsed_as_dative(coder: Coder) -> None:
    events = coded(coder, "Chile sent troops to Peru and Bolivia.")
    assert {target for _, target in dyads(events, "")} == {"PER", "BOL"}


def test_place_at_home_is_no_target(coder: Coder) -> None:
    events = coded(coder, "Chilean students protested in Santiago.")
    assert events and all(e.target is None for e in events)


def test_foreign_country_an_act_happens_in_is_its_target(coder: Coder) -> None:
    # With no other target, "in Peru" says whom a visit or a deployment concerns.
    events = coded(coder, "Chile's foreign minister arrived in Peru on Monday.")
    assert dyads(events, "04") == {("CHLGOV", "PER")}


def test_foreign_place_gives_way_to_a_named_partner(coder: Coder) -> None:
    events = coded(coder, "Chile met with Bolivia in Peru.")
    assert dyads(events, "04") == {("CHL", "BOL")}


def test_source_again_inside_the_object_leaves_the_act_mutual(coder: Coder) -> None:
    events = coded(coder, "Chile and Peru signed an agreement on the status of offices in Lima.")
    assert dyads(events, "05") == {("CHL", "PER"), ("PER", "CHL")}


# ------------------------------------------------------------------ lists of actors


def test_list_with_an_apposed_item(coder: Coder) -> None:
    events = coded(coder, "Chile, the Bolivian government, and Peru condemned Ecuador.")
    assert dyads(events, "") == {("CHL", "ECU"), ("BOLGOV", "ECU"), ("PER", "ECU")}


def test_role_shared_by_coordinated_countries(coder: Coder) -> None:
    events = coded(
        coder, "The ambassadors of Chile, Peru and Bolivia met with Ecuador's president."
    )
    assert dyads(events, "04") == {("CHLGOV", "ECUGOV"), ("PERGOV", "ECUGOV"), ("BOLGOV", "ECUGOV")}


def test_role_in_coordinated_countries(coder: Coder) -> None:
    events = coded(coder, "Lawmakers in Chile and Peru criticized Ecuador.")
    assert dyads(events, "11") == {("CHLLEG", "ECU"), ("PERLEG", "ECU")}


def test_role_of_another_country_is_not_shared(coder: Coder) -> None:
    # Chilean troops in Peru and Bolivia stay Chilean.
    events = coded(coder, "Chilean troops in Peru and Bolivia attacked Ecuador.")
    assert dyads(events, "19") == {("CHLMIL", "ECU")}


def test_passive_with_coordinated_agents(coder: Coder) -> None:
    events = coded(coder, "Peru was criticized by Chile and Bolivia.")
    assert dyads(events, "11") == {("CHL", "PER"), ("BOL", "PER")}


def test_relative_clause_on_the_subject(coder: Coder) -> None:
    events = coded(coder, "Chile, which criticized Peru on Monday, met with Bolivia.")
    assert dyads(events, "11") == {("CHL", "PER")}
    assert dyads(events, "04") == {("CHL", "BOL")}


# ------------------------------------------------------------------ qualities per shape


def test_negation_and_modality_on_a_nested_target(coder: Coder) -> None:
    events = coded(coder, "Chile would not criticize the closure of the border with Peru.")
    [event] = [e for e in events if e.cameo.startswith("11")]
    assert event.target is not None and event.target.code == "PER"
    assert event.negated and event.modality == "hypothetical"


def test_background_carries_to_every_coordinated_target(coder: Coder) -> None:
    events = coded(coder, "Chile previously sent troops to Peru and Bolivia.", dt.date(2024, 5, 8))
    assert {e.target.code for e in events if e.target} == {"PER", "BOL"}
    assert all(e.background for e in events)


def test_background_carries_to_every_coordinated_source(coder: Coder) -> None:
    events = coded(
        coder, "Lawmakers in Chile and Peru criticized Ecuador in 2019.", dt.date(2024, 5, 8)
    )
    assert len(events) == 2 and all(e.background for e in events)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Bolivia said the ambassadors of Chile and Peru criticized Ecuador.", "reported"),
        (
            "If the ambassadors of Chile and Peru criticize Ecuador, Bolivia will respond.",
            "hypothetical",
        ),
        ("The ambassadors of Chile and Peru might criticize Ecuador.", "hypothetical"),
    ],
)
def test_modality_for_shared_roles(coder: Coder, text: str, modality: str) -> None:
    events = [e for e in coded(coder, text) if e.cameo.startswith("11")]
    assert {e.source.code for e in events if e.source} == {"CHLGOV", "PERGOV"}
    assert {e.modality for e in events} == {modality}


def test_reported_shared_roles_are_not_the_speaker(coder: Coder) -> None:
    events = coded(coder, "Bolivia said lawmakers in Chile and Peru condemned Ecuador.")
    statement = [e for e in events if e.cameo.startswith("01")]
    assert {e.source.code for e in statement if e.source} == {"BOL"}


# ------------------------------------------------------------------ more shapes


def test_coordinated_verbs_share_the_object(coder: Coder) -> None:
    events = coded(coder, "Chile criticized and sanctioned Peru.")
    assert dyads(events, "11") == {("CHL", "PER")}
    assert dyads(events, "16") == {("CHL", "PER")}


def test_coordinated_clauses_keep_their_own_subjects(coder: Coder) -> None:
    events = coded(coder, "Chile protested and Peru criticized Bolivia.")
    assert dyads(events, "11") == {("PER", "BOL")}
    assert ("CHL", "BOL") not in dyads(events, "")


def test_blame_for_a_deed_goes_to_its_doer(coder: Coder) -> None:
    events = coded(coder, "Chile condemned Peru's attack on Bolivia.")
    assert dyads(events, "11") == {("CHL", "PER")}


def test_passive_subject_with_the_actor_inside(coder: Coder) -> None:
    events = coded(coder, "A camp for Peruvian refugees was attacked by Chilean soldiers.")
    assert {(s[:3], t[:3] if t else None) for s, t in dyads(events, "19")} == {("CHL", "PER")}


def test_event_noun_as_subject_takes_the_verbs_date(coder: Coder) -> None:
    [event] = coded(coder, "Chile's invasion of Peru began in 2019.", dt.date(2024, 5, 8))
    assert (event.cameo[:2], event.background) == ("19", True)


def test_event_noun_as_subject_takes_the_verbs_negation(coder: Coder) -> None:
    [event] = coded(coder, "Chile's talks with Peru did not resume.")
    assert (event.cameo[:2], event.negated) == ("04", True)


def test_event_noun_as_subject_of_a_present_verb_is_news(coder: Coder) -> None:
    [event] = coded(coder, "Chile's attack on Peru killed ten people.", dt.date(2024, 5, 8))
    assert (event.cameo[:2], event.background, event.negated) == ("19", False, False)


def test_what_is_demanded_is_not_done(coder: Coder) -> None:
    events = coded(coder, "Chile demanded that Peru release the prisoners.")
    demand = [e for e in events if e.cameo.startswith("10")]
    assert {(e.source.code if e.source else "", e.modality) for e in demand} == {
        ("CHL", "asserted")
    }
    content = [e for e in events if e.source and e.source.code == "PER"]
    assert content and {e.modality for e in content} == {"hypothetical"}


def test_target_of_a_that_clause_on_the_object(coder: Coder) -> None:
    events = coded(coder, "Chile rejected claims that Peru had attacked Bolivia.")
    assert ("CHL", "PER") in dyads(events, "")


def test_countries_of_two_phrases_are_not_shared(coder: Coder) -> None:
    # Whose ambassador is the actors stage's call; the role stays one actor.
    events = coded(coder, "The ambassador of Chile in Peru criticized Bolivia.")
    assert len(dyads(events, "11")) == 1


def test_evidence_marks_a_direction_inferred_as_mutual(coder: Coder) -> None:
    events = coded(coder, "Chile and Peru signed a trade agreement.")
    assert {e.evidence.clause for e in events if e.evidence} == {
        "CHL <-signed-> PER",
        "PER <-signed-> CHL",
    }
    [single] = coded(coder, "Chile criticized Peru.")
    assert single.evidence is not None and single.evidence.clause == "CHL -criticized-> PER"


def test_demand_restated_is_still_not_done(coder: Coder) -> None:
    # Peru lifting the restrictions is Chile's demand on Peru, not Peru's act.
    events = coded(coder, "Chile reiterated its demand that Peru lift restrictions on Bolivia.")
    assert not [e for e in events if e.source and e.source.code == "PER"]
    assert ("CHL", "PER") in dyads(events, "10")


def test_participle_on_the_object_acts_for_the_subject(coder: Coder) -> None:
    events = coded(coder, "Chile issued a statement condemning Peru.")
    assert dyads(events, "11") == {("CHL", "PER")}


def test_quantity_after_a_particle(coder: Coder) -> None:
    events = coded(coder, "Chilean rebels kidnapped up to 16 Peruvian officials.")
    assert {t[:3] for _, t in dyads(events, "18") if t} == {"PER"}


@pytest.mark.parametrize(
    "text",
    [
        "Peru was attacked and criticized by Chile.",
        "Peru was attacked on Monday and criticized by Chile.",
    ],
)
def test_coordinated_passives_share_the_agent(coder: Coder, text: str) -> None:
    events = coded(coder, text)
    assert dyads(events, "19") == {("CHL", "PER")}
    assert dyads(events, "11") == {("CHL", "PER")}


def test_active_verb_coordinated_with_a_passive_keeps_its_subject(coder: Coder) -> None:
    events = coded(coder, "Peru was attacked by Chile and criticized Bolivia.")
    assert dyads(events, "19") == {("CHL", "PER")}
    assert dyads(events, "11") == {("PER", "BOL")}


def test_joint_speakers_make_one_statement_each(coder: Coder) -> None:
    events = coded(coder, "Chile and Peru said the talks had failed.")
    statements = [e for e in events if e.cameo.startswith("01")]
    assert {(e.source.code if e.source else "", e.target) for e in statements} == {
        ("CHL", None),
        ("PER", None),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Peru was previously attacked by Chile.",
        "Bolivia criticized Chile, which had attacked Peru.",
        "Chile previously imposed sanctions on Peru.",
        "Chile previously agreed to meet Peru.",
        "Chile agreed in 2019 to meet Peru.",
    ],
)
def test_background_in_each_shape(coder: Coder, text: str) -> None:
    events = [
        e for e in coded(coder, text, dt.date(2024, 5, 8)) if e.target and e.target.code == "PER"
    ]
    assert events and all(e.background for e in events), [(e.cameo, e.background) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Peru would be attacked by Chile.",
        "Chile could impose sanctions on Peru.",
        "Chile might agree to meet Peru.",
        "Chile would threaten to attack Peru.",
    ],
)
def test_hypothetical_in_each_shape(coder: Coder, text: str) -> None:
    events = [e for e in coded(coder, text) if e.target and e.target.code == "PER"]
    assert events and {e.modality for e in events} == {"hypothetical"}


def test_negated_passive(coder: Coder) -> None:
    events = coded(coder, "Peru was not attacked by Chile.")
    assert dyads(events, "19") == {("CHL", "PER")} and all(e.negated for e in events)


# ------------------------------------------------------------------ object control, mutual acts


def test_object_control_the_one_asked_acts_only_hypothetically(coder: Coder) -> None:
    events = coded(coder, "Chile asked Peru to attack Bolivia.")
    assert dyads(events, "02") | dyads(events, "10") == {("CHL", "PER")}
    attacks = [e for e in events if e.cameo.startswith("19")]
    assert all((e.source and e.source.code, e.modality) == ("PER", "hypothetical") for e in attacks)


def test_object_control_with_urge(coder: Coder) -> None:
    events = coded(coder, "Chile urged Peru to sign a treaty with Bolivia.")
    assert ("CHL", "PER") in dyads(events, "02")
    assert all(e.modality == "hypothetical" for e in events if e.cameo.startswith("05"))
    assert ("CHL", "BOL") not in dyads(events, "05")


def test_coordinated_actors_condemning_do_not_condemn_each_other(coder: Coder) -> None:
    events = coded(coder, "Chile and Peru condemned the bombing.")
    assert dyads(events, "11") == {("CHL", None), ("PER", None)}


def test_coordinated_actors_gathering_meet_each_other(coder: Coder) -> None:
    events = coded(coder, "Envoys of Chile and Peru gathered in Quito.")
    assert dyads(events, "04") == {("CHLGOV", "PERGOV"), ("PERGOV", "CHLGOV")}


def test_a_crowd_gathering_is_no_meeting(coder: Coder) -> None:
    events = coded(coder, "Peruvian farmers gathered at the Chilean embassy.")
    assert not dyads(events, "04")


def test_talks_referred_back_take_the_participants_of_the_meeting(coder: Coder) -> None:
    text = "Chile met with Peru in Lima on Monday. Those negotiations were suspended on Friday."
    events = coded(coder, text)
    assert dyads(events, "16") == {("CHL", "PER"), ("PER", "CHL")}


def test_where_negotiations_are_held_is_no_party(coder: Coder) -> None:
    events = coded(coder, "Chile's envoys discussed resuming negotiations in Ecuador.")
    assert all(e.target is None or e.target.code != "ECU" for e in events)


# ------------------------------------------------------------------ targets found elsewhere


def test_protest_target_in_the_purpose_clause(coder: Coder) -> None:
    events = coded(coder, "Chilean farmers began a hunger strike to protest Peru's new tariffs.")
    assert dyads(events, "14") == {("CHLAGR", "PER")}


def test_protest_target_in_protest_of(coder: Coder) -> None:
    text = "Chilean students staged a sit-in in protest against raids by Bolivian police."
    events = coded(coder, text)
    assert {target for _, target in dyads(events, "14")} == {"BOLCOP"}


def test_passive_target_on_the_verb(coder: Coder) -> None:
    events = coded(coder, "New sanctions were imposed on Peru by Chile.")
    assert dyads(events, "16") == {("CHL", "PER")}


def test_passive_in_a_foreign_country(coder: Coder) -> None:
    events = coded(coder, "A joint military exercise was staged by Chilean marines in Peru.")
    assert dyads(events, "06") == {("CHLMIL", "PER")}


def test_vow_parsed_as_an_adverbial_clause(coder: Coder) -> None:
    # The parser at times hangs "to fight" on "sworn" as an adverbial clause.
    events = coded(coder, "Bolivian rebels have sworn to fight the government of Peru.")
    assert dyads(events, "13") == {("BOLREB", "PERGOV")}


def test_decided_to_resume_dialogue(coder: Coder) -> None:
    events = coded(coder, "Chile and Peru formally decided to resume the dialogue.")
    assert dyads(events, "03") == {("CHL", "PER"), ("PER", "CHL")}


def test_agentless_passive_takes_the_attackers_named_by_the_attack(coder: Coder) -> None:
    events = coded(coder, "Three Peruvian policemen were killed in an attack by Bolivian rebels.")
    assert dyads(events, "19") == {("BOLREB", "PERCOP")}


def test_agentless_passive_with_no_one_named_codes_nothing(coder: Coder) -> None:
    # No source is invented for "were killed" when nobody is said to have done it.
    assert not coded(coder, "Three Peruvian policemen were killed in an attack on Sunday.")


def test_passive_done_at_someones_order(coder: Coder) -> None:
    events = coded(
        coder, "Ten Peruvian journalists were arrested on the orders of Bolivia's president."
    )
    assert dyads(events, "17") == {("BOLGOV", "PERMED")}


def test_passive_subject_is_the_object_for_patterns(coder: Coder) -> None:
    text = (
        "The main opposition party of Chile was dissolved at the request of the Chilean government."
    )
    events = coded(coder, text)
    assert {e.cameo for e in events} == {"1722"}
    assert dyads(events, "17") == {("CHLGOV", "CHLOPP")}


def test_engaged_in_a_battle_with_is_no_agent(coder: Coder) -> None:
    events = coded(coder, "Chilean troops were engaged in a fierce battle with Peruvian rebels.")
    assert ("PERREB", "CHLMIL") not in dyads(events, "19")


def test_main_verb_misparsed_as_a_reduced_relative(coder: Coder) -> None:
    # Parsed as "Doctors (from charities that donated ...)": the noun at the root
    # is who donated and delivered.
    text = "Doctors from two Chilean charities donated and personally delivered medicine to Peru."
    events = coded(coder, text)
    assert {target for _, target in dyads(events, "07")} == {"PER"}
    assert {source for source, _ in dyads(events, "07")} == {"CHLHLH"}
