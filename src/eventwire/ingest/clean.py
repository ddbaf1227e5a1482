"""Cleaning a scraped body: junk lines out, paragraphs rejoined, headline and dateline split off.

The junk-line rules are data (data/junk_lines.txt), as trafilatura keeps its
XPaths apart from the walking code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventwire.model import Dateline

_BULLET = re.compile(r"^[\s•·●▪■◦*\-–]+(?=\S)")
_MONTHS = {
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
_MONTH_DAY = re.compile(r"^(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2})$")
# PLACE[, Region or Month Day][ (Agency)] DASH — the wire dateline. The place is
# upper case ("CARACAS", "NEW DELHI", "PORT-AU-PRINCE"); the dash is -, – or —.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"
    r"(?:, (?P<second>[A-Z][\w.'\-]+(?: [A-Za-z][\w.'\-]+){0,3}))?"
    r"(?:, (?P<third>[A-Z][a-z]{2,8}\.? \d{1,2}))?"
    r"(?: ?\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?"
    r" ?[—–-]{1,2} ?"
)


@dataclass(frozen=True, slots=True)
class CleanBody:
    title: str | None
    text: str
    dateline: Dateline | None


@cache
def junk_line_patterns() -> tuple[re.Pattern[str], ...]:
    """The compiled junk-line rules from data/junk_lines.txt."""
    source = resources.files("eventwire.data").joinpath("junk_lines.txt").read_text("utf-8")
    patterns = []
    for number, line in enumerate(source.splitlines(), start=1):
        rule = line.strip()
        if not rule or rule.startswith("#"):
            continue
        try:
            patterns.append(re.compile(rf"(?:{rule})", re.IGNORECASE))
        except re.error as exc:
            raise ValueError(f"data/junk_lines.txt line {number}: bad pattern: {exc}") from exc
    return tuple(patterns)


def is_junk_line(line: str) -> bool:
    stripped = _BULLET.sub("", line).strip()
    return any(pattern.fullmatch(stripped) for pattern in junk_line_patterns())


def paragraphs(text: str) -> list[str]:
    """Split on blank lines, drop junk lines, rejoin wrapped lines with single spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    result = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n")]
        kept = [line for line in lines if line and not is_junk_line(line)]
        if kept:
            result.append(" ".join(" ".join(kept).split()))
    return result


def _month_day(text: str, year: int | None) -> dt.date | None:
    match = _MONTH_DAY.match(text)
    if not match or year is None:
        return None
    month = _MONTHS.get(match["month"].lower())
    if month is None:
        return None
    try:
        return dt.date(year, month, int(match["day"]))
    except ValueError:
        return None


def split_dateline(paragraph: str, year: int | None = None) -> tuple[Dateline | None, str]:
    """Split `CARACAS, Venezuela (AP) — ...` into a Dateline and the rest of the paragraph.

    A dateline's month and day become a date only when the year is known (from
    the story's date); `MOSCOW, Feb 15 (AFP) -` alone does not say which year.
    """
    match = _DATELINE.match(paragraph)
    if not match or len(match["place"]) < 3:
        return None, paragraph
    second, third = match["second"], match["third"]
    country = None
    date_text = third
    if second and _MONTH_DAY.match(second) and second.split()[0].lower().rstrip(".") in _MONTHS:
        date_text = second
    elif second:
        country = second
    dateline = Dateline(
        text=match.group(0).strip(),
        place=match["place"].title(),
        country=country,
        agency=match["agency"],
        date=_month_day(date_text, year) if date_text else None,
    )
    return dateline, paragraph[match.end() :]


def _looks_like_headline(paragraph: str) -> bool:
    return len(paragraph) <= 200 and not paragraph.rstrip().endswith((".", '"', "”", ":"))


def clean_body(text: str, title: str | None = None, year: int | None = None) -> CleanBody:
    """Clean a scraped body: junk out, headline kept once as the title, dateline parsed."""
    paras = paragraphs(text)
    if title is None and len(paras) > 1 and _looks_like_headline(paras[0]):
        title = paras.pop(0)
    elif title is not None and paras and paras[0].strip() == title.strip():
        paras.pop(0)  # the headline repeated at the top of the body
    dateline = None
    if paras:
        dateline, rest = split_dateline(paras[0], year)
        if dateline is not None:
            paras[0] = rest
    return CleanBody(title=title, text="\n\n".join(p for p in paras if p), dateline=dateline)
