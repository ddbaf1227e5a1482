"""Speakers: the words that say who spoke, and the coded actor they stand for.

A speaker phrase is found by the attribution step (the subject of a cue verb,
the object of "according to"); here it becomes an actor. The actor comes from
the story's mentions (the actors stage) when the phrase names one; a pronoun
("he"), a bare title ("the president", "the spokesman") or a word for what was
said ("the statement") is resolved to the nearest compatible phrase before it,
the earlier speakers first. A description that names no one ("Russia's chief
negotiator") takes the name of the person the next sentences give for "the
comments"/"the remarks" it made, keeping the country the description gave.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from eventwire.model import Actor, Mention, Span
from eventwire.quotes.cues import CueLexicon

AntecedentKind = Literal["person", "group", "organization"]
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "its", "their"}
_ORIGIN_PREPS = {"from", "by", "of"}
_ORGANIZATION_ENTS = {"ORG", "GPE", "NORP"}
# How far back a pronoun or a description looks for what it refers to, in sentences.
_ANTECEDENT_WINDOW = 6
# How far ahead "the comments from X" may name an unnamed speaker, in sentences.
_NAMING_WINDOW = 2


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to: the words that say so and the actor they code to."""

    span: Span
    head: int  # token index in the article's doc
    actor: Actor | None


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A phrase a pronoun or description can refer back to."""

    head: int
    start: int  # character offset
    kind: AntecedentKind
    actor: Actor | None
    end: int  # character offset: the phrase's lemmas are read when needed (`_lemmas`)
    subject: bool


def _informative(actor: Actor | None) -> bool:
    """An actor that says whose it is: a country, a name, or a coded organisation."""
    if actor is None:
        return False
    return bool(actor.country or actor.name or (actor.code and actor.code != actor.sector))


class SpeakerResolver:
    """Resolves one article's speaker phrases to actors; built once per article."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        cues: CueLexicon,
        quoted: frozenset[int] = frozenset(),
    ) -> None:
        self.doc = doc
        self.cues = cues
        # tokens inside direct quotes: a phrase a speaker says is not who "he" is
        self.quoted = quoted
        self.mentions = sorted(mentions, key=lambda mention: mention.start)
        self.by_head = {mention.head: mention for mention in self.mentions}
        self.sentence_of = [0] * len(doc)
        for number, sent in enumerate(doc.sents):
            self.sentence_of[sent.start : sent.end] = [number] * (sent.end - sent.start)
        # lemmas by token, read from the doc's array: no Token object per word
        self.lemmas: list[int] = doc.to_array(LEMMA).tolist()
        self._lemma_sets: dict[tuple[int, int], frozenset[str]] = {}
        self.candidates = self._candidates()

    # -- antecedent candidates ---------------------------------------------------

    def _kind(self, head: Token, actor: Actor | None) -> AntecedentKind:
        if head.ent_type_ == "PERSON" or (actor is not None and actor.name):
            return "person"
        if head.tag_ in ("NNS", "NNPS"):
            return "group"
        if head.ent_type_ in _ORGANIZATION_ENTS or head.pos_ == "PROPN":
            return "organization"
        # a singular role noun ("the minister") is a person; an institution is not
        return "person" if actor is not None and actor.sector else "organization"

    def _lemmas(self, start: int, end: int) -> frozenset[str]:
        """The lower-cased lemmas of the words between two character offsets; read only
        for the few phrases a description is compared with, once each."""
        found = self._lemma_sets.get((start, end))
        if found is None:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            strings = self.doc.vocab.strings
            lemmas = self.lemmas[span.start : span.end] if span is not None else []
            found = self._lemma_sets[start, end] = frozenset(
                strings[lemma].lower() for lemma in lemmas
            )
        return found

    def _candidates(self) -> list[_Candidate]:
        found: dict[int, _Candidate] = {}
        for mention in self.mentions:
            head = self.doc[mention.head]
            if head.lower_ in self.cues.pronouns and not _informative(mention.actor):
                continue
            found[mention.head] = _Candidate(
                head=mention.head,
                start=mention.start,
                kind=self._kind(head, mention.actor),
                actor=mention.actor,
                end=mention.end,
                subject=head.dep_ in _SUBJECT_DEPS,
            )
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG") or ent.root.i in found:
                continue
            if any(i in self.by_head for i in range(ent.start, ent.end)):
                continue  # part of a coded phrase already listed
            found[ent.root.i] = _Candidate(
                head=ent.root.i,
                start=ent.start_char,
                kind="person" if ent.label_ == "PERSON" else "organization",
                actor=None,
                end=ent.end_char,  # the entity's words, as char_span finds them
                subject=ent.root.dep_ in _SUBJECT_DEPS,
            )
        return sorted(found.values(), key=lambda candidate: candidate.start)

    # -- resolution --------------------------------------------------------------

    def _phrase_actor(self, head: Token, span: Span) -> Actor | None:
        """The actor a phrase names: for "a statement from X", X's; else its head's mention,
        else the mention nearest its head in the parse."""
        own = self.by_head.get(head.i)
        inside = [
            mention
            for mention in self.mentions
            if span.start <= mention.start and mention.end <= span.end and mention.head != head.i
        ]
        depth = {mention.head: _depth_below(self.doc[mention.head], head) for mention in inside}
        inner = [m for m in inside if _informative(m.actor)]
        best = min(inner, key=lambda m: (depth[m.head], m.start)) if inner else None
        if best is not None and head.lemma_.lower() in self.cues.statement_nouns:
            # the statement speaks for whoever issued it, coded as precisely as the text allows
            return best.actor
        if own is not None and _informative(own.actor):
            return own.actor
        if best is not None and own is None:
            return best.actor
        return own.actor if own is not None else None

    def _antecedent(
        self, head: Token, kind: AntecedentKind | None, prior: Sequence[Speaker]
    ) -> _Candidate | None:
        """The nearest earlier phrase a pronoun or description can stand for."""
        lemma = head.lemma_.lower()
        sentence = self.sentence_of[head.i]
        earlier = [
            candidate
            for candidate in self.candidates
            if candidate.start < head.idx
            and sentence - self.sentence_of[candidate.head] <= _ANTECEDENT_WINDOW
            and candidate.head != head.i
            and candidate.head not in self.quoted
        ]
        speakers = [
            _Candidate(
                speaker.head,
                speaker.span.start,
                "person",
                speaker.actor,
                speaker.span.end,
                True,
            )
            for speaker in prior
            if speaker.span.start < head.idx and speaker.head != head.i
        ]
        if kind is None:
            # a description: "the president" refers to a phrase that had that word; a
            # role with no such phrase ("the Vermont senator") to the person in focus
            same_word = [
                c
                for c in speakers + earlier
                if c.actor is not None and lemma in self._lemmas(c.start, c.end)
            ]
            if same_word:
                return max(same_word, key=lambda c: c.start)
            own = self.by_head.get(head.i)
            if own is None or not own.actor.sector:
                return None
            kind = "person"
        matching = [c for c in earlier if c.kind == kind]
        if kind == "group":
            # news says "they" of an organisation acting as one ("Politifact ruled …, but
            # they could not resist …"): an organisation that is a clause's subject
            matching += [c for c in earlier if c.kind == "organization" and c.subject]
        if kind == "person":
            matching += [s for s in speakers if s.actor is None or s.actor.name]
        if not matching:
            return None
        # the subject of a recent clause, or an earlier speaker, is what "he" usually means
        salient = [c for c in matching if c.subject]
        nearest_salient = max(salient, key=lambda c: c.start) if salient else None
        nearest = max(matching, key=lambda c: c.start)
        if nearest_salient is not None and sentence - self.sentence_of[nearest_salient.head] <= 2:
            return nearest_salient
        return nearest

    def _pronoun_kind(self, head: Token) -> AntecedentKind | None:
        word = head.lower_
        if word in self.cues.person_pronouns:
            return "person"
        if word in self.cues.group_pronouns:
            return "group"
        if word in self.cues.organization_pronouns:
            return "organization"
        return None

    def _is_description(self, head: Token) -> bool:
        """A common noun with a definite determiner: "the president", "the statement"."""
        if head.pos_ != "NOUN":
            return False
        return any(
            child.lower_ in _DEFINITE for child in head.children if child.dep_ in ("det", "poss")
        )

    def resolve(self, head: Token, span: Span, prior: Sequence[Speaker]) -> Speaker:
        """The speaker for a phrase: its own actor, or what it refers to."""
        actor = self._phrase_actor(head, span)
        if not _informative(actor):
            kind = self._pronoun_kind(head)
            if kind is not None or self._is_description(head):
                antecedent = self._antecedent(head, kind, prior)
                if antecedent is not None and antecedent.actor is not None:
                    actor = dataclasses.replace(
                        antecedent.actor, text=span.text, resolved_by="context"
                    )
                elif kind is not None:
                    actor = None  # a pronoun whose referent is not a coded actor
        if actor is not None and not actor.name:
            actor = self._named_later(head, actor) or actor
        return Speaker(span=span, head=head.i, actor=actor)

    def _named_later(self, head: Token, actor: Actor) -> Actor | None:
        """A name for an unnamed speaker from "the comments from <person>" just after."""
        if self._pronoun_kind(head) is not None or head.pos_ == "PROPN":
            return None
        sentence = self.sentence_of[head.i]
        for token in self.doc[head.i + 1 :]:
            if self.sentence_of[token.i] - sentence > _NAMING_WINDOW:
                break
            if self.sentence_of[token.i] == sentence:
                continue
            if token.lemma_.lower() not in self.cues.statement_nouns:
                continue
            if not any(child.lower_ in _DEFINITE for child in token.children):
                continue
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in _ORIGIN_PREPS:
                    continue
                for pobj in prep.children:
                    person = self.by_head.get(pobj.i)
                    if person is None or not person.actor.name:
                        continue
                    named = person.actor
                    if named.country and actor.country and named.country != actor.country:
                        continue
                    code = named.code if named.country else actor.code
                    return dataclasses.replace(
                        actor,
                        code=code,
                        country=named.country or actor.country,
                        sector=named.sector or actor.sector,
                        name=named.name,
                        resolved_by="context",
                    )
        return None


def _depth_below(token: Token, ancestor: Token) -> int:
    depth = 0
    while token.i != ancestor.i and token.head.i != token.i:
        token = token.head
        depth += 1
    return depth if token.i == ancestor.i else 99
