"""When: expression normalisation and event dating, on sentences we wrote."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from spacy.language import Language

from eventwire.model import Actor, Article, Event, Plover, Span
from eventwire.nlp import ParsedArticle, load_pipeline, parse_articles
from eventwire.when import date_events, find_expressions, normalise, resolve_expression

WEDNESDAY = dt.date(2022, 2, 16)


@pytest.mark.parametrize(
    ("text", "future", "value", "precision"),
    [
        ("Wednesday", False, "2022-02-16", "day"),
        ("Tuesday", False, "2022-02-15", "day"),
        ("Thursday", False, "2022-02-10", "day"),
        ("Thursday", True, "2022-02-17", "day"),
        ("next Monday", False, "2022-02-21", "day"),
        ("last Wednesday", False, "2022-02-09", "day"),
        ("late Sunday", False, "2022-02-13", "day"),
        ("yesterday", False, "2022-02-15", "day"),
        ("today", False, "2022-02-16", "day"),
        ("tomorrow", False, "2022-02-17", "day"),
        ("last week", False, "2022-02-07", "day"),
        ("next week", False, "2022-02-21", "day"),
        ("last month", False, "2022-01", "month"),
        ("Last month", False, "2022-01", "month"),
        ("next month", False, "2022-03", "month"),
        ("earlier this month", False, "2022-02", "month"),
        ("last year", False, "2021", "year"),
        ("late last year", False, "2021", "year"),
        ("next year", False, "2023", "year"),
        ("in October", False, "2021-10", "month"),
        ("in October", True, "2022-10", "month"),
        ("mid-October", False, "2021-10", "month"),
        ("in 2018", False, "2018", "year"),
        ("March 4, 2020", False, "2020-03-04", "day"),
        ("4 March 2020", False, "2020-03-04", "day"),
        ("the 1990s", False, "199X", "decade"),
        ("two years ago", False, "2020", "year"),
        ("Christmas", False, "2021-12-25", "day"),
    ],
)
def test_news_relative_expressions(text: str, future: bool, value: str, precision: str) -> None:
    ref = resolve_expression(text, WEDNESDAY, future=future)
    assert (ref.iso, ref.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Wednesday", "DATE", "2022-02-16"),
        ("last week", "DATE", "2022-W06"),
        ("the first quarter", "DATE", "2022-Q1"),
        ("the 1990s", "DATE", "199"),
        ("Friday morning", "TIME", "2022-02-11TMO"),
        ("10:30 a.m. Tuesday", "TIME", "2022-02-15T10:30"),
        ("for three years", "DURATION", "P3Y"),
        ("about a month", "DURATION", "P1M"),
        ("five-hour", "DURATION", "PT5H"),
        ("several weeks", "DURATION", "PXW"),
        ("every Monday", "SET", "XXXX-WXX-1"),
        ("weekly", "SET", "P1W"),
        ("now", "DATE", "PRESENT_REF"),
        ("recently", "DATE", "PAST_REF"),
        ("the future", "DATE", "FUTURE_REF"),
        ("nineteen ninety-six", "DATE", "1996"),
    ],
)
def test_timex_types_and_values(text: str, kind: str, value: str) -> None:
    timex = normalise(text, WEDNESDAY)
    assert (timex.type, timex.value) == (kind, value)


def test_a_month_with_its_day_is_the_nearer_one_and_tense_decides_bare_months() -> None:
    november = dt.date(1989, 11, 2)
    assert normalise("Dec. 7", november).value == "1989-12-07"
    assert normalise("Sept. 30", november).value == "1989-09-30"
    assert normalise("in April", dt.date(1998, 12, 5), tense="future").value == "1999-04"
    assert normalise("in April", dt.date(1998, 12, 5), tense="past").value == "1998-04"
    # With no tense to go by, next month is upcoming; in the past tense it is last year's.
    assert normalise("mid-March", WEDNESDAY).value == "2022-03"
    assert normalise("mid-March", WEDNESDAY, tense="past").value == "2021-03"


def test_deadline_is_marked_and_durations_are_not_dates() -> None:
    deadline = normalise("no later than 2024", WEDNESDAY)
    assert deadline.deadline and deadline.value == "2024"
    for text in ("for three years", "about a month", "a day after"):
        assert resolve_expression(text, WEDNESDAY).value is None


def test_no_anchor_leaves_relative_dates_unresolved() -> None:
    assert resolve_expression("Wednesday", None).value is None
    assert normalise("last month", None).value is None
    assert resolve_expression("in 2018", None).iso == "2018"


def test_earnings_story_reads_a_year_earlier_as_that_quarter() -> None:
    assert normalise("a year earlier", dt.date(1989, 10, 26), quarterly=True).value == "1988-Q3"
    assert normalise("a year earlier", dt.date(1989, 10, 26)).value == "1988"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _parsed(nlp: Language, text: str, date: dt.date | None = WEDNESDAY) -> ParsedArticle:
    return next(parse_articles(nlp, [Article(id="t", text=text, date=date)]))


def _event(parsed: ParsedArticle, trigger: str) -> Event:
    start = parsed.article.text.index(trigger)
    sentence = next(s for s in parsed.sentences if s.start <= start < s.end)
    return Event(
        article_id="t", sentence_id=sentence.index, sentence=sentence.text,
        trigger=Span(trigger, start, start + len(trigger)), source=None, target=None,
        cameo="040", cameo_label="Consult", plover=Plover("CONSULT"), quad_class=1,
        goldstein=1.0,
    )  # fmt: skip


def _dated(nlp: Language, text: str, trigger: str, anchor: dt.date | None = WEDNESDAY) -> Event:
    parsed = _parsed(nlp, text, anchor)
    [event] = date_events([_event(parsed, trigger)], parsed, anchor)
    return event


def test_event_takes_the_expression_of_its_clause(nlp: Language) -> None:
    event = _dated(nlp, "Peru and Chile signed a trade agreement on Monday.", "signed")
    assert (event.date, event.date_precision, event.date_text) == ("2022-02-14", "day", "Monday")
    assert not event.background


def test_a_month_after_dates_the_earlier_clause_a_month_before(nlp: Language) -> None:
    text = "The remarks came about a month after the two presidents spoke by phone."
    call = _dated(nlp, text, "spoke")
    assert (call.date, call.date_precision) == ("2022-01", "month")
    assert call.background
    remarks = _dated(nlp, text, "came")
    assert remarks.date == "2022-02-16"


def test_a_day_after_dates_the_clause_it_introduces(nlp: Language) -> None:
    text = "The minister resigned Wednesday, a day after protesters stormed the parliament."
    assert _dated(nlp, text, "stormed").date == "2022-02-15"
    assert _dated(nlp, text, "resigned").date == "2022-02-16"


def test_background_event_keeps_its_own_date_never_the_story_day(nlp: Language) -> None:
    event = _dated(nlp, "Talks between the two sides were suspended in October.", "suspended")
    assert (event.date, event.background) == ("2021-10", True)
    recalled = _dated(nlp, "Russia previously helped Venezuela build a refinery.", "helped")
    assert recalled.date is None and recalled.background


def test_expression_of_another_clause_does_not_date_the_event(nlp: Language) -> None:
    text = "Quispe thanked Brazil for the aid it provided in 2019."
    assert _dated(nlp, text, "thanked").date == "2022-02-16"
    assert _dated(nlp, text, "provided").date == "2019"


def test_deadline_does_not_date_the_event(nlp: Language) -> None:
    text = "Diplomats on Tuesday called for elections no later than 2024."
    assert _dated(nlp, text, "called").date == "2022-02-15"


def test_future_tense_takes_the_coming_weekday(nlp: Language) -> None:
    assert _dated(nlp, "The ministers will meet Friday in Lima.", "meet").date == "2022-02-18"


def test_without_anchor_relative_date_is_null_with_text_kept(nlp: Language) -> None:
    event = _dated(nlp, "The ministers met on Tuesday.", "met", anchor=None)
    assert (event.date, event.date_text) == (None, "Tuesday")


def test_find_expressions_trims_to_timeml_extent(nlp: Language) -> None:
    doc = nlp("Sales rose 5% in the first nine months, and the firm will report on Nov. 9.")
    found = {f.text: f.timex.value for f in find_expressions(doc, dt.date(1989, 10, 30))}
    assert found == {"the first nine months": "P9M", "Nov. 9": "1989-11-09"}


def test_event_flagged_background_upstream_is_never_dated_to_the_story_day(
    nlp: Language,
) -> None:
    parsed = _parsed(nlp, "Venezuela has become isolated under sanctions imposed by the U.S.")
    event = replace(_event(parsed, "imposed"), background=True)
    [dated] = date_events([event], parsed, WEDNESDAY)
    assert dated.date is None and dated.background


def _all_dated(nlp: Language, text: str, triggers: list[str]) -> dict[str, Event]:
    parsed = _parsed(nlp, text)
    events = [_event(parsed, trigger) for trigger in triggers]
    return {e.trigger.text: e for e in date_events(events, parsed, WEDNESDAY)}


def test_also_after_recalled_events_is_background_and_undated(nlp: Language) -> None:
    text = (
        "Chile previously trained Peruvian pilots and sold them jets in 2015. "
        "It also donated medicine, for which Peru's president voiced his thanks Wednesday."
    )
    dated = _all_dated(nlp, text, ["trained", "sold", "donated", "voiced"])
    assert (dated["donated"].date, dated["donated"].background) == (None, True)
    assert (dated["voiced"].date, dated["voiced"].background) == ("2022-02-16", False)


def test_also_shares_the_one_date_of_the_sentence_before(nlp: Language) -> None:
    text = "Envoys from Peru met in Lima on Monday. They also discussed reopening the border."
    dated = _all_dated(nlp, text, ["met", "discussed", "reopening"])
    assert dated["discussed"].date == "2022-02-14"
    assert dated["reopening"].date == "2022-02-14"


def test_also_in_todays_news_keeps_the_story_day(nlp: Language) -> None:
    text = "Chile will host the summit. Peru also announced a visit."
    dated = _all_dated(nlp, text, ["announced"])
    assert dated["announced"].date == "2022-02-16"


def _statement(parsed: ParsedArticle, trigger: str, source: str) -> Event:
    return replace(
        _event(parsed, trigger),
        source=Actor(source, source[:3], source[3:] or None, source),
        cameo="010",
        cameo_label="Statement",
    )


def test_reaction_to_an_earlier_statement_shares_its_time(nlp: Language) -> None:
    text = (
        "Last month, Peru's foreign minister said troops could be sent to the border. "
        "Chile dismissed those remarks by the minister as posturing."
    )
    parsed = _parsed(nlp, text)
    said = _statement(parsed, "said", "PERGOV")
    dismissal = replace(
        _event(parsed, "dismissed"), target=Actor("PERGOV", "PER", "GOV", "the minister")
    )
    [_, reaction] = date_events([said, dismissal], parsed, WEDNESDAY)
    assert (reaction.date, reaction.background) == ("2022-01", True)


def test_reaction_with_no_statement_told_before_keeps_the_story_day(nlp: Language) -> None:
    text = "Chile rejected the remarks of Peru's foreign minister as posturing."
    parsed = _parsed(nlp, text)
    dismissal = replace(
        _event(parsed, "rejected"), target=Actor("PERGOV", "PER", "GOV", "the minister")
    )
    [dated] = date_events([dismissal], parsed, WEDNESDAY)
    assert (dated.date, dated.background) == ("2022-02-16", False)


def test_past_cue_in_what_is_reported_does_not_make_the_saying_background(
    nlp: Language,
) -> None:
    text = "The ministry said the two drivers had been arrested for smuggling fuel."
    dated = _all_dated(nlp, text, ["said", "arrested"])
    assert (dated["said"].date, dated["said"].background) == ("2022-02-16", False)
    assert dated["arrested"].background


def test_past_cue_in_a_participle_clause_stays_with_that_clause(nlp: Language) -> None:
    text = "The ministry rejected the remarks, denying that any troops had been sent."
    dated = _all_dated(nlp, text, ["rejected"])
    assert (dated["rejected"].date, dated["rejected"].background) == ("2022-02-16", False)


def test_a_bound_before_the_expression_dates_nothing(nlp: Language) -> None:
    text = "The two presidents pledged on Tuesday to double trade by the end of the decade."
    assert _dated(nlp, text, "pledged").date == "2022-02-15"
    text = "The presidents pledged to double trade by the end of the decade."
    assert _dated(nlp, text, "pledged").date == "2022-02-16"
