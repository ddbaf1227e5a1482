"""The vocabulary of the phrase resolver (actors/resolver.py): which dependents make up
a phrase, which prepositions give a country, which roles serve at home or abroad, and
what a phrase's words say about its actor (`Clues`), how an organisation or a role
inside one is coded, and how a place that acts is (a capital, a town named by its
country)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from eventwire.actors.knowledge import AgentEntry, NameEntry, load_word_list
from eventwire.actors.matching import Match
from eventwire.actors.tokens import StoryTokens
from eventwire.model import Actor, ResolvedBy

# Dependents that belong to a noun phrase's description of its head.
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "flat", "case", "punct"}
# Prepositions whose object gives the phrase's country: "diplomats from the U.S."
ORIGIN_PREPS = {"of", "from", "for"}
# "Lawmakers in Fornost", "rebels in the Ivory Coast": where people are is their country,
# except for those that are often abroad (troops, aid workers, refugees, reporters).
LOCATION_PREPS = {"in"}
OFTEN_ABROAD = {"MIL", "RAD", "IGO", "NGO", "REF", "SPY", "MED"}
# Nouns that count people: "thousands of Nigerians".
AMOUNT_NOUNS = {"hundred", "thousand", "million", "dozen", "score", "hundreds", "thousands"}
# Places where people live: as actors, their people ("shelled the town", "demolished
# Palestinian homes").
SETTLEMENT_NOUNS = {"town", "city", "village", "home"}
# Prepositions of where an act happens: what follows is a place, not an actor.
VENUE_PREPS = {
    "in",
    "at",
    "near",
    "inside",
    "within",
    "around",
    "outside",
    "throughout",
    "across",
}
# Roles that are "based" abroad as often as at home: troops, spies, aid agencies.
STATIONED_ABROAD = {"MIL", "SPY", "IGO", "NGO", "REF"}
NOMINAL_POS = {"NOUN", "PROPN"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Words that end a phrase on their left: "Maduro and Russian President Vladimir Putin".
# Names a bracketed gloss may follow inside a phrase: "the Hizbollah (Party of God) group".
GLOSSED_KINDS = {"organization", "dictionary"}
PHRASE_BREAKS = {",", ";", ":", "and", "or", "(", ")", "—", "–"}
# Sectors that only exist inside a country: without a country in the phrase they take
# the country of what they are coordinated with, else the story's own (its dateline).
DOMESTIC_SECTORS = {"OPP", "REB", "INS", "SEP"}
# Roles held at home, not abroad or as victims: without a country in the phrase or the
# story's record, they take the one country the story names (ArticleResolver.sole_country).
HOME_ROLES = {"GOV", "JUD", "LEG", "COP", "OPP", "PTY", "ELI", "REB", "INS", "SEP"}
# Bodies that serve at home though their people travel: a reporter may be abroad, a
# newspaper or broadcaster is published where it is ("the opposition newspaper"), and
# a trade union is organised in one country.
HOME_BODIES = {("body", "MED"), ("body", "LAB")}
# Government roles that serve abroad: a story about an embassy names the host country.
ABROAD_TITLES = {"embassy", "consulate", "ambassador", "envoy", "diplomat", "consul"}
# Portfolios that look after their own country's affairs (data/domestic_portfolios.txt).
DOMESTIC_PORTFOLIOS = load_word_list("domestic_portfolios.txt")
# Nouns of a relation to someone else: their possessor is the other side of it.
RELATION_NOUNS = {
    "ally",
    "partner",
    "rival",
    "enemy",
    "foe",
    "opponent",
    "adversary",
    "neighbor",
    "neighbour",
    "critic",
    "proxy",
    "client",
    "protege",
}
# Entity types a person's name never has: "officials Wednesday" is not a titled "Wednesday".
NOT_PERSON_ENTS = {
    "DATE",
    "TIME",
    "GPE",
    "LOC",
    "FAC",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "EVENT",
    "LANGUAGE",
    "LAW",
    "WORK_OF_ART",
    "PRODUCT",
}


@dataclass(slots=True)
class Clues:
    """What a phrase's words say about its actor."""

    full: NameEntry | None = None  # a name that is the phrase head (country, org, dictionary)
    country: str | None = None
    agent: AgentEntry | None = None
    title: tuple[str, ...] = ()  # the words of the agent/title ("deputy", "foreign", "minister")
    person: str | None = None
    modifier_name: NameEntry | None = None  # an organisation named in a modifier
    people: bool = False  # an ethnic or religious group in a modifier ("Moslem forces")


def phrase_tokens(
    parse: StoryTokens,
    names: Mapping[int, Match[NameEntry]],
    agents: Mapping[int, Match[AgentEntry]],
    head: Token,
) -> tuple[Token, ...]:
    """The head, its left descriptive modifiers (with their subtrees) and, for a name,
    the whole name; cut at the last coordination or comma before the head."""
    lower, dep, pos = parse.lower, parse.dep, parse.pos
    chosen = {head.i}
    for child in head.lefts:
        if child.dep_ in MODIFIER_DEPS:
            chosen.update(token.i for token in child.subtree if token.i < head.i)
    match = names.get(head.i)
    if match is not None:
        chosen.update(range(match.start, match.end))
    start = min(chosen)
    i = head.i - 1
    while i >= start:
        opening = _glossed_name(parse, names, start, i)
        if opening is not None:
            i = opening - 1  # "the Hizbollah (Party of God) group" is one phrase
            continue
        if lower[i] in PHRASE_BREAKS or dep[i] == "cc":
            start = i + 1
            break
        i -= 1
    if head.pos_ == "PROPN" and head.i not in agents and head.i not in names:
        # A title the parser hung elsewhere: "... and Venezuelan Petroleum Minister
        # Tareck El Aissami" has "Minister" as a conjunct, not a compound of the name.
        while start > 0 and (start - 1 in agents or start - 1 in names):
            if lower[start - 1] in PHRASE_BREAKS or pos[start - 1] in ("ADP", "VERB"):
                break
            start -= 1
    # A name goes on past its head: "the Organization of African Unity".
    end = max(chosen) if match is not None else head.i
    return tuple(parse.tokens[start : end + 1])


def _glossed_name(
    parse: StoryTokens, names: Mapping[int, Match[NameEntry]], start: int, close: int
) -> int | None:
    """The "(" of a gloss closing at `close` that follows an organisation's name, as in
    "the Hizbollah (Party of God) group": the gloss explains the name, it does not end
    the phrase. None when `close` is no such ")"."""
    if parse.lower[close] != ")":
        return None
    opening = next((j for j in range(close - 1, start - 1, -1) if parse.lower[j] == "("), None)
    if opening is None or opening == start or close - opening > 8:
        return None
    name = names.get(opening - 1)
    return opening if name is not None and name.value.kind in GLOSSED_KINDS else None


def role_modifiers(
    head: Token, agents: Mapping[int, Match[AgentEntry]], country: str | None
) -> list[Token]:
    """The role words modifying a thing: "army" of "army bulldozers"; a body's adjective
    with the `country` it serves ("Israeli military jets": "the military aid" may be
    anyone's), never a person's ("general" of "a general strike")."""
    return [
        t
        for t in head.lefts
        if t.i in agents
        and (
            t.dep_ == "compound"
            or (t.dep_ == "amod" and agents[t.i].value.kind == "body" and country is not None)
        )
    ]


def counted_people(demonym: Token) -> AgentEntry | None:
    """Nationals counted ("more than 100 Palestinians", "thousands of Nigerians") are
    people, civilians of their country: a state is never counted by the head."""
    counted = any(child.dep_ == "nummod" for child in demonym.children)
    if demonym.dep_ == "pobj" and demonym.head.lower_ == "of":
        amount = demonym.head.head
        counted = counted or amount.lemma_.lower() in AMOUNT_NOUNS or amount.like_num
    return AgentEntry("CVL") if counted else None


def apposed(
    head: Token, agents: Mapping[int, Match[AgentEntry]], resolve: Callable[[Token], Actor | None]
) -> Actor | None:
    """The description set beside a name by apposition, either way round: "X, Russia's
    envoy" or "Russia's envoy, X". `resolve` codes it (ArticleResolver.resolve)."""
    candidates = [child for child in head.rights if child.dep_ == "appos"]
    if head.dep_ == "appos":
        candidates.append(head.head)
    for candidate in candidates:
        if candidate.i in agents:
            actor = resolve(candidate)
            if actor is not None and actor.name is None:
                return actor
    return None


def located_country(head: Token, resolve: Callable[[Token], Actor | None]) -> str | None:
    """The country of an "in X" / "of X" after the head: "Kurds in Syria". `resolve`
    codes the place's phrase (ArticleResolver.resolve)."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ORIGIN_PREPS | LOCATION_PREPS:
            for pobj in child.children:
                place = resolve(pobj) if pobj.dep_ == "pobj" else None
                if place is not None and place.country:
                    return place.country
    return None


def people_of_a_place(
    demonym: Token, own: str | None, country: str, located: str | None
) -> AgentEntry | None:
    """A nation's people where the phrase puts them are civilians, not their state:
    "Bosnian Serbs" (a people of another country's), "Palestinians of the West Bank"
    (`located`: where an "in"/"of" after them puts them). Not with an article: "the
    Russians in Syria" are as often their state's forces."""
    if own is not None and own != country:
        return AgentEntry("CVL")
    definite = any(child.lower_ == "the" for child in demonym.lefts)
    return AgentEntry("CVL") if located is not None and not definite else None


# Verbs of holding a place: "rebel-held territory", "government-controlled towns".
HOLDING_VERBS = {"hold", "control", "occupy", "run", "administer"}


def holding_role(head: Token, agents: Mapping[int, Match[AgentEntry]]) -> Match[AgentEntry] | None:
    """The role that holds the place `head` names ("rebel" of "rebel-held territory")."""
    for child in head.lefts:
        if child.dep_ == "amod" and child.lemma_.lower() in HOLDING_VERBS:
            for holder in child.lefts:
                if holder.i in agents:
                    return agents[holder.i]
    return None


def fled_country(head: Token, names: Mapping[int, Match[NameEntry]]) -> str | None:
    """Refugees are from where they flee: "refugees fleeing the war in Liberia"."""
    for child in head.rights:
        if child.dep_ == "acl" and child.lemma_.lower() in ("flee", "escape"):
            for token in child.subtree:
                match = names.get(token.i)
                if match is not None and match.value.country:
                    return match.value.country
    return None


def home_base(head: Token, agent: AgentEntry | None) -> Token | None:
    """The place a group is "based in" or "headquartered in": its home ("a newspaper
    based in Beirut", "a group based in Trinidad"), unless it is a force or agency
    that serves abroad (troops based in Germany are seldom Germany's)."""
    if agent is not None and agent.sector[:3] in STATIONED_ABROAD:
        return None
    for child in head.rights:
        if child.dep_ == "acl" and child.lemma_.lower() in ("base", "headquarter"):
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                    return next((t for t in prep.children if t.dep_ == "pobj"), None)
    return None


def possessed_title(
    agent: AgentEntry, tokens: Sequence[Token], agents: Mapping[int, Match[AgentEntry]]
) -> AgentEntry:
    """A leader's title held in a body of another sector is that body's: "the party's
    leader" leads a party (PTY), "the rebels' chief" rebels (REB)."""
    if agent.sector[:3] != "GOV" or agent.kind != "person":
        return agent
    for token in tokens:
        owner = agents.get(token.i) if token.dep_ == "poss" else None
        if owner is not None and owner.value.sector[:3] != "GOV":
            return AgentEntry(owner.value.sector[:3], agent.position, agent.kind)
    return agent


def is_definite_singular(head: Token) -> bool:
    return "Plur" not in head.morph.get("Number", []) and any(
        child.dep_ == "det" and child.lower_ in ("the", "this", "that") for child in head.lefts
    )


def compose(country: str, agent: AgentEntry) -> tuple[str, str]:
    if agent.position == "prefix":
        return agent.sector + country, agent.sector[:3]
    return country + agent.sector, agent.sector[:3]


def organization_actor(entry: NameEntry, text: str) -> Actor:
    by: ResolvedBy = "dictionary" if entry.kind == "dictionary" else "knowledge"
    name = entry.name if entry.kind == "organization" else None
    return Actor(entry.code, entry.country, entry.sector, text, name, by)


def role_in_organization(entry: NameEntry, agent: AgentEntry, text: str, name: str | None) -> Actor:
    """A role of an organisation: its officials are the organisation itself ("Red Cross
    officials"), other roles add their sector ("UN peacekeepers": IGOUNO + MIL)."""
    by: ResolvedBy = "dictionary" if entry.kind == "dictionary" else "knowledge"
    national_group = entry.country is not None and len(entry.code) > 3
    if agent.sector[:3] == "GOV" or entry.sector == agent.sector[:3] or national_group:
        return Actor(entry.code, entry.country, entry.sector, text, name, by)
    if entry.country is not None and len(entry.code) == 3:
        code, sector = compose(entry.code, agent)
        return Actor(code, entry.country, sector, text, name, by)
    return Actor(entry.code + agent.sector[:3], entry.country, agent.sector[:3], text, name, by)


def settlement_actor(head: Token, country: str, text: str) -> Actor:
    """A place named by its country ("the Bosnian town of Gorazde", "Algeria's
    capital"): a town, city or village acted on or from is the people who live there,
    as the PLOVER gold set's readme codes cities (CVL); one where something happens
    ("talks in the Peruvian town of X") is a place, its country, as the event clauses
    read places; a capital is coded as a named one; any other place (a province, a
    territory) is the country."""
    noun = head.lemma_.lower()
    if noun == "capital":
        return capital_actor(head, NameEntry(country, country, None, "capital", text), text)
    member = head
    while member.dep_ == "conj" and member.head.i != member.i:
        member = member.head  # "in Bolivia province and the Peruvian town of X"
    venue = member.dep_ == "pobj" and member.head.lower_ in VENUE_PREPS
    if noun in SETTLEMENT_NOUNS and not venue:
        return Actor(country + "CVL", country, "CVL", text, None, "knowledge")
    return Actor(country, country, None, text, None, "knowledge")


def seat_possessor(head: Token, names: Mapping[int, Match[NameEntry]]) -> Actor | None:
    """ "Washington's wish", "the Kremlin's plan": the possessor's own code."""
    for child in head.lefts:
        match = names.get(child.i)
        if child.dep_ == "poss" and match is not None and match.value.kind != "people":
            entry = match.value
            return Actor(entry.code, entry.country, entry.sector, child.text, None, "knowledge")
    return None


def capital_actor(head: Token, entry: NameEntry, text: str) -> Actor:
    """A capital that acts or is acted on ("Moscow said", "an admission by Moscow",
    "isolate Washington") is its government, as the PLOVER gold set's readme codes
    capitals (GOV as subject or direct object); elsewhere ("in Moscow") it is the
    country, a place: the event clauses take a bare country after "in" for where an
    act happens, not for whom it is done to."""
    if entry.country is None:
        return Actor(entry.code, entry.country, entry.sector, text, None, "knowledge")
    governs = head.dep_ in SUBJECT_DEPS or head.dep_ == "dobj"
    preposition = head.head.lower_ if head.dep_ == "pobj" else None
    if governs or preposition == "by":
        return Actor(entry.country + "GOV", entry.country, "GOV", text, None, "knowledge")
    return Actor(entry.code, entry.country, entry.sector, text, None, "knowledge")


# Name kinds that stand for a state acting as a party: not a people or an adjective,
# nor a capital, which news names as a place as often as a party ("including Belgrade").
_STATE_KINDS = {"country", "seat"}


def names_state_as_party(
    head: Token,
    phrase: Sequence[Token],
    names: Mapping[int, Match[NameEntry]],
    country: str,
) -> bool:
    """Whether `head`'s sentence names `country` itself as another party, outside the
    phrase and not as a venue or a modifier: "Prime Minister X expressed condolences
    to the Government of Turkey" tells against X being Turkish, while "Judge Y charged
    officers in Peru", "12 Peruvian officers" or "Ghana's unions" do not. A story's
    one country is then no guess for a title of no stated country. Nor does a state in
    what the holder of a domestic portfolio the phrase names says: "Finance Minister X
    said Peru is committed to ..." speaks of X's own country."""
    inside = {token.i for token in phrase}
    portfolio = DOMESTIC_PORTFOLIOS & {token.lower_ for token in phrase}
    reported = _reported_clauses(head) if portfolio else []
    sentence = head.sent
    for i in range(sentence.start, sentence.end):
        match = names.get(i)
        if i in inside or match is None or match.start != i:
            continue
        entry = match.value
        if entry.country != country or entry.kind not in _STATE_KINDS:
            continue
        token = head.doc[match.end - 1]
        if token.dep_ in ("poss", "compound", "amod"):
            continue  # "Ghana's unions": another party of that country, not the state
        if _in_venue(token):
            continue  # where it happened
        if any(first <= token.i <= last for first, last in reported):
            continue  # what the minister says of it
        return True
    return False


def _reported_clauses(head: Token) -> list[tuple[int, int]]:
    """The token ranges of the clauses the verb `head` is the subject of reports
    ("X said [Vietnam is committed ...]")."""
    if head.dep_ not in SUBJECT_DEPS:
        return []
    return [
        (child.left_edge.i, child.right_edge.i)
        for child in head.head.children
        if child.dep_ == "ccomp"
    ]


# Nouns for a state that its name may follow: "the Central Asian nation of Kyrgyzstan".
STATE_NOUNS = {"nation", "country", "state", "republic", "kingdom", "emirate"}


def state_named(noun: Token) -> Token:
    """The name after a noun for a state ("Kyrgyzstan" of "the nation of Kyrgyzstan");
    the noun itself otherwise."""
    if noun.lemma_.lower() in STATE_NOUNS:
        for prep in noun.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                inner = next((t for t in prep.children if t.dep_ == "pobj"), None)
                return inner if inner is not None else noun
    return noun


def _in_venue(token: Token) -> bool:
    """Whether a name is where something happens, itself or as the "of" of the place
    ("in Peru", "in northern parts of Peru")."""
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        token = token.head.head
    return token.dep_ == "pobj" and token.head.lower_ in VENUE_PREPS


def with_user_agents(
    actor: Actor, phrase: Sequence[Token], agents: Mapping[int, Match[AgentEntry]]
) -> Actor:
    """Every agent of a user's dictionary in the phrase adds its code, in text order, as
    PETRARCH assembles codes: a prefix agent before ("MSF Arnor diplomat": NGO + ARNGOV),
    a suffix one after; a code already present is not added twice."""
    code = actor.code
    seen: set[int] = set()
    for token in phrase:
        match = agents.get(token.i)
        if match is None or match.start in seen or not match.value.from_user:
            continue
        seen.add(match.start)
        part = match.value.sector
        present = {code[i : i + 3] for i in range(0, len(code), 3)}
        if not part or {part[i : i + 3] for i in range(0, len(part), 3)} <= present:
            continue
        code = part + code if match.value.position == "prefix" else code + part
    return actor if code == actor.code else replace(actor, code=code)


def place_country(pobj: Token) -> str | None:
    """The country of a place the parser tagged that the actor tables do not name ("a
    missionary from Calgary", "the government of Sindh province"): the gazetteer's
    first reading (countries before regions before towns, the most populous first)."""
    from eventwire.where.gazetteer import load_gazetteer  # loaded once per process

    first = pobj.left_edge.i
    places = [
        ent
        for ent in pobj.doc.ents
        if ent.label_ in ("GPE", "LOC") and ent.start <= pobj.i and ent.end > first
    ]
    if not places:
        return None
    entries = load_gazetteer().lookup(places[-1].text)
    return entries[0].country if entries else None
