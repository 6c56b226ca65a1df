"""`irgroups report RUN`."""

from __future__ import annotations

from pathlib import Path

import click

from irgroups.cli.common import RUN
from irgroups.cli.errors import Command


@click.command(cls=Command)
@click.argument("run", type=RUN)
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Where to write report.html, report.md, groups.html and the PNGs (default: <run>/report).")
@click.option("--eval", "evals", multiple=True, type=click.Path(path_type=Path, exists=True, file_okay=False),
              help="An `irgroups eval`/`execute` output dir to include (repeatable); <run>/eval*/ are found alone.")
def report(run: Path, out: Path | None, evals: tuple[Path, ...]) -> None:
    """A self-contained HTML report (plots embedded), a markdown version, and groups.html to browse the groups."""
    from irgroups.report import build_report

    paths = build_report(run, out or run / "report", list(evals))
    click.echo("\n".join(str(p) for p in paths.values()))
