"""Agentless passives whose doer the sentence still says, without a "by" phrase.

- A force acting on itself: "400 rebels have been demobilized", "peacekeepers were
  withdrawn from Peru", "troops were pulled out of Chile". Demobilizing and
  withdrawing are done by the force's own side (CAMEO 0873, 0874, 1661), so the
  force is the source and the place it leaves the target. Not "were attacked" or
  "were killed", which name no doer at all (DESIGN.md: no event without a source).
- One expelled from a country: "the ambassador was expelled from Peru" is Peru's act.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.lexicon import EventCues
from eventwire.events.phrases import children, mentions_of, plain_country, prep_objects
from eventwire.events.story_parse import subtree
from eventwire.model import Mention

__all__ = ["expelled_from", "own_force_passive"]

# Sectors of a force that can stand itself down: armed forces, rebels, other
# armed groups, peacekeepers (IGO units are coded MIL).
_FORCES = frozenset({"MIL", "REB", "UAF", "INS"})
# Verbs that withdraw a force only with a particle or "out of": "pulled out of
# Peru", "shipped out", not "ships pulled into port".
_NEEDS_OUT = frozenset({"pull", "ship"})
# Prepositions of the place left: "from Peru", "out of Peru" (read as "of").
_LEFT = frozenset({"from", "of"})


def _left_place(verb: Token, subjects: list[Token], mentions: dict[int, Mention]) -> list[Mention]:
    """The country left ("from Peru", "out of Peru"), else the one the force is in
    ("guerrillas operating in Chile were demobilized", "were disarmed in Chile")."""
    for prep, pobj in prep_objects(verb):
        if prep in _LEFT and plain_country(pobj, mentions):
            return [mentions[pobj.i]]
    places = [
        t for t in [verb, *subjects] for t in subtree(t) if t.dep_ == "prep" and t.lower_ == "in"
    ]
    for place in places:
        for pobj in children(place, {"pobj"}):
            if plain_country(pobj, mentions):
                return [mentions[pobj.i]]
    return []


def own_force_passive(
    verb: Token, subjects: list[Token], mentions: dict[int, Mention], cues: EventCues
) -> tuple[list[Mention], list[Mention]]:
    """(sources, targets) of "rebels were demobilized", "peacekeepers were pulled out
    of Peru": the force is its own doer, the country left its target. Empty when
    the verb is not one a force does to itself or the subject is no force."""
    lemma = verb.lemma_.lower()
    if lemma not in cues.own_force_verbs:
        return [], []
    if lemma in _NEEDS_OUT and not any(
        c.lower_ in ("out", "back") for c in children(verb, {"prt", "prep", "advmod"})
    ):
        return [], []
    forces = [m for m in mentions_of(subjects, mentions, cues) if m.actor.sector in _FORCES]
    if not forces:
        return [], []
    return forces, _left_place(verb, subjects, mentions)


def expelled_from(verb: Token, mentions: dict[int, Mention], cues: EventCues) -> list[Mention]:
    """ "was expelled from Peru", "were deported from Chile": the country one is put
    out of is the one that did it."""
    if verb.lemma_.lower() not in cues.expulsion_verbs:
        return []
    for prep, pobj in prep_objects(verb):
        if prep == "from" and plain_country(pobj, mentions):
            return [mentions[pobj.i]]
    return []
