"""Reported speech: a cue verb outside quotes and the content where the cue table says.

"X said (that) …" reports a clause, "X urged Y to …" an infinitive, "X denied
the report" an object, "X accused Y of …" an of-phrase, "X called Y a Z" the
object and what it is called, and "according to X" the sentence it is
attached to. A cue after its content ("…, sources said.") or inside it ("…, he
said, …") reports the clause it hangs from, one piece on each side of the cue.
Content that opens with a quotation mark is a direct quote, left to the direct
quote so the same words are not reported twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Token

from eventwire.quotes.attribution import (
    INVERTED_CUES,
    MAX_LABEL_WORDS,
    Attribution,
    Attributor,
    trim_span,
)

# How a cue hangs from the clause it reports when it comes after or inside it.
_INSERTED_DEPS = {"parataxis", "ccomp"}
_SETTING_OFF = {",", "—", "–", "--", "―"}


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """Reported speech: the content's character span, its cue and speaker."""

    start: int
    end: int
    attribution: Attribution


def _set_off(attributor: Attributor, index: int) -> bool:
    """Whether the token at `index` sets a cue off from its content: a comma, a dash or a
    quotation mark ("…, sources said"), not a verb ("officials said a device was found")."""
    if not 0 <= index < len(attributor.doc):
        return False
    token = attributor.doc[index]
    return token.text in _SETTING_OFF or attributor.layout.is_mark(token)


def _own_speech(attributor: Attributor, verb: Token) -> bool:
    """Whether a clause is a speaker's own speech act ("she said"), not reported words."""
    if not attributor.is_cue(verb):
        return False
    return any(
        child.dep_ == "nsubj" and (child.pos_ in ("PRON", "PROPN") or child.ent_type_ == "PERSON")
        for child in verb.children
    )


def _clause_content(attributor: Attributor, cue: Token) -> list[list[Token]] | None:
    """The clause a speech verb reports: its clause after it ("said (that) …"), its clause
    before it ("…, sources said"), or the clause it is inserted in ("…, he said, …")."""
    children = list(cue.children)
    for child in children:
        if child.dep_ == "ccomp" and child.i > cue.i:
            # a fronted relative pronoun is not reported words: "which he said were …"
            return [[t for t in child.subtree if t.i > cue.i]]
    for child in children:
        # "…, sources said"; not another speaker's cue ("“…?” she said, but …, Melanie said")
        if child.dep_ == "ccomp" and child.i < cue.i and not _own_speech(attributor, child):
            return [list(child.subtree)]
    head = cue.head
    if cue.dep_ not in _INSERTED_DEPS or head.i == cue.i or attributor.layout.inside(head):
        return None
    # the inserted words: the speaker phrase through the cue's own words ("…, the minister
    # said on Monday, …"); a subject the parser also hung on the cue ("The bridge, Vargas
    # said, will …") stays with the content
    speaker = attributor.speaker_head(cue)
    first = cue.i
    if speaker is not None and speaker.i < cue.i:
        first = min(speaker.left_edge.i, cue.i)
    last = cue.right_edge.i
    if not (_set_off(attributor, first) or _set_off(attributor, first - 1)):
        return None
    clause = [t for t in head.subtree if not first <= t.i <= last]
    return [[t for t in clause if t.i < first], [t for t in clause if t.i > last]]


def _content_tokens(attributor: Attributor, cue: Token) -> list[list[Token]] | None:
    """The reported words of a cue, where the cue table says they sit in the parse."""
    lemma = cue.lemma_.lower()
    cues = attributor.cues
    children = list(cue.children)
    according = attributor.according_object(cue)
    if according is not None:
        # "according to X" scopes over its whole sentence, wherever the parser hangs it
        clause = cue.sent.root
        skip = {t.i for t in cue.subtree} | {t.i for t in according.subtree}
        skip |= {according.head.i}  # "to"
        return [[t for t in clause.subtree if t.i not in skip]]
    if lemma in cues.clause_verbs or lemma in cues.stance_verbs:
        found = _clause_content(attributor, cue)
        if found is not None:
            return found
    if lemma in cues.naming_verbs:
        # "called the plan a disgrace", "described the talks as useful"
        named = [c for c in children if c.dep_ in ("oprd", "ccomp") and c.i > cue.i]
        named += [c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i > cue.i]
        objects = [c for c in children if c.dep_ == "dobj" and c.i > cue.i]
        if named and objects:
            return [[t for part in objects + named for t in part.subtree]]
    if lemma in cues.infinitive_verbs:
        for child in children:
            if child.dep_ == "xcomp" and child.i > cue.i:
                objects = [c for c in children if c.dep_ == "dobj" and c.i < child.i]
                tokens = list(child.subtree)
                for obj in objects:
                    tokens.extend(obj.subtree)
                return [tokens]
        if lemma == "call":
            for child in children:
                if child.dep_ == "prep" and child.lower_ in ("for", "on"):
                    return [list(child.subtree)]
    if lemma in cues.of_verbs:
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "of":
                tokens = list(child.subtree)
                for obj in children:
                    if obj.dep_ == "dobj":
                        tokens.extend(obj.subtree)
                return [tokens]
    if lemma in cues.object_verbs:
        for child in children:
            if child.dep_ == "dobj" and child.i > cue.i:
                return [list(child.subtree)]
    return None


def _piece(
    attributor: Attributor, cue: Token, tokens: list[Token], attribution: Attribution
) -> ReportedSpeech | None:
    """One stretch of reported words as a span, or None when it is not reported speech."""
    speaker = attribution.speaker_head.i
    tokens = sorted((t for t in tokens if t.i not in (speaker, cue.i)), key=lambda t: t.i)
    layout = attributor.layout
    # the content is the contiguous run; edge punctuation is not reported words
    while tokens and (tokens[0].is_punct and not layout.is_mark(tokens[0])):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and not layout.is_mark(tokens[-1])):
        tokens = tokens[:-1]
    if len([t for t in tokens if t.is_alpha]) < 2:
        return None
    if layout.is_mark(tokens[0]) or layout.inside(tokens[0]):
        return None  # words that open with a quotation mark are a direct quote, reported there
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if start < cue.idx < end:
        # "…, according to X": the content is what comes before the cue
        end = cue.idx
    span = attribution.speaker_span
    if span.start < end and start < span.end:
        # "…, the minister said, …": keep the content on the far side of the speaker
        if span.start > start:
            end = span.start
        else:
            start = span.end
    start, end = trim_span(attributor.layout.text, start, end)
    if len([word for word in attributor.layout.text[start:end].split() if word.isalpha()]) < 2:
        return None  # cut down to a word or two, not a report
    return ReportedSpeech(start, end, attribution)


def _labelled(attributor: Attributor, colon: Token) -> ReportedSpeech | None:
    """A headline or line labelled with its speaker, "Sanders: Clinton needs to …": the
    rest of the paragraph, when the label opens the paragraph outside quotes."""
    doc, layout = attributor.doc, attributor.layout
    if layout.inside(colon):
        return None
    for start in range(max(colon.i - MAX_LABEL_WORDS, 0), colon.i):
        if start == 0 or "\n" in doc[start - 1].text_with_ws:
            break
    else:
        return None
    label = attributor.speaker_label(start)
    if label is None or label.lower_ in attributor.cues.editorial_labels:
        return None  # "Correction: …", "Update: …" label no speaker
    tokens: list[Token] = []
    for token in doc[colon.i + 1 :]:
        if "\n" in token.text:
            break
        tokens.append(token)
        if "\n" in token.whitespace_:
            break
    attribution = Attribution(colon, label, attributor.speaker_span(label))
    return _piece(attributor, colon, tokens, attribution)


def _stated(attributor: Attributor, noun: Token) -> ReportedSpeech | None:
    """A word for what was said with its that-clause and its speaker: "Trump's claim that
    …", "a warning from the ministry that …"."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in attributor.cues.statement_nouns:
        return None
    if attributor.layout.inside(noun):
        return None
    clause = next(
        (
            child
            for child in noun.children
            if child.dep_ in ("acl", "ccomp", "relcl")
            and child.i > noun.i
            and any(t.lower_ == "that" and t.dep_ == "mark" for t in child.children)
        ),
        None,
    )
    if clause is None:
        return None
    speakers = [child for child in noun.children if child.dep_ == "poss"]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of") and prep.i < clause.i:
            speakers += [pobj for pobj in prep.children if pobj.dep_ == "pobj"]
    if not speakers:
        return None
    attribution = Attribution(noun, speakers[0], attributor.speaker_span(speakers[0]))
    return _piece(attributor, noun, list(clause.subtree), attribution)


def reported_speech(attributor: Attributor, cue: Token) -> list[ReportedSpeech]:
    """Reported speech cued by this token: none, one span, or two around an inserted cue."""
    if cue.text == ":":
        labelled = _labelled(attributor, cue)
        return [labelled] if labelled is not None else []
    if cue.pos_ == "NOUN":
        stated = _stated(attributor, cue)
        return [stated] if stated is not None else []
    if not attributor.is_cue(cue, stance=True):
        return []
    pieces = _content_tokens(attributor, cue)
    if not pieces or not any(pieces):
        return []
    attribution = attributor.attribution_for_cue(cue)
    if attribution is None:
        return []
    found = [_piece(attributor, cue, tokens, attribution) for tokens in pieces if tokens]
    return [piece for piece in found if piece is not None]


def possible_cues(attributor: Attributor) -> list[int]:
    """The indices, in order, of the tokens `reported_speech` may find speech for: a
    superset of its cues (a colon, "according", a cue or stance lemma, a statement
    noun, an inverted "said"), read from the doc's arrays, since making a Token of
    every word of a story to ask each costs more than the rest of the quotes stage."""
    doc = attributor.doc
    if not len(doc):
        return []
    cues = attributor.cues
    strings = doc.vocab.strings
    lemma_words = cues.verbs | cues.stance_verbs | cues.statement_nouns
    orths, lowers, lemmas = doc.to_array([ORTH, LOWER, LEMMA]).T.tolist()
    cue_lemmas = {lemma for lemma in set(lemmas) if strings[lemma].lower() in lemma_words}
    cue_words = {strings[word] for word in ("according", *INVERTED_CUES)}
    colon = strings[":"]
    return [
        index
        for index, (orth, lower, lemma) in enumerate(zip(orths, lowers, lemmas, strict=True))
        if lemma in cue_lemmas or lower in cue_words or orth == colon
    ]
