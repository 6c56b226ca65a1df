"""`irgroups build`: its options are BuildConfig's fields (irgroups/config.py)."""

from __future__ import annotations

from typing import Any

import click

from irgroups.cli.common import console
from irgroups.cli.errors import SANDBOX_VERDICTS, Command
from irgroups.cli.options import config_options, recipe_option
from irgroups.config import BuildConfig


@click.command(cls=Command)
@recipe_option
@config_options(BuildConfig)
def build(**values: Any) -> None:
    """problems -> candidates -> sandboxed executions -> labels -> groups (parquet shards).

    Also writes the on-policy RL prompt table (<out>/prompts)."""
    from irgroups.pipeline import build as run_build
    from irgroups.summary import print_summary

    cfg = BuildConfig.from_options(values)
    summary = run_build(cfg)
    print_summary(summary, console())
    click.echo(f"groups written to {cfg.out / 'groups'}")
    if any(s["sandbox_error"] for s in summary["per_language"].values()):
        raise SystemExit(SANDBOX_VERDICTS)
