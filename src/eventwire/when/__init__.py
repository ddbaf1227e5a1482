"""When: dates for events from the story's own words, resolved against its anchor date.

`normalise` turns one expression into a TIMEX3-like value ("Wednesday" in a
Wednesday story is that day; "in October" in a February story is last October);
`find_expressions` finds the expressions of a parsed story; `date_events` gives
each event the date of the expression attached to its clause. dateparser is not
used: it resolves "Wednesday" in a Wednesday story to the week before and "April"
in a December story to next year, and news means the opposite.
"""

from eventwire.when.dating import date_events
from eventwire.when.expressions import FoundExpression, find_expressions
from eventwire.when.normalise import Timex, normalise, resolve_expression

__all__ = [
    "FoundExpression",
    "Timex",
    "date_events",
    "find_expressions",
    "normalise",
    "resolve_expression",
]
