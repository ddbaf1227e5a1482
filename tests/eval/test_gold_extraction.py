"""`eventwire eval extraction` on a handful of trafilatura-eval pages (skips without ../shared)."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.eval.extraction import Extraction, GoldPage, Tally, load_gold

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "extraction" / "trafilatura-eval"
needs_gold = pytest.mark.skipif(not GOLD.exists(), reason="../shared is absent")


@needs_gold
def test_eval_extraction_command_on_a_few_pages() -> None:
    result = CliRunner().invoke(main, ["eval", "extraction", str(GOLD), "--limit", "8"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["pages"] == 8
    for extractor in ("ours", "trafilatura"):
        figures = summary[extractor]
        assert set(figures) == {
            "must_have_recall",
            "must_not_leak",
            "title_accuracy",
            "date_accuracy",
        }
        assert all(0.0 <= value <= 1.0 for value in figures.values())
    assert summary["pages_per_second"] > 0


@needs_gold
def test_gold_loads_every_page() -> None:
    pages = load_gold(GOLD)
    assert len(pages) > 900 and all(page.path.exists() for page in pages)


def test_scoring_rules() -> None:
    page = GoldPage(
        url="https://example.test/",
        path=Path("page.html"),
        must_have=("Talks  resumed", "never found"),
        must_not=("Impressum",),
        title="Talks resume",
        date="2024-03-04",
    )
    tally = Tally()
    tally.add(
        page, Extraction("Talks resumed on Monday.\nImpressum", "talks resume.", "2024-03-04")
    )
    assert tally.figures() == {
        "must_have_recall": 0.5,
        "must_not_leak": 1.0,
        "title_accuracy": 1.0,
        "date_accuracy": 1.0,
    }


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"evaldata\.json"):
        load_gold(tmp_path)
