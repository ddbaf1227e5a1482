"""Normalise one temporal expression to a TIMEX3-like value against the story's anchor.

News dates things relative to the story: "Wednesday" in a Wednesday story is that
day, "in October" in a February story is last October, "last month" is the month
before. dateparser gets the first two wrong (it returns last week and next year),
so the rules here are our own, one function per kind of expression, tried in
order. Every expression gets a `Timex`: its TIMEX3 type and value in the TimeML
conventions ("1998-08-07", "1998-W32", "1998-Q3", "199", "P3Y", "XXXX-WXX-1",
"PAST_REF") and, when it names a period of the calendar, a `TimeRef` (first day
and precision) that an event can carry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from eventwire.model import TimeRef
from eventwire.when.reading import (
    NEAR_MONTHS,
    PAST_MONTHS,
    Expression,
    Tense,
    Timex,
    TimexType,
    clock_value,
    day_number,
    duration_value,
    last_quarter,
    read_expression,
    shift_month,
    unit_of,
    week_value,
)
from eventwire.when.vocabulary import (
    FUTURE_REF_PHRASES,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    PAST_REF_PHRASES,
    PRESENT_REF_PHRASES,
    SEASONS,
    TIME_UNITS,
    VAGUE_COUNTS,
    WEEKDAYS,
    holiday,
    spelled_year,
)

__all__ = ["Tense", "Timex", "TimexType", "normalise", "resolve_expression"]


def _sets(e: Expression) -> Timex | None:
    """ "every Monday", "each year", "weekly", "twice a month"."""
    frequency = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
                 "yearly": "year", "hourly": "hour", "nightly": "day"}  # fmt: skip
    plural_weekday = any(w.endswith("s") and w[:-1] in WEEKDAYS for w in e.words)
    if plural_weekday:
        e.words = [w[:-1] if w.endswith("s") and w[:-1] in WEEKDAYS else w for w in e.words]
    if not (
        plural_weekday
        or {"every", "each", "per"} & e.bag
        or frequency.keys() & e.bag
        or re.search(r"\b(once|twice|\d+ times|\w+ times) an? \w+", e.joined)
    ):
        return None
    for word in e.words:
        if word in WEEKDAYS:
            part = next(
                (PARTS_OF_DAY[w.rstrip("s")] for w in e.words if w.rstrip("s") in PARTS_OF_DAY), ""
            )
            return e.other("SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}" + (f"T{part}" if part else ""))
        if word in MONTHS:
            return e.other("SET", f"XXXX-{MONTHS[word]:02d}")
    unit = next((frequency[w] for w in e.words if w in frequency), e.units[-1] if e.units else None)
    return e.other("SET", duration_value(1, unit) if unit else None)


def _written_date(e: Expression) -> Timex | None:
    """Dates written in full: ISO, numeric, "March 4, 2022", "4 March 2022", "July 1998"."""
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", e.text)
    slashed = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b", e.text)
    try:
        if iso:
            day = dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
            return e.date(day.isoformat(), day, "day")
        if slashed:
            year = int(slashed.group(3))
            if year < 100:
                year += 1900 if year > 30 else 2000
            day = dt.date(year, int(slashed.group(1)), int(slashed.group(2)))
            return e.date(day.isoformat(), day, "day")
    except ValueError:
        return None
    years = [n for n in e.numbers if 1000 <= n <= 2200] or [
        y for y in (spelled_year(e.words),) if y is not None
    ]
    months = [MONTHS[w] for w in e.words if w in MONTHS]
    if not (years and months):
        return None
    days = [n for n in (day_number(w) for w in e.words) if n is not None]
    if days:
        try:
            day = dt.date(years[0], months[0], days[0])
        except ValueError:
            return None
        clock = clock_value(e.words)
        return e.time(day, clock) if clock else e.date(day.isoformat(), day, "day")
    start = dt.date(years[0], months[0], 1)
    return e.date(start.strftime("%Y-%m"), start, "month")


def _vague(e: Expression) -> Timex | None:
    """PRESENT_REF, PAST_REF, FUTURE_REF: "now", "recently", "recent weeks", "the future"."""
    joined = e.joined
    if joined in PRESENT_REF_PHRASES:
        return e.other("DATE", "PRESENT_REF")
    if (
        joined in PAST_REF_PHRASES
        or joined == "recent years"
        or ("ago" in e.bag and not e.counts and e.bag & VAGUE_COUNTS)
    ):
        return e.other("DATE", "PAST_REF")
    if joined in FUTURE_REF_PHRASES:
        return e.other("DATE", "FUTURE_REF")
    return None


def _durations(e: Expression) -> Timex | None:
    """ "three years", "for two weeks", "the past five months", "16-hour", "decades"."""
    if not e.units or e.bag & {
        "ago",
        "earlier",
        "later",
        "before",
        "after",
        "since",
        "every",
        "thousand",
    }:
        return None
    unit = e.units[0]  # "the first nine months of the year": months
    if e.joined in ("the year", "the fiscal year", "the full year"):
        return e.other("DURATION", "P1Y")  # "for the year": the year an account covers
    if e.joined in ("the past year", "the previous year") or e.joined == "recent years":
        return None  # a date in TimeML's conventions: last year, PAST_REF
    if unit in ("quarter", "half") and e.bag & set(ORDINALS):
        return None
    if unit == "weekend" or (unit == "quarter" and not e.counts):
        return None
    relative = {"this", "last", "next", "past", "previous", "coming", "the", "that", "same"}
    plural = any(w.endswith("s") and unit_of(w) == unit for w in e.words)
    if e.counts:
        count: float | None = e.counts[0]
        if count == 1 and e.bag & {"last", "this", "next"} and not e.bag & {"a", "an", "one"}:
            return None  # "last year", "this month": a date
        return e.other("DURATION", duration_value(count, unit))
    if e.bag & VAGUE_COUNTS or plural:
        return e.other("DURATION", duration_value(None, unit))
    if e.bag & {"for", "over", "within", "during", "long", "old"} or (
        "past" in e.bag and "the" in e.bag
    ):
        return e.other("DURATION", duration_value(1, unit))
    if not e.bag & relative and len(e.words) == 1 and unit in TIME_UNITS:
        return e.other("DURATION", duration_value(1, unit))
    return None


def _decades(e: Expression) -> Timex | None:
    """ "the 1990s", "the '90s", "the nineties", "the 20th century"."""
    decade = re.search(r"\b(\d{3})0s\b", e.text) or re.search(r"'(\d)0s\b", e.text)
    digits: str | None = decade.group(1) if decade else None
    if digits is not None and len(digits) == 1:
        digits = ("19" if int(digits) >= 3 else "20") + digits
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
            "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
    for word in e.words:
        if word in tens and digits is None:
            digits = f"19{tens[word]}"
    if digits is not None:
        return e.date(digits, dt.date(int(digits) * 10, 1, 1), "decade")
    century = re.search(r"\b(\d{1,2})(st|nd|rd|th) century\b", e.text.lower())
    if century:
        number = int(century.group(1)) - 1
        return e.date(f"{number:02d}", dt.date(max(number * 100, 1), 1, 1), "decade")
    return None


def _quarters(e: Expression) -> Timex | None:
    """ "the first quarter (of 1998)", "the quarter", "the year-ago quarter", "the second half".

    A quarter without its number is the one a news story reports on: the last
    one completed before the story."""
    financial_period = "period" in e.bag and e.bag & {
        "latest",
        "year",
        "corresponding",
        "comparable",
    }
    year_back = e.quarterly and (
        e.joined in ("a year ago", "a year earlier", "year earlier", "year ago")
    )
    if year_back and e.anchor is not None:
        # In an earnings story "a year earlier" is the same quarter a year before.
        year, last = last_quarter(e.anchor)
        return e.date(f"{year - 1:04d}-Q{last}", dt.date(year - 1, (last - 1) * 3 + 1, 1), "month")
    if not ("quarter" in e.bag or ("half" in e.bag and e.bag & set(ORDINALS)) or financial_period):
        return None
    if e.counts and not e.bag & (
        set(ORDINALS) | {"the", "this", "that", "latest", "current", "next", "last"}
    ):
        return None  # "a quarter", "three quarters": durations
    years = [n for n in e.numbers if 1000 <= n <= 2200]
    ordinal = next((ORDINALS[w] for w in e.words if w in ORDINALS), None)
    code, size = ("H", 2) if "half" in e.bag and "quarter" not in e.bag else ("Q", 4)
    year_ago = bool(e.bag & {"ago", "earlier", "corresponding"} and "year" in e.bag) or (
        "last" in e.bag and "year's" in e.bag
    )
    if years:
        year = years[0]
        if ordinal is None and e.anchor is not None and code == "Q":
            ordinal = last_quarter(e.anchor)[1]  # "the 1988 quarter": the same quarter then
        if ordinal is None:
            return e.date(f"{year:04d}-{code}X", dt.date(year, 1, 1), "year")
    elif e.anchor is None:
        return e.other("DATE", None)
    elif ordinal is None:
        if code == "H":
            return None
        year, ordinal = last_quarter(e.anchor)
        if "next" in e.bag:
            year, ordinal = last_quarter(e.anchor, -1)
        elif "this" in e.bag or "current" in e.bag:
            year, ordinal = last_quarter(e.anchor, 0)
        if year_ago or ("period" in e.bag and "year" in e.bag):
            year -= 1
        if financial_period and not year_ago and "quarter" not in e.bag:
            return e.date(
                f"{year:04d}-Q{ordinal}", dt.date(year, (ordinal - 1) * 3 + 1, 1), "month"
            )
    else:
        year = e.anchor.year
        if "next" in e.bag or "next year's" in e.joined:
            year += 1
        elif "last" in e.bag or year_ago:
            year -= 1
        elif code == "Q" and ordinal > (e.anchor.month - 1) // 3 + 1 and e.tense != "future":
            year -= 1  # "the fourth quarter" in a January story: the one just ended
    start = dt.date(year, (ordinal - 1) * (12 // size) + 1, 1)
    return e.date(f"{year:04d}-{code}{ordinal}", start, "month")


def _years(e: Expression) -> Timex | None:
    """ "1998", "fiscal 1998", "in 2018", "summer 1998", "nineteen ninety-six"."""
    years = [n for n in e.numbers if 1000 <= n <= 2200] or [
        y for y in (spelled_year(e.words),) if y is not None
    ]
    if not years:
        return None
    year = years[0]
    for word in e.words:
        if word in SEASONS:
            return e.date(f"{year:04d}-{SEASONS[word]}", dt.date(year, 1, 1), "year")
    return e.date(f"{year:04d}", dt.date(year, 1, 1), "year")


def _days(e: Expression, anchor: dt.date) -> Timex | None:
    """today, yesterday, tomorrow, tonight, weekdays, holidays, parts of days, clock times."""
    if any(w in MONTHS for w in e.words) and any(day_number(w) for w in e.words):
        return None  # "Friday, Oct. 13", "5 p.m. Nov. 9": the month and day say which day
    clock = clock_value(e.words)
    part = next((PARTS_OF_DAY[w] for w in e.words if w in PARTS_OF_DAY), None)

    def day_or_time(day: dt.date) -> Timex:
        suffix = clock or part
        return e.time(day, suffix) if suffix else e.date(day.isoformat(), day, "day")

    if "today" in e.bag or "today's" in e.bag or "tonight" in e.bag:
        return day_or_time(anchor)
    if "yesterday" in e.bag or ("last" in e.bag and part == "NI" and "week" not in e.bag):
        return day_or_time(anchor - dt.timedelta(days=1))
    if "tomorrow" in e.bag:
        return day_or_time(anchor + dt.timedelta(days=1))
    for word in e.words:
        if word in WEEKDAYS:
            delta = (anchor.weekday() - WEEKDAYS[word]) % 7
            if "next" in e.bag or (("coming" in e.bag or e.tense == "future") and delta):
                day = anchor + dt.timedelta(days=(7 - delta) % 7 or 7)
            elif "last" in e.bag and delta == 0:
                day = anchor - dt.timedelta(days=7)
            else:
                day = anchor - dt.timedelta(days=delta)
            return day_or_time(day)
    named = holiday(e.joined, anchor, e.tense == "future" or "next" in e.bag)
    if named is not None:
        return day_or_time(named)
    if "year" in e.bag and "end" in e.bag:
        year = anchor.year - (1 if "last" in e.bag else 0) + (1 if "next" in e.bag else 0)
        return e.date(f"{year:04d}-12-31", dt.date(year, 12, 31), "day")
    if (clock or part) and not e.units and not e.bag & {"every", "each"}:
        if part in ("MO", "AF", "EV", "NI") and "the" in e.bag and not e.bag & {"this", "that"}:
            return None  # "the morning": which day is the story's to say
        return day_or_time(anchor)
    return None


def _months(e: Expression, anchor: dt.date) -> Timex | None:
    """ "in October", "mid-March", "Oct. 23", "last October", "early next month"."""
    months = [MONTHS[w] for w in e.words if w in MONTHS and (w != "may" or len(e.words) <= 3)]
    if not months:
        return None
    month = months[0]
    days = [n for n in (day_number(w) for w in e.words) if n is not None]
    if "next" in e.bag:
        year = anchor.year + (1 if month <= anchor.month else 0)
    elif "last" in e.bag:
        year = anchor.year - (1 if month >= anchor.month else 0)
    elif "this" in e.bag or month == anchor.month:
        year = anchor.year
    elif days:
        # A month with its day is the nearer one (news writes "Dec. 7" for a date
        # weeks ahead and "Sept. 30" for one weeks back), unless the tense says past
        # and the past one is within the year's better part.
        ahead = (month - anchor.month) % 12
        year = anchor.year + (1 if month < anchor.month else 0) - (1 if ahead > 6 else 0)
        if e.tense == "past" and ahead <= 6 and 12 - ahead <= PAST_MONTHS:
            year -= 1
    elif e.tense in ("future", "present") or (
        e.tense is None and (month - anchor.month) % 12 <= NEAR_MONTHS
    ):
        # A bare month is upcoming when the tense says so, or, with no tense to go
        # by, when it is the next month or two; otherwise the most recent past one.
        year = anchor.year + (1 if month < anchor.month else 0)
    else:
        year = anchor.year - (1 if month > anchor.month else 0)
    if days:
        try:
            day = dt.date(year, month, days[0])
        except ValueError:
            return None
        clock = clock_value(e.words)
        return e.time(day, clock) if clock else e.date(day.isoformat(), day, "day")
    start = dt.date(year, month, 1)
    return e.date(start.strftime("%Y-%m"), start, "month")


def _seasons(e: Expression, anchor: dt.date) -> Timex | None:
    for word in e.words:
        if word in SEASONS:
            year = anchor.year - (1 if "last" in e.bag else 0) + (1 if "next" in e.bag else 0)
            return e.date(f"{year:04d}-{SEASONS[word]}", dt.date(year, 1, 1), "year")
    return None


def _shifted(e: Expression, anchor: dt.date) -> Timex | None:
    """ "two years ago", "a year earlier", "three days later", "year-ago"."""
    if not e.units or not e.bag & {"ago", "earlier", "before", "later", "after"}:
        return None
    if e.bag & {"this", "last", "next"}:
        return None  # "earlier this month" is this month
    # "a day after <event>" counts from that event, not from the story's day
    # (`date_events` reads it with the clause it introduces); "N ... ago", "a year
    # earlier", "three days later" count from the story's day, as TimeML reads them.
    if e.bag & {"after", "before"} or not (
        e.counts
        or "ago" in e.bag
        or re.fullmatch(r"(the )?(year|month|week|day) (ago|earlier)", e.joined)
    ):
        return None
    sign = 1 if e.bag & {"later", "after"} else -1
    count = int(e.counts[0]) if e.counts else 1
    unit = e.units[0]
    if unit == "day":
        day = anchor + dt.timedelta(days=sign * count)
        return e.date(day.isoformat(), day, "day")
    if unit in ("week", "fortnight"):
        day = anchor + dt.timedelta(weeks=sign * count * (2 if unit == "fortnight" else 1))
        return e.date(week_value(day), day - dt.timedelta(days=day.weekday()), "day")
    if unit == "month":
        start = shift_month(anchor, sign * count)
        return e.date(start.strftime("%Y-%m"), start, "month")
    if unit in ("year", "decade", "century"):
        year = anchor.year + sign * count * {"year": 1, "decade": 10, "century": 100}[unit]
        return e.date(f"{year:04d}", dt.date(year, 1, 1), "year")
    return None


def _relative_periods(e: Expression, anchor: dt.date) -> Timex | None:
    """ "this/last/next week|month|year", "earlier this month", "late last year", "the weekend"."""
    for unit in ("weekend", "week", "month", "year", "decade", "century"):
        if unit not in e.bag:
            continue
        backward = e.bag & {"last", "past", "previous"}
        step = -1 if backward else 1 if e.bag & {"next", "coming", "following"} else 0
        if step == 0 and not e.bag & {
            "this",
            "earlier",
            "later",
            "current",
            "the",
            "that",
            "same",
            "end",
        }:
            return None
        if unit == "weekend":
            saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
            if step > 0 or (step == 0 and e.tense == "future"):
                saturday += dt.timedelta(weeks=1)
            elif step < 0 and anchor.weekday() >= 5:
                saturday -= dt.timedelta(weeks=1)
            return e.date(week_value(saturday) + "-WE", saturday, "day")
        if unit == "week":
            monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
            return e.date(week_value(monday), monday, "day")
        if unit == "month":
            start = shift_month(anchor, step)
            return e.date(start.strftime("%Y-%m"), start, "month")
        if unit == "decade":
            year = anchor.year // 10 * 10 + 10 * step
            return e.date(f"{year // 10:03d}", dt.date(year, 1, 1), "decade")
        if unit == "century":
            year = anchor.year // 100 * 100 + 100 * step
            return e.date(f"{year // 100:02d}", dt.date(year, 1, 1), "decade")
        year = anchor.year + step
        return e.date(f"{year:04d}", dt.date(year, 1, 1), "year")
    return None


_ABSOLUTE: tuple[Callable[[Expression], Timex | None], ...] = (
    _sets,
    _written_date,
    _vague,
    _quarters,
    _durations,
    _decades,
    _years,
)
_RELATIVE: tuple[Callable[[Expression, dt.date], Timex | None], ...] = (
    _days,
    _months,
    _seasons,
    _shifted,
    _relative_periods,
)


def normalise(
    text: str,
    anchor: dt.date | None,
    future: bool = False,
    tense: Tense | None = None,
    quarterly: bool = False,
) -> Timex:
    """Normalise one temporal expression against the anchor (the story's date).

    A weekday in a story published that weekday is that day, otherwise the most
    recent past one (the next one when the tense is future or it says "next"); a
    bare month is the most recent past one unless the tense is future; a month
    with its day is the nearer one when the tense is unknown. Without an anchor a
    relative expression gets no value (its text is kept). `future=True` is
    shorthand for `tense="future"`. `quarterly` says the story reports on a quarter
    (an earnings story), where "a year earlier" is that quarter a year before.
    """
    expression = read_expression(text, anchor, "future" if future else tense, quarterly)
    if not expression.words:
        return expression.other("DATE", None)
    for rule in _ABSOLUTE:
        found = rule(expression)
        if found is not None:
            return found
    if anchor is not None:
        for relative_rule in _RELATIVE:
            found = relative_rule(expression, anchor)
            if found is not None:
                return found
    kind: TimexType = "TIME" if clock_value(expression.words) else "DATE"
    return expression.other(kind, None)


def resolve_expression(text: str, anchor: dt.date | None, future: bool = False) -> TimeRef:
    """The calendar period an expression names (see `normalise`), as a `TimeRef`."""
    return normalise(text, anchor, future).ref
