"""The `irgroups` command line."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from irgroups import __version__, languages
from irgroups.errors import IrgroupsError, SandboxError
from irgroups.sandbox.base import Limits


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="irgroups")
def main() -> None:
    """Build verified IR-group datasets (GEPO / OORL) from programming problems with tests."""


def _load_recipe(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """Options from a pipeline recipe's [build] table become this command's defaults."""
    if value is None:
        return None
    import tomllib

    try:
        table = tomllib.loads(value.read_text()).get("build", {})
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise click.BadParameter(f"cannot read recipe {value}: {e}") from None
    known = {p.name for p in ctx.command.params}
    unknown = sorted(set(table) - known)
    if unknown:
        raise click.BadParameter(f"{value}: unknown [build] keys {unknown}; known: {sorted(known - {'recipe'})}")
    ctx.default_map = {**(ctx.default_map or {}), **table}
    return value


@main.command()
@click.option("--recipe", type=click.Path(path_type=Path, exists=True, dir_okay=False), is_eager=True,
              expose_value=False, callback=_load_recipe,
              help="A pipeline recipe (TOML, see pipelines/); its [build] table sets defaults for these options.")
@click.option("--langs", default="rust,go,csharp", show_default=True,
              help="Target languages, comma-separated: " + ", ".join(languages.LANGUAGES) + " (aliases rs, cs, ...); "
              "add llvm-ir for LLVM IR groups made from the cpp/rust candidates that pass.")
@click.option("--source", default="humaneval,bundled", show_default=True,
              help="Problem sources: humaneval, bundled, or paths to JSONL/parquet files in the neutral schema.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("runs/default"), show_default=True,
              help="Run directory; the same command on the same directory resumes.")
@click.option("--workers", type=int, default=os.cpu_count() or 1, show_default=True, help="Parallel sandbox jobs.")
@click.option("--limit", type=int, default=None, help="Use only the first N problems.")
@click.option("--mutants", "mutants", type=int, default=6, show_default=True, help="Mutants per reference.")
@click.option("--amplify", type=int, default=50, show_default=True,
              help="Extra inputs per problem (amplified tests), expected values from running the python source; "
              "an input a verified reference fails is dropped. 0: off.")
@click.option("--shard-size", type=int, default=8, show_default=True, help="Problems per shard (resume granularity).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for choosing mutants.")
@click.option("--run-timeout", type=float, default=Limits().run_seconds, show_default=True,
              help="CPU seconds per test program run (all of a problem's tests, all its threads and processes); "
              "the wall clock stops only programs that sleep, at 5x this.")
@click.option("--memory-mb", type=int, default=2048, show_default=True, help="Memory cap per job.")
@click.option("--cache-dir", type=click.Path(path_type=Path), default=None,
              help="Verdict cache directory (default: <out>/cache); share it across runs to skip repeated work.")
@click.option("--overwrite", is_flag=True, help="Delete --out first instead of resuming.")
@click.option("--no-progress", is_flag=True, help="No progress bars (logs and CI).")
@click.option("--sandbox", "sandbox_name", type=click.Choice(["local", "docker"]), default="local", show_default=True,
              help="Where code runs: bubblewrap namespaces on this host, or Docker containers "
              "(images: bash scripts/docker_images.sh).")
@click.option("--backend", type=click.Choice(["reference", "hf", "openai", "vllm"]), default="reference",
              show_default=True, help="Who writes candidates: the bundled references (model-free), transformers, "
              "an OpenAI-compatible server, or vLLM's offline engine.")
@click.option("--model", default=None, help="Model path or id (hf, vllm) or served model name (openai).")
@click.option("--samples", type=int, default=4, show_default=True, help="Answers per prompt.")
@click.option("--temperature", type=float, default=0.8, show_default=True)
@click.option("--top-p", type=float, default=0.95, show_default=True)
@click.option("--max-new-tokens", type=int, default=1024, show_default=True)
@click.option("--stop", multiple=True, help="Stop sequence (repeatable).")
@click.option("--base-url", default="http://127.0.0.1:8000/v1", show_default=True,
              help="openai backend: the server's /v1 URL. The key comes from $OPENAI_API_KEY.")
@click.option("--api-mode", type=click.Choice(["chat", "completion"]), default="chat", show_default=True,
              help="openai backend: /chat/completions or /completions.")
@click.option("--concurrency", type=int, default=16, show_default=True, help="openai backend: requests in flight.")
@click.option("--batch-size", type=int, default=8, show_default=True, help="hf backend: prompts per generate call.")
@click.option("--tensor-parallel-size", type=int, default=1, show_default=True, help="vllm backend: GPUs per model.")
@click.option("--references/--no-references", default=True, show_default=True,
              help="Also use the bundled reference translations (and their mutants) as candidates.")
@click.option("--prompt-template", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="A file replacing the translation prompt template (fields: source_name, source_lang, "
              "source_code, target_name, target_lang, signature, where).")
def build(langs: str, source: str, out: Path, workers: int, limit: int | None, mutants: int, amplify: int,
          shard_size: int,
          seed: int, run_timeout: float, memory_mb: int, cache_dir: Path | None, overwrite: bool,
          no_progress: bool, sandbox_name: str, backend: str, model: str | None, samples: int, temperature: float, top_p: float,
          max_new_tokens: int, stop: tuple[str, ...], base_url: str, api_mode: str, concurrency: int,
          batch_size: int, tensor_parallel_size: int, references: bool, prompt_template: Path | None) -> None:
    """problems -> candidates -> sandboxed executions -> labels -> groups (parquet shards).

    Also writes the on-policy RL prompt table (<out>/prompts)."""
    from irgroups.generate.backends import SamplingSettings
    from irgroups.pipeline import BuildConfig
    from irgroups.pipeline import build as run_build
    from irgroups.prompts import TRANSLATE
    from irgroups.summary import print_summary

    with _errors():
        from irgroups.pipeline import split_targets

        languages.parse_list(split_targets(langs)[0])  # refuse an unknown language before anything else
        per_backend: dict[str, dict[str, Any]] = {
            "hf": {"batch_size": batch_size},
            "openai": {"base_url": base_url, "mode": api_mode, "concurrency": concurrency},
            "vllm": {"tensor_parallel_size": tensor_parallel_size},
        }
        options = per_backend.get(backend, {})
        cfg = BuildConfig(out=out, langs=langs, source=source, workers=workers, limit=limit,
                          mutants_per_reference=mutants, amplify=amplify, shard_size=shard_size, seed=seed,
                          limits=Limits(run_seconds=run_timeout, memory_mb=memory_mb),
                          cache_dir=cache_dir, overwrite=overwrite, progress=not no_progress,
                          backend=backend, model=model,
                          sampling=SamplingSettings(samples=samples, temperature=temperature, top_p=top_p,
                                                    max_new_tokens=max_new_tokens, seed=seed, stop=stop),
                          backend_options=options, references=references, sandbox=sandbox_name,
                          prompt_template=prompt_template.read_text() if prompt_template else TRANSLATE)
        summary = run_build(cfg)
        print_summary(summary, _console())
        click.echo(f"groups written to {out / 'groups'}")
        if any(s["sandbox_error"] for s in summary["per_language"].values()):
            sys.exit(3)


@main.command()
@click.argument("run", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(run: Path, as_json: bool) -> None:
    """Counts of a run directory, per language."""
    from irgroups.summary import print_summary, summarise_run

    with _errors():
        summary = summarise_run(run)
        if as_json:
            click.echo(json.dumps(summary, indent=2))
        else:
            print_summary(summary, _console())


@main.group()
def sandbox() -> None:
    """Sandbox tools."""


@sandbox.command("check")
def sandbox_check() -> None:
    """List toolchains, their versions, and how to install what is missing."""
    from irgroups.sandbox import toolchains
    from irgroups.sandbox.local import LocalSandbox

    box = LocalSandbox()
    table = Table(title="irgroups sandbox check")
    table.add_column("language")
    table.add_column("status")
    table.add_column("version or fix")
    ok = True
    for name, res in toolchains.check(list(languages.LANGUAGES.values())).items():
        if isinstance(res, toolchains.Resolved):
            table.add_row(name, "[green]ok[/green]", res.version)
        else:
            ok = False
            table.add_row(name, "[red]missing[/red]", str(res))
    Console().print(table)
    problems = box.problems()
    for p in problems:
        Console().print(f"[red]sandbox:[/red] {p}")
    limits = "cgroup v1 memory+pids limits" if box.has_cgroups else "rlimits only (cgroups not writable here)"
    Console().print(f"local sandbox: bubblewrap namespaces, no network; {limits}")
    box.close()
    sys.exit(0 if ok and not problems else 1)


def _train_options(fn: Any) -> Any:
    """One option per TrainConfig field, with the field's help; default None = 'from the preset or config'."""
    from dataclasses import MISSING, fields

    from irgroups.training.config import TrainConfig

    for f in reversed(fields(TrainConfig)):
        name = "--" + f.name.replace("_", "-")
        default = f.default if f.default is not MISSING else None
        text = f.metadata["help"] + ("" if default is None else f"  [default: {default}]")
        kind: Any = {"int": int, "float": float, "str": str, "Path": click.Path(path_type=Path)}.get(str(f.type))
        if "choices" in f.metadata:
            kind = click.Choice(f.metadata["choices"])
        if str(f.type) == "bool":
            fn = click.option(f"{name}/--no-{name[2:]}", f.name, default=None, help=text)(fn)
        else:
            fn = click.option(name, f.name, type=kind, default=None, required=f.default is MISSING,
                              help=text)(fn)
    return fn


@main.command()
@click.option("--preset", type=click.Choice(["paper", "tiny"]), default=None,
              help="Start from a preset: paper (AdamW, lr 5e-7, cosine, 3% warm-up, batch 8, w_gepo 0.01, "
              "lambda 1) or tiny (CPU smoke runs). Options given here override it.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@_train_options
def train(preset: str | None, no_progress: bool, **values: Any) -> None:
    """OORL: GEPO on the groups of a build plus on-policy RL rewarded by the sandbox.

    Checkpoints, metrics.jsonl and TensorBoard logs go to --output; running the same
    command again resumes from the newest checkpoint. Multi-GPU: see the README."""
    with _errors():
        from irgroups.training.config import make_config

        cfg = make_config(preset, **values)
        if cfg.algo == "grpo":
            from irgroups.training.grpo import train_grpo

            train_grpo(cfg, progress=not no_progress)
            return
        from irgroups.training.trainer import OORLTrainer

        trainer = OORLTrainer(cfg)
        if trainer.start_step:
            click.echo(f"resuming from step {trainer.start_step} ({trainer.latest_checkpoint()})", err=True)
        history = trainer.train(progress=not no_progress)
        if history:
            click.echo(json.dumps(history[-1]))


def _console() -> Console:
    """Wide enough for the summary table even when stdout is a log file."""
    console = Console()
    return console if console.is_terminal else Console(width=160)


class _errors:
    """Print an IrgroupsError as one clear line and exit non-zero, instead of a traceback."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, et: type | None, e: BaseException | None, tb: object) -> None:
        if isinstance(e, SandboxError):
            click.echo(f"infrastructure error: {e}", err=True)
            sys.exit(4)
        if isinstance(e, IrgroupsError):
            click.echo(f"error: {e}", err=True)
            sys.exit(2)


def _register_command_modules() -> None:
    import importlib
    import pkgutil

    import irgroups.commands

    for info in pkgutil.iter_modules(irgroups.commands.__path__):
        module = importlib.import_module(f"irgroups.commands.{info.name}")
        for command in getattr(module, "COMMANDS", []):
            main.add_command(command)


_register_command_modules()

if __name__ == "__main__":
    main()
