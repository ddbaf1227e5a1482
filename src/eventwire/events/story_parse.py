"""The parse of the story being coded, read once, for the event stage's tree walks.

The event stage walks the dependency tree over and over: every verb's children are
scanned for subjects, objects, prepositions, auxiliaries, negations; every actor
phrase's for conjuncts and appositions; the same tokens again for each clause and
each candidate target. spaCy makes a new Token object for every child at every
`token.children` (and at every `doc[i]`, `token.head`, pass over a span), which
made up most of the stage's time. While `code_events` codes a story, the
functions here (children, head, subtree, conjuncts, sentence, tokens) answer
from its parse read once, one Token object per word.

The story is held in a context variable set only for the length of one
`code_events` call, so nothing outlives the story. Called outside one (tests that
call `extract_clauses` on their own), or on a token of another Doc, they read the
parse through spaCy as before: the answers are the same either way, only faster
here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Span, Token

__all__ = [
    "StoryParse",
    "children",
    "conjuncts",
    "date_words",
    "head_of",
    "kids",
    "reading",
    "sentence_of",
    "sentences",
    "subtree",
    "tokens_of",
]


@dataclass(frozen=True, slots=True)
class StoryParse:
    """One story's Token objects (`tokens[i]` is `doc[i]`), their dependency labels,
    each token's children (`kids[i]`: spaCy's lefts then rights, so in order) and
    head index; subtrees, conjuncts and sentences kept as they are first asked for."""

    doc: Doc
    tokens: list[Token]
    deps: list[str]
    heads: list[int]
    kids: list[tuple[Token, ...]]
    subtrees: dict[int, tuple[Token, ...]] = field(default_factory=dict)
    conjuncts: dict[int, tuple[Token, ...]] = field(default_factory=dict)
    sents: list[Span] = field(default_factory=list)  # filled at the first ask
    starts: list[int] = field(default_factory=list)  # each sentence's first token
    dated: list[tuple[Token, ...]] = field(default_factory=list)  # filled at the first ask

    @classmethod
    def of(cls, doc: Doc) -> StoryParse:
        # Read through arrays, not Token attributes: one pass, no Token made but
        # the one per word. (actors/tokens.py's `StoryTokens` reads more than this
        # stage needs: its words, tags and text cost more than they would save.)
        tokens = list(doc)
        labels = doc.to_array(DEP).tolist()
        names = {label: doc.vocab.strings[label] for label in set(labels)}
        # HEAD comes as offsets from each token, written as unsigned integers (a
        # head on the left wraps round, 2**64 - k): adding each token's index in
        # the same unsigned type wraps back to the head's index.
        heads = (doc.to_array(HEAD) + numpy.arange(len(tokens), dtype=numpy.uint64)).tolist()
        # Lists only for the words that have children (about half have none): fewer
        # objects made for each story, and fewer garbage collector passes.
        found: dict[int, list[Token]] = {}
        for i, h in enumerate(heads):
            if h != i:
                below = found.get(h)
                if below is None:
                    found[h] = [tokens[i]]
                else:
                    below.append(tokens[i])
        below_each: list[tuple[Token, ...]] = [()] * len(tokens)
        for h, below in found.items():
            below_each[h] = tuple(below)
        deps = [names[label] for label in labels]
        return cls(doc, tokens, deps, heads, below_each)


_STORY: ContextVar[StoryParse | None] = ContextVar("eventwire_story_parse", default=None)


@contextmanager
def reading(doc: Doc) -> Iterator[StoryParse]:
    """Answer this module's functions for `doc` from one reading of its parse, until
    the block ends."""
    story = StoryParse.of(doc)
    reset = _STORY.set(story)
    try:
        yield story
    finally:
        _STORY.reset(reset)


def kids(token: Token) -> tuple[Token, ...]:
    """`tuple(token.children)`."""
    story = _STORY.get()
    if story is None or token.doc is not story.doc:
        return tuple(token.children)
    return story.kids[token.i]


def children(token: Token, deps: set[str] | frozenset[str]) -> list[Token]:
    """The token's children whose dependency label is in `deps`."""
    story = _STORY.get()
    if story is None or token.doc is not story.doc:
        return [child for child in token.children if child.dep_ in deps]
    labels = story.deps
    return [child for child in story.kids[token.i] if labels[child.i] in deps]


def head_of(token: Token) -> Token:
    """`token.head`."""
    story = _STORY.get()
    if story is None or token.doc is not story.doc:
        return token.head
    return story.tokens[story.heads[token.i]]


def tokens_of(part: Doc | Span) -> list[Token]:
    """`list(part)`: a story's or a sentence's tokens."""
    story = _STORY.get()
    if isinstance(part, Doc):
        return story.tokens[:] if story is not None and part is story.doc else list(part)
    if story is not None and part.doc is story.doc:
        return story.tokens[part.start : part.end]
    return list(part)


def subtree(token: Token) -> tuple[Token, ...]:
    """`tuple(token.subtree)`: its left children's subtrees, itself, its right
    children's subtrees, as spaCy walks it. Kept per token, so the phrases inside
    a phrase are walked once."""
    story = _STORY.get()
    if story is None or token.doc is not story.doc:
        return tuple(token.subtree)
    found = story.subtrees.get(token.i)
    if found is None:
        below = kids(token)
        words: list[Token] = []
        for child in below:
            if child.i < token.i:
                words.extend(subtree(child))
        words.append(token)
        for child in below:
            if child.i > token.i:
                words.extend(subtree(child))
        found = story.subtrees[token.i] = tuple(words)
    return found


def conjuncts(token: Token) -> tuple[Token, ...]:
    """`token.conjuncts`."""
    story = _STORY.get()
    if story is None or token.doc is not story.doc:
        return tuple(token.conjuncts)
    found = story.conjuncts.get(token.i)
    if found is None:
        found = story.conjuncts[token.i] = tuple(token.conjuncts)
    return found


def date_words(token: Token) -> tuple[Token, ...] | None:
    """The words of the token's story in DATE entities (None outside a story): where
    none is a year, walks looking for one can be skipped."""
    story = _STORY.get()
    if story is None or token.doc is not story.doc:
        return None
    if not story.dated:
        story.dated.append(tuple(t for ent in story.doc.ents if ent.label_ == "DATE" for t in ent))
    return story.dated[0]


def _read_sentences(story: StoryParse) -> None:
    if not story.sents:
        story.sents.extend(story.doc.sents)
        story.starts.extend(sent.start for sent in story.sents)


def sentences(doc: Doc) -> list[Span]:
    """`list(doc.sents)`."""
    story = _STORY.get()
    if story is None or doc is not story.doc:
        return list(doc.sents)
    _read_sentences(story)
    return story.sents[:]


def sentence_of(token: Token) -> Span:
    """`token.sent`, which spaCy finds by walking back to the sentence start."""
    story = _STORY.get()
    if story is None or token.doc is not story.doc:
        return token.sent
    _read_sentences(story)
    return story.sents[bisect_right(story.starts, token.i) - 1]
