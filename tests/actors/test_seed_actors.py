"""The seed story's actors (DESIGN.md): every one the issue lists, coded from the text.
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

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "ap-venezuela-russia.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared is not present")
def test_seed_story_actors(coder: Coder) -> None:
    [article] = read_inputs([str(SEED)], dt.date(2022, 2, 16))
    assert isinstance(article, Article)
    [parsed] = parse_articles(coder.nlp, [article])
    mentions = resolve_mentions(parsed, coder.knowledge, anchor=dt.date(2022, 2, 16))
    by_text: dict[str, set[str]] = {}
    by_name: dict[str, set[str]] = {}
    for mention in mentions:
        text = parsed.article.text[mention.start : mention.end]
        by_text.setdefault(text, set()).add(mention.actor.code)
        if mention.actor.name:
            by_name.setdefault(mention.actor.name, set()).add(mention.actor.code)
    assert by_name["Nicolas Maduro"] == {"VENGOV"}
    assert by_name["Vladimir Putin"] == {"RUSGOV"}
    assert by_name["Yuri Borisov"] == {"RUSGOV"}
    assert by_name["Tareck El Aissami"] == {"VENGOV"}
    assert by_name["Sergei Ryabkov"] == {"RUSGOV"}
    assert by_text["the U.S. State Department"] == {"USAGOV"}
    assert by_text["the European Union"] == {"IGOEUREEC"}
    assert by_text["the U.S.-backed opposition"] == {"VENOPP"}
    assert by_text["Maduro"] == {"VENGOV"}  # the untitled surname, bound by the lead
