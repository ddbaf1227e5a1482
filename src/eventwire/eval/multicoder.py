"""Loader and scorer for the multi-coder CAMEO annotations (round*_summary*.csv).

Each round's summary holds ~100 news sentences, each coded by 3-5 people
(`anncomplete_k`, `1_Relevant_k`, `Action1_CAMEO_k` for coder k). A coder's
label for a sentence is the root of their first action ("4-17 Coerce" is
17, "0-1 Make Public Statement" is 01), or "none" when they found no event.
When a round comes in several versions the latest is read: `_v2`, then the
plain file, then `_v1`.

Agreement is measured two ways, side by side: the coders' mean pairwise
agreement (the share of coder pairs giving a sentence the same label,
averaged over sentences with at least two coders) and ours, the share of
sentences with a majority label (more than half the coders) where our root
equals it. Both are also given for the sentences whose majority label is an
event ("event sentences"), where "none" is not the easy answer.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.eval.quad import sentence_event
from eventwire.model import Event

__all__ = ["CodedSentence", "load_multicoder", "our_root", "score_multicoder"]

NO_EVENT = "none"
_ROUND_FILE = re.compile(r"round(\d+)_summary(?:_v(\d+))?\.csv$")
_ROOT = re.compile(r"^\s*\d\s*-\s*(\d{1,2})\b")
_VERSION_ORDER = {"2": 3, None: 2, "1": 1}


@dataclass(frozen=True, slots=True)
class CodedSentence:
    id: str
    text: str
    labels: tuple[str, ...]  # one per coder: a two-digit root or "none"

    @property
    def majority(self) -> str | None:
        if not self.labels:
            return None
        label, count = Counter(self.labels).most_common(1)[0]
        return label if count * 2 > len(self.labels) else None


def _latest_rounds(folder: Path) -> list[Path]:
    chosen: dict[int, tuple[int, Path]] = {}
    for path in sorted(folder.glob("round*_summary*.csv")):
        match = _ROUND_FILE.search(path.name)
        if match is None:
            continue
        rank = _VERSION_ORDER.get(match.group(2), 0)
        number = int(match.group(1))
        if number not in chosen or rank > chosen[number][0]:
            chosen[number] = (rank, path)
    return [chosen[number][1] for number in sorted(chosen)]


def _label(row: Mapping[str, str], coder: str) -> str | None:
    if (row.get(f"anncomplete_{coder}") or "").strip().lower() != "true":
        return None
    relevant = (row.get(f"1_Relevant_{coder}") or "").strip().lower() == "true"
    match = _ROOT.match(row.get(f"Action1_CAMEO_{coder}") or "")
    if not relevant or match is None:
        return NO_EVENT
    return f"{int(match.group(1)):02d}"


def load_multicoder(folder: Path) -> list[CodedSentence]:
    """Every sentence of the latest version of each round, once, with its coders' labels.

    Raises ValueError naming the folder when it holds no round summary.
    """
    folder = Path(folder)
    # Later rounds re-code earlier sentences after training: the latest labels win.
    by_text: dict[str, CodedSentence] = {}
    for path in _latest_rounds(folder):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                text = " ".join((row.get("sentences") or "").split())
                if not text:
                    continue
                coders = sorted(
                    {key.rsplit("_", 1)[1] for key in row if key.startswith("anncomplete_")}
                )
                labels = tuple(
                    label for coder in coders if (label := _label(row, coder)) is not None
                )
                by_text[text] = CodedSentence(f"{path.stem}:{row.get('ids', '')}", text, labels)
    sentences = list(by_text.values())
    if not sentences:
        raise ValueError(f"{folder}: no round*_summary*.csv files with sentences")
    return sentences


def our_root(events: Sequence[Event]) -> str:
    """The root of the event that stands for the sentence (our strongest unnegated
    event that happened, see eval/quad.py `sentence_event`), or "none". "Obama said
    he would send troops" is, to the coders, a statement: the sending has not
    happened, and CAMEO has no code for the intent to deploy."""
    event = sentence_event(events)
    return event.cameo[:2] if event is not None else NO_EVENT


def _pairwise(labels: Sequence[str]) -> float:
    pairs = list(itertools.combinations(labels, 2))
    return sum(a == b for a, b in pairs) / len(pairs)


def score_multicoder(
    sentences: Sequence[CodedSentence], coded: Mapping[str, Sequence[Event]]
) -> dict[str, Any]:
    """Our agreement with the coders' majority beside their mean pairwise agreement."""

    def measure(subset: Sequence[CodedSentence]) -> dict[str, Any]:
        rated = [s for s in subset if len(s.labels) >= 2]
        with_majority = [s for s in subset if s.majority is not None]
        agree = sum(our_root(coded.get(s.id, ())) == s.majority for s in with_majority)
        return {
            "sentences": len(with_majority),
            "ours_vs_majority": round(agree / len(with_majority), 4) if with_majority else 0.0,
            "coders_mean_pairwise": (
                round(sum(_pairwise(s.labels) for s in rated) / len(rated), 4) if rated else 0.0
            ),
        }

    events_only = [s for s in sentences if s.majority not in (None, NO_EVENT)]
    per_root = _per_root(
        [(s.majority, our_root(coded.get(s.id, ()))) for s in sentences if s.majority is not None]
    )
    confusion: Counter[tuple[str, str]] = Counter(
        (s.majority, our_root(coded.get(s.id, ()))) for s in events_only if s.majority is not None
    )
    return {
        "sentences": len(sentences),
        "all": measure(sentences),
        "event_sentences": measure(events_only),
        "event_confusion": {f"{g}->{o}": n for (g, o), n in confusion.most_common(30)},
        "per_root": per_root,
    }


def _per_root(pairs: Sequence[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 of each CAMEO root (majority label vs ours) over the
    sentences with a majority; "none" is not a root and counts only as a miss or a
    false alarm of the roots around it."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold, ours in pairs:
        if gold == ours:
            tp[gold] += 1
            continue
        fn[gold] += 1
        fp[ours] += 1
    roots = sorted(root for root in set(tp) | set(fp) | set(fn) if root != NO_EVENT)
    table: dict[str, dict[str, float]] = {}
    for root in roots:
        precision = tp[root] / (tp[root] + fp[root]) if tp[root] + fp[root] else 0.0
        recall = tp[root] / (tp[root] + fn[root]) if tp[root] + fn[root] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[root] = {
            "support": tp[root] + fn[root],
            "predicted": tp[root] + fp[root],
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }
    return table
