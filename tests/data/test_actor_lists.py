"""The small actor lists: nouns that stand for an actor, names two countries share."""

from __future__ import annotations

import csv
from importlib import resources


def _text(name: str) -> str:
    return resources.files("eventwire.data").joinpath(name).read_text("utf-8")


def test_actor_proxies_are_lower_case_and_unique() -> None:
    lines = [line.strip() for line in _text("actor_proxies.txt").splitlines() if line.strip()]
    words = [line for line in lines if not line.startswith("#")]
    assert len(words) >= 20
    assert all(word == word.lower() and " ".join(word.split()) == word for word in words)
    assert len(words) == len(set(words))


def test_word_lists_are_lower_case_unique_and_body_lists_apart() -> None:
    lists = {}
    for name in ("body_heads.txt", "body_state_words.txt", "domestic_portfolios.txt"):
        lines = [line.strip() for line in _text(name).splitlines() if line.strip()]
        words = [line for line in lines if not line.startswith("#")]
        assert words and all(word == word.lower() and word.isalpha() for word in words), name
        assert len(words) == len(set(words)), name
        lists[name] = set(words)
    # a head word that also marked a state's body would never name an NGO
    assert not lists["body_heads.txt"] & lists["body_state_words.txt"]


def test_context_names_point_at_known_countries() -> None:
    countries = {line.split("\t")[0] for line in _text("countries.tsv").splitlines()[1:]}
    rows = list(csv.DictReader(_text("context_names.tsv").splitlines(), delimiter="\t"))
    assert {row["name"] for row in rows} >= {"Congolese", "Congo", "Korean"}
    for row in rows:
        alternatives = [code for code in row["alternatives"].split("|") if code]
        assert row["kind"] in ("country", "adjective"), row
        assert alternatives, row
        assert set(alternatives) <= countries, row
        assert not row["default"] or row["default"] in countries, row
        assert row["default"] not in alternatives, row


def test_national_groups_in_organizations_are_coded_inside_a_country() -> None:
    rows = list(csv.DictReader(_text("organizations.tsv").splitlines(), delimiter="\t"))
    groups = {row["name"]: row["code"] for row in rows if row["kind"] == "national"}
    assert groups["Hamas"].startswith("PSE") and groups["Taliban"].startswith("AFG")


def test_peoples_have_known_homes_and_names_of_their_own() -> None:
    countries = list(csv.DictReader(_text("countries.tsv").splitlines(), delimiter="\t"))
    codes = {row["code"] for row in countries}
    country_words = {
        alias.lower()
        for row in countries
        for cell in (row["name"], row["names"], row["adjectives"], row["metonyms"])
        for alias in cell.split("|")
        if alias
    }
    rows = list(
        csv.DictReader(_text("peoples.tsv").splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    )
    assert len(rows) >= 40
    seen: set[str] = set()
    for row in rows:
        assert list(row) == ["names", "home", "note"], row
        assert not row["home"] or row["home"] in codes, row
        names = [name for name in row["names"].split("|") if name]
        assert names, row
        for name in names:
            # a people's name is never also a country's (that reading would be lost)
            assert name.lower() not in country_words, name
            assert name not in seen, name
            seen.add(name)
