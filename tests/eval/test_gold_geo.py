"""Toponym gold: the loader and scorers on articles we wrote in both XML formats, and a
few gold articles of ../shared (TR-News, GeoVirus) when present. Reports; the figures
are measured with `eventwire eval geo` and kept in docs/benchmarks.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.eval.geo import haversine_km, load_geo_gold, score_geo
from eventwire.where import load_gazetteer

GOLD = Path(__file__).resolve().parents[3] / "shared/gold/geo"

TR_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text><![CDATA[Protesters marched in Caracas, Venezuela.]]></text>
<toponyms><toponym><phrase>Caracas</phrase><start>22</start><end>29</end>
<gaztag geonameid="3646738"><name>Caracas</name><lat>10.488</lat><lon>-66.879</lon></gaztag>
</toponym><toponym><phrase>Venezuela</phrase><start>31</start><end>40</end>
<gaztag geonameid="3625428"><name>Venezuela</name><lat>8</lat><lon>-66</lon></gaztag>
</toponym></toponyms></article></articles>
"""
GV_STYLE = """<articles><article><source>ours</source>
<text>Cases rose in Bangor, Maine.</text><locations>
<location><name>Bangor</name><start>14</start><end>20</end><lat>44.80</lat><lon>-68.77</lon></location>
<location><name>Maine</name><start>22</start><end>27</end><lat>45.37</lat><lon>-68.97</lon></location>
</locations></article></articles>
"""


@pytest.mark.parametrize("xml", [TR_STYLE, GV_STYLE])
def test_loader_and_scorer_on_our_articles(tmp_path: Path, xml: str) -> None:
    path = tmp_path / "gold.xml"
    path.write_text(xml, encoding="utf-8")
    [article] = load_geo_gold(path)
    for toponym in article.toponyms:
        assert article.text[toponym.start : toponym.end] == toponym.text
    summary = score_geo([article], load_gazetteer())
    assert summary["gold_spans"]["accuracy_161km"] == 1.0


def test_haversine() -> None:
    assert round(haversine_km(0, 0, 0, 1)) == 111


def test_bad_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text("<nope/>", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.xml"):
        load_geo_gold(path)


@pytest.mark.skipif(not GOLD.is_dir(), reason="../shared is not present")
@pytest.mark.parametrize("name", ["TR-News.xml", "GeoVirus.xml"])
def test_a_few_gold_articles_score(tmp_path: Path, name: str) -> None:
    articles = load_geo_gold(GOLD / name)[:10]
    summary = score_geo(articles, load_gazetteer())
    assert summary["articles"] == 10
    assert 0.0 <= summary["gold_spans"]["accuracy_161km"] <= 1.0
