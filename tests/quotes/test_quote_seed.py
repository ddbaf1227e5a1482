"""The seed story's quotes (issue 7): each attributed to the actor the issue names.
Skipped without ../shared."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors.resolve import resolve_mentions
from eventwire.ingest import read_inputs
from eventwire.model import Article
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder
from eventwire.quotes import extract_quotes

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "ap-venezuela-russia.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared is not present")
def test_seed_story_quotes(coder: Coder) -> None:
    [article] = read_inputs([str(SEED)], dt.date(2022, 2, 16))
    assert isinstance(article, Article)
    [parsed] = parse_articles(coder.nlp, [article])
    mentions = resolve_mentions(parsed, coder.knowledge, anchor=dt.date(2022, 2, 16))
    quotes = [quote for quote in extract_quotes(parsed, mentions) if quote.kind == "direct"]

    def speaker_of(phrase: str) -> str | None:
        [quote] = [quote for quote in quotes if phrase in quote.text]
        return quote.speaker.code if quote.speaker is not None else None

    # Maduro's two quotes ("…," Maduro said), both his, coded as Venezuela's government
    maduro = [
        quote
        for quote in quotes
        if quote.cue == "said"
        and quote.speaker is not None
        and quote.speaker.name == "Nicolas Maduro"
    ]
    assert len(maduro) >= 2
    assert {quote.speaker.code for quote in maduro if quote.speaker} == {"VENGOV"}
    assert speaker_of("free and fair") == "USAGOV"
    assert speaker_of("urgently resuming inclusive negotiations") == "USAGOV"
    assert speaker_of("neither confirm nor exclude") == "RUSGOV"
