"""People of no office the leader table lists (data/figures.tsv): dated, the leader
table first. Sentences written for these tests."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from importlib import resources

import pytest

from eventwire.actors.figures import build_figure_table, load_figure_table, read_stints
from eventwire.actors.resolve import resolve_mentions
from eventwire.model import Actor, Article
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder


def _actors(coder: Coder, text: str, date: dt.date | None) -> dict[str, Actor]:
    [parsed] = parse_articles(coder.nlp, [Article(id="f", text=text, date=date)])
    return {m.actor.text: m.actor for m in resolve_mentions(parsed, coder.knowledge)}


@pytest.mark.parametrize(
    ("date", "code"),
    [(dt.date(2010, 5, 1), "MYSOPP"), (dt.date(2023, 5, 1), "MYSGOV"), (None, "MYSGOV")],
)
def test_a_figures_code_changes_with_the_date(
    coder: Coder, date: dt.date | None, code: str
) -> None:
    actors = _actors(coder, "Anwar Ibrahim told supporters the vote was unfair.", date)
    assert actors["Anwar Ibrahim"].code == code
    assert actors["Anwar Ibrahim"].name == "Anwar Ibrahim"


@pytest.mark.parametrize(
    ("date", "code"),
    # Prime minister in the leader table from 2018 to 2022; opposition before and after.
    [
        (dt.date(2015, 1, 1), "PAKOPP"),
        (dt.date(2020, 1, 1), "PAKGOV"),
        (dt.date(2023, 1, 1), "PAKOPP"),
    ],
)
def test_the_leader_table_first_while_in_office(coder: Coder, date: dt.date, code: str) -> None:
    actors = _actors(coder, "Imran Khan called for protests in Lahore.", date)
    assert actors["Imran Khan"].code == code


def test_an_armed_groups_leader_by_surname(coder: Coder) -> None:
    actors = _actors(coder, "Nasrallah warned of a long war.", dt.date(2010, 3, 1))
    assert actors["Nasrallah"].code == "LBNREBHEZ"
    assert actors["Nasrallah"].country == "LBN"


def test_outside_any_stint_the_table_says_nothing(coder: Coder) -> None:
    actors = _actors(coder, "Nasrallah warned of a long war.", dt.date(1985, 3, 1))
    assert "Nasrallah" not in actors


def test_every_stint_is_well_formed_and_people_do_not_overlap() -> None:
    text = resources.files("eventwire.data").joinpath("figures.tsv").read_text("utf-8")
    stints = list(read_stints(text.splitlines()))
    countries_text = resources.files("eventwire.data").joinpath("countries.tsv").read_text("utf-8")
    countries = {row["code"] for row in csv.DictReader(countries_text.splitlines(), delimiter="\t")}
    for stint in stints:
        international = stint.code.startswith(("IGO", "NGO", "IMG"))
        assert international or stint.code[:3] in countries, stint
    by_person: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for stint in stints:
        by_person.setdefault(stint.name, []).append((stint.start, stint.end or dt.date.max))
    for name, spans in by_person.items():
        spans.sort()
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end < start, name
    assert len(load_figure_table()) == len(stints)


def test_a_name_two_people_share_is_dropped() -> None:
    lines = [
        "code\tname\taliases\tstart\tend\tnote",
        "PEROPP\tAna Quispe\tQuispe\t2001-01-01\t\t",
        "CHLOPP\tLuis Quispe\tQuispe\t2001-01-01\t\t",
    ]
    table = build_figure_table(read_stints(lines))
    assert table.lookup("Quispe", None) is None
    found = table.lookup("Ana Quispe", dt.date(2005, 1, 1))
    assert found is not None and found.code == "PEROPP"


def test_a_bad_row_is_named() -> None:
    lines = ["code\tname\taliases\tstart\tend\tnote", "PEROP\tAna Quispe\t\t2001-01-01\t\t"]
    with pytest.raises(ValueError, match=r"figures\.tsv:2"):
        list(read_stints(lines))


def test_the_tables_name_whether_or_not_the_tagger_takes_the_first_word(coder: Coder) -> None:
    # "Imran" may be left out of the tagger's name, "Mr." kept in: the name a table knows
    actors = _actors(coder, "Mr. Putin rejected the plan on Monday.", dt.date(2020, 5, 1))
    assert actors["Mr. Putin"].code == "RUSGOV"
    actors = _actors(coder, "Imran Khan rejected the plan on Monday.", dt.date(2020, 5, 1))
    assert actors["Imran Khan"].code == "PAKGOV"
