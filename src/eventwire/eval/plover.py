"""Loader and scorer for the PLOVER gold-standard records (PLOVER_GSR_*.json).

The file is a JSON list of records; each codable one has a `text`, an `event`
type, optional `mode` and `context` (a comma-separated string) and `source` /
`target` lists of actors (`{"actorText", "code", "sector"?}`). The first
record is a `DOCUMENT` note and is skipped, as is any record without text.

The set predates PLOVER 2021's type names; old labels are mapped as
../shared/README.md says: DEMAND is REQUEST, DISAPPROVE and INVESTIGATE are
ACCUSE, FIGHT is ASSAULT. Its modes and contexts are likewise the 2016 draft's
("demo-org", "strike-hun", "refugee", "political"); each is read as the 2021
name (or names) that covers it (`_OLD_MODES`, `_OLD_CONTEXTS`), so that ours,
which follow the 2021 manual, can match.

How a sentence is scored: our answer for a sentence is the event we are most
confident of among those with a PLOVER type (CAMEO 01 and 02 have none); no
such event is a wrong answer for type, mode and context. Actors are read from
the event of the gold type when we coded one (so an actor figure measures
actor coding, not event typing), otherwise from our answer; no event is a
wrong actor.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.events.cameo import NO_PLOVER_TYPE
from eventwire.model import Actor, Event

__all__ = [
    "OLD_TYPE_LABELS",
    "GoldActor",
    "PloverRecord",
    "load_plover_records",
    "primary_event",
    "score_plover",
]

#: Type names of the 2016 gold set that PLOVER 2021 renamed or merged.
OLD_TYPE_LABELS: Mapping[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

# Contexts and modes of the gold set (a 2016 draft of PLOVER) under their 2021
# names, as the manual's Table 2.1 and mode lists define them: refugees are now
# "migration", "rights" is split into human rights and political rights and
# freedoms, "government" is the executive; organised and spontaneous
# demonstrations are both "demo", a general strike "strike", a hunger strike
# "hunger", hosting a visit is a "visit", detention an "arrest" and confiscation
# a "seize". A gold name maps to every 2021 name it covers; "other" is the 2016
# mode for an unspecified one, which 2021 leaves empty.
_OLD_CONTEXTS: Mapping[str, tuple[str, ...]] = {
    "refugee": ("migration",),
    "refugees": ("migration",),
    "resource": ("natural_resource",),
    "rights": ("human_rights", "rights_freedoms"),
    "political": ("political_institutions", "pro_democracy", "pro_autocracy"),
    "government": ("executive",),
    "religion": ("religion_ethnicity",),
}
_OLD_MODES: Mapping[str, str] = {
    "demo-org": "demo",
    "demo-spon": "demo",
    "strike-gen": "strike",
    "strike-hun": "hunger",
    "riot-spon": "riot",
    "host": "visit",
    "detain": "arrest",
    "confiscate": "seize",
}
_UNSPECIFIED_MODE = "other"


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    code: str  # country code (ISO3) or a non-state code such as IGO
    sector: str | None  # first three letters, upper case; None when not given or "***"


@dataclass(frozen=True, slots=True)
class PloverRecord:
    id: str
    text: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]


def _actors(value: Any) -> tuple[GoldActor, ...]:
    # A few records carry a bare string where the target list should be; it is no actor.
    if not isinstance(value, list):
        return ()
    actors = []
    for item in value:
        if not isinstance(item, dict) or not item.get("code"):
            continue
        sector = str(item.get("sector") or "").strip()[:3].upper()
        actors.append(
            GoldActor(
                text=str(item.get("actorText") or ""),
                code=str(item["code"]).strip().upper(),
                sector=sector if sector and sector != "***" else None,
            )
        )
    return tuple(actors)


def _context(value: Any) -> tuple[str, ...]:
    if not isinstance(value, str):
        return ()
    items = (part.strip().lower().replace("-", "_") for part in value.split(","))
    names: list[str] = []
    for item in items:
        if item and item != "none":
            names.extend(_OLD_CONTEXTS.get(item, (item,)))
    return tuple(dict.fromkeys(names))


def _mode(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    mode = value.strip().lower().replace("_", "-")
    return _OLD_MODES.get(mode, mode)


def _mode_matches(gold: str, ours: str | None) -> bool:
    return ours == gold or (gold == _UNSPECIFIED_MODE and ours is None)


def load_plover_records(path: Path) -> list[PloverRecord]:
    """The codable records of a PLOVER gold file, old type labels mapped to 2021's.

    Raises ValueError naming the file when it is not JSON, not a list, or holds
    no codable record.
    """
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a readable JSON file: {exc}") from exc
    if not isinstance(document, list):
        raise ValueError(f"{path}: expected a JSON list of PLOVER records")
    records: list[PloverRecord] = []
    for item in document:
        if not isinstance(item, dict):
            continue
        text = item.get("text")
        event_type = str(item.get("event") or "").strip().upper()
        if not isinstance(text, str) or not text.strip() or event_type in ("", "DOCUMENT"):
            continue
        records.append(
            PloverRecord(
                id=str(item.get("id") or f"record-{len(records)}"),
                text=" ".join(text.split()),
                type=OLD_TYPE_LABELS.get(event_type, event_type),
                mode=_mode(item.get("mode")),
                context=_context(item.get("context")),
                sources=_actors(item.get("source")),
                targets=_actors(item.get("target")),
            )
        )
    if not records:
        raise ValueError(f"{path}: no codable PLOVER records")
    return records


def primary_event(events: Sequence[Event]) -> Event | None:
    """The event we stand behind for a sentence: the most confident with a PLOVER type,
    asserted before reported or hypothetical, earliest on ties."""
    typed = [e for e in events if e.plover.type != NO_PLOVER_TYPE]
    if not typed:
        return None
    return max(
        typed,
        key=lambda e: (e.confidence, not e.negated, e.modality == "asserted", -e.trigger.start),
    )


# Our sectors are CAMEO's; the gold set's are PLOVER's, which renamed some and merged
# others. The PLOVER agents dictionary beside the gold file (PLOVER_agents.txt) codes
# doctors, hospitals and ambulances [~MED] and newspapers, broadcasters and bloggers
# [~JRN], where CAMEO's codebook (and its own agents file: NEWSPAPER [~MED]) has HLH
# for health and MED for media; it has no RAD, INS or SEP, and codes extremists,
# terrorists, insurgents and separatists [~REB]. Ours are read in PLOVER's words
# before comparing.
_PLOVER_SECTOR_OF_CAMEO: Mapping[str, str] = {
    "HLH": "MED",
    "MED": "JRN",
    "RAD": "REB",
    "INS": "REB",
    "SEP": "REB",
}
# "CIV" is no sector code of CAMEO or PLOVER; the gold records that write it (beside
# "CVL" for the same kind of actor: "CIVsrp" for Bosnian Serbs, "CVLalb" for
# ethnic Albanians) mean civilians.
_GOLD_SECTOR_TYPOS: Mapping[str, str] = {"CIV": "CVL"}
# Country codes of the old CAMEO dictionaries that the gold set still uses for a few
# states, where we write ISO-3166 alpha-3 as its readme says: CAMEO's own actor
# dictionaries (../shared/gold/cameo/*/PETR.Validate.actors.txt) have JAPAN [JAP]
# and ROMANIA [ROM].
_CAMEO_LEGACY_COUNTRIES: Mapping[str, str] = {"JAP": "JPN", "ROM": "ROU"}


def _gold_sector(actor: GoldActor) -> str | None:
    return _GOLD_SECTOR_TYPOS.get(actor.sector, actor.sector) if actor.sector else None


def _our_sector(ours: Actor) -> str | None:
    sector = ours.sector[:3] if ours.sector else None
    return _PLOVER_SECTOR_OF_CAMEO.get(sector, sector) if sector else None


def _actor_matches(gold: Sequence[GoldActor], ours: Actor | None, part: str) -> bool:
    if ours is None:
        return False
    for actor in gold:
        if part == "country":
            code = _CAMEO_LEGACY_COUNTRIES.get(actor.code, actor.code)
            if code in (ours.country, ours.code[:3]):
                return True
        elif _gold_sector(actor) == _our_sector(ours):
            return True
    return False


def _ratio(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score_plover(
    records: Sequence[PloverRecord], coded: Mapping[str, Sequence[Event]]
) -> dict[str, Any]:
    """Score coded events, keyed by record id, against the gold records (see module doc).

    type_macro_f1 averages per-type F1 over the gold types; mode accuracy is over
    records with a gold mode, context accuracy over records with a gold context (right
    when one of our contexts is one of theirs); sector accuracy is over gold actors
    whose sector is known or explicitly absent (a bare country code means no sector),
    our CAMEO sectors read in PLOVER's names (`_PLOVER_SECTOR_OF_CAMEO`).
    """
    true_positive: Counter[str] = Counter()
    false_positive: Counter[str] = Counter()
    false_negative: Counter[str] = Counter()
    tally: dict[str, list[int]] = {}  # name -> [hits, total]

    def count(name: str, hit: bool) -> None:
        pair = tally.setdefault(name, [0, 0])
        pair[0] += int(hit)
        pair[1] += 1

    confusion: Counter[tuple[str, str]] = Counter()
    for record in records:
        events = coded.get(record.id, ())
        answer = primary_event(events)
        guess = answer.plover.type if answer is not None else "none"
        confusion[(record.type, guess)] += 1
        if guess == record.type:
            true_positive[record.type] += 1
        else:
            false_negative[record.type] += 1
            if answer is not None:
                false_positive[guess] += 1
        count("type", guess == record.type)
        if record.mode is not None:
            count("mode", answer is not None and _mode_matches(record.mode, answer.plover.mode))
        if record.context:
            count(
                "context",
                answer is not None and bool(set(answer.plover.context) & set(record.context)),
            )
        of_type = [e for e in events if e.plover.type == record.type]
        actor_event = max(of_type, key=lambda e: e.confidence) if of_type else answer
        for side, gold in (("source", record.sources), ("target", record.targets)):
            if not gold:
                continue
            ours = None
            if actor_event is not None:
                ours = actor_event.source if side == "source" else actor_event.target
            count(f"{side}_country", _actor_matches(gold, ours, "country"))
            count(f"{side}_sector", _actor_matches(gold, ours, "sector"))
    gold_types = sorted({record.type for record in records})
    per_type = {
        name: {
            "support": true_positive[name] + false_negative[name],
            "precision": _ratio(true_positive[name], true_positive[name] + false_positive[name]),
            "recall": _ratio(true_positive[name], true_positive[name] + false_negative[name]),
            "f1": round(_f1(true_positive[name], false_positive[name], false_negative[name]), 4),
        }
        for name in gold_types
    }
    macro = sum(item["f1"] for item in per_type.values()) / len(per_type) if per_type else 0.0

    def ratio(name: str) -> float:
        hits, total = tally.get(name, [0, 0])
        return _ratio(hits, total)

    return {
        "records": len(records),
        "type_macro_f1": round(macro, 4),
        "type_accuracy": ratio("type"),
        "context_accuracy": ratio("context"),
        "mode_accuracy": ratio("mode"),
        "actors": {
            "source_country_accuracy": ratio("source_country"),
            "target_country_accuracy": ratio("target_country"),
            "source_sector_accuracy": ratio("source_sector"),
            "target_sector_accuracy": ratio("target_sector"),
            "counts": {name: tally[name][1] for name in sorted(tally)},
        },
        "per_type": per_type,
        "coded_none": sum(n for (_, guess), n in confusion.items() if guess == "none"),
    }
