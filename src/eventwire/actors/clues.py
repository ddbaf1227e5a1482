"""The vocabulary of the phrase resolver (actors/resolver.py): which dependents make up
a phrase, which prepositions give a country, which roles serve at home or abroad, and
what a phrase's words say about its actor (`Clues`), and how an organisation or a role
inside one is coded."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.actors.knowledge import AgentEntry, NameEntry
from eventwire.model import Actor, ResolvedBy

# Dependents that belong to a noun phrase's description of its head.
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "flat", "case", "punct"}
# Prepositions whose object gives the phrase's country: "diplomats from the U.S."
ORIGIN_PREPS = {"of", "from", "for"}
# "Lawmakers in Fornost", "rebels in the Ivory Coast": where people are is their country,
# except for those that are often abroad (troops, aid workers, refugees, reporters).
LOCATION_PREPS = {"in"}
OFTEN_ABROAD = {"MIL", "UAF", "RAD", "IGO", "NGO", "REF", "SPY", "MED"}
NOMINAL_POS = {"NOUN", "PROPN"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Words that end a phrase on their left: "Maduro and Russian President Vladimir Putin".
PHRASE_BREAKS = {",", ";", ":", "and", "or", "(", ")", "—", "–"}
# Sectors that only exist inside a country: without a country in the phrase they take
# the country of what they are coordinated with, else the story's own (its dateline).
DOMESTIC_SECTORS = {"OPP", "REB", "INS", "SEP"}
# Roles held at home, not abroad or as victims: without a country in the phrase or the
# story's record, they take the one country the story names (ArticleResolver.sole_country).
HOME_ROLES = {"GOV", "JUD", "LEG", "COP", "OPP", "PTY", "ELI", "REB", "INS", "SEP"}
# Government roles that serve abroad: a story about an embassy names the host country.
ABROAD_TITLES = {"embassy", "consulate", "ambassador", "envoy", "diplomat", "consul"}
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
