import datetime as dt
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import read_inputs
from eventwire.model import Article, InputProblem


def _page(title: str, sentences: list[str]) -> bytes:
    body = "".join(f"<p>{s}</p>" for s in sentences)
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | World</nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright 2024</footer></body></html>"
    ).encode()


STORIES = {
    "https://news.example.test/a": (
        "Chile and Peru sign fishing pact",
        [
            "LIMA, Peru (AP) — Chile and Peru signed a pact on Monday that sets quotas "
            "for anchovy fishing along their maritime border.",
            "The pact follows a ruling of the International Court of Justice in 2014 "
            "that drew the border and ended a long dispute over the waters.",
            "Fishermen's unions in both countries welcomed the quotas.",
        ],
    ),
    "https://news.example.test/b": (
        "Ecuador recalls ambassador",
        [
            "QUITO, Ecuador (AP) — Ecuador recalled its ambassador to Mexico on Tuesday "
            "after a dispute over asylum granted to a former official.",
            "The foreign ministry said the decision was taken to protest interference "
            "in Ecuador's internal affairs.",
            "Mexico has not commented on the recall.",
        ],
    ),
}


def _warc(gzipped: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for url, (title, sentences) in STORIES.items():
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(_page(title, sentences)),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-04-02T10:00:00Z"},
        )
        writer.write_record(record)
    redirect = writer.create_warc_record(
        "https://news.example.test/old",
        "response",
        payload=io.BytesIO(b""),
        http_headers=StatusAndHeaders(
            "301 Moved", [("Location", "https://news.example.test/a")], protocol="HTTP/1.1"
        ),
    )
    writer.write_record(redirect)
    return buffer.getvalue()


@pytest.mark.parametrize(("gzipped", "name"), [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_warc_responses_become_articles(tmp_path: Path, gzipped: bool, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(_warc(gzipped))
    results = list(read_inputs([str(path)]))
    assert all(isinstance(r, Article) for r in results), results
    articles = [r for r in results if isinstance(r, Article)]
    assert [a.url for a in articles] == list(STORIES)
    assert [a.title for a in articles] == [title for title, _ in STORIES.values()]
    first = articles[0]
    assert first.text.startswith("Chile and Peru signed a pact on Monday")
    assert first.dateline is not None and first.dateline.place == "Lima"
    assert first.date == dt.date(2024, 4, 2)  # the crawl's date: the page has none
    assert first.source == "news.example.test"


def test_warc_detected_by_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "crawl.txt"
    path.write_bytes(_warc(False))
    assert len([r for r in read_inputs([str(path)]) if isinstance(r, Article)]) == 2


def test_broken_record_is_quarantined_and_the_rest_read(tmp_path: Path) -> None:
    data = _warc(False)
    second = data.index(b"WARC/1.", 10)
    # Break the second record's header: its length line becomes garbage.
    broken = data[:second] + data[second:].replace(b"Content-Length: ", b"Content-Length: x", 1)
    path = tmp_path / "broken.warc"
    path.write_bytes(broken)
    results = list(read_inputs([str(path)]))
    problems = [r for r in results if isinstance(r, InputProblem)]
    articles = [r for r in results if isinstance(r, Article)]
    assert problems and all("broken WARC record" in p.reason for p in problems)
    assert problems[0].input_name.startswith(str(path))
    assert articles and articles[0].title == "Chile and Peru sign fishing pact"


def test_truncated_warc_gz_is_quarantined(tmp_path: Path) -> None:
    data = _warc(True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) // 2])
    results = list(read_inputs([str(path)]))
    assert any(isinstance(r, InputProblem) for r in results)
    assert any(isinstance(r, Article) for r in results)
