import datetime as dt

import pytest

from eventwire.ingest.clean import clean_body, is_junk_line, split_dateline


@pytest.mark.parametrize(
    "line",
    [
        "Oops!",
        "• Oops!",
        "Something went wrong.",
        "Please try again later.",
        "Oops! Something went wrong. Please try again later.",
        "Advertisement",
        "Read more: the week in pictures",
        "Sign up for our daily newsletter",
        "Share this story",
        "12 comments",
        "Photo: Jane Doe/Example Agency",
    ],
)
def test_junk_lines_are_recognised(line: str) -> None:
    assert is_junk_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Police fired tear gas at protesters.",
        "The remarks came about a month after the call.",
        "Something went wrong with the talks, officials said.",
    ],
)
def test_news_lines_are_kept(line: str) -> None:
    assert not is_junk_line(line)


def test_dateline_with_country_and_agency() -> None:
    dateline, rest = split_dateline("LIMA, Peru (AP) — Peruvian officials met on Tuesday.")
    assert dateline is not None
    assert (dateline.place, dateline.country, dateline.agency) == ("Lima", "Peru", "AP")
    assert rest == "Peruvian officials met on Tuesday."


def test_dateline_with_date_needs_a_year() -> None:
    dateline, rest = split_dateline("ISLAMABAD, March 4 (Reuters) - Talks began.", year=2024)
    assert dateline is not None and dateline.date == dt.date(2024, 3, 4)
    assert dateline.agency == "Reuters" and rest == "Talks began."
    undated, _ = split_dateline("MOSCOW, Feb 15 (AFP) - Talks began.")
    assert undated is not None and undated.date is None and undated.place == "Moscow"


def test_bare_dateline() -> None:
    dateline, rest = split_dateline("WASHINGTON — The envoy arrived.")
    assert dateline is not None and dateline.place == "Washington" and dateline.agency is None
    assert rest == "The envoy arrived."


def test_no_dateline_in_ordinary_sentence() -> None:
    dateline, rest = split_dateline("Peru and Brazil signed a deal.")
    assert dateline is None and rest == "Peru and Brazil signed a deal."


def test_clean_body_splits_headline_widget_and_dateline() -> None:
    text = (
        "Headline about a pledge\n\n  • Oops!\n    Something went wrong.\n\n"
        "LIMA, Peru (AP) — First line\nwrapped here.\n\nSecond paragraph."
    )
    body = clean_body(text)
    assert body.title == "Headline about a pledge"
    assert body.text == "First line wrapped here.\n\nSecond paragraph."
    assert body.dateline is not None and body.dateline.place == "Lima"
    assert "Oops" not in body.text
