"""What a matched clause is coded as: intents, threats, demands, refusals and claims.

An act only intended, threatened, demanded or refused takes CAMEO's code for the
intent (03), threat (13), demand (10) or rejection (12) of it; a cooperative act
withheld ("will not lift the ban", "failed to reach agreement") is a rejection;
a cooperative act announced for later ("will provide aid", "is willing to
withdraw") an intent; a hostile one publicly vowed a threat; one only weighed
("is considering sending aid") stays hypothetical; one its own actor claims ("the
rebels claimed they had attacked") is the claim (015). Moved out of
events/coding.py, which matches clauses and builds the events.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.clauses import Clause, children, mentions_of
from eventwire.events.lexicon import EventCues, Lexicon, LexiconEntry
from eventwire.events.qualify import purpose_infinitive
from eventwire.events.repairs import participle_subject
from eventwire.events.story_parse import kids
from eventwire.model import Actor, Mention, Modality

__all__ = ["Coded", "accused_of", "recode", "unlisted_demand"]


@dataclass(frozen=True, slots=True)
class Coded:
    """What a matched clause is coded as, after recoding intents, threats and demands."""

    code: str
    source: Actor
    target: Actor | None
    modality: Modality
    how: str  # "" or the recoding applied, for the evidence
    negated: bool = False


def _auxiliaries(clause: Clause) -> set[str]:
    tokens = [clause.verb] + ([clause.controller] if clause.controller is not None else [])
    if clause.governor is not None:
        tokens.append(clause.governor)
    return {c.lower_ for t in tokens for c in kids(t) if c.dep_ == "aux"}


def _speaker(clause: Clause, by_head: dict[int, Mention], lexicon: Lexicon) -> Mention | None:
    if clause.reporter is None:
        return None
    reporter = clause.reporter
    subjects = children(reporter, {"nsubj"})
    # "Quispe thanked Brazil ... and said ...": the subject of the first verb.
    while not subjects and reporter.dep_ == "conj" and reporter.head.i != reporter.i:
        reporter = reporter.head
        subjects = children(reporter, {"nsubj"})
    # "The Red Cross operating in Peru said": the noun under a participle subject.
    subjects = [participle_subject(subject) for subject in subjects]
    found = mentions_of(subjects, by_head, lexicon.event_cues)
    return found[0] if found else None


# Cooperative families whose act withheld is a rejection: intent, diplomatic and
# material cooperation, aid, yielding. A meeting not held (04) is no refusal.
_WITHHELD_ROOTS = frozenset({"03", "05", "06", "07", "08"})


def accused_of(clause: Clause, lexicon: Lexicon) -> bool:
    """ "accused the United States of violating human rights": what an accusation or
    criticism (CAMEO 11) charges is not an act of the accuser. Nor is the act given
    as the grounds of an arrest or a charge ("was arrested for collaborating with
    Israel", "jailed for spying"): it is what the arrest alleges, not a coded act."""
    if clause.controller is not None and any(
        entry.code.startswith("11") and not entry.objects and not entry.under
        for entry in lexicon.candidates(clause.controller.lemma_.lower())
    ):
        return True
    verb, prep = clause.verb, clause.verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "with"):
        return False
    return any(
        entry.code[:2] in ("11", "17") and not entry.under
        for entry in lexicon.candidates(prep.head.lemma_.lower())
    )


def _withheld(clause: Clause, cues: EventCues) -> bool:
    """Whether the act itself is withheld ("did not lift", "failed to reach",
    "declined to meet"), not merely negated from afar ("denied charges that it had
    helped")."""
    if any(child.dep_ == "neg" for child in kids(clause.verb)):
        return True
    controller = clause.controller
    return controller is not None and (
        controller.lemma_.lower() in cues.negating_verbs
        or any(child.dep_ == "neg" for child in kids(controller))
    )


def _demanded(
    clause: Clause, by_head: dict[int, Mention], lexicon: Lexicon
) -> tuple[str, Actor] | None:
    """ "its demand that Israel ease ...", "a call for Chile to withdraw ...": the
    clause completes a noun of demand or appeal (data/nouns.yaml, CAMEO 10 or 02);
    the act ("demand" or "appeal") and whoever made it, the noun's possessor or the
    subject of the verb that carries the noun."""
    noun = clause.verb.head
    if clause.verb.dep_ == "ccomp" and noun.pos_ == "VERB":
        # "reiterated its demand today that Israel ease ...": the that-clause parsed
        # as the verb's when an adverb parts it from the noun it completes.
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in kids(clause.verb))
        nouns = [o for o in children(noun, {"dobj"}) if o.i < clause.verb.i] if marked else []
        noun = nouns[-1] if nouns else noun
    if clause.verb.dep_ not in ("ccomp", "acl") or noun.pos_ != "NOUN":
        return None
    roots = {e.code[:2] for e in lexicon.noun_candidates(noun.lemma_.lower()) if not e.objects}
    act = "demand" if "10" in roots else "appeal" if "02" in roots else None
    if act is None:
        return None
    cues = lexicon.event_cues
    askers = mentions_of(children(noun, {"poss"}), by_head, cues)
    if not askers and noun.dep_ in ("dobj", "nsubjpass"):
        askers = mentions_of(children(noun.head, {"nsubj", "agent"}), by_head, cues)
    for asker in askers:
        if asker.actor.code != clause.source.actor.code:
            return act, asker.actor
    return None


def _said_above(verb: Token, cues: EventCues) -> bool:
    """Whether the actor's own verb of commitment, threat or claim governs the clause
    ("claims to be making weapons to use against Peru"). A verb of saying alone may
    be someone else's report of what was done ("police launched raids to detain
    them, prosecutors said")."""
    spoken = cues.commitment_verbs | cues.threat_verbs | cues.responsibility_verbs
    current = verb
    for _ in range(4):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ == "VERB" and current.lemma_.lower() in spoken:
            return True
    return False


def unlisted_demand(clause: Clause, lexicon: Lexicon, by_head: dict[int, Mention]) -> Coded | None:
    """ "the Red Cross said Chilean forces must ensure security": what a speaker says
    another actor must do is the speaker's demand on it (CAMEO 100), even when the
    lexicon has no entry for the act itself (a listed act takes its own demand code
    in `recode`)."""
    if clause.kind != "verb" or clause.modality != "reported" or clause.negated:
        return None
    if not _auxiliaries(clause) & lexicon.event_cues.obligation_aux:
        return None
    # "suggested Peru should adopt new rules" puts the act forward, demands nothing.
    reporter = clause.reporter
    if reporter is not None and reporter.lemma_.lower() in lexicon.event_cues.suggestion_verbs:
        return None
    speaker = _speaker(clause, by_head, lexicon)
    if speaker is None or speaker.actor.code == clause.source.actor.code:
        return None
    return Coded("100", speaker.actor, clause.source.actor, "asserted", "demand of an unlisted act")


def _willing(clause: Clause, cues: EventCues) -> bool:
    """ "is willing to withdraw", "stands ready to help": the act is the complement of
    an adjective of readiness."""
    verb = clause.verb
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues.intent_adjectives


def recode(
    clause: Clause, entry: LexiconEntry, lexicon: Lexicon, by_head: dict[int, Mention]
) -> Coded:
    """An act that is only intended, threatened or demanded takes the code CAMEO gives
    the intent, threat or demand ("pledged to send aid" is 033, not 070;
    "threatened to cut aid" 1311; "said Sudan must return it" a demand on Sudan);
    where CAMEO has no such code the act keeps its code and the modality says it."""
    source, target = clause.source.actor, (clause.target.actor if clause.target else None)
    code, modality, negated = entry.code, clause.modality, clause.negated
    recoding, cues = lexicon.recoding, lexicon.event_cues
    controller = clause.controller.lemma_.lower() if clause.controller is not None else ""
    refused = recoding is not None and controller in recoding.act_verbs.get("reject", ())
    if controller in cues.tentative_verbs and not entry.under:
        # "is considering sending aid": weighed, not yet intended.
        return Coded(code, source, target, "hypothetical", "", negated)
    if entry.under and (modality in ("intended", "threatened") or refused):
        # "agreed to cooperate", "declined to resign": the intent or the refusal is
        # part of the code, not a modality or a negation.
        return Coded(code, source, target, "asserted", "", negated and not refused)
    if recoding is None:
        return Coded(code, source, target, modality, "", negated)
    if refused and code[:2] not in ("01", "12"):
        # "refused to deploy peacekeepers": a rejection (CAMEO 12), of the act's
        # topic where CAMEO has a code for it.
        rejection = recoding.as_act("reject", code) or "120"
        return Coded(rejection, source, target, "asserted", f"refusal of {code}")
    denial = any(e.code == "016" for e in lexicon.candidates(controller))
    if negated and code[:2] in _WITHHELD_ROOTS and not denial and _withheld(clause, cues):
        # "will not lift the ban", "failed to reach agreement": withholding a
        # cooperative act is CAMEO's rejection of it (12), which is asserted; a denial
        # ("denied sending aid") is not a refusal and stays a negated act.
        rejection = recoding.as_act("reject", code) or "120"
        return Coded(rejection, source, target, "asserted", f"refusal of {code}")
    if negated:
        return Coded(code, source, target, modality, "", negated)
    auxiliaries = _auxiliaries(clause)
    if modality in ("asserted", "reported") and _willing(clause, cues):
        # "Syria is willing to withdraw its troops": a declared readiness is an intent.
        modality = "intended"
    if modality == "asserted" and auxiliaries & cues.future_aux and "04" <= code[:2] <= "08":
        # "the UN will provide food aid": a cooperative act announced for later is,
        # in CAMEO, the intent to do it (03).
        modality = "intended"
    if (
        modality == "threatened"
        and "04" <= code[:2] <= "08"
        and controller not in cues.threat_verbs
    ):
        # "would meet the mediator if he gave them a veto": cooperation held over a
        # condition is an offer, not a threat.
        modality = "intended"
    demanded = _demanded(clause, by_head, lexicon)
    if demanded is not None and code[:2] not in ("01", "02", "10"):
        # "reiterated its demand that Israel ease restrictions": the act is what the
        # demand asks of its actor.
        act, asker = demanded
        asked = recoding.as_act(act, code) or ("100" if act == "demand" else "020")
        return Coded(asked, asker, source, "asserted", f"{act} of {code}")
    if modality == "reported":
        speaker = _speaker(clause, by_head, lexicon)
        # "X said it will send aid" (or X's own spokesman, or an unnamed source, said
        # so): X's intent; what someone else says X will do stays reported.
        own_side = speaker is not None and (
            speaker.actor.code == source.code
            or (source.country is not None and speaker.actor.country == source.country)
        )
        if auxiliaries & cues.future_aux and (speaker is None or own_side):
            modality = "intended"
        elif (
            own_side
            and clause.reporter is not None
            and clause.reporter.lemma_.lower() in cues.responsibility_verbs
        ):
            # "the Houthis claimed that they had attacked the airport": the claim of
            # the act is what happened before our eyes (015), not the act itself.
            return Coded("015", source, target, "asserted", f"claim of {code}")
        elif (
            speaker is not None
            and auxiliaries & cues.obligation_aux
            and speaker.actor.code != source.code
            and code[:2] not in ("01", "10")
        ):
            demand = recoding.as_act("demand", code) or "100"
            return Coded(demand, speaker.actor, source, "asserted", f"demand of {code}")
    if modality == "intended" and code[:2] not in ("03", "01"):
        intent = recoding.as_act("intend", code)
        if intent is not None:
            return Coded(intent, source, target, "asserted", f"intent of {code}")
        # A hostile act the actor commits to in public ("vowed to fight", "said
        # they would boycott") is CAMEO's threat of it; a plan or an attempt ("plans
        # to attack", "tried to hack") keeps the act's code, marked intended.
        threat = recoding.as_threat(code)
        committed = not controller or controller in cues.commitment_verbs
        if purpose_infinitive(clause.verb, cues):
            # "bought drones to strike Peru" is a plan; "claims to be making weapons
            # to use against Peru" says it in public, a threat.
            committed = _said_above(clause.verb, cues)
        # Force posture (15) announced is a deployment plan, not yet a threat.
        if threat is not None and committed and code[:2] != "15":
            return Coded(threat, source, target, "asserted", f"threat of {code}")
    if modality == "threatened" and code[:2] != "13":
        threat = recoding.as_threat(code)
        if threat is not None:
            return Coded(threat, source, target, "asserted", f"threat of {code}")
    return Coded(code, source, target, modality, "")
