"""The event lexicon: clause patterns to CAMEO codes, kept as data.

Four shipped files under `eventwire/data/`:

- `verbs.yaml`: verb patterns (a verb lemma, optional object phrases, optional
  governing verbs);
- `nouns.yaml`: nominal event patterns ("an attack on", "talks with");
- `speech_acts.yaml`: CAMEO's parallel speech-act codes (appeal, intent,
  demand, reject, accede x topic), expanded here into ordinary entries;
- `event_cues.yaml`: the words that decide modality, negation, background and
  which families may lack a target (`EventCues`).

Users add entries with `--verbs FILE`: our YAML format, or a PETRARCH verb
dictionary (see events/petrarch_verbs.py). A user's entry for the same word,
objects and governing verbs replaces ours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from eventwire.events.cameo import CameoCodebook

# libyaml's parser where PyYAML was built with it: the same documents, several
# times faster to load (the lexicons are parsed once per process, at start).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = [
    "EventCues",
    "Lexicon",
    "LexiconEntry",
    "Recoding",
    "load_event_cues",
    "load_lexicon",
    "parse_entries",
]

EntryKind = Literal["verb", "noun"]


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One pattern: a verb (or event noun) lemma, optional object phrases, optional
    governing verbs."""

    code: str
    verb: str  # the lemma: a verb, or a noun for kind "noun"
    objects: tuple[str, ...] = ()
    under: tuple[str, ...] = ()
    origin: str = "eventwire"  # the file it came from
    kind: EntryKind = "verb"

    @property
    def id(self) -> str:
        parts = [self.verb]
        if self.under:
            parts.insert(0, "/".join(self.under) + " to")
        if self.objects:
            parts.append("+" + "|".join(self.objects))
        noun = "noun " if self.kind == "noun" else ""
        return f"{self.code}:{noun}{' '.join(parts)}"

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (1 if self.under else 0)


@dataclass(frozen=True, slots=True)
class EventCues:
    """Words that decide modality, negation and background (data/event_cues.yaml)."""

    untargeted_roots: frozenset[str]
    untargeted_codes: frozenset[str]
    say_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    threat_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    possibility_nouns: frozenset[str]
    hypothetical_marks: frozenset[str]
    background_adverbs: frozenset[str]
    quantity_nouns: frozenset[str]
    future_aux: frozenset[str]
    obligation_aux: frozenset[str]
    suggestion_verbs: frozenset[str]
    support_verbs: frozenset[str]
    commitment_verbs: frozenset[str]
    intent_adjectives: frozenset[str]
    object_control_verbs: frozenset[str]
    compelling_verbs: frozenset[str]
    mutual_codes: frozenset[str]
    meeting_words: frozenset[str]
    tentative_verbs: frozenset[str]
    responsibility_verbs: frozenset[str]
    protest_purpose_verbs: frozenset[str]
    protest_nouns: frozenset[str]
    pressure_nouns: frozenset[str]
    violent_event_nouns: frozenset[str]
    order_nouns: frozenset[str]
    participation_verbs: frozenset[str]
    gathering_verbs: frozenset[str]
    ruled_out_phrases: frozenset[str]
    own_force_verbs: frozenset[str]
    expulsion_verbs: frozenset[str]


@dataclass(frozen=True, slots=True)
class Recoding:
    """How an intended, demanded, refused or threatened act is recoded
    (data/speech_acts.yaml: `code_topics`, the acts' codes, `threat_codes`)."""

    code_topics: Mapping[str, str]
    act_codes: Mapping[str, Mapping[str, str]]  # act name -> topic -> code
    threat_codes: Mapping[str, str]
    act_verbs: Mapping[str, frozenset[str]] = field(default_factory=dict)  # act -> its verbs

    @staticmethod
    def _longest(table: Mapping[str, str], code: str) -> str | None:
        for length in range(len(code), 1, -1):
            if code[:length] in table:
                return table[code[:length]]
        return None

    def as_act(self, act: str, code: str) -> str | None:
        """The code of `act` ("intend", "demand", "reject", "appeal") on the topic of
        `code`, or None when the code has no topic or the act no code for it."""
        topic = self._longest(self.code_topics, code)
        if topic is None:
            return None
        return self.act_codes.get(act, {}).get(topic)

    def as_threat(self, code: str) -> str | None:
        return self._longest(self.threat_codes, code)


@dataclass(frozen=True, slots=True)
class Lexicon:
    by_verb: dict[str, tuple[LexiconEntry, ...]]
    by_noun: dict[str, tuple[LexiconEntry, ...]] = field(default_factory=dict)
    cues: EventCues | None = None
    recoding: Recoding | None = None

    def candidates(self, lemma: str) -> Sequence[LexiconEntry]:
        return self.by_verb.get(lemma, ())

    def noun_candidates(self, lemma: str) -> Sequence[LexiconEntry]:
        return self.by_noun.get(lemma, ())

    def __len__(self) -> int:
        return sum(len(group) for group in self.by_verb.values()) + sum(
            len(group) for group in self.by_noun.values()
        )

    def entries(self) -> Iterable[LexiconEntry]:
        for table in (self.by_verb, self.by_noun):
            for group in table.values():
                yield from group

    def codes(self) -> set[str]:
        return {entry.code for entry in self.entries()}

    @property
    def event_cues(self) -> EventCues:
        return self.cues if self.cues is not None else load_event_cues()


def _as_words(value: Any, field_name: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ValueError(f"{where}: {field_name!r} must be a list of non-empty strings")
    return tuple(" ".join(item.lower().split()) for item in value)


# A hyphen between letters, which spaCy's tokenizer splits off as a token of its own.
_INFIX_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def _with_token_forms(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Object phrases as written and as the parse reads them: spaCy splits "cease-fire"
    into "cease - fire", so a written hyphenated phrase would never match the
    clause's words."""
    forms = [form for p in phrases for form in (p, _INFIX_HYPHEN.sub(" - ", p))]
    return tuple(dict.fromkeys(forms))


def _with_compound_forms(nouns: tuple[str, ...]) -> tuple[str, ...]:
    """Event nouns as written and as the parse keys them: "cease-fire" is parsed as
    "fire" with the compound "cease" (events/nominal.py keys that "cease fire")."""
    forms = [form for n in nouns for form in (n, _INFIX_HYPHEN.sub(" ", n))]
    return tuple(dict.fromkeys(forms))


def parse_entries(document: Any, codebook: CameoCodebook, origin: str) -> list[LexiconEntry]:
    """Validate a loaded YAML document (a list of entries with `verbs` or `nouns`) and
    expand it into one entry per word."""
    if not isinstance(document, list):
        raise ValueError(f"{origin}: expected a list of entries")
    entries: list[LexiconEntry] = []
    for number, item in enumerate(document, start=1):
        where = f"{origin}: entry {number}"
        if not isinstance(item, dict):
            raise ValueError(f"{where}: expected a mapping with code and verbs")
        unknown = set(item) - {"code", "verbs", "nouns", "objects", "under"}
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
        code = str(item.get("code", ""))
        if code not in codebook:
            raise ValueError(f"{where}: {code!r} is not a CAMEO code")
        verbs = _as_words(item.get("verbs"), "verbs", where)
        nouns = _with_compound_forms(_as_words(item.get("nouns"), "nouns", where))
        if not verbs and not nouns:
            raise ValueError(f"{where}: needs at least one verb (or noun)")
        objects = _with_token_forms(_as_words(item.get("objects"), "objects", where))
        under = _as_words(item.get("under"), "under", where)
        if nouns and under:
            raise ValueError(f"{where}: a noun entry cannot have governing verbs ('under')")
        entries.extend(LexiconEntry(code, verb, objects, under, origin) for verb in verbs)
        entries.extend(LexiconEntry(code, noun, objects, (), origin, "noun") for noun in nouns)
    return entries


def expand_speech_acts(document: Any, codebook: CameoCodebook, origin: str) -> list[LexiconEntry]:
    """Entries from the speech-act families table (see data/speech_acts.yaml)."""
    if not isinstance(document, dict) or not {"topics", "acts"} <= set(document):
        raise ValueError(f"{origin}: expected a mapping with 'topics' and 'acts'")
    topics = document["topics"]
    acts = document["acts"]
    if not isinstance(topics, dict) or not isinstance(acts, dict):
        raise ValueError(f"{origin}: 'topics' and 'acts' must be mappings")
    entries: list[LexiconEntry] = []
    for act_name, act in acts.items():
        where = f"{origin}: act {act_name!r}"
        if not isinstance(act, dict) or not isinstance(act.get("codes"), dict):
            raise ValueError(f"{where}: needs 'verbs' and 'codes'")
        act_verbs = _as_words(act.get("verbs"), "verbs", where)
        # "aims to cooperate" is an intent; "aimed weapons at" is no intent to give
        # weapons: such verbs carry the act only over a complement clause.
        governing = act_verbs + _as_words(act.get("governing_only"), "governing_only", where)
        for topic_name, code in act["codes"].items():
            topic = topics.get(topic_name)
            if not isinstance(topic, dict):
                raise ValueError(f"{where}: unknown topic {topic_name!r}")
            if str(code) not in codebook:
                raise ValueError(f"{where}: {code!r} is not a CAMEO code")
            topic_where = f"{origin}: topic {topic_name!r}"
            objects = _with_token_forms(_as_words(topic.get("objects"), "objects", topic_where))
            topic_verbs = _as_words(topic.get("verbs"), "verbs", topic_where)
            if objects:
                entries.extend(
                    LexiconEntry(str(code), verb, objects, (), origin) for verb in act_verbs
                )
            if topic_verbs:
                entries.extend(
                    LexiconEntry(str(code), verb, (), governing, origin) for verb in topic_verbs
                )
    return entries


def read_recoding(document: Any, codebook: CameoCodebook, origin: str) -> Recoding:
    """The recoding tables of the speech-act families file, validated."""
    topics = document.get("topics", {})
    code_topics = document.get("code_topics") or {}
    threat_codes = document.get("threat_codes") or {}
    if not isinstance(code_topics, dict) or not isinstance(threat_codes, dict):
        raise ValueError(f"{origin}: 'code_topics' and 'threat_codes' must be mappings")
    for prefix, topic in code_topics.items():
        if str(prefix) not in codebook or topic not in topics:
            raise ValueError(f"{origin}: code_topics {prefix!r}: {topic!r} is not a topic")
    for prefix, code in threat_codes.items():
        if str(prefix) not in codebook or str(code) not in codebook:
            raise ValueError(f"{origin}: threat_codes {prefix!r}: {code!r} is not a CAMEO code")
    acts = {
        str(name): {str(t): str(c) for t, c in act["codes"].items()}
        for name, act in document["acts"].items()
    }
    act_verbs = {
        str(name): frozenset(
            _as_words(act.get("verbs"), "verbs", f"{origin}: act {name!r}")
            + _as_words(act.get("governing_only"), "governing_only", f"{origin}: act {name!r}")
        )
        for name, act in document["acts"].items()
    }
    return Recoding(
        {str(k): str(v) for k, v in code_topics.items()},
        acts,
        {str(k): str(v) for k, v in threat_codes.items()},
        act_verbs,
    )


def _read_yaml(text: str, origin: str) -> Any:
    try:
        return yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise ValueError(f"{origin}: not valid YAML: {exc}") from exc


def _packaged(name: str) -> Any:
    text = resources.files("eventwire.data").joinpath(name).read_text("utf-8")
    return _read_yaml(text, f"data/{name}")


def load_event_cues() -> EventCues:
    """The shipped cue words (data/event_cues.yaml), validated."""
    document = _packaged("event_cues.yaml")
    names = [name for name in EventCues.__dataclass_fields__]
    if not isinstance(document, dict) or set(document) != set(names):
        raise ValueError(f"data/event_cues.yaml: expected exactly the keys {sorted(names)}")
    values: dict[str, frozenset[str]] = {
        name: frozenset(_as_words(document[name], name, "data/event_cues.yaml")) for name in names
    }
    return EventCues(**values)


def _user_entries(path: Path, codebook: CameoCodebook) -> list[LexiconEntry]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read verb file: {exc}") from exc
    from eventwire.events.petrarch_verbs import looks_like_petrarch_verbs, read_petrarch_verbs

    if looks_like_petrarch_verbs(text):
        return read_petrarch_verbs(text, codebook, str(path))
    return parse_entries(_read_yaml(text, str(path)), codebook, str(path))


def _index(entries: Iterable[LexiconEntry]) -> dict[str, tuple[LexiconEntry, ...]]:
    grouped: dict[str, list[LexiconEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.verb, []).append(entry)
    return {
        word: tuple(sorted(group, key=lambda e: -e.specificity)) for word, group in grouped.items()
    }


def load_lexicon(codebook: CameoCodebook, user_files: Iterable[Path] = ()) -> Lexicon:
    """The shipped lexicon, with users' entries added; a user's entry for the same word,
    objects and governing verbs replaces ours."""
    families = _packaged("speech_acts.yaml")
    entries = expand_speech_acts(families, codebook, "data/speech_acts.yaml")
    for name in ("verbs.yaml", "nouns.yaml"):
        shipped = parse_entries(_packaged(name), codebook, f"data/{name}")
        entries = _replace(entries, shipped)
    for path in user_files:
        entries = _replace(entries, _user_entries(path, codebook))
    return Lexicon(
        by_verb=_index(e for e in entries if e.kind == "verb"),
        by_noun=_index(e for e in entries if e.kind == "noun"),
        cues=load_event_cues(),
        recoding=read_recoding(families, codebook, "data/speech_acts.yaml"),
    )


def _replace(entries: Sequence[LexiconEntry], newer: Sequence[LexiconEntry]) -> list[LexiconEntry]:
    keys: Mapping[tuple[str, str, tuple[str, ...], tuple[str, ...]], bool] = {
        (e.kind, e.verb, e.objects, e.under): True for e in newer
    }
    kept = [e for e in entries if (e.kind, e.verb, e.objects, e.under) not in keys]
    return kept + list(newer)
