"""PLOVER contexts and modes read off the sentence (events/plover.py, data/plover_cues.yaml)."""

from __future__ import annotations

import pytest
from tests.events.test_cameo import PLOVER_CONTEXTS

from eventwire.events.cameo import PLOVER_TYPES, load_cameo_codebook
from eventwire.events.plover import load_plover_cues, parse_plover_cues
from eventwire.model import Article, Event
from eventwire.pipeline import Coder


def test_shipped_cues_use_the_manuals_contexts_and_types() -> None:
    cues = load_plover_cues()
    assert set(cues.contexts) <= PLOVER_CONTEXTS
    assert {c for names in cues.sector_contexts.values() for c in names} <= PLOVER_CONTEXTS
    assert set(cues.modes) <= PLOVER_TYPES
    # A cue may only replace modes the table gives codes of its own type.
    codebook = load_cameo_codebook()
    for plover_type, mode_cues in cues.modes.items():
        table_modes = {c.plover.mode or "" for c in codebook if c.plover.type == plover_type}
        for cue in mode_cues:
            assert cue.fills <= table_modes, (plover_type, cue.mode)


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ({"contexts": {}}, "expected the keys"),
        ({"contexts": {"Military": {"words": ["army"]}}, "modes": {}}, "malformed"),
        ({"contexts": {}, "modes": {"FIGHT": []}}, "malformed"),
        ({"contexts": {}, "modes": {"ASSAULT": [{"mode": "firearms"}]}}, "no words"),
        ({"contexts": {"legal": {"words": "court"}}, "modes": {}}, "list of words"),
    ],
)
def test_bad_cue_documents_are_refused(document: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_plover_cues(document)


def _primary(coder: Coder, text: str) -> Event:
    events = coder.code_one(Article(id="p", text=text)).events
    return max(events, key=lambda e: e.confidence)


def test_the_sentence_adds_its_topics_after_the_tables_context(coder: Coder) -> None:
    event = _primary(coder, "Chile rejected Peru's proposal on refugees at the border talks.")
    assert event.plover.type == "REJECT"
    assert {"migration", "diplomatic"} <= set(event.plover.context)


def test_an_actors_sector_gives_its_context(coder: Coder) -> None:
    event = _primary(coder, "Chilean soldiers arrested Peruvian activists.")
    assert event.plover.type == "COERCE"
    assert event.plover.context[0] == "legal"  # the table's, first
    assert "military" in event.plover.context


def test_the_weapon_named_is_the_assault_mode(coder: Coder) -> None:
    event = _primary(coder, "Chilean rebels killed ten Peruvian soldiers with a car bomb.")
    assert (event.plover.type, event.plover.mode) == ("ASSAULT", "explosives")


def test_a_strike_is_no_boycott(coder: Coder) -> None:
    event = _primary(coder, "Chilean dockworkers went on strike over pay.")
    assert (event.plover.type, event.plover.mode) == ("PROTEST", "strike")


def test_a_topic_word_must_be_a_noun_or_adjective(coder: Coder) -> None:
    # "forced" is no military topic, "met" no talk; the table's CONSULT has no context.
    event = _primary(coder, "Chile met Peru in Lima after it was forced to wait.")
    assert event.plover.type == "CONSULT"
    assert "military" not in event.plover.context


def test_armed_groups_name_a_military_topic(coder: Coder) -> None:
    # CAMEO 181 carries no context of its own; the rebels make it a military matter.
    event = _primary(coder, "Chilean rebels kidnapped Peruvian engineers.")
    assert event.plover.type == "ASSAULT"
    assert "military" in event.plover.context


def test_rights_violations_are_human_rights(coder: Coder) -> None:
    event = _primary(coder, "Chilean students protested against rights violations in Peru.")
    assert event.plover.type == "PROTEST"
    assert "human_rights" in event.plover.context


def test_a_meeting_on_a_visit_is_the_visit_mode(coder: Coder) -> None:
    event = _primary(coder, "Chile held talks with Peru during a visit to Lima.")
    assert (event.plover.type, event.plover.mode) == ("CONSULT", "visit")


def test_a_verb_can_name_the_weapon(coder: Coder) -> None:
    # The killing is the most telling event; "shelled" says what it was done with.
    event = _primary(
        coder, "Chilean rebels shelled the Peruvian town of Tacna, killing ten villagers."
    )
    assert (event.plover.type, event.plover.mode) == ("ASSAULT", "heavy-weapons")
