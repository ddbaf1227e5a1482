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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from spacy.tokens import Span, Token

from eventwire.actors.knowledge import (
    ActorKnowledge,
    AgentEntry,
    NameEntry,
    PhraseTable,
    lemma_key,
    lower_key,
    name_key,
    role_key,
)
from eventwire.actors.tokens import StoryTokens

__all__ = ["Match", "PhraseIndex", "TokenKeys", "after_the", "index_phrases", "match_head", "scan"]

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
    scanned against five tables under three keys, and building a key list (a
    function call and attribute reads per token) costs more than the scan itself."""

    __slots__ = ("_by_key", "_story")

    def __init__(self, story: StoryTokens) -> None:
        self._story = story
        self._by_key: dict[Callable[[Token], str], list[str]] = {lower_key: story.lower}

    def __call__(self, key: Callable[[Token], str]) -> list[str]:
        keys = self._by_key.get(key)
        if keys is None:
            story = self._story
            if key is lemma_key:  # the same, from the attributes the story has read
                lower, pos, dep = story.lower, story.pos, story.dep
                # role_key is the lower-cased lemma unless the token is a name or a
                # verb: only those pay for the call.
                keys = [
                    role_key(token, token.lemma_, lower[i], pos[i], dep[i])
                    if pos[i] in ("PROPN", "VERB")
                    else token.lemma_.lower()
                    for i, token in enumerate(story.tokens)
                ]
            elif key is name_key:
                keys = [token.text for token in story.tokens]
            else:
                keys = [key(token) for token in story.tokens]
            self._by_key[key] = keys
        return keys


def scan(keys: Sequence[str], table: PhraseTable[V]) -> list[Match[V]]:
    """Every longest match of `table` in a story's `keys` (one per token), left to right."""
    # Per-story hot path: test emptiness and first words on the dict itself rather
    # than summing the buckets (len), and try a match only where a phrase can start.
    first_words = table.by_first
    if not first_words:
        return []
    matches: list[Match[V]] = []
    end = 0  # tokens before `end` lie in a match already
    for position in [i for i, key in enumerate(keys) if key in first_words]:
        if position < end:
            continue
        found = table.match_at(keys, position)
        if found is None:
            continue
        length, value = found
        if keys[position] == "the" and position + 1 < len(keys):
            # "the UN" is an alias, but "the UN refugee agency" is the longer name
            # that starts after the article.
            after = table.match_at(keys, position + 1)
            if after is not None and after[0] + 1 > length:
                position, (length, value) = position + 1, after
        matches.append(Match(position, position + length, value))
        end = position + length
    return matches


def match_head(story: StoryTokens, start: int, end: int) -> int:
    """The token of a multi-word match the rest of the sentence attaches to."""
    for i in range(start, end):
        if not start <= story.head[i] < end or story.head[i] == i:
            return i
    return end - 1


def is_backer(story: StoryTokens, match: Match[NameEntry]) -> bool:
    """A name inside "U.S.-backed", "pro-Russian", "anti-American": someone else's stance
    toward the country, never the actor's own country."""
    after, before = match.end, match.start
    lower, tokens = story.lower, story.tokens
    backed = (
        after + 1 < len(tokens) and tokens[after].text == "-" and lower[after + 1] in _BACKER_WORDS
    )
    stance = before >= 2 and tokens[before - 1].text == "-" and lower[before - 2] in _STANCE_WORDS
    glued = before >= 1 and lower[before - 1] in ("pro-", "anti-")
    return backed or stance or glued


@dataclass(frozen=True, slots=True)
class PhraseIndex:
    """The matches of one story, by token index."""

    names: dict[int, Match[NameEntry]]
    name_heads: set[int]  # the head token of each multi-word name
    agents: dict[int, Match[AgentEntry]]
    persons: dict[int, Span]  # tokens of the parser's PERSON entities


def _shipped_names_within(names: Sequence[Match[NameEntry]], span: Match[AgentEntry]) -> bool:
    return all(
        match.value.kind != "dictionary" and span.start <= match.start and match.end <= span.end
        for match in names
    )


def index_phrases(
    story: StoryTokens, knowledge: ActorKnowledge, anchor: dt.date | None
) -> PhraseIndex:
    """Scan a parsed story against every phrase table, as coded on `anchor`."""
    names: dict[int, Match[NameEntry]] = {}
    name_heads: set[int] = set()
    token_keys = TokenKeys(story)
    ents = story.doc.ents  # a new tuple of Spans at each read
    shipped = scan(token_keys(name_key), knowledge.names)
    theirs = scan(token_keys(lower_key), knowledge.dictionary_names)
    for match in shipped + theirs:
        entry = match.value.on(anchor)
        if entry is None or is_backer(story, match) or _inside_longer_name(story, match, names):
            continue
        if entry.kind == "people" and _inside_named_entity(ents, match):
            continue  # "Karen" of "Karen Bass", "Roma" of "AS Roma", "Tamil" of "Tamil Nadu"
        if match in theirs:
            # A user's entry replaces any of ours it overlaps.
            for i in range(match.start, match.end):
                overlapped = names.pop(i, None)
                if overlapped is not None:
                    name_heads.discard(match_head(story, overlapped.start, overlapped.end))
        if (
            entry.kind in ("adjective", "people")
            and match.start > 0
            and story.lower[match.start - 1] == "ethnic"
        ):
            # "ethnic Albanians in Macedonia" are not Albania's: a people of no one
            # country, whom the resolver codes as civilians of where they live.
            entry = NameEntry("", None, None, "people", entry.name, origin=entry.country)
        dated = Match(match.start, match.end, entry)
        for i in range(match.start, match.end):
            names[i] = dated
        name_heads.add(match_head(story, match.start, match.end))
    _acronyms_in_brackets(story, names)
    shared = _choose_shared_names(story, knowledge, names, name_heads, token_keys)
    _misspelt_countries(story, ents, knowledge, names, name_heads, shared)
    agents: dict[int, Match[AgentEntry]] = {}
    ours = scan(token_keys(lemma_key), knowledge.agents)
    theirs_agents = scan(token_keys(lower_key), knowledge.dictionary_agents)
    for n, agent_match in enumerate(ours + theirs_agents):
        covered = [names[i] for i in range(agent_match.start, agent_match.end) if i in names]
        if covered and n >= len(ours) and _shipped_names_within(covered, agent_match):
            # A user's agent replaces a shipped name it wholly spans: their "MSF" is
            # an agent ([NGO~]), ours an organisation; theirs override ours.
            for overlapped in covered:
                for i in range(overlapped.start, overlapped.end):
                    names.pop(i, None)
                name_heads.discard(match_head(story, overlapped.start, overlapped.end))
        elif covered:
            continue  # a word of a name is not a role: the "Bank" of "West Bank"
        elif n < len(ours) and _title_inside_organisation(story, ents, agent_match):
            continue  # "the General Confederation of Labor" is no general
        for i in range(agent_match.start, agent_match.end):
            agents[i] = agent_match
    _misspelt_roles(story, knowledge, names, agents, token_keys(lemma_key))
    # A one-word "person" right after "the" is a place the tagger cut in two: "The
    # Hague criticised ..." (PERSON "Hague") is the city, not William Hague.
    persons: dict[int, Span] = {
        i: ent
        for ent in ents
        if ent.label_ == "PERSON" and not (len(ent) == 1 and after_the(ent[0]))
        for i in range(ent.start, ent.end)
    }
    return PhraseIndex(names, name_heads, agents, persons)


def after_the(token: Token) -> bool:
    """Right after the determiner "the": no one-word person's name ("The Hague")."""
    return token.i > 0 and token.nbor(-1).lower_ == "the"


def _misspelt_roles(
    story: StoryTokens,
    knowledge: ActorKnowledge,
    names: dict[int, Match[NameEntry]],
    agents: dict[int, Match[AgentEntry]],
    lemmas: Sequence[str],
) -> None:
    """A lower-case common noun one letter off a long role noun of ours ("UN
    peackeepers") is that role. Only common nouns: a name that looks like a role
    (a user's "Gxndor", a person's) stays what it is."""
    pos = story.pos
    for i, token in enumerate(story.tokens):
        if pos[i] != "NOUN" or i in agents or i in names or not token.is_lower:
            continue
        found = knowledge.role_spellings.country(lemmas[i])
        matched = knowledge.agents.match_at([found[0]], 0) if found is not None else None
        if matched is not None:
            agents[i] = Match(i, i + 1, matched[1])


def _title_inside_organisation(
    story: StoryTokens, ents: Sequence[Span], match: Match[AgentEntry]
) -> bool:
    """A capitalised title for one person ("General", "President") that opens or
    sits inside an organisation's name ("General Confederation of Labor", "General
    Assembly") rather than ending it: a word of the name, not a role."""
    if not story.tokens[match.start].is_title:
        return False
    if match.value.kind != "person":
        # "the Soviet Union": a body's word ending a place's name is the name's
        return any(
            ent.label_ == "GPE" and ent.start <= match.start and match.end <= ent.end
            for ent in ents
        )
    return any(
        ent.label_ == "ORG" and ent.start <= match.start and match.end < ent.end for ent in ents
    )


# What the parser tags a real place or person that is one letter off a country: the
# Philippine city of Marawi (Malawi), Kenya's Nakuru (Nauru), Angela (Angola). A
# misspelt country is seldom tagged so: the parser has not seen the misspelling.
_PLACE_OR_PERSON = {"GPE", "LOC", "FAC", "PERSON"}


def _misspelt_countries(
    story: StoryTokens,
    ents: Sequence[Span],
    knowledge: ActorKnowledge,
    names: dict[int, Match[NameEntry]],
    name_heads: set[int],
    shared: set[int],
) -> None:
    """A proper noun one letter off a country's name ("the Phillippines military") is
    that country, unless it belongs to a longer name: "Columbia University", "the
    District of Columbia" are no Colombia."""
    in_long_names = {i for ent in ents if len(ent) > 1 for i in range(ent.start, ent.end)}
    pos, dep, head = story.pos, story.dep, story.head
    for i, token in enumerate(story.tokens):
        if pos[i] != "PROPN" or i in names or i in shared:
            continue  # known, or a name the story decides ("Columbia": context_names.tsv)
        if token.ent_type_ in _PLACE_OR_PERSON:
            continue  # the parser knows it as a place or person of its own: Marawi, Angela
        if dep[i] == "compound" and pos[head[i]] == "PROPN":
            continue
        if i in in_long_names:
            continue
        found = knowledge.spellings.country(token.text)
        if found is None:
            continue
        name, code = found
        entry = NameEntry(code, code, None, "country", name)
        names[i] = Match(i, i + 1, entry)
        name_heads.add(i)


def _inside_named_entity(ents: Sequence[Span], match: Match[NameEntry]) -> bool:
    """Part of a longer person's, organisation's or place's name the parser found."""
    for ent in ents:
        if ent.label_ in _NOT_PEOPLE_ENTS and ent.start < match.end and match.start < ent.end:
            return ent.start < match.start or ent.end > match.end
    return False


def _acronyms_in_brackets(story: StoryTokens, names: dict[int, Match[NameEntry]]) -> None:
    """A name's acronym in brackets right after it is that name, coded as it is: "the
    European Union (EU)" is one actor, whichever table (ours or a user's) knew each.
    The acronym must spell the name's initials."""
    lower = story.lower
    for i in range(2, len(lower) - 1):
        acronym = names.get(i)
        before = names.get(i - 2)
        if (
            acronym is None
            or before is None
            or before.end != i - 1
            or lower[i - 1] != "("
            or lower[i + 1] != ")"
            or acronym.end != i + 1
            or acronym.value == before.value
        ):
            continue
        initials = "".join(
            word[0] for word in story.lower[before.start : before.end] if word[:1].isalpha()
        )
        # Only an acronym of the name itself: "Lebanon (UNIFIL)" names the force before.
        if lower[i].replace(".", "") == initials:
            names[i] = Match(i, i + 1, before.value)


def _inside_longer_name(
    story: StoryTokens, match: Match[NameEntry], names: dict[int, Match[NameEntry]]
) -> bool:
    """An organisation's name as the tail of a longer name we do not know: the
    "Security Council" of Iran's "Supreme National Security Council" is not the UN's."""
    if match.value.kind != "organization" or match.start == 0:
        return False
    i = match.start - 1
    return (
        story.pos[i] == "PROPN"
        and story.tokens[i].is_title
        and story.dep[i] == "compound"
        and match.start <= story.head[i] < match.end
        and i not in names
    )


def _choose_shared_names(
    story: StoryTokens,
    knowledge: ActorKnowledge,
    names: dict[int, Match[NameEntry]],
    name_heads: set[int],
    token_keys: TokenKeys,
) -> set[int]:
    """Code "Congolese", "Korean", bare "Congo" by the country the story names; the
    tokens of every such name, coded or not."""
    shared = scan(token_keys(name_key), knowledge.context_names)
    if not shared:
        return set()
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
        name_heads.discard(match_head(story, match.start, match.end))
        if code is None:
            continue
        entry = NameEntry(code, code, None, match.value.kind, match.value.text)
        coded = Match(match.start, match.end, entry)
        for i in range(match.start, match.end):
            names[i] = coded
        name_heads.add(match_head(story, match.start, match.end))
    return inside
