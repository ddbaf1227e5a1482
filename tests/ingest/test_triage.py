from eventwire.ingest.fingerprint import near_dup_key
from eventwire.ingest.triage import RunTally, triage
from eventwire.model import Article, InputProblem

STORY = (
    "Chile and Peru signed a pact on Monday that sets quotas for anchovy fishing along their "
    "maritime border, ending years of dispute over the rich waters off their coasts. "
) * 3


def _article(article_id: str, text: str, language: str | None = "en") -> Article:
    return Article(id=article_id, text=text, language=language, near_dup_key=near_dup_key(text))


def test_triage_counts_and_passes_on_what_is_coded() -> None:
    items = [
        _article("a", STORY),
        _article("b", STORY),  # exact copy
        _article("c", STORY + " Reporting by Example Wire."),  # near copy: still coded
        _article("d", "Der Präsident sprach am Montag lange mit der Presse.", "de"),
        _article("e", "Peru praised Chile.", None),  # language unknown: coded
        InputProblem("bad.html", "binary data, not text"),
    ]
    tally = RunTally()
    messages: list[str] = []
    coded = [a.id for a in triage(items, tally, messages.append)]
    assert coded == ["a", "c", "e"]
    assert (tally.read, tally.duplicates, tally.near_duplicates, tally.skipped) == (5, 1, 1, 1)
    assert [p.input_name for p in tally.quarantined] == ["bad.html"]
    assert tally.summary(len(coded)) == (
        "read 5, coded 3, skipped 1 (language: de 1), duplicate 1, quarantined 1; "
        "near-duplicate copies 1"
    )
    assert "bad.html: binary data, not text" in messages
    assert any(m.startswith("duplicate b") for m in messages)
