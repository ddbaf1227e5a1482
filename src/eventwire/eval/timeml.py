"""TimeML gold (TimeBank, AQUAINT, TempEval-3 `.tml` files): loader and scorers.

Two scores, as TempEval-3 reports them:

- with gold spans: each gold TIMEX3's text is normalised against the document's
  creation time (DCT) and its value compared with the gold value, by type;
- end to end: our tagger finds expressions in the raw text, a found span matches
  a gold one when they overlap (relaxed), and value F1 counts a match only when
  the values are equal too (precision over our spans, recall over gold spans).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.when.expressions import find_expressions, reports_quarter, span_tense
from eventwire.when.normalise import Tense, Timex, normalise


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    doc_id: str
    creation_date: dt.date
    text: str
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True, slots=True)
class FoundTimex:
    start: int
    end: int
    timex: Timex


Tagger = Callable[[str, dt.date], Sequence[FoundTimex]]
# What the parse says around a gold span (start, end): its clause's tense and
# whether the story reports on a quarter (see `normalise`).
SpanContext = tuple[Tense | None, bool]
TenseReader = Callable[[TimemlDocument], Callable[[int, int], SpanContext]]


def canonical_value(value: str | None) -> str | None:
    """A TIMEX3 value with TimeML's equivalent spellings made one: unspecified trailing
    parts dropped ("1949-XX" is "1949", "196X" is "196") and weeks zero-padded
    ("2000-W7" is "2000-W07"), so the score counts meaning, not annotators' habits."""
    if value is None:
        return None
    value = re.sub(r"(-XX)+$", "", value)
    value = re.sub(r"^(\d{2,3})X+$", r"\1", value)
    return re.sub(r"-W(\d)\b", r"-W0\1", value)


def load_timeml_document(path: Path) -> TimemlDocument:
    """Read one `.tml` file: its DCT, its TEXT (tags removed) and the TIMEX3 spans in it."""
    try:
        root = etree.parse(str(path)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise ValueError(f"{path}: not a readable TimeML file ({exc})") from exc
    dct = root.find(".//DCT/TIMEX3")
    if dct is None or not re.match(r"\d{4}-\d{2}-\d{2}", dct.get("value", "")):
        raise ValueError(f"{path}: no document creation time (DCT TIMEX3 with a date value)")
    creation = dt.date.fromisoformat(dct.get("value", "")[:10])
    body = root.find(".//TEXT")
    if body is None:
        raise ValueError(f"{path}: no TEXT element")
    parts: list[str] = [body.text or ""]
    offset = len(parts[0])
    timexes = []

    def walk(element: Any) -> None:
        nonlocal offset
        for child in element:
            start = offset
            inner = "".join(child.itertext())
            parts.append(inner)
            offset += len(inner)
            if child.tag == "TIMEX3":
                timexes.append(
                    GoldTimex(start, offset, inner, child.get("type", ""), child.get("value", ""))
                )
            tail = child.tail or ""
            parts.append(tail)
            offset += len(tail)

    walk(body)
    return TimemlDocument(path.stem, creation, "".join(parts), tuple(timexes))


def find_timeml_files(path: Path) -> list[Path]:
    """The `.tml` files of a folder (recursively), or the file itself."""
    if path.is_file():
        return [path]
    files = sorted(path.rglob("*.tml"))
    if not files:
        raise ValueError(f"{path}: no .tml files found")
    return files


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def score_gold_spans(
    documents: Iterable[TimemlDocument], tense_reader: TenseReader | None = None
) -> dict[str, Any]:
    """Value accuracy when the gold spans are given, overall and by TIMEX3 type; with a
    tense reader each span is normalised with the tense of its clause, as in coding."""
    total: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for document in documents:
        tense_at = tense_reader(document) if tense_reader else None
        for gold in document.timexes:
            tense, quarterly = tense_at(gold.start, gold.end) if tense_at else (None, False)
            found = normalise(gold.text, document.creation_date, tense=tense, quarterly=quarterly)
            total[gold.type] += 1
            correct[gold.type] += int(canonical_value(found.value) == canonical_value(gold.value))
    date_time = correct["DATE"] + correct["TIME"]
    return {
        "timexes": sum(total.values()),
        "value_accuracy": _ratio(sum(correct.values()), sum(total.values())),
        "value_accuracy_date_time": _ratio(date_time, total["DATE"] + total["TIME"]),
        "by_type": {
            kind: {"timexes": total[kind], "value_accuracy": _ratio(correct[kind], total[kind])}
            for kind in sorted(total)
        },
    }


def score_end_to_end(documents: Iterable[TimemlDocument], tagger: Tagger) -> dict[str, Any]:
    """Relaxed span P/R/F1 and value F1 of a tagger against the gold TIMEX3 spans."""
    gold_count = found_count = span_matches_found = span_matches_gold = value_matches = 0
    for document in documents:
        found = list(tagger(document.text, document.creation_date))
        golds = list(document.timexes)
        gold_count += len(golds)
        found_count += len(found)
        used: set[int] = set()
        for item in found:
            overlapping = [
                index
                for index, gold in enumerate(golds)
                if item.start < gold.end and gold.start < item.end
            ]
            if overlapping:
                span_matches_found += 1
            fresh = [index for index in overlapping if index not in used]
            if fresh:
                used.add(fresh[0])
                span_matches_gold += 1
                value_matches += int(
                    canonical_value(item.timex.value) == canonical_value(golds[fresh[0]].value)
                )
    span_p = span_matches_found / found_count if found_count else 0.0
    span_r = span_matches_gold / gold_count if gold_count else 0.0
    value_p = value_matches / found_count if found_count else 0.0
    value_r = value_matches / gold_count if gold_count else 0.0

    def f1(p: float, r: float) -> float:
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    return {
        "gold": gold_count,
        "found": found_count,
        "span_precision_relaxed": round(span_p, 4),
        "span_recall_relaxed": round(span_r, 4),
        "span_f1_relaxed": f1(span_p, span_r),
        "value_precision": round(value_p, 4),
        "value_recall": round(value_r, 4),
        "value_f1": f1(value_p, value_r),
    }


def run_timeml_suite(
    path: Path, tagger: Tagger | None = None, tense_reader: TenseReader | None = None
) -> dict[str, Any]:
    """Score a folder of TimeML files: gold spans always, end to end when a tagger is given."""
    documents = [load_timeml_document(file) for file in find_timeml_files(path)]
    summary: dict[str, Any] = {
        "suite": str(path),
        "documents": len(documents),
        "gold_spans": score_gold_spans(documents, tense_reader),
    }
    if tagger is not None:
        summary["end_to_end"] = score_end_to_end(documents, tagger)
    return summary


def parsed_readers(nlp: Language) -> tuple[Tagger, TenseReader]:
    """Our tagger and tense reader over a spaCy pipeline; each document is parsed once
    and shared by both (the cache lives in this closure, for one run)."""
    parses: dict[str, Doc] = {}

    def parse(text: str) -> Doc:
        if text not in parses:
            parses.clear()  # documents are scored one at a time; keep one parse
            parses[text] = nlp(text)
        return parses[text]

    def tagger(text: str, anchor: dt.date) -> list[FoundTimex]:
        # An expression we cannot give a value ("that day") is not reported as a
        # TIMEX3: a value-less tag is wrong whatever the gold says.
        return [
            FoundTimex(found.start, found.end, found.timex)
            for found in find_expressions(parse(text), anchor)
            if found.timex.value is not None
        ]

    def tense_reader(document: TimemlDocument) -> Callable[[int, int], SpanContext]:
        doc = parse(document.text)

        def tense_at(start: int, end: int) -> SpanContext:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                return None, False
            return span_tense(span), reports_quarter(span)

        return tense_at

    return tagger, tense_reader
