"""Actor knowledge: the shipped tables (countries, organisations, sector nouns) and
users' PETRARCH dictionaries, loaded once into phrase tables the resolver walks.

Names are matched case-sensitively on the words as written ("US" is the
country, "us" is not); sector nouns on lower-cased lemmas ("diplomats" ->
"diplomat"); PETRARCH dictionary entries, written in capitals, on lower-cased
words.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Generic, Literal, TypeVar

from spacy.tokens import Token

from eventwire.actors.petrarch import (
    DictionaryActor,
    DictionaryAgent,
    read_actor_dictionary,
    read_agent_dictionary,
)

EntryKind = Literal["country", "adjective", "capital", "seat", "organization", "dictionary"]
V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What a name stands for: a full actor code, split into country and sector."""

    code: str
    country: str | None
    sector: str | None
    kind: EntryKind
    name: str


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role noun: the sector code it adds, after (suffix) or before (prefix) the country."""

    sector: str
    position: Literal["suffix", "prefix"] = "suffix"


@dataclass(slots=True)
class PhraseTable(Generic[V]):
    """Phrases (tuples of keys) to values, matched longest-first at a token position."""

    by_first: dict[str, list[tuple[tuple[str, ...], V]]] = field(default_factory=dict)

    def add(self, phrase: tuple[str, ...], value: V) -> None:
        if not phrase:
            return
        bucket = self.by_first.setdefault(phrase[0], [])
        bucket[:] = [(p, v) for p, v in bucket if p != phrase]  # later entries override
        bucket.append((phrase, value))
        bucket.sort(key=lambda item: -len(item[0]))

    def match_at(self, keys: Sequence[str], start: int) -> tuple[int, V] | None:
        """Longest phrase starting at keys[start]: (length, value), or None."""
        for phrase, value in self.by_first.get(keys[start], ()):
            end = start + len(phrase)
            if end <= len(keys) and tuple(keys[start:end]) == phrase:
                return len(phrase), value
        return None

    def __len__(self) -> int:
        return sum(len(bucket) for bucket in self.by_first.values())


def name_key(token: Token) -> str:
    return token.text


def lower_key(token: Token) -> str:
    return token.lower_


def lemma_key(token: Token) -> str:
    return token.lemma_.lower()


@dataclass(frozen=True, slots=True)
class ActorKnowledge:
    """Every phrase table the resolver needs; built once per run."""

    names: PhraseTable[NameEntry]  # case-sensitive words
    dictionary_names: PhraseTable[NameEntry]  # users' dictionaries, lower-cased words
    agents: PhraseTable[AgentEntry]  # lower-cased lemmas
    dictionary_agents: PhraseTable[AgentEntry]  # users' agents, lower-cased words
    capitals: dict[str, tuple[str, float, float, int]]  # capital name -> (country, lat, lon, id)
    country_names: dict[str, str]  # any country name as written -> code


def split_code(code: str) -> tuple[str | None, str | None]:
    """CAMEO codes are three-letter blocks: country first unless it is an IGO/NGO code."""
    code = code.upper()
    if code.startswith(("IGO", "NGO", "IMG", "MNC")):
        return None, code[:3]
    country = code[:3] if len(code) >= 3 else None
    sector = code[3:6] or None
    return country, sector


def _data_rows(filename: str) -> Iterator[dict[str, str]]:
    text = resources.files("eventwire.data").joinpath(filename).read_text("utf-8")
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        yield {key: (value or "").strip() for key, value in row.items() if key is not None}


def _alternatives(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


Tokenize = Callable[[str], list[str]]


def load_actor_knowledge(
    tokenize: Tokenize,
    dictionary_actors: Iterable[DictionaryActor] = (),
    dictionary_agents: Iterable[DictionaryAgent] = (),
) -> ActorKnowledge:
    """Load the shipped tables and any user dictionaries into phrase tables.

    `tokenize` splits a phrase into words the way the parser will (spaCy's
    tokenizer), so "U.S.-backed" or "Côte d'Ivoire" line up with the text.
    """
    names: PhraseTable[NameEntry] = PhraseTable()
    capitals: dict[str, tuple[str, float, float, int]] = {}
    country_names: dict[str, str] = {}
    for row in _data_rows("countries.tsv"):
        code = row["code"]
        # Adjectives first: where a word is both ("U.S."), the noun reading added
        # later wins, and the resolver still takes a noun's country as a modifier.
        country_entries: list[tuple[str, EntryKind, str | None]] = [
            (adj, "adjective", None) for adj in _alternatives(row["adjectives"])
        ]
        country_entries.append((row["name"], "country", None))
        country_entries += [(alt, "country", None) for alt in _alternatives(row["names"])]
        capital = row["capital"]
        if capital:
            country_entries.append((capital, "capital", None))
            if row["capital_lat"] and row["capital_lon"]:
                capitals[capital] = (
                    code,
                    float(row["capital_lat"]),
                    float(row["capital_lon"]),
                    int(row["capital_geonameid"] or 0),
                )
        for seat in _alternatives(row["metonyms"]):
            if seat != capital:
                country_entries.append((seat, "seat", "GOV"))
        for text, kind, sector in country_entries:
            if kind == "country":
                country_names[text] = code
            phrase = tuple(tokenize(text))
            names.add(
                phrase,
                NameEntry(
                    code=code + (sector or ""),
                    country=code,
                    sector=sector,
                    kind=kind,
                    name=row["name"],
                ),
            )
            if phrase and phrase[0].lower() == "the" and len(phrase) > 1:
                names.add(
                    phrase[1:], NameEntry(code + (sector or ""), code, sector, kind, row["name"])
                )
    for row in _data_rows("organizations.tsv"):
        country, sector = split_code(row["code"])
        entry = NameEntry(row["code"], country, sector, "organization", row["name"])
        for text in [row["name"], *_alternatives(row["names"])]:
            names.add(tuple(tokenize(text)), entry)
    agents: PhraseTable[AgentEntry] = PhraseTable()
    for row in _data_rows("sectors.tsv"):
        agents.add(tuple(row["term"].lower().split()), AgentEntry(row["sector"]))

    user_names: PhraseTable[NameEntry] = PhraseTable()
    for actor in dictionary_actors:
        country, sector = split_code(actor.code)
        user_names.add(
            tuple(word.lower() for word in actor.phrase),
            NameEntry(actor.code.upper(), country, sector, "dictionary", " ".join(actor.phrase)),
        )
    user_agents: PhraseTable[AgentEntry] = PhraseTable()
    for agent in dictionary_agents:
        user_agents.add(
            tuple(word.lower() for word in agent.phrase),
            AgentEntry(agent.code.upper().strip("~"), agent.position),
        )
    return ActorKnowledge(
        names=names,
        dictionary_names=user_names,
        agents=agents,
        dictionary_agents=user_agents,
        capitals=capitals,
        country_names=country_names,
    )


def load_dictionaries(
    actors: Sequence[Path] = (), agents: Sequence[Path] = ()
) -> tuple[list[DictionaryActor], list[DictionaryAgent]]:
    """Read users' PETRARCH actor and agent dictionaries (see actors/petrarch.py)."""
    read_actors = [entry for path in actors for entry in read_actor_dictionary(path)]
    read_agents = [entry for path in agents for entry in read_agent_dictionary(path)]
    return read_actors, read_agents
