"""Loaders and scorers for the ConfliBERT CAMEO sets: quad classes and source/target spans.

`cameo_class_train.tsv`: one sentence a line, a tab, its class: 0 statement,
1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
conflict. These are ConfliBERT's five classes, whose split of the CAMEO roots
the multi-coder annotations spell out in their labels ("0-2 Appeal", "3-16
Reduce Relations", "4-14 Protest"): 01-02 are 0, 03-05 are 1, 06-08 are 2,
09-13 and 16 are 3, 14-15 and 17-20 are 4. It differs from GDELT's quad class
that events carry (there appeals are verbal cooperation and 16 material
conflict), so the score maps our event's root by the set's own scheme. Our
class for a sentence is that of our most confident unnegated event among
those that happened (asserted or reported; any, when none did), 0 when we
code nothing.

`cameo_ner_train.txt`: one token and a BIO tag a line (B-S/I-S source,
B-T/I-T target), a blank line between sentences. The sentence is rebuilt by
joining its tokens with single spaces; a span is right when it overlaps a gold
span of the same role (source or target).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.model import Event

__all__ = [
    "QuadRecord",
    "SpanRecord",
    "load_quad_records",
    "load_span_records",
    "quad_of_events",
    "score_quad",
    "score_spans",
    "sentence_event",
    "strongest_event",
]

QUAD_NAMES = (
    "statement",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)


@dataclass(frozen=True, slots=True)
class QuadRecord:
    id: str
    text: str
    quad: int


@dataclass(frozen=True, slots=True)
class SpanRecord:
    id: str
    text: str
    sources: tuple[tuple[int, int], ...]  # character spans in `text`
    targets: tuple[tuple[int, int], ...]


def load_quad_records(path: Path) -> list[QuadRecord]:
    """Sentences and their gold quad class; ValueError naming the file and line when a
    line has no class 0-4, or when the file has no record."""
    path = Path(path)
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        text, _, label = line.rpartition("\t")
        if label.strip() not in {"0", "1", "2", "3", "4"} or not text.strip():
            raise ValueError(f"{path}:{number}: expected 'sentence<TAB>class 0-4'")
        records.append(QuadRecord(f"quad-{number}", " ".join(text.split()), int(label)))
    if not records:
        raise ValueError(f"{path}: no records")
    return records


def load_span_records(path: Path) -> list[SpanRecord]:
    """Sentences of a BIO file with their source and target character spans."""
    path = Path(path)
    records: list[SpanRecord] = []
    tokens: list[tuple[str, str]] = []

    def close() -> None:
        if not tokens:
            return
        text_parts: list[str] = []
        spans: dict[str, list[list[int]]] = {"S": [], "T": []}
        offset = 0
        previous = "O"
        for token, tag in tokens:
            start = offset
            text_parts.append(token)
            offset += len(token) + 1
            role = tag[2:] if tag[:2] in ("B-", "I-") else None
            if role in spans:
                if tag.startswith("B-") or previous[2:] != role:
                    spans[role].append([start, start + len(token)])
                else:
                    spans[role][-1][1] = start + len(token)
            previous = tag
        records.append(
            SpanRecord(
                id=f"span-{len(records) + 1}",
                text=" ".join(text_parts),
                sources=tuple((a, b) for a, b in spans["S"]),
                targets=tuple((a, b) for a, b in spans["T"]),
            )
        )
        tokens.clear()

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            close()
            continue
        token, _, tag = line.rpartition(" ")
        if not token:
            raise ValueError(f"{path}:{number}: expected 'token TAG'")
        tokens.append((token, tag.strip()))
    close()
    if not records:
        raise ValueError(f"{path}: no sentences")
    return records


def strongest_event(events: Sequence[Event]) -> Event | None:
    """Our most confident event, asserted before the rest, the more intense on ties."""
    if not events:
        return None
    return max(
        events,
        key=lambda e: (
            e.confidence,
            not e.negated and e.modality == "asserted",
            e.cameo[:2] != "01",
            abs(e.goldstein),
        ),
    )


#: Modalities of acts that took place, or are reported to have: an act only
#: intended or hypothetical, for which CAMEO has no intent or threat code (those
#: are recoded upstream and asserted), is not yet that act.
HAPPENED = frozenset({"asserted", "reported"})


def sentence_event(events: Sequence[Event]) -> Event | None:
    """The event that stands for a sentence: our strongest unnegated event among those
    that happened, else among all unnegated ones; None when there is none."""
    candidates = [e for e in events if not e.negated]
    happened = [e for e in candidates if e.modality in HAPPENED]
    return strongest_event(happened or candidates)


#: ConfliBERT's class of each CAMEO root (see the module doc).
PENTA_CLASS_OF_ROOT: dict[str, int] = {
    **dict.fromkeys(("01", "02"), 0),
    **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}


def quad_of_events(events: Sequence[Event]) -> int:
    """The sentence's class by the ConfliBERT scheme (0 statement .. 4), from the
    event that stands for it (`sentence_event`); 0 when there is none."""
    event = sentence_event(events)
    if event is None:
        return 0
    return PENTA_CLASS_OF_ROOT[event.cameo[:2]]


def score_quad(
    records: Sequence[QuadRecord], coded: Mapping[str, Sequence[Event]]
) -> dict[str, Any]:
    """Accuracy of our quad class, with a confusion table (gold -> ours -> count)."""
    confusion: Counter[tuple[int, int]] = Counter()
    for record in records:
        confusion[(record.quad, quad_of_events(coded.get(record.id, ())))] += 1
    correct = sum(n for (gold, ours), n in confusion.items() if gold == ours)
    per_class = {}
    for quad, name in enumerate(QUAD_NAMES):
        tp = confusion[(quad, quad)]
        gold = sum(n for (g, _), n in confusion.items() if g == quad)
        guessed = sum(n for (_, o), n in confusion.items() if o == quad)
        per_class[f"{quad} {name}"] = {
            "support": gold,
            "precision": round(tp / guessed, 4) if guessed else 0.0,
            "recall": round(tp / gold, 4) if gold else 0.0,
        }
    return {
        "records": len(records),
        "accuracy": round(correct / len(records), 4) if records else 0.0,
        "per_class": per_class,
        "confusion": {
            str(gold): {str(o): confusion[(gold, o)] for o in range(5)} for gold in range(5)
        },
    }


def _spans_of(text: str, phrases: Sequence[str]) -> list[tuple[int, int]]:
    spans = []
    for phrase in phrases:
        position = text.find(phrase)
        if position >= 0:
            spans.append((position, position + len(phrase)))
    return spans


def _overlaps(span: tuple[int, int], others: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def score_spans(
    records: Sequence[SpanRecord], coded: Mapping[str, Sequence[Event]]
) -> dict[str, Any]:
    """Overlap precision/recall/F1 of the source and target of our strongest event."""
    tallies = {"source": [0, 0, 0, 0], "target": [0, 0, 0, 0]}  # pred hit, pred, gold hit, gold
    for record in records:
        event = strongest_event(coded.get(record.id, ()))
        for role, expected in (("source", record.sources), ("target", record.targets)):
            actor = None if event is None else (event.source if role == "source" else event.target)
            ours = _spans_of(record.text, [actor.text] if actor is not None else [])
            tally = tallies[role]
            tally[0] += sum(_overlaps(span, expected) for span in ours)
            tally[1] += len(ours)
            tally[2] += sum(_overlaps(span, ours) for span in expected)
            tally[3] += len(expected)
    result: dict[str, Any] = {"records": len(records)}
    for role, (hit, predicted, found, total) in tallies.items():
        precision = hit / predicted if predicted else 0.0
        recall = found / total if total else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[role] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }
    return result
