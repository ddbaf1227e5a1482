"""Leaders by date: the table reader, lookups, and names coded by the story's date."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors.leaders import build_leader_table, load_leader_table, read_terms
from eventwire.actors.resolve import resolve_mentions
from eventwire.model import Article
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder

HEADER = "country\trole\tname\taliases\tstart\tend"
# Written for these tests: an invented country whose leader changes office.
TERMS = [
    HEADER,
    "ARN\tforeign_minister\tAra Velund\tVelund\t2001-01-01\t2004-12-31",
    "ARN\thead_of_government\tAra Velund\tVelund\t2005-01-01\t2009-06-30",
    "ARN\thead_of_state\tBrin Tessaly\t\t2003-01-01\t",
    "ARN\tdefence_minister\tBrin Tessaly\t\t2001-01-01\t2002-12-31",
]


def _table():  # type: ignore[no-untyped-def]
    return build_leader_table(read_terms(TERMS, "test"))


@pytest.mark.parametrize(
    ("date", "code"),
    [
        (dt.date(2000, 6, 1), "ARN"),  # before the first office: the country only
        (dt.date(2003, 6, 1), "ARNGOV"),  # foreign minister
        (dt.date(2007, 6, 1), "ARNGOV"),  # prime minister
        (dt.date(2012, 6, 1), "ARNELI"),  # out of office
    ],
)
def test_code_follows_the_date(date: dt.date, code: str) -> None:
    found = _table().lookup("Velund", date)
    assert found is not None and found.code == code


def test_defence_minister_is_military_then_the_higher_office_wins() -> None:
    table = _table()
    assert table.lookup("Brin Tessaly", dt.date(2002, 1, 1)).code == "ARNMIL"  # type: ignore[union-attr]
    assert table.lookup("Brin Tessaly", dt.date(2020, 1, 1)).code == "ARNGOV"  # type: ignore[union-attr]


def test_without_a_date_the_latest_office() -> None:
    assert _table().lookup("Velund", None).code == "ARNELI"  # type: ignore[union-attr]
    assert _table().lookup("Brin Tessaly", None).code == "ARNGOV"  # type: ignore[union-attr]


def test_unknown_names_are_not_guessed() -> None:
    assert _table().lookup("Tessaly", dt.date(2005, 1, 1)) is None  # no alias listed


@pytest.mark.parametrize(
    "line",
    [
        "ARN\tpresident\tX Y\t\t2001-01-01\t",  # unknown role
        "ARN\thead_of_state\tX Y\t\t2001-13-01\t",  # not a date
        "ARN\thead_of_state\tX Y\t\t2005-01-01\t2001-01-01",  # ends before it starts
        "AR\thead_of_state\tX Y\t\t2001-01-01\t",  # not a code
    ],
)
def test_bad_rows_are_named(line: str) -> None:
    with pytest.raises(ValueError, match="test:2"):
        list(read_terms([HEADER, line], "test"))


def test_shipped_table_codes_a_leader_whose_office_changed() -> None:
    table = load_leader_table()
    johnson = [
        table.lookup("Boris Johnson", dt.date(year, 1, 1)) for year in (2015, 2017, 2020, 2023)
    ]
    assert [found.code for found in johnson if found] == ["GBR", "GBRGOV", "GBRGOV", "GBRELI"]


def _codes(coder: Coder, text: str, date: dt.date | None) -> dict[str, str]:
    [parsed] = parse_articles(coder.nlp, [Article(id="t", text=text, date=date)])
    return {m.actor.text: m.actor.code for m in resolve_mentions(parsed, coder.knowledge)}


@pytest.mark.parametrize(
    ("date", "code"),
    [
        (dt.date(2018, 3, 1), "USAGOV"),
        (dt.date(2022, 3, 1), "USAELI"),
        (dt.date(2025, 3, 1), "USAGOV"),
    ],
)
def test_untitled_leader_is_coded_by_the_story_date(coder: Coder, date: dt.date, code: str) -> None:
    assert _codes(coder, "Trump criticized the agreement on Monday.", date)["Trump"] == code


def test_anchor_argument_overrides_the_article_date(coder: Coder) -> None:
    [parsed] = parse_articles(
        coder.nlp, [Article(id="t", text="Merkel met the press.", date=dt.date(2010, 1, 1))]
    )
    [merkel] = [
        m
        for m in resolve_mentions(parsed, coder.knowledge, anchor=dt.date(2023, 1, 1))
        if m.actor.name
    ]
    assert merkel.actor.code == "DEUELI"
    assert merkel.actor.name == "Angela Merkel"
    assert merkel.actor.resolved_by == "knowledge"


def test_a_title_with_another_country_is_another_person(coder: Coder) -> None:
    codes = _codes(coder, "Chilean senator Putin spoke.", dt.date(2022, 1, 1))
    assert codes.get("Chilean senator Putin") == "CHLLEG"


# A title in the text says what the person is as of the story, whatever the table's
# dates: undated, Buhari's presidency has ended (ELI), but "President Buhari" is GOV.
# The tagger takes "Buhari" after a clause for a place; the title must still count.
@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        (
            "The army attacked the rebels, and President Buhari condemned the rebels.",
            "President Buhari",
            "NGAGOV",
        ),
        ("President Buhari met the governors on Monday.", "President Buhari", "NGAGOV"),
        (
            "The army attacked the rebels, and former President Buhari condemned them.",
            "former President Buhari",
            "NGAELI",
        ),
        ("Former President Obama praised the new law.", "Former President Obama", "USAELI"),
        ("President Obama praised the new law.", "President Obama", "USAGOV"),
        (
            "Prime Minister Boris Johnson criticised the treaty on Tuesday.",
            "Prime Minister Boris Johnson",
            "GBRGOV",
        ),
        (
            "Former Prime Minister Boris Johnson criticised the treaty on Tuesday.",
            "Former Prime Minister Boris Johnson",
            "GBRELI",
        ),
    ],
)
def test_a_title_in_the_text_outranks_the_undated_guess(
    coder: Coder, text: str, mention: str, code: str
) -> None:
    assert _codes(coder, text, None)[mention] == code


def test_a_current_title_codes_the_office_even_after_the_term(coder: Coder) -> None:
    codes = _codes(coder, "Later, President Buhari thanked the soldiers.", dt.date(2025, 6, 1))
    assert codes["President Buhari"] == "NGAGOV"
