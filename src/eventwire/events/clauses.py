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
give both directions, marked `mutual`, since the act is mutual.
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
from eventwire.events.qualify import Qualities, qualify
from eventwire.model import Mention

__all__ = ["TARGET_PREPS", "Clause", "extract_clauses", "mentions_of", "pattern_text"]

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
        # "Maduro and Russian President Vladimir Putin" (or "Arnor, Peru and the
        # Gondor") is sometimes parsed with the first names as a modifier of the
        # last: a modifier that carries the list's "and".
        members += [
            child
            for child in token.children
            if child.dep_ in ("nmod", "compound")
            and any(_has_cc(member) for member in _with_conjuncts(child))
        ]
        # "Peru, the Gondor, and Chile": an item of a list parsed as an apposition.
        if _has_cc(token):
            members += [child for child in token.children if child.dep_ == "appos"]
        group: list[Mention] = []
        for member in [m for t in members for m in _with_conjuncts(t)]:
            mention = mentions.get(member.i) or _quantified(member, mentions, cues)
            if mention is None:
                mention = _apposed(member, mentions)
            if mention is not None and mention not in group:
                group.append(mention)
        for mention in _distributed(members, group, mentions):
            if mention not in found:
                found.append(mention)
    return found


_PLACE_PREPS = ("of", "in", "from")


def _distributed(
    members: list[Token], group: list[Mention], mentions: dict[int, Mention]
) -> list[Mention]:
    """ "the ambassadors of Peru, Chile and Bolivia", "lawmakers in Peru and Chile":
    a role shared by several countries is one actor per country (PERGOV, CHLGOV, ...)."""
    # The countries of one phrase ("of Peru, Chile and Bolivia"), never of two
    # ("the parliament of Peru in Lima" is Peru's alone).
    phrases = [
        [mentions[t.i] for t in _with_conjuncts(pobj) if _plain_country(t, mentions)]
        for member in members
        for prep, pobj in prep_objects(member)
        if prep in _PLACE_PREPS
    ]
    phrases = [phrase for phrase in phrases if phrase]
    countries = max(phrases, key=len) if phrases else []
    if len(countries) == 1:
        # "lawmakers in Peru and Chile" is often parsed with "Chile" coordinated with
        # "lawmakers": a bare country after the role's own country belongs with it.
        after = countries[0].head
        countries += [
            m for m in group if m.actor.sector is None and m.actor.country and m.head > after
        ]
    if len(countries) < 2:
        return group
    shared = {m.actor.country for m in countries}
    roles = [
        m
        for m in group
        if m.actor.sector and (m.actor.country is None or m.actor.country in shared)
    ]
    if not roles:
        return group
    result = [m for m in group if m not in roles and m not in countries]
    for role in roles:
        own = role.actor.country
        if own is not None and not role.actor.code.startswith(own):
            result.append(role)  # a code not composed as country + sector is not split
            continue
        suffix = role.actor.code[len(own) :] if own else role.actor.code
        for country in countries:
            if country.actor.country == own:
                result.append(role)
                continue
            code = f"{country.actor.country}{suffix}"
            actor = replace(role.actor, code=code, country=country.actor.country)
            result.append(replace(role, head=country.head, actor=actor))
    return result


def _plain_country(token: Token, mentions: dict[int, Mention]) -> bool:
    mention = mentions.get(token.i)
    return mention is not None and mention.actor.sector is None and bool(mention.actor.country)


def _has_cc(token: Token) -> bool:
    return any(child.dep_ == "cc" for child in token.children)


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
        if conj.tag_ == "VBN" and not children(conj, _PASSIVE_SUBJECT_DEPS):
            found = agents_of(conj)
            if found:
                return found
    return []


def prep_objects(token: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging on a token, through "out of" style pairs."""
    found = []
    # "sent troops to Peru" is sometimes parsed with "to" as a dative.
    preps = [
        c for c in token.children if c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP")
    ]
    for prep in preps:
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
    return _nested_targets(verb, mentions, cues, sources) or _foreign_place(verb, mentions, sources)


def _foreign_place(
    verb: Token, mentions: dict[int, Mention], sources: list[Mention]
) -> list[Mention]:
    """ "Chile's president arrived in Peru": with no other target, a foreign country
    the act happens in is whom it is done to (the visit, the deployment)."""
    own = {source.actor.country for source in sources}
    for prep, pobj in prep_objects(verb):
        if prep == "in" and _plain_country(pobj, mentions):
            mention = mentions[pobj.i]
            if None not in own and mention.actor.country not in own:
                return [mention]
    return []


# What a search for a nested target does not enter: other clauses, whose actors are
# theirs ("criticized the talks, which Peru had ..."), and the verb's own conjuncts.
_CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "xcomp", "parataxis", "conj", "csubj", "mark",
                "nsubj", "nsubjpass", "punct", "cc"}  # fmt: skip


def _that_clause(clause: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ == "that" for child in clause.children)


def _has_own_subject(token: Token) -> bool:
    """A verb with a subject of its own heads a clause whose actors are its own
    ("the possibility of Russia sending assets to Cuba")."""
    return token.pos_ in ("VERB", "AUX") and bool(
        children(token, _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS)
    )


def _nested_targets(
    verb: Token, mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    """The first actor, in reading order, inside what the verb acts on: "criticized the
    closure of guest houses in Lima", "cordoned off the roads leading into Bolivia".
    Only the verb's objects and its target prepositions are entered, so a place or a
    time on the verb itself ("met in Lima") is no target."""
    # A particle's phrase too: "kidnapped up to 16 Peruvian advisers".
    roots = children(verb, {"dobj", "dative", "attr", "oprd", "prt"})
    roots += [prep for prep in children(verb, {"prep"}) if prep.lower_ in TARGET_PREPS]
    return first_inside(roots, mentions, cues, sources)


def first_inside(
    roots: list[Token], mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    """The first actor (with its conjuncts), in reading order, in the phrases under
    `roots`, not entering other clauses and skipping the sources' own actors."""
    found: list[Token] = []
    stack = list(roots)
    while stack:
        token = stack.pop()
        if token.i in mentions:
            found.append(token)
            continue  # the mention's own words are not another actor
        stack.extend(
            child
            for child in token.children
            if child.dep_ not in _CLAUSE_DEPS and not _has_own_subject(child)
        )
    # "Peru and Chile failed to reach a deal on offices in Lima": an actor that is one
    # of the sources again is no target (and leaves the act mutual).
    taken = {source.actor.code for source in sources}
    for token in sorted(found, key=lambda t: t.i):
        if mentions[token.i].actor.code in taken:
            continue
        group = [m for m in mentions_of([token], mentions, cues) if m not in sources]
        if group:
            return group
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
        if len(subjects) > 1 and not any(_has_cc(t) for t in subjects):
            # Two subjects with no "and" between them are a misparse ("Peruvian youths
            # resorted to ..., officials said"): the one nearest the verb is its own.
            subjects = [min(subjects, key=lambda t: abs(t.i - verb.i))]
        if not subjects and verb.dep_ == "advcl" and verb.tag_ == "VBN" and agents_of(verb):
            # "Flanked by Borisov, Maduro said ...": a passive participle describes the
            # main clause's subject, which is what the agent acts on.
            subjects, passive = children(verb.head, _SUBJECT_DEPS), True
        if passive:
            sources = mentions_of(_shared_agents(verb), mentions, cues)
            # "a camp for Congolese refugees was attacked by ...": the actor inside.
            targets = mentions_of(subjects, mentions, cues) or first_inside(
                [c for t in subjects for c in t.children if c.dep_ == "prep"],
                mentions,
                cues,
                sources,
            )
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
                mutual=mutual,
            )
