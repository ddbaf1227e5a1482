"""Where the knowledge tables match a parsed story: names, roles and people by token.

The resolver (actors/resolve.py) asks, for any token, which name or role noun
it is part of. This module scans the story once against the phrase tables and
keeps the answers: longest match first; a user's dictionary entry over ours; a
date-restricted entry as coded on the story's date; a name shared by two
countries ("Congolese") as the story's context decides; and none of the names
that only qualify someone else's stance ("U.S.-backed", "pro-Russian").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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

__all__ = ["Match", "PhraseIndex", "TokenKeys", "index_phrases", "match_head", "scan"]

# "U.S.-backed opposition": the country in such a compound is the backer, not the actor.
_BACKER_WORDS = {"backed", "supported", "sponsored", "funded", "allied", "aligned", "armed"}
_STANCE_WORDS = {"pro", "anti"}
# A people's name inside a person's, an organisation's or a place's name is part of it.
_NOT_PEOPLE_ENTS = {"PERSON", "ORG", "GPE", "FAC", "LOC"}
V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Match(Generic[V]):
    start: int  # token index in doc
    end: int  # exclusive
    value: V


class TokenKeys:
    """A story's tokens under each key function, each list built once: a story is
    scanned against five tables under three keys, and building a key list (one
    spaCy Token object per token) costs more than the scan itself."""

    __slots__ = ("_by_key", "_doc")

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._by_key: dict[Callable[[Token], str], list[str]] = {}

    def __call__(self, key: Callable[[Token], str]) -> list[str]:
        keys = self._by_key.get(key)
        if keys is None:
            keys = self._by_key[key] = [key(token) for token in self._doc]
        return keys


def scan(
    doc: Doc,
    table: PhraseTable[V],
    key: Callable[[Token], str],
    token_keys: TokenKeys | None = None,
) -> list[Match[V]]:
    """Every longest match of `table` in `doc`, left to right, keyed by `key`
    (`token_keys`: the story's key lists, shared between scans of one story)."""
    # Per-story hot path: test emptiness and first words on the dict itself rather
    # than summing the buckets (len) or calling match_at at every token.
    first_words = table.by_first
    if not first_words:
        return []
    keys = (token_keys or TokenKeys(doc))(key)
    matches: list[Match[V]] = []
    position = 0
    while position < len(keys):
        if keys[position] not in first_words:
            position += 1
            continue
        found = table.match_at(keys, position)
        if found is None:
            position += 1
            continue
        length, value = found
        matches.append(Match(position, position + length, value))
        position += length
    return matches


def match_head(doc: Doc, start: int, end: int) -> int:
    """The token of a multi-word match the rest of the sentence attaches to."""
    for i in range(start, end):
        if not start <= doc[i].head.i < end or doc[i].head.i == i:
            return i
    return end - 1


def is_backer(doc: Doc, match: Match[NameEntry]) -> bool:
    """A name inside "U.S.-backed", "pro-Russian", "anti-American": someone else's stance
    toward the country, never the actor's own country."""
    after, before = match.end, match.start
    backed = (
        after + 1 < len(doc) and doc[after].text == "-" and doc[after + 1].lower_ in _BACKER_WORDS
    )
    stance = before >= 2 and doc[before - 1].text == "-" and doc[before - 2].lower_ in _STANCE_WORDS
    glued = before >= 1 and doc[before - 1].lower_ in ("pro-", "anti-")
    return backed or stance or glued


@dataclass(frozen=True, slots=True)
class PhraseIndex:
    """The matches of one story, by token index."""

    names: dict[int, Match[NameEntry]]
    name_heads: set[int]  # the head token of each multi-word name
    agents: dict[int, Match[AgentEntry]]
    persons: dict[int, Span]  # tokens of the parser's PERSON entities


def index_phrases(doc: Doc, knowledge: ActorKnowledge, anchor: dt.date | None) -> PhraseIndex:
    """Scan a parsed story against every phrase table, as coded on `anchor`."""
    names: dict[int, Match[NameEntry]] = {}
    name_heads: set[int] = set()
    token_keys = TokenKeys(doc)
    shipped = scan(doc, knowledge.names, name_key, token_keys)
    theirs = scan(doc, knowledge.dictionary_names, lower_key, token_keys)
    for match in shipped + theirs:
        entry = match.value.on(anchor)
        if entry is None or is_backer(doc, match) or _inside_longer_name(doc, match, names):
            continue
        if entry.kind == "people" and _inside_named_entity(doc, match):
            continue  # "Karen" of "Karen Bass", "Roma" of "AS Roma", "Tamil" of "Tamil Nadu"
        if match in theirs:
            # A user's entry replaces any of ours it overlaps.
            for i in range(match.start, match.end):
                overlapped = names.pop(i, None)
                if overlapped is not None:
                    name_heads.discard(match_head(doc, overlapped.start, overlapped.end))
        if (
            entry.kind in ("adjective", "people")
            and match.start > 0
            and doc[match.start - 1].lower_ == "ethnic"
        ):
            # "ethnic Albanians in Macedonia" are not Albania's: a people of no one
            # country, whom the resolver codes as civilians of where they live.
            entry = NameEntry("", None, None, "people", entry.name)
        dated = Match(match.start, match.end, entry)
        for i in range(match.start, match.end):
            names[i] = dated
        name_heads.add(match_head(doc, match.start, match.end))
    _choose_shared_names(doc, knowledge, names, name_heads, token_keys)
    agents: dict[int, Match[AgentEntry]] = {}
    for agent_match in scan(doc, knowledge.agents, lemma_key, token_keys) + scan(
        doc, knowledge.dictionary_agents, lower_key, token_keys
    ):
        if any(i in names for i in range(agent_match.start, agent_match.end)):
            continue  # a word of a name is not a role: the "Bank" of "West Bank"
        for i in range(agent_match.start, agent_match.end):
            agents[i] = agent_match
    persons: dict[int, Span] = {
        token.i: ent for ent in doc.ents if ent.label_ == "PERSON" for token in ent
    }
    return PhraseIndex(names, name_heads, agents, persons)


def _inside_named_entity(doc: Doc, match: Match[NameEntry]) -> bool:
    """Part of a longer person's, organisation's or place's name the parser found."""
    for ent in doc.ents:
        if ent.label_ in _NOT_PEOPLE_ENTS and ent.start < match.end and match.start < ent.end:
            return ent.start < match.start or ent.end > match.end
    return False


def _inside_longer_name(
    doc: Doc, match: Match[NameEntry], names: dict[int, Match[NameEntry]]
) -> bool:
    """An organisation's name as the tail of a longer name we do not know: the
    "Security Council" of Iran's "Supreme National Security Council" is not the UN's."""
    if match.value.kind != "organization" or match.start == 0:
        return False
    before = doc[match.start - 1]
    return (
        before.pos_ == "PROPN"
        and before.is_title
        and before.dep_ == "compound"
        and match.start <= before.head.i < match.end
        and before.i not in names
    )


def _choose_shared_names(
    doc: Doc,
    knowledge: ActorKnowledge,
    names: dict[int, Match[NameEntry]],
    name_heads: set[int],
    token_keys: TokenKeys,
) -> None:
    """Code "Congolese", "Korean", bare "Congo" by the country the story names."""
    shared = scan(doc, knowledge.context_names, name_key, token_keys)
    if not shared:
        return
    inside = {i for match in shared for i in range(match.start, match.end)}
    named = {
        match.value.country
        for i, match in names.items()
        if i not in inside and match.value.country and match.value.kind != "dictionary"
    }
    for match in shared:
        covering = [names[i] for i in range(match.start, match.end) if i in names]
        if any(
            other.value.kind == "dictionary" or other.end - other.start > match.end - match.start
            for other in covering
        ):
            continue  # a user's entry for the same words, or a longer name ("North Korea")
        code = match.value.choose({c for c in named if c is not None})
        for i in range(match.start, match.end):
            names.pop(i, None)
        name_heads.discard(match_head(doc, match.start, match.end))
        if code is None:
            continue
        entry = NameEntry(code, code, None, match.value.kind, match.value.text)
        coded = Match(match.start, match.end, entry)
        for i in range(match.start, match.end):
            names[i] = coded
        name_heads.add(match_head(doc, match.start, match.end))
