"""Finding temporal expressions in a parsed story, and the tense of the clause each dates.

The tagger starts from spaCy's DATE and TIME entities, trims them to TimeML's
extent (no leading preposition, no trailing punctuation), adds the one-word
references spaCy leaves out ("now", "recently", "currently") and drops entities
that name no time (ages such as "55-year-old" are kept as durations, as TimeML
annotates them; bare numbers are dropped).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.when.normalise import Tense, Timex, normalise
from eventwire.when.vocabulary import MONTHS, WEEKDAYS

_LEADING = {"in", "on", "at", "by", "since", "until", "till", "for", "during", "from", "of",
            "about", "around", "approximately", "nearly", "almost", "roughly", "some",
            "over", "within", "after", "before", "through", "throughout", "as", "to",
            "between", "than", "more", "less", "least", "only", "just"}  # fmt: skip
# One-word references TimeML annotates (and news means as time) more often than not;
# "previously", "already", "soon" mostly mark aspect, not a time.
_SINGLE_WORDS = {"now", "currently", "recently", "today", "tonight", "yesterday", "tomorrow",
                 "nowadays", "lately", "daily", "weekly", "monthly", "hourly"}  # fmt: skip
_TEMPORAL_WORD = re.compile(
    r"\b(\d{4}s?|'\d0s|(year|month|week|day|hour|minute|second|decade|quarter|night)s?|century"
    r"|centuries|season|spring|summer|autumn|fall|winter|morning|afternoon|evening|night"
    r"|tonight|today|yesterday|tomorrow|now|weekend|noon|midnight|a\.m\.|p\.m\.|"
    r"\d{1,2}:\d{2}|christmas|easter|thanksgiving|halloween|fortnight|"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + "|"
    + "|".join(sorted(WEEKDAYS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
# Expressions spaCy's entity recogniser tends to miss, found by pattern.
# Every expression starts a word: the leading "\b(?=\w)" lets the engine pass over the
# inside of words at once rather than try each alternative there (twice as fast).
_PATTERNS = re.compile(
    r"\b(?=\w)(?:"
    r"\b(?:nineteen|twenty)[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b"
    r"|\b(?:the )?(?:nineteen )?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties"
    r"|nineties)\b"
    r"|\b(?:last |next )?(?:new year's (?:day|eve)|christmas(?: eve| day)?|thanksgiving(?: day)?"
    r"|easter(?: sunday| monday)?|good friday|labor day|memorial day|independence day"
    r"|veterans day|halloween|election day)\b"
    r"|\bevery (?:single )?(?:day|week|month|year|morning|evening|night|weekend|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b\d{1,2}(?::\d{2})? ?[ap]\.m\.?(?= |$|,)"
    r"|\bthe (?:latest|year-earlier|year-ago|comparable|corresponding) (?:period|quarter)\b"
    r"|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)"
    r" (?:day|week|month|year)s?(?= (?:after|before|later|earlier)\b)"
    r")",
    re.IGNORECASE,
)
# Words inside one entity that separate two expressions.
_SPLITTERS = {"ended", "ending", "through", "until", "till", "thru"}
_QUARTER = re.compile(r"\bquarter", re.IGNORECASE)
_FUTURE_HEADS = {"expect", "plan", "schedule", "set", "due", "hope", "intend", "aim", "want",
                 "propose", "seek", "agree", "prepare", "vow", "pledge", "promise", "threaten",
                 "likely"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class FoundExpression:
    """A temporal expression found in a story, with its value and the verb it dates."""

    start: int  # character offsets into the story's text
    end: int
    text: str
    timex: Timex
    verb: int | None  # token index of the governing verb, None when none


def governing_verb(span: SpacySpan) -> Token:
    """The verb whose clause an expression dates: up from its root past prepositions
    and verbs used as modifiers ("following talks", "the planned visit")."""
    head = span.root
    while head.i != head.head.i and (
        head.pos_ not in ("VERB", "AUX") or head.dep_ in ("prep", "amod", "pcomp")
    ):
        head = head.head
    return head


def clause_tense(verb: Token | None) -> Tense | None:
    """The tense of a clause, read from its verb and auxiliaries: future for "will",
    "is to", "is expected to", and plans ("plans to meet"); past for past forms."""
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & {"will", "'ll", "shall", "wo"}:
        return "future"
    if (
        "to" in words
        and verb.dep_ == "xcomp"
        and (
            verb.head.lemma_ in _FUTURE_HEADS
            or verb.head.lemma_ == "be"
            or verb.head.lemma_ == "go"
        )
    ):
        return "future"
    if any(child.tag_ == "VBD" for child in auxiliaries) or verb.tag_ == "VBD":
        return "past"
    if words & {"has", "have", "'ve", "had"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am"}:
        return "present"
    if verb.tag_ == "VBG" and words & {"was", "were"}:
        return "past"
    if verb.tag_ == "VB" and words & {"would", "could", "might", "may", "should"}:
        return "future" if "would" not in words else None
    return None


def span_tense(span: SpacySpan) -> Tense | None:
    """The tense of the clause an expression sits in."""
    return clause_tense(governing_verb(span))


def reports_quarter(span: SpacySpan, text: str | None = None) -> bool:
    """Whether the expression's sentence or the one before speaks of a quarter (an
    earnings story), where "a year earlier" means that quarter a year before. `text`
    is the doc's text when the caller has it (`Span.text` joins every token)."""
    sent = span.sent
    start = sent.start
    if start > 0:
        start = span.doc[start - 1].sent.start
    sentences = span.doc[start : sent.end]
    # a span's text is the doc's text between its first and last character
    words = sentences.text if text is None else text[sentences.start_char : sentences.end_char]
    return bool(_QUARTER.search(words))


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _LEADING or doc[start].is_punct):
        start += 1
    while end > start and (
        (doc[end - 1].is_punct and doc[end - 1].text not in (".",))
        or doc[end - 1].lower_ in ("'s",)
    ):
        end -= 1
    while (
        end > start
        and doc[end - 1].text == "."
        and not re.search(r"[ap]\.m$|\.[A-Za-z]$", doc[end - 2].text if end - 2 >= start else "")
    ):
        end -= 1
    return start, end


def _entity_pieces(doc: Doc) -> list[tuple[int, int]]:
    """spaCy's DATE/TIME entities as TimeML cuts them: adjacent ones joined ("Tuesday"
    + "morning", "noon" + "Thursday"), and one split where it names two times ("the year
    ended March 31", "today through Nov. 17")."""
    pieces: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start = ent.start
        for token in ent:
            if token.lower_ in _SPLITTERS and token.i > start:
                pieces.append((start, token.i))
                start = token.i + 1
        if start < ent.end:
            if (pieces and pieces[-1][1] == start and pieces[-1][0] < ent.start) or (
                pieces and pieces[-1][1] == start
            ):
                pieces[-1] = (pieces[-1][0], ent.end)
            else:
                pieces.append((start, ent.end))
    return pieces


def find_expressions(
    doc: Doc, anchor: dt.date | None, text: str | None = None
) -> list[FoundExpression]:
    """The temporal expressions of a parsed story, normalised against its anchor.

    `text` is the doc's text when the caller has it (`Doc.text` joins every token)."""
    story_text = doc.text if text is None else text
    spans: list[tuple[int, int]] = []
    taken: set[int] = set()
    for start, end in _entity_pieces(doc):
        start, end = _trim(doc, start, end)
        piece = doc[start:end].text
        if start >= end or not _TEMPORAL_WORD.search(piece) or re.search(r"\bold\b", piece):
            continue  # "55-year-old" is an age, not a time
        spans.append((start, end))
        taken.update(range(start, end))
    for match in _PATTERNS.finditer(story_text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and not taken & set(range(span.start, span.end)):
            spans.append((span.start, span.end))
            taken.update(range(span.start, span.end))
    # Only the words that can be one are looked at: a Token object for every word of
    # the story costs more than the rest of this function.
    strings = doc.vocab.strings
    words = [strings[word] for word in (*_SINGLE_WORDS, "past", "future")]
    for index in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), words)).tolist():
        if index in taken:
            continue
        token = doc[index]
        if token.lower_ in _SINGLE_WORDS or (
            token.lower_ in ("past", "future")
            and token.i
            and doc[token.i - 1].lower_ == "the"
            and token.head.pos_ != "NOUN"
            and token.dep_ == "pobj"
        ):
            if token.lower_ in ("past", "future"):
                spans.append((token.i - 1, token.i + 1))
            else:
                spans.append((token.i, token.i + 1))
    found = []
    for start, end in sorted(spans):
        span = doc[start:end]
        verb = governing_verb(span)
        tense = clause_tense(verb)
        timex = normalise(
            span.text, anchor, tense=tense, quarterly=reports_quarter(span, story_text)
        )
        found.append(
            FoundExpression(
                span.start_char,
                span.end_char,
                span.text,
                timex,
                verb.i if verb.pos_ in ("VERB", "AUX") else None,
            )
        )
    return found
