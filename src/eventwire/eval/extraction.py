"""Extraction scored against trafilatura's evaluation pages: ours and bare trafilatura, one run.

The gold (trafilatura's tests/evaldata.json, with its pages under html/) gives
for each page segments that must be in the extracted text ("with"), segments
of boilerplate that must not ("without"), and for most the title and date.
Figures, over all pages (a page that cannot be read counts as empty output):

- must_have_recall: share of "with" segments found in the output text.
- must_not_leak: share of "without" segments found in the output text; the
  boilerplate that leaked, so LOWER is better.
- title_accuracy: share of pages with a gold title whose extracted title equals
  it (case, spacing and punctuation at the ends ignored).
- date_accuracy: share of pages with a gold date whose extracted date is it.

The output text is trafilatura's `text` field (which holds the page's headline
when the article's container does), and ours the story's text as `eventwire
extract` gives it: headline, dateline and body, which we split into fields but
keep. The same figures without our headline (dateline and body only) are
reported beside them as `ours_without_headline`.

A segment is found when its whitespace-normalised text is a substring of the
whitespace-normalised output, as trafilatura's own evaluation counts it.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trafilatura

from eventwire.ingest.decode import IngestLimits, InputError, declared_charset, decode_text
from eventwire.ingest.story import RawStory, build_article


@dataclass(frozen=True, slots=True)
class GoldPage:
    """One evaluation page: where its HTML is and what its extraction must hold."""

    url: str
    path: Path
    must_have: tuple[str, ...]
    must_not: tuple[str, ...]
    title: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class Extraction:
    """What an extractor returned for a page: body text, title, ISO date (any may be empty)."""

    text: str
    title: str | None
    date: str | None
    body: str | None = None  # a variant of `text` also scored (ours: without the headline)


@dataclass
class Tally:
    """Running counts for one extractor."""

    found: int = 0
    must_have: int = 0
    leaked: int = 0
    must_not: int = 0
    titles_right: int = 0
    titles: int = 0
    dates_right: int = 0
    dates: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def add(self, page: GoldPage, result: Extraction) -> None:
        text = _normalise(result.text)
        self.must_have += len(page.must_have)
        self.found += sum(1 for segment in page.must_have if _normalise(segment) in text)
        self.must_not += len(page.must_not)
        self.leaked += sum(1 for segment in page.must_not if _normalise(segment) in text)
        if page.title:
            self.titles += 1
            self.titles_right += _same_title(result.title, page.title)
        if page.date:
            self.dates += 1
            self.dates_right += result.date == page.date

    def figures(self) -> dict[str, float]:
        return {
            "must_have_recall": _ratio(self.found, self.must_have),
            "must_not_leak": _ratio(self.leaked, self.must_not),
            "title_accuracy": _ratio(self.titles_right, self.titles),
            "date_accuracy": _ratio(self.dates_right, self.dates),
        }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _same_title(found: str | None, gold: str) -> bool:
    if not found:
        return False

    def norm(title: str) -> str:
        return " ".join(title.split()).casefold().strip(" .:;|-–—\"'“”")

    return norm(found) == norm(gold)


def load_gold(folder: Path) -> list[GoldPage]:
    """The pages of a trafilatura-eval folder (evaldata.json and html/); ValueError if unusable."""
    index = folder / "evaldata.json"
    if not index.is_file():
        raise ValueError(f"{folder}: no evaldata.json (expected trafilatura's evaluation data)")
    try:
        entries = json.loads(index.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{index}: not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(entries, dict):
        raise ValueError(f"{index}: expected an object of url -> page entries")
    pages = []
    for url, entry in entries.items():
        name = entry.get("file")
        if not isinstance(name, str):
            raise ValueError(f"{index}: entry {url!r} has no file name")
        path = folder / "html" / f"{name}.gz"
        if not path.exists():
            path = folder / "html" / name
        pages.append(
            GoldPage(
                url=url,
                path=path,
                must_have=tuple(s for s in entry.get("with") or () if s.strip()),
                must_not=tuple(s for s in entry.get("without") or () if s.strip()),
                title=entry.get("title") or None,
                date=entry.get("date") or None,
            )
        )
    return pages


def _page_bytes(page: GoldPage) -> bytes:
    data = page.path.read_bytes()
    return gzip.decompress(data) if page.path.suffix == ".gz" else data


def extract_ours(html: bytes, url: str | None = None) -> Extraction:
    """Our reader on one page: decode, extract, clean (the path `eventwire extract` takes)."""
    text = decode_text(html, declared_charset(html))
    story = RawStory(id="page", body=text, input_name="page", is_html=True, url=url)
    article = build_article(story, None, IngestLimits())
    # Headline, dateline and body: split into fields by the cleaner, not dropped.
    dateline = article.dateline.text if article.dateline else None
    parts = (article.title, dateline, article.text)
    return Extraction(
        text="\n".join(part for part in parts if part),
        body="\n".join(part for part in parts[1:] if part),
        title=article.title,
        date=article.date.isoformat() if article.date else None,
    )


def extract_trafilatura(html: bytes, url: str | None = None) -> Extraction:
    """Bare `trafilatura.extract` with its defaults, asked for JSON to get title and date too."""
    output = trafilatura.extract(html, url=url, output_format="json", with_metadata=True)
    if not output:
        return Extraction("", None, None)
    fields: dict[str, Any] = json.loads(output)
    return Extraction(fields.get("text") or "", fields.get("title"), fields.get("date"))


Extractor = Callable[[bytes, str | None], Extraction]


def _timed(extractor: Extractor, page: GoldPage, html: bytes, tally: Tally) -> Extraction:
    started = time.perf_counter()
    try:
        result = extractor(html, page.url)
    except (InputError, ValueError) as exc:
        tally.failures.append(f"{page.path.name}: {exc}")
        result = Extraction("", None, None)
    tally.seconds += time.perf_counter() - started
    return result


def _run(
    pages: Sequence[tuple[GoldPage, bytes]],
    ours: Tally,
    ours_variant: Tally,
    baseline: Tally,
) -> None:
    # Page by page, the two extractors taking turns to go first: the one-time
    # costs both share (htmldate's dateparser compiles its locale patterns on
    # first use, seconds of it) then fall evenly instead of on whoever runs first.
    for number, (page, html) in enumerate(pages):
        if number % 2 == 0:
            mine = _timed(extract_ours, page, html, ours)
            theirs = _timed(extract_trafilatura, page, html, baseline)
        else:
            theirs = _timed(extract_trafilatura, page, html, baseline)
            mine = _timed(extract_ours, page, html, ours)
        ours.add(page, mine)
        ours_variant.add(page, Extraction(mine.body or mine.text, mine.title, mine.date))
        baseline.add(page, theirs)


def evaluate_extraction(folder: Path, limit: int | None = None) -> dict[str, Any]:
    """Score ours and bare trafilatura on the same pages, in this one run.

    Returns `{"pages", "ours": {...}, "trafilatura": {...}, "pages_per_second",
    "trafilatura_pages_per_second", "failures"}`; figures as the module says.
    `limit` takes only the first pages (the index's order), for quick checks.
    """
    gold = load_gold(folder)[:limit] if limit else load_gold(folder)
    pages = [(page, _page_bytes(page)) for page in gold]
    ours, ours_without_headline, baseline = Tally(), Tally(), Tally()
    _run(pages, ours, ours_without_headline, baseline)
    return {
        "pages": len(pages),
        "ours": ours.figures(),
        "trafilatura": baseline.figures(),
        "ours_without_headline": ours_without_headline.figures(),
        "pages_per_second": round(len(pages) / ours.seconds, 2) if ours.seconds else None,
        "trafilatura_pages_per_second": (
            round(len(pages) / baseline.seconds, 2) if baseline.seconds else None
        ),
        "failures": len(ours.failures),
        "failure_examples": ours.failures[:5],
        "evaluated_on": dt.date.today().isoformat(),
    }
