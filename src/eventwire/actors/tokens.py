"""One story's tokens, with the attributes the actor resolver reads again and again.

spaCy makes a new Token object at every `doc[i]`, every pass over a Doc and every
`token.head`, and looks a string attribute (`dep_`, `pos_`, `lower_`) up again at
every read. The resolver asks about the same tokens many times over (every token
of every sentence is tested as a phrase head, a modifier, a pronoun; a phrase's
head again as another's modifier or conjunct), so one story's tokens are read
here once: one Token object per token, and the lower-cased words, labels, tags
and head indices as plain lists. This is only a faster way to read the parse; what the
resolver decides stays the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import HEAD
from spacy.tokens import Doc, Token

__all__ = ["StoryTokens"]


@dataclass(frozen=True, slots=True)
class StoryTokens:
    """A parsed story's tokens by index: `tokens[i]` is `doc[i]`, `lower[i]` its
    `lower_`, `dep[i]` its `dep_`, `pos[i]` its `pos_`, `head[i]` its `head.i`."""

    doc: Doc
    text: str  # doc.text, which spaCy joins anew (a new Token per word) at each read
    tokens: list[Token]
    lower: list[str]
    dep: list[str]
    pos: list[str]
    head: list[int]

    @classmethod
    def of(cls, doc: Doc) -> StoryTokens:
        tokens = list(doc)
        # HEAD comes as offsets from each token, written as unsigned integers: a
        # head on the left wraps round (2**64 - k), which the modulo undoes.
        offsets = doc.to_array(HEAD).tolist() if tokens else []
        heads = [(i + offset) % 2**64 for i, offset in enumerate(offsets)]
        return cls(
            doc,
            "".join([token.text_with_ws for token in tokens]),  # as Doc.text joins it
            tokens,
            [token.lower_ for token in tokens],
            [token.dep_ for token in tokens],
            [token.pos_ for token in tokens],
            heads,
        )

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text`, cut from the story's text: a Span makes a Token of
        each of its words to join their texts."""
        if start >= end:
            return ""
        last = self.tokens[end - 1]
        return self.text[self.tokens[start].idx : last.idx + len(last)]
