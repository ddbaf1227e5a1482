"""The leader table (data/leaders.tsv): well-formed, consistent, and wide enough."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections import defaultdict
from importlib import resources

import pytest

from eventwire.actors.leaders import ROLES, build_leader_table, read_terms

COLUMNS = ["country", "role", "name", "aliases", "start", "end"]
G20_COUNTRIES = {
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA",
    "JPN", "MEX", "RUS", "SAU", "ZAF", "KOR", "TUR", "GBR", "USA",
}  # fmt: skip


def _text(name: str) -> str:
    return resources.files("eventwire.data").joinpath(name).read_text("utf-8")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return list(csv.DictReader(_text("leaders.tsv").splitlines(), delimiter="\t"))


def test_header_is_exact() -> None:
    assert _text("leaders.tsv").splitlines()[0].split("\t") == COLUMNS


def test_every_row_reads() -> None:
    terms = list(read_terms(_text("leaders.tsv").splitlines()))
    assert len(terms) >= 400
    assert {term.role for term in terms} == set(ROLES)


def test_countries_are_known_codes(rows: list[dict[str, str]]) -> None:
    known = {line.split("\t")[0] for line in _text("countries.tsv").splitlines()[1:]}
    assert {row["country"] for row in rows} <= known


def test_coverage_g20_and_forty_countries(rows: list[dict[str, str]]) -> None:
    countries = {row["country"] for row in rows}
    assert countries >= G20_COUNTRIES
    assert len(countries) >= 40
    for country in ("USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IND", "JPN", "TUR", "ISR", "IRN"):
        roles = {row["role"] for row in rows if row["country"] == country}
        assert {"foreign_minister", "defence_minister"} <= roles, country


def test_terms_of_one_office_do_not_overlap(rows: list[dict[str, str]]) -> None:
    offices: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for row in rows:
        start = dt.date.fromisoformat(row["start"])
        end = dt.date.fromisoformat(row["end"]) if row["end"] else dt.date.max
        assert start <= end, row
        offices[(row["country"], row["role"])].append((start, end))
    for office, terms in offices.items():
        terms.sort()
        for (_, end), (next_start, _) in itertools.pairwise(terms):
            # A hand-over day belongs to both holders; nothing longer may overlap.
            assert next_start >= end, (office, end, next_start)


def test_only_the_latest_term_of_an_office_is_open(rows: list[dict[str, str]]) -> None:
    open_terms: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        if not row["end"]:
            open_terms[(row["country"], row["role"])] += 1
    assert all(count == 1 for count in open_terms.values()), open_terms


def test_no_alias_names_two_people(rows: list[dict[str, str]]) -> None:
    people: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for key in [row["name"], *filter(None, row["aliases"].split("|"))]:
            people[key].add(row["name"])
    shared = {key: names for key, names in people.items() if len(names) > 1}
    assert not shared, shared


def test_common_words_are_not_aliases(rows: list[dict[str, str]]) -> None:
    aliases = {alias for row in rows for alias in row["aliases"].split("|")}
    assert not aliases & {"May", "Brown", "Fox", "Hunt", "Moon", "Park", "Lee", "Kim", "Jonathan"}


def test_table_builds() -> None:
    table = build_leader_table(read_terms(_text("leaders.tsv").splitlines()))
    assert table.lookup("Putin", dt.date(2022, 2, 16)) is not None
