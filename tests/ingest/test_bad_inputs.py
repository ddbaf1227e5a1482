"""Each bad input of the issue: quarantined with its name and reason, the run goes on."""

import gzip
import os
import zlib
from pathlib import Path

from eventwire.ingest import IngestLimits, read_inputs
from eventwire.model import Article, InputProblem

GOOD = "Peru praised Chile on Monday for its help after the floods in the north."


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "zz-good.txt"
    path.write_text(GOOD, "utf-8")
    return path


def _only_problem_then_good(results: list[Article | InputProblem], name: Path) -> InputProblem:
    problems = [r for r in results if isinstance(r, InputProblem)]
    articles = [r for r in results if isinstance(r, Article)]
    assert [p.input_name for p in problems] == [str(name)]
    assert [a.text for a in articles] == [GOOD]  # the run went on
    return problems[0]


def test_fifty_megabyte_page_is_refused_with_its_size(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    paragraph = "<p>" + "Officials met again to discuss the border and trade. " * 20 + "</p>\n"
    with page.open("w", encoding="utf-8") as out:
        out.write("<html><head><title>Huge</title></head><body><article>")
        while out.tell() < 50 * 1024 * 1024:
            out.write(paragraph * 100)
        out.write("</article></body></html>")
    problem = _only_problem_then_good(list(read_inputs([str(page), str(_good(tmp_path))])), page)
    assert "MB" in problem.reason and "limit" in problem.reason


def test_big_page_that_is_mostly_scripts_is_still_read(tmp_path: Path) -> None:
    page = tmp_path / "scripty.html"
    script = "<script>var x = '" + "a" * (12 * 1024 * 1024) + "';</script>"
    body = "".join(
        f"<p>Paragraph {n}: Peru and Chile held talks on trade and border security in Lima, "
        "officials from both governments said after the meeting.</p>"
        for n in range(6)
    )
    page.write_text(
        f"<html><head><title>Talks</title>{script}</head><body><article>{body}</article>"
        "</body></html>",
        "utf-8",
    )
    [article] = read_inputs([str(page)])
    assert isinstance(article, Article) and "Paragraph 5" in article.text


def test_binary_data_named_html(tmp_path: Path) -> None:
    page = tmp_path / "photo.html"
    page.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
    problem = _only_problem_then_good(list(read_inputs([str(page), str(_good(tmp_path))])), page)
    assert "binary" in problem.reason


def test_gzip_bomb_stops_at_the_cap(tmp_path: Path) -> None:
    # 64 MB of zeros in about 64 KB; the cap here is 8 MB (the default is 256 MB).
    bomb = tmp_path / "bomb.txt.gz"
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1024 * 1024)
    bomb.write_bytes(b"".join(compressor.compress(chunk) for _ in range(64)) + compressor.flush())
    limits = IngestLimits(max_expanded_bytes=8 * 1024 * 1024)
    results = list(read_inputs([str(bomb), str(_good(tmp_path))], limits=limits))
    problem = _only_problem_then_good(results, bomb)
    assert "expands past the 8.0 MB cap" in problem.reason


def test_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    data = gzip.compress(GOOD.encode() * 50)
    path.write_bytes(data[:20] + b"\xff" * 40 + data[60:])
    problem = _only_problem_then_good(list(read_inputs([str(path), str(_good(tmp_path))])), path)
    assert "gzip" in problem.reason


def test_truncated_html_without_a_body(tmp_path: Path) -> None:
    page = tmp_path / "cut.html"
    page.write_text("<!doctype html><html><head><title>Talks in Li", "utf-8")
    problem = _only_problem_then_good(list(read_inputs([str(page), str(_good(tmp_path))])), page)
    assert "no article body" in problem.reason


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 100, "utf-8")
    limits = IngestLimits(max_file_bytes=1000)
    problem = _only_problem_then_good(
        list(read_inputs([str(path), str(_good(tmp_path))], limits=limits)), path
    )
    assert "over the 1,000 limit" in problem.reason
