"""The attribute table (nlp_attributes.py) gives exactly what spaCy's AttributeRuler gives."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from eventwire.nlp import MODEL_NAME, load_pipeline
from eventwire.nlp_attributes import (
    AttributeTable,
    LemmaTable,
    UnreadableRule,
    use_attribute_table,
)

# Our own sentences, chosen to reach every kind of rule the model has: tag maps,
# tag + word, dependency conditions, whitespace tokens, and the multi-token rules.
TEXTS = [
    "The minister said on Tuesday that the talks would resume if both sides agree.",
    "They gon na sign it, but I ai n't sure. Let's see, y'all.\n\n  Nothin' changed.",
    "It gets harder; she got the letter and did not reply. There is no deal.",
    "I told you. You told it to me, and it was not easy.\n\n\n",
    "Troops didn't fire.  Police have arrested 12 people whose names weren't given.",
    "Whether he goes or not, which country pays is unclear; that is what they do.",
    "",
]

_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    shipped = spacy.load(MODEL_NAME)
    shipped.add_pipe("paragraph_breaks", before="parser")
    return shipped, load_pipeline()


def test_the_pipeline_uses_the_table_in_the_rulers_place(
    pipelines: tuple[Language, Language],
) -> None:
    shipped, ours = pipelines
    assert ours.pipe_names == shipped.pipe_names
    assert isinstance(shipped.get_pipe("attribute_ruler"), AttributeRuler)
    assert isinstance(ours.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(ours.get_pipe("lemmatizer"), LemmaTable)


def test_every_token_gets_what_the_ruler_gives(pipelines: tuple[Language, Language]) -> None:
    shipped, ours = pipelines
    for text, expected, got in zip(TEXTS, shipped.pipe(TEXTS), ours.pipe(TEXTS), strict=True):
        assert numpy.array_equal(expected.to_array(_ATTRS), got.to_array(_ATTRS)), text


def test_multi_token_rules_apply(pipelines: tuple[Language, Language]) -> None:
    _, ours = pipelines
    doc = ours("We gon na win.")
    assert [t.lemma_ for t in doc[1:3]] == ["go", "to"]


def test_a_rule_it_cannot_read_keeps_spacys_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "a"})
    with pytest.raises(UnreadableRule):
        AttributeTable.from_ruler(ruler)
    use_attribute_table(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)


def test_the_lemma_table_gives_the_lemmatizers_lemmas_in_any_order(
    pipelines: tuple[Language, Language],
) -> None:
    """Lemmas depend on the word, POS and morphology only: the same whichever story
    filled the table first."""
    shipped, ours = pipelines
    texts = [*reversed(TEXTS), "The talks resumed; both sides agreed and agree.", *TEXTS]
    for text, expected, got in zip(texts, shipped.pipe(texts), ours.pipe(texts), strict=True):
        assert [t.lemma_ for t in expected] == [t.lemma_ for t in got], text
