"""One sentence we wrote for each of the 20 CAMEO roots, coded end to end."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.pipeline import Coder

SENTENCES = [
    ("01", "Chile denied responsibility for the attack on Peru."),
    ("02", "Chile urged Peru to release the prisoners."),
    ("03", "Chile promised economic aid to Peru."),
    ("04", "Chile met with Peru in Lima."),
    ("05", "Chile praised Peru for its help."),
    ("06", "Chile shared intelligence with Peru."),
    ("07", "Chile sent humanitarian aid to Peru."),
    ("08", "Chile withdrew its troops from Peru."),
    ("09", "Chile investigated Peru for corruption."),
    ("10", "Chile demanded the release of Peruvian prisoners."),
    ("11", "Chile condemned Peru."),
    ("12", "Chile rejected talks with Peru."),
    ("13", "Chile threatened Peru with sanctions."),
    ("14", "Chilean students protested against Peru."),
    ("15", "Chile deployed troops to the border with Peru."),
    ("16", "Chile expelled Peru's ambassador."),
    ("17", "Chile arrested Peruvian activists."),
    ("18", "Chilean rebels kidnapped Peruvian soldiers."),
    ("19", "Chile shelled Peru."),
    ("20", "Chile massacred Peruvian civilians."),
]


def test_every_root_has_a_sentence() -> None:
    assert [root for root, _ in SENTENCES] == [f"{n:02d}" for n in range(1, 21)]


@pytest.mark.parametrize(("root", "text"), SENTENCES, ids=[root for root, _ in SENTENCES])
def test_root_is_coded(coder: Coder, root: str, text: str) -> None:
    events = coder.code_one(Article(id=f"root-{root}", text=text)).events
    roots = {event.cameo[:2] for event in events}
    assert root in roots, [(e.cameo, e.evidence and e.evidence.entry) for e in events]
    event = next(e for e in events if e.cameo[:2] == root)
    assert event.source is not None and event.source.country == "CHL"
    assert event.cameo_label and -10 <= event.goldstein <= 10
