"""The verb lexicon: clause patterns to CAMEO codes, kept as data (data/verbs.yaml)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.events.cameo import CameoCodebook


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One pattern: a verb lemma, optional object phrases, optional governing verbs."""

    code: str
    verb: str
    objects: tuple[str, ...] = ()
    under: tuple[str, ...] = ()
    origin: str = "eventwire"  # "eventwire" or the user's file

    @property
    def id(self) -> str:
        parts = [self.verb]
        if self.under:
            parts.insert(0, "/".join(self.under) + " to")
        if self.objects:
            parts.append("+" + "|".join(self.objects))
        return f"{self.code}:{' '.join(parts)}"

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (1 if self.under else 0)


@dataclass(frozen=True, slots=True)
class Lexicon:
    by_verb: dict[str, tuple[LexiconEntry, ...]]

    def candidates(self, lemma: str) -> Sequence[LexiconEntry]:
        return self.by_verb.get(lemma, ())

    def __len__(self) -> int:
        return sum(len(entries) for entries in self.by_verb.values())

    def codes(self) -> set[str]:
        return {entry.code for entries in self.by_verb.values() for entry in entries}


def _as_words(value: Any, field: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ValueError(f"{where}: {field!r} must be a list of non-empty strings")
    return tuple(" ".join(item.lower().split()) for item in value)


def parse_entries(document: Any, codebook: CameoCodebook, origin: str) -> list[LexiconEntry]:
    """Validate a loaded YAML document and expand it into one entry per verb."""
    if not isinstance(document, list):
        raise ValueError(f"{origin}: expected a list of entries")
    entries: list[LexiconEntry] = []
    for number, item in enumerate(document, start=1):
        where = f"{origin}: entry {number}"
        if not isinstance(item, dict):
            raise ValueError(f"{where}: expected a mapping with code and verbs")
        unknown = set(item) - {"code", "verbs", "objects", "under"}
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
        code = str(item.get("code", ""))
        if code not in codebook:
            raise ValueError(f"{where}: {code!r} is not a CAMEO code")
        verbs = _as_words(item.get("verbs"), "verbs", where)
        if not verbs:
            raise ValueError(f"{where}: needs at least one verb")
        objects = _as_words(item.get("objects"), "objects", where)
        under = _as_words(item.get("under"), "under", where)
        entries.extend(LexiconEntry(code, verb, objects, under, origin) for verb in verbs)
    return entries


def _read_yaml(text: str, origin: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"{origin}: not valid YAML: {exc}") from exc


def load_lexicon(codebook: CameoCodebook, user_files: Iterable[Path] = ()) -> Lexicon:
    """The shipped lexicon, with users' entries added; a user's entry for the same verb,
    objects and governing verbs replaces ours."""
    shipped = resources.files("eventwire.data").joinpath("verbs.yaml").read_text("utf-8")
    entries = parse_entries(_read_yaml(shipped, "data/verbs.yaml"), codebook, "data/verbs.yaml")
    for path in user_files:
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise ValueError(f"{path}: cannot read verb file: {exc.strerror or exc}") from exc
        user = parse_entries(_read_yaml(text, str(path)), codebook, str(path))
        keys = {(e.verb, e.objects, e.under) for e in user}
        entries = [e for e in entries if (e.verb, e.objects, e.under) not in keys] + user
    by_verb: dict[str, list[LexiconEntry]] = {}
    for entry in entries:
        by_verb.setdefault(entry.verb, []).append(entry)
    return Lexicon(
        {
            verb: tuple(sorted(group, key=lambda e: -e.specificity))
            for verb, group in by_verb.items()
        }
    )
