import datetime as dt

import pytest

from eventwire.ingest.dateline import split_dateline


@pytest.mark.parametrize(
    ("paragraph", "year", "place", "country", "agency", "date", "rest"),
    [
        (
            "CARACAS, Venezuela (AP) — The minister spoke on Tuesday.",
            None, "Caracas", "Venezuela", "AP", None, "The minister spoke on Tuesday.",
        ),
        (
            "ISLAMABAD, March 4 (Reuters) - Talks began in the capital.",
            2024, "Islamabad", None, "Reuters", dt.date(2024, 3, 4), "Talks began in the capital.",
        ),
        (
            "WASHINGTON — The envoy arrived.",
            None, "Washington", None, None, None, "The envoy arrived.",
        ),
        (
            "MOSCOW, Feb 15 (AFP) Russia said it was pulling back some troops.",
            2022, "Moscow", None, "AFP", dt.date(2022, 2, 15),
            "Russia said it was pulling back some troops.",
        ),
        (
            "MOSCOW, Feb. 15 (AFP) - Russia said it would talk.",
            2022, "Moscow", None, "AFP", dt.date(2022, 2, 15), "Russia said it would talk.",
        ),
        (
            "BEIRUT, Lebanon, Feb. 15, 2022 (AP) -- Banks closed.",
            None, "Beirut", "Lebanon", "AP", dt.date(2022, 2, 15), "Banks closed.",
        ),
        (
            "NEW DELHI (Reuters) - India and Nepal signed a power deal.",
            None, "New Delhi", None, "Reuters", None, "India and Nepal signed a power deal.",
        ),
        (
            "PORT-AU-PRINCE, Haiti – Gangs blocked the road.",
            None, "Port-Au-Prince", "Haiti", None, None, "Gangs blocked the road.",
        ),
    ],
)  # fmt: skip
def test_dateline_shapes(
    paragraph: str,
    year: int | None,
    place: str,
    country: str | None,
    agency: str | None,
    date: dt.date | None,
    rest: str,
) -> None:
    dateline, remainder = split_dateline(paragraph, year)
    assert dateline is not None
    assert (dateline.place, dateline.country, dateline.agency, dateline.date) == (
        place,
        country,
        agency,
        date,
    )
    assert remainder == rest


def test_month_and_day_need_a_year() -> None:
    dateline, _ = split_dateline("MOSCOW, Feb 15 (AFP) - Talks began.")
    assert dateline is not None and dateline.date is None and dateline.place == "Moscow"


@pytest.mark.parametrize(
    "paragraph",
    [
        "Peru and Brazil signed a deal.",
        "The UN said aid was on its way.",
        "A — B",
        "Maduro said: “We are ready.”",
    ],
)
def test_no_dateline_in_ordinary_sentences(paragraph: str) -> None:
    dateline, rest = split_dateline(paragraph)
    assert dateline is None and rest == paragraph
