import datetime as dt

import pytest

from eventwire.when import resolve_expression

WEDNESDAY = dt.date(2022, 2, 16)


@pytest.mark.parametrize(
    ("text", "future", "value", "precision"),
    [
        ("Wednesday", False, "2022-02-16", "day"),
        ("Tuesday", False, "2022-02-15", "day"),
        ("Thursday", False, "2022-02-10", "day"),
        ("Thursday", True, "2022-02-17", "day"),
        ("next Monday", False, "2022-02-21", "day"),
        ("late Sunday", False, "2022-02-13", "day"),
        ("yesterday", False, "2022-02-15", "day"),
        ("today", False, "2022-02-16", "day"),
        ("last month", False, "2022-01", "month"),
        ("Last month", False, "2022-01", "month"),
        ("last year", False, "2021", "year"),
        ("in October", False, "2021-10", "month"),
        ("in October", True, "2022-10", "month"),
        ("in 2018", False, "2018", "year"),
        ("March 4, 2020", False, "2020-03-04", "day"),
        ("the 1990s", False, "199X", "decade"),
    ],
)
def test_news_relative_expressions(text: str, future: bool, value: str, precision: str) -> None:
    ref = resolve_expression(text, WEDNESDAY, future=future)
    assert (ref.iso, ref.precision) == (value, precision)


@pytest.mark.parametrize("text", ["for three years", "about a month", "a day after"])
def test_durations_are_not_dates(text: str) -> None:
    assert resolve_expression(text, WEDNESDAY).value is None


def test_no_anchor_leaves_relative_dates_unresolved() -> None:
    assert resolve_expression("Wednesday", None).value is None
    assert resolve_expression("in 2018", None).iso == "2018"
