"""Clause shapes, negation, modality and background, on sentences we wrote.

The events are read straight from `code_events`, before the when stage (which
dates events and adds its own background cues), so each test checks this
package's own decisions.
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


def triples(events: list[Event]) -> list[tuple[str, str | None, str]]:
    return sorted(
        (e.source.code if e.source else "", e.target.code if e.target else None, e.cameo)
        for e in events
    )


def only(events: list[Event], root: str) -> Event:
    found = [e for e in events if e.cameo.startswith(root)]
    assert len(found) == 1, [(e.cameo, e.evidence) for e in events]
    return found[0]


# ------------------------------------------------------------------ clause shapes


def test_subject_verb_object(coder: Coder) -> None:
    assert triples(coded(coder, "Chile criticized Peru on Monday.")) == [("CHL", "PER", "111")]


def test_prepositional_target(coder: Coder) -> None:
    assert triples(coded(coder, "Chile met with Peru in Lima.")) == [("CHL", "PER", "040")]


def test_target_of_preposition_on_the_object(coder: Coder) -> None:
    event = only(coded(coder, "Chile pledged military cooperation with Peru."), "03")
    assert (event.source and event.source.code, event.target and event.target.code) == (
        "CHL",
        "PER",
    )
    assert event.cameo == "0312"


def test_passive_with_agent(coder: Coder) -> None:
    assert triples(coded(coder, "Peru was attacked by Chile.")) == [("CHL", "PER", "190")]


def test_passive_without_agent_has_no_source(coder: Coder) -> None:
    assert coded(coder, "Peru was attacked on Monday.") == []


def test_coordinated_subjects_without_target_are_mutual(coder: Coder) -> None:
    assert triples(coded(coder, "Peru and Chile signed a trade agreement.")) == [
        ("CHL", "PER", "057"),
        ("PER", "CHL", "057"),
    ]


def test_coordinated_targets(coder: Coder) -> None:
    assert triples(coded(coder, "Chile criticized Peru and Bolivia.")) == [
        ("CHL", "BOL", "111"),
        ("CHL", "PER", "111"),
    ]


def test_control_verb_gives_the_source_to_the_complement(coder: Coder) -> None:
    event = only(coded(coder, "Chile agreed to meet Peru next week."), "03")
    assert event.cameo == "036" and event.target is not None and event.target.code == "PER"


def test_refused_to_is_a_rejection(coder: Coder) -> None:
    event = only(coded(coder, "Chile refused to negotiate with Peru."), "12")
    assert event.cameo == "125"


def test_vowed_to_retaliate_is_a_threat(coder: Coder) -> None:
    event = only(coded(coder, "Chile threatened to attack Peru."), "13")
    assert event.cameo.startswith("138")


def test_nominal_event_with_possessor_like_adjective(coder: Coder) -> None:
    events = coded(coder, "There was military cooperation between Chile and Peru.")
    assert triples(events) == [("CHL", "PER", "062"), ("PER", "CHL", "062")]
    assert all(e.evidence and "noun" in e.evidence.entry for e in events)


def test_light_verb_with_event_noun(coder: Coder) -> None:
    assert triples(coded(coder, "Chile launched an attack on Peru.")) == [("CHL", "PER", "190")]


def test_sanctions_on(coder: Coder) -> None:
    assert triples(coded(coder, "Chile imposed sanctions on Peru.")) == [("CHL", "PER", "163")]


def test_talks_with(coder: Coder) -> None:
    assert triples(coded(coder, "Chile held talks with Peru.")) == [("CHL", "PER", "040")]


def test_headline_shape(coder: Coder) -> None:
    assert triples(coded(coder, "Chile to send aid to Peru")) == [("CHL", "PER", "070")]


def test_reported_speech_gives_a_statement_and_the_content(coder: Coder) -> None:
    events = coded(coder, "Chile said Peru attacked Bolivia.")
    statement = only(events, "01")
    assert statement.source is not None and statement.source.code == "CHL"
    assert statement.target is None
    content = only(events, "19")
    assert content.modality == "reported"
    assert (content.source and content.source.code, content.target and content.target.code) == (
        "PER",
        "BOL",
    )


def test_said_it_will_is_an_intent(coder: Coder) -> None:
    event = only(coded(coder, "Chile said it will provide humanitarian aid to Peru."), "03")
    assert event.cameo == "0333"


def test_no_event_without_a_source_actor(coder: Coder) -> None:
    assert coded(coder, "The weather was attacked by nobody.") == []


def test_target_needed_except_for_statements_and_protests(coder: Coder) -> None:
    assert coded(coder, "Chile attacked.") == []
    protest = only(coded(coder, "Chilean students protested in Santiago."), "14")
    assert protest.target is None


# ------------------------------------------------------------------ negation


@pytest.mark.parametrize(
    "text",
    [
        "Chile did not attack Peru.",
        "Chile never criticized Peru.",
        "Chile denied sending troops to Peru.",
        "Chile failed to attack Peru.",
    ],
)
def test_negated(coder: Coder, text: str) -> None:
    events = [e for e in coded(coder, text) if not e.cameo.startswith("01")]
    assert events, text
    assert all(e.negated for e in events), [(e.cameo, e.negated) for e in events]


def test_not_negated(coder: Coder) -> None:
    assert not any(e.negated for e in coded(coder, "Chile attacked Peru."))


# ------------------------------------------------------------------ modality


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Chile attacked Peru.", "asserted"),
        ("Chile would attack Peru.", "hypothetical"),
        ("If Chile attacks Peru, Bolivia will respond.", "hypothetical"),
        (
            "Bolivia would neither confirm nor exclude the possibility of Chile sending troops"
            " to Peru.",
            "hypothetical",
        ),
        ("Bolivia said Chile attacked Peru.", "reported"),
    ],
)
def test_modality(coder: Coder, text: str, modality: str) -> None:
    events = [e for e in coded(coder, text) if e.source and e.source.code == "CHL"]
    assert events, text
    assert {e.modality for e in events} == {modality}


def test_intended_when_no_intent_code_exists(coder: Coder) -> None:
    # An intent to attack has no CAMEO 03 code; the act keeps its code, marked intended.
    [event] = coded(coder, "Chile plans to attack Peru.")
    assert event.cameo == "190" and event.modality == "intended"


def test_threatened_when_no_threat_code_exists(coder: Coder) -> None:
    [event] = coded(coder, "Chile threatened to criticize Peru.")
    assert event.cameo == "111" and event.modality == "threatened"


# ------------------------------------------------------------------ background


@pytest.mark.parametrize(
    "text",
    [
        "Chile previously helped Peru.",
        "Chile had attacked Peru.",
        "Chile attacked Peru in 2018.",
        "Chile attacked Peru five years ago.",
    ],
)
def test_background(coder: Coder, text: str) -> None:
    events = coded(coder, text, dt.date(2024, 5, 8))
    assert events and all(e.background for e in events), [(e.cameo, e.background) for e in events]


def test_acts_named_by_a_past_participle_are_background(coder: Coder) -> None:
    [event] = coded(coder, "Bolivia has suffered under sanctions imposed by Peru.")
    assert (event.source and event.source.code, event.target and event.target.code) == (
        "PER",
        "BOL",
    )
    assert event.cameo == "163" and event.background


def test_this_years_event_is_not_background(coder: Coder) -> None:
    events = coded(coder, "Chile attacked Peru in 2024.", dt.date(2024, 5, 8))
    assert events and not any(e.background for e in events)


def test_evidence_names_the_entry_and_the_clause(coder: Coder) -> None:
    [event] = coded(coder, "Chile criticized Peru.")
    assert event.evidence is not None
    assert event.evidence.entry.startswith("111:")
    assert event.evidence.pattern.startswith("data/verbs.yaml")
    assert event.evidence.clause == "CHL -criticized-> PER"
