"""When: dates for events from the story's own words, resolved against its anchor date.

dateparser is not used for these: it resolves "Wednesday" in a Wednesday story
to the week before and "April" in a December story to next year, and news
means the opposite. News-relative expressions follow the rules below; a
fully written date ("March 4, 2022") is parsed directly.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.model import Event, TimeRef
from eventwire.nlp import ParsedArticle

_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_UNITS = ("week", "month", "year")
# Words that say a sentence recalls the past rather than reports the story's news.
_BACKGROUND_CUES = re.compile(
    r"\b(previously|formerly|in the past|years ago|once again|had been"
    r"|earlier this (year|decade))\b",
    re.IGNORECASE,
)
# Background when the expression's period ends this many days or more before the anchor.
_BACKGROUND_DAYS = 7


def _month_start(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def resolve_expression(text: str, anchor: dt.date | None, future: bool = False) -> TimeRef:
    """Resolve one temporal expression against the anchor (the story's date).

    A weekday in a story published that weekday is that day, otherwise the most
    recent past one (the next one when `future`); a bare month is the most recent
    past one. Without an anchor a relative expression stays unresolved.
    """
    words = re.findall(r"[a-z]+|\d+", text.lower())
    if not words:
        return TimeRef(text, None, None)
    numbers = [int(w) for w in words if w.isdigit()]
    years = [n for n in numbers if 1900 <= n <= 2100]
    months = [_MONTHS[w] for w in words if (w in _MONTHS and w != "may") or (w == "may" and years)]
    days = [n for n in numbers if 1 <= n <= 31]
    # Fully written dates: "March 4, 2022", "4 March 2022", "2022".
    if years and months and days:
        try:
            return TimeRef(text, dt.date(years[0], months[0], days[0]), "day")
        except ValueError:
            pass
    if years and months:
        return TimeRef(text, _month_start(years[0], months[0]), "month")
    if years and not any(w in _UNITS for w in words):
        if re.search(r"\b\d{4}s\b", text):
            return TimeRef(text, dt.date(years[0] // 10 * 10, 1, 1), "decade")
        return TimeRef(text, dt.date(years[0], 1, 1), "year")
    if anchor is None:
        return TimeRef(text, None, None)
    if "today" in words or "tonight" in words:
        return TimeRef(text, anchor, "day")
    if "yesterday" in words:
        return TimeRef(text, anchor - dt.timedelta(days=1), "day")
    if "tomorrow" in words:
        return TimeRef(text, anchor + dt.timedelta(days=1), "day")
    for word in words:
        if word in _WEEKDAYS:
            delta = (anchor.weekday() - _WEEKDAYS[word]) % 7
            if "next" in words or (future and delta):
                day = anchor + dt.timedelta(days=(7 - delta) % 7 or 7)
            elif "last" in words and delta == 0:
                day = anchor - dt.timedelta(days=7)
            else:
                day = anchor - dt.timedelta(days=delta)
            return TimeRef(text, day, "day")
    for unit in _UNITS:
        if unit not in words:
            continue
        step = -1 if "last" in words or "ago" in words else 1 if "next" in words else 0
        if step == 0 and not ({"this", "earlier", "later"} & set(words)):
            break  # "a month after", "for three years": not a date
        if unit == "week":
            monday = anchor - dt.timedelta(days=anchor.weekday())
            return TimeRef(text, monday + dt.timedelta(weeks=step), "day")
        if unit == "month":
            return TimeRef(text, _shift_month(anchor, step), "month")
        return TimeRef(text, dt.date(anchor.year + step, 1, 1), "year")
    if months and not years:
        month = months[0]
        year = anchor.year
        if future and month < anchor.month:
            year += 1
        elif not future and month > anchor.month:
            year -= 1
        if days:
            try:
                return TimeRef(text, dt.date(year, month, days[0]), "day")
            except ValueError:
                pass
        return TimeRef(text, _month_start(year, month), "month")
    return TimeRef(text, None, None)


def _is_future(verb: Token | None) -> bool:
    if verb is None:
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in verb.children) or (
        verb.tag_ in ("VB", "VBP", "VBZ") and verb.dep_ == "xcomp"
    )


def _period_end(ref: TimeRef) -> dt.date | None:
    if ref.value is None or ref.precision is None:
        return None
    if ref.precision == "day":
        return ref.value
    if ref.precision == "month":
        return _shift_month(ref.value, 1) - dt.timedelta(days=1)
    if ref.precision == "year":
        return dt.date(ref.value.year, 12, 31)
    return dt.date(ref.value.year + 9, 12, 31)


def _governing_verb(ent: SpacySpan) -> Token:
    head = ent.root
    # A verb used as a preposition or modifier ("following talks", "the
    # planned visit") is not a clause of its own; walk past it.
    while head.i != head.head.i and (
        head.pos_ not in ("VERB", "AUX") or head.dep_ in ("prep", "amod", "pcomp")
    ):
        head = head.head
    return head


def _clause_expression(sent: SpacySpan, trigger: Token | None) -> SpacySpan | None:
    """The DATE entity attached to the trigger's clause, else one attached to a clause
    that governs it ("said on Monday that ..."); one attached to another clause of the
    sentence ("the aid it provided in 2019") does not date this event."""
    dates = [ent for ent in sent.ents if ent.label_ in ("DATE", "TIME")]
    if not dates:
        return None
    if trigger is None:
        return dates[0]
    governing = [(ent, _governing_verb(ent)) for ent in dates]
    for ent, verb in governing:
        if verb.i == trigger.i:
            return ent
    ancestors = {token.i for token in trigger.ancestors}
    for ent, verb in governing:
        if verb.i in ancestors:
            return ent
    return None


def date_events(
    events: Sequence[Event], parsed: ParsedArticle, anchor: dt.date | None
) -> list[Event]:
    """Give each event its date, precision, date text and background flag."""
    doc = parsed.doc
    sents = list(doc.sents)
    dated = []
    for event in events:
        sent = sents[event.sentence_id]
        char_span = doc.char_span(event.trigger.start, event.trigger.end)
        trigger = char_span.root if char_span is not None else None
        expression = _clause_expression(sent, trigger)
        cue = bool(_BACKGROUND_CUES.search(sent.text))
        if expression is None:
            if cue or anchor is None:
                dated.append(replace(event, background=cue, date=None, date_precision=None))
            else:
                dated.append(
                    replace(event, date=anchor.isoformat(), date_precision="day", date_text=None)
                )
            continue
        ref = resolve_expression(expression.text, anchor, future=_is_future(trigger))
        end = _period_end(ref)
        background = cue or (
            anchor is not None and end is not None and (anchor - end).days >= _BACKGROUND_DAYS
        )
        dated.append(
            replace(
                event,
                date=ref.iso,
                date_precision=ref.precision,
                date_text=expression.text,
                background=background,
                time_refs=(ref,),
            )
        )
    return dated
