"""Where: event places. For now the dateline's place, resolved against the capitals
of the shipped country table; the gazetteer issue widens this to all cities and
to places named in the sentence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventwire.actors.knowledge import ActorKnowledge
from eventwire.model import Article, Event, Place


def dateline_place(article: Article, knowledge: ActorKnowledge) -> Place | None:
    """The place of the story's dateline, with coordinates when it is a known capital."""
    dateline = article.dateline
    if dateline is None or not dateline.place:
        return None
    country = knowledge.country_names.get(dateline.country or "")
    capital = knowledge.capitals.get(dateline.place)
    if capital is not None and (country is None or capital[0] == country):
        code, lat, lon, geonameid = capital
        return Place(dateline.place, code, lat, lon, geonameid or None, "city", "dateline")
    return Place(dateline.place, country, None, None, None, "city", "dateline")


def place_events(events: Sequence[Event], place: Place | None) -> list[Event]:
    """Locate events at the story's place unless they are background (elsewhere, earlier)."""
    if place is None:
        return list(events)
    return [event if event.background else replace(event, location=place) for event in events]
