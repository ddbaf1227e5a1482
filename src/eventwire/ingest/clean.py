"""Cleaning a scraped body: junk lines out, paragraphs rejoined, headline, byline, dateline split.

The junk-line rules are data (data/junk_lines.txt), as trafilatura keeps its
XPaths apart from the walking code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventwire.ingest.dateline import split_dateline
from eventwire.model import Dateline

__all__ = ["CleanBody", "clean_body", "is_junk_line", "paragraphs", "split_dateline"]

_BULLET = re.compile(r"^[\s•·●▪■◦*\-–]+(?=\S)")
_NAME = r"[A-Z][\w'’.\-]*(?: (?:[A-Z][\w'’.\-]*|de|da|van|von|al|bin|la|le|del))*"
# "By Jane Doe", "By JANE DOE and JOHN ROE", "By Jane Doe, Associated Press",
# "By Jane Doe | Reuters": a short line, names in capitals.
_BYLINE = re.compile(
    rf"^by:? (?P<names>{_NAME}(?:(?: and | & ){_NAME})*)"
    r"(?:\s*[,|/·•]\s*(?P<org>[\w .&'’-]{2,40}))?\.?$",
    re.IGNORECASE,
)
# Reuters and AFP close with a credit line; it is a byline, not news.
_CREDIT = re.compile(
    r"^\(?(?:reporting|writing|additional reporting) by (?P<names>[^;)]{3,120})(?:;[^)]*)?\)?\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class CleanBody:
    title: str | None
    text: str
    dateline: Dateline | None
    byline: str | None = None


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


@cache
def _any_junk_line() -> re.Pattern[str]:
    # One alternation, tried once per line: fullmatch of "a|b" is a fullmatch of
    # either, and one regex is several times faster than a loop over ~50.
    return re.compile("|".join(p.pattern for p in junk_line_patterns()), re.IGNORECASE)


def is_junk_line(line: str) -> bool:
    """True for a line that scrapers leave in a body and that is never news."""
    stripped = _BULLET.sub("", line).strip()
    return _any_junk_line().fullmatch(stripped) is not None


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


def byline_of(line: str) -> str | None:
    """The names of a byline line (`By Jane Doe, AP`, `(Reporting by ...)`), else None."""
    if len(line) > 160:
        return None
    match = _BYLINE.match(line.strip()) or _CREDIT.match(line.strip())
    if match is None:
        return None
    names = match["names"].strip().rstrip(".")
    # "By the way ..." and "By Tuesday, ..." are sentences, not bylines.
    words = names.split()
    if not words or len(words) > 12 or any(w[0].islower() for w in words if len(w) > 3):
        return None
    return names


def _same_text(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", "", text).casefold().split())

    return norm(a) == norm(b)


def _looks_like_headline(paragraph: str) -> bool:
    return len(paragraph) <= 200 and not paragraph.rstrip().endswith((".", '"', "”", ":"))


def clean_body(text: str, title: str | None = None, year: int | None = None) -> CleanBody:
    """Clean a scraped body: junk out, headline kept once as the title, byline and dateline out.

    Without a `title`, a short first paragraph that does not end like a sentence
    is taken as the headline. The headline repeated at the top of the body, a
    byline among the first paragraphs and a credit line at the end are removed.
    """
    paras = paragraphs(text)
    if title is None and len(paras) > 1 and _looks_like_headline(paras[0]):
        title = paras.pop(0)
    byline = None
    # The top of a page: headline, byline and timestamps in some order.
    for position in range(min(3, len(paras))):
        if title is not None and _same_text(paras[position], title):
            paras.pop(position)
            break
    for position in range(min(3, len(paras))):
        found = byline_of(paras[position])
        if found is not None:
            byline = found
            paras.pop(position)
            break
    if paras:
        found = byline_of(paras[-1])
        if found is not None:
            byline = byline or found
            paras.pop()
    dateline = None
    if paras:
        dateline, rest = split_dateline(paras[0], year)
        if dateline is not None:
            paras[0] = rest
    return CleanBody(
        title=title,
        text="\n\n".join(p for p in paras if p),
        dateline=dateline,
        byline=byline,
    )
