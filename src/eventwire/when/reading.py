"""Reading a temporal expression's words: the record the normalisation rules share
(`Expression`), the TIMEX3 value types, and the small readers of numbers, units,
clock times and durations."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from eventwire.model import DatePrecision, TimeRef
from eventwire.when.vocabulary import (
    DEADLINE_CUES,
    NUMBER_WORDS,
    TIME_UNITS,
    UNITS,
    VAGUE_COUNTS,
)

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "present", "future"]

# With no tense to go by, a bare month this close ahead is upcoming ("in May" in March).
NEAR_MONTHS = 2
# A month and day told in the past tense is the past one when it is this many months back.
PAST_MONTHS = 8
_TOKEN = re.compile(
    r"\d{1,2}:\d{2}|\d+/\d+|'\d0s|\d+(?:st|nd|rd|th|s)?|[a-z]+(?:'s)?(?:\.(?=\s|$|,))?"
)


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalised temporal expression.

    `value` is the TIMEX3 value, None when it needs an anchor the story lacks or
    names no time; `ref` is the calendar period it names (value None for
    durations, sets and vague references); `deadline` marks a bound ("no later
    than 2024", "by March"), not the date of an event.
    """

    text: str
    type: TimexType
    value: str | None
    ref: TimeRef
    deadline: bool = False


@dataclass(slots=True)
class Expression:
    """The words of one expression and what has been read from them."""

    text: str
    anchor: dt.date | None
    tense: Tense | None
    words: list[str]
    quarterly: bool = False  # the story reports on a quarter (earnings): see `normalise`
    bag: set[str] = field(default_factory=set)
    numbers: list[int] = field(default_factory=list)
    counts: list[float] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    deadline: bool = False

    @property
    def joined(self) -> str:
        return " ".join(self.words)

    def date(self, value: str, day: dt.date, precision: DatePrecision) -> Timex:
        past = self.anchor is not None and day < self.anchor
        ref = TimeRef(self.text, day, precision, past=past)
        return Timex(self.text, "DATE", value, ref, self.deadline)

    def time(self, day: dt.date, suffix: str) -> Timex:
        past = self.anchor is not None and day < self.anchor
        ref = TimeRef(self.text, day, "day", past=past)
        return Timex(self.text, "TIME", f"{day.isoformat()}T{suffix}", ref, self.deadline)

    def other(self, kind: TimexType, value: str | None) -> Timex:
        return Timex(self.text, kind, value, TimeRef(self.text, None, None), self.deadline)


def _words(text: str) -> list[str]:
    lowered = text.lower().replace("\u2019", "'").replace("-", " ")
    words = [w.rstrip(".") for w in _TOKEN.findall(lowered)]
    # "Friday's meeting", "year's end": the possessive names the same time.
    words = [
        w[:-2] if w.endswith("'s") and w[:-2] not in ("today", "year", "let") else w for w in words
    ]
    words = ["year" if w == "year's" and "end" in words else w for w in words]
    # "a.m." and "p.m." come out as "a", "m"; keep them one word.
    merged: list[str] = []
    for word in words:
        if word == "m" and merged and merged[-1] in ("a", "p"):
            merged[-1] += ".m"
        else:
            merged.append(word)
    return merged


def _count(word: str) -> float | None:
    if word.isdigit():
        return int(word)
    fraction = re.fullmatch(r"(\d+)/(\d+)", word)
    if fraction and int(fraction.group(2)):
        return int(fraction.group(1)) / int(fraction.group(2))
    return NUMBER_WORDS.get(word)


def unit_of(word: str) -> str | None:
    if word in UNITS:
        return word
    if word.endswith("s") and word[:-1] in UNITS:
        return word[:-1]
    return "century" if word == "centuries" else None


def read_expression(
    text: str, anchor: dt.date | None, tense: Tense | None, quarterly: bool
) -> Expression:
    expression = Expression(text, anchor, tense, _words(text), quarterly)
    words = expression.words
    expression.bag = set(words)
    expression.numbers = [int(w) for w in words if w.isdigit()]
    counts: list[float] = []
    for index, word in enumerate(words):
        value = _count(word)
        following = words[index + 1] if index + 1 < len(words) else ""
        if value is None or (
            word in ("a", "an") and (following in NUMBER_WORDS or following in VAGUE_COUNTS)
        ):
            continue  # "a half", "a couple", "a hundred", "a few": the next word counts
        if value < 1 and counts and word not in ("half",) and "/" in word:
            counts[-1] += value  # "5 1/2 hours"
        elif word == "half" and counts and index and words[index - 1] in ("and", "a"):
            counts[-1] += 0.5  # "a minute and a half"
        elif word.isdigit() and int(word) >= 1000:
            continue
        elif (
            index + 1 < len(words)
            and words[index + 1] in NUMBER_WORDS
            and word not in ("a", "an")
            and words[index + 1] not in ("a", "an", "half", "dozen")
        ):
            counts.append(value + (_count(words[index + 1]) or 0))  # "twenty four"
        elif (
            index
            and counts
            and words[index - 1] in NUMBER_WORDS
            and words[index - 1] not in ("a", "an")
        ):
            continue
        else:
            counts.append(value)
    expression.counts = counts
    expression.units = [u for u in (unit_of(w) for w in words) if u is not None]
    joined = f" {expression.joined} "
    expression.deadline = any(f" {cue} " in joined for cue in DEADLINE_CUES)
    return expression


def shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def duration_value(count: float | None, unit: str) -> str:
    """A TIMEX3 duration: P3Y, PT5H30M, P20Y for two decades, PXY when uncounted."""
    if unit in ("decade", "century") and count is not None:
        count, unit = count * (10 if unit == "decade" else 100), "year"
    if unit == "fortnight":
        count, unit = (count or 1) * 2, "week"
    if unit == "quarter" and count is not None:
        count, unit = count * 3, "month"
    code, prefix = UNITS[unit], "PT" if unit in TIME_UNITS else "P"
    if count is None:
        return f"{prefix}X{code}"
    whole = int(count)
    if count != whole:
        smaller = {"year": ("M", 12), "hour": ("M", 60), "minute": ("S", 60), "day": ("H", 24)}
        if unit in smaller:
            small_code, factor = smaller[unit]
            rest = round((count - whole) * factor)
            head = f"{whole}{code}" if whole else ""
            if unit == "day":
                return f"P{head}T{rest}H"
            return f"{prefix}{head}{rest}{small_code}"
        return f"{prefix}{count:g}{code}"
    return f"{prefix}{whole}{code}"


def clock_value(words: list[str]) -> str | None:
    for index, word in enumerate(words):
        match = re.fullmatch(r"(\d{1,2}):(\d{2})", word)
        meridiem = words[index + 1] if index + 1 < len(words) else ""
        if match:
            hour, minute = int(match.group(1)), int(match.group(2))
        elif word.isdigit() and meridiem in ("a.m", "p.m", "am", "pm", "o'clock"):
            hour, minute = int(word), 0
        else:
            continue
        if meridiem in ("p.m", "pm") and hour < 12:
            hour += 12
        if meridiem in ("a.m", "am") and hour == 12:
            hour = 0
        if hour <= 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    for word in words:
        if word in ("noon", "midday"):
            return "12:00"
        if word == "midnight":
            return "24:00"
    return None


def day_number(word: str) -> int | None:
    match = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", word)
    if match and 1 <= int(match.group(1)) <= 31:
        return int(match.group(1))
    return None


def last_quarter(anchor: dt.date, back: int = 1) -> tuple[int, int]:
    index = anchor.year * 4 + (anchor.month - 1) // 3 - back
    return index // 4, index % 4 + 1
