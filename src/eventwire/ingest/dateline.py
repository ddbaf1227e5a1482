"""Wire datelines: `CARACAS, Venezuela (AP) —` to place, country, agency and date.

The shapes read, from the wire services' style books:

- `CARACAS, Venezuela (AP) — ...`          place, country or state, agency
- `ISLAMABAD, March 4 (Reuters) - ...`     place, month and day, agency
- `WASHINGTON — ...`                       place alone
- `MOSCOW, Feb 15 (AFP) ...`               the dash may be missing after an agency
- `BEIRUT, Lebanon, Feb. 15, 2022 (AP) --` all of them, with a year
"""

from __future__ import annotations

import datetime as dt
import re

from eventwire.model import Dateline

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_DAY = re.compile(
    r"^(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2})(?:,? (?P<year>(?:19|20)\d\d))?$"
)
# The place is upper case ("CARACAS", "NEW DELHI", "PORT-AU-PRINCE", "ST. LOUIS");
# then up to two comma parts (a region or country, a date); then an agency in
# parentheses; then a dash (-, --, – or —), which may be missing after an agency.
_PLACE = r"(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"
_PART = r"[A-Z][\w.'\-]*(?: [A-Za-z0-9][\w.'\-]*){0,3}"
_DATELINE = re.compile(
    _PLACE
    + rf"(?:, (?P<second>{_PART}))?"
    + r"(?:, (?P<third>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, (?:19|20)\d\d)?))?"
    + r"(?:(?: ?\((?P<agency>[A-Za-z][\w .&/-]{0,30})\))(?: ?[—–-]{1,2} ?| (?=[A-Z\"“]))"
    + r"| ?[—–-]{1,2} ?)"
)


def month_day(text: str, year: int | None) -> dt.date | None:
    """`March 4` (or `Feb. 15, 2022`) as a date; None without a year to put it in."""
    match = _MONTH_DAY.match(text)
    if not match:
        return None
    month = MONTHS.get(match["month"].lower())
    year = int(match["year"]) if match["year"] else year
    if month is None or year is None:
        return None
    try:
        return dt.date(year, month, int(match["day"]))
    except ValueError:
        return None


def _is_month_day(text: str) -> bool:
    match = _MONTH_DAY.match(text)
    return bool(match) and match is not None and match["month"].lower() in MONTHS


def split_dateline(paragraph: str, year: int | None = None) -> tuple[Dateline | None, str]:
    """Split `CARACAS, Venezuela (AP) — ...` into a Dateline and the rest of the paragraph.

    A dateline's month and day become a date only when the year is known (written
    in the dateline, or from the story's date); `MOSCOW, Feb 15 (AFP)` alone does
    not say which year.
    """
    match = _DATELINE.match(paragraph)
    if not match or len(match["place"].replace(".", "")) < 3:
        return None, paragraph
    second, third = match["second"], match["third"]
    country = None
    date_text = third
    if second and _is_month_day(second):
        date_text = second
    elif second:
        country = second
    dateline = Dateline(
        text=match.group(0).strip(),
        place=match["place"].title(),
        country=country,
        agency=match["agency"].strip() if match["agency"] else None,
        date=month_day(date_text, year) if date_text else None,
    )
    return dateline, paragraph[match.end() :].lstrip()
