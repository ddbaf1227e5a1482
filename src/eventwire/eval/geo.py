"""Toponym gold in the XML of TR-News and GeoVirus: loader and scorers.

Both corpora are one `<articles>` file of `<article>` elements with the text and
its toponyms as character spans with coordinates: TR-News writes
`<toponyms><toponym><phrase/><start/><end/><gaztag><lat/><lon/>`, GeoVirus
`<locations><location><name/><start/><end/><lat/><lon/>`. Scores, as the
geoparsing literature reports them:

- with gold spans: each gold toponym is resolved from its text and the story's
  context; accuracy is the share within 161 km (100 miles) of the gold point,
  and the median error in km (a toponym we cannot resolve counts as the largest
  error, half the Earth's circumference);
- same place: a resolution also counts as right when it names the country or
  first-level region that the gold point lies in (the gold point's nearest city in
  the gazetteer says which). The corpora place a country or region at their own
  representative points (TR-News at GeoNames', GeoVirus at Wikipedia's), which
  differ from each other and from ours by up to 1,000 km for Canada; this score
  tells a wrong place from a different convention for the same place;
- recognition: our toponyms against the gold spans (exact offsets), P and R.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from spacy.language import Language

from eventwire.where.gazetteer import Gazetteer, GazetteerEntry, fold_name
from eventwire.where.resolve import (
    COMPASS_WORDS,
    find_toponyms,
    resolve_name,
    story_context,
    town_names,
)

EARTH_RADIUS_KM = 6371.0
MAX_ERROR_KM = math.pi * EARTH_RADIUS_KM
ACCURACY_KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GeoArticle:
    article_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


# Our recogniser: text -> [(start, end)].
Recogniser = Callable[[str], Sequence[tuple[int, int]]]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlon = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _float(element: Any, path: str) -> float | None:
    found = element.find(path)
    if found is None or not (found.text or "").strip():
        return None
    try:
        return float(found.text)
    except ValueError:
        return None


def _aligned(text: str, surface: str, start: int, reach: int = 3) -> int:
    """The offset where the surface form really starts: GeoVirus counts from 1, TR-News
    from 0, so the written offset is checked against the text and moved when it is
    off by a few characters."""
    if not surface or text[start : start + len(surface)] == surface:
        return start
    for shift in sorted(range(-reach, reach + 1), key=abs):
        if text[start + shift : start + shift + len(surface)] == surface:
            return start + shift
    return start


def load_geo_gold(path: Path) -> list[GeoArticle]:
    """Read a TR-News or GeoVirus XML file."""
    try:
        root = etree.parse(str(path)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise ValueError(f"{path}: not a readable toponym XML file ({exc})") from exc
    articles = []
    for number, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        toponyms = []
        for item in [*article.iter("toponym"), *article.iter("location")]:
            start, end = item.findtext("start"), item.findtext("end")
            if start is None or end is None:
                continue
            surface = item.findtext("phrase") or item.findtext("name") or ""
            gaztag = item.find("gaztag")
            holder = gaztag if gaztag is not None else item
            begin = _aligned(text, surface, int(start))
            toponyms.append(
                GoldToponym(
                    begin,
                    begin + (len(surface) if surface else int(end) - int(start)),
                    surface,
                    _float(holder, "lat"),
                    _float(holder, "lon"),
                )
            )
        article_id = article.get("docid") or article.findtext("source") or str(number)
        articles.append(GeoArticle(f"{article_id.strip()}#{number}", text, tuple(toponyms)))
    if not articles:
        raise ValueError(f"{path}: no <article> elements")
    return articles


@dataclass(frozen=True, slots=True)
class CityGrid:
    """The gazetteer's cities bucketed by whole degree, to find a point's nearest city."""

    cells: dict[tuple[int, int], list[GazetteerEntry]]

    @classmethod
    def build(cls, gazetteer: Gazetteer) -> CityGrid:
        cells: dict[tuple[int, int], list[GazetteerEntry]] = {}
        for row in range(len(gazetteer.rows)):
            entry = gazetteer.entry(row)
            if entry.kind == "city":
                cells.setdefault((math.floor(entry.lat), math.floor(entry.lon)), []).append(entry)
        return cls(cells)

    def nearest(self, lat: float, lon: float, reach: int = 2) -> GazetteerEntry | None:
        """The nearest city within `reach` degrees, or None (at sea, in a desert)."""
        best: tuple[float, GazetteerEntry] | None = None
        for dlat in range(-reach, reach + 1):
            for dlon in range(-reach, reach + 1):
                for city in self.cells.get((math.floor(lat) + dlat, math.floor(lon) + dlon), ()):
                    distance = haversine_km(lat, lon, city.lat, city.lon)
                    if best is None or distance < best[0]:
                        best = (distance, city)
        return best[1] if best else None


def same_place(entry: GazetteerEntry, lat: float, lon: float, grid: CityGrid) -> bool:
    """Whether a resolved country or region contains the gold point (by the point's
    nearest city)."""
    if entry.kind not in ("country", "region"):
        return False
    city = grid.nearest(lat, lon)
    if city is None or city.country != entry.country:
        return False
    return entry.kind == "country" or city.admin1 == entry.admin1


# "Linn County in north central Missouri": the place after "in" qualifies the name as a
# comma does ("Bangor, Maine"), when it is a country or region that holds a reading.
_IN_PLACE = re.compile(rf"\s+in\s+(?:(?:{'|'.join(sorted(COMPASS_WORDS))})[\s-]+)*", re.I)


def resolve_gold_spans(gazetteer: Gazetteer, article: GeoArticle) -> list[GazetteerEntry | None]:
    """Resolve each gold toponym of an article with the article's context: the other
    toponyms it names, a qualifier written after it ("Bangor, Maine") and the word
    after it ("Washington state")."""
    context = story_context(gazetteer, (t.text for t in article.toponyms))
    towns = town_names(article.text, ((t.start, t.text) for t in article.toponyms))
    by_start = {t.start: t for t in article.toponyms}
    resolved = []
    for toponym in article.toponyms:
        qualifier = None
        after = article.text[toponym.end : toponym.end + 2]
        following = by_start.get(toponym.end + 2)
        if after != ", " or following is None:
            within = _IN_PLACE.match(article.text, toponym.end)
            following = by_start.get(within.end()) if within else None
        if following is not None:
            qualifier = resolve_name(gazetteer, following.text, context)
            if qualifier is not None and qualifier.kind not in ("country", "region"):
                qualifier = None
        words = article.text[toponym.end : toponym.end + 40].split()
        word = words[0].strip(".,;:") if words else ""
        town = fold_name(toponym.text) in towns
        resolved.append(resolve_name(gazetteer, toponym.text, context, qualifier, word, town))
    return resolved


def score_geo(
    articles: Sequence[GeoArticle], gazetteer: Gazetteer, recogniser: Recogniser | None = None
) -> dict[str, Any]:
    """Accuracy within 161 km and median error with gold spans; recognition P/R."""
    errors: list[float] = []
    same = 0
    grid = CityGrid.build(gazetteer)
    for article in articles:
        for toponym, entry in zip(
            article.toponyms, resolve_gold_spans(gazetteer, article), strict=True
        ):
            if toponym.lat is None or toponym.lon is None:
                continue
            if entry is None:
                errors.append(MAX_ERROR_KM)
                continue
            errors.append(haversine_km(entry.lat, entry.lon, toponym.lat, toponym.lon))
            same += errors[-1] <= ACCURACY_KM or same_place(entry, toponym.lat, toponym.lon, grid)
    summary: dict[str, Any] = {
        "articles": len(articles),
        "toponyms": sum(len(a.toponyms) for a in articles),
        "gold_spans": {
            "toponyms_with_coordinates": len(errors),
            "accuracy_161km": round(sum(e <= ACCURACY_KM for e in errors) / len(errors), 4)
            if errors
            else None,
            "median_error_km": round(statistics.median(errors), 1) if errors else None,
            "accuracy_same_place": round(same / len(errors), 4) if errors else None,
        },
    }
    if recogniser is not None:
        found_total = gold_total = matched = 0
        for article in articles:
            found = set(recogniser(article.text))
            gold = {(t.start, t.end) for t in article.toponyms}
            found_total += len(found)
            gold_total += len(gold)
            matched += len(found & gold)
        summary["recognition"] = {
            "precision": round(matched / found_total, 4) if found_total else 0.0,
            "recall": round(matched / gold_total, 4) if gold_total else 0.0,
        }
    return summary


def recogniser_over(nlp: Language, gazetteer: Gazetteer, with_adjectives: bool) -> Recogniser:
    """Our toponym finder (see `find_toponyms`) as a recogniser of spans."""

    def recognise(text: str) -> list[tuple[int, int]]:
        toponyms = find_toponyms(nlp(text), gazetteer, with_adjectives=with_adjectives)
        return [(t.start, t.end) for t in toponyms]

    return recognise
