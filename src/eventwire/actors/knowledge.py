"""Actor knowledge: the shipped tables (countries, organisations, sector nouns) and
users' PETRARCH dictionaries, loaded once into phrase tables the resolver walks.

Names are matched case-sensitively on the words as written ("US" is the
country, "us" is not); sector nouns on lower-cased lemmas ("diplomats" ->
"diplomat"); PETRARCH dictionary entries, written in capitals, on lower-cased
words.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Generic, Literal, TypeVar

from spacy.tokens import Token

from eventwire.actors.figures import FigureTable, load_figure_table
from eventwire.actors.leaders import LeaderTable, load_leader_table
from eventwire.actors.petrarch import (
    DictionaryActor,
    DictionaryAgent,
    read_actor_dictionary,
    read_agent_dictionary,
)
from eventwire.actors.spelling import SHORTEST_ROLE, SpellingIndex
from eventwire.actors.yaml_dictionary import read_yaml_dictionary

# "people": an ethnic or religious group ("Kurds", "Tamil"), coded as its home country
# when it has one, else as the civilians of the country the story puts it in.
EntryKind = Literal[
    "country", "adjective", "capital", "seat", "organization", "dictionary", "people"
]
AgentKind = Literal["person", "body", "group"]
V = TypeVar("V")
_AGENT_KINDS: dict[str, AgentKind] = {"person": "person", "body": "body", "group": "group"}


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A dictionary code that holds only between two dates (inclusive; None: unbounded)."""

    code: str
    valid_from: dt.date | None
    valid_until: dt.date | None

    def covers(self, date: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= date) and (
            self.valid_until is None or date <= self.valid_until
        )


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What a name stands for: a full actor code, split into country and sector.

    A user's dictionary entry may carry date-restricted codes (`dated`, in file
    order); `on(date)` picks the one in force, as PETRARCH does: the first
    restriction covering the date, else the unrestricted default `code`.
    """

    code: str  # "" for a dictionary entry with restricted codes only
    country: str | None
    sector: str | None
    kind: EntryKind
    name: str
    dated: tuple[DatedCode, ...] = ()
    # An "ethnic X" people's own country (ALB for "ethnic Albanians"): never their code,
    # they are a people of where they live, but never that country either.
    origin: str | None = None

    def on(self, date: dt.date | None) -> NameEntry | None:
        """The entry as coded on `date`; None when no code of it holds then.

        Without a date, the default code, else the last restricted one (the latest).
        """
        if not self.dated:
            return self
        code = self.code
        if date is not None:
            code = next((d.code for d in self.dated if d.covers(date)), self.code)
        elif not code:
            code = self.dated[-1].code
        if not code:
            return None
        country, sector = split_code(code)
        return NameEntry(code, country, sector, self.kind, self.name)


@dataclass(frozen=True, slots=True)
class ContextName:
    """A name two countries share ("Congolese", "Korean"): the story picks the country.

    `choose` takes the countries the story names elsewhere: the one candidate among
    them, else the default (None when there is no safe default).
    """

    text: str
    kind: Literal["country", "adjective"]
    default: str | None
    alternatives: tuple[str, ...]

    def choose(self, named_countries: set[str]) -> str | None:
        candidates = [c for c in (self.default, *self.alternatives) if c is not None]
        named = [c for c in candidates if c in named_countries]
        if len(named) == 1:
            return named[0]
        return self.default


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role noun: the sector code it adds, after (suffix) or before (prefix) the country."""

    sector: str
    position: Literal["suffix", "prefix"] = "suffix"
    # Whether the noun names one person ("president"), a body ("ministry") or a
    # group of people ("troops"): only a person can be "he", only a body "it".
    kind: AgentKind = "person"
    # From a user's agents dictionary: such agents are assembled PETRARCH's way
    # (every agent of a phrase adds its code; see clues.with_user_agents).
    from_user: bool = False


@dataclass(slots=True)
class PhraseTable(Generic[V]):
    """Phrases (tuples of keys) to values, matched longest-first at a token position."""

    by_first: dict[str, list[tuple[tuple[str, ...], V]]] = field(default_factory=dict)
    # The same phrases for lookup (match_at): every phrase, and the lengths of those
    # of each first word, longest first. A common first word ("the", "national")
    # starts dozens of phrases but only a few lengths.
    phrases: dict[tuple[str, ...], V] = field(default_factory=dict, repr=False)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    def add(self, phrase: tuple[str, ...], value: V) -> None:
        if not phrase:
            return
        bucket = self.by_first.setdefault(phrase[0], [])
        bucket[:] = [(p, v) for p, v in bucket if p != phrase]  # later entries override
        bucket.append((phrase, value))
        bucket.sort(key=lambda item: -len(item[0]))
        self.phrases[phrase] = value
        self.lengths[phrase[0]] = tuple(sorted({len(p) for p, _ in bucket}, reverse=True))

    def match_at(self, keys: Sequence[str], start: int) -> tuple[int, V] | None:
        """Longest phrase starting at keys[start]: (length, value), or None."""
        for length in self.lengths.get(keys[start], ()):
            end = start + length
            if end <= len(keys):
                phrase = tuple(keys[start:end])
                if phrase in self.phrases:
                    return length, self.phrases[phrase]
        return None

    def __len__(self) -> int:
        return sum(len(bucket) for bucket in self.by_first.values())


def name_key(token: Token) -> str:
    return token.text


def lower_key(token: Token) -> str:
    return token.lower_


def lemma_key(token: Token) -> str:
    return role_key(token, token.lemma_, token.lower_, token.pos_, token.dep_)


def role_key(token: Token, lemma_: str, lower_: str, pos_: str, dep_: str) -> str:
    """`lemma_key` of a token whose attributes (named as spaCy's) were read already
    (actors/tokens.py)."""
    if pos_ == "VERB" and dep_ == "amod":
        # A participle describing a noun is written as such in the tables: "ruling
        # party", "armed group" (its lemma, "rule" or "arm", would never match).
        return lower_
    lemma = lemma_.lower()
    if pos_ == "PROPN" and lemma == lower_ and token.is_sent_start:
        # A plural role noun opening a sentence is often tagged as a name and left
        # unlemmatised ("Rebels attacked", "Authorities said"): singularise it here.
        if lemma.endswith("ies"):
            return lemma[:-3] + "y"
        if lemma.endswith("men"):  # "Militiamen", "Policemen", "Gunmen"
            return lemma[:-3] + "man"
        if lemma.endswith(("ches", "shes", "sses", "xes")):
            return lemma[:-2]
        if lemma.endswith("s") and not lemma.endswith("ss"):
            return lemma[:-1]
    return lemma


@dataclass(frozen=True, slots=True)
class ActorKnowledge:
    """Every phrase table the resolver needs; built once per run."""

    names: PhraseTable[NameEntry]  # case-sensitive words
    dictionary_names: PhraseTable[NameEntry]  # users' dictionaries, lower-cased words
    agents: PhraseTable[AgentEntry]  # lower-cased lemmas
    dictionary_agents: PhraseTable[AgentEntry]  # users' agents, lower-cased words
    capitals: dict[str, tuple[str, float, float, int]]  # capital name -> (country, lat, lon, id)
    country_names: dict[str, str]  # any country name as written -> code
    leaders: LeaderTable = field(default_factory=lambda: LeaderTable({}))
    # People of no office the leader table lists: opposition leaders, armed groups' chiefs
    figures: FigureTable = field(default_factory=lambda: FigureTable({}))
    proxies: frozenset[str] = frozenset()  # "proposal", "decision": nouns standing for an actor
    context_names: PhraseTable[ContextName] = field(default_factory=PhraseTable)
    # One-word country names, to know them misspelt ("Phillippines"): actors/spelling.py
    spellings: SpellingIndex = field(default_factory=SpellingIndex)
    # Long one-word role nouns of ours, likewise ("peackeepers"); never a user's.
    role_spellings: SpellingIndex = field(default_factory=SpellingIndex)

    def knows_person(self, name: str) -> bool:
        """Whether the leader or figure table knows `name` as written."""
        return name in self.leaders.by_name or name in self.figures.by_name

    def mistagged_person(self, token: Token) -> bool:
        """A one-word name our tables know that the tagger took for something else: the
        noun "trump" of "Trump has suspended aid", the place "Erdogan". Never a date or
        number ("May" of "in May"), nor a word in lower case, nor a word after "the": "The
        Hague" is the city, not William Hague."""
        return (
            token.text[:1].isupper()
            and not (token.i > 0 and token.nbor(-1).lower_ == "the")
            and token.ent_type_ in MISTAGGED_PERSON_ENTS
            and self.knows_person(token.text)
        )


# Entity types the tagger gives to some people's names ("" for none at all).
MISTAGGED_PERSON_ENTS = {"", "GPE", "ORG", "NORP", "LOC", "FAC", "PERSON"}


def split_code(code: str) -> tuple[str | None, str | None]:
    """CAMEO codes are three-letter blocks: country first unless it is an IGO/NGO code."""
    code = code.upper()
    if code.startswith("---"):
        # PETRARCH's "no country" marker: "---GOV" is a government of no known country.
        return None, code[3:6] or None
    if code.startswith(("IGO", "NGO", "IMG", "MNC")):
        # An international body stands where a country would ("IGOUNO" is the UN
        # itself, "IGOUNOHCR" one of its agencies): no sector of its own. A role
        # inside it gets one when the resolver composes it ("UN troops": MIL).
        return None, None
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
    only_user_agents: bool = False,
) -> ActorKnowledge:
    """Load the shipped tables and any user dictionaries into phrase tables.

    `tokenize` splits a phrase into words the way the parser will (spaCy's
    tokenizer), so "U.S.-backed" or "Côte d'Ivoire" line up with the text.
    `only_user_agents` leaves out the shipped role nouns (sectors.tsv): a user
    whose agents dictionary is meant to be the whole list (PETRARCH's own
    validation suites) gets no "crowds" or "polices" actors it does not name.
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
            entry = NameEntry(
                code=code + (sector or ""),
                country=code,
                sector=sector,
                kind=kind,
                name=row["name"],
                dated=_before_independence(row, sector),
            )
            names.add(phrase, entry)
            if phrase and phrase[0].lower() == "the" and len(phrase) > 1:
                names.add(phrase[1:], entry)
    for row in _data_rows("peoples.tsv"):
        home = row["home"] or None
        for text in _alternatives(row["names"]):
            names.add(tuple(tokenize(text)), NameEntry(home or "", home, None, "people", text))
    for row in _data_rows("organizations.tsv"):
        country, sector = split_code(row["code"])
        # A body of an international organisation has the role its name says (the UN
        # Security Council governs, the European Parliament legislates) under the
        # organisation's own code, as CAMEO codes it.
        sector = row.get("sector") or sector
        entry = NameEntry(row["code"], country, sector, "organization", row["name"])
        for text in [row["name"], *_alternatives(row["names"])]:
            names.add(tuple(tokenize(text)), entry)
    agents: PhraseTable[AgentEntry] = PhraseTable()
    role_words: list[tuple[str, str]] = []
    for row in () if only_user_agents else _data_rows("sectors.tsv"):
        agent_kind = _AGENT_KINDS.get(row.get("kind") or "person")
        if agent_kind is None:
            raise ValueError(f"sectors.tsv: {row['term']!r} has unknown kind {row['kind']!r}")
        # tokenized like the text: "secretary-general" is three words to spaCy
        words = tuple(word.lower() for word in tokenize(row["term"]))
        role = AgentEntry(row["sector"], kind=agent_kind)
        agents.add(words, role)
        if len(words) == 1:
            role_words.append((words[0], words[0]))
        lemmas = _singular_inner_words(words)
        if lemmas != words:
            agents.add(lemmas, role)

    def user_phrase(words: tuple[str, ...]) -> tuple[str, ...]:
        # Split as the parser splits the text ("al-qaeda" -> al - qaeda), lower-cased.
        return tuple(word.lower() for word in tokenize(" ".join(words)))

    user_names: PhraseTable[NameEntry] = PhraseTable()
    for phrase, entry in _dictionary_entries(dictionary_actors, user_phrase).items():
        user_names.add(phrase, entry)
    user_agents: PhraseTable[AgentEntry] = PhraseTable()
    for agent in dictionary_agents:
        user_agents.add(
            user_phrase(agent.phrase),
            AgentEntry(agent.code.upper().strip("~"), agent.position, from_user=True),
        )
    return ActorKnowledge(
        names=names,
        dictionary_names=user_names,
        agents=agents,
        dictionary_agents=user_agents,
        capitals=capitals,
        country_names=country_names,
        leaders=load_leader_table(),
        figures=load_figure_table(),
        proxies=load_actor_proxies(),
        context_names=_context_names(tokenize),
        spellings=SpellingIndex.of(country_names.items()),
        role_spellings=SpellingIndex.of(role_words, SHORTEST_ROLE, SHORTEST_ROLE),
    )


def _singular_inner_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """The text is scanned by lemma, so a plural inside a term ("human rights activist",
    "foreign affairs minister") is "right", "affair" there: the term is also kept so.
    Words that only look plural ("news", "business", "religious") stay."""
    inner = [
        word[:-1]
        if word.endswith("s") and not word.endswith(("ss", "us", "news")) and len(word) > 3
        else word
        for word in words[:-1]
    ]
    return (*inner, *words[-1:])


def _before_independence(row: Mapping[str, str], sector: str | None) -> tuple[DatedCode, ...]:
    """A state that split from another (South Sudan from Sudan on 2011-07-09): its
    names, capital and demonyms are the older state's in stories dated before. Juba
    in 1995 was Sudan's; without a date the present state is meant."""
    former, since = row.get("part_of") or "", row.get("since") or ""
    if not former or not since:
        return ()
    until = dt.date.fromisoformat(since) - dt.timedelta(days=1)
    return (DatedCode(former + (sector or ""), None, until),)


def _context_names(tokenize: Tokenize) -> PhraseTable[ContextName]:
    table: PhraseTable[ContextName] = PhraseTable()
    for row in _data_rows("context_names.tsv"):
        if row["kind"] not in ("country", "adjective"):
            raise ValueError(f"context_names.tsv: {row['name']!r} has unknown kind {row['kind']!r}")
        kind: Literal["country", "adjective"] = (
            "country" if row["kind"] == "country" else "adjective"
        )
        entry = ContextName(
            row["name"], kind, row["default"] or None, tuple(_alternatives(row["alternatives"]))
        )
        table.add(tuple(tokenize(row["name"])), entry)
    return table


def load_actor_proxies() -> frozenset[str]:
    """The nouns of `data/actor_proxies.txt`: an "Indian proposal" is India's act."""
    return load_word_list("actor_proxies.txt")


def load_word_list(filename: str) -> frozenset[str]:
    """The lines of a word list under `data/`, less blank lines and `#` comments."""
    text = resources.files("eventwire.data").joinpath(filename).read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def _dictionary_code(code: str) -> str:
    """A PETRARCH code as we keep it: upper case; of a compound `A/B/C`, the last part
    (an actor carries one code; PETRARCH's own validation codes such a phrase as the
    last one when it is a source)."""
    return code.upper().split("/")[-1]


def _dictionary_entries(
    actors: Iterable[DictionaryActor], phrase_of: Callable[[tuple[str, ...]], tuple[str, ...]]
) -> dict[tuple[str, ...], NameEntry]:
    """One entry per phrase: its last unrestricted code is the default (a later file's
    code for the same words wins), its restricted codes are kept in file order."""
    grouped: dict[tuple[str, ...], list[DictionaryActor]] = {}
    for actor in actors:
        phrase = phrase_of(actor.phrase)
        if not phrase:
            continue
        grouped.setdefault(phrase, []).append(actor)
    entries: dict[tuple[str, ...], NameEntry] = {}
    for phrase, codes in grouped.items():
        defaults = [
            _dictionary_code(c.code)
            for c in codes
            if c.valid_from is None and c.valid_until is None
        ]
        default = defaults[-1] if defaults else ""
        dated = tuple(
            DatedCode(_dictionary_code(c.code), c.valid_from, c.valid_until)
            for c in codes
            if c.valid_from is not None or c.valid_until is not None
        )
        country, sector = split_code(default) if default else (None, None)
        entries[phrase] = NameEntry(
            default, country, sector, "dictionary", " ".join(codes[0].phrase), dated
        )
    return entries


def _is_yaml(path: Path) -> bool:
    return Path(path).suffix.lower() in (".yaml", ".yml")


def load_dictionaries(
    actors: Sequence[Path] = (), agents: Sequence[Path] = ()
) -> tuple[list[DictionaryActor], list[DictionaryAgent]]:
    """Read users' actor and agent dictionaries: PETRARCH/TABARI files (actors/petrarch.py)
    or our YAML (`.yaml`/`.yml`, actors/yaml_dictionary.py; a YAML file given either way
    contributes both its sections)."""
    read_actors: list[DictionaryActor] = []
    read_agents: list[DictionaryAgent] = []
    for path in [*actors, *agents]:
        if _is_yaml(path):
            yaml_actors, yaml_agents = read_yaml_dictionary(path)
            read_actors += yaml_actors
            read_agents += yaml_agents
    read_actors += [e for path in actors if not _is_yaml(path) for e in read_actor_dictionary(path)]
    read_agents += [e for path in agents if not _is_yaml(path) for e in read_agent_dictionary(path)]
    return read_actors, read_agents
