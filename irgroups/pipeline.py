"""`irgroups build`: the registered stages (irgroups/stages) run by an executor over shards.

    problems -> prompts, candidates -> executions -> labels -> groups [-> llvm_groups]

Each stage reads its input stages' shard i and writes its own shard i. Relaunching the same
command resumes: finished shards are skipped (the manifests), and inside the executions stage
the verdict cache skips finished candidates. `run_stage` runs one stage on an existing run
(`irgroups llvm-groups RUN`), with the same manifest and config-hash checks.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from irgroups import __version__, languages
from irgroups.config import BuildConfig, split_targets
from irgroups.errors import ConfigError, ShardError
from irgroups.executor import Executor, LocalExecutor, ordered
from irgroups.generate.requests import RequestCache
from irgroups.problems import sources
from irgroups.problems.model import Problem
from irgroups.run_readme import write_run_readme
from irgroups.sandbox.base import Sandbox
from irgroups.shards import StageDir, atomic_write_json
from irgroups.stages import STAGES, Context, Stage
from irgroups.verifier import Verifier

NEEDS = {"hf": (("torch", "transformers"), "pip install 'irgroups[train]'"),
         "vllm": (("vllm",), "pip install 'irgroups[vllm]' (on a GPU machine)")}


def chunk(items: list[Problem], size: int) -> list[list[Problem]]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def target_languages(cfg: BuildConfig) -> list[languages.Language]:
    lang_text, llvm = split_targets(cfg.langs)
    langs = languages.parse_list(lang_text)
    if llvm and not any(lang.llvm_frontend() is not None for lang in langs):
        fronts = [x.name for x in languages.LANGUAGES.values() if x.llvm_frontend() is not None]
        raise ConfigError(f"llvm-ir groups are made from {' or '.join(fronts)} candidates: add one of them to --langs")
    return langs


def make_executor(cfg: BuildConfig) -> Executor:
    """The executor `--executor` names; Ray is imported only when asked for."""
    if cfg.executor == "ray":
        try:
            import ray  # noqa: F401
        except ImportError:
            raise ConfigError("--executor ray needs Ray: pip install 'irgroups[ray]'") from None
        from irgroups.ray_executor import RayExecutor

        return RayExecutor(cfg.ray_address, cfg.progress)
    return LocalExecutor(cfg.progress)


def build(cfg: BuildConfig, log: Callable[[str], None] = print, executor: Executor | None = None,
          sandbox: Sandbox | None = None) -> dict[str, Any]:
    """Run every enabled stage over the shards of `cfg.source`; the run's summary. `executor`
    (default LocalExecutor) decides where stages run; `sandbox` replaces the one `cfg.sandbox`
    names (tests use a double)."""
    langs = target_languages(cfg)
    started = time.perf_counter()
    modules, hint = NEEDS.get(cfg.backend, ((), ""))
    absent = [m for m in modules if importlib.util.find_spec(m) is None]
    if absent:
        raise ConfigError(f"the {cfg.backend} backend needs {', '.join(absent)}: {hint}")
    problem_set = sources.load(cfg.source)
    problems = problem_set.problems[: cfg.limit] if cfg.limit else problem_set.problems
    # amplification runs the problems' sources (in the languages that run them as they are)
    needed = [lang.name for lang in langs]
    if cfg.amplify > 0:
        needed += sorted({p.source_lang for p in problems if languages.get(p.source_lang).runs_sources} - set(needed))
    stages = [s for s in ordered(list(STAGES)) if s.enabled(cfg)]
    cache_dir = cfg.cache_dir or cfg.out / "cache"
    with Verifier(sandbox or cfg.sandbox, needed, cfg.limits, cfg.workers) as verifier:
        tools = verifier.preflight()
        tools["irgroups"] = __version__
        if cfg.overwrite and cfg.out.exists():
            shutil.rmtree(cfg.out)
        cfg.out.mkdir(parents=True, exist_ok=True)
        chash = cfg.config_hash()
        shards = chunk(problems, cfg.shard_size)
        dirs = {s.name: _stage_dir(cfg.out, s, cfg, chash, tools, len(shards)) for s in stages}
        atomic_write_json(cfg.out / "config.json", {
            "langs": [lang.name for lang in langs], "source": cfg.source, "limit": cfg.limit,
            "backend": cfg.backend, "model": cfg.model,
            "sampling": asdict(cfg.sampling) if cfg.backend != "reference" else None,
            "mutants_per_reference": cfg.mutants_per_reference,
            "rewrites_per_reference": cfg.rewrites_per_reference, "amplify": cfg.amplify, "seed": cfg.seed,
            "references": cfg.references,
            "limits": asdict(cfg.limits), "config_hash": chash, "tools": tools,
        })
        atomic_write_json(cfg.out / "problems" / "skipped.json",
                          [{"problem_id": s.problem_id, "reason": s.reason} for s in problem_set.skipped])
        from irgroups.cache import VerdictCache

        verifier.cache = VerdictCache(cache_dir / "verdicts.sqlite")
        requests = RequestCache(cache_dir / "requests.sqlite")
        ctx = Context(cfg, langs, verifier, requests)
        try:
            seconds = (executor or make_executor(cfg)).run(stages, dirs, shards, ctx)
        finally:
            ctx.close()
            verifier.cache.close()
            requests.close()
    summary = summarise(cfg.out)
    summary["seconds"] = {**seconds, "total": round(time.perf_counter() - started, 2)}  # this invocation's work
    # this invocation's: a resumed build, or verdicts the guard already had
    summary["verdicts_from_cache"] = int(ctx.counters.get("verdicts_from_cache", 0))
    atomic_write_json(cfg.out / "summary.json", summary)
    write_run_readme(cfg.out)  # datasets.load_dataset(cfg.out, STAGE) reads the run
    return summary


def _stage_dir(run: Path, stage: Stage, cfg: Any, run_hash: str, tools: dict[str, str], n: int,
               dirname: str | None = None) -> StageDir:
    """A stage's directory; its config hash is the run's, plus the stage's own settings if any."""
    own = stage.config(cfg)
    chash = run_hash if not own else hashlib.sha256(
        json.dumps({"run": run_hash, **own}, sort_keys=True, default=str).encode()).hexdigest()[:16]
    d = StageDir(run, dirname or stage.name, chash, tools, schema=stage.schema)
    d.set_num_shards(n)
    return d


def run_stage(run: Path, name: str, settings: Any, sandbox: str | Sandbox = "local", workers: int = 2,
              progress: bool = True, overwrite: bool = False, out: Path | None = None,
              on_shard: Callable[[int, list[dict[str, Any]], dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Run the stage `name` on an existing run (its input stages finished), shard by shard,
    resuming. `settings` is what the stage reads from a config (for llvm_groups: `.llvm`, an
    LLVMConfig, and `.seed`). Refused if the run's stages disagree with its config.json, or if
    the stage's directory was written with other settings (unless `overwrite`). `out` puts its
    shards elsewhere than <run>/<name>; `on_shard(index, rows, stats)` hears of each shard written."""
    stage = STAGES.get(name)
    if stage is None:
        raise ConfigError(f"unknown stage {name!r}; known: {', '.join(STAGES)}")
    config_path = run / "config.json"
    if not config_path.exists():
        raise ShardError(f"{run}: no config.json; is this a directory written by `irgroups build`?")
    run_cfg = json.loads(config_path.read_text())
    run_hash = run_cfg["config_hash"]
    n = None
    for needed in stage.inputs:
        manifest = run / needed / "manifest.json"
        if not manifest.exists():
            raise ShardError(f"{run / needed}: no manifest; run `irgroups build` to the end first")
        m = json.loads(manifest.read_text())
        if m.get("config_hash") != run_hash:
            raise ShardError(f"{run / needed} was written with config hash {m.get('config_hash')}, "
                             f"but {config_path} says {run_hash}: the run is inconsistent")
        n = m.get("num_shards")
        missing = [i for i in range(n or 0) if i not in m.get("done", [])]
        if n is None or missing:
            raise ShardError(f"{run / needed}: shards {missing or 'all'} not finished; resume the build first")
    target = Path(out) if out is not None else run / name
    if overwrite and target.exists():
        shutil.rmtree(target)
    langs = [languages.get(x) for x in run_cfg["langs"]]
    source = [[] for _ in range(n or 0)]  # type: ignore[var-annotated]
    with Verifier(sandbox, [lang.name for lang in langs], workers=workers) as verifier:
        tools = {**run_cfg.get("tools", {}), "irgroups": __version__}
        dirs = {x: StageDir(run, x, run_hash, schema=STAGES[x].schema) for x in stage.inputs}
        dirs[name] = _stage_dir(target.parent, stage, settings, run_hash, tools, n or 0, dirname=target.name)
        ctx = Context(settings, langs, verifier)
        seconds = LocalExecutor(progress, on_shard=on_shard).run([stage], dirs, source, ctx)
    write_run_readme(run)  # lists the new stage when its shards are in the run
    return {"out": str(target), "shards": n, "seconds": seconds}


def summarise(run: Path) -> dict[str, Any]:
    """Counts per language from a run directory (what `irgroups stats` prints)."""
    from irgroups.summary import summarise_run

    return summarise_run(run)
