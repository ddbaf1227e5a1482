"""Targets found beyond the clause: whom aid goes to when a relative clause on the
thing given names who received it, the country a measure or an investigation
applies in, and whom a threat is held over (the subject of its "if"/"unless"
clause, or what the goal of an "until" clause names); who rallies those called on
to mobilize against someone; and whether an act may go with no target at all.
Moved out of events/coding.py, which calls these when a coded act has no target
of its own.
"""

from __future__ import annotations

from eventwire.events.clauses import Clause, children, mentions_of
from eventwire.events.lexicon import EventCues
from eventwire.events.repairs import misparsed_main_verb
from eventwire.events.story_parse import kids, subtree
from eventwire.model import Actor, Mention

__all__ = [
    "PLACED_ROOTS",
    "STATE_ROOTS",
    "applied_in",
    "beneficiary",
    "conditioned",
    "rallier",
    "target_allowed",
]


def beneficiary(clause: Clause, by_head: dict[int, Mention], cues: EventCues) -> Actor | None:
    """ "provided vaccines, for which Maduro expressed his gratitude": aid whose
    recipient the clause does not name goes to whoever a relative clause on the thing
    given says received or thanked for it."""
    for obj in clause.objects:
        for relcl in kids(obj):
            if relcl.dep_ != "relcl":
                continue
            for found in mentions_of(children(relcl, {"nsubj"}), by_head, cues):
                if found.actor.code != clause.source.actor.code:
                    return found.actor
    return None


# Acts only a state's authorities do (CAMEO 17 coerce: arrest, detain, expel,
# curfews), whose agentless passive the country it happens in is taken to do.
STATE_ROOTS = frozenset({"17"})
# Measures laid on or lifted from a place (CAMEO 08: lifting a curfew, declaring
# a ceasefire; 17: imposing a curfew or a state of emergency): with no other
# target, the country they apply in is whom they are done to, one's own included.
# An investigation (09: "sent inspectors to a plant in Iran") is, likewise, of
# the country it is held in.
PLACED_ROOTS = frozenset({"08", "09", "17"})


def applied_in(clause: Clause, by_head: dict[int, Mention]) -> Actor | None:
    """ "imposed a curfew in the town of Cizre in southeastern Turkey", "declared a
    ceasefire in Somalia": the country named by an "in" phrase on the verb or in
    its object."""
    verb = clause.verb
    roots = children(verb, {"dobj"}) + [p for p in children(verb, {"prep"}) if p.lower_ == "in"]
    # "declared a state of siege in Bolivia to begin at midnight": the object parsed
    # as the subject of the clause that completes it.
    roots += [t for comp in children(verb, {"ccomp"}) for t in children(comp, {"nsubj"})]
    places = [t for root in roots for t in subtree(root) if t.dep_ == "prep" and t.lower_ == "in"]
    # "in northern parts of South Sudan": the country may sit deeper in the phrase.
    for place in sorted(set(places), key=lambda t: t.i):
        for token in subtree(place):
            mention = by_head.get(token.i)
            if (
                mention is not None
                and mention.actor.country is not None
                and mention.actor.code != clause.source.actor.code
            ):
                return mention.actor
    return None


# Subordinators of the condition a threat is held over.
_CONDITIONS = frozenset({"if", "unless"})


def conditioned(clause: Clause, by_head: dict[int, Mention], cues: EventCues) -> Actor | None:
    """ "threatened to stop negotiations if the United States goes ahead with ...": a
    threat whose clause names no target is held over whoever the condition is
    about, the subject of its "if" or "unless" clause."""
    verbs = [clause.verb] + ([clause.controller] if clause.controller is not None else [])
    # "threatened to stop talks if ...": the condition may hang on the complement.
    verbs += children(clause.verb, {"xcomp"})
    for verb in verbs:
        for advcl in children(verb, {"advcl"}):
            if not any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in kids(advcl)):
                continue
            for found in mentions_of(children(advcl, {"nsubj", "nsubjpass"}), by_head, cues):
                if found.actor.code != clause.source.actor.code:
                    return found.actor
        # "vowed to fight until they drive Chile out of the valley": a fight vowed
        # until a goal is reached is held over whom the goal names.
        for advcl in children(verb, {"advcl"}):
            if not any(c.dep_ == "mark" and c.lower_ in _GOALS for c in kids(advcl)):
                continue
            subjects = {t.i for s in children(advcl, {"nsubj"}) for t in subtree(s)}
            for token in subtree(advcl):
                named = by_head.get(token.i)
                if (
                    named is not None
                    and token.i not in subjects
                    and named.actor.code != clause.source.actor.code
                ):
                    return named.actor
    return None


# Subordinators of the goal a threat is held until.
_GOALS = frozenset({"until", "till"})


# Rallying others against someone (CAMEO 113).
RALLYING_ROOT = "113"


def rallier(clause: Clause, by_head: dict[int, Mention], cues: EventCues) -> Actor | None:
    """ "Syria called on Arabs to unite and mobilize against Chile": those called on
    are asked to rally; the caller is the one who rallies them (CAMEO 113, "rally
    opposition against"), the subject of the asking verb above the clause."""
    asking = clause.verb
    for _ in range(3):  # "called on Arabs to unite and mobilize": verb, conj, xcomp
        if asking.lemma_.lower() in cues.object_control_verbs and asking.i != clause.verb.i:
            callers = children(asking, {"nsubj"})
            if not callers and misparsed_main_verb(asking):
                callers = [asking.head]  # "A newspaper called Thursday on Chileans to"
            for found in mentions_of(callers, by_head, cues):
                if found.actor.code != clause.source.actor.code:
                    return found.actor
            return None
        if asking.head.i == asking.i:
            return None
        asking = asking.head
    return None


def target_allowed(clause: Clause, code: str, cues: EventCues, entry_code: str = "") -> bool:
    """Whether an event may go without a coded target: always for the families that
    need none (statements, protests...) and the acts done to no one (`entry_code`,
    the lexicon entry's, in `untargeted_codes`: "the president will resign", which
    "will" makes an intent); for the others only when the clause says
    more than the bare verb, so names what it acts on or where ("killed three
    villagers", "imposed a curfew in the town", "provided $2 million in
    assistance"), just not as an actor we code.
    "Chile attacked." is no event."""
    if code[:2] in cues.untargeted_roots or entry_code in cues.untargeted_codes:
        return True
    return bool(clause.governed_lemmas.strip(" |"))
