"""Verb clauses from the dependency parse: who (source) -verb-> whom (target).

One clause per verb and actor pair. The source is the subject (the agent of a
passive, the subject of the verb that governs a complement: "Maduro pledged to
cooperate", or the noun a relative clause hangs on: "Russia, which sent
troops"); the target is the object, the object of a target preposition on the
verb or on its object ("cooperation with Russia"), the subject of a passive, or
the subject of a demanded clause ("demanded that Iran release"); failing
those, the first actor inside what the verb acts on ("criticized the closure of
the border with Peru"), and last a foreign country the act happens in
("arrived in Peru"). Coordinated verbs share the object only the last one
carries ("criticized and sanctioned Peru"). Coordinated actors give one clause
per actor, lists parsed as appositions included, and a role shared by several
countries ("the ambassadors of Peru and Chile") one actor per country;
coordinated subjects with no target ("Russia and China signed an agreement")
give both directions, marked `mutual` (the coder keeps both only for the acts
CAMEO takes as mutual, data/event_cues.yaml `mutual_codes`). Where talks are
held is no party to them ("negotiations in Geneva"). The complement of an
object-control verb ("asked Peru to attack Bolivia") is the one asked's, and
only hypothetical. An agentless passive whose subject is a meeting noun
referring back ("those talks were suspended") takes the participants of the
nearest meeting told before it; any other agentless passive takes as source only
whoever a noun on it names ("killed in an attack by Chile", "dissolved at the
request of Peru"), and otherwise codes nothing. A protest's target may be named
only in why it is held ("a hunger strike to protest Peru's decision"). Actors
named by a phrase: events/phrases.py.
A clause with a source and no target is kept with `target=None`: the coder
keeps it only for the CAMEO families that allow it (statements, protests...).

How a clause is qualified (negation, modality, background) is in
events/qualify.py, shared with nominal events.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Span, Token

from eventwire.events.lexicon import EventCues
from eventwire.events.phrases import (
    children,
    first_inside,
    has_cc,
    has_own_subject,
    mentions_of,
    plain_country,
    prep_objects,
)
from eventwire.events.qualify import Qualities, qualify
from eventwire.model import Mention

__all__ = [
    "TARGET_PREPS",
    "Clause",
    "agents_of",
    "children",
    "extract_clauses",
    "mentions_of",
    "pattern_text",
    "prep_objects",
]

# Prepositions that introduce the one an act is done to or with.
TARGET_PREPS = frozenset(
    {"with", "against", "to", "on", "from", "toward", "towards", "at", "for", "over", "into",
     "upon", "between", "among", "onto"}
)  # fmt: skip
# Target prepositions that as often name a place, a time or a topic as a target; on
# the verb itself "of" and "about" name whom one speaks of ("warned of Peru").
_WEAK_PREPS = frozenset({"at", "for", "over", "into", "of", "about"})
_SUBJECT_DEPS = {"nsubj", "csubj"}
_PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
_RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
_FINITE = {"VBD", "VBZ", "VBP"}
_NOMINAL = ("NOUN", "PROPN")
# What a verb with an object or a complement of its own has.
_COMPLEMENT_DEPS = {"attr", "oprd", "prep", "ccomp", "xcomp", "agent", "prt"}
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
    # Inferred from coordinated sources with no target ("Peru and Chile met"): one of
    # the two directions of an act taken as mutual.
    mutual: bool = False

    def describe(self) -> str:
        verb = self.verb.text
        if self.controller is not None:
            verb = f"{self.controller.text} to {verb}"
        target = self.target.actor.code if self.target is not None else "-"
        arrow = f"<-{verb}->" if self.mutual else f"-{verb}->"
        return f"{self.source.actor.code} {arrow} {target}"


def _controller(verb: Token, cues: EventCues) -> Token | None:
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    # "refrained from attacking", "denied sending": a gerund complement of a verb.
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
        return verb.head.head
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "ccomp") and verb.head.pos_ == "VERB":
        return verb.head
    if _infinitive_complement(verb, cues):
        return verb.head
    return None


def _infinitive_complement(verb: Token, cues: EventCues) -> bool:
    """ "Rebels have sworn to fight": an infinitive parsed as an adverbial clause of a
    verb of intention or commitment is its complement, done by the same subject."""
    return (
        verb.dep_ == "advcl"
        and verb.head.pos_ == "VERB"
        and verb.head.lemma_.lower()
        in cues.intent_verbs | cues.commitment_verbs | cues.threat_verbs
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not children(verb, _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS)
    )


def _subjects(verb: Token, cues: EventCues) -> tuple[list[Token], bool]:
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
            if active:
                return found, False
            # "Peru was attacked and occupied by Chile": a participle coordinated with
            # a passive verb is passive too.
            shared = verb.dep_ == "conj" and verb.tag_ == "VBN" and bool(agents_of(verb))
            return found, current.i == verb.i or shared
        if current.dep_ == "relcl" and current.i == verb.i:
            return [current.head], False
        # Participial adverbial clauses ("..., accusing Maduro of") keep the main
        # subject only when they are plain conjuncts or complements.
        if current.dep_ == "conj" and current.tag_ in _FINITE and current.head.tag_ == "VB":
            # "helped Venezuela design X and dispatched bombers": a finite verb is
            # not coordinated with a bare infinitive but with the verb above it.
            current = current.head.head
        elif current.dep_ == "acl" and current.tag_ == "VBG" and current.head.dep_ == "dobj":
            # "issued a statement condemning the attack": who issued it condemns.
            current = current.head.head
        elif _misparsed_main_verb(current):
            return [current.sent.root], False
        elif _infinitive_complement(current, cues):
            current = current.head  # "have sworn to fight"
        elif current.dep_ in ("xcomp", "conj", "acomp", "pcomp") and current.head.i != current.i:
            current = current.head if current.dep_ != "pcomp" else current.head.head
        else:
            break
    return [], False


def _misparsed_main_verb(verb: Token) -> bool:
    """ "Doctors from two Chilean charities donated and delivered medicine to Peru":
    a sentence with no verb at its root, parsed as a noun phrase whose main verb is
    a reduced relative clause. The verb is the main one only when it acts on an
    object (its own or a conjunct's) or is tagged finite, so a headline passive
    ("Soldiers killed in attack") is not taken for one."""
    root = verb.sent.root
    if verb.dep_ != "acl" or root.pos_ not in _NOMINAL or verb.i < root.i:
        return False
    if children(verb, {"agent"}) or verb.tag_ not in ("VBD", "VBN"):
        return False
    head = verb.head
    while head.i != root.i:  # only through the root's own phrase ("from two charities")
        if head.dep_ not in ("pobj", "prep", "compound", "appos", "conj"):
            return False
        head = head.head
    acts = [verb, *(c for c in children(verb, {"conj"}) if c.pos_ == "VERB")]
    return verb.tag_ == "VBD" or any(children(a, {"dobj"}) for a in acts)


def agents_of(verb: Token) -> list[Token]:
    return [pobj for agent in children(verb, {"agent"}) for pobj in children(agent, {"pobj"})]


def _shared_agents(verb: Token) -> list[Token]:
    """The agent of a passive verb, or of the passive participle it is coordinated
    with ("was attacked and occupied by Chile")."""
    own = agents_of(verb)
    if own:
        return own
    for conj in children(verb, {"conj"}):
        if conj.tag_ == "VBN" and not children(conj, _PASSIVE_SUBJECT_DEPS):
            found = agents_of(conj)
            if found:
                return found
    return []


def governed(verb: Token) -> list[Token]:
    """Tokens whose lemmas patterns may name: objects, particles, prepositional phrases,
    adverbs, and the complement clause's words."""
    tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ in _GOVERNED_DEPS:
            tokens.extend(child.subtree)
    return sorted(tokens, key=lambda token: token.i)


def _index(token: Token) -> int:
    return token.i


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
    if not objects and not children(verb, _COMPLEMENT_DEPS):
        # "Chile criticized and sanctioned Peru": coordinated verbs share the object
        # that only the last one carries.
        for conj in children(verb, {"conj"}):
            if conj.pos_ == "VERB" and not children(conj, _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS):
                return _targets(conj, mentions, cues, sources)
    direct = mentions_of(objects, mentions, cues)
    own = {m.actor.country for m in sources if m.actor.country}
    if direct and any(m.actor.country and m.actor.country not in own for m in direct):
        return direct
    # "sent troops to Venezuela", "withdrew its troops from Peru": an object that is
    # a bare sector or the source's own people is what is moved, and the one it goes
    # to or leaves is the target; without such a phrase the object stays.
    # "celebrated at Lima with Bolivia": the partner before the place.
    for prep, pobj in sorted(prep_objects(verb), key=lambda pair: pair[0] in _WEAK_PREPS):
        if prep in TARGET_PREPS or prep in _WEAK_PREPS:
            found = mentions_of([pobj], mentions, cues)
            if found and not set(found) & set(sources):
                return found
    if direct:
        return direct
    for obj in objects + children(verb, {"attr", "oprd"}):
        # "condemned Peru's attack on Bolivia": blame or praise for a deed goes to
        # whoever did it, before whom it was done to.
        found = mentions_of(children(obj, {"poss"}), mentions, cues)
        if found and not set(found) & set(sources):
            return found
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
    # "urged Iran to release ...", "demanded that Iran release ...": the one asked;
    # "voiced hopes that Iran would ...", "rejected claims that Iran had ...": the one
    # the hope or the claim is about.
    comps = [] if verb.lemma_.lower() in cues.say_verbs else children(verb, {"ccomp", "xcomp"})
    comps += [c for obj in objects for c in children(obj, {"acl", "ccomp"}) if _that_clause(c)]
    for comp in comps:
        found = mentions_of(children(comp, _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS), mentions, cues)
        if found and not set(found) & set(sources):
            return found
    if _is_meeting(verb, cues):
        # "resumed negotiations in Ecuador", "met in Peru": where talks are held is
        # no party to them.
        return _nested_targets(verb, mentions, cues, sources, venues=False)
    return (
        _nested_targets(verb, mentions, cues, sources)
        or _foreign_place(verb, mentions, sources)
        or _protested(verb, mentions, cues, sources)
    )


def _protested(
    verb: Token, mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    """ "began a hunger strike to protest Peru's decision", "staged a sit-in in
    protest against arrests by the police": with no other target, whom the act is
    against is named in why it is done (data/event_cues.yaml `protest_*`)."""
    for child in verb.children:
        purpose = (
            child.dep_ == "advcl"
            and child.lemma_.lower() in cues.protest_purpose_verbs
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            and not has_own_subject(child)
        )
        if purpose:
            found = _targets(child, mentions, cues, sources)
            if found:
                return found
    for prep, pobj in prep_objects(verb):
        if prep == "in" and pobj.lemma_.lower() in cues.protest_nouns:
            found = first_inside([pobj], mentions, cues, sources)
            if found:
                return found
    return []


def _agents_in_event_noun(
    verb: Token, mentions: dict[int, Mention], cues: EventCues
) -> list[Mention]:
    """ "Peruvian police were killed in an attack by Chilean rebels", "... in a clash
    with Chilean troops", "was dissolved at the request of Peru": an agentless
    passive whose violent act is named by a noun, or that was done at someone's
    order, takes as its source who did that act or gave that order
    (data/event_cues.yaml `violent_event_nouns`, `order_nouns`). No one else is
    guessed: without such a phrase the passive has no source and codes nothing."""
    for prep, pobj in prep_objects(verb):
        noun = pobj.lemma_.lower()
        if verb.lemma_.lower() in cues.participation_verbs:
            return []  # "were engaged in a battle with Peru": the subject fought too
        if prep in ("in", "during") and noun in cues.violent_event_nouns:
            doers = [p for p in children(pobj, {"prep"}) if p.lower_ in ("by", "with")]
        elif prep in ("at", "on", "under", "by") and noun in cues.order_nouns:
            # "at the request of Chile", "on Chile's orders": whoever asked had it done.
            doers = children(pobj, {"poss"}) + [
                p for p in children(pobj, {"prep"}) if p.lower_ in ("of", "from", "by")
            ]
        else:
            continue
        found = first_inside(doers, mentions, cues, [])
        if found:
            return found
    return []


def _passive_targets(
    verb: Token, mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    """The target of a passive whose subject is no actor: the object of a target
    preposition on the verb ("imposed on Peru"), else a foreign country it happens in."""
    for prep, pobj in prep_objects(verb):
        if prep in TARGET_PREPS and prep not in _WEAK_PREPS:
            found = mentions_of([pobj], mentions, cues)
            if found and not set(found) & set(sources):
                return found
    return _foreign_place(verb, mentions, sources)


def _foreign_place(
    verb: Token, mentions: dict[int, Mention], sources: list[Mention]
) -> list[Mention]:
    """ "Chile's president arrived in Peru": with no other target, a foreign country
    the act happens in is whom it is done to (the visit, the deployment)."""
    own = {source.actor.country for source in sources}
    for prep, pobj in prep_objects(verb):
        if prep == "in" and plain_country(pobj, mentions):
            mention = mentions[pobj.i]
            if None not in own and mention.actor.country not in own:
                return [mention]
    return []


def _that_clause(clause: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ == "that" for child in clause.children)


def _nested_targets(
    verb: Token,
    mentions: dict[int, Mention],
    cues: EventCues,
    sources: list[Mention],
    venues: bool = True,
) -> list[Mention]:
    """The first actor, in reading order, inside what the verb acts on: "criticized the
    closure of guest houses in Lima", "cordoned off the roads leading into Bolivia".
    Only the verb's objects and its target prepositions are entered, so a place or a
    time on the verb itself ("met in Lima") is no target."""
    # A particle's phrase too: "kidnapped up to 16 Peruvian advisers".
    roots = children(verb, {"dobj", "dative", "attr", "oprd", "prt"})
    roots += [prep for prep in children(verb, {"prep"}) if prep.lower_ in TARGET_PREPS]
    return first_inside(
        roots, mentions, cues, sources, skip=frozenset() if venues else _VENUE_PREPS
    )


# Prepositions that name where an act is held ("talks in Geneva", "at the UN").
_VENUE_PREPS = frozenset({"in", "at"})


def _asked(verb: Token, cues: EventCues) -> list[Token] | None:
    """ "asked Peru to attack Bolivia", "called on Peru to withdraw": the complement of
    an object-control verb is done (if at all) by the one asked, not by the asker;
    the tokens naming who is asked, or None when the verb is no such complement."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "ccomp") or head.i == verb.i or head.pos_ != "VERB":
        return None
    if head.lemma_.lower() not in cues.object_control_verbs:
        return None
    if not any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children):
        return None
    own = children(verb, _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS)
    if own:
        return own  # "asked Peru to attack" parsed with Peru the subject of "attack"
    asked = [t for t in children(head, {"dobj", "dative"}) if t.pos_ != "ADP"]
    asked += [pobj for prep, pobj in prep_objects(head) if prep in ("on", "upon", "to")]
    return asked


def _is_meeting(verb: Token, cues: EventCues) -> bool:
    """Whether a clause is a meeting or negotiation ("met", "resumed negotiations")."""
    words = [verb, *children(verb, {"dobj", "attr", "nsubjpass"})]
    return any(token.lemma_.lower() in cues.meeting_words for token in words)


# Determiners by which an event noun refers back to one told before: "those talks".
_REFERRING = frozenset({"those", "these", "the", "that", "this"})
# How many sentences back a referring event noun looks for what it refers to.
_REFER_BACK = 6


def _referred_participants(
    subjects: list[Token], sent: Span, mentions: dict[int, Mention], cues: EventCues
) -> list[Mention]:
    """ "Chile met Peru in May; those talks were broken off in June": an agentless
    passive whose subject is a meeting noun referring back takes the participants
    (both sides) of the nearest meeting or negotiation told before it in the story."""
    nouns = [
        t
        for t in subjects
        if t.pos_ == "NOUN"
        and t.lemma_.lower() in cues.meeting_words
        and any(c.dep_ in ("det", "poss") and c.lower_ in _REFERRING for c in t.children)
    ]
    if not nouns:
        return []
    noun = nouns[0]
    sents = list(sent.doc.sents)
    index = next(i for i, s in enumerate(sents) if s.start == sent.start)
    for back in range(index, max(-1, index - _REFER_BACK), -1):
        earlier = [
            clause
            for clause in extract_clauses(sents[back], mentions, cues, refer_back=False)
            if clause.verb.i < noun.i and _is_meeting(clause.verb, cues)
        ]
        if earlier:
            nearest = max(earlier, key=lambda clause: clause.verb.i)
            found = [c for c in earlier if c.verb.i == nearest.verb.i]
            sides: list[Mention] = []
            for clause in found:
                for side in (clause.source, clause.target):
                    if side is not None and side not in sides:
                        sides.append(side)
            return sides
    return []


def extract_clauses(
    sent: Span,
    mentions: dict[int, Mention],
    cues: EventCues,
    year: int | None = None,
    refer_back: bool = True,
) -> Iterator[Clause]:
    """Every (source, verb, target-or-None) clause of a sentence whose source is a coded
    actor. `year` is the story's year, for telling recalled years ("in 2018");
    `refer_back` lets a referring meeting noun ("those talks were suspended") take
    the participants of an earlier one."""
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        controller = _controller(verb, cues)
        subjects, passive = _subjects(verb, cues)
        asked = _asked(verb, cues)
        if asked:
            subjects, passive = asked, False
        if len(subjects) > 1 and not any(has_cc(t) for t in subjects):
            # Two subjects with no "and" between them are a misparse ("Peruvian youths
            # resorted to ..., officials said"): the one nearest the verb is its own.
            subjects = [min(subjects, key=lambda t: abs(t.i - verb.i))]
        if not subjects and verb.dep_ == "advcl" and verb.tag_ == "VBN" and agents_of(verb):
            # "Flanked by Borisov, Maduro said ...": a passive participle describes the
            # main clause's subject, which is what the agent acts on.
            subjects, passive = children(verb.head, _SUBJECT_DEPS), True
        referred = False
        if passive:
            sources = mentions_of(_shared_agents(verb), mentions, cues)
            if not sources:
                sources = _agents_in_event_noun(verb, mentions, cues)
            if not sources and refer_back:
                sources = _referred_participants(subjects, sent, mentions, cues)
                referred = len(sources) > 1
            # "a camp for Congolese refugees was attacked by ...": the actor inside.
            targets = mentions_of(subjects, mentions, cues) or first_inside(
                [c for t in subjects for c in t.children if c.dep_ == "prep"],
                mentions,
                cues,
                sources,
            )
            if not targets:
                # "sanctions were imposed on Peru by Chile", "a drill was staged by
                # Chilean marines in Peru": as for an active verb.
                targets = _passive_targets(verb, mentions, cues, sources)
        else:
            sources = mentions_of(subjects, mentions, cues)
            if not sources:
                # "Qatar's emir, Sheikh X, launched ...": a subject with an apposition is
                # at times parsed as an unlabelled ("dep") word before the verb.
                unlabelled = [t for t in verb.lefts if t.dep_ == "dep" and t.pos_ in _NOMINAL]
                sources = mentions_of(unlabelled, mentions, cues)
            targets = _targets(verb, mentions, cues, sources)
        if not sources:
            continue
        if referred:
            targets = []  # "those talks were suspended": between their participants
        pairs: list[tuple[Mention, Mention | None]]
        # Speakers who say something together say it to no one in particular.
        mutual = not targets and len(sources) > 1 and verb.lemma_.lower() not in cues.say_verbs
        if mutual:
            # "Russia and China signed an agreement": the act is mutual, both directions.
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        elif targets:
            pairs = [(a, b) for a in sources for b in targets]
        else:
            pairs = [(a, None) for a in sources]
        qualities: Qualities = qualify(verb, controller, cues, year)
        if asked and qualities.modality in ("asserted", "reported"):
            # "asked Peru to attack Bolivia": asked for, not done.
            qualities = replace(qualities, modality="hypothetical")
        words = pattern_text(governed(verb))
        if passive and subjects:
            # "those talks were broken off", "sanctions were imposed on Peru", "the
            # party was dissolved": the passive subject is what the verb acts on, for
            # object patterns ("break off" + "talk", "dissolve" + "party"); its words
            # up to its head, not the clauses hanging on it.
            head = subjects[0]
            subject = list(head.subtree) if referred else [t for t in head.subtree if t.i <= head.i]
            words = pattern_text(sorted([*governed(verb), *subject], key=_index))
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
                mutual=mutual,
            )
