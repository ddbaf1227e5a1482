"""Event places: the place attached to the event's clause ("in Mexico City"), else the
sentence's, else the dateline's, each marked with where it came from."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.knowledge import ActorKnowledge
from eventwire.model import Article, Event, Place
from eventwire.nlp import ParsedArticle
from eventwire.where.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from eventwire.where.resolve import StoryContext, Toponym, find_toponyms, resolve_name

_PRECISION = {"city": "city", "district": "region", "region": "region", "country": "country",
              "continent": "region", "area": "region", "site": "city"}  # fmt: skip


def to_place(entry: GazetteerEntry, source: str) -> Place:
    """A gazetteer entry as the event record's location."""
    return Place(
        name=entry.name,
        country=entry.country,
        lat=round(entry.lat, 4),
        lon=round(entry.lon, 4),
        geonameid=entry.geonameid,
        precision=_PRECISION[entry.kind],  # type: ignore[arg-type]
        source=source,  # type: ignore[arg-type]
    )


def resolve_dateline(
    gazetteer: Gazetteer, place: str, qualifier: str | None
) -> GazetteerEntry | None:
    """The place of a dateline ("CARACAS, Venezuela", "BANGOR, Maine"): the qualifier,
    a country or a region, narrows the place to those inside it."""
    # The capitals count here too: a bare "WASHINGTON —" is the capital, not the state.
    context = StoryContext(capitals=gazetteer.capitals)
    qualifying = resolve_name(gazetteer, qualifier, context) if qualifier else None
    if qualifying is not None and qualifying.kind not in ("country", "region"):
        qualifying = None
    if qualifying is not None and qualifying.country:
        context = StoryContext(
            countries=Counter({qualifying.country: 1}), capitals=gazetteer.capitals
        )
    return resolve_name(gazetteer, place, context, qualifying)


def dateline_place(article: Article, knowledge: ActorKnowledge) -> Place | None:
    """The place of the story's dateline, resolved in the gazetteer (coordinates,
    GeoNames id); a name the gazetteer lacks keeps its name and the country the
    dateline writes."""
    dateline = article.dateline
    if dateline is None or not dateline.place:
        return None
    entry = resolve_dateline(load_gazetteer(), dateline.place, dateline.country)
    if entry is not None:
        return to_place(entry, "dateline")
    country = knowledge.country_names.get(dateline.country or "")
    return Place(dateline.place.title(), country, None, None, None, "city", "dateline")


def _dateline_entry(place: Place | None) -> GazetteerEntry | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return GazetteerEntry(
        row=-1, geonameid=place.geonameid, name=place.name, kind="city", country=place.country,
        admin1=None, lat=place.lat, lon=place.lon, population=0, names=(), adjectives=(),
    )  # fmt: skip


def _attached(toponyms: Sequence[Toponym], trigger: Token) -> Toponym | None:
    for toponym in toponyms:
        if toponym.verb == trigger.i:
            return toponym
    for ancestor in trigger.ancestors:
        for toponym in toponyms:
            if toponym.verb == ancestor.i:
                return toponym
    return None


def place_events(
    events: Sequence[Event], parsed: ParsedArticle, dateline: Place | None
) -> list[Event]:
    """Locate each event: the place named with a locative preposition in its clause (or
    a clause governing it; `source` "clause"), else in its sentence's main clause
    (`source` "sentence"),
    else the dateline's place (`source` "dateline"), unless the event is background:
    an event recalled from elsewhere and earlier keeps its own place or none. A name
    used for an actor ("Washington said") or as an adjective is never a place."""
    gazetteer = load_gazetteer()
    doc = parsed.doc
    sents = list(doc.sents)
    toponyms = [
        t
        for t in find_toponyms(doc, gazetteer, _dateline_entry(dateline), text=parsed.article.text)
        if t.role == "place" and t.locative and t.entry is not None
    ]
    located = []
    for event in events:
        if not 0 <= event.sentence_id < len(sents):
            located.append(event)
            continue
        sent = sents[event.sentence_id]
        in_sentence = [t for t in toponyms if sent.start_char <= t.start < sent.end_char]
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        trigger = span.root if span is not None else sent.root
        own = _attached(in_sentence, trigger)
        source = "clause"
        if own is None:
            own = next((t for t in in_sentence if t.verb == sent.root.i), None)
            source = "sentence"
        if own is not None and own.entry is not None:
            located.append(replace(event, location=to_place(own.entry, source)))
        elif dateline is not None and not event.background:
            located.append(replace(event, location=dateline))
        else:
            located.append(event)
    return located
