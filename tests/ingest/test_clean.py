import datetime as dt

import pytest

from eventwire.ingest.clean import (
    byline_of,
    clean_body,
    is_junk_line,
    junk_line_patterns,
    split_dateline,
)


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


def test_headline_is_not_repeated_at_the_top_of_the_body() -> None:
    text = (
        "Talks resume in Lima\n\nBy Ana Torres\n\nLIMA, Peru (AP) — Talks resumed.\n\nMore later."
    )
    body = clean_body(text, title="Talks resume in Lima")
    assert body.title == "Talks resume in Lima"
    assert body.text == "Talks resumed.\n\nMore later."
    assert body.byline == "Ana Torres"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By JANE DOE and JOHN ROE", "JANE DOE and JOHN ROE"),
        ("By Jane Doe, Associated Press", "Jane Doe"),
        ("By Jane Doe | Reuters", "Jane Doe"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "Jane Doe"),
    ],
)
def test_bylines(line: str, names: str) -> None:
    assert byline_of(line) == names


@pytest.mark.parametrize(
    "line",
    ["By the end of the week, talks had stalled.", "By Tuesday the troops had left the city."],
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    assert byline_of(line) is None


def test_closing_credit_line_becomes_the_byline() -> None:
    body = clean_body(
        "Talks resumed on Monday.\n\nBoth sides said they were hopeful.\n\n"
        "(Reporting by Imran Qureshi; Editing by Jane Doe)"
    )
    assert body.byline == "Imran Qureshi"
    assert "Reporting" not in body.text


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Story continues below advertisement",
        "Facebook Twitter Email",
        "Updated 3:45 PM EST, Feb 16, 2022",
        "5 min read",
        "We use cookies to improve your experience.",
        "Accept all cookies",
        "AP Photo/Ariana Cubillos",
        "(AP Photo/Jane Doe)",
        "Related: Ten things to know",
        "View comments",
        "À lire aussi : la réforme",
        "Auch interessant:",
    ],
)
def test_more_junk_lines(line: str) -> None:
    assert is_junk_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Published reports said 12 people died in the attack on Tuesday.",
        "Share prices fell sharply after the announcement.",
        "Related talks are expected next week in Geneva.",
    ],
)
def test_news_lines_that_look_like_junk_are_kept(line: str) -> None:
    assert not is_junk_line(line)


def test_junk_rules_are_valid_and_unique() -> None:
    from importlib import resources

    source = resources.files("eventwire.data").joinpath("junk_lines.txt").read_text("utf-8")
    rules = [
        line.strip() for line in source.splitlines() if line.strip() and not line.startswith("#")
    ]
    assert len(rules) == len(set(rules)), "duplicate rule in data/junk_lines.txt"
    assert len(junk_line_patterns()) == len(rules)
    # No rule may swallow ordinary news sentences.
    for sentence in ["The minister said talks would resume.", "Police arrested 12 people."]:
        assert not is_junk_line(sentence)
