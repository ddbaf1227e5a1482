import datetime as dt
from pathlib import Path

from eventwire.ingest import read_inputs
from eventwire.model import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def _page() -> Article:
    [article] = read_inputs([str(FIXTURES / "boilerplate-page.html")])
    assert isinstance(article, Article)
    return article


def test_boilerplate_page_body_is_the_story() -> None:
    article = _page()
    assert article.text.startswith("The foreign ministers of Paraguay and Bolivia signed a treaty")
    assert "ratified by both parliaments" in article.text
    for junk in ("Advertisement", "Share this story", "Read more", "cookies", "newsletter",
                 "Copyright", "Most read", "Storm closes port", "Home"):  # fmt: skip
        assert junk not in article.text, junk


def test_boilerplate_page_metadata() -> None:
    article = _page()
    assert article.title == "Ministers agree on river treaty"
    assert not article.text.startswith("Ministers agree")  # headline not repeated
    assert article.date == dt.date(2023, 9, 12)
    assert article.byline == "Maria Ortega"
    assert article.url == "https://www.example-herald.test/world/2023/09/12/river-treaty"
    assert article.source == "example-herald.test"
    assert article.language == "en"
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.country, article.dateline.agency) == (
        "Asuncion",
        "Paraguay",
        "AP",
    )


def test_truncated_page_keeps_what_arrived(tmp_path: Path) -> None:
    html = (FIXTURES / "boilerplate-page.html").read_text("utf-8")
    cut = html.index("Farmers on both banks") + 40
    path = tmp_path / "truncated.html"
    path.write_text(html[:cut], "utf-8")
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert "joint commission" in article.text


def test_page_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    body = "".join(
        f"<p>Paragraph {n}: the mayor of S\u00e3o Paulo met cafe owners in the pra\u00e7a "
        "to talk about taxes, noise and the new rules for terraces.</p>"
        for n in range(5)
    )
    html = (
        '<html><head><meta charset="iso-8859-1"><title>Mayor meets owners</title></head>'
        f"<body><article><h1>Mayor meets owners</h1>{body}</article></body></html>"
    )
    path = tmp_path / "legacy.html"
    path.write_bytes(html.encode("latin-1"))
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article) and "S\u00e3o Paulo" in article.text
