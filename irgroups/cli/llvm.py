"""`irgroups llvm-groups RUN`: llvm-ir groups from a finished build (see irgroups/llvm)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from irgroups.cli.common import RUN, sandbox_option
from irgroups.cli.errors import Command
from irgroups.llvm.toolchain import LEVELS


@click.command("llvm-groups", cls=Command)
@click.argument("run", type=RUN)
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Where the shards go (default <run>/llvm_groups).")
@click.option("--workers", type=int, default=2, show_default=True, help="Parallel sandbox jobs.")
@click.option("--levels", default=",".join(LEVELS), show_default=True,
              help="Optimisation levels each source is compiled at, comma-separated (equivalent IRs).")
@click.option("--mutants-per-operator", type=int, default=2, show_default=True,
              help="IR mutants tried per mutation operator and source (inequivalent IRs once they fail).")
@click.option("--max-sources-per-lang", type=int, default=1, show_default=True,
              help="Passing candidates per (problem, language) compiled to IR (references first).")
@click.option("--max-equivalent", type=int, default=None, help="Keep at most N equivalent IRs per group.")
@click.option("--max-inequivalent", type=int, default=8, show_default=True,
              help="Keep at most N inequivalent IRs per group.")
@click.option("--max-tokens", type=int, default=None, help="Drop IRs longer than N tokens.")
@click.option("--pick", type=click.Choice(["shortest", "first"]), default="shortest", show_default=True,
              help="Which members a cap keeps.")
@click.option("--tokenizer", default=None,
              help="Local tokenizer.json (or model dir) to count tokens with; default: cl100k pre-token rule.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for choosing mutants.")
@click.option("--overwrite", is_flag=True, help="Delete the llvm_groups shards first instead of resuming.")
@sandbox_option
def llvm_groups(run: Path, out: Path | None, workers: int, levels: str, mutants_per_operator: int,
                max_sources_per_lang: int, max_equivalent: int | None, max_inequivalent: int,
                max_tokens: int | None, pick: str, tokenizer: str | None, seed: int, overwrite: bool,
                sandbox: str) -> None:
    """LLVM IR groups (kind llvm-ir) for every shard of a finished RUN: the build's llvm_groups stage
    run alone, with the same manifest and config-hash checks; resumes shard by shard."""
    from types import SimpleNamespace

    from irgroups.llvm import LLVMConfig
    from irgroups.pipeline import run_stage

    cfg = LLVMConfig(levels=tuple(x.strip() for x in levels.split(",") if x.strip()),
                     mutants_per_operator=mutants_per_operator, max_sources_per_lang=max_sources_per_lang,
                     max_equivalent=max_equivalent, max_inequivalent=max_inequivalent, max_tokens=max_tokens,
                     pick=pick, tokenizer=tokenizer, seed=seed)
    done = run_stage(run, "llvm_groups", SimpleNamespace(llvm=cfg, seed=seed), sandbox=sandbox, workers=workers,
                     overwrite=overwrite, out=out, on_shard=lambda i, rows, stats: click.echo(
                         f"shard {i}: {len(rows)} llvm-ir groups ({stats['cross_language_groups']} cross-language)"))
    click.echo(json.dumps({"out": done["out"], "seconds": done["seconds"]}))
