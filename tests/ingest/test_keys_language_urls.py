import pytest

from eventwire.ingest.fingerprint import NearDuplicateIndex, hamming_distance, near_dup_key
from eventwire.ingest.language import identify_language
from eventwire.ingest.urls import canonical_url, same_story_url, source_domain
from eventwire.model import Article

WIRE = (
    "The foreign ministers of Paraguay and Bolivia signed a treaty on Tuesday that shares the "
    "water of the Pilcomayo river between the two countries, ending a dispute that had strained "
    "relations for a decade. The agreement sets up a joint commission that will measure the "
    "river's flow every month and divide it according to a formula both governments accepted "
    "after two years of talks mediated by Argentina. Farmers on both banks had accused the other "
    "side of diverting water during the dry season, and border police had clashed twice in 2021. "
    "The treaty must still be ratified by both parliaments, which are expected to vote on it "
    "before the end of the year."
)


def test_republished_copies_are_near_duplicates() -> None:
    copies = [
        WIRE,
        WIRE.replace("on Tuesday", "on Tuesday, Sept. 12,"),
        WIRE + " Copyright 2023 The Example Herald.",
        "ASUNCION (AP) " + WIRE.replace("a decade", "ten years"),
    ]
    index = NearDuplicateIndex()
    assert index.add(near_dup_key(copies[0]), "original") is None
    for number, copy in enumerate(copies[1:]):
        assert hamming_distance(near_dup_key(WIRE), near_dup_key(copy)) <= index.max_distance
        assert index.add(near_dup_key(copy), f"copy{number}") == "original"
    other = "Chile and Peru signed a pact on Monday that sets quotas for anchovy fishing. " * 3
    assert index.add(near_dup_key(other), "other") is None


def test_exact_key_ignores_spacing_only() -> None:
    a = Article(id="a", text="Peru  praised\nChile.", title="Praise")
    b = Article(id="b", text="Peru praised Chile.", title="Praise")
    c = Article(id="c", text="Peru praised Bolivia.", title="Praise")
    assert a.content_hash == b.content_hash != c.content_hash


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (WIRE, "en"),
        (
            "Die Außenminister von Paraguay und Bolivien haben am Dienstag einen Vertrag "
            "unterzeichnet, der das Wasser des Flusses zwischen beiden Ländern aufteilt.",
            "de",
        ),
        (
            "Los cancilleres de Paraguay y Bolivia firmaron el martes un tratado que reparte "
            "el agua del río entre los dos países y pone fin a una larga disputa.",
            "es",
        ),
        ("Peru praised Chile.", None),  # too short to say
        ("Maduro met Borisov in Caracas.", None),
    ],
)
def test_language(text: str, language: str | None) -> None:
    assert identify_language(text) == language


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "HTTPS://WWW.Example.test:443/World/Story?utm_source=rss&id=7#comments",
            "https://www.example.test/World/Story?id=7",
        ),
        ("http://example.test", "http://example.test/"),
        ("http://example.test:8080/a?fbclid=x", "http://example.test:8080/a"),
        ("mailto:desk@example.test", None),
        ("not a url", None),
    ],
)
def test_canonical_url(url: str, canonical: str | None) -> None:
    assert canonical_url(url) == canonical


def test_source_domain_and_same_story() -> None:
    assert source_domain("https://www.reuters.com/world/x") == "reuters.com"
    assert source_domain("https://m.bbc.co.uk/news/1") == "bbc.co.uk"
    assert source_domain("https://apnews.com/article/1") == "apnews.com"
    assert same_story_url("http://www.example.test/a/?utm_medium=feed") == same_story_url(
        "https://example.test/a"
    )


def test_tracking_parameter_list_is_valid() -> None:
    from eventwire.ingest.urls import tracking_parameters

    exact, prefixes = tracking_parameters()
    assert "fbclid" in exact and "utm_" in prefixes
    assert all(name == name.strip() and name for name in exact)
