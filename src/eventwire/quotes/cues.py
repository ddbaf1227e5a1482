"""The words that attribute speech, loaded from data/quote_cues.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

# libyaml's parser where PyYAML was built with it: the same documents, several
# times faster to load (the lexicons are parsed once per process, at start).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CUE_FILE = "quote_cues.yaml"
_LIST_KEYS = (
    "clause_verbs",
    "stance_verbs",
    "infinitive_verbs",
    "object_verbs",
    "of_verbs",
    "naming_verbs",
    "statement_nouns",
    "editorial_labels",
)
_PRONOUN_KINDS = ("person", "group", "organization")


class CueTableError(ValueError):
    """The cue table is malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Lemmas that cue speech, by where the reported content sits in the parse."""

    clause_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    infinitive_verbs: frozenset[str]
    object_verbs: frozenset[str]
    of_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    editorial_labels: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    organization_pronouns: frozenset[str]

    @property
    def verbs(self) -> frozenset[str]:
        """Every lemma that can cue a direct quote (stance verbs cannot: words are said)."""
        return (
            self.clause_verbs
            | self.infinitive_verbs
            | self.object_verbs
            | self.of_verbs
            | self.naming_verbs
        )

    @property
    def pronouns(self) -> frozenset[str]:
        return self.person_pronouns | self.group_pronouns | self.organization_pronouns


def _words(raw: Any, where: str) -> frozenset[str]:
    if not isinstance(raw, list) or not raw:
        raise CueTableError(f"{where}: expected a non-empty list of lemmas")
    words: list[str] = []
    for item in raw:
        if not isinstance(item, str) or not item.strip() or item != item.strip().lower():
            raise CueTableError(f"{where}: {item!r} is not a lower-case lemma")
        if item in words:
            raise CueTableError(f"{where}: {item!r} is listed twice")
        words.append(item)
    return frozenset(words)


def parse_cue_table(raw: Any, source: str = CUE_FILE) -> CueLexicon:
    """Validate a cue table already read from YAML; errors name the source and the key."""
    if not isinstance(raw, dict):
        raise CueTableError(f"{source}: expected a mapping at the top level")
    missing = [key for key in (*_LIST_KEYS, "pronouns") if key not in raw]
    if missing:
        raise CueTableError(f"{source}: missing {', '.join(missing)}")
    lists = {key: _words(raw[key], f"{source}: {key}") for key in _LIST_KEYS}
    pronouns = raw["pronouns"]
    if not isinstance(pronouns, dict) or set(pronouns) != set(_PRONOUN_KINDS):
        raise CueTableError(f"{source}: pronouns must map exactly {', '.join(_PRONOUN_KINDS)}")
    kinds = {kind: _words(pronouns[kind], f"{source}: pronouns.{kind}") for kind in _PRONOUN_KINDS}
    return CueLexicon(
        clause_verbs=lists["clause_verbs"],
        stance_verbs=lists["stance_verbs"],
        infinitive_verbs=lists["infinitive_verbs"],
        object_verbs=lists["object_verbs"],
        of_verbs=lists["of_verbs"],
        naming_verbs=lists["naming_verbs"],
        statement_nouns=lists["statement_nouns"],
        editorial_labels=lists["editorial_labels"],
        person_pronouns=kinds["person"],
        group_pronouns=kinds["group"],
        organization_pronouns=kinds["organization"],
    )


def load_cue_lexicon() -> CueLexicon:
    """The shipped cue table (data/quote_cues.yaml), validated."""
    text = resources.files("eventwire.data").joinpath(CUE_FILE).read_text(encoding="utf-8")
    return parse_cue_table(yaml.load(text, Loader=_YAML_LOADER), CUE_FILE)
