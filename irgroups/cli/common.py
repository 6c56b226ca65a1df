"""What several commands share: the run-directory argument, `--sandbox`, the console, pass@k output."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich_click import RichOption

from irgroups.cli.options import F, option_of
from irgroups.config import BuildConfig
from irgroups.errors import ConfigError

RUN = click.Path(path_type=Path, exists=True, file_okay=False)

# the same option (name, choices, default, help) as `build --sandbox`, for every command that runs code
sandbox_option = option_of(BuildConfig, "sandbox")


def console() -> Console:
    """Wide enough for the summary table even when stdout is a log file."""
    out = Console()
    return out if out.is_terminal else Console(width=160)


def parse_ks(text: str) -> tuple[int, ...]:
    try:
        return tuple(sorted({int(k) for k in text.split(",") if k.strip()}))
    except ValueError:
        raise ConfigError(f"-k must be comma-separated integers, got {text!r}") from None


def print_scores(scores: dict[str, Any]) -> None:
    rows = scores["per_language"]
    keys = sorted({k for r in rows for k in r if k.startswith("pass@")}, key=lambda k: int(k[5:]))
    mode = ("structural equality (corrected)" if scores.get("structural_equality")
            else "faithful (as MultiPL-E's harness)")
    table = Table(title=f"pass@k, C# scored {mode}")
    for col in ["benchmark", "language", "problems", "samples", *keys, "continuation", "chat", "format_error",
                "not scored"]:
        table.add_column(col)
    for r in rows:
        paths = r.get("paths", {})
        table.add_row(r["benchmark"], r["lang"], str(r["problems"]), str(r["samples"]),
                      *[f"{r[k]:.4f}" if k in r else "-" for k in keys],
                      str(paths.get("continuation", 0)), str(paths.get("chat", 0)), str(r.get("format_errors", 0)),
                      json.dumps(r.get("problems_not_scored", {})))
    Console(width=160).print(table)


ANSWERS_HELP = ("How answers become programs: a continuation of the prompt cut at the stop tokens (base models), a "
                "chat answer extracted by the build's extractor (its imports merged with the prompt's, its own main "
                "and tests dropped), or auto: chat when the answer has a code block or defines the function itself.")


def answers_option(panel: str | None = None) -> Callable[[F], F]:
    """`--answers`, in the `--help` panel `panel` (none: the command's Options)."""
    return click.option("--answers", type=click.Choice(["auto", "continuation", "chat"]), default="auto",
                        show_default=True, help=ANSWERS_HELP, cls=RichOption, panel=panel)
