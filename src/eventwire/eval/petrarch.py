"""Loader and scorer for PETRARCH/TABARI validation records.

The validation files look like XML but many are not well-formed (a bare `&`
in a parse tree, `<!--Stop>` opening a comment that the next block closes,
records without `</Sentence>`, unclosed `<EventCoding ...>` tags), so they
are read with regular expressions, one `<Sentence ...>` record at a time:

    <Sentence date="19950101" id="DEMO-01" category="DEMO" sentence="true">
    <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
    <Text> Arnor is about to restore full diplomatic ties with Gondor ... </Text>
    <Parse> (ROOT ...) </Parse>
    </Sentence>

A record expecting no event carries `<EventCoding noevents="True">`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.actors.petrarch import parse_petrarch_date

__all__ = [
    "ExpectedEvent",
    "Triple",
    "ValidationRecord",
    "load_validation_records",
    "score_records",
]

Triple = tuple[str, str, str]  # (source, target, code)


@dataclass(frozen=True, slots=True)
class ExpectedEvent:
    source: str
    target: str
    code: str

    @property
    def triple(self) -> Triple:
        return (self.source, self.target, self.code)


@dataclass(frozen=True, slots=True)
class ValidationRecord:
    """One codable validation sentence; `expected` is () when the record expects no event."""

    id: str
    date: dt.date | None
    text: str
    expected: tuple[ExpectedEvent, ...]
    category: str | None


# ---------------------------------------------------------------- loading

_SENTENCE_OPEN = re.compile(r"<Sentence(?=[\s>/])([^>]*)>", re.IGNORECASE)
_SENTENCE_CLOSE = re.compile(r"</Sentence\s*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_EVENT_CODING = re.compile(r"<EventCoding\b([^>]*)>", re.IGNORECASE)
_TEXT = re.compile(r"<Text\s*>(.*?)</Text\s*>", re.IGNORECASE | re.DOTALL)
_SKIP = re.compile(r"<Skip\s*/?>", re.IGNORECASE)
_STOP = re.compile(r"<Stop(?=[\s>/])", re.IGNORECASE)
# Tags that a comment must not swallow: if one comes before the comment's
# `-->`, the comment was never closed and ends with its own line instead.
_RECORD_BOUNDARY = re.compile(r"<Sentence(?=[\s>/])|</Sentence\s*>", re.IGNORECASE)


def _strip_comments(text: str) -> str:
    out: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        out.append(text[position:start])
        end = text.find("-->", start + 4)
        boundary = _RECORD_BOUNDARY.search(text, start + 4)
        if end < 0 or (boundary is not None and boundary.start() < end):
            line_end = text.find("\n", start)
            position = len(text) if line_end < 0 else line_end
            if boundary is not None:
                position = min(position, boundary.start())
        else:
            position = end + 3
    out.append(text[position:])
    return "".join(out)


def _attributes(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
        for m in _ATTRIBUTE.finditer(text)
    }


def _is_false(value: str | None) -> bool:
    return value is not None and value.strip().lower() == "false"


def _is_true(value: str | None) -> bool:
    return value is not None and value.strip().lower() == "true"


def _record_bodies(text: str) -> Iterable[tuple[dict[str, str], str]]:
    """(attributes, body) per `<Sentence>`; a body ends at `</Sentence>` or at the next record."""
    opens = list(_SENTENCE_OPEN.finditer(text))
    for index, match in enumerate(opens):
        stop = opens[index + 1].start() if index + 1 < len(opens) else len(text)
        close = _SENTENCE_CLOSE.search(text, match.end(), stop)
        yield _attributes(match.group(1)), text[match.end() : close.start() if close else stop]


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_petrarch_date(value)
    except ValueError:
        return None


def _read_record(attributes: dict[str, str], body: str) -> ValidationRecord | None:
    """The record, or None when the file marks it as not to be coded or it cannot be coded."""
    if _is_false(attributes.get("sentence")) or _is_false(attributes.get("valid")):
        return None
    if _SKIP.search(body):
        return None
    record_id = (attributes.get("id") or "").strip()
    text_match = _TEXT.search(body)
    codings = [_attributes(m.group(1)) for m in _EVENT_CODING.finditer(body)]
    if not record_id or text_match is None or not codings:
        return None
    text = " ".join(html.unescape(text_match.group(1)).split())
    if not text:
        return None
    expected = tuple(
        ExpectedEvent(
            html.unescape(coding.get("sourcecode", "")).strip(),
            html.unescape(coding.get("targetcode", "")).strip(),
            html.unescape(coding.get("eventcode", "")).strip(),
        )
        for coding in codings
        if not _is_true(coding.get("noevents"))
    )
    category = (attributes.get("category") or "").strip() or None
    return ValidationRecord(
        record_id, _parse_date(attributes.get("date")), text, expected, category
    )


def _json_records(path: Path, text: str) -> list[ValidationRecord]:
    """Records of a JSON-lines copy of a suite: one object a line with `id`, `text`,
    `date`, `category`, `valid` and `expected` ([{sourcecode, targetcode, eventcode}],
    empty when no event is expected)."""
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            record_id = str(item["id"]).strip()
            body = " ".join(str(item["text"]).split())
            codings = item.get("expected") or []
            expected = tuple(
                ExpectedEvent(
                    str(c.get("sourcecode", "")).strip(),
                    str(c.get("targetcode", "")).strip(),
                    str(c.get("eventcode", "")).strip(),
                )
                for c in codings
                if not _is_true(str(c.get("noevents")))
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: line {number}: not a validation record ({exc})") from exc
        if _is_false(str(item.get("valid"))) or not record_id or not body:
            continue
        category = str(item.get("category") or "").strip() or None
        date = _parse_date(str(item["date"])) if item.get("date") else None
        records.append(ValidationRecord(record_id, date, body, expected, category))
    return records


def load_validation_records(path: Path) -> list[ValidationRecord]:
    """Read the codable records of a PETRARCH/TABARI validation file, in file order.

    A `.jsonl` file is read as JSON lines (see `_json_records`), records marked
    `"valid": "false"` skipped; anything else as the suite's XML-like format:

    Comments are removed first (one that is never closed ends with its line);
    reading stops at a `<Stop>` tag outside comments, as PETRARCH's validation
    run does. Records are skipped when marked `sentence="false"`,
    `valid="false"` or containing `<Skip>`, and when they have no id, no
    `<Text>` or no `<EventCoding>`. `<Include>`/`<Exclude>` category lists and
    `<Config>` option changes between records are run settings and are not
    applied; `category` is kept for callers that want them. A `date` that is
    neither YYYYMMDD nor YYMMDD gives None.

    Raises ValueError naming the file when it holds no codable record.
    """
    path = Path(path)
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() == ".jsonl":
        records = _json_records(path, raw)
    else:
        text = _strip_comments(raw)
        stop = _STOP.search(text)
        if stop is not None:
            text = text[: stop.start()]
        records = [
            r
            for attributes, body in _record_bodies(text)
            if (r := _read_record(attributes, body)) is not None
        ]
    if not records:
        raise ValueError(f"{path}: no codable validation records")
    return records


# ---------------------------------------------------------------- scoring


def _prf(true_positive: int, predicted: int, expected: int) -> dict[str, float]:
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _root(triple: Triple) -> Triple:
    source, target, code = triple
    return (source, target, code[:2])


def score_records(
    records: Sequence[ValidationRecord], coded: Mapping[str, Sequence[Triple]]
) -> dict[str, Any]:
    """Score coded triples, keyed by record id, against the records (no key: nothing coded).

    A record passes when its expected and coded triples are equal as sorted
    lists (PETRARCH's rule; none expected and none coded passes). Event and
    root precision/recall/F1 are micro-averaged over per-record multisets of
    triples, root cutting each event code to its two-digit CAMEO root.
    Precision with no predictions, and recall with nothing expected, are 0.0.
    """
    passed = 0
    counts = {"events": [0, 0, 0], "root": [0, 0, 0]}  # true positives, predicted, expected
    per_root: dict[str, list[int]] = {}
    for record in records:
        expected = [event.triple for event in record.expected]
        predicted = [(str(s), str(t), str(c)) for s, t, c in coded.get(record.id, ())]
        if sorted(expected) == sorted(predicted):
            passed += 1
        gold_roots = Counter(map(_root, expected))
        guess_roots = Counter(map(_root, predicted))
        for triple in set(gold_roots) | set(guess_roots):
            tally = per_root.setdefault(triple[2], [0, 0, 0])
            tally[0] += min(gold_roots[triple], guess_roots[triple])
            tally[1] += guess_roots[triple]
            tally[2] += gold_roots[triple]
        for name, key in (("events", None), ("root", _root)):
            gold = Counter(expected if key is None else map(key, expected))
            guess = Counter(predicted if key is None else map(key, predicted))
            tally = counts[name]
            tally[0] += sum((gold & guess).values())
            tally[1] += sum(guess.values())
            tally[2] += sum(gold.values())
    total = len(records)
    return {
        "records": total,
        "passed": passed,
        "pass_rate": round(passed / total, 4) if total else 0.0,
        "events": _prf(*counts["events"]),
        "root": _prf(*counts["root"]),
        # Per two-digit code of the triples (dyad and root must both match); codes the
        # suite uses that are not CAMEO roots (its test codes) are listed as they are.
        "per_root": {
            root: {**_prf(*tally), "expected": tally[2], "predicted": tally[1]}
            for root, tally in sorted(per_root.items())
        },
    }
