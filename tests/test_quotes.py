"""Quotes: every quote shape of the quotes issue, on paragraphs written for these tests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from eventwire.model import Event, Plover, Quote, Span
from eventwire.pipeline import Coder
from eventwire.quotes import link_events_to_quotes, quote_id
from eventwire.quotes.cues import CueTableError, load_cue_lexicon, parse_cue_table
from eventwire.quotes.marks import find_quoted_spans
from support.quoting import code, direct, indirect, quotes_of

# -- quotation marks alone ---------------------------------------------------------


def test_marks_pair_straight_and_curly_quotes() -> None:
    text = '"We are ready," he said. “So are we,” she said.'
    spans = [text[s.start : s.end] for s in find_quoted_spans(text)]
    assert spans == ["We are ready", "So are we"]


def test_marks_carry_a_quote_over_paragraphs_that_reopen_it() -> None:
    text = "“The first part runs on.\n\n“The second part ends it,” he said."
    [span] = find_quoted_spans(text)
    assert text[span.start : span.end] == "The first part runs on.\n\n“The second part ends it"
    assert span.paragraphs == 2 and span.opened and span.closed


def test_marks_repair_a_missing_closing_mark_at_the_paragraph_end() -> None:
    text = "He called the plan “a disgrace.\n\n“We reject it,” she said."
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["a disgrace.", "We reject it"]
    assert spans[0].closed is False and spans[1].closed is True


def test_marks_repair_a_missing_opening_mark_at_the_sentence_start() -> None:
    text = "The talks ended. We will win,” the minister said."
    [span] = find_quoted_spans(text, sentence_starts=[0, 17])
    assert text[span.start : span.end] == "We will win"
    assert span.opened is False


# -- direct quotes -----------------------------------------------------------------


def test_quote_before_its_cue(coder: Coder) -> None:
    quotes = quotes_of(
        coder,
        "Peruvian President Ana Quispe met Brazilian officials on Tuesday.\n\n"
        "“We will defend our borders,” Quispe said at a news conference.",
    )
    [quote] = direct(quotes)
    assert quote.text == "We will defend our borders"
    assert quote.cue == "said"
    assert code(quote) == "PERGOV"
    assert quote.speaker is not None and quote.speaker.name == "Ana Quispe"
    assert quote.speaker_span is not None and quote.speaker_span.text == "Quispe"


def test_quote_after_its_cue_with_straight_marks(coder: Coder) -> None:
    quotes = quotes_of(coder, 'Peruvian President Ana Quispe said: "Our soldiers are ready."')
    [quote] = direct(quotes)
    assert quote.text == "Our soldiers are ready."
    assert (quote.cue, code(quote)) == ("said", "PERGOV")


def test_quote_with_the_speaker_after_the_cue(coder: Coder) -> None:
    quotes = quotes_of(coder, "“The border stays open,” said Chilean Foreign Minister Luis Vargas.")
    [quote] = direct(quotes)
    assert code(quote) == "CHLGOV"
    assert quote.speaker is not None and quote.speaker.name == "Luis Vargas"


def test_quote_split_by_its_cue(coder: Coder) -> None:
    quotes = quotes_of(
        coder,
        "Peruvian President Ana Quispe spoke in Lima.\n\n"
        "“We have studied the offer,” she said, “and we will answer it next week.”",
    )
    first, second = direct(quotes)
    assert first.text == "We have studied the offer"
    assert second.text == "and we will answer it next week."
    assert first.cue == second.cue == "said"
    assert code(first) == code(second) == "PERGOV"
    assert first.quote_id != second.quote_id


def test_partial_quote_inside_a_sentence(coder: Coder) -> None:
    quotes = quotes_of(
        coder,
        "Peruvian President Ana Quispe promised a “firm and lasting” partnership with Brazil.",
    )
    [quote] = direct(quotes)
    assert quote.text == "firm and lasting"
    assert (quote.cue, code(quote)) == ("promised", "PERGOV")


def test_single_quotes_inside_double_quotes_belong_to_the_quote(coder: Coder) -> None:
    quotes = quotes_of(
        coder, "“They called it ‘a historic day’ and we agree,” Peruvian President Ana Quispe said."
    )
    [quote] = direct(quotes)
    assert quote.text == "They called it ‘a historic day’ and we agree"


def test_quote_over_several_paragraphs(coder: Coder) -> None:
    text = (
        "Chilean Foreign Minister Luis Vargas addressed the assembly on Monday.\n\n"
        "“The first part of the speech recalls the treaty we signed with our neighbours.\n\n"
        "“The second part says we will keep every promise of that treaty,” Vargas said."
    )
    [quote] = direct(quotes_of(coder, text))
    assert quote.text.startswith("The first part of the speech")
    assert quote.text.endswith("we will keep every promise of that treaty")
    assert "\n\n“The second part" in quote.text
    assert code(quote) == "CHLGOV"
    assert text[quote.start : quote.end] == quote.text


def test_a_second_paragraph_of_speech_goes_on_with_the_speaker(coder: Coder) -> None:
    quotes = quotes_of(
        coder,
        "“We will defend our borders,” Peruvian President Ana Quispe said.\n\n"
        "“Nobody will take an inch of our land, and nobody will divide our people.”",
    )
    first, second = direct(quotes)
    assert code(second) == code(first) == "PERGOV"
    assert second.cue is None


def test_odd_number_of_quote_marks_keeps_the_other_quotes(coder: Coder) -> None:
    text = (
        "Chilean Foreign Minister Luis Vargas called the plan “a disgrace.\n\n"
        "“We reject it completely,” Vargas said on Monday.\n\n"
        "“We will take the case to the court in The Hague,” he added."
    )
    assert sum(text.count(mark) for mark in "“”") == 5
    quotes = direct(quotes_of(coder, text))
    assert [quote.text for quote in quotes] == [
        "a disgrace.",
        "We reject it completely",
        "We will take the case to the court in The Hague",
    ]
    assert [code(quote) for quote in quotes] == ["CHLGOV", "CHLGOV", "CHLGOV"]


def test_textacy_gives_up_where_we_do_not(coder: Coder) -> None:
    """Why the extractor is our own: textacy bails out on the whole story."""
    from textacy.extract.triples import direct_quotations

    text = "Vargas called the plan “a disgrace.\n\n“We reject it completely,” Vargas said."
    with pytest.raises(ValueError):
        list(direct_quotations(coder.nlp(text)))
    assert len(direct(quotes_of(coder, text))) == 2


def test_quote_signed_with_a_dash(coder: Coder) -> None:
    quotes = quotes_of(
        coder, "“Our town needs a new bridge before the winter comes.” ― Maria Lopez"
    )
    [quote] = direct(quotes)
    assert quote.speaker_span is not None and quote.speaker_span.text == "Maria Lopez"


def test_scare_quotes_and_titles_are_not_quotes(coder: Coder) -> None:
    quotes = quotes_of(
        coder, "The so-called “reform” was discussed on “Meet the Press” by several guests."
    )
    assert direct(quotes) == []


# -- reported speech ---------------------------------------------------------------


def test_said_that_is_reported_speech_with_its_cue(coder: Coder) -> None:
    quotes = quotes_of(
        coder, "Peruvian President Ana Quispe said that Peru would send aid to Bolivia."
    )
    [quote] = indirect(quotes)
    assert quote.text == "that Peru would send aid to Bolivia"
    assert (quote.cue, code(quote)) == ("said", "PERGOV")


def test_said_without_that(coder: Coder) -> None:
    [quote] = indirect(quotes_of(coder, "Peruvian President Ana Quispe said Peru would send aid."))
    assert quote.text == "Peru would send aid"


def test_according_to(coder: Coder) -> None:
    quotes = quotes_of(
        coder,
        "Peru will send troops to the border, according to a statement from the Peruvian "
        "Foreign Ministry.",
    )
    [quote] = indirect(quotes)
    assert quote.text == "Peru will send troops to the border"
    assert quote.cue == "according to"
    assert code(quote) == "PERGOV"


def test_told_reporters(coder: Coder) -> None:
    quotes = quotes_of(
        coder, "Chilean Foreign Minister Luis Vargas told reporters that the talks had stalled."
    )
    [quote] = indirect(quotes)
    assert quote.text == "that the talks had stalled"
    assert (quote.cue, code(quote)) == ("told", "CHLGOV")


def test_accused_of(coder: Coder) -> None:
    [quote] = indirect(quotes_of(coder, "Peru accused Chile of violating the border treaty."))
    assert quote.text == "Chile of violating the border treaty"
    assert (quote.cue, code(quote)) == ("accused", "PER")


# -- speakers ----------------------------------------------------------------------


def test_title_refers_to_the_earlier_person(coder: Coder) -> None:
    quotes = quotes_of(
        coder,
        "Peruvian President Ana Quispe arrived in Brasilia on Monday.\n\n"
        "“We came to sign, not to talk,” the president said.",
    )
    [quote] = direct(quotes)
    assert quote.speaker_span is not None and quote.speaker_span.text == "the president"
    assert quote.speaker is not None
    assert (quote.speaker.code, quote.speaker.name) == ("PERGOV", "Ana Quispe")


def test_spokesman_refers_to_the_earlier_spokesman(coder: Coder) -> None:
    quotes = quotes_of(
        coder,
        "Brazilian Foreign Ministry spokesman Pedro Costa spoke after the meeting.\n\n"
        "“The door remains open,” the spokesman said.",
    )
    [quote] = direct(quotes)
    assert code(quote) is not None and code(quote).startswith("BRA")  # type: ignore[union-attr]


def test_organisation_speaker_and_the_statement_referring_back(coder: Coder) -> None:
    quotes = quotes_of(
        coder,
        "Ministers discussed “a peaceful and lasting settlement” of the dispute, according to "
        "a statement from the Peruvian Foreign Ministry.\n\n"
        "They also agreed on “an early return to talks in good faith,” according to the "
        "statement.",
    )
    first, second = direct(quotes)
    assert first.text == "a peaceful and lasting settlement"
    assert second.text == "an early return to talks in good faith"
    assert code(first) == code(second) == "PERGOV"
    assert second.speaker_span is not None and second.speaker_span.text == "the statement"


def test_quote_offsets_index_the_article_text_and_ids_are_stable(coder: Coder) -> None:
    text = "“We will defend our borders,” Peruvian President Ana Quispe said."
    first = quotes_of(coder, text)
    again = quotes_of(coder, text)
    assert [quote.quote_id for quote in first] == [quote.quote_id for quote in again]
    for quote in first:
        assert text[quote.start : quote.end] == quote.text
        assert quote.quote_id == quote_id("story", quote.start, quote.end)
        assert quote.sentence_id == 0
    assert quote_id("other", 1, 5) != quote_id("story", 1, 5)


# -- events ------------------------------------------------------------------------


def _event(start: int, end: int) -> Event:
    return Event(
        article_id="story",
        sentence_id=0,
        sentence="",
        trigger=Span("x" * (end - start), start, end),
        source=None,
        target=None,
        cameo="010",
        cameo_label="Make statement",
        plover=Plover("CONSULT"),
        quad_class=1,
        goldstein=0.0,
    )


def _quote(start: int, end: int, kind: str, article_id: str = "story") -> Quote:
    return Quote(
        quote_id=quote_id(article_id, start, end),
        article_id=article_id,
        sentence_id=0,
        text="",
        start=start,
        end=end,
        cue=None,
        speaker=None,
        kind=kind,  # type: ignore[arg-type]
    )


def test_events_inside_a_quote_carry_its_id() -> None:
    reported = _quote(10, 80, "indirect")
    quoted = _quote(30, 50, "direct")
    elsewhere = _quote(30, 50, "direct", article_id="other")
    events = [_event(35, 40), _event(60, 65), _event(0, 5)]
    linked = link_events_to_quotes(events, [reported, quoted, elsewhere])
    assert [event.quote_id for event in linked] == [quoted.quote_id, reported.quote_id, None]
    assert linked[2] == events[2]
    assert dataclasses.replace(linked[0], quote_id=None) == events[0]


# -- the cue table -----------------------------------------------------------------


def test_shipped_cue_table_loads() -> None:
    cues = load_cue_lexicon()
    assert {"say", "tell", "accuse"} <= cues.verbs
    assert "believe" in cues.stance_verbs and "believe" not in cues.verbs
    assert "statement" in cues.statement_nouns
    assert "he" in cues.person_pronouns


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "mapping"),
        ({"clause_verbs": ["say"]}, "missing"),
    ],
)
def test_malformed_cue_table_is_named(raw: object, message: str) -> None:
    with pytest.raises(CueTableError, match=message):
        parse_cue_table(raw, "cues.yaml")


def test_cue_table_rejects_duplicates_and_capitals() -> None:
    from importlib import resources

    import yaml

    shipped = yaml.safe_load(
        resources.files("eventwire.data").joinpath("quote_cues.yaml").read_text("utf-8")
    )
    shipped["clause_verbs"] = ["say", "say"]
    with pytest.raises(CueTableError, match=r"cues\.yaml: clause_verbs: 'say' is listed twice"):
        parse_cue_table(shipped, "cues.yaml")
    shipped["clause_verbs"] = ["Say"]
    with pytest.raises(CueTableError, match="not a lower-case lemma"):
        parse_cue_table(shipped, "cues.yaml")


# -- the PolNeAR reader and scorer, on a brat file written here ----------------------


def test_polnear_reader_and_scorer_on_a_small_example(tmp_path: Path) -> None:
    from eventwire.eval.polnear import PolnearError, load_polnear, quote_units
    from eventwire.eval.quotes import Predicted, Tally

    text = '"We will win," Ana Quispe said. Vargas said the talks had "stalled badly".\n'
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(text, encoding="utf-8")
    ann = (
        'T1\tContent 0 14\t"We will win,"\n'
        "T2\tSource 15 25\tAna Quispe\n"
        "T3\tCue 26 30\tsaid\n"
        "T4\tSource 32 38\tVargas\n"
        "T5\tCue 39 43\tsaid\n"
        'T6\tContent 44 73\tthe talks had "stalled badly"\n'
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
    )
    (tmp_path / "attributions" / "story_a1.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "attributions" / "story_b2.ann").write_text("", encoding="utf-8")
    [document] = list(load_polnear(tmp_path))
    direct_units, indirect_units = quote_units(document)
    assert [text[u.start : u.end] for u in direct_units] == ["We will win", "stalled badly"]
    assert [text[u.start : u.end] for u in indirect_units] == ['the talks had "stalled badly']
    tally = Tally()
    tally.add(text, [Predicted(1, 12, (15, 25)), Predicted(60, 65, None)], direct_units)
    assert (tally.exact, tally.correct, tally.found) == (1, 2, 2)
    assert tally.speaker_accuracy() == 0.5
    with pytest.raises(PolnearError, match="text/ and attributions/"):
        list(load_polnear(tmp_path / "text"))
