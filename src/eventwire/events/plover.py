"""PLOVER context and mode read from the sentence, beyond what the CAMEO code implies.

The CAMEO-to-PLOVER table (data/cameo.tsv) gives each code a type and, where
the code implies them, a mode and contexts. PLOVER's contexts, though, are the
topic of the story ("a meeting dealing with military issues"), which the
manual expects coders, human or machine, to read off the text; and some modes
(an ASSAULT's weapon, a PROTEST that is a strike) are named by the sentence,
not the code. `data/plover_cues.yaml` lists the words that name each; its
header says how they are matched.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Token

from eventwire.events.cameo import PLOVER_TYPES
from eventwire.model import Actor, Plover

# libyaml's parser where PyYAML was built with it: the same documents, several
# times faster to load (the lexicons are parsed once per process, at start).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = [
    "ModeCue",
    "PloverCues",
    "SentenceWords",
    "TopicCue",
    "load_plover_cues",
    "refine_plover",
    "sentence_words",
]

# Topic words count as nouns, names or adjectives only: "forces" the noun names
# the military, "forced" the verb does not.
_TOPIC_POS = frozenset({"NOUN", "PROPN", "ADJ"})


@dataclass(frozen=True, slots=True)
class TopicCue:
    """Words and phrases (lemmas, lower case) that name a context or a mode."""

    words: frozenset[str]
    phrases: tuple[str, ...] = ()

    def found(self, words: frozenset[str], text: str) -> bool:
        # `isdisjoint` builds no intersection: this runs for every cue of every event.
        return not self.words.isdisjoint(words) or any(f" {p} " in text for p in self.phrases)


@dataclass(frozen=True, slots=True)
class ModeCue:
    mode: str
    fills: frozenset[str]  # the table modes it may replace; "" is no mode
    cue: TopicCue


@dataclass(frozen=True, slots=True)
class PloverCues:
    contexts: Mapping[str, TopicCue]
    sector_contexts: Mapping[str, tuple[str, ...]]  # actor sector -> contexts
    modes: Mapping[str, tuple[ModeCue, ...]]  # PLOVER type -> its mode cues, in order


def _words(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"data/plover_cues.yaml: {where} must be a list of words")
    return tuple(" ".join(v.lower().split()) for v in value)


def _cue(item: Mapping[str, Any], where: str) -> TopicCue:
    words = frozenset(_words(item.get("words"), f"{where}.words"))
    phrases = _words(item.get("phrases"), f"{where}.phrases")
    if not words and not phrases:
        raise ValueError(f"data/plover_cues.yaml: {where} has no words or phrases")
    return TopicCue(words, phrases)


def parse_plover_cues(document: Any) -> PloverCues:
    """The cues of a plover_cues document; ValueError naming the faulty part."""
    if not isinstance(document, dict) or set(document) != {"contexts", "modes"}:
        raise ValueError("data/plover_cues.yaml: expected the keys 'contexts' and 'modes'")
    contexts: dict[str, TopicCue] = {}
    sectors: dict[str, list[str]] = {}
    for name, item in document["contexts"].items():
        if not isinstance(item, dict) or name != name.lower() or " " in name:
            raise ValueError(f"data/plover_cues.yaml: context {name!r} is malformed")
        if item.get("words") or item.get("phrases"):
            contexts[name] = _cue(item, f"contexts.{name}")
        for sector in _words(item.get("sectors"), f"contexts.{name}.sectors"):
            sectors.setdefault(sector.upper(), []).append(name)
    modes: dict[str, tuple[ModeCue, ...]] = {}
    for plover_type, items in document["modes"].items():
        if plover_type not in PLOVER_TYPES or not isinstance(items, list):
            raise ValueError(f"data/plover_cues.yaml: modes of {plover_type!r} are malformed")
        cues = []
        for number, item in enumerate(items):
            where = f"modes.{plover_type}[{number}]"
            if not isinstance(item, dict) or not isinstance(item.get("mode"), str):
                raise ValueError(f"data/plover_cues.yaml: {where} needs a mode")
            fills = frozenset(str(f) for f in item.get("fills") or [""])
            cues.append(ModeCue(item["mode"], fills, _cue(item, where)))
        modes[plover_type] = tuple(cues)
    return PloverCues(contexts, {s: tuple(c) for s, c in sectors.items()}, modes)


@functools.cache
def load_plover_cues() -> PloverCues:
    """The shipped cues (data/plover_cues.yaml), validated."""
    text = resources.files("eventwire.data").joinpath("plover_cues.yaml").read_text("utf-8")
    return parse_plover_cues(yaml.load(text, Loader=_YAML_LOADER))


# A sentence's topic words and its text as lemmas and as words (`sentence_words`).
SentenceWords = tuple[frozenset[str], str]


def sentence_words(tokens: Iterable[Token]) -> SentenceWords:
    """The topic words of a sentence (lemma and surface form) and its text as lemmas
    and as words, space-padded for phrase search."""
    tokens = list(tokens)
    words = {form for t in tokens if t.pos_ in _TOPIC_POS for form in (t.lemma_.lower(), t.lower_)}
    lemmas = " ".join(t.lemma_.lower() for t in tokens)
    surface = " ".join(t.lower_ for t in tokens)
    return frozenset(words), f" {lemmas} | {surface} "


def refine_plover(
    plover: Plover,
    sentence: SentenceWords,
    actors: Iterable[Actor | None],
    cues: PloverCues,
) -> Plover:
    """The table's PLOVER reading with the sentence's contexts added after the table's
    own, and a mode the sentence names where the table leaves it open."""
    if not plover.type or plover.type not in PLOVER_TYPES:
        return plover
    words, text = sentence
    contexts = list(plover.context)
    for name, cue in cues.contexts.items():
        if name not in contexts and cue.found(words, text):
            contexts.append(name)
    for actor in actors:
        if actor is None or not actor.sector:
            continue
        for name in cues.sector_contexts.get(actor.sector[:3].upper(), ()):
            if name not in contexts:
                contexts.append(name)
    mode = plover.mode
    for mode_cue in cues.modes.get(plover.type, ()):
        if (mode or "") in mode_cue.fills and mode_cue.cue.found(words, text):
            mode = mode_cue.mode
            break
    return replace(plover, mode=mode, context=tuple(contexts))
