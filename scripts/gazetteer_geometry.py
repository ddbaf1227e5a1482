"""Points for the gazetteer's places, for scripts/build_gazetteer.py: convex hulls,
polygon centroids, a country's land cut among its regions, and a country's point.
Coordinates are (lat, lon) pairs; GeoJSON rings are [lon, lat] pairs."""

from __future__ import annotations

import json
import math
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from scipy.spatial import cKDTree  # type: ignore[import-untyped,unused-ignore]

# The fewest cells of land a region needs for its point to be read from the land.
_MIN_REGION_CELLS = 5
# How far from a country's largest landmass its other islands count for its centroid.
_TERRITORY_KM = 1500.0
# A compact country: its largest landmass holds this share of its land nearby and
# fills this share of its convex hull. (The solidity threshold lies in the gap between
# the United States, Brazil, Congo (0.75 and more) and China, Canada (0.71 and less);
# 0.7 or 0.8 lose several points of accuracy on the geoparsing gold.)
_COMPACT_SHARE = 0.9
_COMPACT_SOLIDITY = 0.73
# How far a country's conventional point may lie from its main landmass's centroid.
_CONVENTION_KM = 200.0


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def midpoint(points: list[tuple[float, float]], trim: float = 0.02) -> tuple[float, float]:
    """The midpoint of the extent of a set of points, less `trim` at each end."""
    if len(points) < 5:
        return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return (
        (_percentile(lats, trim) + _percentile(lats, 1 - trim)) / 2,
        (_percentile(lons, trim) + _percentile(lons, 1 - trim)) / 2,
    )


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull of (lat, lon) points, counter-clockwise (Andrew's monotone chain)."""
    ordered = sorted(set(points), key=lambda p: (p[1], p[0]))
    if len(ordered) < 3:
        return ordered

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[1] - o[1]) * (b[0] - o[0]) - (a[0] - o[0]) * (b[1] - o[1])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for point in ordered:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    for point in reversed(ordered):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return lower[:-1] + upper[:-1]


def clustered(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The places less those with no population and no other place of the list within
    about a degree (likely misfiled); all of them when that leaves fewer than three."""
    cells: Counter[tuple[int, int]] = Counter(
        (math.floor(p["latitude"]), math.floor(p["longitude"])) for p in places
    )

    def neighbours(place: dict[str, Any]) -> int:
        lat, lon = math.floor(place["latitude"]), math.floor(place["longitude"])
        return sum(cells[(lat + a, lon + b)] for a in (-1, 0, 1) for b in (-1, 0, 1)) - 1

    kept = [p for p in places if int(p["population"]) > 0 or neighbours(p) > 0]
    return kept if len(kept) >= 3 else places


def area_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A region's point from its cities: the centroid of their convex hull, which
    approximates the centroid of the region's area (the mean or the extent of its
    cities is pulled to where people live: southern Ontario, coastal Queensland)."""
    hull = _hull(points)
    if len(hull) < 3:
        return midpoint(points, trim=0.0)
    (lat, lon), area = _ring_centroid([[p[1], p[0]] for p in hull])
    return (lat, lon) if area > 0 else midpoint(points, trim=0.0)


def _ring_centroid(ring: list[list[float]]) -> tuple[tuple[float, float], float]:
    """Planar centroid (lat, lon) and area of a polygon ring given as [lon, lat] pairs."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return (ring[0][1], ring[0][0]), 0.0
    return (cy / (3 * area), cx / (3 * area)), abs(area / 2)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    phi1, phi2 = math.radians(a[0]), math.radians(b[0])
    h = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def spherical_centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The mean of points as unit vectors, back on the sphere: a world region's point
    from its countries' (a plain mean of longitudes fails across the antimeridian)."""
    x = y = z = 0.0
    for lat, lon in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += math.cos(phi) * math.cos(lam)
        y += math.cos(phi) * math.sin(lam)
        z += math.sin(phi)
    return (
        round(math.degrees(math.atan2(z, math.hypot(x, y))), 4),
        round(math.degrees(math.atan2(y, x)), 4),
    )


def _territory_centroid(parts: list[tuple[tuple[float, float], float]]) -> tuple[float, float]:
    """The area-weighted centroid of a country's landmasses near its largest one: the
    islands of an archipelago (the Philippines, New Zealand) count, far territories
    (Alaska, French Guiana, the Canaries) do not."""
    main, _ = max(parts, key=lambda part: part[1])
    near = [(point, area) for point, area in parts if _km(point, main) <= _TERRITORY_KM]
    total = sum(area for _, area in near)
    if total <= 0:
        return main

    def unwrapped(lon: float) -> float:
        # Fiji's islands lie on both sides of the antimeridian: average longitudes
        # as seen from the main island.
        return lon + 360.0 * round((main[1] - lon) / 360.0)

    lon = sum(unwrapped(point[1]) * area for point, area in near) / total
    return (
        sum(point[0] * area for point, area in near) / total,
        (lon + 180.0) % 360.0 - 180.0,
    )


def _compact(polygons: list[Any]) -> bool:
    """Whether a country's land is one compact mass: its largest landmass holds nearly
    all the land near it and fills most of its own convex hull."""
    parts = [_ring_centroid(p[0]) for p in polygons]
    index = max(range(len(parts)), key=lambda i: parts[i][1])
    main, main_area = parts[index]
    near = sum(area for point, area in parts if _km(point, main) <= _TERRITORY_KM)
    hull = _hull([(lat, lon) for lon, lat in polygons[index][0]])
    _, hull_area = _ring_centroid([[lon, lat] for lat, lon in hull])
    return (
        hull_area > 0
        and main_area >= _COMPACT_SHARE * near
        and main_area >= _COMPACT_SOLIDITY * hull_area
    )


def country_outlines() -> dict[str, list[list[list[float]]]]:
    """iso2 -> the outer rings ([lon, lat] pairs) of the country's land, from
    countryinfo's GeoJSON; empty when countryinfo is not installed."""
    try:
        import countryinfo  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return {}
    outlines = {}
    for path in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso = (record.get("ISO") or {}).get("alpha2")
        features = (record.get("geoJSON") or {}).get("features") or []
        if not iso or not features:
            continue
        geometry = features[0]["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        outlines[iso] = [polygon[0] for polygon in polygons]
    return outlines


def _land_cells(rings: list[list[list[float]]]) -> np.ndarray:
    """Points (lat, lon) on a regular grid that fall inside a country's outline, the
    grid fine enough to give a few thousand of them."""
    lons = np.concatenate([np.asarray(ring, dtype=float)[:, 0] for ring in rings])
    lats = np.concatenate([np.asarray(ring, dtype=float)[:, 1] for ring in rings])
    extent = (lons.max() - lons.min()) * (lats.max() - lats.min())
    step = float(min(0.5, max(0.02, math.sqrt(extent / 4000.0))))
    grid_lat, grid_lon = np.meshgrid(
        np.arange(lats.min() + step / 2, lats.max(), step),
        np.arange(lons.min() + step / 2, lons.max(), step),
        indexing="ij",
    )
    points = np.column_stack([grid_lat.ravel(), grid_lon.ravel()])
    inside = np.zeros(len(points), dtype=bool)
    for ring in rings:
        edges = np.asarray(ring, dtype=float)
        x1, y1 = edges[:-1, 0], edges[:-1, 1]
        x2, y2 = edges[1:, 0], edges[1:, 1]
        for start in range(0, len(points), 4000):
            y = points[start : start + 4000, 0:1]
            x = points[start : start + 4000, 1:2]
            with np.errstate(divide="ignore", invalid="ignore"):
                crossing = ((y1 > y) != (y2 > y)) & (x < (x2 - x1) * (y - y1) / (y2 - y1) + x1)
            inside[start : start + 4000] ^= crossing.sum(axis=1) % 2 == 1
    return points[inside]


def region_points(
    outlines: dict[str, list[list[list[float]]]],
    places: dict[tuple[str, str], list[dict[str, Any]]],
) -> dict[tuple[str, str], tuple[float, float]]:
    """A region's point: the centroid of its share of its country's land, where each
    bit of land goes to the region of the nearest place (a Voronoi partition of the
    country by its places, clipped to its outline). Where people live says little of
    where a region's middle is (southern Ontario, coastal Queensland); this follows
    the land. Regions with too few cells of land are left out (the caller falls back)."""
    by_country: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for (country, admin1), members in places.items():
        if admin1 and admin1 != "00":
            by_country[country].extend((admin1, place) for place in members)
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for country, labelled in sorted(by_country.items()):
        if country not in outlines or len({a for a, _ in labelled}) < 2:
            continue
        cells = _land_cells(outlines[country])
        if len(cells) == 0:
            continue
        where = np.array([(p["latitude"], p["longitude"]) for _, p in labelled], dtype=float)
        scale = math.cos(math.radians(float(np.median(where[:, 0]))))
        tree = cKDTree(np.column_stack([where[:, 0], where[:, 1] * scale]))
        _, nearest = tree.query(np.column_stack([cells[:, 0], cells[:, 1] * scale]))
        labels = np.array([a for a, _ in labelled])[nearest]
        weights = np.cos(np.radians(cells[:, 0]))
        for admin1 in sorted(set(labels.tolist())):
            mask = labels == admin1
            if mask.sum() < _MIN_REGION_CELLS:
                continue
            region_lons = cells[mask, 1]
            # Longitudes around the region's own middle (the antimeridian crosses Chukotka).
            middle = float(np.median(region_lons))
            region_lons = region_lons + 360.0 * np.round((middle - region_lons) / 360.0)
            lat = float(np.average(cells[mask, 0], weights=weights[mask]))
            lon = float(np.average(region_lons, weights=weights[mask]))
            points[(country, admin1)] = (lat, (lon + 180.0) % 360.0 - 180.0)
    return points


def country_points() -> dict[str, tuple[float, float]]:
    """A country's point: its conventional point (countryinfo's `latlng`, the rounded
    "geographic coordinates" that GeoNames and Wikipedia mostly share) when that lies
    within 200 km of the centroid of its land (its largest landmass and the islands
    near it) or when its land is not compact (long arms, Arctic islands, archipelagos:
    Canada, China, Chile, Indonesia), where a centroid says little; else, for a compact
    country whose conventional point is off its middle (the United States, Brazil),
    that centroid. Empty when countryinfo is not installed."""
    try:
        import countryinfo  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return {}
    data_dir = Path(countryinfo.__file__).parent / "data"
    points = {}
    for path in data_dir.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso = (record.get("ISO") or {}).get("alpha2")
        if not iso:
            continue
        features = (record.get("geoJSON") or {}).get("features") or []
        if features:
            geometry = features[0]["geometry"]
            polygons = (
                geometry["coordinates"]
                if geometry["type"] == "MultiPolygon"
                else [geometry["coordinates"]]
            )
            centroid = _territory_centroid([_ring_centroid(p[0]) for p in polygons])
            latlng = record.get("latlng") or []
            conventional = (float(latlng[0]), float(latlng[1])) if len(latlng) == 2 else None
            if conventional is None:
                points[iso] = centroid
            elif _km(conventional, centroid) <= _CONVENTION_KM or not _compact(polygons):
                points[iso] = conventional
            else:
                points[iso] = centroid
        elif record.get("latlng") and len(record["latlng"]) == 2:
            points[iso] = (float(record["latlng"][0]), float(record["latlng"][1]))
    return points
