"""Actors named by a phrase: the mentions a noun phrase and its conjuncts head
("Russia and China"), looking through quantities ("thousands of protesters"),
appositions ("its top diplomat, Sergei Lavrov") and a role shared by several
countries ("the ambassadors of Peru and Chile": one actor per country); and
the first actor inside a phrase, not entering other clauses (`first_inside`),
with a force or people of no country told by where they are posted or sent
(`posted_in`); a pronoun source told by the speaker's words (`named_source`),
and people of no country acting in one taken as its people (`local_people`).

Shared by verb clauses (events/clauses.py) and nominal events (events/nominal.py).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.lexicon import EventCues
from eventwire.events.story_parse import children, conjuncts, kids, sentence_of, tokens_of
from eventwire.model import Mention

__all__ = [
    "NON_PARTY_PREPS",
    "bare_sector",
    "children",
    "first_inside",
    "has_cc",
    "has_own_subject",
    "local_people",
    "mentions_of",
    "named_source",
    "plain_country",
    "posted_in",
    "prep_objects",
]

_ALL_SUBJECT_DEPS = {"nsubj", "csubj", "nsubjpass", "csubjpass"}


# Dependency labels and parts of speech the clause readers share.
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
NOMINAL_POS = ("NOUN", "PROPN")


def _with_conjuncts(token: Token) -> list[Token]:
    result = [token]
    for conj in conjuncts(token):
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
            for child in kids(token)
            if child.dep_ in ("nmod", "compound")
            and any(has_cc(member) for member in _with_conjuncts(child))
        ]
        # "Peru, the Gondor, and Chile": an item of a list parsed as an apposition.
        if has_cc(token):
            members += [child for child in kids(token) if child.dep_ == "appos"]
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
        [mentions[t.i] for t in _with_conjuncts(pobj) if plain_country(t, mentions)]
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


def bare_sector(mention: Mention) -> bool:
    """A sector with no country ("troops", "paratroopers"), coded as the sector
    alone; an international body ("a UN resolution": IGOUNO) is no such."""
    actor = mention.actor
    return actor.country is None and actor.sector is not None and actor.code == actor.sector


def plain_country(token: Token, mentions: dict[int, Mention]) -> bool:
    mention = mentions.get(token.i)
    return mention is not None and mention.actor.sector is None and bool(mention.actor.country)


def has_cc(token: Token) -> bool:
    return any(child.dep_ == "cc" for child in kids(token))


def _apposed(token: Token, mentions: dict[int, Mention]) -> Mention | None:
    """ "its top diplomat, Sergei Lavrov": the apposition names the actor."""
    for child in kids(token):
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
    for prep in kids(token):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in kids(prep):
                if pobj.dep_ == "pobj" and pobj.i in mentions:
                    return mentions[pobj.i]
    return None


# Words that with "to" make a preposition naming where a report comes from or a
# cause, never a party to the act: "according to the police", "due to the war".
NON_PARTY_PREPS = frozenset({"according", "due", "thanks", "owing", "prior"})


def prep_objects(token: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging on a token, through "out of" style pairs,
    leaving out "according to" and its kind (`NON_PARTY_PREPS`)."""
    found = []
    # "sent troops to Peru" is sometimes parsed with "to" as a dative.
    preps = [
        c
        for c in kids(token)
        if (c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP"))
        and c.lower_ not in NON_PARTY_PREPS
    ]
    for prep in preps:
        objects = children(prep, {"pobj"})
        if not objects:
            # "travel curbs to and from North Korea": coordinated prepositions share
            # the object the last one carries.
            shared = [c for c in children(prep, {"conj"}) if c.pos_ == "ADP"]
            objects = [pobj for conj in shared for pobj in children(conj, {"pobj"})]
        for pobj in objects:
            found.append((prep.lower_, pobj))
        inners = children(prep, {"prep"})
        for inner in inners:
            for pobj in children(inner, {"pobj"}):
                found.append((inner.lower_, pobj))
        if not objects and not inners:
            stranded = _stranded_object(prep)
            if stranded is not None:
                found.append((prep.lower_, stranded))
    return found


def _stranded_object(prep: Token) -> Token | None:
    """ "granted asylum to five army officers holed up in the embassy": a preposition
    left with no object, because the parser took the noun after it for the subject
    of a reduced relative clause, has that subject for its object."""
    for token in tokens_of(prep.doc[prep.i + 1 : sentence_of(prep).end]):
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and token.left_edge.i == prep.i + 1
            and token.head.pos_ == "VERB"
            and token.head.i > token.i
            and token.head.dep_ in ("advcl", "acl", "relcl", "ccomp", "conj")
        ):
            return token
    return None


# What a search for a nested target does not enter: other clauses, whose actors are
# theirs ("criticized the talks, which Peru had ..."), and the verb's own conjuncts.
_CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "xcomp", "parataxis", "conj", "csubj", "mark",
                "nsubj", "nsubjpass", "punct", "cc"}  # fmt: skip


def has_own_subject(token: Token) -> bool:
    """A verb with a subject of its own heads a clause whose actors are its own
    ("the possibility of Russia sending assets to Cuba")."""
    return token.pos_ in ("VERB", "AUX") and bool(children(token, _ALL_SUBJECT_DEPS))


def first_inside(
    roots: list[Token],
    mentions: dict[int, Mention],
    cues: EventCues,
    sources: list[Mention],
    skip: frozenset[str] = frozenset(),
) -> list[Mention]:
    """The first actor (with its conjuncts), in reading order, in the phrases under
    `roots`, not entering other clauses, phrases of the prepositions in `skip`, and
    skipping the sources' own actors."""
    found: list[Token] = []
    stack = list(roots)
    while stack:
        token = stack.pop()
        if token.i in mentions:
            found.append(token)
            continue  # the mention's own words are not another actor
        stack.extend(
            child
            for child in kids(token)
            if child.dep_ not in _CLAUSE_DEPS
            and not has_own_subject(child)
            and not (child.dep_ == "prep" and child.lower_ in skip | NON_PARTY_PREPS)
        )
    # "Peru and Chile failed to reach a deal on offices in Lima": an actor that is one
    # of the sources again is no target (and leaves the act mutual).
    taken = {source.actor.code for source in sources}
    for token in sorted(found, key=lambda t: t.i):
        if mentions[token.i].actor.code in taken:
            continue
        group = [m for m in mentions_of([token], mentions, cues) if m not in sources]
        if group:
            return posted_in(token, group, mentions, taken)
    return []


# Head nouns of a force posted abroad, whatever body it belongs to.
_FORCE_NOUNS = frozenset({"force", "mission", "operation", "contingent", "peacekeeper"})


def posted_in(
    token: Token, group: list[Mention], mentions: dict[int, Mention], taken: set[str]
) -> list[Mention]:
    """ "an extension of the mandate for the peacekeeping force in Lebanon", "sent
    troops to the UN mission in Mali", "sent supplies and doctors to Nepal": actors
    of no country of their own are told apart by the country they are sent to, and
    a force (a bare sector, a UN or NATO force) by the one it is posted in; else the
    group itself. People of no country stay what they are where they are ("the
    killing of civilians in Peru")."""
    if any(m.actor.country is not None for m in group):
        return group
    force = token.lemma_.lower() in _FORCE_NOUNS or all(m.actor.sector == "MIL" for m in group)
    for prep, pobj in prep_objects(token):
        sent = prep in ("to", "into") or (prep == "in" and force)
        if sent and plain_country(pobj, mentions) and mentions[pobj.i].actor.code not in taken:
            return [mentions[pobj.i]]
    return group


def named_source(source: Mention, verb: Token, mentions: dict[int, Mention]) -> Mention:
    """ "The Pentagon said it hit five bases", "Netanyahu says he will seek support":
    a pronoun subject resolved to the subject of a verb it is said or done under is
    told by that subject's own words, the actor named."""
    pronoun = verb.doc[source.head]
    if pronoun.pos_ != "PRON":
        return source
    current = verb
    for _ in range(4):  # "said it would try to ..." is short
        if current.head.i == current.i:
            break
        current = current.head
        for subject in children(current, SUBJECT_DEPS):
            named = mentions.get(subject.i)
            same = named is not None and named.actor.code == source.actor.code
            if same and named is not None and verb.doc[named.head].pos_ != "PRON":
                return named
    return source


# Sectors of people who act where they live; refugees, journalists and the state's
# own organs are often foreign to where they act.
_LOCAL_SECTORS = frozenset({"CVL", "LAB", "EDU", "REL", "AGR", "BUS", "OPP", "HLH"})


def local_people(source: Mention, verb: Token, mentions: dict[int, Mention]) -> Mention:
    """ "Hundreds of thousands of people blocked streets in Hong Kong": people of no
    country acting in a country are its people (HKGCVL)."""
    actor = source.actor
    if actor.country is not None or actor.code != actor.sector:
        return source
    if actor.sector not in _LOCAL_SECTORS:
        return source
    places = [pobj for prep, pobj in prep_objects(verb) if prep == "in"]
    places += [
        pobj for obj in children(verb, {"dobj"}) for prep, pobj in prep_objects(obj) if prep == "in"
    ]
    for place in places:
        if plain_country(place, mentions):
            country = mentions[place.i].actor.country
            local = replace(
                actor, code=f"{country}{actor.sector}", country=country, resolved_by="context"
            )
            return replace(source, actor=local)
    return source
