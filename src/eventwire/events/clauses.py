"""Clauses from the dependency parse: who (source) -verb-> whom (target).

One clause per verb. The source is the subject (or the agent of a passive, or
the subject of the verb that governs a complement: "Maduro pledged to
cooperate"); the target is the object, the object of a target preposition on
the verb or on its object ("cooperation with Russia"), or the subject of a
passive. Coordinated actors ("Russia and China") give one clause per actor.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.model import Mention, Modality

# Prepositions that introduce the one an act is done to or with.
TARGET_PREPS = {
    "with", "against", "to", "on", "from", "toward", "towards", "at", "for", "over", "into",
    "upon", "between", "among", "onto",
}  # fmt: skip
_SUBJECT_DEPS = {"nsubj", "csubj"}
_QUANTITY_NOUNS = {"thousand", "hundred", "dozen", "million", "group", "number", "crowd",
                   "member", "band", "score", "handful", "majority", "bunch"}  # fmt: skip
_PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
_CONTROL_DEPS = {"xcomp"}
_SAY_LEMMAS = {"say", "tell", "report", "announce", "claim", "state", "add", "note", "insist"}
_INTENT_LEMMAS = {"pledge", "promise", "vow", "plan", "intend", "agree", "offer", "want", "seek",
                  "hope", "aim", "prepare", "decide", "expect"}  # fmt: skip
_THREAT_LEMMAS = {"threaten"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should"}
# "the possibility of Russia sending military assets" is not a deployment.
_POSSIBILITY_NOUNS = {"possibility", "prospect", "option", "idea", "proposal", "scenario", "risk"}


@dataclass(frozen=True, slots=True)
class Clause:
    verb: Token
    controller: (
        Token | None
    )  # the verb this one is the complement of ("pledged" for "to cooperate")
    source: Mention
    target: Mention
    governed_lemmas: str  # lemmas of what the verb governs: object and prepositional phrases
    negated: bool
    modality: Modality
    passive: bool

    def describe(self) -> str:
        verb = self.verb.text
        if self.controller is not None:
            verb = f"{self.controller.text} to {verb}"
        return f"{self.source.actor.code} -{verb}-> {self.target.actor.code}"


def _with_conjuncts(token: Token) -> list[Token]:
    result = [token]
    for conj in token.conjuncts:
        if conj.i > token.i and conj not in result:
            result.append(conj)
    return result


def _mentions_of(tokens: list[Token], mentions: dict[int, Mention]) -> list[Mention]:
    found = []
    for token in tokens:
        for member in _with_conjuncts(token):
            mention = mentions.get(member.i) or _quantified(member, mentions)
            if mention is not None and mention not in found:
                found.append(mention)
    return found


def _quantified(token: Token, mentions: dict[int, Mention]) -> Mention | None:
    """ "thousands of retirees", "some of the protesters": the actor is after "of"."""
    if token.pos_ not in ("NUM", "NOUN", "PRON", "DET", "ADJ") or token.i in mentions:
        return None
    if token.pos_ == "NOUN" and token.lemma_.lower() not in _QUANTITY_NOUNS:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.i in mentions:
                    return mentions[pobj.i]
    return None


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def _controller(verb: Token) -> Token | None:
    if verb.dep_ in _CONTROL_DEPS and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    return None


def _subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subject tokens and whether the verb is passive; inherited from a governing or
    coordinated verb when the verb has none of its own."""
    current: Token | None = verb
    for _ in range(4):  # a chain of "pledged to try to cooperate" is short
        if current is None:
            break
        active = _children(current, _SUBJECT_DEPS)
        passive = _children(current, _PASSIVE_SUBJECT_DEPS)
        if active or passive:
            return (active, False) if active else (passive, current is verb)
        # Participial adverbial clauses ("..., accusing Maduro of") are left out: their
        # subject is often not the main clause's.
        if current.dep_ in ("xcomp", "conj", "acomp") and current.head is not current:
            current = current.head
        else:
            break
    return [], False


def _agents(verb: Token) -> list[Token]:
    return [pobj for agent in _children(verb, {"agent"}) for pobj in _children(agent, {"pobj"})]


def _prep_objects(token: Token) -> list[tuple[str, Token]]:
    found = []
    for prep in _children(token, {"prep"}):
        for pobj in _children(prep, {"pobj"}):
            found.append((prep.lower_, pobj))
    return found


def _governed(verb: Token) -> list[Token]:
    """Tokens whose lemmas patterns may name: objects, particles, prepositional phrases,
    adverbs, and the complement clause's words."""
    tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "attr", "oprd", "prep", "prt", "advmod", "acomp",
                          "xcomp", "npadvmod", "agent", "ccomp"):  # fmt: skip
            tokens.extend(child.subtree)
    return sorted(tokens, key=lambda token: token.i)


def _targets(verb: Token, mentions: dict[int, Mention]) -> list[Mention]:
    objects = _children(verb, {"dobj", "dative"})
    found = _mentions_of(objects, mentions)
    if found:
        return found
    for prep, pobj in _prep_objects(verb):
        if prep in TARGET_PREPS:
            found = _mentions_of([pobj], mentions)
            if found:
                return found
    for obj in objects + _children(verb, {"attr"}):
        for prep, pobj in _prep_objects(obj):
            if prep in TARGET_PREPS:
                found = _mentions_of([pobj], mentions)
                if found:
                    return found
    return []


def _negated(verb: Token, controller: Token | None) -> bool:
    for token in (verb, controller):
        if token is not None and any(child.dep_ == "neg" for child in token.children):
            return True
    return False


def _modality(verb: Token, controller: Token | None) -> Modality:
    for token in [verb, *verb.ancestors]:
        if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_AUX for c in token.children):
            return "hypothetical"
        if token.lemma_.lower() in _POSSIBILITY_NOUNS:
            return "hypothetical"
    if controller is not None:
        if controller.lemma_ in _THREAT_LEMMAS:
            return "threatened"
        if controller.lemma_ in _INTENT_LEMMAS:
            return "intended"
    head = controller or verb
    if head.dep_ == "ccomp" and head.head.lemma_ in _SAY_LEMMAS:
        return "reported"
    return "asserted"


def extract_clauses(sent: Span, mentions: dict[int, Mention]) -> Iterator[Clause]:
    """Every (source, verb, target) clause of a sentence whose two ends are coded actors."""
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        controller = _controller(verb)
        subjects, passive = _subjects(verb)
        if passive:
            sources = _mentions_of(_agents(verb), mentions)
            targets = _mentions_of(subjects, mentions)
        else:
            sources = _mentions_of(subjects, mentions)
            targets = _targets(verb, mentions)
        if not sources:
            continue
        if not targets and len(sources) > 1:
            # "Russia and China signed an agreement": the act is mutual, both directions.
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        else:
            pairs = [(a, b) for a in sources for b in targets]
        governed = " ".join(token.lemma_.lower() for token in _governed(verb))
        for source, target in pairs:
            if source.actor.code == target.actor.code or source.head == target.head:
                continue
            yield Clause(
                verb=verb,
                controller=controller,
                source=source,
                target=target,
                governed_lemmas=governed,
                negated=_negated(verb, controller),
                modality=_modality(verb, controller),
                passive=passive,
            )
