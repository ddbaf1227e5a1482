"""What a story has said so far about its actors: who holds which title, who is who,
and which actor a pronoun or a bare title points back to.

The resolver (actors/resolve.py) walks a story in order and tells this record
each actor it codes; the record answers, for a later "Maduro", "the president",
"he" or "it", which earlier actor that is. It is built fresh for each story.

Pronouns are resolved by a small salience rule that works well on news prose:
a candidate of the right kind (a person for he/she, a country, organisation or
institution for it) earlier in the same sentence, the subject first; else the
subject of the closest of the previous sentences, else its latest candidate.
An argument of the pronoun's own verb is never its antecedent ("Maduro thanked
him" is not Maduro). "They" and "their" point only to a group of people the
story named ("rebels", "Peruvian officials"), never to a country: in news a
country's "they" as often means its people as its government. "Them" is left
alone: it is mostly the object of a group's own clause ("police said they had
arrested 20 of them").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Token

from eventwire.model import Actor

ReferentKind = Literal["person", "thing", "group"]

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "their", "theirs", "themselves"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How many sentences back a pronoun or a bare title may reach for its antecedent.
PRONOUN_REACH = 2
BRIDGE_REACH = 3


@dataclass(frozen=True, slots=True)
class Referent:
    """An actor the story has mentioned, as a pronoun might point back to it."""

    sentence: int
    token: Token  # the mention's head
    actor: Actor
    kind: ReferentKind
    named: bool  # a person's or organisation's name, not a description ("the minister")

    @property
    def is_subject(self) -> bool:
        return self.token.dep_ in _SUBJECT_DEPS


def referent_kind(head: Token, actor: Actor, is_name: bool, agent_kind: str | None) -> ReferentKind:
    """What a pronoun would call a coded phrase: a titled or named person, a named
    thing (country, organisation), a body ("it") or a group of people ("they")."""
    if actor.name is not None and not is_name:
        return "person"
    if is_name or agent_kind is None:
        return "thing"
    if agent_kind == "person":
        return "group" if "Plur" in head.morph.get("Number", []) else "person"
    return "thing" if agent_kind == "body" else "group"


def pronoun_kind(token: Token) -> ReferentKind | None:
    """The kind of antecedent a pronoun needs; None for pronouns we do not resolve."""
    word = token.lower_
    if word in PERSON_PRONOUNS:
        return "person"
    if word in THING_PRONOUNS:
        return "thing"
    if word in GROUP_PRONOUNS:
        return "group"
    return None


@dataclass(slots=True)
class StoryRecord:
    """The actors of one story so far: people by name, holders of titles, referents."""

    people: dict[str, Actor] = field(default_factory=dict)  # full name and surname -> actor
    titles: dict[tuple[str, ...], Actor] = field(default_factory=dict)  # title words -> holder
    referents: list[Referent] = field(default_factory=list)

    def remember_person(self, name: str, actor: Actor) -> None:
        self.people[name] = actor
        self.people.setdefault(name.split()[-1], actor)

    def person(self, name: str) -> Actor | None:
        return self.people.get(name) or self.people.get(name.split()[-1])

    def remember_title(self, title: tuple[str, ...], actor: Actor) -> None:
        self.titles[title] = actor

    def title_holder(self, title: tuple[str, ...]) -> Actor | None:
        """The latest actor the story gave this title with a country ("the president")."""
        return self.titles.get(title)

    def add_referent(self, referent: Referent) -> None:
        self.referents.append(referent)

    def antecedent(self, pronoun: Token, sentence: int, kind: ReferentKind) -> Referent | None:
        """The earlier actor a pronoun points to, by the salience rule of this module."""
        same = [
            r
            for r in self.referents
            if r.sentence == sentence
            and r.token.i < pronoun.i
            and r.kind == kind
            and r.token.head.i != pronoun.head.i  # not a co-argument of its own verb
        ]
        if same:
            subjects = [r for r in same if r.is_subject]
            return (subjects or same)[-1]
        if kind == "group" and any(
            r.sentence == sentence and r.token.i < pronoun.i and r.is_subject
            for r in self.referents
        ):
            return None  # "Peru and Bolivia said they ...": theirs, not an earlier group's
        for back in range(1, PRONOUN_REACH + 1):
            earlier = [
                r for r in self.referents if r.sentence == sentence - back and r.kind == kind
            ]
            if earlier:
                subjects = [r for r in earlier if r.is_subject]
                return subjects[0] if subjects else earlier[-1]
        return None

    def bridge(self, sentence: int, sector: str) -> Actor | None:
        """An unnamed description a titled name without a country may be: "Russia's chief
        negotiator ... Deputy Foreign Minister Sergei Ryabkov". Only when every such
        description of the same sector in the last few sentences has one country."""
        candidates = [
            r.actor
            for r in self.referents
            if sentence - BRIDGE_REACH <= r.sentence <= sentence
            and r.kind == "person"
            and not r.named
            and r.actor.country is not None
            and r.actor.sector == sector
        ]
        countries = {actor.country for actor in candidates}
        return candidates[-1] if len(countries) == 1 else None
