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

import functools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.where.gazetteer import Gazetteer, GazetteerEntry, distance_km, fold_name

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
_KIND_BONUS = {"continent": 3.0, "area": 3.0, "country": 3.0, "region": 0.5, "district": 0.0,
               "city": 0.0, "site": 0.0}  # fmt: skip
_QUALIFIER_BONUS = 20.0
_DATELINE_COUNTRY_BONUS = 4.0
_STORY_COUNTRY_BONUS = 3.0
_STORY_REGION_BONUS = 2.0
_PRIMARY_NAME_BONUS = 1.0
_CAPITAL_BONUS = 1.5  # "Washington" is the capital before the state
# A place near a reading of another name of the story ("Edmonton" beside "Tottenham"
# and "Walthamstow" is the one in London; "London" beside "St. Thomas" is Ontario's).
_NEIGHBOUR_BONUS = 2.5
# The readings of a name that count as evidence for its neighbours: those whose prior
# (population and kind) is within this of the name's best reading.
_PLAUSIBLE_MARGIN = 2.0
_PLAUSIBLE_READINGS = 25
# Kinds whose name is read as that place before any town of the same name.
_WIDE_KINDS = ("continent", "area", "country")
# Within this of a city is its metropolitan area (Brooklyn, Yonkers for New York).
_NEAR_KM = 100.0
# How many other regions of its country a story must name for a region's name to be
# read as the region, not its namesake city ("Washington" among "Oregon, Idaho").
_LISTED_PEERS = 2
# Words after a name that say a region is meant: "Washington state", "New York Gov.
# Andrew Cuomo" (a governor governs a state or province, not a city).
_REGION_WORDS = {"state", "gov", "governor", "premier"}
# Words before a name that say a town is meant: "the city of Turkey" (Texas), "the
# town of Paris" (any Paris, but not France). Read for every mention of that name in
# the story: a story that once writes "the city of Turkey" means the town throughout.
_TOWN_WORDS = ("city of", "town of", "village of", "township of", "municipality of")
# Administrative words news writes after a division's name.
_DIVISION_WORDS = {"province", "district", "region", "state", "governorate", "prefecture",
                   "oblast", "department", "county", "municipality"}  # fmt: skip
# A city that bears its region's name is meant when it is a city of millions ("New York");
# "Oklahoma" and "Quebec" are the state and the province. (Region populations are sums
# of their cities, too rough to compare with.)
_NAMESAKE_CITY_POPULATION = 1_000_000
# Words before a place's name that name a part of it ("North London", "Greater Toronto").
_PART_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
               "central", "upper", "lower", "greater", "inner", "outer", "downtown"}  # fmt: skip
# Compass words between "in" and a qualifying place: "in north central Missouri".
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                           "western", "central", "northeast", "northwest", "southeast",
                           "southwest", "northeastern", "northwestern", "southeastern",
                           "southwestern"})  # fmt: skip
# The words that end a facility's name: the facility is in the city it is named after.
_FACILITY_WORDS = {"airport", "international", "regional", "hospital", "university", "college",
                   "museum", "gallery", "stadium", "arena", "station", "cathedral",
                   "memorial", "centre", "center", "art"}  # fmt: skip
# ...when that is a city of this size: a facility named after a small town's namesake
# ("Xavier University", "Thomas Memorial Hospital") is more likely named after a
# person. Chosen beforehand, as a round figure, not fitted to any gold.
_FACILITY_CITY_POPULATION = 100_000


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
    # Where the plausible readings of the story's names lie: whole-degree cell -> the
    # folded names with a city or district there, and (country, admin1) -> the same.
    cells: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)
    areas: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    # (country, folded name) -> how often that name counted for that country
    country_names: Counter[tuple[str, str]] = field(default_factory=Counter)


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
    if qualifier is None or candidate.kind not in ("city", "district", "region", "site"):
        return False
    if qualifier.kind == "country":
        return candidate.country == qualifier.country
    return (
        qualifier.kind == "region"
        and candidate.country == qualifier.country
        and candidate.admin1 == qualifier.admin1
    )


def _prior(candidate: GazetteerEntry, name: str, capitals: frozenset[int]) -> float:
    """How likely a reading is before the story is considered: population, kind, the
    name being its own (not an alternate), being a national capital."""
    score = math.log10(candidate.population + 10) + _KIND_BONUS[candidate.kind]
    if fold_name(candidate.name) == fold_name(name):
        score += _PRIMARY_NAME_BONUS
    if candidate.geonameid in capitals:
        score += _CAPITAL_BONUS
    return score


def _cell(entry: GazetteerEntry) -> tuple[int, int]:
    return math.floor(entry.lat), math.floor(entry.lon)


def _has_neighbour(candidate: GazetteerEntry, key: str, context: StoryContext) -> bool:
    """Whether another name of the story has a plausible reading near this one: a city
    or district within about a degree, or, for a region, inside it."""
    if candidate.kind == "region":
        others = context.areas.get((candidate.country or "", candidate.admin1 or ""), frozenset())
        return bool(others - {key})
    if candidate.kind not in ("city", "district"):
        return False
    lat, lon = _cell(candidate)
    return any(
        context.cells.get((lat + dlat, lon + dlon), frozenset()) - {key}
        for dlat in (-1, 0, 1)
        for dlon in (-1, 0, 1)
    )


def _score(
    candidate: GazetteerEntry,
    name: str,
    context: StoryContext,
    qualifier: GazetteerEntry | None,
    region_named: bool = False,
) -> float:
    score = _prior(candidate, name, context.capitals)
    folded = fold_name(name)
    # A place known by the name only as an alternate does not gain from its neighbours
    # when a region bears the name (GeoNames lists "Nebraska" for a town in Virginia).
    if (
        (context.cells or context.areas)
        and (fold_name(candidate.name) == folded or not region_named)
        and _has_neighbour(candidate, folded, context)
    ):
        score += _NEIGHBOUR_BONUS
    if _inside(candidate, qualifier):
        score += _QUALIFIER_BONUS
    if candidate.kind == "country" and candidate.country:
        # A name two countries share ("Congo"): the one whose places the story names
        # (Kinshasa or Brazzaville), or that it names otherwise.
        own = context.country_names[(candidate.country, folded)]
        places = any(country == candidate.country for country, _ in context.areas)
        if places or context.countries[candidate.country] - own > 0:
            score += _STORY_COUNTRY_BONUS
    if candidate.kind in ("city", "district", "region", "site") and candidate.country:
        dateline = context.dateline
        if dateline is not None and dateline.country == candidate.country:
            score += _DATELINE_COUNTRY_BONUS
            if dateline.admin1 and dateline.admin1 == candidate.admin1:
                score += _STORY_REGION_BONUS
        # Nor for its country ("Victoria" in a story about British Columbia is no
        # evidence for Australia).
        own = context.country_names[(candidate.country, fold_name(name))]
        if context.countries[candidate.country] - own > 0:
            score += _STORY_COUNTRY_BONUS
        key = (candidate.country, candidate.admin1 or "")
        # The name being resolved does not vouch for itself ("Quebec" is no evidence
        # for Québec City being meant by "Quebec").
        region_mentions = context.regions[key] - context.region_names[(key, fold_name(name))]
        if candidate.admin1 and region_mentions:
            score += _STORY_REGION_BONUS
    return score


def _elsewhere(
    candidates: Sequence[GazetteerEntry],
    wide: Sequence[GazetteerEntry],
    name: str,
    context: StoryContext,
) -> bool:
    """Whether the story is about another country that has a place of this name, and
    not about the country of that name ("Georgia" in a story about Atlanta)."""
    key = fold_name(name)

    def others(country: str | None) -> int:
        if country is None:
            return 0
        return context.countries[country] - context.country_names[(country, key)]

    if any(others(w.country) for w in wide):
        return False
    wide_countries = {w.country for w in wide}
    # Only a region of that very name counts: towns that bear a country's name, or have
    # it among their alternates ("China" in Okinawa), do not outweigh the country.
    return any(
        c.kind == "region"
        and fold_name(c.name) == key
        and c.country not in wide_countries
        and others(c.country) > 0
        for c in candidates
    )


def _division_readings(gazetteer: Gazetteer, name: str) -> list[GazetteerEntry]:
    """A division named with its administrative word ("Fars Province", "Karak
    district", "Plymouth Co."), which the gazetteer lists without it: the regions and
    districts of the bare name."""
    words = name.split()
    if len(words) < 2:
        return []
    last = words[-1].casefold().rstrip(".")
    if last == "co":
        return gazetteer.lookup(" ".join([*words[:-1], "County"]))
    if last not in _DIVISION_WORDS:
        return []
    bare = " ".join(words[:-1])
    return [c for c in gazetteer.lookup(bare) if c.kind in ("region", "district")]


def _elsewhere_in_region(
    gazetteer: Gazetteer, namesake: GazetteerEntry, key: str, context: StoryContext
) -> bool:
    """Whether another name of the story reads as a place in the namesake city's region
    but far from the city ("New York" in a story about Buffalo is the state; beside
    "Brooklyn", the city)."""
    area = (namesake.country or "", namesake.admin1 or "")
    for other in sorted(context.areas.get(area, frozenset()) - {key}):
        # The other name's likeliest reading (Boston, Massachusetts, not Boston, New York).
        readings = _plausible(other, gazetteer.lookup(other), context.capitals)[:1]
        for candidate in readings:
            if (
                candidate.kind in ("city", "district")
                and (candidate.country, candidate.admin1) == (namesake.country, namesake.admin1)
                and distance_km(candidate, namesake) > _NEAR_KM
            ):
                return True
    return False


def _part_of(gazetteer: Gazetteer, name: str, context: StoryContext) -> GazetteerEntry | None:
    """A part of a place named by a compass word before the place's name ("North
    London", "Upper Edmonton", "Greater Toronto Area") that the gazetteer does not
    hold: the place itself, the nearest that it knows."""
    words = name.split()
    if len(words) < 2 or words[0].casefold() not in _PART_WORDS:
        return None
    rest = words[1:]
    if len(rest) > 1 and rest[-1].casefold() in ("area", "region"):
        rest = rest[:-1]
    whole = " ".join(rest)
    entry = resolve_name(gazetteer, whole, context)
    # Only a place known by that very name: "Creek" in "Eastern Creek" is no town's
    # alternate name for it.
    if entry is None or entry.kind not in ("city", "district", "region"):
        return None
    return entry if fold_name(entry.name) == fold_name(whole) else None


def _facility_city(gazetteer: Gazetteer, name: str, context: StoryContext) -> GazetteerEntry | None:
    """A facility named after its city ("Vancouver Art Gallery", "Montreal-Pierre
    Elliott Trudeau International Airport") is in that city, when the gazetteer has no
    better place: the longest leading part of the name (before the facility word, or
    a hyphen) that reads as a city (or a district: "Montreal") of some size."""
    words = name.replace("-", " - ").split()
    if len(words) < 2 or words[-1].casefold().rstrip(".,") not in _FACILITY_WORDS:
        return None
    words = words[:-1]
    while words and words[-1].casefold() in _FACILITY_WORDS:
        words = words[:-1]
    if "-" in words:
        words = words[: words.index("-")]
    for end in range(len(words), 0, -1):
        entry = resolve_name(gazetteer, " ".join(words[:end]), context)
        if entry is not None and entry.kind in ("city", "district"):
            return entry if entry.population >= _FACILITY_CITY_POPULATION else None
    return None


def _peer_regions(region: GazetteerEntry, context: StoryContext) -> int:
    """How many other regions of a region's country the story names."""
    return sum(
        1
        for (country, admin1), count in context.regions.items()
        if count and country == region.country and admin1 != region.admin1
    )


def resolve_name(
    gazetteer: Gazetteer,
    name: str,
    context: StoryContext,
    qualifier: GazetteerEntry | None = None,
    following: str = "",
    town: bool = False,
) -> GazetteerEntry | None:
    """The place a name most likely means in this story (None when the gazetteer has
    no place of that name). `following` is the word written after the name: "state"
    or "Gov." says a region is meant ("Washington state", "New York Gov."); `town`
    that the story calls it a city or town (`town_names`)."""
    adjective = gazetteer.adjective(name)
    candidates = gazetteer.lookup(name)
    if not candidates:
        stripped = name.removeprefix("the ").removeprefix("The ")
        candidates = gazetteer.lookup(stripped) if stripped != name else []
    if not candidates:
        candidates = _division_readings(gazetteer, name)
    if following.casefold().rstrip(".") in _REGION_WORDS:
        regions = [c for c in candidates if c.kind == "region"]
        candidates = regions or candidates
    if town:
        towns = [c for c in candidates if c.kind == "city"]
        if towns:
            return max(towns, key=lambda c: _score(c, name, context, qualifier))
    if adjective is not None and not any(c.kind != "city" for c in candidates):
        return adjective  # "Canadian" is Canada, not the town of Canadian, Texas
    if not candidates:
        return _part_of(gazetteer, name, context) or _facility_city(gazetteer, name, context)
    if qualifier is None or qualifier.kind == "country":
        # A country's, continent's or world region's name is that ("Mexico" is not the
        # State of Mexico, "China, Japan" is two countries, not a town in Japan, "the
        # Pacific" is the ocean, not Pacific, Missouri); only a region written beside
        # it ("Georgia, Alabama"?) could say otherwise.
        wide = [c for c in candidates if c.kind in _WIDE_KINDS]
        if wide and not _elsewhere(candidates, wide, name, context):
            return max(wide, key=lambda c: _score(c, name, context, None))
    key = fold_name(name)
    named_regions = [c for c in candidates if c.kind == "region" and fold_name(c.name) == key]
    if named_regions and qualifier is not None and qualifier.kind == "region":
        qualifier = None  # "Georgia, Illinois, Missouri": a list of states, not a town
    listed = [r for r in named_regions if _peer_regions(r, context) >= _LISTED_PEERS]
    if listed and qualifier is None:
        # A state's name among other states of its country is the state.
        return max(listed, key=lambda c: _score(c, name, context, None))
    region_named = bool(named_regions)
    best = max(candidates, key=lambda c: _score(c, name, context, qualifier, region_named))
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
        # ...unless the story lists other regions of that country: "New York, Ohio and
        # Texas" are states.
        peers = _peer_regions(best, context) > 0
        if (
            namesake is not None
            and namesake.population >= _NAMESAKE_CITY_POPULATION
            and not peers
            and not _elsewhere_in_region(gazetteer, namesake, key, context)
        ):
            return namesake
    return best


def town_names(text: str, spans: Iterable[tuple[int, str]]) -> frozenset[str]:
    """The names (folded) a story calls a city or town somewhere ("the city of
    Turkey"), given each name's start offset in `text` and its text."""
    towns = set()
    for start, name in spans:
        before = " ".join(text[max(0, start - 24) : start].casefold().split())
        if before.endswith(_TOWN_WORDS):
            towns.add(fold_name(name))
    return frozenset(towns)


def story_context(
    gazetteer: Gazetteer, names: Iterable[str], dateline: GazetteerEntry | None = None
) -> StoryContext:
    """The countries and regions a story names, read from names that are unambiguous:
    a country's name or adjective, or a region's name."""
    countries: Counter[str] = Counter()
    regions: Counter[tuple[str, str]] = Counter()
    region_names: Counter[tuple[tuple[str, str], str]] = Counter()
    country_names: Counter[tuple[str, str]] = Counter()
    if dateline is not None and dateline.country:
        countries[dateline.country] += 1
    cells: dict[tuple[int, int], set[str]] = {}
    areas: dict[tuple[str, str], set[str]] = {}
    # A name is read once a story (its readings again would add nothing), counted each time
    read: dict[str, tuple[GazetteerEntry | None, list[GazetteerEntry]]] = {}
    for name in names:
        if name not in read:
            candidates = gazetteer.lookup(name)
            _add_readings(name, candidates, gazetteer.capitals, cells, areas)
            # The likeliest reading, by population and kind: "Washington" is the capital,
            # no evidence for the state.
            likeliest = _plausible(name, candidates, gazetteer.capitals)
            read[name] = (likeliest[0] if likeliest else gazetteer.adjective(name), candidates)
        top, candidates = read[name]
        if top is None:
            continue
        if top.kind == "country" and top.country:
            countries[top.country] += 1
            country_names[(top.country, fold_name(name))] += 1
        elif top.kind == "region" and top.country and top.admin1:
            # "New York" is mostly the city, a point: no evidence that another name
            # means a town elsewhere in the state (Boston, New York over Boston, MA).
            if not _big_namesake(top, candidates):
                regions[(top.country, top.admin1)] += 1
            region_names[((top.country, top.admin1), fold_name(name))] += 1
            countries[top.country] += 1
            country_names[(top.country, fold_name(name))] += 1
    return StoryContext(
        dateline,
        countries,
        regions,
        gazetteer.capitals,
        region_names,
        {cell: frozenset(keys) for cell, keys in cells.items()},
        {area: frozenset(keys) for area, keys in areas.items()},
        country_names,
    )


def _big_namesake(region: GazetteerEntry, candidates: Sequence[GazetteerEntry]) -> bool:
    """Whether a region's name (`candidates` are its readings) is also that of a city
    of millions inside it."""
    return any(
        c.kind == "city"
        and (c.country, c.admin1) == (region.country, region.admin1)
        and c.population >= _NAMESAKE_CITY_POPULATION
        for c in candidates
    )


def _plausible(
    name: str, candidates: Sequence[GazetteerEntry], capitals: frozenset[int]
) -> list[GazetteerEntry]:
    """A name's readings whose prior is close to its best one's, best first."""
    if not candidates:
        return []
    priors = [(_prior(c, name, capitals), c) for c in candidates[: _PLAUSIBLE_READINGS * 4]]
    best = max(p for p, _ in priors)
    plausible = sorted(
        (pc for pc in priors if pc[0] >= best - _PLAUSIBLE_MARGIN), key=lambda pc: -pc[0]
    )
    return [c for _, c in plausible[:_PLAUSIBLE_READINGS]]


def _add_readings(
    name: str,
    candidates: Sequence[GazetteerEntry],
    capitals: frozenset[int],
    cells: dict[tuple[int, int], set[str]],
    areas: dict[tuple[str, str], set[str]],
) -> None:
    """Record where a name's plausible city and district readings lie. A name that
    names a country, a continent or a world region is read as that and places nothing."""
    if not candidates or any(c.kind in _WIDE_KINDS for c in candidates):
        return
    key = fold_name(name)
    for candidate in _plausible(name, candidates, capitals):
        if candidate.kind not in ("city", "district"):
            continue
        cells.setdefault(_cell(candidate), set()).add(key)
        if candidate.country and candidate.admin1:
            areas.setdefault((candidate.country, candidate.admin1), set()).add(key)


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
    """The name written right after ", " ("Bangor, Maine") or after "in" ("Linn County
    in north central Missouri"), if it is a place."""
    if span.end + 1 >= len(doc) or doc[span.end].lower_ not in (",", "in"):
        return None
    start = span.end + 1
    if doc[span.end].lower_ == "in":
        while start < len(doc) and (doc[start].lower_ in COMPASS_WORDS or doc[start].text == "-"):
            start += 1
    return next((s for s in spans if s.start == start), None)


def find_toponyms(
    doc: Doc,
    gazetteer: Gazetteer,
    dateline: GazetteerEntry | None = None,
    with_adjectives: bool = False,
    text: str | None = None,
) -> list[Toponym]:
    """The place names of a parsed story, resolved with the story's context.

    Names come from spaCy's GPE and LOC entities (a PERSON or ORG entity is never a
    place, whatever the gazetteer holds); with `with_adjectives` country adjectives
    ("Turkish") are returned too, as the geoparsing corpora count them. `text` is
    the doc's text when the caller has it (`Doc.text` joins every token)."""
    ents = doc.ents  # built anew on each access
    spans = [ent for ent in ents if ent.label_ in ("GPE", "LOC")]
    if with_adjectives:
        spans += [ent for ent in ents if ent.label_ == "NORP" and gazetteer.adjective(ent.text)]
        spans.sort(key=lambda s: s.start)
    context = story_context(gazetteer, (s.text for s in spans if s.label_ != "NORP"), dateline)
    towns = town_names(doc.text if text is None else text, ((s.start_char, s.text) for s in spans))
    # Stories repeat their names, and a name reads the same with the same qualifier,
    # next word and town-ness (the context is fixed by now): one story's cache.
    resolve = functools.cache(functools.partial(resolve_name, gazetteer, context=context))
    found = []
    for span in spans:
        qualifier_span = _qualifier_span(doc, span, spans)
        qualifier = resolve(qualifier_span.text) if qualifier_span else None
        if qualifier is not None and qualifier.kind not in ("country", "region"):
            qualifier = None
        if span.label_ == "NORP":
            entry = gazetteer.adjective(span.text)
        else:
            following = doc[span.end].text if span.end < len(doc) else ""
            town = fold_name(span.text) in towns
            entry = resolve(span.text, qualifier=qualifier, following=following, town=town)
        found.append(Toponym(span.start_char, span.end_char, span.text, entry, _role(span),
                             _attached_verb(span), _locative(span, EVENT_LOCATIVE)))  # fmt: skip
    return found
