"""More quote shapes, on paragraphs written for these tests: reported speech with the cue
after or inside its content, naming verbs, findings, speaker labels, doubled-apostrophe
marks, and speakers found where the parse hides them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml

from eventwire.pipeline import Coder
from eventwire.quotes.cues import CueTableError, load_cue_lexicon, parse_cue_table
from eventwire.quotes.marks import find_quoted_spans, normalize_marks
from support.quoting import code, direct, indirect, name, quotes_of

# -- doubled apostrophes as quotation marks ------------------------------------------


def test_doubled_apostrophes_are_a_double_mark_with_offsets_kept() -> None:
    text = "''We will not sign,'' he said, and '''no' means no.''"
    normalized = normalize_marks(text)
    assert len(normalized) == len(text)
    spans = [text[s.start : s.end] for s in find_quoted_spans(text)]
    assert spans == ["We will not sign", "'no' means no."]
    assert normalize_marks("a 6'' pipe") == "a 6'' pipe"  # inches, not a mark


def test_a_story_typeset_with_doubled_apostrophes(coder: Coder) -> None:
    quotes = quotes_of(
        coder,
        "''We will not sign this year,'' Peruvian President Ana Quispe said. "
        "''The treaty needs work.''",
    )
    first, second = direct(quotes)
    assert (first.text, second.text) == ("We will not sign this year", "The treaty needs work.")
    assert code(first) == code(second) == "PERGOV"
    assert indirect(quotes) == []  # the quoted words are not reported a second time


# -- reported speech: where the cue stands -------------------------------------------


def test_cue_after_the_reported_clause(coder: Coder) -> None:
    [quote] = indirect(
        quotes_of(coder, "The border crossing will reopen next month, Peruvian officials said.")
    )
    assert quote.text == "The border crossing will reopen next month"
    assert (quote.cue, code(quote)) == ("said", "PERGOV")


def test_cue_inside_the_reported_clause_gives_a_piece_on_each_side(coder: Coder) -> None:
    quotes = indirect(
        quotes_of(
            coder,
            "The new bridge, Chilean Foreign Minister Luis Vargas said, will carry trade for "
            "a generation.",
        )
    )
    assert [quote.text for quote in quotes] == [
        "The new bridge",
        "will carry trade for a generation",
    ]
    assert {name(quote) for quote in quotes} == {"Luis Vargas"}


def test_a_cue_reported_by_another_is_not_a_cue_after_its_clause(coder: Coder) -> None:
    quotes = indirect(
        quotes_of(coder, "Peruvian officials said a second convoy was found near the border.")
    )
    assert [quote.text for quote in quotes] == ["a second convoy was found near the border"]
    assert code(quotes[0]) == "PERGOV"


def test_told_reporters_without_that(coder: Coder) -> None:
    [quote] = indirect(
        quotes_of(
            coder,
            "Brazilian President Joao Silva told reporters the harvest had been the best in "
            "a decade.",
        )
    )
    assert quote.text == "the harvest had been the best in a decade"
    assert (quote.cue, code(quote)) == ("told", "BRAGOV")


def test_called_something_something(coder: Coder) -> None:
    [quote] = indirect(
        quotes_of(
            coder, "Peruvian President Ana Quispe called the election a triumph for the region."
        )
    )
    assert quote.text == "the election a triumph for the region"
    assert (quote.cue, code(quote)) == ("called", "PERGOV")


def test_findings_of_a_study_or_poll(coder: Coder) -> None:
    quotes = indirect(
        quotes_of(
            coder,
            "A study by the Peruvian central bank found that exports rose by a fifth last year. "
            "A poll shows that most Peruvians back the new treaty.",
        )
    )
    assert [quote.text for quote in quotes] == [
        "that exports rose by a fifth last year",
        "that most Peruvians back the new treaty",
    ]
    assert [quote.cue for quote in quotes] == ["found", "shows"]


def test_reported_clause_with_a_partial_quote_is_both(coder: Coder) -> None:
    quotes = quotes_of(
        coder,
        "Chilean Foreign Minister Luis Vargas said the port could “handle twice the cargo” "
        "and “pay for itself.”",
    )
    [reported] = indirect(quotes)
    assert reported.text.startswith("the port could “handle twice the cargo”")
    assert [quote.text for quote in direct(quotes)] == ["handle twice the cargo", "pay for itself."]
    assert {code(quote) for quote in quotes} == {"CHLGOV"}


def test_a_headline_labelled_with_its_speaker(coder: Coder) -> None:
    quotes = quotes_of(
        coder,
        "Quispe: Peru Will Not Sign the Treaty This Year.\n\n"
        "Peruvian President Ana Quispe spoke in Lima on Monday.",
    )
    [quote] = indirect(quotes)
    assert quote.text == "Peru Will Not Sign the Treaty This Year"
    assert quote.cue == ":"
    assert quote.speaker_span is not None and quote.speaker_span.text == "Quispe"


# -- speakers the parse hides ----------------------------------------------------------


def test_a_transcript_line_is_its_labelled_speaker(coder: Coder) -> None:
    quotes = direct(
        quotes_of(
            coder,
            "Part of the interview follows.\n\n"
            '"QUISPE: We have waited long enough for this treaty and we will sign it now."',
        )
    )
    [quote] = quotes
    assert quote.speaker_span is not None and quote.speaker_span.text == "QUISPE"


def test_a_person_speaking_in_footage(coder: Coder) -> None:
    [quote] = direct(
        quotes_of(
            coder,
            "The ad shows footage of Peruvian President Ana Quispe saying, “Our farmers "
            "deserve better prices.”",
        )
    )
    assert (quote.cue, name(quote)) == ("saying", "Ana Quispe")


def test_a_partial_quote_in_reported_speech_is_the_reporters(coder: Coder) -> None:
    [quote] = direct(
        quotes_of(
            coder,
            "Peruvian President Ana Quispe said the agreement “clearly and fairly” suggests "
            "that both countries gain.",
        )
    )
    assert quote.text == "clearly and fairly"
    assert name(quote) == "Ana Quispe"


def test_a_quote_introduced_by_a_colon_and_no_cue(coder: Coder) -> None:
    [quote] = direct(
        quotes_of(
            coder,
            "Peruvian President Ana Quispe made the following promise in her speech:\n\n"
            "“Every village in the Andes will have clean water before the end of my term.”",
        )
    )
    assert quote.cue is None
    assert name(quote) == "Ana Quispe"


def test_partial_quotes_of_one_clause_share_the_speaker(coder: Coder) -> None:
    quotes = direct(
        quotes_of(
            coder,
            "Chilean farmers, Chilean Foreign Minister Luis Vargas said, can “feed the "
            "continent” and “still sell abroad.”",
        )
    )
    assert [quote.text for quote in quotes] == ["feed the continent", "still sell abroad."]
    assert [name(quote) for quote in quotes] == ["Luis Vargas", "Luis Vargas"]


def test_a_cue_after_a_full_stop_belongs_to_the_next_sentence(coder: Coder) -> None:
    quotes = direct(
        quotes_of(
            coder,
            "Chilean Foreign Minister Luis Vargas spoke first, and Peruvian President Ana "
            "Quispe answered him: “That is exactly what we will not accept today.” Vargas was "
            "silent when Quispe said she would leave.",
        )
    )
    [quote] = quotes
    assert name(quote) == "Ana Quispe"


def test_polnear_units_read_doubled_apostrophes_as_marks(tmp_path: Path) -> None:
    from eventwire.eval.polnear import load_polnear, quote_units

    text = "''We will win,'' Ana Quispe said.\n"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(text, encoding="utf-8")
    ann = (
        "T1\tContent 0 16\t''We will win,''\n"
        "T2\tSource 17 27\tAna Quispe\n"
        "T3\tCue 28 32\tsaid\n"
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
    )
    (tmp_path / "attributions" / "story_a1.ann").write_text(ann, encoding="utf-8")
    [document] = list(load_polnear(tmp_path))
    direct_units, indirect_units = quote_units(document)
    assert [text[u.start : u.end] for u in direct_units] == ["We will win"]
    assert indirect_units == []


def test_cue_table_has_naming_verbs_and_editorial_labels() -> None:
    cues = load_cue_lexicon()
    assert {"call", "describe"} <= cues.naming_verbs and "call" in cues.verbs
    assert "correction" in cues.editorial_labels
    assert {"show", "find"} <= cues.stance_verbs and "show" not in cues.verbs
    shipped = yaml.safe_load(
        resources.files("eventwire.data").joinpath("quote_cues.yaml").read_text("utf-8")
    )
    del shipped["editorial_labels"]
    with pytest.raises(CueTableError, match=r"cues\.yaml: missing editorial_labels"):
        parse_cue_table(shipped, "cues.yaml")
