"""The pipeline: Articles in, CodedArticles out, stage by stage.

ingest -> nlp -> actors -> events -> when/where; the store and the faces (CLI,
API) sit after it. Everything loaded once (model, knowledge, lexicon) lives in
one `Coder`, built by the caller and passed down, never in module globals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from eventwire import CODER
from eventwire.actors.knowledge import ActorKnowledge, load_actor_knowledge, load_dictionaries
from eventwire.actors.memory import InMemoryActorMemory
from eventwire.actors.resolve import resolve_mentions
from eventwire.events.cameo import CameoCodebook, load_cameo_codebook
from eventwire.events.coding import code_events
from eventwire.events.lexicon import Lexicon, load_lexicon
from eventwire.model import Article, CodedArticle
from eventwire.nlp import load_pipeline, parse_articles
from eventwire.quotes import extract_quotes, link_events_to_quotes
from eventwire.quotes.cues import CueLexicon, load_cue_lexicon
from eventwire.when import date_events
from eventwire.where import dateline_place, place_events


@dataclass(frozen=True, slots=True)
class CoderOptions:
    """What a user can change about coding: extra dictionaries and verb files."""

    actor_dictionaries: Sequence[Path] = ()
    agent_dictionaries: Sequence[Path] = ()
    verb_files: Sequence[Path] = ()
    default_date: dt.date | None = None
    batch_size: int = 32
    coder: str = CODER


@dataclass(frozen=True, slots=True)
class Coder:
    nlp: Language
    knowledge: ActorKnowledge
    codebook: CameoCodebook
    lexicon: Lexicon
    cues: CueLexicon
    options: CoderOptions = field(default_factory=CoderOptions)

    @classmethod
    def load(cls, options: CoderOptions | None = None) -> Coder:
        options = options or CoderOptions()
        nlp = load_pipeline()
        actors, agents = load_dictionaries(options.actor_dictionaries, options.agent_dictionaries)
        tokenizer = nlp.tokenizer

        def tokenize(text: str) -> list[str]:
            return [token.text for token in tokenizer(text)]

        knowledge = load_actor_knowledge(tokenize, actors, agents)
        codebook = load_cameo_codebook()
        lexicon = load_lexicon(codebook, options.verb_files)
        return cls(nlp, knowledge, codebook, lexicon, load_cue_lexicon(), options)

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code articles in order, parsing them in batches."""
        # People a story titles ("Venezuelan President Nicolas Maduro") are
        # remembered, with the story's date, for later stories of the same run.
        memory = InMemoryActorMemory()
        for parsed in parse_articles(self.nlp, articles, self.options.batch_size):
            article = parsed.article
            anchor = article.date or self.options.default_date
            mentions = resolve_mentions(parsed, self.knowledge, anchor=anchor, memory=memory)
            events = code_events(parsed, mentions, self.lexicon, self.codebook, self.options.coder)
            quotes = extract_quotes(parsed, mentions, cues=self.cues)
            events = link_events_to_quotes(events, quotes)
            events = date_events(events, parsed, anchor)
            events = place_events(events, parsed, dateline_place(article, self.knowledge))
            yield CodedArticle(
                article=article,
                sentences=parsed.sentences,
                events=tuple(events),
                quotes=tuple(quotes),
                coder=self.options.coder,
            )

    def code_one(self, article: Article) -> CodedArticle:
        return next(self.code([article]))
