"""`eventwire extract`: read stories as `code` does and print them cleaned, without coding."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import click

from eventwire.cli.common import parse_date_option
from eventwire.ingest import read_inputs
from eventwire.model import Article, InputProblem


def article_record(article: Article) -> dict[str, Any]:
    """The cleaned article as one JSON-ready object (the `extract --format jsonl` line)."""
    dateline = article.dateline
    return {
        "id": article.id,
        "title": article.title,
        "text": article.text,
        "date": article.date.isoformat() if article.date else None,
        "dateline": {
            "place": dateline.place if dateline else None,
            "country": dateline.country if dateline else None,
            "agency": dateline.agency if dateline else None,
            "date": dateline.date.isoformat() if dateline and dateline.date else None,
        },
        "byline": article.byline,
        "url": article.url,
        "source": article.source,
        "language": article.language,
        "content_hash": article.content_hash,
        "near_dup_key": article.near_dup_key,
    }


def _as_text(record: dict[str, Any]) -> str:
    dateline = record["dateline"]
    place = ", ".join(
        part for part in (dateline["place"], dateline["country"], dateline["agency"]) if part
    )
    header = [
        f"# {record['title'] or '(no title)'}",
        f"id: {record['id']}  date: {record['date'] or '-'}  language: {record['language'] or '-'}",
        f"dateline: {place or '-'}  byline: {record['byline'] or '-'}",
        f"url: {record['url'] or '-'}  source: {record['source'] or '-'}",
    ]
    body: str = record["text"]
    return "\n".join(header) + "\n\n" + body + "\n"


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--date",
    callback=parse_date_option,
    help="Publication date (YYYY-MM-DD) for stories that carry none.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "text"]),
    default="jsonl",
    show_default=True,
    help="One JSON object a line, or readable text.",
)
def extract_command(inputs: tuple[str, ...], date: dt.date | None, output_format: str) -> None:
    """Print each story of the INPUTs cleaned: title, body, dateline, byline, date, source.

    INPUT is a text, HTML, JSONL, WARC or RSS/Atom file (or a .gz of one), a
    folder, or - (stdin). Inputs that cannot be read are named on stderr.
    """
    n_articles = 0
    problems: list[InputProblem] = []
    for item in read_inputs(inputs, date):
        if isinstance(item, InputProblem):
            problems.append(item)
            click.echo(f"eventwire: {item}", err=True)
            continue
        n_articles += 1
        record = article_record(item)
        if output_format == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(_as_text(record))
    summary = f"eventwire: extracted {n_articles} article(s)"
    if problems:
        summary += f"; {len(problems)} quarantined"
    click.echo(summary, err=True)
    sys.exit(1 if problems and not n_articles else 0)
