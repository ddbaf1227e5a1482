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

A record expecting no event carries `<EventCoding noevents="True">`; one that
expects the coder to refuse it carries `<EventCoding error="storydiscard">`
(or `sentencediscard`, `bad_input_parse`, `dateline`). `<Config
option="require_dyad" value="false">` between records lets the records after it
expect events with an unknown target, written `---`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from eventwire.actors.petrarch import parse_petrarch_date
from eventwire.model import Actor, Event

__all__ = [
    "ExpectedEvent",
    "Triple",
    "ValidationRecord",
    "ValidationSuite",
    "load_validation_records",
    "load_validation_suite",
    "petrarch_actor_code",
    "petrarch_triples",
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
    """One codable validation sentence; `expected` is () when the record expects no event.

    `require_dyad` is the suite's run setting in force for the record (PETRARCH's
    default, True, drops events without a known source and target); `expected_error`
    names the refusal an `<EventCoding error=...>` record expects (it expects no event).
    """

    id: str
    date: dt.date | None
    text: str
    expected: tuple[ExpectedEvent, ...]
    category: str | None
    require_dyad: bool = True
    expected_error: str | None = None


@dataclass(frozen=True, slots=True)
class ValidationSuite:
    """The records of a validation file and the dictionaries its `<Environment>` names
    (paths resolved beside the file; None where it names none or the file is missing)."""

    records: tuple[ValidationRecord, ...]
    discard_file: Path | None = None


# ---------------------------------------------------------------- loading

_SENTENCE_OPEN = re.compile(r"<Sentence(?=[\s>/])([^>]*)>", re.IGNORECASE)
_SENTENCE_CLOSE = re.compile(r"</Sentence\s*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_EVENT_CODING = re.compile(r"<EventCoding\b([^>]*)>", re.IGNORECASE)
_TEXT = re.compile(r"<Text\s*>(.*?)</Text\s*>", re.IGNORECASE | re.DOTALL)
_SKIP = re.compile(r"<Skip\s*/?>", re.IGNORECASE)
_STOP = re.compile(r"<Stop(?=[\s>/])", re.IGNORECASE)
_CONFIG = re.compile(r"<Config\b([^>]*)>", re.IGNORECASE)
_ENVIRONMENT = re.compile(r"<Environment\b.*?</Environment\s*>", re.IGNORECASE | re.DOTALL)
# `<Discardfile>NAME</Discardfile>` (PETRARCH) or `<Discardfile name="NAME">` (TABARI era).
_DISCARD_FILE = re.compile(
    r"""<Discardfile(?:\s+name\s*=\s*["']([^"']+)["'][^>]*>|\s*>([^<]+)<)""", re.IGNORECASE
)
# TABARI-era records that lost their <Text>/<Parse> tags: the sentence is the
# text after the last <EventCoding>, up to the bare parse tree.
_BARE_PARSE = re.compile(r"^\s*\(\s*ROOT\b|^\s*\(\s*\(", re.MULTILINE)
_CODING_TAG = re.compile(r"</?EventCoding\b[^>]*>", re.IGNORECASE)
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


def _record_bodies(text: str) -> Iterable[tuple[int, dict[str, str], str]]:
    """(offset, attributes, body) per `<Sentence>`; a body ends at `</Sentence>` or at
    the next record."""
    opens = list(_SENTENCE_OPEN.finditer(text))
    for index, match in enumerate(opens):
        stop = opens[index + 1].start() if index + 1 < len(opens) else len(text)
        close = _SENTENCE_CLOSE.search(text, match.end(), stop)
        body = text[match.end() : close.start() if close else stop]
        yield match.start(), _attributes(match.group(1)), body


def _require_dyad_settings(text: str) -> list[tuple[int, bool]]:
    """(offset, value) of each `<Config option="require_dyad">`, in file order."""
    settings = []
    for match in _CONFIG.finditer(text):
        attributes = _attributes(match.group(1))
        if (attributes.get("option") or "").strip().lower() == "require_dyad":
            # PETRARCH's rule: any value other than one containing "false" turns it on.
            settings.append((match.start(), "false" not in (attributes.get("value") or "").lower()))
    return settings


def _sentence_text(body: str) -> str | None:
    """The `<Text>` of a record or, where a TABARI-era record lost its tags, the words
    between its last `<EventCoding>` and its bare parse tree (None if other markup
    stands there)."""
    text_match = _TEXT.search(body)
    if text_match is not None:
        raw = text_match.group(1)
    else:
        parse = _BARE_PARSE.search(body)
        tagged_parse = re.search(r"<Parse\b", body, re.IGNORECASE)
        ends = [m.start() for m in (parse, tagged_parse) if m is not None]
        region = body[: min(ends)] if ends else body
        codings = list(_CODING_TAG.finditer(region))
        raw = region[codings[-1].end() :] if codings else region
        if "<" in raw or ">" in raw:
            return None  # other markup (a parser's token dump) where the words should be
    return " ".join(html.unescape(raw).split()) or None


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_petrarch_date(value)
    except ValueError:
        return None


def _read_record(
    attributes: dict[str, str], body: str, require_dyad: bool = True
) -> ValidationRecord | None:
    """The record, or None when the file marks it as not to be coded or it cannot be coded."""
    if _is_false(attributes.get("sentence")) or _is_false(attributes.get("valid")):
        return None
    if _SKIP.search(body):
        return None
    record_id = (attributes.get("id") or "").strip()
    text = _sentence_text(body)
    codings = [_attributes(m.group(1)) for m in _EVENT_CODING.finditer(body)]
    if not record_id or text is None or not codings:
        return None
    errors = [coding["error"].strip() for coding in codings if coding.get("error")]
    expected = tuple(
        ExpectedEvent(
            html.unescape(coding.get("sourcecode", "")).strip(),
            html.unescape(coding.get("targetcode", "")).strip(),
            html.unescape(coding.get("eventcode", "")).strip(),
        )
        for coding in codings
        # An error coding names what the coder should refuse; it expects no event.
        if not _is_true(coding.get("noevents")) and not coding.get("error")
    )
    category = (attributes.get("category") or "").strip() or None
    return ValidationRecord(
        record_id,
        _parse_date(attributes.get("date")),
        text,
        expected,
        category,
        require_dyad,
        errors[0] if errors else None,
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


def _xml_records(text: str) -> list[ValidationRecord]:
    text = _strip_comments(text)
    stop = _STOP.search(text)
    if stop is not None:
        text = text[: stop.start()]
    settings = _require_dyad_settings(text)
    records = []
    for offset, attributes, body in _record_bodies(text):
        require_dyad = True
        for at, value in settings:
            if at > offset:
                break
            require_dyad = value
        record = _read_record(attributes, body, require_dyad)
        if record is not None:
            records.append(record)
    return records


def _discard_file(path: Path, text: str) -> Path | None:
    environment = _ENVIRONMENT.search(_strip_comments(text))
    match = _DISCARD_FILE.search(environment.group(0)) if environment else None
    if match is None:
        return None
    named = path.parent / (match.group(1) or match.group(2)).strip()
    return named if named.is_file() else None


def load_validation_suite(path: Path) -> ValidationSuite:
    """Read a validation file's codable records (see `load_validation_records`) and the
    discard list its `<Environment>` names (`<Discardfile>`), which PETRARCH applies
    before coding: a record whose text holds a discard phrase yields no event."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8", errors="replace")
    records = load_validation_records(path)
    if path.suffix.lower() == ".jsonl":
        return ValidationSuite(tuple(records))
    return ValidationSuite(tuple(records), _discard_file(path, raw))


def load_validation_records(path: Path) -> list[ValidationRecord]:
    """Read the codable records of a PETRARCH/TABARI validation file, in file order.

    A `.jsonl` file is read as JSON lines (see `_json_records`), records marked
    `"valid": "false"` skipped; anything else as the suite's XML-like format:

    Comments are removed first (one that is never closed ends with its line);
    reading stops at a `<Stop>` tag outside comments, as PETRARCH's validation
    run does. Records are skipped when marked `sentence="false"`,
    `valid="false"` or containing `<Skip>`, and when they have no id, no text or
    no `<EventCoding>`. The text is `<Text>`'s, or for a TABARI-era record that
    lost its tags, the words between its last tag and its bare parse tree.
    `<Config option="require_dyad">` between records is applied to the records
    after it (`require_dyad`); `<Include>`/`<Exclude>` category lists and other
    `<Config>` options are run settings of PETRARCH's parser and are not applied;
    `category` is kept for callers that want them. A `date` that is neither
    YYYYMMDD nor YYMMDD gives None. A repeated id gets `#2`, `#3`... so that each
    record is scored on its own.

    Raises ValueError naming the file when it holds no codable record.
    """
    path = Path(path)
    raw = path.read_text(encoding="utf-8", errors="replace")
    is_json = path.suffix.lower() == ".jsonl"
    records = _json_records(path, raw) if is_json else _xml_records(raw)
    if not records:
        raise ValueError(f"{path}: no codable validation records")
    return _unique_ids(records)


def _unique_ids(records: list[ValidationRecord]) -> list[ValidationRecord]:
    """Records keep their ids, except that a repeated id gets `#2`, `#3`... (the TABARI
    files reuse ids for different sentences; coded events are keyed by id)."""
    seen: Counter[str] = Counter()
    unique = []
    for record in records:
        seen[record.id] += 1
        if seen[record.id] > 1:
            record = replace(record, id=f"{record.id}#{seen[record.id]}")
        unique.append(record)
    return unique


# ---------------------------------------------------------------- coded triples

# International bodies stand where a country would (actors/knowledge.py): they
# have no country, yet they are not PETRARCH's anonymous "---" actors.
_NON_STATE_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


def petrarch_actor_code(actor: Actor) -> str:
    """The actor's code as PETRARCH writes it: an agent with no country is `---` plus
    its agent code ("a senior official" is `---GOV`, PETRARCH's anonymous agent)."""
    code = actor.code.upper()
    if (
        actor.country is None
        and actor.sector is not None
        and not code.startswith(("---", *_NON_STATE_PREFIXES))
    ):
        return "---" + code
    return code


def petrarch_triples(events: Iterable[Event], require_dyad: bool = True) -> list[Triple]:
    """The (source, target, code) triples PETRARCH's validation run would compare.

    As PETRARCH's `make_event_strings` does: an event with no source is not an
    event; an unknown target is `---`; events whose source or target is exactly
    `---` are dropped while `require_dyad` holds (the default); an actor coded
    against itself is no event; duplicate triples count once.
    """
    triples: list[Triple] = []
    for event in events:
        if event.source is None:
            continue
        source = petrarch_actor_code(event.source)
        target = "---" if event.target is None else petrarch_actor_code(event.target)
        if source == target:
            continue
        if require_dyad and "---" in (source, target):
            continue
        triple = (source, target, event.cameo)
        if triple not in triples:
            triples.append(triple)
    return triples


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
    lists, which is PETRARCH's `evaluate_validation_record`: every coded triple
    must pair off with its own expected triple, exact in source, target and
    code, and none may be left on either side; none expected and none coded
    passes. Nothing is relaxed: no partial credit for a right root or dyad, and
    a record expecting a refusal (`expected_error`) passes only when nothing is
    coded. Coded triples are compared as given: `petrarch_triples` is where
    PETRARCH's own output rules (duplicates once, `---` actors) are applied. Event and
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
