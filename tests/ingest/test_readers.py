import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.model import Article, InputProblem

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"


def _read(paths: list[str], date: dt.date | None = None) -> list[Article | InputProblem]:
    return list(read_inputs(paths, date))


def test_text_story_is_cleaned() -> None:
    [article] = _read([str(FIXTURES / "lima-cooperation.txt")], dt.date(2024, 5, 8))
    assert isinstance(article, Article)
    assert article.id == "lima-cooperation"
    assert article.title == "Peru's president pledges military cooperation with Brazil"
    assert article.text.startswith("Peruvian President Ana Quispe pledged")
    assert "Oops" not in article.text and "Something went wrong" not in article.text
    assert article.date == dt.date(2024, 5, 8)
    assert article.dateline is not None and article.dateline.place == "Lima"


def test_jsonl_articles_keep_their_ids_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a1", "text": "Peru and Chile signed a deal.", "date": "2024-01-02"},
        {"id": 7, "text": "Chile praised Peru.", "title": "Praise", "source": "example.org"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", "utf-8")
    first, second = _read([str(path)], dt.date(2024, 6, 1))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.date) == ("a1", dt.date(2024, 1, 2))
    assert (second.id, second.date, second.source) == ("7", dt.date(2024, 6, 1), "example.org")


def test_bad_jsonl_lines_are_named_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "ok", "text": "Peru praised Chile."}\n'
        "{not json\n"
        '{"text": "no id here"}\n'
        '["a", "list"]\n'
        '{"id": "d", "text": "Peru praised Chile.", "date": "yesterday"}\n',
        "utf-8",
    )
    results = _read([str(path)])
    assert isinstance(results[0], Article)
    problems = [r for r in results if isinstance(r, InputProblem)]
    assert [p.input_name for p in problems] == [f"{path}:2", f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "malformed JSON" in problems[0].reason
    assert '"id"' in problems[1].reason
    assert "JSON object" in problems[2].reason
    assert "YYYY-MM-DD" in problems[3].reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"Advertisement\n\nOops!\n", "empty story"),
    ],
)
def test_bad_files_become_named_problems(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [problem] = _read([str(path)])
    assert isinstance(problem, InputProblem)
    assert problem.input_name == str(path)
    assert reason in problem.reason


def test_missing_file_and_good_file_together(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Peru praised Chile on Monday.", "utf-8")
    results = _read([str(tmp_path / "nope.txt"), str(good)])
    assert isinstance(results[0], InputProblem) and results[0].reason == "no such file"
    assert isinstance(results[1], Article) and results[1].id == "good"


def test_folder_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Peru praised Chile.", "utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Chile praised Peru.", "utf-8")
    (tmp_path / "notes.tsv").write_text("x\ty", "utf-8")
    ids = [r.id for r in _read([str(tmp_path)]) if isinstance(r, Article)]
    assert ids == ["a", "sub/b"]


def test_html_page_is_extracted(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = "".join(
        f"<p>Paragraph {n}: Peru and Chile held talks on trade and border security "
        f"in Lima, officials from both governments said after the meeting.</p>"
        for n in range(6)
    )
    page.write_text(
        "<!doctype html><html><head><title>Talks in Lima</title>"
        '<meta property="article:published_time" content="2024-03-05"></head>'
        "<body><nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
        "<div class='ad'>Advertisement</div>"
        f"<article><h1>Talks in Lima</h1>{body}</article>"
        "<footer>Copyright 2024 Example News</footer></body></html>",
        "utf-8",
    )
    [article] = _read([str(page)])
    assert isinstance(article, Article)
    assert article.title == "Talks in Lima"
    assert article.date == dt.date(2024, 3, 5)
    assert "Paragraph 0" in article.text and "Home" not in article.text


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Peru praised Chile."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    [article] = _read(["-"])
    assert isinstance(article, Article) and article.id.startswith("stdin-")


def test_gzip_is_read_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(gzip.compress(b"Peru praised Chile on Monday for its help after the floods."))
    [result] = _read([str(path)])
    assert isinstance(result, Article) and result.text.startswith("Peru praised Chile")


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes("Caf\u00e9 owners in Bogot\u00e1 met the mayor.".encode("latin-1"))
    [article] = _read([str(path)])
    assert (
        isinstance(article, Article)
        and article.text == "Caf\u00e9 owners in Bogot\u00e1 met the mayor."
    )


def test_json_array_export(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps([{"id": "x", "text": "Peru praised Chile."}, {"text": "no id"}]), "utf-8"
    )
    article, problem = _read([str(path)])
    assert isinstance(article, Article) and article.id == "x"
    assert isinstance(problem, InputProblem) and problem.input_name == f"{path}[1]"
