"""Verb clauses from the dependency parse: who (source) -verb-> whom (target).

One clause per verb and actor pair. The source is the subject (the agent of a
passive, the subject of the verb that governs a complement: "Maduro pledged to
cooperate", or the noun a relative clause hangs on: "Russia, which sent
troops"); the target is the object, the object of a target preposition on the
verb or on its object ("cooperation with Russia"), the subject of a passive, or
the subject of a demanded clause ("demanded that Iran release"). Coordinated
actors give one clause per actor; coordinated subjects with no target ("Russia
and China signed an agreement") give both directions, since the act is mutual.
A clause with a source and no target is kept with `target=None`: the coder
keeps it only for the CAMEO families that allow it (statements, protests...).

How a clause is qualified (negation, modality, background) is in
events/qualify.py, shared with nominal events.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from eventwire.events.lexicon import EventCues
from eventwire.events.qualify import Qualities, qualify
from eventwire.model import Mention

__all__ = ["TARGET_PREPS", "Clause", "extract_clauses", "mentions_of", "pattern_text"]

# Prepositions that introduce the one an act is done to or with.
TARGET_PREPS = frozenset(
    {"with", "against", "to", "on", "from", "toward", "towards", "at", "for", "over", "into",
     "upon", "between", "among", "onto"}
)  # fmt: skip
_SUBJECT_DEPS = {"nsubj", "csubj"}
_PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
_RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
_FINITE = {"VBD", "VBZ", "VBP"}
_GOVERNED_DEPS = {"dobj", "dative", "attr", "oprd", "prep", "prt", "advmod", "acomp", "xcomp",
                  "npadvmod", "agent", "ccomp", "advcl"}  # fmt: skip

ClauseKind = Literal["verb", "noun"]


@dataclass(frozen=True, slots=True)
class Clause:
    """A source acting (on a target) through a verb or an event noun."""

    verb: Token  # the trigger: the verb, or the event noun for kind "noun"
    controller: Token | None  # the verb this one is the complement of ("pledged" to cooperate)
    source: Mention
    target: Mention | None
    governed_lemmas: str  # lemmas of what the trigger governs, for object patterns
    negated: bool
    modality: Literal["asserted", "intended", "threatened", "hypothetical", "reported"]
    passive: bool
    background: bool = False
    kind: ClauseKind = "verb"
    objects: tuple[Token, ...] = ()  # object nouns, for "launched an attack on" (noun patterns)
    governor: Token | None = None  # for a noun: the verb it is the object of
    reporter: Token | None = None  # the verb of saying whose content the clause is

    def describe(self) -> str:
        verb = self.verb.text
        if self.controller is not None:
            verb = f"{self.controller.text} to {verb}"
        target = self.target.actor.code if self.target is not None else "-"
        return f"{self.source.actor.code} -{verb}-> {target}"


def _with_conjuncts(token: Token) -> list[Token]:
    result = [token]
    for conj in token.conjuncts:
        if conj.i > token.i and conj not in result:
            result.append(conj)
    return result


def mentions_of(
    tokens: list[Token], mentions: dict[int, Mention], cues: EventCues
) -> list[Mention]:
    """The actor mentions headed by the tokens or their conjuncts ("Russia and China"),
    looking through quantities ("thousands of protesters") and appositions."""
    found: list[Mention] = []
    for token in tokens:
        members = _with_conjuncts(token)
        # "Maduro and Russian President Vladimir Putin" is sometimes parsed with the
        # first name as a modifier of the second: a modifier with its own "and".
        members += [
            child
            for child in token.children
            if child.dep_ in ("nmod", "compound")
            and any(grand.dep_ == "cc" for grand in child.children)
        ]
        for member in [m for t in members for m in _with_conjuncts(t)]:
            mention = mentions.get(member.i) or _quantified(member, mentions, cues)
            if mention is None:
                mention = _apposed(member, mentions)
            if mention is not None and mention not in found:
                found.append(mention)
    return found


def _apposed(token: Token, mentions: dict[int, Mention]) -> Mention | None:
    """ "its top diplomat, Sergei Lavrov": the apposition names the actor."""
    for child in token.children:
        if child.dep_ == "appos":
            for member in _with_conjuncts(child):
                if member.i in mentions:
                    return mentions[member.i]
    return None


def _quantified(token: Token, mentions: dict[int, Mention], cues: EventCues) -> Mention | None:
    """ "thousands of retirees", "some of the protesters": the actor is after "of"."""
    if token.pos_ not in ("NUM", "NOUN", "PRON", "DET", "ADJ") or token.i in mentions:
        return None
    if token.pos_ == "NOUN" and token.lemma_.lower() not in cues.quantity_nouns:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.i in mentions:
                    return mentions[pobj.i]
    return None


def children(token: Token, deps: set[str] | frozenset[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def _controller(verb: Token) -> Token | None:
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    # "refrained from attacking", "denied sending": a gerund complement of a verb.
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
        return verb.head.head
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "ccomp") and verb.head.pos_ == "VERB":
        return verb.head
    return None


def _subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subject tokens and whether the verb is passive; inherited from a governing or
    coordinated verb when the verb has none of its own."""
    current: Token | None = verb
    for _ in range(4):  # a chain of "pledged to try to cooperate" is short
        if current is None:
            break
        active = children(current, _SUBJECT_DEPS)
        passive = children(current, _PASSIVE_SUBJECT_DEPS)
        if active or passive:
            found = active or passive
            if current.dep_ == "relcl" and all(t.lower_ in _RELATIVE_PRONOUNS for t in found):
                found = [current.head]  # "Russia, which sent troops"
            return (found, False) if active else (found, current.i == verb.i)
        if current.dep_ == "relcl" and current.i == verb.i:
            return [current.head], False
        # Participial adverbial clauses ("..., accusing Maduro of") keep the main
        # subject only when they are plain conjuncts or complements.
        if current.dep_ == "conj" and current.tag_ in _FINITE and current.head.tag_ == "VB":
            # "helped Venezuela design X and dispatched bombers": a finite verb is
            # not coordinated with a bare infinitive but with the verb above it.
            current = current.head.head
        elif current.dep_ in ("xcomp", "conj", "acomp", "pcomp") and current.head.i != current.i:
            current = current.head if current.dep_ != "pcomp" else current.head.head
        else:
            break
    return [], False


def agents_of(verb: Token) -> list[Token]:
    return [pobj for agent in children(verb, {"agent"}) for pobj in children(agent, {"pobj"})]


def prep_objects(token: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging on a token, through "out of" style pairs."""
    found = []
    for prep in children(token, {"prep"}):
        for pobj in children(prep, {"pobj"}):
            found.append((prep.lower_, pobj))
        for inner in children(prep, {"prep"}):
            for pobj in children(inner, {"pobj"}):
                found.append((inner.lower_, pobj))
    return found


def governed(verb: Token) -> list[Token]:
    """Tokens whose lemmas patterns may name: objects, particles, prepositional phrases,
    adverbs, and the complement clause's words."""
    tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ in _GOVERNED_DEPS:
            tokens.extend(child.subtree)
    return sorted(tokens, key=lambda token: token.i)


def pattern_text(tokens: list[Token]) -> str:
    """What object patterns are matched against: the tokens' lemmas, then (after a "|"
    no phrase can cross) their words as written, for dictionaries written in forms."""
    lemmas = " ".join(token.lemma_.lower() for token in tokens)
    words = " ".join(token.lower_ for token in tokens)
    return f"{lemmas} | {words}" if lemmas != words else lemmas


def _targets(
    verb: Token, mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    objects = children(verb, {"dobj", "dative"})
    direct = mentions_of(objects, mentions, cues)
    own = {m.actor.country for m in sources if m.actor.country}
    if direct and any(m.actor.country and m.actor.country not in own for m in direct):
        return direct
    # "sent troops to Venezuela", "withdrew its troops from Peru": an object that is
    # a bare sector or the source's own people is what is moved, and the one it goes
    # to or leaves is the target; without such a phrase the object stays.
    for prep, pobj in prep_objects(verb):
        if prep in TARGET_PREPS:
            found = mentions_of([pobj], mentions, cues)
            if found and not set(found) & set(sources):
                return found
    if direct:
        return direct
    for obj in objects + children(verb, {"attr", "oprd"}):
        for prep, pobj in prep_objects(obj):
            # "rejected a request by the president": whoever made the thing acted on.
            if prep in TARGET_PREPS or prep in ("of", "by"):
                found = mentions_of([pobj], mentions, cues)
                if found and not set(found) & set(sources):
                    return found
    # "pushed for a ceasefire between Peru and Bolivia": the target on the object of
    # the verb's own preposition.
    for _, pobj in prep_objects(verb):
        for prep, inner in prep_objects(pobj):
            if prep in TARGET_PREPS:
                found = mentions_of([inner], mentions, cues)
                if found and not set(found) & set(sources):
                    return found
    # "vaccines, for which Maduro expressed his gratitude": thanks (or blame) for a
    # thing goes to whoever did it, the subject of the verb the thing is object of.
    if verb.dep_ == "relcl":
        for prep, pobj in prep_objects(verb):
            antecedent = verb.head
            if prep == "for" and pobj.lower_ in _RELATIVE_PRONOUNS and antecedent.dep_ == "dobj":
                found = mentions_of(children(antecedent.head, _SUBJECT_DEPS), mentions, cues)
                if found and not set(found) & set(sources):
                    return found
    # "urged Iran to release ...", "demanded that Iran release ...": the one asked.
    if verb.lemma_.lower() not in cues.say_verbs:
        for comp in children(verb, {"ccomp", "xcomp"}):
            found = mentions_of(children(comp, _SUBJECT_DEPS), mentions, cues)
            if found and not set(found) & set(sources):
                return found
    return []


def extract_clauses(
    sent: Span, mentions: dict[int, Mention], cues: EventCues, year: int | None = None
) -> Iterator[Clause]:
    """Every (source, verb, target-or-None) clause of a sentence whose source is a coded
    actor. `year` is the story's year, for telling recalled years ("in 2018")."""
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        controller = _controller(verb)
        subjects, passive = _subjects(verb)
        if not subjects and verb.dep_ == "advcl" and verb.tag_ == "VBN" and agents_of(verb):
            # "Flanked by Borisov, Maduro said ...": a passive participle describes the
            # main clause's subject, which is what the agent acts on.
            subjects, passive = children(verb.head, _SUBJECT_DEPS), True
        if passive:
            sources = mentions_of(agents_of(verb), mentions, cues)
            targets = mentions_of(subjects, mentions, cues)
        else:
            sources = mentions_of(subjects, mentions, cues)
            targets = _targets(verb, mentions, cues, sources)
        if not sources:
            continue
        pairs: list[tuple[Mention, Mention | None]]
        if not targets and len(sources) > 1:
            # "Russia and China signed an agreement": the act is mutual, both directions.
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        elif targets:
            pairs = [(a, b) for a in sources for b in targets]
        else:
            pairs = [(a, None) for a in sources]
        qualities: Qualities = qualify(verb, controller, cues, year)
        words = pattern_text(governed(verb))
        objects = tuple(children(verb, {"dobj", "attr", "oprd"}))
        for source, target in pairs:
            if target is not None and (
                source.actor.code == target.actor.code or source.head == target.head
            ):
                continue
            yield Clause(
                verb=verb,
                controller=controller,
                source=source,
                target=target,
                governed_lemmas=words,
                negated=qualities.negated,
                modality=qualities.modality,
                passive=passive,
                background=qualities.background,
                objects=objects,
                reporter=qualities.reporter,
            )
