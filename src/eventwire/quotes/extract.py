"""Quotes of an article: direct and reported speech, each with its cue and speaker actor."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.model import Event, Mention, Quote, QuoteKind
from eventwire.nlp import ParsedArticle
from eventwire.quotes.attribution import Attribution, QuoteLayout
from eventwire.quotes.cues import CueLexicon, load_cue_lexicon
from eventwire.quotes.direct import QuoteAttributor
from eventwire.quotes.marks import find_quoted_spans
from eventwire.quotes.reported import possible_cues, reported_speech
from eventwire.quotes.speakers import Speaker, SpeakerResolver


@functools.cache
def shipped_cue_lexicon() -> CueLexicon:
    """The shipped cue table, read once per process (it is immutable)."""
    return load_cue_lexicon()


def quote_id(article_id: str, start: int, end: int) -> str:
    """Stable across runs: same article and span, same id."""
    return hashlib.sha1(f"{article_id}|{start}|{end}".encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class _Found:
    """A quote found but not yet given its speaker (speakers resolve in text order)."""

    start: int
    end: int
    kind: QuoteKind
    attribution: Attribution | None
    number: int = -1  # the quoted span's number, for a direct quote


def _cue_text(cue: Token | None) -> str | None:
    if cue is None:
        return None
    if cue.lower_ == "according":
        return "according to"
    particles = [child.text for child in cue.children if child.dep_ == "prt"]
    return " ".join([cue.text, *particles])


def _sentence_of(sentence_starts: Sequence[int], offset: int) -> int:
    """The number of the sentence holding a character offset (0 before the first)."""
    return max(bisect.bisect_right(sentence_starts, offset) - 1, 0)


def extract_quotes(
    parsed: ParsedArticle, mentions: Sequence[Mention], cues: CueLexicon | None = None
) -> list[Quote]:
    """Every direct and reported quote of an article, in text order.

    Direct quotes are the words between quotation marks (repaired where a mark
    is missing, carried over paragraphs the news way); reported speech is the
    content of a cue verb outside quotes ("X said (that) …", "according to X").
    Each quote carries its cue word and its speaker: the actor of the mention
    that names the speaker, or, for a pronoun, title or "the statement", the
    earlier phrase it refers to. Offsets are into `parsed.article.text`.
    """
    cues = cues or shipped_cue_lexicon()
    article, doc = parsed.article, parsed.doc
    sentence_starts = [sentence.start for sentence in parsed.sentences]
    quoted = find_quoted_spans(article.text, sentence_starts)
    layout = QuoteLayout(doc, quoted, article.text)  # the doc's text: it parses the article's
    people = frozenset(mention.head for mention in mentions if mention.actor.name)
    attributor = QuoteAttributor(doc, layout, cues, people)
    quoted_tokens = frozenset(i for i, number in enumerate(layout.quote_of) if number >= 0)
    resolver = SpeakerResolver(doc, mentions, cues, quoted_tokens)

    found: list[_Found] = []
    for number, span in enumerate(quoted):
        if attributor.is_title(number):
            continue
        found.append(_Found(span.start, span.end, "direct", attributor.direct(number), number))
    for index in possible_cues(attributor):
        for reported in reported_speech(attributor, doc[index]):
            found.append(_Found(reported.start, reported.end, "indirect", reported.attribution))
    found.sort(key=lambda item: (item.start, item.kind))
    # one quote a span (the span is its id): direct quotes sort first and are kept
    unique: dict[tuple[int, int], _Found] = {}
    for item in found:
        unique.setdefault((item.start, item.end), item)
    found = list(unique.values())

    quotes: list[Quote] = []
    speakers: list[Speaker] = []
    # the last direct quote: the paragraph and sentence of its end, its speaker and number
    previous_direct: tuple[int, int, Speaker | None, int] | None = None
    for item in found:
        speaker: Speaker | None = None
        cue = item.attribution.cue if item.attribution is not None else None
        sentence = _sentence_of(sentence_starts, item.start)
        if item.attribution is not None:
            speaker = resolver.resolve(
                item.attribution.speaker_head, item.attribution.speaker_span, speakers
            )
            speakers.append(speaker)
        elif item.kind == "direct":
            paragraph = layout.paragraph_of(item.start)
            continues = previous_direct is not None and previous_direct[2] is not None
            if continues:
                assert previous_direct is not None
                # a speech's next sentence or paragraph ("…," he said. "…"), or the next
                # partial quote of the same sentence ('can "rock like Jimi" and "stir …"')
                continues = (
                    previous_direct[1] == sentence
                    and attributor.no_subject_between(previous_direct[3], item.number)
                ) or (
                    paragraph - previous_direct[0] <= 2  # the same or the next (blank lines count)
                    and attributor.opens_sentence(item.number)
                )
            if continues:
                assert previous_direct is not None
                speaker = previous_direct[2]
            elif not attributor.looks_like_speech(item.number):
                continue  # a scare quote or a quoted name, not speech
        if item.kind == "direct":
            end_sentence = _sentence_of(sentence_starts, max(item.end - 1, item.start))
            previous_direct = (layout.paragraph_of(item.end), end_sentence, speaker, item.number)
        index = max(sentence, 0)
        quotes.append(
            Quote(
                quote_id=quote_id(article.id, item.start, item.end),
                article_id=article.id,
                sentence_id=parsed.sentences[index].index if parsed.sentences else 0,
                text=article.text[item.start : item.end],
                start=item.start,
                end=item.end,
                cue=_cue_text(cue),
                speaker=speaker.actor if speaker is not None else None,
                kind=item.kind,
                speaker_span=speaker.span if speaker is not None else None,
            )
        )
    return quotes


def link_events_to_quotes(events: Sequence[Event], quotes: Sequence[Quote]) -> list[Event]:
    """The events, each carrying the quote_id of the innermost quote its trigger lies in.

    A trigger inside a direct quote's words, or inside the reported clause of an
    indirect quote, belongs to that quote; a direct quote nested in reported
    speech wins over the reported clause. Events outside every quote keep theirs.
    """
    linked: list[Event] = []
    for event in events:
        trigger = event.trigger
        holding = [
            quote
            for quote in quotes
            if quote.article_id == event.article_id
            and quote.start <= trigger.start
            and trigger.end <= quote.end
        ]
        if not holding:
            # The speaker's own statement event ("Maduro said") carries the quote
            # its cue introduces: same sentence, same cue word.
            said = [
                quote
                for quote in quotes
                if event.cameo.startswith("01")
                and quote.article_id == event.article_id
                and quote.sentence_id == event.sentence_id
                and (quote.cue or "").lower() == trigger.text.lower()
            ]
            linked.append(dataclasses.replace(event, quote_id=said[0].quote_id) if said else event)
            continue
        innermost = min(
            holding, key=lambda quote: (quote.end - quote.start, quote.kind != "direct")
        )
        linked.append(dataclasses.replace(event, quote_id=innermost.quote_id))
    return linked
