"""Validate the knowledge tables in src/eventwire/data/.

The tables are data, not code: these tests are what keeps a hand edit from
silently breaking actor resolution (a name claimed by two countries, a sector
code nobody knows, a capital in the sea off Africa at 0,0).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).parents[2] / "src/eventwire/data"

COUNTRY_COLUMNS = [
    "code",
    "iso2",
    "name",
    "names",
    "adjectives",
    "capital",
    "capital_lat",
    "capital_lon",
    "capital_geonameid",
    "metonyms",
    "kind",
    "part_of",
    "since",
]
SECTOR_COLUMNS = ["term", "sector", "kind", "note"]
ORGANIZATION_COLUMNS = ["code", "name", "names", "kind", "sector"]

ALLOWED_SECTORS = set(
    [
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "PTY",
        "COP",
        "JUD",
        "LEG",
        "BUS",
        "MED",
        "CVL",
        "EDU",
        "REL",
        "HLH",
        "REF",
        "LAB",
        "AGR",
        "SPY",
        "ELI",
        "CRM",
        "UAF",
        "INS",
        "SEP",
        "NGO",
        "IGO",
        "MOD",
        "RAD",
    ]
)
COUNTRY_KINDS = {"state", "observer", "territory"}
ORGANIZATION_KINDS = {"IGO", "NGO", "IMG", "national"}

# A handful of facts the coder's headline story depends on (DESIGN.md: the
# Caracas dateline must resolve to GeoNames 3646738).
KNOWN_CAPITAL_IDS = {"VEN": 3646738, "RUS": 524901, "USA": 4140963}


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def _split(cell: str) -> list[str]:
    return [part for part in cell.split("|") if part]


@pytest.fixture(scope="module")
def countries() -> tuple[list[str], list[dict[str, str]]]:
    return _read("countries.tsv")


@pytest.fixture(scope="module")
def sectors() -> tuple[list[str], list[dict[str, str]]]:
    return _read("sectors.tsv")


@pytest.fixture(scope="module")
def organizations() -> tuple[list[str], list[dict[str, str]]]:
    return _read("organizations.tsv")


# ---------------------------------------------------------------- countries


def test_country_header_is_exact(countries):
    header, _ = countries
    assert header == COUNTRY_COLUMNS


def test_country_rows_have_every_column(countries):
    _, rows = countries
    for row in rows:
        assert None not in row, f"{row.get('code')}: too many fields"
        missing = [col for col in COUNTRY_COLUMNS if row[col] is None]
        assert not missing, f"{row['code']}: missing {missing}"


def test_country_codes_are_well_formed_and_unique(countries):
    _, rows = countries
    codes = [row["code"] for row in rows]
    bad = [code for code in codes if not re.fullmatch(r"[A-Z]{3}", code)]
    assert not bad, f"malformed country codes: {bad}"
    dupes = [code for code, n in Counter(codes).items() if n > 1]
    assert not dupes, f"duplicate country codes: {dupes}"
    iso2 = [row["iso2"] for row in rows]
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in iso2)
    assert not [code for code, n in Counter(iso2).items() if n > 1]


def test_country_kinds_and_coverage(countries):
    _, rows = countries
    kinds = Counter(row["kind"] for row in rows)
    assert set(kinds) <= COUNTRY_KINDS, kinds
    # 193 UN members plus Kosovo and Taiwan are states; VAT and PSE are observers.
    assert kinds["state"] + kinds["observer"] >= 195
    assert kinds["observer"] == 2
    assert kinds["territory"] >= 15
    codes = {row["code"] for row in rows}
    for required in (
        "VEN",
        "RUS",
        "USA",
        "GBR",
        "COD",
        "COG",
        "PSE",
        "VAT",
        "XKX",
        "TWN",
        "ESH",
        "HKG",
        "MAC",
        "PRI",
        "GRL",
    ):
        assert required in codes, required


def test_country_names_are_present(countries):
    _, rows = countries
    for row in rows:
        assert row["name"].strip(), row["code"]
        assert row["capital"].strip(), row["code"]
        for col in ("names", "adjectives", "metonyms"):
            for part in row[col].split("|") if row[col] else []:
                assert part and part == part.strip(), f"{row['code']} {col}: {row[col]!r}"


def test_capital_coordinates_in_range(countries):
    _, rows = countries
    for row in rows:
        lat, lon = row["capital_lat"], row["capital_lon"]
        assert re.fullmatch(r"-?\d+\.\d{2,}", lat), f"{row['code']} lat {lat!r}"
        assert re.fullmatch(r"-?\d+\.\d{2,}", lon), f"{row['code']} lon {lon!r}"
        assert -90 <= float(lat) <= 90, row["code"]
        assert -180 <= float(lon) <= 180, row["code"]
        assert (float(lat), float(lon)) != (0.0, 0.0), row["code"]


def test_capital_geonameids_are_positive_ints(countries):
    _, rows = countries
    ids = []
    for row in rows:
        assert re.fullmatch(r"[1-9]\d*", row["capital_geonameid"]), row["code"]
        ids.append(int(row["capital_geonameid"]))
    assert len(ids) == len(set(ids)), "two countries share one capital id"
    by_code = {row["code"]: int(row["capital_geonameid"]) for row in rows}
    for code, geonameid in KNOWN_CAPITAL_IDS.items():
        assert by_code[code] == geonameid, code


def test_ambiguous_congo_is_left_out(countries):
    _, rows = countries
    for row in rows:
        aliases = {
            a.lower() for col in ("names", "adjectives", "metonyms") for a in _split(row[col])
        }
        assert "congo" not in aliases, row["code"]
    congolese = [row["code"] for row in rows if "Congolese" in _split(row["adjectives"])]
    assert congolese == ["COD"]


# ---------------------------------------------------------------- sectors


def test_sector_header_is_exact(sectors):
    header, _ = sectors
    assert header == SECTOR_COLUMNS


def test_sectors_are_allowed(sectors):
    _, rows = sectors
    bad = [(row["term"], row["sector"]) for row in rows if row["sector"] not in ALLOWED_SECTORS]
    assert not bad, bad


def test_sector_terms_are_normalised_and_unique(sectors):
    _, rows = sectors
    terms = [row["term"] for row in rows]
    for term in terms:
        assert term == term.lower(), term
        assert term == " ".join(term.split()), f"bad spacing in {term!r}"
    dupes = [term for term, n in Counter(terms).items() if n > 1]
    assert not dupes, dupes


def test_enough_sector_rows(sectors):
    _, rows = sectors
    assert len(rows) >= 300


def test_key_sector_terms(sectors):
    _, rows = sectors
    by_term = {row["term"]: row["sector"] for row in rows}
    assert by_term["deputy prime minister"] == "GOV"
    assert by_term["president"] == "GOV"
    assert by_term["troop"] == "MIL"
    assert by_term["armed forces"] == "MIL"
    assert by_term["police"] == "COP"
    assert by_term["rebel"] == "REB"


# ---------------------------------------------------------------- organisations


def test_organization_header_is_exact(organizations):
    header, _ = organizations
    assert header == ORGANIZATION_COLUMNS


def test_organization_codes_are_well_formed_and_unique(organizations, countries):
    _, rows = organizations
    country_codes = {row["code"] for row in countries[1]}
    for row in rows:
        code = row["code"]
        # CAMEO composes codes from three-letter parts: IGO + region/parent + body.
        assert re.fullmatch(r"[A-Z]{6,9}", code) and len(code) % 3 == 0, code
        assert row["kind"] in ORGANIZATION_KINDS, code
        if row["kind"] == "national":
            # a group inside one country (Hamas, the Taliban): country + sector + group
            assert code[:3] in country_codes and code[3:6] in ALLOWED_SECTORS, code
        else:
            assert code.startswith(row["kind"]), code
        assert row["name"].strip(), code
        # a body of an organisation (the UN Security Council) keeps the organisation's
        # code and adds the role its name says
        assert not row["sector"] or row["sector"] in ALLOWED_SECTORS, code
    organisations = [row["code"] for row in rows if not row["sector"]]
    dupes = [code for code, n in Counter(organisations).items() if n > 1]
    assert not dupes, dupes
    # A sector on a code of its own is the organisation's work (UNHCR: refugees); on a
    # code another row holds, a body of that organisation.
    counts = Counter(row["code"] for row in rows)
    bodies = {row["code"] for row in rows if row["sector"] and counts[row["code"]] > 1}
    assert bodies <= set(organisations), bodies - set(organisations)


def test_enough_organizations(organizations):
    _, rows = organizations
    assert len(rows) >= 40
    codes = {row["code"] for row in rows}
    assert "IGOUNO" in codes


# ---------------------------------------------------------------- across tables


def test_no_alias_maps_to_two_codes(countries, organizations):
    _, country_rows = countries
    _, org_rows = organizations
    owners: dict[str, set[str]] = {}
    for row in country_rows:
        aliases = [
            row["name"],
            *_split(row["names"]),
            *_split(row["adjectives"]),
            *_split(row["metonyms"]),
        ]
        for alias in aliases:
            owners.setdefault(alias.lower(), set()).add(row["code"])
    for row in org_rows:
        for alias in [row["name"], *_split(row["names"])]:
            owners.setdefault(alias.lower(), set()).add(row["code"])
    clashes = {alias: sorted(codes) for alias, codes in owners.items() if len(codes) > 1}
    assert not clashes, clashes


def test_country_and_organization_codes_do_not_collide(countries, organizations):
    _, country_rows = countries
    _, org_rows = organizations
    assert not {r["code"] for r in country_rows} & {r["code"] for r in org_rows}


def test_country_splits_name_a_known_state_and_a_date(countries):
    # part_of/since: the state a country split from and the day it became its own.
    _, rows = countries
    codes = {row["code"] for row in rows}
    for row in rows:
        assert bool(row["part_of"]) == bool(row["since"]), row["code"]
        if row["part_of"]:
            assert row["part_of"] in codes and row["part_of"] != row["code"], row["code"]
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["since"]), row["code"]
