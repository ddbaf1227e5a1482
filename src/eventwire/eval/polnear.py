"""Loader for PolNeAR attribution annotations (brat standoff) and their quote units.

A PolNeAR compartment holds `text/<name>.txt` and `attributions/<name>_<annotator>.ann`.
An .ann file has text-bound lines (`T3<TAB>Content 18 70;75 90<TAB>words`) and
event lines tying them into attributions
(`E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`, with `Content2:` for a
second content span, and `Attribution-no-source:` where no source is given).
A few articles were annotated by several annotators; the first annotator (by
id) is used so that no article counts twice. A handful of attributions have
their Source and Cue labels swapped (Source "said", Cue "David Plouffe"); those
are read the right way round.

PolNeAR annotates every attribution (statements, but also beliefs, polls,
votes); a quote unit is derived from each content fragment:
- direct: the fragment is quoted words — it opens with a quotation mark (or
  one stands just before it), or its only mark closes it; and every quoted
  stretch inside another fragment (a partial quote: said it was "a disaster");
- indirect: every fragment that does not open with a quotation mark (reported
  speech, mixed or not).
A doubled apostrophe ('') is a quotation mark here as in the extractor: the
New York Times articles are typeset that way (`marks.normalize_marks`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.quotes.marks import QUOTE_MARKS, normalize_marks

Fragment = tuple[int, int]
_EDGE = " \t\n,.;:!?—–-" + QUOTE_MARKS
# A source that is only one of these words had its Source and Cue labels swapped.
_SPEECH_VERBS = {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes"}


class PolnearError(ValueError):
    """A PolNeAR file is malformed; the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class Attribution:
    content: tuple[Fragment, ...]
    source: tuple[Fragment, ...]  # () for Attribution-no-source
    cue: tuple[Fragment, ...]


@dataclass(frozen=True, slots=True)
class PolnearDocument:
    name: str
    text: str
    attributions: tuple[Attribution, ...]


@dataclass(frozen=True, slots=True)
class GoldUnit:
    """A gold quote unit: its span (edges trimmed) and its attribution's source fragments."""

    start: int
    end: int
    source: tuple[Fragment, ...]


def _fragments(field: str, where: str) -> tuple[Fragment, ...]:
    fragments: list[Fragment] = []
    for part in field.split(";"):
        pieces = part.split()
        try:
            start, end = int(pieces[-2]), int(pieces[-1])
        except (IndexError, ValueError) as exc:
            raise PolnearError(f"{where}: cannot read offsets from {field!r}") from exc
        fragments.append((start, end))
    return tuple(fragments)


def read_ann(text: str, where: str) -> tuple[Attribution, ...]:
    """The attributions of one .ann file; `where` names it in errors."""
    spans: dict[str, tuple[str, tuple[Fragment, ...], str]] = {}
    events: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if line.startswith("T"):
            if len(fields) < 2:
                raise PolnearError(f"{where}:{number}: text-bound line without a span")
            kind = fields[1].split()[0]
            words = fields[2] if len(fields) > 2 else ""
            spans[fields[0]] = (
                kind,
                _fragments(fields[1][len(kind) :], f"{where}:{number}"),
                words,
            )
        elif line.startswith("E"):
            if len(fields) < 2:
                raise PolnearError(f"{where}:{number}: event line without arguments")
            events.append((number, fields[1].split()))
    attributions: list[Attribution] = []
    for number, arguments in events:
        roles: dict[str, list[Fragment]] = {"Content": [], "Source": [], "Cue": []}
        source_words: list[str] = []
        for argument in arguments:
            role, _, ref = argument.partition(":")
            if ref not in spans:
                raise PolnearError(f"{where}:{number}: {ref!r} is not a text-bound annotation")
            base = role.rstrip("0123456789")
            if base in roles:
                roles[base].extend(spans[ref][1])
            if base == "Source":
                source_words.append(spans[ref][2].strip().lower())
        if not roles["Content"]:
            continue
        source, cue = roles["Source"], roles["Cue"]
        if source_words and all(words in _SPEECH_VERBS for words in source_words):
            source, cue = cue, source  # Source and Cue labels swapped: Source "said"
        attributions.append(Attribution(tuple(roles["Content"]), tuple(source), tuple(cue)))
    return tuple(attributions)


def load_polnear(directory: Path, limit: int | None = None) -> Iterator[PolnearDocument]:
    """The documents of a PolNeAR compartment (a folder with text/ and attributions/)."""
    texts, annotations = directory / "text", directory / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise PolnearError(f"{directory}: expected text/ and attributions/ folders (PolNeAR)")
    chosen: dict[str, Path] = {}
    for path in sorted(annotations.glob("*.ann")):
        name = path.stem.rpartition("_")[0]
        chosen.setdefault(name, path)
    if not chosen:
        raise PolnearError(f"{annotations}: no .ann files")
    for count, (name, ann) in enumerate(sorted(chosen.items())):
        if limit is not None and count >= limit:
            return
        text_path = texts / f"{name}.txt"
        if not text_path.is_file():
            raise PolnearError(f"{ann}: no text file {text_path.name} beside it")
        text = text_path.read_text(encoding="utf-8")
        yield PolnearDocument(name, text, read_ann(ann.read_text(encoding="utf-8"), str(ann)))


def trim(text: str, start: int, end: int) -> Fragment:
    """A span without the whitespace, punctuation and quotation marks at its edges."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    index = start
    while index < end and text[index].isspace():
        index += 1
    if index < end and text[index] in QUOTE_MARKS:
        return True
    before = start - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    return before >= 0 and text[before] in QUOTE_MARKS and start - before <= 2


def _quoted_stretches(text: str, start: int, end: int) -> list[Fragment]:
    marks = [index for index in range(start, end) if text[index] in QUOTE_MARKS]
    return [(marks[i] + 1, marks[i + 1]) for i in range(0, len(marks) - 1, 2)]


def quote_units(document: PolnearDocument) -> tuple[list[GoldUnit], list[GoldUnit]]:
    """The gold (direct, indirect) units of a document, as the module docstring defines them."""
    text = normalize_marks(document.text)
    direct: list[GoldUnit] = []
    indirect: list[GoldUnit] = []
    for attribution in document.attributions:
        for start, end in attribution.content:
            marks = [i for i in range(start, end) if text[i] in QUOTE_MARKS]
            closing_only = len(marks) == 1 and not text[marks[0] + 1 : end].strip(" ,.;:!?")
            if _opens_with_mark(text, start, end) or closing_only:
                units = [(start, end)]
                target = direct
            else:
                units = [(start, end)]
                target = indirect
                for inner in _quoted_stretches(text, start, end):
                    trimmed = trim(text, *inner)
                    if trimmed[1] > trimmed[0]:
                        direct.append(GoldUnit(*trimmed, attribution.source))
            for unit in units:
                trimmed = trim(text, *unit)
                if trimmed[1] > trimmed[0]:
                    target.append(GoldUnit(*trimmed, attribution.source))
    return direct, indirect
