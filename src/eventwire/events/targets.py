"""Whom a verb clause acts on: the target search of events/clauses.py.

In order: the object (when it names another country than the source's), the
object of a target preposition on the verb ("sent troops to Venezuela"; a force
of no country by where it is posted: "to the UN mission in Mali"), the object
itself (unless it is a bare sector or the source's own forces readied for or
posted against a country), the doer of a deed blamed or praised ("condemned
Peru's attack"), a target preposition on the object ("cooperation with Russia"),
the subject of a demanded or hoped-for clause ("urged Iran to release"); then
whom the act defies ("in defiance of", "despite pressure from"), the first actor
inside what the verb acts on unless reached only through a place ("streets in
Hong Kong"), a foreign country the act happens in, whom a protest is against,
whom the act's purpose is for, that place, and what the act brought about
("killing X", "a strike that shut down X"). Passives: `passive_targets`.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.lexicon import EventCues
from eventwire.events.phrases import (
    PASSIVE_SUBJECT_DEPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    bare_sector,
    children,
    first_inside,
    has_own_subject,
    mentions_of,
    plain_country,
    posted_in,
    prep_objects,
)
from eventwire.events.story_parse import conjuncts, kids, subtree
from eventwire.model import Mention

__all__ = ["TARGET_PREPS", "bare_sector", "is_meeting", "passive_targets", "verb_targets"]


# Prepositions that introduce the one an act is done to or with.
TARGET_PREPS = frozenset(
    {"with", "against", "to", "on", "from", "toward", "towards", "at", "for", "over", "into",
     "upon", "between", "among", "onto"}
)  # fmt: skip
# Target prepositions that as often name a place, a time or a topic as a target; on
# the verb itself "of" and "about" name whom one speaks of ("warned of Peru").
_WEAK_PREPS = frozenset({"at", "for", "over", "into", "of", "about"})
# What a verb with an object or a complement of its own has.
_COMPLEMENT_DEPS = {"attr", "oprd", "prep", "ccomp", "xcomp", "agent", "prt"}


def verb_targets(
    verb: Token, mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    objects = children(verb, {"dobj", "dative"})
    if not objects and not children(verb, _COMPLEMENT_DEPS):
        # "Chile criticized and sanctioned Peru": coordinated verbs share the object
        # that only the last one carries.
        for conj in children(verb, {"conj"}):
            if conj.pos_ == "VERB" and not children(conj, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
                return verb_targets(conj, mentions, cues, sources)
    direct = mentions_of(objects, mentions, cues)
    own = {m.actor.country for m in sources if m.actor.country}
    if direct and any(m.actor.country and m.actor.country not in own for m in direct):
        return direct
    # "sent troops to Venezuela", "withdrew its troops from Peru": an object that is
    # a bare sector or the source's own people is what is moved, and the one it goes
    # to or leaves is the target; without such a phrase the object stays.
    # "celebrated at Lima with Bolivia": the partner before the place.
    # "held talks at Downing Street with Varadkar": a place coded as the source's
    # own side is no partner; the search goes on.
    codes = {source.actor.code for source in sources}
    for prep, pobj in sorted(prep_objects(verb), key=lambda pair: pair[0] in _WEAK_PREPS):
        if prep in TARGET_PREPS or prep in _WEAK_PREPS:
            found = mentions_of([pobj], mentions, cues)
            found = [m for m in found if m.actor.code not in codes]
            if found and not set(found) & set(sources):
                return posted_in(pobj, found, mentions, codes)
    own_forces = all(m.actor.country in own and m.actor.sector == "MIL" for m in direct)
    if direct and (own_forces or all(bare_sector(m) for m in direct)):
        # "mobilized army reservists for a war against Iraq", "sent a team of
        # paratroopers to Lebanon", "mobilized its army for an assault on Peru": a
        # bare sector or the source's own forces moved or readied are not whom the
        # act is aimed at, when a phrase names a country.
        aimed = (
            _aimed_at(verb, mentions, cues, sources)
            or _moved_to(objects, mentions, cues, sources)
            or _purposed(verb, mentions, cues, sources)
        )
        if not aimed and all(m.actor.sector == "MIL" for m in direct):
            # "refused to deploy peacekeepers in Iraq": or where forces are posted
            # (people acted on stay the target: "killed three civilians in Peru").
            aimed = _foreign_place(verb, mentions, sources, objects)
        if any(m.actor.country for m in aimed):
            return aimed
    if direct:
        return direct
    # "launched artillery, mortar and rocket fire against the camps": the phrase may
    # hang on the last of coordinated objects.
    acted_on = objects + children(verb, {"attr", "oprd", "acomp"})
    acted_on += [c for obj in acted_on for c in conjuncts(obj) if c.i > obj.i]
    for obj in acted_on:
        # "condemned Peru's attack on Bolivia": blame or praise for a deed goes to
        # whoever did it, before whom it was done to; the source's own country
        # owns what it acts on ("closed Venezuela's borders with Brazil").
        found = mentions_of(children(obj, {"poss"}), mentions, cues)
        if found and not set(found) & set(sources) and not _own_country(found, sources):
            return found
        for prep, pobj in prep_objects(obj):
            # "rejected a request by the president": whoever made the thing acted on.
            if prep in TARGET_PREPS or prep in ("of", "by"):
                found = mentions_of([pobj], mentions, cues)
                found = [m for m in found if m.actor.code not in codes]
                if found and not set(found) & set(sources):
                    # "sent a team of paratroopers to Lebanon": what the object is
                    # made of, a bare sector, is moved to whom a phrase names.
                    if prep == "of" and all(bare_sector(m) for m in found):
                        moved = _moved_to([obj], mentions, cues, sources)
                        if any(m.actor.country for m in moved):
                            return moved
                    return found
    # "pushed for a ceasefire between Peru and Bolivia": the target on the object of
    # the verb's own preposition.
    found = _aimed_at(verb, mentions, cues, sources)
    if found:
        return found
    # "vaccines, for which Maduro expressed his gratitude": thanks (or blame) for a
    # thing goes to whoever did it, the subject of the verb the thing is object of.
    if verb.dep_ == "relcl":
        for prep, pobj in prep_objects(verb):
            antecedent = verb.head
            if prep == "for" and pobj.lower_ in RELATIVE_PRONOUNS and antecedent.dep_ == "dobj":
                found = mentions_of(children(antecedent.head, SUBJECT_DEPS), mentions, cues)
                if found and not set(found) & set(sources):
                    return found
    # "urged Iran to release ...", "demanded that Iran release ...": the one asked;
    # "voiced hopes that Iran would ...", "rejected claims that Iran had ...": the one
    # the hope or the claim is about.
    saying = verb.lemma_.lower() in cues.say_verbs
    if saying:
        found = _own_content_target(verb, mentions, cues, sources)
        if found:
            return found
    # What a speaker says others do names no target of the saying.
    comps = [] if saying else children(verb, {"ccomp", "xcomp"})
    comps += [c for obj in objects for c in children(obj, {"acl", "ccomp"}) if _that_clause(c)]
    for comp in comps:
        found = mentions_of(children(comp, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), mentions, cues)
        if found and not set(found) & set(sources):
            return found
    if not saying:
        # "threatened to deliver blows to the United States", "agreed to reopen its
        # borders to UN peacekeepers": what a verb of intent or commitment acts on
        # is whom its complement, done by the same subject, acts on.
        # "let free 74 political leaders": a bare complement clause likewise.
        for comp in children(verb, {"xcomp", "ccomp"}):
            if comp.pos_ == "VERB" and not has_own_subject(comp):
                found = verb_targets(comp, mentions, cues, sources)
                if found:
                    return found
    if is_meeting(verb, cues):
        # "resumed negotiations in Ecuador", "met in Peru": where talks are held is
        # no party to them.
        return _nested_targets(verb, mentions, cues, sources, venues=False)
    # Whom the act defies comes first ("blocked streets in Hong Kong in defiance of
    # Chinese authorities"); a place inside what the verb acts on is the weakest
    # target, after whom the act is for ("mobilized groups in the US to support X").
    defied = _defied(verb, mentions, cues, sources)
    if defied:
        return defied
    nested = _nested_targets(verb, mentions, cues, sources)
    if nested and not _through_venue(nested[0], verb):
        return nested
    return (
        _foreign_place(verb, mentions, sources)
        or _protested(verb, mentions, cues, sources)
        or _purposed(verb, mentions, cues, sources)
        or nested
        or _struck(verb, mentions, cues, sources)
    )


def _through_venue(mention: Mention, verb: Token) -> bool:
    """Whether a mention found inside what the verb acts on is reached through a
    place ("streets in Hong Kong", "offices at the UN")."""
    token = verb.doc[mention.head]
    for _ in range(12):  # a noun phrase is not deeper than this
        if token.i == verb.i or token.head.i == token.i:
            return False
        if token.dep_ == "prep" and token.lower_ in _VENUE_PREPS:
            return True
        token = token.head
    return False


def _purposed(
    verb: Token, mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    """ "mobilised funds to support peace building in Colombia", "gave 5 million
    euros to help farmers in Peru": with no other target, an act is done for whom
    its purpose, an infinitive with no subject of its own, is done for (on the verb,
    or on what it gives: "announced assistance of 60 million euros to help ...", or
    on the aim a phrase names: "as part of a drive to convince X", "in a bid to")."""
    given = [
        t for obj in children(verb, {"dobj"}) for t in subtree(obj) if t.dep_ in ("acl", "relcl")
    ]
    aims = [pobj for _, pobj in prep_objects(verb)]
    aims += [inner for pobj in aims for _, inner in prep_objects(pobj)]
    aimed = [c for aim in aims for c in kids(aim) if c.dep_ in ("acl", "relcl")]
    for child in [*kids(verb), *given, *aimed]:
        purpose = (
            child.dep_ in ("advcl", "acl", "relcl")
            and child.pos_ == "VERB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(child))
            and not has_own_subject(child)
        )
        if purpose:
            found = verb_targets(child, mentions, cues, sources) or _foreign_place(
                child, mentions, sources
            )
            if child in aimed:
                # An aim a phrase names is looser ("as a means to pace reunification
                # of forces"): only an actor with a country.
                found = [m for m in found if m.actor.country]
            if found:
                return found
    return []


# Pronouns by which what a speaker says is about the speaker itself.
_SELF_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})


def _own_content_target(
    verb: Token, mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    """ "Peru said it would not recognise Chile's claim", "said they hoped Bolivia
    would return": a statement about what the speaker itself does, hopes or doubts
    is addressed to whom that is about; what it says of others ("said Chile had
    attacked") names no target of the statement."""
    own = {source.actor.code for source in sources}
    for comp in children(verb, {"ccomp"}):
        subjects = children(comp, SUBJECT_DEPS)
        about_self = bool(subjects) and all(
            (s.i in mentions and mentions[s.i].actor.code in own)
            or (s.i not in mentions and s.lower_ in _SELF_PRONOUNS)
            for s in subjects
        )
        if about_self:
            found = verb_targets(comp, mentions, cues, sources)
            if found:
                return found
    return []


def _aimed_at(
    verb: Token, mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    """The actor of a target preposition on the object of one of the verb's own
    prepositions: "pushed for a ceasefire between Peru and Bolivia"; or the first
    inside it, as who did the deed it names ("threw stones during demonstrations
    against abuses by the Chilean military")."""
    for _, pobj in prep_objects(verb):
        for prep, inner in prep_objects(pobj):
            if prep in TARGET_PREPS:
                found = mentions_of([inner], mentions, cues)
                if not found and prep == "against":
                    found = first_inside([inner], mentions, cues, sources)
                if found and not set(found) & set(sources):
                    return found
    return []


def _own_country(found: list[Mention], sources: list[Mention]) -> bool:
    """Whether the actors are all the sources' own country, bare ("Venezuela's")."""
    own = {source.actor.country for source in sources} - {None}
    return all(m.actor.sector is None and m.actor.country in own for m in found)


def _moved_to(
    objects: list[Token], mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    """ "a team of paratroopers to Lebanon": the actor of a target preposition inside
    the objects' own phrases, other than "of" (what the object is made of)."""
    for obj in objects:
        for token in subtree(obj):
            if token.dep_ == "prep" and token.lower_ in TARGET_PREPS:
                found = mentions_of(children(token, {"pobj"}), mentions, cues)
                if found and not set(found) & set(sources):
                    return found
    return []


# Verbs by which a relative clause tells what a thing is made of, not what it did:
# "an attack that included 500 troops".
_MEMBERSHIP_VERBS = frozenset({"include", "involve", "comprise", "contain", "have", "feature"})


def _struck(
    verb: Token, mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    """ "carried out three air strikes in Mosul, killing dozens of militants": with no
    other target, an act is done to whom the participle that tells its outcome acts
    on (a participle with no subject of its own, whose doer is the verb's), or the
    relative clause on what it made does ("organized a strike that shut down Lima")."""
    outcomes = [
        child
        for child in kids(verb)
        if child.dep_ == "advcl" and child.tag_ == "VBG" and not has_own_subject(child)
    ]
    made = [
        rel
        for obj in children(verb, {"dobj"})
        for rel in children(obj, {"relcl"})
        if any(s.lower_ in ("that", "which") for s in children(rel, SUBJECT_DEPS))
        and rel.lemma_.lower() not in _MEMBERSHIP_VERBS
    ]
    for outcome in outcomes + made:
        found = mentions_of(children(outcome, {"dobj"}), mentions, cues)
        if outcome in made:
            # "signed an agreement that commits their coast guards to ...": a bare
            # sector in what the thing made does is no one the act is done to (the
            # signers remain each other's partners).
            found = [m for m in found if not bare_sector(m)]
        if found and not set(found) & set(sources):
            return found
    return []


def _protested(
    verb: Token, mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    """ "began a hunger strike to protest Peru's decision", "rioted after a
    demonstration calling for the removal of President X": with no other target,
    whom the act is against is named in why it is done, or in what the protest it
    follows or joins demands (data/event_cues.yaml `protest_purpose_verbs`)."""
    for child in kids(verb):
        purpose = (
            child.dep_ == "advcl"
            and child.lemma_.lower() in cues.protest_purpose_verbs
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(child))
            and not has_own_subject(child)
        )
        if purpose:
            found = verb_targets(child, mentions, cues, sources)
            if found:
                return found
    # "following a demonstration ...": a participle preposition takes an object.
    followed = [d for prep in children(verb, {"prep"}) for d in children(prep, {"dobj"})]
    for pobj in [pobj for _, pobj in prep_objects(verb)] + followed:
        for acl in children(pobj, {"acl"}):
            demanding = (
                acl.tag_ == "VBG"
                and acl.lemma_.lower() in cues.protest_purpose_verbs
                and not has_own_subject(acl)
            )
            if demanding:
                found = verb_targets(acl, mentions, cues, sources)
                if found:
                    return found
    return []


def _defied(
    verb: Token, mentions: dict[int, Mention], cues: EventCues, sources: list[Mention]
) -> list[Mention]:
    """ "blocked streets in Hong Kong in defiance of Chinese authorities", "staged a
    sit-in in protest against arrests by the police", "declined to resign despite
    pressure from the commission": whom an act defies is whom it is against
    (data/event_cues.yaml `protest_nouns`, `pressure_nouns`)."""
    for prep, pobj in prep_objects(verb):
        noun = pobj.lemma_.lower()
        defied = (prep == "in" and noun in cues.protest_nouns) or (
            prep == "despite" and noun in cues.pressure_nouns
        )
        if defied:
            found = first_inside([pobj], mentions, cues, sources)
            if found:
                return found
    return []


def passive_targets(
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
    verb: Token,
    mentions: dict[int, Mention],
    sources: list[Mention],
    objects: list[Token] | None = None,
) -> list[Mention]:
    """ "Chile's president arrived in Peru": with no other target, a foreign country
    the act happens in is whom it is done to (the visit, the deployment); with
    `objects`, also one they are put in ("deployed peacekeepers in Iraq", at times
    parsed with the place on the object)."""
    # "Troops and aircraft from the United States arrived in Nepal": the sources
    # with a country say whose it is.
    own = {source.actor.country for source in sources} - {None}
    if not own:
        return []
    places = [
        pobj
        for head in [verb, *(objects or [])]
        for prep, pobj in prep_objects(head)
        if prep == "in"
    ]
    # "took part in peacekeeping operations in Afghanistan": the place of the act
    # the verb takes part in.
    places += [inner for pobj in places for prep, inner in prep_objects(pobj) if prep == "in"]
    for place in places:
        if plain_country(place, mentions) and mentions[place.i].actor.country not in own:
            return [mentions[place.i]]
    return []


def _that_clause(clause: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ == "that" for child in kids(clause))


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


def is_meeting(verb: Token, cues: EventCues) -> bool:
    """Whether a clause is a meeting or negotiation ("met", "resumed negotiations")."""
    words = [verb, *children(verb, {"dobj", "attr", "nsubjpass"})]
    return any(token.lemma_.lower() in cues.meeting_words for token in words)
