"""The dashboard's files: shipped in the package, self-contained, and a valid world outline."""

from __future__ import annotations

import json
import re

from eventwire.api import web_directory

WEB = web_directory()


def test_the_dashboard_ships_in_the_package() -> None:
    for name in ("index.html", "app.css", "world.json", "favicon.svg", "js/app.js"):
        assert (WEB / name).is_file(), name


def test_nothing_is_loaded_from_elsewhere() -> None:
    # No CDN, no web fonts, no tiles: the page must work offline.
    external = re.compile(r"""(src|href)\s*=\s*["']?(https?:)?//|@import|url\(\s*["']?https?:""")
    for path in [WEB / "index.html", WEB / "app.css", *sorted((WEB / "js").glob("*.js"))]:
        text = path.read_text(encoding="utf-8")
        assert not external.search(text), f"{path.name} references an outside resource"
        assert "innerHTML" not in text, f"{path.name}: insert data as text, never as HTML"


def test_every_module_import_resolves() -> None:
    for path in sorted((WEB / "js").glob("*.js")):
        for target in re.findall(r'from\s+"(\./[^"]+)"', path.read_text(encoding="utf-8")):
            assert (path.parent / target).is_file(), f"{path.name} imports missing {target}"


def test_world_outline_is_valid_geojson() -> None:
    world = json.loads((WEB / "world.json").read_text(encoding="utf-8"))
    assert world["type"] == "FeatureCollection"
    names = set()
    for feature in world["features"]:
        assert feature["type"] == "Feature"
        properties = feature["properties"]
        assert properties["kind"] in ("land", "water")
        names.add(properties["name"])
        geometry = feature["geometry"]
        assert geometry["type"] == "Polygon"
        for ring in geometry["coordinates"]:
            assert len(ring) >= 4, properties["name"]
            assert ring[0] == ring[-1], f"{properties['name']}: ring not closed"
            for lon, lat in ring:
                assert -180 <= lon <= 180 and -90 <= lat <= 90, properties["name"]
    assert {"Africa", "Eurasia", "North America", "South America", "Australia"} <= names
