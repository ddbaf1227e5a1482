import datetime as dt
import shutil
from pathlib import Path

from eventwire.ingest import read_inputs
from eventwire.model import Article, InputProblem

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def test_rss_items_become_articles() -> None:
    results = list(read_inputs([str(FIXTURES / "feed.rss")]))
    articles = {a.title: a for a in results if isinstance(a, Article)}
    assert set(articles) == {"Ministers agree on river treaty", "Port reopens after storm"}
    port = articles["Port reopens after storm"]
    assert port.text.startswith("The port of Montevideo reopened on Wednesday")
    assert "Ships that had waited" in port.text
    assert port.date == dt.date(2023, 9, 13)
    assert port.dateline is not None and port.dateline.place == "Montevideo"
    assert port.url == "https://example-herald.test/world/2023/09/13/port-reopens"
    assert port.source == "example-herald.test"


def test_atom_entry_with_reuters_dateline() -> None:
    [article] = read_inputs([str(FIXTURES / "feed.atom")])
    assert isinstance(article, Article)
    assert article.title == "Talks on trade resume in Islamabad"
    assert article.byline == "Imran Qureshi"
    assert article.date == dt.date(2024, 3, 4)
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency, article.dateline.date) == (
        "Islamabad",
        "Reuters",
        dt.date(2024, 3, 4),
    )
    assert article.text.startswith("Pakistan and Afghanistan resumed talks")


def test_feed_item_takes_its_body_from_the_page_of_the_same_url(tmp_path: Path) -> None:
    # The page is named before the feed: feeds are still read first.
    shutil.copy(FIXTURES / "boilerplate-page.html", tmp_path / "a-page.html")
    shutil.copy(FIXTURES / "feed.rss", tmp_path / "z-feed.rss")
    results = list(read_inputs([str(tmp_path)]))
    articles = [r for r in results if isinstance(r, Article)]
    assert len(articles) == 2  # the treaty once (page + item), the port item
    treaty = next(a for a in articles if a.title == "Ministers agree on river treaty")
    assert "joint commission" in treaty.text  # the page's body, not the item's summary
    assert treaty.id == "a-page"


def test_feed_that_is_not_xml_is_quarantined() -> None:
    [problem] = read_inputs([str(FIXTURES / "not-xml.rss")])
    assert isinstance(problem, InputProblem)
    assert problem.input_name.endswith("not-xml.rss")
    assert "not a valid RSS/Atom feed" in problem.reason
