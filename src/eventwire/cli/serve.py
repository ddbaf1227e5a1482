"""`eventwire serve`: the REST API and the dashboard over one store."""

from __future__ import annotations

import os
from pathlib import Path

import click


@click.command("serve")
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The DuckDB store to serve (made by `eventwire code --db`).")  # fmt: skip
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default serves this machine only.")  # fmt: skip
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar="EVENTWIRE_API_TOKEN", show_envvar=True,
              help="Bearer token that enables storing through POST /v1/code.")  # fmt: skip
def serve_command(db: Path, host: str, port: int, token: str | None) -> None:
    """Serve the API (/v1, docs at /docs) and the dashboard (/) over a store."""
    import uvicorn

    from eventwire.api import create_app
    from eventwire.store.duckdb import StoreError

    if not db.exists():
        raise click.ClickException(
            f"{db}: no such store; code stories into it first (eventwire code ... --db {db})"
        )
    try:
        app = create_app(db, token=token or os.environ.get("EVENTWIRE_API_TOKEN"))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"eventwire: serving {db} at http://{shown}:{port}/ (API docs: /docs)", err=True)
    if not token:
        click.echo("eventwire: no --token given: storing through POST /v1/code is off", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
