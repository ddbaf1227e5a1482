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
from eventwire.actors.memory import ActorMemory, InMemoryActorMemory, LearnedActor
from eventwire.actors.resolve import resolve_mentions
from eventwire.events.cameo import CameoCodebook, load_cameo_codebook
from eventwire.events.coding import code_events
from eventwire.events.lexicon import Lexicon, load_lexicon
from eventwire.model import Article, CodedArticle
from eventwire.nlp import load_pipeline, parse_articles
from eventwire.nlp_prefilter import SentenceFilter, build_sentence_filter
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
    batch_size: int = 64  # stories per nlp.pipe batch: 64 parse ~2% cheaper than 32
    coder: str = CODER
    # Parse only the sentences that can hold an actor, a trigger or a quote
    # (nlp_prefilter.py); the others keep their text and offsets, unparsed.
    prefilter: bool = True
    # Role nouns from the users' agents dictionaries only, none of ours (sectors.tsv).
    only_user_agents: bool = False


@dataclass(frozen=True, slots=True)
class Coder:
    nlp: Language
    knowledge: ActorKnowledge
    codebook: CameoCodebook
    lexicon: Lexicon
    cues: CueLexicon
    options: CoderOptions = field(default_factory=CoderOptions)
    sentence_filter: SentenceFilter | None = None

    @classmethod
    def load(cls, options: CoderOptions | None = None) -> Coder:
        options = options or CoderOptions()
        nlp = load_pipeline()
        actors, agents = load_dictionaries(options.actor_dictionaries, options.agent_dictionaries)
        tokenizer = nlp.tokenizer

        def tokenize(text: str) -> list[str]:
            return [token.text for token in tokenizer(text)]

        knowledge = load_actor_knowledge(
            tokenize, actors, agents, only_user_agents=options.only_user_agents
        )
        codebook = load_cameo_codebook()
        lexicon = load_lexicon(codebook, options.verb_files)
        cues = load_cue_lexicon()
        sentence_filter = (
            build_sentence_filter(nlp, knowledge, lexicon, cues) if options.prefilter else None
        )
        return cls(nlp, knowledge, codebook, lexicon, cues, options, sentence_filter)

    def code(
        self, articles: Iterable[Article], memory: ActorMemory | None = None
    ) -> Iterator[CodedArticle]:
        """Code articles in order, parsing them in batches. `memory` keeps the people
        stories title for later stories (a store's, to last between runs)."""
        # People a story titles ("Venezuelan President Nicolas Maduro") are
        # remembered, with the story's date, for later stories: by default of
        # this run only.
        memory = _LessonLog(memory if memory is not None else InMemoryActorMemory())
        parsed_articles = parse_articles(
            self.nlp, articles, self.options.batch_size, self.sentence_filter
        )
        for parsed in parsed_articles:
            article = parsed.article
            anchor = article.date or self.options.default_date
            memory.lessons.clear()
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
                learned=tuple(memory.lessons),
            )

    def code_one(self, article: Article) -> CodedArticle:
        return next(self.code([article]))


@dataclass(slots=True)
class _LessonLog:
    """An `ActorMemory` that passes everything to `memory` and notes what the current
    story teaches, so the lessons travel with its `CodedArticle` (and are stored with it)."""

    memory: ActorMemory
    lessons: list[LearnedActor] = field(default_factory=list)

    def recall(self, name: str, date: dt.date | None) -> LearnedActor | None:
        return self.memory.recall(name, date)

    def learn(self, lesson: LearnedActor) -> None:
        self.memory.learn(lesson)
        self.lessons.append(lesson)
