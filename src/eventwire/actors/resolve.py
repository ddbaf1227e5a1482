"""Actor resolution: noun phrases of the parse to coded actors.

A phrase is coded when its head is a name we know (country, capital, seat of
power, organisation, a user's dictionary entry), a role noun (sector), or a
person; the phrase's modifiers add the country ("Venezuelan President Nicolas
Maduro", "Venezuela's leader", "diplomats from the U.S."). People coded once
in a story are remembered by name for the rest of it ("Maduro said").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span, Token

from eventwire.actors.knowledge import (
    ActorKnowledge,
    AgentEntry,
    NameEntry,
    PhraseTable,
    lemma_key,
    lower_key,
    name_key,
)
from eventwire.model import Actor, Mention, ResolvedBy
from eventwire.nlp import ParsedArticle

# Dependents that belong to a noun phrase's description of its head.
_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "flat", "case", "punct"}
# Prepositions whose object gives the phrase's country: "diplomats from the U.S."
_ORIGIN_PREPS = {"of", "from", "for"}
_NOMINAL_POS = {"NOUN", "PROPN"}
V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class _Match(Generic[V]):
    start: int  # token index in doc
    end: int  # exclusive
    value: V


def _scan(doc: Doc, table: PhraseTable[V], key: object) -> list[_Match[V]]:
    if not len(table):
        return []
    keys = [key(token) for token in doc]  # type: ignore[operator]
    matches: list[_Match[V]] = []
    position = 0
    while position < len(keys):
        found = table.match_at(keys, position)
        if found is None:
            position += 1
            continue
        length, value = found
        matches.append(_Match(position, position + length, value))
        position += length
    return matches


def _phrase_tokens(head: Token) -> list[Token]:
    """The head and its left-side descriptive modifiers, with their own subtrees."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ in _MODIFIER_DEPS:
            tokens.extend(child.subtree)
    return sorted(tokens, key=lambda token: token.i)


@dataclass(slots=True)
class _Clues:
    """What a phrase's words say about its actor."""

    full: NameEntry | None = None  # a name that is the phrase head (country, org, dictionary)
    country: str | None = None
    agent: AgentEntry | None = None
    person: str | None = None


class _ArticleResolver:
    """Resolves one article's phrases; remembers the people it has coded."""

    def __init__(self, doc: Doc, knowledge: ActorKnowledge) -> None:
        self.doc = doc
        self.names: dict[int, _Match[NameEntry]] = {}
        self.agents: dict[int, _Match[AgentEntry]] = {}
        for match in _scan(doc, knowledge.names, name_key) + _scan(
            doc, knowledge.dictionary_names, lower_key
        ):
            for i in range(match.start, match.end):
                # user dictionaries are scanned second and override the shipped names
                self.names[i] = match
        for agent_match in _scan(doc, knowledge.agents, lemma_key) + _scan(
            doc, knowledge.dictionary_agents, lower_key
        ):
            for i in range(agent_match.start, agent_match.end):
                self.agents[i] = agent_match
        self.people: dict[str, Actor] = {}
        self.persons: dict[int, Span] = {
            token.i: ent for ent in doc.ents if ent.label_ == "PERSON" for token in ent
        }

    def clues(self, head: Token, tokens: Sequence[Token]) -> _Clues:
        clues = _Clues()
        head_name = self.names.get(head.i)
        if head_name is not None:
            entry = head_name.value
            if entry.kind != "adjective":
                clues.full = entry
            clues.country = entry.country
        for token in tokens:
            match = self.names.get(token.i)
            if match is not None and clues.country is None and match.value.country:
                clues.country = match.value.country
        head_agent = self.agents.get(head.i)
        person = self.persons.get(head.i)
        person_text = person.text if person is not None else None
        if person_text is None and head.pos_ == "PROPN" and head.i not in self.names:
            # The tagger misses some names; a proper noun after a title is a person
            # ("President Ana Quispe").
            person_text = self._titled_name(head, tokens)
        if head_agent is None and person_text is not None:
            # a title before a name: "President Nicolas Maduro", "Deputy Foreign Minister X"
            titles = [self.agents[t.i] for t in tokens if t.i in self.agents]
            head_agent = titles[-1] if titles else None
        if head_agent is not None:
            clues.agent = head_agent.value
        clues.person = person_text
        if clues.country is None:
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ in _ORIGIN_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            origin = self.resolve(pobj)
                            if origin is not None and origin.country:
                                clues.country = origin.country
        return clues

    def _titled_name(self, head: Token, tokens: Sequence[Token]) -> str | None:
        name: list[Token] = []
        for token in reversed([t for t in tokens if t.i <= head.i]):
            if token.pos_ != "PROPN" or token.i in self.agents or token.i in self.names:
                break
            name.insert(0, token)
        titled = bool(name) and name[0].i - 1 in self.agents
        return " ".join(t.text for t in name) if titled else None

    def resolve(self, head: Token) -> Actor | None:
        if head.pos_ not in _NOMINAL_POS and head.i not in self.names:
            return None
        tokens = _phrase_tokens(head)
        clues = self.clues(head, tokens)
        text = self.doc[tokens[0].i : tokens[-1].i + 1].text
        if clues.full is not None and clues.full.kind in ("organization", "dictionary"):
            code = clues.full.code
            country, sector = clues.full.country, clues.full.sector
            if clues.agent is not None and clues.full.sector is None and len(code) == 3:
                code, sector = _compose(code, clues.agent)
            resolved_by: ResolvedBy = (
                "dictionary" if clues.full.kind == "dictionary" else "knowledge"
            )
            return Actor(code, country, sector, text, None, resolved_by)
        if clues.agent is None and clues.full is None:
            # The tagger does not always mark a surname seen before as a person
            # ("Quispe thanked ..."), so a proper noun is looked up too.
            person = clues.person or (text if head.pos_ == "PROPN" else None)
            if person is None:
                return None
            remembered = self._remembered(person)
            if remembered is None:
                return None
            return Actor(
                code=remembered.code,
                country=remembered.country,
                sector=remembered.sector,
                text=text,
                name=remembered.name,
                resolved_by="learned",
            )
        country = clues.country
        if clues.agent is None:
            assert clues.full is not None
            code, sector = clues.full.code, clues.full.sector
        elif country is None:
            code, sector = clues.agent.sector, clues.agent.sector
        else:
            code, sector = _compose(country, clues.agent)
        actor = Actor(code, country, sector, text, clues.person, "knowledge")
        if clues.person is not None and country is not None:
            self._remember(clues.person, actor)
        return actor

    def _remember(self, person: str, actor: Actor) -> None:
        self.people[person] = actor
        self.people.setdefault(person.split()[-1], actor)

    def _remembered(self, person: str) -> Actor | None:
        return self.people.get(person) or self.people.get(person.split()[-1])


def _compose(country: str, agent: AgentEntry) -> tuple[str, str]:
    if agent.position == "prefix":
        return agent.sector + country, agent.sector[:3]
    return country + agent.sector, agent.sector[:3]


def resolve_mentions(parsed: ParsedArticle, knowledge: ActorKnowledge) -> list[Mention]:
    """Every coded actor phrase of the article, in text order, keyed by its head token."""
    resolver = _ArticleResolver(parsed.doc, knowledge)
    mentions: list[Mention] = []
    for sentence_index, sent in enumerate(parsed.doc.sents):
        for token in sent:
            if token.dep_ in ("compound", "amod") and token.head.pos_ in _NOMINAL_POS:
                continue  # part of a bigger phrase, coded with its head
            if token.dep_ == "poss":
                continue
            actor = resolver.resolve(token)
            if actor is None:
                continue
            tokens = _phrase_tokens(token)
            mentions.append(
                Mention(
                    sentence_index=sentence_index,
                    start=tokens[0].idx,
                    end=tokens[-1].idx + len(tokens[-1].text),
                    head=token.i,
                    actor=actor,
                )
            )
    return mentions
