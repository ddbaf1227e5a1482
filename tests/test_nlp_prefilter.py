"""The sentence pre-filter: which sentences get the full parse, and that coding with
it gives the same sentences, events and quotes as parsing everything."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.model import Article, CodedArticle
from eventwire.nlp import parse_articles
from eventwire.nlp_prefilter import SentenceFilter, lemma_candidates, split_sentences
from eventwire.pipeline import Coder

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from generate_stories import generate  # noqa: E402

STORY = (
    "Chile and Peru in talks\n\n"
    "SANTIAGO, Chile (AP) — Chile pledged closer cooperation with Peru on Monday. "
    "Markets were little changed on the news.\n\n"
    "The weather was unusually warm for the season. "
    "Officials said the talks would resume next week.\n\n"
    "Details of the arrangement were not made public."
)


def _filter(coder: Coder) -> SentenceFilter:
    assert coder.sentence_filter is not None, "the pre-filter is on by default"
    return coder.sentence_filter


def _decide(coder: Coder, text: str) -> dict[str, bool]:
    """Each sentence of the filter's split -> whether it gets the full parse."""
    doc = coder.nlp.make_doc(text)
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    decisions = _filter(coder).decide(words, spaces)
    sentences = [doc[start:end].text.strip() for start, end, *_ in split_sentences(words, spaces)]
    return dict(zip(sentences, decisions, strict=True))


def test_sentences_without_actor_or_trigger_are_skipped(coder: Coder) -> None:
    decided = _decide(coder, STORY)
    assert decided == {
        "Chile and Peru in talks": True,  # the first sentence: always
        "SANTIAGO, Chile (AP) — Chile pledged closer cooperation with Peru on Monday.": True,
        "Markets were little changed on the news.": False,
        "The weather was unusually warm for the season.": False,
        "Officials said the talks would resume next week.": True,  # role noun, speech cue
        "Details of the arrangement were not made public.": False,
    }


def test_a_preposition_ending_a_noun_entry_is_no_trigger(coder: Coder) -> None:
    # "sit-in" is a lexicon noun read as "sit in": its head word "in" cues it only
    # beside "sit"
    decided = _decide(coder, "Talks ended.\n\nMarkets in the region were calm on the news.")
    assert decided["Markets in the region were calm on the news."] is False
    decided = _decide(coder, "Talks ended.\n\nStudents staged a sit-in at the campus.")
    assert decided["Students staged a sit-in at the campus."] is True


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister was not available.",  # a role noun of the actor tables
        "The talks collapsed when troops arrived.",  # a role noun, plural
        "The ceasefire held overnight.",  # an event noun
        "The rebels were attacked overnight.",  # a trigger verb, inflected
        "Rescue teams met resistance on the road to the mountains.",  # irregular form
        "The visit went ahead in March.",  # a capitalised word past the first
        "He was 82.",  # a pronoun the actor stage follows
        "The decision was final.",  # "said" is in the paragraph, see below
    ],
)
def test_sentences_the_coder_needs_are_parsed(coder: Coder, sentence: str) -> None:
    text = f"Chile pledged aid to Peru.\n\nThe sky was grey.\n\n{sentence}"
    if sentence.startswith("The decision"):
        text = f'Chile pledged aid to Peru.\n\n"{sentence}" The sky was grey.'
        assert all(_decide(coder, text).values())  # a quote mark keeps the paragraph
        return
    decided = _decide(coder, text)
    assert decided["The sky was grey."] is False
    assert decided[sentence] is True


def test_sentences_a_parser_might_split_differently_are_parsed(coder: Coder) -> None:
    text = "Chile pledged aid to Peru.\n\nThe plan was simple: wait and see.\n\nThe sky was grey"
    decided = _decide(coder, text)
    assert decided["The plan was simple: wait and see."] is True  # a colon
    assert decided["The sky was grey"] is True  # no final mark


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        # The tokenizer splits "Reps." and "2." (no exception for them); a lone word and
        # its stop stays with the sentence it opens, which is parsed whole.
        (
            "Chile pledged aid to Peru.\n\nReps. Ana Ruiz and Juan Soto voted for the bill.",
            "Reps. Ana Ruiz and Juan Soto voted for the bill.",
        ),
        (
            "Chile pledged aid to Peru.\n\n2. The weather was unusually warm.",
            "2. The weather was unusually warm.",
        ),
    ],
)
def test_a_lone_word_and_stop_does_not_end_a_sentence(
    coder: Coder, text: str, sentence: str
) -> None:
    decided = _decide(coder, text)
    assert decided[sentence] is True
    article = Article("story", text)
    [filtered] = parse_articles(coder.nlp, [article], prefilter=_filter(coder))
    [full] = parse_articles(coder.nlp, [article])
    assert filtered.sentences == full.sentences


def test_lemma_candidates_cover_what_the_tagger_may_choose(coder: Coder) -> None:
    tables = _filter(coder).tables
    assert "pledge" in lemma_candidates("pledged", tables)
    assert "meet" in lemma_candidates("met", tables)
    assert "troop" in lemma_candidates("Troops", tables)
    assert "be" in lemma_candidates("'s", tables)  # set by the attribute ruler


def test_skipped_sentences_keep_text_offsets_and_sentence_numbers(coder: Coder) -> None:
    article = Article("story", STORY)
    [filtered] = parse_articles(coder.nlp, [article], prefilter=_filter(coder))
    [full] = parse_articles(coder.nlp, [article])
    assert filtered.doc.text == STORY
    assert filtered.sentences == full.sentences
    skipped = next(s for s in filtered.doc.sents if s.text.startswith("Markets"))
    assert all(t.pos_ == "X" and not t.ent_type_ for t in skipped)
    assert sum(1 for t in skipped if t.dep_ == "ROOT") == 1  # one sentence, one tree
    kept = next(s for s in filtered.doc.sents if "pledged" in s.text)
    assert kept.root.lemma_ == "pledge"
    assert {e.text for e in kept.ents} >= {"Chile", "Peru"}


def _records(
    coded: list[CodedArticle],
) -> tuple[list[str], list[str], list[tuple[str, int, int, int]]]:
    events = [
        json.dumps(e.to_record(), sort_keys=True, default=str) for c in coded for e in c.events
    ]
    quotes = [repr(q) for c in coded for q in c.quotes]
    sentences = [(s.article_id, s.index, s.start, s.end) for c in coded for s in c.sentences]
    return events, quotes, sentences


@pytest.mark.parametrize("corpus", ["examples", "generated"])
def test_coding_with_the_prefilter_loses_nothing(coder: Coder, corpus: str, tmp_path: Path) -> None:
    if corpus == "examples":
        inputs = [str(ROOT / "examples"), str(ROOT / "tests" / "fixtures" / "stories")]
    else:
        path = tmp_path / "generated.jsonl"
        path.write_text("".join(json.dumps(s) + "\n" for s in generate(40, seed=11)), "utf-8")
        inputs = [str(path)]
    articles = [a for a in read_inputs(inputs) if isinstance(a, Article)]
    full = dataclasses.replace(coder, sentence_filter=None)
    assert _records(list(coder.code(articles))) == _records(list(full.code(articles)))
