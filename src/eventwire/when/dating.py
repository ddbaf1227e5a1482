"""Event dates: the expression attached to the event's clause, else the sentence's,
else the story's anchor; events recalled from the past take their own date or none,
never the story's day."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.model import DatePrecision, Event, TimeRef
from eventwire.nlp import ParsedArticle
from eventwire.when.expressions import FoundExpression, find_expressions
from eventwire.when.vocabulary import (
    CONTINUATION_ADVERBS,
    DEADLINE_CUES,
    REFERRING_DETERMINERS,
    STATEMENT_NOUNS,
)

# Words that say a sentence recalls the past rather than reports the story's news.
BACKGROUND_CUES = re.compile(
    r"\b(previously|formerly|in the past|years ago|once again|had been"
    r"|earlier this (year|decade))\b",
    re.IGNORECASE,
)
# Background when the event's period ends this many days or more before the anchor.
BACKGROUND_DAYS = 7
_DURATION = re.compile(r"^P(\d+)(D|W|M|Y)$")


@dataclass(frozen=True, slots=True)
class _Offset:
    """ "about a month after <clause>": the clause's events lie `amount` units before
    (`sign` -1) or after (+1) the date of the clause this phrase hangs from."""

    link: Token  # the "after"/"before" word
    sign: int
    amount: int
    unit: str
    text: str


def _shift(day: dt.date, sign: int, amount: int, unit: str) -> tuple[dt.date, DatePrecision]:
    if unit == "D":
        return day + dt.timedelta(days=sign * amount), "day"
    if unit == "W":
        return day + dt.timedelta(weeks=sign * amount), "day"
    if unit == "M":
        index = day.year * 12 + day.month - 1 + sign * amount
        return dt.date(index // 12, index % 12 + 1, 1), "month"
    return dt.date(day.year + sign * amount, 1, 1), "year"


def _period_end(ref: TimeRef) -> dt.date | None:
    if ref.value is None or ref.precision is None:
        return None
    value = ref.value
    if ref.precision == "day":
        return value
    if ref.precision == "month":
        following = dt.date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if ref.precision == "year":
        return dt.date(value.year, 12, 31)
    return dt.date(value.year + 9, 12, 31)


def _offsets(sent: SpacySpan, found: Sequence[FoundExpression]) -> list[_Offset]:
    """Durations followed by "after"/"before" in a sentence: "a day after", "weeks before"."""
    offsets = []
    doc = sent.doc
    for expression in found:
        if not sent.start_char <= expression.start < sent.end_char:
            continue
        match = _DURATION.match(expression.timex.value or "")
        if expression.timex.type != "DURATION" or match is None:
            continue
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        if span is None or span.end >= sent.end:
            continue
        link = doc[span.end]
        if link.lower_ in ("after", "later", "before", "earlier"):
            sign = -1 if link.lower_ in ("after", "later") else 1
            offsets.append(
                _Offset(link, sign, int(match.group(1)), match.group(2), expression.text)
            )
    return offsets


def _clause_of(verb: Token, link: Token) -> bool:
    """Whether a verb is the clause the link ("after") introduces."""
    return link in verb.children or any(token.i == verb.i for token in link.subtree)


def _attached(
    found: Sequence[FoundExpression], trigger: Token, sent: SpacySpan
) -> FoundExpression | None:
    """The expression attached to the trigger's clause, else to a clause that governs it
    ("said on Monday that ..."); one attached to another clause of the sentence ("the
    aid it provided in 2019") does not date this event."""
    in_sentence = [f for f in found if sent.start_char <= f.start < sent.end_char]
    for expression in in_sentence:
        if expression.verb == trigger.i:
            return expression
    ancestors = [token.i for token in trigger.ancestors]
    for index in ancestors:
        for expression in in_sentence:
            if expression.verb == index:
                return expression
    return None


def _dates(timex_value: str | None, kind: str) -> bool:
    """Whether an expression names when something happened (not a span, a frequency,
    or a vague reference)."""
    return kind in ("DATE", "TIME") and timex_value is not None and "REF" not in timex_value


def date_events(
    events: Sequence[Event], parsed: ParsedArticle, anchor: dt.date | None
) -> list[Event]:
    """Give each event its date, precision, date text and background flag.

    The date is that of the expression attached to the event's clause, else of one
    attached to a clause governing it, else the anchor (the story's date). A clause
    introduced by "a month after" is dated that far before the clause it hangs from
    ("The remarks came about a month after the two spoke": the call, a month before).
    Deadlines ("no later than 2024"), durations and sets date nothing. An event
    recalled from the past (flagged so by the events stage, a cue such as
    "previously", or a date a week or more before the anchor) is background: it
    keeps its own date, or none, never the story's day. Without an anchor a
    relative expression leaves the date null and keeps its text.

    A past-tense clause with no date of its own is not taken to be the story's
    day when it goes on from what came before: "It also donated jets" after
    a sentence of recalled events shares that sentence's time (background, and its
    date when all its events share one, else none); "dismissed the comments" from
    someone whose statement the story told before shares that statement's time.
    """
    doc = parsed.doc
    sents = list(doc.sents)
    expressions = find_expressions(doc, anchor, parsed.article.text)  # the doc's text
    text = parsed.article.text
    found = [f for f in expressions if not f.timex.deadline and not _bounded(text, f.start)]
    dated: list[Event] = []
    order = sorted(range(len(events)), key=lambda index: events[index].sentence_id)
    for event in (events[index] for index in order):
        if event.sentence_id < 0 or event.sentence_id >= len(sents):
            dated.append(event)
            continue
        sent = sents[event.sentence_id]
        char_span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        trigger = char_span.root if char_span is not None else sent.root
        # Background already (the events stage read it from the clause), or by the
        # sentence's own words, less what the trigger reports: in "X said the drivers
        # had been arrested" the arrest is background, the saying is not.
        words = _own_words(parsed.article.text, sent, trigger)
        cue = event.background or bool(BACKGROUND_CUES.search(words))
        result = _date_event(event, trigger, sent, found, anchor, cue)
        if anchor is not None and result.date == anchor.isoformat() and result.date_text is None:
            # Dated by the story's day for want of its own date: what it goes on from
            # may say better.
            result = (
                _continued(result, trigger, dated) or _reaction(result, trigger, dated) or result
            )
        dated.append(result)
    # In the order given (the loop went in story order, so each event sees those before).
    placed = dict(zip(order, dated, strict=True))
    return [placed[index] for index in range(len(events))]


# A bound just before an expression ("pledged to double trade by the end of the
# decade"): the expression is a deadline for the act, not its date. The same cues
# inside an expression are read by when/reading.py.
_BOUND_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(cue) for cue in DEADLINE_CUES) + r")\s+$", re.IGNORECASE
)


def _bounded(text: str, start: int) -> bool:
    return _BOUND_BEFORE.search(text, max(0, start - 20), start) is not None


# Clauses hanging on a verb that tell of other happenings: what the verb reports
# ("said the drivers had been arrested"), its participles and adverbial clauses
# ("rejected the remarks, denying troops had been sent"), clauses on its nouns and
# verbs coordinated with it. Their words say when those happened, not the verb.
_OTHER_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "advcl", "relcl", "acl"})


def _own_words(text: str, sent: SpacySpan, trigger: Token) -> str:
    """The sentence's text (sliced from the story's: `Span.text` joins its tokens)
    with the other clauses of a verb trigger blanked out."""
    words = text[sent.start_char : sent.end_char]
    if trigger.pos_ not in ("VERB", "AUX"):
        return words
    clauses = [
        token
        for token in trigger.subtree
        if token is not trigger
        and (
            token.dep_ in _OTHER_CLAUSE_DEPS
            or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"))
        )
    ]
    for clause in clauses:
        start = clause.left_edge.idx - sent.start_char
        end = clause.right_edge.idx + len(clause.right_edge) - sent.start_char
        words = words[:start] + " " * (end - start) + words[end:]
    return words


def _past(trigger: Token) -> bool:
    return trigger.tag_ == "VBD" or (
        trigger.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ == "had" for c in trigger.children)
    )


def _continued(event: Event, trigger: Token, dated: Sequence[Event]) -> Event | None:
    """ "Chile previously trained Peru's pilots. It also donated jets": a past clause
    that goes on ("also") from the sentence before shares its time: background when
    all that sentence's events are, its date when they share one, else none."""
    while trigger.dep_ == "xcomp" and trigger.tag_ in ("VB", "VBG") and trigger.head != trigger:
        trigger = trigger.head  # "also discussed reopening the border": the discussing's time
    if not _past(trigger) or not any(
        c.dep_ == "advmod" and c.lower_ in CONTINUATION_ADVERBS for c in trigger.children
    ):
        return None
    before = [e for e in dated if e.sentence_id == event.sentence_id - 1]
    if not before:
        return None
    background = all(e.background for e in before)
    dates = {(e.date, e.date_precision, e.date_text) for e in before}
    if len(dates) == 1:
        date, precision, text = dates.pop()
        return replace(event, date=date, date_precision=precision, date_text=text,
                       background=background)  # fmt: skip
    if background:
        return replace(event, date=None, date_precision=None, date_text=None, background=True)
    return None


# CAMEO families of what is said (statement, appeal, intent, demand, disapproval,
# rejection, threat): what "the comments", "the threats" may refer to.
_VERBAL_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})


def _reaction(event: Event, trigger: Token, dated: Sequence[Event]) -> Event | None:
    """ "Chile rejected the remarks from Peru's minister": a past reaction to a statement
    the story told before (by the reaction's target) shares that statement's time;
    with no such statement the event keeps the story's day."""
    if not _past(trigger) or event.target is None:
        return None
    referring = any(
        obj.lemma_.lower() in STATEMENT_NOUNS
        and any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in REFERRING_DETERMINERS)
            for c in obj.children
        )
        for obj in trigger.children
        if obj.dep_ == "dobj"
    )
    if not referring:
        return None
    said = [
        e
        for e in dated
        if e.sentence_id < event.sentence_id
        and e.source is not None
        and e.source.code == event.target.code
        and e.cameo[:2] in _VERBAL_ROOTS
    ]
    if not said:
        return None
    statement = said[-1]
    return replace(
        event,
        date=statement.date,
        date_precision=statement.date_precision,
        date_text=statement.date_text,
        background=statement.background,
        time_refs=statement.time_refs,
    )


def _date_event(
    event: Event,
    trigger: Token,
    sent: SpacySpan,
    found: Sequence[FoundExpression],
    anchor: dt.date | None,
    cue: bool,
) -> Event:
    for offset in _offsets(sent, found):
        if not _clause_of(trigger, offset.link):
            continue
        governing = next((t for t in trigger.ancestors if not _clause_of(t, offset.link)), None)
        base = _attached(found, governing, sent) if governing is not None else None
        reference = (
            base.timex.ref.value
            if base is not None and _dates(base.timex.value, base.timex.type)
            else anchor
        )
        if reference is None:
            return replace(event, date=None, date_precision=None, date_text=offset.text,
                           background=True)  # fmt: skip
        day, precision = _shift(reference, offset.sign, offset.amount, offset.unit)
        text = f"{offset.text} {offset.link.text}"
        ref = TimeRef(text, day, precision, past=anchor is not None and day < anchor)
        return _with_ref(event, ref, text, anchor, cue)
    expression = _attached(found, trigger, sent)
    if expression is None or expression.timex.type in ("DURATION", "SET"):
        if cue or anchor is None:
            return replace(event, background=cue, date=None, date_precision=None, date_text=None)
        return replace(event, date=anchor.isoformat(), date_precision="day", date_text=None)
    timex = expression.timex
    if timex.value == "PRESENT_REF" and anchor is not None:
        ref = TimeRef(expression.text, anchor, "day")
        return _with_ref(event, ref, expression.text, anchor, cue)
    if timex.value is None or "REF" in timex.value:
        # "recently", "in the past": recalled, undated; no anchor: unresolved, text kept.
        background = cue or timex.value == "PAST_REF"
        return replace(event, date=None, date_precision=None, date_text=expression.text,
                       background=background, time_refs=(timex.ref,))  # fmt: skip
    return _with_ref(event, timex.ref, expression.text, anchor, cue)


def _with_ref(event: Event, ref: TimeRef, text: str, anchor: dt.date | None, cue: bool) -> Event:
    end = _period_end(ref)
    background = cue or (
        anchor is not None and end is not None and (anchor - end).days >= BACKGROUND_DAYS
    )
    return replace(
        event,
        date=ref.iso,
        date_precision=ref.precision,
        date_text=text,
        background=background,
        time_refs=(ref,),
    )
