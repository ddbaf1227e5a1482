import gzip
import json
import shutil
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.ingest.decode import InputError, decode_text, gunzip_capped
from eventwire.model import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def test_concatenated_gzip_members_are_all_expanded() -> None:
    data = gzip.compress(b"first ") + gzip.compress(b"second")
    assert gunzip_capped(data, 1000) == b"first second"


def test_gzip_cap_is_exact() -> None:
    data = gzip.compress(b"x" * 1000)
    assert gunzip_capped(data, 1000) == b"x" * 1000
    with pytest.raises(InputError, match="cap"):
        gunzip_capped(data, 999)


def test_truncated_gzip() -> None:
    data = gzip.compress(b"Peru praised Chile. " * 100)
    with pytest.raises(InputError, match=r"truncated|corrupt"):
        gunzip_capped(data[: len(data) // 2], 10_000)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Bogot\u00e1".encode("utf-16"), "Bogot\u00e1"),
        (b"\xef\xbb\xbfBogot\xc3\xa1", "Bogot\u00e1"),
        ("Bogota\u0301".encode(), "Bogot\u00e1"),  # NFC: one character
        ("Москва заявила о переговорах в Каракасе с президентом".encode("cp1251"),
         "Москва заявила о переговорах в Каракасе с президентом"),
    ],
)  # fmt: skip
def test_encodings(data: bytes, text: str) -> None:
    assert decode_text(data) == text


def test_page_that_declares_the_wrong_charset_is_read_as_utf8() -> None:
    data = '<meta charset="iso-8859-1"><p>S\u00e3o Paulo</p>'.encode()
    assert "S\u00e3o Paulo" in decode_text(data, "iso-8859-1")


def test_gzipped_html_and_feed(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress((FIXTURES / "boilerplate-page.html").read_bytes()))
    feed = tmp_path / "feed.atom.gz"
    feed.write_bytes(gzip.compress((FIXTURES / "feed.atom").read_bytes()))
    results = list(read_inputs([str(page), str(feed)]))
    assert [type(r) for r in results] == [Article, Article]
    assert results[0].id == "page" and results[0].title == "Ministers agree on river treaty"


def test_jsonl_with_html_field(tmp_path: Path) -> None:
    html = (FIXTURES / "boilerplate-page.html").read_text("utf-8")
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"id": "h1", "html": html, "language": "en"}) + "\n", "utf-8")
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article) and article.title == "Ministers agree on river treaty"
    assert article.byline == "Maria Ortega"


def test_folder_with_every_format(tmp_path: Path) -> None:
    for name in ("boilerplate-page.html", "feed.rss", "feed.atom"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "notes.tsv").write_text("x\ty", "utf-8")
    articles = [r for r in read_inputs([str(tmp_path)]) if isinstance(r, Article)]
    assert len(articles) == 3  # the page and its feed item are one story
