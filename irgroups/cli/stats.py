"""`irgroups stats RUN`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from irgroups.cli.common import RUN, console
from irgroups.cli.errors import Command


@click.command(cls=Command)
@click.argument("run", type=RUN)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(run: Path, as_json: bool) -> None:
    """Counts of a run directory, per language."""
    from irgroups.summary import print_summary, summarise_run

    summary = summarise_run(run)
    if as_json:
        click.echo(json.dumps(summary, indent=2))
    else:
        print_summary(summary, console())
