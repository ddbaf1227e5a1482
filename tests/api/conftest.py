"""A demo store coded from examples/ once per session, and apps over copies of it."""

from __future__ import annotations

import datetime as dt
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.api import create_app
from eventwire.ingest import read_inputs
from eventwire.model import Article
from eventwire.pipeline import Coder
from eventwire.store.duckdb import EventStore

with warnings.catch_warnings():
    # Starlette's test client warns on import that it would prefer httpx2; httpx is pinned.
    warnings.filterwarnings("ignore", message=".*httpx.*")
    from fastapi.testclient import TestClient

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOKEN = "test-token-0123456789"


def example_articles() -> list[Article]:
    """The example stories, each with its publication date from MANIFEST.tsv."""
    articles: list[Article] = []
    lines = (EXAMPLES / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        name, date = line.split("\t")[:2]
        found = read_inputs([str(EXAMPLES / name)], dt.date.fromisoformat(date))
        articles += [item for item in found if isinstance(item, Article)]
    articles += [
        item
        for item in read_inputs([str(EXAMPLES / "articles.jsonl")])
        if isinstance(item, Article)
    ]
    return articles


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Path:
    """A DuckDB store of the coded examples; tests copy it before writing."""
    path = tmp_path_factory.mktemp("api-demo") / "demo.duckdb"
    with EventStore(path) as store:
        for coded in coder.code(example_articles()):
            store.store(coded)
    return path


@pytest.fixture
def store_copy(demo_store: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_store, path)
    return path


@pytest.fixture
def client(store_copy: Path, coder: Coder) -> Iterator[TestClient]:
    """A client of an app with a token, over a private copy of the demo store."""
    with TestClient(create_app(store_copy, token=TOKEN, coder=coder)) as test_client:
        yield test_client
