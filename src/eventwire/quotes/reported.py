"""Reported speech: a cue verb outside quotes and the content where the cue table says.

"X said (that) …" reports a clause, "X urged Y to …" an infinitive, "X denied
the report" an object, "X accused Y of …" an of-phrase, and "according to X"
the sentence it is attached to. Content that is mostly a direct quote is left
to the direct quote, so the same words are not reported twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.quotes.attribution import Attribution, Attributor, trim_span


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """Reported speech: the content's character span, its cue and speaker."""

    start: int
    end: int
    attribution: Attribution


def _content_tokens(attributor: Attributor, cue: Token) -> list[Token] | None:
    """The reported words of a cue, where the cue table says they sit in the parse."""
    lemma = cue.lemma_.lower()
    children = list(cue.children)
    according = attributor.according_object(cue)
    if according is not None:
        # "according to X" scopes over its whole sentence, wherever the parser hangs it
        clause = cue.sent.root
        skip = {t.i for t in cue.subtree} | {t.i for t in according.subtree}
        skip |= {according.head.i}  # "to"
        return [t for t in clause.subtree if t.i not in skip]
    if lemma in attributor.cues.clause_verbs or lemma in attributor.cues.stance_verbs:
        for child in children:
            if child.dep_ == "ccomp" and child.i > cue.i:
                return list(child.subtree)
    if lemma in attributor.cues.infinitive_verbs:
        for child in children:
            if child.dep_ == "xcomp" and child.i > cue.i:
                objects = [c for c in children if c.dep_ == "dobj" and c.i < child.i]
                tokens = list(child.subtree)
                for obj in objects:
                    tokens.extend(obj.subtree)
                return tokens
        if lemma == "call":
            for child in children:
                if child.dep_ == "prep" and child.lower_ in ("for", "on"):
                    return list(child.subtree)
    if lemma in attributor.cues.of_verbs:
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "of":
                tokens = list(child.subtree)
                for obj in children:
                    if obj.dep_ == "dobj":
                        tokens.extend(obj.subtree)
                return tokens
    if lemma in attributor.cues.object_verbs:
        for child in children:
            if child.dep_ == "dobj" and child.i > cue.i:
                return list(child.subtree)
    return None


def reported_speech(attributor: Attributor, cue: Token) -> ReportedSpeech | None:
    """Reported speech cued by this token, or None when it reports nothing."""
    if not attributor.is_cue(cue, stance=True):
        return None
    tokens = _content_tokens(attributor, cue)
    if not tokens:
        return None
    attribution = attributor.attribution_for_cue(cue)
    if attribution is None:
        return None
    speaker_tokens = set(range(attribution.speaker_head.i, attribution.speaker_head.i + 1))
    tokens = sorted(
        (t for t in tokens if t.i not in speaker_tokens and t.i != cue.i), key=lambda t: t.i
    )
    # the content is the contiguous run; trailing punctuation is not reported words
    while tokens and (tokens[0].is_punct and not attributor.layout.is_mark(tokens[0])):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and not attributor.layout.is_mark(tokens[-1])):
        tokens = tokens[:-1]
    if len([t for t in tokens if t.is_alpha]) < 2:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if start < cue.idx < end:
        # "…, according to X" / "…, X said.": the content is what comes before the cue
        end = cue.idx
    span = attribution.speaker_span
    if span.start < end and start < span.end:
        # "…, the minister said, …": keep the content on the far side of the speaker
        if span.start > start:
            end = span.start
        else:
            start = span.end
    quoted = sum(1 for t in tokens if attributor.layout.inside(t) or attributor.layout.is_mark(t))
    if quoted * 2 >= len(tokens):
        return None  # mostly a direct quote: reported there, not twice
    start, end = trim_span(attributor.doc.text, start, end)
    if end <= start:
        return None
    return ReportedSpeech(start, end, attribution)
