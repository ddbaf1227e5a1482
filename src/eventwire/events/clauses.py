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
only hypothetical, except that a state ordering a body of its own country ("the
government ordered the newspaper to suspend publication") does it to that body.
An agentless passive whose subject is a meeting noun referring back ("those
talks were suspended") takes the participants of the nearest meeting told
before it; any other agentless passive takes as source only
whoever a noun on it names ("killed in an attack by Chile", "dissolved at the
request of Peru"), and otherwise codes nothing. A protest's target may be named
only in why it is held ("a hunger strike to protest Peru's decision"). Actors
named by a phrase: events/phrases.py; the target search: events/targets.py;
where the parse goes astray (a subject taken into an opening phrase, a conjunct
across a subordinate clause, a closing participle, a headline verb tagged as a
noun): events/repairs.py. A target that codes as its source again leaves the act
untargeted, not lost ("Israel's president eased restrictions on an Israeli
minister"), except a meeting or a passive. An agentless passive with no other
source may take the country it happens in ("was arrested in Peru"), which the
coder keeps only for acts only a state does.
A pronoun source that stands for the subject of the verb of saying or intent it
is under ("The Pentagon said it hit ...") is told by that subject's words, and
people of no country acting in a country ("people blocked streets in Hong
Kong") are its people.
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
from eventwire.events.own_acts import expelled_from, own_force_passive
from eventwire.events.phrases import (
    NOMINAL_POS,
    PASSIVE_SUBJECT_DEPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    children,
    first_inside,
    has_cc,
    local_people,
    mentions_of,
    named_source,
    plain_country,
    prep_objects,
)
from eventwire.events.qualify import Qualities, purpose_infinitive, qualify
from eventwire.events.repairs import (
    closing_participle,
    fronted_conjuncts,
    fronted_content_verb,
    misparsed_main_verb,
    nearer_partner,
    own_subjects,
    participle_subject,
    stray_subject,
    verb_tagged_noun,
)
from eventwire.events.story_parse import kids, sentence_of, sentences, subtree, tokens_of
from eventwire.events.targets import TARGET_PREPS, is_meeting, passive_targets, verb_targets
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

_FINITE = {"VBD", "VBZ", "VBP"}
# Where a noun is an argument of its verb, not tucked inside a phrase of another.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "conj", "appos"})
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
    # The source of an agentless passive taken as the state it happens in ("was
    # arrested in Peru"): kept by the coder only for acts only a state does.
    by_state: bool = False

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
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))
        and not children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
    )


def _subjects(
    verb: Token, cues: EventCues, mentions: dict[int, Mention]
) -> tuple[list[Token], bool]:
    """Subject tokens and whether the verb is passive; inherited from a governing or
    coordinated verb when the verb has none of its own."""
    current: Token | None = verb
    for _ in range(4):  # a chain of "pledged to try to cooperate" is short
        if current is None:
            break
        active = children(current, SUBJECT_DEPS)
        passive = children(current, PASSIVE_SUBJECT_DEPS)
        if not active and not passive:
            # "The United Kingdom and France have opposed ...": the subject is at
            # times parsed as the auxiliary's.
            active = [s for aux in children(current, {"aux"}) for s in children(aux, SUBJECT_DEPS)]
            active = active or stray_subject(current, mentions)  # "USAID/RB provided"
        if active or passive:
            found = [participle_subject(t) for t in active or passive]
            if current.dep_ == "relcl" and all(t.lower_ in RELATIVE_PRONOUNS for t in found):
                found = [current.head]  # "Russia, which sent troops"
            if active:
                # "Italian fishermen, held in Libya, have been freed by Libyan forces",
                # parsed with "freed" coordinated with an active "held": a verb
                # passive in its own right takes the shared subject as its patient.
                own_passive = current.i != verb.i and bool(children(verb, {"auxpass"}))
                return found, own_passive
            # "Peru was attacked and occupied by Chile": a participle coordinated with
            # a passive verb is passive too.
            shared = verb.dep_ == "conj" and verb.tag_ == "VBN" and bool(agents_of(verb))
            return found, current.i == verb.i or shared
        if current.dep_ == "relcl" and current.i == verb.i:
            return [current.head], False
        # Participial adverbial clauses keep the main subject only when they are
        # plain conjuncts or complements, or close the sentence after a comma.
        if closing_participle(current):
            # "lashed out at Peru on Tuesday, accusing it of ...": who lashed out accuses.
            current = current.head
        elif current.dep_ == "conj" and current.tag_ in _FINITE and current.head.tag_ == "VB":
            # "helped Venezuela design X and dispatched bombers": a finite verb is
            # not coordinated with a bare infinitive but with the verb above it.
            current = current.head.head
        elif (
            current.dep_ == "acl"
            and current.tag_ == "VBG"
            and current.head.dep_ in _ARGUMENT_DEPS
            and mentions_of([current.head], mentions, cues)
        ):
            # "dispersed demonstrators protesting the results": the actor a present
            # participle hangs on does it.
            return [current.head], False
        elif current.dep_ == "acl" and current.tag_ == "VBG" and current.head.dep_ == "dobj":
            # "issued a statement condemning the attack": who issued it condemns.
            current = current.head.head
        elif current.dep_ == "conj" and nearer_partner(current) is not None:
            partner = nearer_partner(current)
            assert partner is not None
            return own_subjects(partner), False
        elif misparsed_main_verb(current):
            return [sentence_of(current).root], False
        elif fronted_content_verb(current):
            return [current.head], False  # "Youths stoned police, officials said"
        elif _infinitive_complement(current, cues) or purpose_infinitive(current, cues):
            # "have sworn to fight"; "made arms to use against Peru": a purpose
            # (qualify.py) is meant by the subject of the verb it is the purpose of.
            current = current.head
        elif current.dep_ in ("xcomp", "conj", "acomp", "pcomp") and current.head.i != current.i:
            current = current.head if current.dep_ != "pcomp" else current.head.head
        else:
            break
    return [], False


def agents_of(verb: Token) -> list[Token]:
    return [pobj for agent in children(verb, {"agent"}) for pobj in children(agent, {"pobj"})]


def _shared_agents(verb: Token) -> list[Token]:
    """The agent of a passive verb, or of the passive participle it is coordinated
    with ("was attacked and occupied by Chile")."""
    own = agents_of(verb)
    if own:
        return own
    for conj in children(verb, {"conj"}):
        if conj.tag_ == "VBN" and not children(conj, PASSIVE_SUBJECT_DEPS):
            found = agents_of(conj)
            if found:
                return found
    return []


def governed(verb: Token) -> list[Token]:
    """Tokens whose lemmas patterns may name: objects, particles, prepositional phrases,
    adverbs, and the complement clause's words."""
    tokens: list[Token] = []
    for child in kids(verb):
        if child.dep_ in _GOVERNED_DEPS:
            tokens.extend(subtree(child))
    return sorted(tokens, key=lambda token: token.i)


def _index(token: Token) -> int:
    return token.i


def pattern_text(tokens: list[Token]) -> str:
    """What object patterns are matched against: the tokens' lemmas, then (after a "|"
    no phrase can cross) their words as written, for dictionaries written in forms."""
    lemmas = " ".join(token.lemma_.lower() for token in tokens)
    words = " ".join(token.lower_ for token in tokens)
    return f"{lemmas} | {words}" if lemmas != words else lemmas


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


def _asked(verb: Token, cues: EventCues) -> list[Token] | None:
    """ "asked Peru to attack Bolivia", "called on Peru to withdraw": the complement of
    an object-control verb is done (if at all) by the one asked, not by the asker;
    the tokens naming who is asked, or None when the verb is no such complement.
    So is what is coordinated with it or completes it, with no subject of its own
    ("asked NATO to help patrol its airspace and share intelligence")."""
    current = verb
    for _ in range(4):
        found = _asked_directly(current, cues)
        if found is not None:
            return found
        own = children(current, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        # A complement mistagged as a noun ("share" in "asked NATO to ..., share
        # intelligence and increase patrols") is still a verb by its place.
        verbal = current.head.pos_ == "VERB" or current.head.dep_ in ("xcomp", "ccomp")
        if own or current.dep_ not in ("conj", "xcomp") or not verbal:
            return None
        if current.dep_ == "conj" and current.tag_ in _FINITE and current.head.tag_ == "VB":
            return None  # "urged Peru to withdraw and then recalled": the asker's own act
        current = current.head
    return None


# CAMEO sectors of the state itself, which a state's order binds as its own act.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _control_verb(verb: Token, cues: EventCues) -> Token:
    """The object-control verb ("ordered") above a complement `_asked` accepted."""
    current = verb
    for _ in range(4):
        if _asked_directly(current, cues) is not None:
            return current.head
        current = current.head
    return current


def _compelled(
    verb: Token, asked: list[Token], cues: EventCues, mentions: dict[int, Mention]
) -> list[Mention]:
    """ "Peru's government ordered the opposition newspaper to suspend publication",
    "a court forced the party to disband": a state compelling a body of its own
    country that is no organ of the state (data/event_cues.yaml `compelling_verbs`)
    imposes the act on it; the ones compelled, or none when it only asks."""
    control = _control_verb(verb, cues)
    if control.lemma_.lower() not in cues.compelling_verbs:
        return []
    found = mentions_of(asked, mentions, cues)
    givers = mentions_of(_subjects(control, cues, mentions)[0], mentions, cues)
    states = {
        m.actor.country
        for m in givers
        if m.actor.country and (m.actor.sector is None or m.actor.sector in _STATE_SECTORS)
    }
    own_bodies = bool(found) and all(
        m.actor.country in states and m.actor.sector not in _STATE_SECTORS | {None} for m in found
    )
    return found if own_bodies and len(givers) == len(states) else []


_CALLED_ON = frozenset({"on", "upon"})


def _asked_directly(verb: Token, cues: EventCues) -> list[Token] | None:
    head = verb.head
    if verb.dep_ not in ("xcomp", "ccomp", "advcl") or head.i == verb.i or head.pos_ != "VERB":
        return None
    if head.lemma_.lower() not in cues.object_control_verbs:
        return None
    # "A newspaper called Thursday on Arabs to unite": with the verb misread as a
    # reduced relative ("a newspaper called Thursday"), its complement is read as a
    # clause of purpose. Only there, and with whom it calls on named: where the verb
    # is read right, an adverbial clause is its purpose ("called on Peru to discuss").
    if verb.dep_ == "advcl" and not (
        misparsed_main_verb(head) and any(p in _CALLED_ON for p, _ in prep_objects(head))
    ):
        return None
    # "asked NATO to help patrol ..., share intelligence ...": the "to" of the
    # first of a list of complements is the others' too.
    complements = [c for c in children(head, {"xcomp", "ccomp", "advcl"}) if c.i <= verb.i]
    if not any(c.dep_ == "aux" and c.lower_ == "to" for v in complements for c in kids(v)):
        return None
    own = children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
    if own:
        return own  # "asked Peru to attack" parsed with Peru the subject of "attack"
    asked = [t for t in children(head, {"dobj", "dative"}) if t.pos_ != "ADP"]
    asked += [pobj for prep, pobj in prep_objects(head) if prep in ("on", "upon", "to")]
    return asked


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
        and any(c.dep_ in ("det", "poss") and c.lower_ in _REFERRING for c in kids(t))
    ]
    if not nouns:
        return []
    noun = nouns[0]
    sents = sentences(sent.doc)
    index = next(i for i, s in enumerate(sents) if s.start == sent.start)
    for back in range(index, max(-1, index - _REFER_BACK), -1):
        earlier = [
            clause
            for clause in extract_clauses(sents[back], mentions, cues, refer_back=False)
            if clause.verb.i < noun.i and is_meeting(clause.verb, cues)
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


def _state_where(verb: Token, mentions: dict[int, Mention]) -> list[Mention]:
    """ "was arrested in Peru for spying": the country an agentless passive happens
    in, as its possible doer (see `Clause.by_state`)."""
    for prep, pobj in prep_objects(verb):
        if prep == "in" and plain_country(pobj, mentions):
            return [mentions[pobj.i]]
    return []


def _distinct_pairs(
    pairs: list[tuple[Mention, Mention | None]], keep_untargeted: bool = True
) -> list[tuple[Mention, Mention | None]]:
    """The pairs less those whose target is its source again (the same mention, or
    one with the same code: "Israel's president eased restrictions on an Israeli
    minister"); with `keep_untargeted`, a source left with no target acts on no
    coded one, so the act is kept with none rather than lost."""

    def same(source: Mention, target: Mention) -> bool:
        return source.actor.code == target.actor.code or source.head == target.head

    kept = [(s, t) for s, t in pairs if t is None or not same(s, t)]
    if not keep_untargeted:
        return kept
    with_target = {s.head for s, _ in kept}
    for source, _ in pairs:
        if source.head not in with_target:
            with_target.add(source.head)
            kept.append((source, None))
    return kept


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
    for verb in tokens_of(sent):
        if verb.pos_ != "VERB" and not verb_tagged_noun(verb):
            continue
        controller = _controller(verb, cues)
        subjects, passive = _subjects(verb, cues, mentions)
        asked = _asked(verb, cues)
        compelled = _compelled(verb, asked, cues, mentions) if asked else []
        if compelled:
            # "Peru's government ordered the newspaper to suspend publication": done to it.
            subjects, passive = _subjects(_control_verb(verb, cues), cues, mentions)
        elif asked:
            subjects, passive = asked, False
        if len(subjects) > 1 and not any(has_cc(t) for t in subjects):
            # Two subjects with no "and" between them are a misparse ("Peruvian youths
            # resorted to ..., officials said"): the one nearest the verb is its own.
            subjects = [min(subjects, key=lambda t: abs(t.i - verb.i))]
        if not subjects and verb.dep_ == "advcl" and verb.tag_ == "VBN" and agents_of(verb):
            # "Flanked by Borisov, Maduro said ...": a passive participle describes the
            # main clause's subject, which is what the agent acts on.
            subjects, passive = children(verb.head, SUBJECT_DEPS), True
        referred = by_state = itself = False
        own_left: list[Mention] = []
        if passive:
            sources = mentions_of(_shared_agents(verb), mentions, cues)
            if not sources:
                sources = _agents_in_event_noun(verb, mentions, cues)
            if not sources and refer_back:
                sources = _referred_participants(subjects, sent, mentions, cues)
                referred = len(sources) > 1
            if not sources:
                # "rebels were demobilized": a force standing itself down.
                sources, own_left = own_force_passive(verb, subjects, mentions, cues)
                itself = bool(sources)
            if not sources:
                sources = expelled_from(verb, mentions, cues)
            if not sources:
                sources = _state_where(verb, mentions)
                by_state = bool(sources)
        else:
            sources = mentions_of(subjects, mentions, cues)
            if not sources:
                # "Qatar's emir, Sheikh X, launched ...": a subject with an apposition is
                # at times parsed as an unlabelled ("dep") word before the verb.
                unlabelled = [
                    t
                    for t in kids(verb)
                    if t.i < verb.i and t.dep_ == "dep" and t.pos_ in NOMINAL_POS
                ]
                sources = mentions_of(unlabelled, mentions, cues)
            if not sources:
                sources = mentions_of(fronted_conjuncts(verb), mentions, cues)
            sources = [
                local_people(named_source(m, verb, mentions), verb, mentions) for m in sources
            ]
        if not sources:
            continue  # no clause: the targets are not looked for
        if itself:
            targets = own_left  # "were pulled out of Peru": the country left
        elif passive:
            # "a camp for Congolese refugees was attacked by ...": the actor inside.
            targets = mentions_of(subjects, mentions, cues) or first_inside(
                [c for t in subjects for c in kids(t) if c.dep_ == "prep"],
                mentions,
                cues,
                sources,
            )
            if not targets:
                # "sanctions were imposed on Peru by Chile", "a drill was staged by
                # Chilean marines in Peru": as for an active verb.
                targets = passive_targets(verb, mentions, cues, sources)
        else:
            targets = verb_targets(verb, mentions, cues, sources) or compelled
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
        if asked and not compelled and qualities.modality in ("asserted", "reported"):
            # "asked Peru to attack Bolivia": asked for, not done.
            qualities = replace(qualities, modality="hypothetical")
        words = pattern_text(governed(verb))
        if passive and subjects:
            # "those talks were broken off", "sanctions were imposed on Peru", "the
            # party was dissolved": the passive subject is what the verb acts on, for
            # object patterns ("break off" + "talk", "dissolve" + "party"); its words
            # up to its head, not the clauses hanging on it.
            head = subjects[0]
            phrase = subtree(head)
            subject = list(phrase) if referred else [t for t in phrase if t.i <= head.i]
            words = pattern_text(sorted([*governed(verb), *subject], key=_index))
        objects = tuple(children(verb, {"dobj", "attr", "oprd"}))
        # A meeting with one's own side, or a passive done by it ("flanked by his
        # own ministers"), is no act at all: no untargeted fallback for those.
        keep_untargeted = not passive and not is_meeting(verb, cues)
        for source, target in _distinct_pairs(pairs, keep_untargeted):
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
                mutual=mutual and target is not None,
                by_state=by_state,
            )
