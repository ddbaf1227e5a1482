"""The words of English temporal expressions: language data beside the rules that read
them (as spaCy keeps its language data beside its code), plus the holidays news
dates things by."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): n for n, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "couple": 2, "half": 0.5,
}  # fmt: skip
# Vague counts: "several years" is a duration of an unknown number of years (PXY).
VAGUE_COUNTS = {"several", "few", "many", "some", "recent", "coming", "numerous", "countless"}
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "C",
}  # fmt: skip
TIME_UNITS = {"second", "minute", "hour"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "dawn": "MO", "daybreak": "MO", "dusk": "EV",
}  # fmt: skip
PRESENT_REF_PHRASES = {
    "now", "right now", "just now", "currently", "the present", "present", "at present",
    "nowadays", "these days", "presently", "the moment", "at the moment", "current",
    "today's", "this time", "the time being", "already",
}  # fmt: skip
PAST_REF_PHRASES = {
    "recently", "previously", "formerly", "once", "lately", "earlier", "the past", "past",
    "in the past", "recent", "the recent past", "before", "then", "at the time", "that time",
    "former", "long ago", "years ago", "the old days", "more recently", "until recently",
}  # fmt: skip
FUTURE_REF_PHRASES = {
    "the future", "future", "soon", "the near future", "in the future", "later",
    "the short term", "the long term", "the long run", "the short run", "eventually",
    "as soon as possible", "the days ahead", "the years ahead", "the months ahead",
    "the weeks ahead", "the coming days", "shortly", "the near term", "a later date",
    "future quarters", "coming quarters", "the coming quarters",
}  # fmt: skip
# Words that make an expression a bound or a deadline, not the date of an event.
DEADLINE_CUES = (
    "by", "until", "till", "through", "no later than", "not later than", "before",
    "deadline",
)  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_DIGITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9}  # fmt: skip


def spelled_year(words: list[str]) -> int | None:
    """A year written out: "nineteen ninety-six" (1996), "two thousand" (2000)."""
    if "thousand" in words:
        index = words.index("thousand")
        if index and words[index - 1] == "two":
            rest = [w for w in words[index + 1 :] if w != "and"]
            tail = _small_number(rest) if rest else 0
            return 2000 + tail if tail is not None else None
        return None
    for index, word in enumerate(words[:-1]):
        if word in _TEENS and _TEENS[word] >= 15:
            tail = _small_number(words[index + 1 : index + 3])
            if tail is not None and tail >= 10:
                return _TEENS[word] * 100 + tail
    return None


def _small_number(words: list[str]) -> int | None:
    if not words:
        return None
    if words[0] in _TEENS:
        return _TEENS[words[0]]
    if words[0] in _TENS:
        ones = _DIGITS.get(words[1], 0) if len(words) > 1 else 0
        return _TENS[words[0]] + ones
    return None


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * leap) // 433
    month = (h + leap - 7 * m + 90) // 25
    day = (h + leap - 7 * m + 33 * month + 19) % 32
    return dt.date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth weekday (0 = Monday) of a month; nth = -1 for the last."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "independence day": lambda y: dt.date(y, 7, 4),
    "fourth of july": lambda y: dt.date(y, 7, 4),
    "july fourth": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "veterans day": lambda y: dt.date(y, 11, 11),
    "armistice day": lambda y: dt.date(y, 11, 11),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    # US federal elections: the Tuesday after the first Monday of November.
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "easter": _easter,
    "easter sunday": _easter,
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
}


def holiday(phrase: str, anchor: dt.date, future: bool) -> dt.date | None:
    """The day of a named holiday nearest the anchor on the side the tense says
    (the most recent one, or the next one when `future`)."""
    phrase = phrase.removeprefix("the ").removeprefix("last ").removeprefix("next ")
    phrase = phrase.replace("new years", "new year's").replace("valentines", "valentine's")
    rule = _HOLIDAYS.get(phrase)
    if rule is None:
        return None
    day = rule(anchor.year)
    if future and day < anchor:
        return rule(anchor.year + 1)
    if not future and day > anchor:
        return rule(anchor.year - 1)
    return day


# Adverbs by which a clause continues the sentence before it ("It also donated
# jets"): with no date of its own it shares that sentence's time.
CONTINUATION_ADVERBS = frozenset({"also", "too", "likewise", "similarly"})
# Nouns for what someone said: "dismissed the comments", "rejected those remarks"
# react to a statement reported before, whose time the reaction shares.
STATEMENT_NOUNS = frozenset({
    "comment", "remark", "statement", "claim", "accusation", "allegation", "threat",
    "warning", "word", "assertion", "charge", "suggestion", "announcement", "criticism",
    "proposal", "offer", "demand", "ultimatum", "declaration", "pledge", "promise",
})  # fmt: skip
# Determiners by which such a noun refers to one already told.
REFERRING_DETERMINERS = frozenset({"the", "those", "these", "that", "this", "his", "her",
                                   "its", "their"})  # fmt: skip
