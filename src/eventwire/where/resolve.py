"""Toponyms: finding place names in a parsed story and resolving them in the gazetteer.

Resolution weighs, in order: a qualifier written beside the name ("Bangor,
Maine" is the one in Maine, not Northern Ireland's), the dateline's country and
region, the countries and regions the story names, then the kind of place and its
population ("Oklahoma" is the state, not a village of that name elsewhere; a
country's name is the country). The role says how the story uses the name: a
`place` where something happens ("in Washington"), a `metonym` standing for an
actor ("Washington said"), or an `adjective` ("Turkish").
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.where.gazetteer import Gazetteer, GazetteerEntry, fold_name

ToponymRole = Literal["place", "metonym", "adjective"]
# Prepositions that put an event at a place.
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within",
            "into", "to", "from", "toward", "towards", "through", "on", "off", "over", "along",
            "beyond", "between", "among", "via", "of"}  # fmt: skip
# The prepositions that say an event happened at a place (not "to", "from", "of").
EVENT_LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout", "around",
                  "within", "on"}  # fmt: skip
# Verbs whose object is a place, not an actor.
_PLACE_OBJECT_VERBS = {"visit", "enter", "leave", "reach", "tour", "cross", "invade", "bomb",
                       "shell", "attack", "strike", "hit", "occupy", "capture", "seize",
                       "liberate", "evacuate", "flee", "besiege", "surround", "raid"}  # fmt: skip
# Verbs whose subject is an actor speaking or acting: "Washington said".
_ACTOR_DEPS = {"nsubj", "nsubjpass", "agent", "poss"}
_KIND_BONUS = {"continent": 3.0, "country": 3.0, "region": 0.5, "city": 0.0}
_QUALIFIER_BONUS = 20.0
_DATELINE_COUNTRY_BONUS = 4.0
_STORY_COUNTRY_BONUS = 3.0
_STORY_REGION_BONUS = 2.0
_PRIMARY_NAME_BONUS = 1.0
_CAPITAL_BONUS = 1.5  # "Washington" is the capital before the state
# A city that bears its region's name is meant when it is a city of millions ("New York");
# "Oklahoma" and "Quebec" are the state and the province. (Region populations are sums
# of their cities, too rough to compare with.)
_NAMESAKE_CITY_POPULATION = 1_000_000


@dataclass(frozen=True, slots=True)
class StoryContext:
    """What the story says about where it is: its dateline's place, and the countries
    and regions (ISO alpha-3, GeoNames admin1) it names, with how often."""

    dateline: GazetteerEntry | None = None
    countries: Counter[str] = field(default_factory=Counter)
    regions: Counter[tuple[str, str]] = field(default_factory=Counter)
    capitals: frozenset[int] = frozenset()  # geonameids of national capitals
    # ((country, admin1), folded name) -> how often that name counted for that region
    region_names: Counter[tuple[tuple[str, str], str]] = field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in a story, resolved (or not) and with its role."""

    start: int  # character offsets into the story's text
    end: int
    text: str
    entry: GazetteerEntry | None
    role: ToponymRole
    verb: int | None = None  # token index of the clause it is attached to
    locative: bool = False  # after "in", "at", "near"...: where something happens


def _inside(candidate: GazetteerEntry, qualifier: GazetteerEntry | None) -> bool:
    """Whether a city or region lies in the country or region that qualifies its name."""
    if qualifier is None or candidate.kind not in ("city", "region"):
        return False
    if qualifier.kind == "country":
        return candidate.country == qualifier.country
    return (
        qualifier.kind == "region"
        and candidate.country == qualifier.country
        and candidate.admin1 == qualifier.admin1
    )


def _score(
    candidate: GazetteerEntry, name: str, context: StoryContext, qualifier: GazetteerEntry | None
) -> float:
    score = math.log10(candidate.population + 10) + _KIND_BONUS[candidate.kind]
    if fold_name(candidate.name) == fold_name(name):
        score += _PRIMARY_NAME_BONUS
    if candidate.geonameid in context.capitals:
        score += _CAPITAL_BONUS
    if _inside(candidate, qualifier):
        score += _QUALIFIER_BONUS
    if candidate.kind in ("city", "region") and candidate.country:
        dateline = context.dateline
        if dateline is not None and dateline.country == candidate.country:
            score += _DATELINE_COUNTRY_BONUS
            if dateline.admin1 and dateline.admin1 == candidate.admin1:
                score += _STORY_REGION_BONUS
        if context.countries[candidate.country]:
            score += _STORY_COUNTRY_BONUS
        key = (candidate.country, candidate.admin1 or "")
        # The name being resolved does not vouch for itself ("Quebec" is no evidence
        # for Québec City being meant by "Quebec").
        region_mentions = context.regions[key] - context.region_names[(key, fold_name(name))]
        if candidate.admin1 and region_mentions:
            score += _STORY_REGION_BONUS
    return score


def resolve_name(
    gazetteer: Gazetteer,
    name: str,
    context: StoryContext,
    qualifier: GazetteerEntry | None = None,
) -> GazetteerEntry | None:
    """The place a name most likely means in this story (None when the gazetteer has
    no place of that name)."""
    adjective = gazetteer.adjective(name)
    candidates = gazetteer.lookup(name)
    if not candidates:
        stripped = name.removeprefix("the ").removeprefix("The ")
        candidates = gazetteer.lookup(stripped) if stripped != name else []
    if adjective is not None and not any(c.kind != "city" for c in candidates):
        return adjective  # "Canadian" is Canada, not the town of Canadian, Texas
    if not candidates:
        return None
    best = max(candidates, key=lambda c: _score(c, name, context, qualifier))
    if best.kind == "region":
        # Every candidate bears the name: a big city among them in that very region
        # is what news means by it ("New York").
        namesake = next(
            (
                c
                for c in candidates
                if c.kind == "city" and c.country == best.country and c.admin1 == best.admin1
            ),
            None,
        )
        if namesake is not None and namesake.population >= _NAMESAKE_CITY_POPULATION:
            return namesake
    return best


def story_context(
    gazetteer: Gazetteer, names: Iterable[str], dateline: GazetteerEntry | None = None
) -> StoryContext:
    """The countries and regions a story names, read from names that are unambiguous:
    a country's name or adjective, or a region's name."""
    countries: Counter[str] = Counter()
    regions: Counter[tuple[str, str]] = Counter()
    region_names: Counter[tuple[tuple[str, str], str]] = Counter()
    if dateline is not None and dateline.country:
        countries[dateline.country] += 1
    for name in names:
        candidates = gazetteer.lookup(name)
        top = candidates[0] if candidates else gazetteer.adjective(name)
        if top is None:
            continue
        if top.kind == "country" and top.country:
            countries[top.country] += 1
        elif top.kind == "region" and top.country and top.admin1:
            regions[(top.country, top.admin1)] += 1
            region_names[((top.country, top.admin1), fold_name(name))] += 1
            countries[top.country] += 1
    return StoryContext(dateline, countries, regions, gazetteer.capitals, region_names)


def _role(span: SpacySpan) -> ToponymRole:
    root = span.root
    if span.label_ == "NORP":
        return "adjective"
    if root.dep_ in _ACTOR_DEPS:
        return "metonym"
    if root.dep_ == "dobj" and root.head.lemma_ not in _PLACE_OBJECT_VERBS:
        return "metonym"  # "Beijing warned Washington"; but "troops entered Kherson"
    if (
        root.dep_ == "compound"
        and root.head.pos_ in ("NOUN", "PROPN")
        and root.head.ent_type_ not in ("GPE", "LOC")
    ):
        return "adjective"  # "Caracas officials"
    return "place"


def _attached_verb(span: SpacySpan) -> int | None:
    head: Token = span.root
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head.i if head.pos_ in ("VERB", "AUX") else None


def _locative(span: SpacySpan, prepositions: set[str] = LOCATIVE) -> bool:
    """Whether a place name is the object of a locative preposition ("in Caracas"),
    or in apposition to / coordinated with one ("in Pandi, Bulacan")."""
    token = span.root
    for _ in range(3):
        if token.dep_ == "pobj" and token.head.lower_ in prepositions:
            return True
        if token.dep_ in ("appos", "conj", "npadvmod") and token.head.i != token.i:
            token = token.head
            continue
        return False
    return False


def _qualifier_span(doc: Doc, span: SpacySpan, spans: Sequence[SpacySpan]) -> SpacySpan | None:
    """The name written right after ", " ("Bangor, Maine"), if it is a place."""
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    return next((s for s in spans if s.start == span.end + 1), None)


def find_toponyms(
    doc: Doc,
    gazetteer: Gazetteer,
    dateline: GazetteerEntry | None = None,
    with_adjectives: bool = False,
) -> list[Toponym]:
    """The place names of a parsed story, resolved with the story's context.

    Names come from spaCy's GPE and LOC entities (a PERSON or ORG entity is never a
    place, whatever the gazetteer holds); with `with_adjectives` country adjectives
    ("Turkish") are returned too, as the geoparsing corpora count them."""
    spans = [ent for ent in doc.ents if ent.label_ in ("GPE", "LOC")]
    if with_adjectives:
        spans += [ent for ent in doc.ents if ent.label_ == "NORP" and gazetteer.adjective(ent.text)]
        spans.sort(key=lambda s: s.start)
    context = story_context(gazetteer, (s.text for s in spans if s.label_ != "NORP"), dateline)
    found = []
    for span in spans:
        qualifier_span = _qualifier_span(doc, span, spans)
        qualifier = (
            resolve_name(gazetteer, qualifier_span.text, context) if qualifier_span else None
        )
        if qualifier is not None and qualifier.kind not in ("country", "region"):
            qualifier = None
        if span.label_ == "NORP":
            entry = gazetteer.adjective(span.text)
        else:
            entry = resolve_name(gazetteer, span.text, context, qualifier)
        role = _role(span)
        found.append(
            Toponym(
                span.start_char,
                span.end_char,
                span.text,
                entry,
                role,
                _attached_verb(span),
                _locative(span, EVENT_LOCATIVE),
            )
        )
    return found
