"""Where: event places from a gazetteer that ships with the package.

`gazetteer` loads the shipped tables; `resolve` finds and resolves the place
names of a story; `locate` gives each event its place (clause, sentence or
dateline).
"""

from eventwire.where.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from eventwire.where.locate import dateline_place, place_events, resolve_dateline, to_place
from eventwire.where.resolve import Toponym, find_toponyms, resolve_name, story_context

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "Toponym",
    "dateline_place",
    "find_toponyms",
    "load_gazetteer",
    "place_events",
    "resolve_dateline",
    "resolve_name",
    "story_context",
    "to_place",
]
