"""People news names without a title who hold no office the leader table lists:
opposition leaders, heads of armed groups, a leader between offices
(`data/figures.tsv`). Each stint is dated, as the leader table's terms are: what a
person was changes ("Anwar Ibrahim" led the opposition, then the government).

The leader table (actors/leaders.py) is asked first; a stint here codes the name
only on a date the leader table gives no office for, or, without a date, when it
is the person's latest known role.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from eventwire.actors.leaders import Term, read_span, unambiguous


@dataclass(frozen=True, slots=True)
class Stint:
    """One person in one role, coded in full, from `start` to `end` inclusive."""

    code: str
    name: str
    aliases: tuple[str, ...]
    start: dt.date
    end: dt.date | None

    def covers(self, date: dt.date) -> bool:
        return self.start <= date and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class FigureTable:
    """Stints by the names that refer to their holder."""

    by_name: dict[str, tuple[Stint, ...]]  # full name or alias -> that person's stints

    def lookup(self, name: str, date: dt.date | None) -> Stint | None:
        """The stint `name` (as written) held on `date`; without a date, the latest.
        None when the table does not know the name or it held no stint then."""
        stints = self.by_name.get(name)
        if not stints:
            return None
        if date is None:
            return stints[-1]
        return next((stint for stint in stints if stint.covers(date)), None)

    def beside(self, name: str, date: dt.date | None, office: Term | None) -> Stint | None:
        """The stint for `name`, unless the leader table's term `office` (the one the
        leader table coded the person by) was held on `date`, or, undated, is the later."""
        stint = self.lookup(name, date)
        if stint is None or office is None:
            return stint
        if date is not None and office.covers(date):
            return None
        if date is None and office.start > stint.start:
            return None
        return stint

    def __len__(self) -> int:
        return len({stint for stints in self.by_name.values() for stint in stints})


def read_stints(lines: Iterable[str], origin: str = "figures.tsv") -> Iterator[Stint]:
    """Read stints from TSV lines (header: code, name, aliases, start, end, note).

    Raises ValueError naming the line when a code is not three-letter blocks, a date
    is not a date, or a stint ends before it starts.
    """
    reader = csv.DictReader(list(lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, row in enumerate(reader, start=2):
        where = f"{origin}:{number}"
        cells = {key: (value or "").strip() for key, value in row.items() if key is not None}
        code = cells.get("code", "")
        if not code or len(code) % 3 or not code.isalpha() or not code.isupper():
            raise ValueError(f"{where}: {code!r} is no CAMEO code (three-letter blocks)")
        if not cells.get("name"):
            raise ValueError(f"{where}: a stint needs a name")
        start, end = read_span(cells, where)
        aliases = tuple(alias.strip() for alias in cells.get("aliases", "").split("|"))
        yield Stint(code, cells["name"], tuple(a for a in aliases if a), start, end)


def build_figure_table(stints: Iterable[Stint]) -> FigureTable:
    """Index stints by full name and aliases, in date order. A name two people share
    is dropped: it would guess."""
    by_name: dict[str, list[Stint]] = {}
    for stint in stints:
        for key in {stint.name, *stint.aliases}:
            by_name.setdefault(key, []).append(stint)
    return FigureTable(by_name=unambiguous(by_name))


def load_figure_table() -> FigureTable:
    """The shipped table, `eventwire/data/figures.tsv`."""
    text = resources.files("eventwire.data").joinpath("figures.tsv").read_text("utf-8")
    return build_figure_table(read_stints(text.splitlines()))
