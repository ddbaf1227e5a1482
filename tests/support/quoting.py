"""Quotes of a sentence we wrote, and what tests read off them."""

from __future__ import annotations

from eventwire.actors.resolve import resolve_mentions
from eventwire.model import Article, Quote
from eventwire.nlp import parse_articles
from eventwire.pipeline import Coder
from eventwire.quotes import extract_quotes


def quotes_of(coder: Coder, text: str, article_id: str = "story") -> list[Quote]:
    [parsed] = list(parse_articles(coder.nlp, [Article(id=article_id, text=text)]))
    return extract_quotes(parsed, resolve_mentions(parsed, coder.knowledge))


def direct(quotes: list[Quote]) -> list[Quote]:
    return [quote for quote in quotes if quote.kind == "direct"]


def indirect(quotes: list[Quote]) -> list[Quote]:
    return [quote for quote in quotes if quote.kind == "indirect"]


def code(quote: Quote) -> str | None:
    return quote.speaker.code if quote.speaker is not None else None


def name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker is not None else None
