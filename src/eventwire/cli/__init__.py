"""The command line: thin faces over the pipeline, the store and the evaluators.

Each command lives in its own module; this file only assembles the group.
"""

from __future__ import annotations

import click

from eventwire import __version__
from eventwire.cli.code import code_command, show_command
from eventwire.cli.evaluate import eval_group
from eventwire.cli.export import export_command
from eventwire.cli.extract import extract_command
from eventwire.cli.ingest import ingest_command
from eventwire.cli.serve import serve_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
def main() -> None:
    """eventwire: news stories in, political event data (CAMEO, PLOVER) out."""


# Commands, one line each (keep one per line: several people add to this list).
main.add_command(code_command)
main.add_command(show_command)
main.add_command(eval_group)
main.add_command(export_command)
main.add_command(serve_command)
main.add_command(extract_command)
main.add_command(ingest_command)
