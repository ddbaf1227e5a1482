"""The records that flow from stage to stage.

Every stage takes records of the stage before and returns its own; these are
the only shapes that cross a module boundary. `Event.to_record()` is the event
record of DESIGN.md, the contract every output format derives from.

Character offsets (`start`, `end`) are always into `Article.text`, the cleaned
body, so a trigger, a mention or a quote can be highlighted in the story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "intended", "threatened", "hypothetical", "reported"]
DatePrecision = Literal["day", "month", "year", "decade"]
QuoteKind = Literal["direct", "indirect"]
ResolvedBy = Literal["knowledge", "dictionary", "learned", "context"]


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place/agency/date line that opens a wire story: `CARACAS, Venezuela (AP) —`."""

    text: str
    place: str | None = None
    country: str | None = None  # as written ("Venezuela"); the where stage resolves it
    agency: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One story as ingested and cleaned: the unit that is coded and stored."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None
    dateline: Dateline | None = None
    input_name: str | None = None  # the file or stream it came from, for messages
    byline: str | None = None
    language: str | None = None  # ISO 639-1, when identified
    near_dup_key: str | None = None  # signature shared by near-identical copies of a story

    @property
    def content_hash(self) -> str:
        """Hash of the whitespace-normalised title and body: same story, same hash."""
        normalised = " ".join(f"{self.title or ''}\n{self.text}".split())
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int  # position in the article, 0-based; the title, when parsed, is -1
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: CAMEO code split into country and sector, plus what the story said."""

    code: str
    country: str | None
    sector: str | None
    text: str
    name: str | None = None
    # How it was coded: "knowledge" (shipped tables), "dictionary" (a user's),
    # "learned" (a person coded earlier in the story or corpus), "context".
    resolved_by: ResolvedBy | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "text": self.text,
            "name": self.name,
            "resolved_by": self.resolved_by,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a sentence that names an actor, resolved to its code."""

    sentence_index: int
    start: int
    end: int
    head: int  # token index (in the sentence's doc) of the phrase head
    actor: Actor


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        return {"type": self.type, "mode": self.mode, "context": list(self.context)}


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A temporal expression and what it resolves to against the story's anchor date."""

    text: str
    value: dt.date | None  # first day of the period; None when it cannot be resolved
    precision: DatePrecision | None
    past: bool = False  # refers to a time clearly before the story's day

    @property
    def iso(self) -> str | None:
        if self.value is None or self.precision is None:
            return None
        if self.precision == "day":
            return self.value.isoformat()
        if self.precision == "month":
            return self.value.strftime("%Y-%m")
        if self.precision == "year":
            return f"{self.value.year:04d}"
        return f"{self.value.year // 10}X"


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: Literal["city", "region", "country"]
    # clause: named in the event's clause; sentence: in its sentence's main clause;
    # dateline: the story's dateline; article: the story's place otherwise.
    source: Literal["clause", "sentence", "dateline", "article"]

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "precision": self.precision,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why an event was coded: the lexicon entry and the clause it matched."""

    entry: str  # lexicon entry id, e.g. "0312:pledge+military cooperation"
    pattern: str  # the pattern as written in the lexicon
    clause: str  # the clause as read from the parse: "source -verb-> target"


@dataclass(frozen=True, slots=True)
class Quote:
    quote_id: str
    article_id: str
    sentence_id: int
    text: str
    start: int
    end: int
    cue: str | None
    speaker: Actor | None
    kind: QuoteKind
    # The words near the cue that name the speaker ("he", "a statement from the U.S.
    # State Department"), where `speaker` is the actor they resolve to.
    speaker_span: Span | None = None

    def to_record(self) -> dict[str, Any]:
        """The quote as `eventwire code --emit quotes` prints it."""
        span = self.speaker_span
        return {
            "quote_id": self.quote_id,
            "article_id": self.article_id,
            "sentence_id": self.sentence_id,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "cue": self.cue,
            "speaker": self.speaker.to_record() if self.speaker else None,
            "speaker_text": span.text if span else None,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event. `to_record()` is the DESIGN.md event record."""

    article_id: str
    sentence_id: int
    sentence: str
    trigger: Span
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_label: str
    plover: Plover
    quad_class: int
    goldstein: float
    negated: bool = False
    modality: Modality = "asserted"
    background: bool = False
    date: str | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    location: Place | None = None
    confidence: float = 0.5
    quote_id: str | None = None
    coder: str = ""
    evidence: Evidence | None = None
    time_refs: tuple[TimeRef, ...] = field(default=(), compare=False)

    @property
    def event_id(self) -> str:
        """Stable across runs: same article, sentence, trigger, dyad and code, same id."""
        key = "|".join(
            [
                self.article_id,
                str(self.sentence_id),
                str(self.trigger.start),
                self.source.code if self.source else "",
                self.target.code if self.target else "",
                self.cameo,
            ]
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_record(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence_id": self.sentence_id,
            "sentence": self.sentence,
            "trigger": {
                "text": self.trigger.text,
                "start": self.trigger.start,
                "end": self.trigger.end,
            },
            "source": self.source.to_record() if self.source else None,
            "target": self.target.to_record() if self.target else None,
            "cameo": self.cameo,
            "cameo_label": self.cameo_label,
            "plover": self.plover.to_record(),
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "negated": self.negated,
            "modality": self.modality,
            "background": self.background,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location.to_record() if self.location else None,
            "confidence": round(self.confidence, 3),
            "quote_id": self.quote_id,
            "coder": self.coder,
            "evidence": (
                {
                    "entry": self.evidence.entry,
                    "pattern": self.evidence.pattern,
                    "clause": self.evidence.clause,
                }
                if self.evidence
                else None
            ),
        }


@dataclass(frozen=True, slots=True)
class LearnedActor:
    """A person's code as one story gave it ("Venezuelan Petroleum Minister Tareck El
    Aissami" -> VENGOV), kept for later stories that name the person alone."""

    name: str  # full name as the story wrote it ("Tareck El Aissami")
    code: str
    country: str | None
    sector: str | None
    article_id: str  # the story that taught it
    date: dt.date | None  # that story's date; None when it had none


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """What the pipeline returns for one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...] = ()
    coder: str = ""  # the coder version that produced it; recoding with another replaces it
    # What the story taught the actor memory; stored with the article, in its
    # transaction, so a killed run never keeps an article without its lessons.
    learned: tuple[LearnedActor, ...] = ()


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A bad input: named, with the reason, so the run can report it and go on."""

    input_name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.input_name}: {self.reason}"
