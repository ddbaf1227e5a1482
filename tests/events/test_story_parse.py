"""events/story_parse.py answers exactly as spaCy does, on sentences we wrote; and
coding a story gives the same events with its parse read once or through spaCy."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc

from eventwire.actors.resolve import resolve_mentions
from eventwire.events import coding, story_parse
from eventwire.events.story_parse import (
    children,
    conjuncts,
    head_of,
    kids,
    reading,
    sentence_of,
    sentences,
    subtree,
    tokens_of,
)
from eventwire.model import Article
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder

_TEXT = (
    "Chile and Peru signed a trade agreement in Lima on Tuesday, officials said.\n\n"
    "Bolivia, which had threatened to close its border, urged Peru to withdraw its "
    "troops and called on Chile to resume talks.\n\n"
    "Those talks were suspended in 2019 after a clash with Chilean troops."
)


def _doc(coder: Coder, text: str = _TEXT) -> Doc:
    return coder.nlp(text)


def _same_as_spacy(doc: Doc) -> None:
    assert tokens_of(doc) == list(doc)
    assert sentences(doc) == list(doc.sents)
    for sent in doc.sents:
        assert tokens_of(sent) == list(sent)
    for token in doc:
        assert kids(token) == tuple(token.children)
        assert head_of(token) == token.head
        assert [t.i for t in subtree(token)] == [t.i for t in token.subtree]
        assert conjuncts(token) == tuple(token.conjuncts)
        assert sentence_of(token) == token.sent
        deps = {"nsubj", "dobj", "prep", "conj"}
        assert children(token, deps) == [c for c in token.children if c.dep_ in deps]


def test_answers_as_spacy_while_reading(coder: Coder) -> None:
    doc = _doc(coder)
    with reading(doc):
        _same_as_spacy(doc)


def test_answers_as_spacy_outside_a_story(coder: Coder) -> None:
    # No story read: the functions read the parse through spaCy.
    _same_as_spacy(_doc(coder))


def test_another_docs_tokens_are_read_through_spacy(coder: Coder) -> None:
    doc, other = _doc(coder), _doc(coder, "Peru recalled its ambassador from Chile.")
    with reading(doc):
        _same_as_spacy(other)


def test_empty_doc(coder: Coder) -> None:
    doc = coder.nlp("")
    with reading(doc) as story:
        assert story.tokens == [] and story.kids == []
        assert tokens_of(doc) == []


def test_the_story_is_let_go_after_reading(coder: Coder) -> None:
    doc = _doc(coder)
    with reading(doc):
        pass
    assert story_parse._STORY.get() is None


def test_events_are_the_same_read_once_or_through_spacy(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    [parsed] = list(
        parse_articles(coder.nlp, [Article(id="t", text=_TEXT, date=dt.date(2024, 5, 1))])
    )
    mentions = resolve_mentions(parsed, coder.knowledge)
    once = coding.code_events(parsed, mentions, coder.lexicon, coder.codebook, "test")
    assert once
    # Without the story read, every helper falls back to spaCy's own answers.
    monkeypatch.setattr(coding, "reading", _NotReading)
    through_spacy = coding.code_events(parsed, mentions, coder.lexicon, coder.codebook, "test")
    assert once == through_spacy


class _NotReading:
    """Stands in for `reading`: reads no story."""

    def __init__(self, doc: Doc) -> None:
        pass

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
