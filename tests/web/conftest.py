"""The dashboard in a real browser: Debian's chromium driven by Playwright, headless.

The app runs with uvicorn on a free loopback port, in a background thread, over
a store of the coded examples. Without /usr/bin/chromium the browser tests skip.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from eventwire.api import create_app
from eventwire.ingest import read_inputs
from eventwire.model import Article
from eventwire.pipeline import Coder
from eventwire.store.duckdb import EventStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def example_articles() -> list[Article]:
    """The example stories, each with its publication date from MANIFEST.tsv."""
    articles: list[Article] = []
    for line in (EXAMPLES / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, date = line.split("\t")[:2]
        found = read_inputs([str(EXAMPLES / name)], dt.date.fromisoformat(date))
        articles += [item for item in found if isinstance(item, Article)]
    jsonl = read_inputs([str(EXAMPLES / "articles.jsonl")])
    articles += [item for item in jsonl if isinstance(item, Article)]
    return articles


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Iterator[str]:
    """The base URL of the app serving a demo store on 127.0.0.1."""
    path = tmp_path_factory.mktemp("web-demo") / "demo.duckdb"
    with EventStore(path) as store:
        for coded in coder.code(example_articles()):
            store.store(coded)
    port = _free_loopback_port()
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="dashboard-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the dashboard server did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is not installed (apt-get install chromium); browser tests skipped"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, dashboard_url: str) -> Iterator[Any]:
    """A fresh page that records console errors and every request it makes."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    opened = context.new_page()
    opened.problems = []
    opened.requested = []
    opened.on("console", lambda m: m.type == "error" and opened.problems.append(m.text))
    opened.on("pageerror", lambda error: opened.problems.append(str(error)))
    opened.on("request", lambda request: opened.requested.append(request.url))
    yield opened
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
