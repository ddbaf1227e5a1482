"""Store fixtures: every store test runs on DuckDB and, when a server is reachable at
EVENTWIRE_TEST_POSTGRES_URL, on PostgreSQL (each test in a schema of its own)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

POSTGRES_URL_VARIABLE = "EVENTWIRE_TEST_POSTGRES_URL"


def _with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["duckdb", "postgresql"])
def store_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str | Path]:
    """What `open_store` takes: a DuckDB file path, or a PostgreSQL URL whose
    search_path is a fresh schema (dropped after the test)."""
    if request.param == "duckdb":
        yield tmp_path / "events.duckdb"
        return
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(f"no PostgreSQL server: {POSTGRES_URL_VARIABLE} is not set")
    import psycopg

    try:
        admin = psycopg.connect(url, autocommit=True, connect_timeout=3)
    except psycopg.Error as exc:
        pytest.skip(f"no PostgreSQL server reachable at {POSTGRES_URL_VARIABLE}: {exc}")
    schema = f"eventwire_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            yield _with_search_path(url, schema)
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
