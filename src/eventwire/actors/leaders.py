"""Who held which office when: heads of state and government, foreign and defence ministers.

The table (`data/leaders.tsv`) lets a story that names a leader without a title
("Putin said ...") be coded, and codes the name by the story's date: a person is
their country's government (defence ministers: its military) while in office,
an elite (`ELI`) once out of it, and the bare country before their first term
(what they were then — opposition, party, business — the table does not know).

Names are matched as written (case-sensitive) on the full name and on each alias
the table lists (surnames news uses alone are listed as aliases).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Literal, Protocol, TypeVar

LeaderRole = Literal[
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister", "press_secretary"
]
# The head of state's press secretary ("Peskov said", "Psaki told reporters") is quoted
# by surname alone as often as a minister is.
ROLES: tuple[LeaderRole, ...] = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "press_secretary",
)
# CAMEO sector of an office holder; the defence minister is MIL, as in sectors.tsv.
ROLE_SECTORS: dict[str, str] = {
    "head_of_state": "GOV",
    "head_of_government": "GOV",
    "foreign_minister": "GOV",
    "defence_minister": "MIL",
    "press_secretary": "GOV",
}
# The bare titles ("the president said") that point back to an office holder the
# table named without a title ("Maduro thanked Russia. The president said ...").
ROLE_TITLES: dict[str, tuple[tuple[str, ...], ...]] = {
    "head_of_state": (("president",),),
    "head_of_government": (("prime", "minister"), ("premier",)),
    "foreign_minister": (("foreign", "minister"),),
    "defence_minister": (("defence", "minister"), ("defense", "minister")),
    "press_secretary": (("press", "secretary"),),
}
FORMER_SECTOR = "ELI"  # CAMEO's elites: former officials among them


@dataclass(frozen=True, slots=True)
class Term:
    """One person in one office, from `start` to `end` inclusive (`end` None: still in office)."""

    country: str
    role: LeaderRole
    name: str
    aliases: tuple[str, ...]
    start: dt.date
    end: dt.date | None

    def covers(self, date: dt.date) -> bool:
        return self.start <= date and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class LeaderCode:
    """What the table says about a name on a date."""

    name: str  # the person's full name as the table writes it
    country: str
    sector: str | None  # GOV/MIL in office, ELI after, None before the first term
    term: Term | None  # the term that gave the sector (in office or the last one before)

    @property
    def code(self) -> str:
        return self.country + (self.sector or "")


@dataclass(frozen=True, slots=True)
class LeaderTable:
    """Terms by the names that refer to their holder."""

    by_name: dict[str, tuple[Term, ...]]  # full name or alias -> that person's terms

    def lookup(self, name: str, date: dt.date | None) -> LeaderCode | None:
        """Code `name` (as written) on `date`; None when the table does not know it.

        Without a date the person's latest office is used: their sector if they
        still hold it, ELI if it has ended.
        """
        terms = self.by_name.get(name)
        if not terms:
            return None
        person = terms[0].name
        if date is None:
            latest = max(terms, key=lambda term: term.start)
            sector = ROLE_SECTORS[latest.role] if latest.end is None else FORMER_SECTOR
            return LeaderCode(person, latest.country, sector, latest)
        holding = [term for term in terms if term.covers(date)]
        if holding:
            # Several offices at once (a president who is also defence minister):
            # the higher office, in ROLES order, is the one news means.
            term = min(holding, key=lambda t: ROLES.index(t.role))
            return LeaderCode(person, term.country, ROLE_SECTORS[term.role], term)
        before = [term for term in terms if term.end is not None and term.end < date]
        if before:
            last = max(before, key=lambda term: term.end or term.start)
            return LeaderCode(person, last.country, FORMER_SECTOR, last)
        return LeaderCode(person, terms[0].country, None, None)

    def __len__(self) -> int:
        return len({term for terms in self.by_name.values() for term in terms})


def _parse_date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def read_span(cells: Mapping[str, str], where: str) -> tuple[dt.date, dt.date | None]:
    """The `start` and optional `end` cells of a dated row (the leader and figure
    tables). Raises ValueError naming the row when a date is not a date or the span
    ends before it starts."""
    start = _parse_date(cells.get("start", ""), where)
    end = _parse_date(cells["end"], where) if cells.get("end") else None
    if end is not None and end < start:
        raise ValueError(f"{where}: ends ({end}) before it starts ({start})")
    return start, end


class _Dated(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def start(self) -> dt.date: ...


DatedRow = TypeVar("DatedRow", bound=_Dated)


def unambiguous(by_name: Mapping[str, list[DatedRow]]) -> dict[str, tuple[DatedRow, ...]]:
    """Each name's rows in date order. A name two people share is dropped: it would
    guess."""
    return {
        key: tuple(sorted(rows, key=lambda row: row.start))
        for key, rows in by_name.items()
        if len({row.name for row in rows}) == 1
    }


def read_terms(lines: Iterable[str], origin: str = "leaders.tsv") -> Iterator[Term]:
    """Read leader terms from TSV lines (header: country, role, name, aliases, start, end).

    Raises ValueError naming the line when a role is unknown, a date is not a
    date, or a term ends before it starts.
    """
    reader = csv.DictReader(list(lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, row in enumerate(reader, start=2):
        where = f"{origin}:{number}"
        cells = {key: (value or "").strip() for key, value in row.items() if key is not None}
        role = cells.get("role", "")
        if role not in ROLES:
            raise ValueError(f"{where}: unknown role {role!r} (one of {', '.join(ROLES)})")
        if not cells.get("name") or len(cells.get("country", "")) != 3:
            raise ValueError(f"{where}: a term needs a name and a three-letter country code")
        start, end = read_span(cells, where)
        aliases = tuple(alias.strip() for alias in cells.get("aliases", "").split("|"))
        yield Term(
            country=cells["country"],
            role=role,
            name=cells["name"],
            aliases=tuple(alias for alias in aliases if alias),
            start=start,
            end=end,
        )


def build_leader_table(terms: Iterable[Term]) -> LeaderTable:
    """Index terms by full name and aliases. A name two people share is dropped: it
    would guess. Surnames are not derived: the table lists the ones news uses alone
    (never a common word such as "May" or "Brown")."""
    by_person: dict[str, list[Term]] = {}
    for term in terms:
        by_person.setdefault(term.name, []).append(term)
    by_name: dict[str, list[Term]] = {}
    for person, person_terms in by_person.items():
        keys = {person} | {alias for term in person_terms for alias in term.aliases}
        for key in keys:
            by_name.setdefault(key, []).extend(person_terms)
    return LeaderTable(by_name=unambiguous(by_name))


def load_leader_table() -> LeaderTable:
    """The shipped table, `eventwire/data/leaders.tsv`."""
    text = resources.files("eventwire.data").joinpath("leaders.tsv").read_text("utf-8")
    return build_leader_table(read_terms(text.splitlines()))
