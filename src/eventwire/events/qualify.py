"""How a clause is qualified: negated, its modality, and whether the story recalls it.

- negated: a "not"/"never"/"no longer" on the trigger or its governing verb
  ("did not attack", "has not agreed to meet"), "neither ... nor", or a
  governing verb that denies or fails its complement ("denied sending
  troops", "failed to reach a deal").
- modality: "threatened" for a future act held over a condition ("will
  withdraw unless ..."); "hypothetical" inside a possibility ("the possibility of sending
  military assets") or a condition ("if Russia attacks"); "threatened" and
  "intended" under a threat or intent verb ("threatened to strike", "pledged
  to cooperate"); "reported" in the complement of a verb of saying ("said
  Russia had sent troops"); "hypothetical" under would/could/might (also on
  the verb of intent: "might agree to meet") and in a subjunctive complement
  ("demanded that Iran release ...": asked for, not done); else "asserted".
- background: a recalling adverb ("previously", "earlier"), the past perfect
  ("had sent"), or a year before the story's ("in 2018"), on the trigger or on
  the verb it is the complement of ("previously agreed to meet").

The cue words are data (data/event_cues.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.lexicon import EventCues
from eventwire.events.story_parse import date_words, kids, subtree
from eventwire.model import Modality

__all__ = ["Qualities", "purpose_infinitive", "qualify"]

_NEGATIONS = {"not", "n't", "never", "no", "neither", "nor"}
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# How far up a clause looks for the verb it is the complement of.
_MAX_DEPTH = 6


@dataclass(frozen=True, slots=True)
class Qualities:
    negated: bool
    modality: Modality
    background: bool
    reporter: Token | None = None  # the verb of saying whose content this is


def _negated_here(token: Token) -> bool:
    for child in kids(token):
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("preconj", "advmod", "cc") and child.lower_ in ("neither", "never"):
            return True
        if (
            child.dep_ == "advmod"
            and child.lower_ == "longer"
            and any(g.lower_ == "no" for g in kids(child))
        ):
            return True
    return False


def _governors(trigger: Token) -> list[Token]:
    """The trigger and the verbs (and nouns) it hangs under, nearest first, stopping at
    the clause of saying (which does not negate or qualify its content's own verbs)."""
    chain = [trigger]
    current = trigger
    for _ in range(_MAX_DEPTH):
        if current.head.i == current.i:
            break
        current = current.head
        chain.append(current)
    return chain


def qualify(
    trigger: Token, controller: Token | None, cues: EventCues, year: int | None
) -> Qualities:
    """Negation, modality and background of a clause headed by `trigger`."""
    chain = _governors(trigger)
    negated = _negated_here(trigger)
    modality: Modality = "asserted"
    says = False
    reporter: Token | None = None
    qualified_by: Token | None = None  # the verb of intent or threat met on the way up
    # Walk up from the trigger. What sits between the trigger and a verb of saying
    # qualifies the trigger; the verb of saying makes the rest "reported".
    for index, token in enumerate(chain):
        lemma = token.lemma_.lower()
        if index > 0:
            if lemma in cues.say_verbs and token.pos_ == "VERB":
                # An adverbial clause of the saying ("Flanked by Borisov, Maduro
                # said ...") tells its circumstances, not what was said.
                if chain[index - 1].dep_ != "advcl":
                    says, reporter = True, token
                break
            if lemma in cues.possibility_nouns and token.pos_ == "NOUN":
                modality = "hypothetical"
                break
            if token.pos_ in ("VERB", "AUX"):
                if lemma in cues.negating_verbs:
                    negated = not negated
                elif _negated_here(token) and token in (controller, trigger.head):
                    negated = True
                if modality == "asserted" and lemma in cues.threat_verbs:
                    modality, qualified_by = "threatened", token
                elif modality == "asserted" and lemma in cues.intent_verbs:
                    modality, qualified_by = "intended", token
        if any(
            child.dep_ == "mark" and child.lower_ in cues.hypothetical_marks
            for child in kids(token)
        ):
            modality = "hypothetical"
            break
        # "might agree to meet": a modal on the verb of intent or threat itself makes
        # the whole chain hypothetical (what is only intended stays so below it).
        if (modality == "asserted" or qualified_by is token) and any(
            child.dep_ == "aux" and child.lower_ in cues.hypothetical_aux for child in kids(token)
        ):
            modality = "hypothetical"
        if token.dep_ in ("ccomp", "advcl", "relcl", "ROOT") and index > 0:
            # A clause boundary: only a verb of saying right above still matters.
            head = token.head
            if token.dep_ == "ccomp" and head.lemma_.lower() in cues.say_verbs:
                says, reporter = True, head
            break
        if token.dep_ in ("ccomp",) and index == 0 and token.head.lemma_.lower() in cues.say_verbs:
            says, reporter = True, token.head
            break
    if modality in ("asserted", "reported") and purpose_infinitive(trigger, cues):
        # "are making weapons to use against Peru": a purpose is what is meant to be
        # done, not what was done.
        modality = "intended"
    elif modality in ("asserted", "hypothetical") and _conditional_promise(trigger, cues):
        # "will withdraw its force unless Chad agrees": a conditional act is a threat.
        modality = "threatened"
    elif says and modality in ("asserted", "hypothetical"):
        modality = "reported"
    if modality in ("asserted", "reported") and _mandative(trigger):
        # "demanded that Peru release the prisoners", "reiterated its demand that
        # Israel ease ...": a subjunctive verb is what was asked for, not what was done.
        modality = "hypothetical"
    # "previously agreed to meet": what dates the verb of intent dates its complement.
    background = _background(trigger, year, cues) or (
        controller is not None and _background(controller, year, cues)
    )
    return Qualities(negated, modality, background, reporter)


def purpose_infinitive(verb: Token, cues: EventCues) -> bool:
    """ "are making weapons to use against Peru": an infinitive of purpose, parsed as
    an adverbial clause with no subject or subordinator of its own. Not the
    complement of a verb of asking ("urged Peru to comply"), which is the one
    asked's (events/clauses.py)."""
    return (
        verb.dep_ == "advcl"
        and verb.head.pos_ == "VERB"
        and verb.head.lemma_.lower() not in cues.object_control_verbs
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))
        and not any(c.dep_ in _OWN_SUBJECT_OR_MARK for c in kids(verb))
    )


_OWN_SUBJECT_OR_MARK = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "mark"})


def _mandative(trigger: Token) -> bool:
    """A subjunctive complement: "that Iran release", "that the government provide",
    "that the talks be held": a bare verb with its own subject and no auxiliary (the
    tagger reads the bare form after a singular subject as a plural present)."""
    if trigger.dep_ not in ("ccomp", "acl") or any(c.dep_ == "aux" for c in kids(trigger)):
        return False
    subjects = [c for c in kids(trigger) if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    if trigger.tag_ == "VB":
        return True
    return trigger.tag_ == "VBP" and all(s.tag_ in ("NN", "NNP") for s in subjects)


def _conditional_promise(trigger: Token, cues: EventCues) -> bool:
    """A future act held over a condition: "will X unless Y", "would X if Y"."""
    if not any(c.dep_ == "aux" and c.lower_ in cues.future_aux for c in kids(trigger)):
        return False
    for clause in kids(trigger):
        if clause.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in kids(clause)
        ):
            return True
    return False


def _under(token: Token, trigger: Token) -> bool:
    """Whether the token is the trigger or in its subtree."""
    while token.i != trigger.i:
        if token.head.i == token.i:
            return False
        token = token.head
    return True


def _background(trigger: Token, year: int | None, cues: EventCues) -> bool:
    for child in kids(trigger):
        if child.dep_ in ("advmod", "npadvmod") and child.lower_ in cues.background_adverbs:
            return True
        if child.dep_ == "npadvmod" and any(g.lower_ == "ago" for g in kids(child)):
            return True
        if child.dep_ == "aux" and child.lower_ == "had" and trigger.tag_ == "VBN":
            return True
    # Within a story, its few date words are looked up from, not the whole phrase
    # walked down: the same words, those under the trigger.
    dates = date_words(trigger)
    words = (
        subtree(trigger)
        if dates is None
        else [t for t in dates if _YEAR.match(t.text) and _under(t, trigger)]
    )
    for token in words:
        if token.ent_type_ != "DATE" or not _YEAR.match(token.text):
            continue
        # Only dates on the trigger's own phrases, not inside a nested clause.
        path = token
        nested = False
        while path.i != trigger.i and path.head.i != path.i:
            if path.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl"):
                nested = True
                break
            path = path.head
        if nested:
            continue
        found = int(token.text)
        if year is not None:
            if found < year:
                return True
        elif trigger.tag_ in ("VBD", "VBN"):
            return True
    return False
