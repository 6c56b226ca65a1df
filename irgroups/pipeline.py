"""`irgroups build`: problems -> candidates -> executions -> labels -> groups.

Each stage reads the previous stage's shard i and writes its own shard i.
Relaunching the same command resumes: finished shards are skipped, and inside
the slow stage (executions) the verdict cache skips finished candidates.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from irgroups import __version__, languages
from irgroups.amplify.stage import amplify_problems
from irgroups.amplify.stage import total as amplify_total
from irgroups.cache import VerdictCache
from irgroups.errors import ConfigError, SandboxError
from irgroups.generate.backends import MODEL_BACKENDS, Backend, SamplingSettings, make_backend
from irgroups.generate.model import model_candidates
from irgroups.generate.requests import RequestCache
from irgroups.problems import sources
from irgroups.problems.model import Problem
from irgroups.prompts import TRANSLATE
from irgroups.sandbox import toolchains
from irgroups.sandbox.base import Limits, Sandbox
from irgroups.sandbox.local import LocalSandbox
from irgroups.shards import Stage, atomic_write_json
from irgroups.stages.candidates import make_candidates, merge_candidates
from irgroups.stages.executions import execute_candidates
from irgroups.stages.groups import make_groups
from irgroups.stages.labels import make_labels
from irgroups.stages.prompts import make_prompts

STAGES = ("problems", "prompts", "candidates", "executions", "labels", "groups")
LLVM_TARGET = "llvm-ir"


def split_targets(text: str) -> tuple[str, bool]:
    """`--langs rust,cpp,llvm-ir` -> ("rust,cpp", True): llvm-ir is a group kind built from the
    passing candidates of the languages with an LLVM front end, not a language of its own."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    llvm = LLVM_TARGET in parts
    return ",".join(p for p in parts if p != LLVM_TARGET), llvm


@dataclass
class BuildConfig:
    out: Path
    langs: str = "rust,go,csharp"
    source: str = "humaneval,bundled"
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    limit: int | None = None
    mutants_per_reference: int = 6
    # extra inputs per problem, expected values from the source program (irgroups/amplify); 0: off.
    # On the embedded default, 50 leave 2 of 246 equivalent members (0.8%) failing 200 independent
    # inputs per problem, and 100 leave the same 2 (a tie-order difference random lists rarely show),
    # at 1.16x and 1.31x the build time of no amplification (benchmarks/amplify_check.py, amplify_cost.py)
    amplify: int = 50
    shard_size: int = 8
    seed: int = 0
    limits: Limits = field(default_factory=Limits)
    cache_dir: Path | None = None
    overwrite: bool = False
    progress: bool = True
    backend: str = "reference"  # reference (model-free) | hf | openai | vllm
    model: str | None = None
    sampling: SamplingSettings = field(default_factory=SamplingSettings)
    backend_options: dict[str, Any] = field(default_factory=dict)  # base_url, mode, concurrency, batch_size...
    references: bool = True  # add the bundled references (and their mutants) to the candidates
    prompt_template: str = TRANSLATE
    sandbox: str = "local"  # local | docker

    def __post_init__(self) -> None:
        self.out = Path(self.out)
        if self.workers < 1:
            raise ConfigError(f"--workers must be at least 1, got {self.workers}")
        if self.limit is not None and self.limit < 1:
            raise ConfigError(f"--limit must be at least 1, got {self.limit}")
        if self.amplify < 0:
            raise ConfigError(f"--amplify must be 0 (off) or more, got {self.amplify}")
        if self.mutants_per_reference < 0:
            raise ConfigError(f"--mutants must be 0 or more, got {self.mutants_per_reference}")
        if self.shard_size < 1:
            raise ConfigError(f"--shard-size must be at least 1, got {self.shard_size}")
        if self.backend not in ("reference", *MODEL_BACKENDS):
            raise ConfigError(f"--backend must be one of reference, {', '.join(MODEL_BACKENDS)}; got {self.backend!r}")
        if self.backend != "reference" and not self.model:
            raise ConfigError(f"--backend {self.backend} needs --model (a local path or a model id)")
        if self.sandbox not in ("local", "docker"):
            raise ConfigError(f"--sandbox must be local or docker, got {self.sandbox!r}")
        if self.backend == "reference" and not self.references:
            raise ConfigError("--no-references with --backend reference leaves nothing to build")

    def config_hash(self) -> str:
        """What decides the rows (not workers, paths or display)."""
        text, llvm = split_targets(self.langs)
        langs = [lang.name for lang in languages.parse_list(text)] + ([LLVM_TARGET] if llvm else [])
        blob = json.dumps({
            "langs": langs, "source": self.source, "limit": self.limit, "mutants": self.mutants_per_reference,
            "amplify": self.amplify,
            "shard_size": self.shard_size, "seed": self.seed, "limits": asdict(self.limits),
            "backend": self.backend, "model": self.model,
            "sampling": asdict(self.sampling) if self.backend != "reference" else None,
            "references": self.references, "template": self.prompt_template,
        }, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


NEEDS = {"hf": (("torch", "transformers"), "pip install 'irgroups[train]'"),
         "vllm": (("vllm",), "pip install 'irgroups[vllm]' (on a GPU machine)")}


def make_sandbox(name: str, langs: list[languages.Language]) -> Sandbox:
    if name == "docker":
        from irgroups.sandbox.docker import DockerSandbox

        return DockerSandbox(langs=[lang.name for lang in langs])
    return LocalSandbox()


def preflight(langs: list[languages.Language], sandbox: Sandbox, backend: str = "reference") -> dict[str, str]:
    """Refuse before any work if the backend's packages, the sandbox or a toolchain is missing."""
    modules, hint = NEEDS.get(backend, ((), ""))
    absent = [m for m in modules if importlib.util.find_spec(m) is None]
    if absent:
        raise ConfigError(f"the {backend} backend needs {', '.join(absent)}: {hint}")
    problems = sandbox.problems()
    found = toolchains.check(langs)
    missing = [str(v) for v in found.values() if isinstance(v, Exception)]
    if problems or missing:
        raise SandboxError("cannot build:\n  " + "\n  ".join(problems + missing) +
                           "\n(run `irgroups sandbox check` for details)")
    return {name: r.version for name, r in found.items() if isinstance(r, toolchains.Resolved)}


def chunk(items: list[Problem], size: int) -> list[list[Problem]]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def build(cfg: BuildConfig, log: Callable[[str], None] = print) -> dict[str, Any]:
    lang_text, llvm = split_targets(cfg.langs)
    langs = languages.parse_list(lang_text)
    if llvm and not {"cpp", "rust"} & {lang.name for lang in langs}:
        raise ConfigError("llvm-ir groups are made from cpp or rust candidates: add cpp and/or rust to --langs")
    started = time.perf_counter()
    # amplification runs the problems' python sources: the sandbox needs python too
    needed = langs + [languages.get("python")] * (cfg.amplify > 0 and "python" not in {x.name for x in langs})
    sandbox = make_sandbox(cfg.sandbox, needed)
    try:
        tools = preflight(needed, sandbox, cfg.backend)
    except BaseException:
        sandbox.close()
        raise
    tools["irgroups"] = __version__
    if cfg.overwrite and cfg.out.exists():
        shutil.rmtree(cfg.out)
    cfg.out.mkdir(parents=True, exist_ok=True)
    chash = cfg.config_hash()

    problem_set = sources.load(cfg.source)
    problems = problem_set.problems[: cfg.limit] if cfg.limit else problem_set.problems
    shards = chunk(problems, cfg.shard_size)
    by_id = {p.problem_id: p for p in problems}

    stages = {name: Stage(cfg.out, name, chash, tools) for name in STAGES + (("llvm_groups",) if llvm else ())}
    for st in stages.values():
        st.set_num_shards(len(shards))
    atomic_write_json(cfg.out / "config.json", {
        "langs": [lang.name for lang in langs], "source": cfg.source, "limit": cfg.limit,
        "backend": cfg.backend, "model": cfg.model,
        "sampling": asdict(cfg.sampling) if cfg.backend != "reference" else None,
        "mutants_per_reference": cfg.mutants_per_reference, "amplify": cfg.amplify, "seed": cfg.seed,
        "references": cfg.references,
        "limits": asdict(cfg.limits), "config_hash": chash, "tools": tools,
    })
    atomic_write_json(cfg.out / "problems" / "skipped.json",
                      [{"problem_id": s.problem_id, "reason": s.reason} for s in problem_set.skipped])

    cache_dir = cfg.cache_dir or cfg.out / "cache"
    cache = VerdictCache(cache_dir / "verdicts.sqlite")
    requests = RequestCache(cache_dir / "requests.sqlite")
    timings: dict[str, float] = {"problems": round(time.perf_counter() - started, 2)}
    try:
        with _progress(cfg.progress) as progress:
            _run_stages(cfg, langs, shards, by_id, stages, sandbox, cache, requests, progress, timings)
    finally:
        cache.close()
        requests.close()
        sandbox.close()
    summary = summarise(cfg.out)
    hits = timings.pop("verdicts_from_cache", 0)
    summary["seconds"] = {**timings, "total": round(time.perf_counter() - started, 2)}  # this invocation's work
    summary["verdicts_from_cache"] = hits  # this invocation's: a resumed build, or verdicts the guard already had
    atomic_write_json(cfg.out / "summary.json", summary)
    return summary


def _run_stages(cfg: BuildConfig, langs: list[languages.Language], shards: list[list[Problem]],
                by_id: dict[str, Problem], stages: dict[str, Stage], sandbox: Sandbox,
                cache: VerdictCache, requests: RequestCache, progress: Progress | None,
                timings: dict[str, float]) -> None:
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(timings.get(name, 0.0) + now - clock, 2)
        clock = now

    def task(name: str, total: int) -> Callable[[int], None]:
        if progress is None:
            return lambda n: None
        tid = progress.add_task(name, total=total)
        return lambda n: progress.advance(tid, n)

    advance = task("problems", len(shards))
    advance(sum(1 for i in range(len(shards)) if stages["problems"].done(i)))
    pending = [i for i in range(len(shards)) if not stages["problems"].done(i)]
    # amplification runs sources and references in batches: a window of shards at a time keeps
    # batches full while a killed build loses at most one window
    window = max(1, 64 // max(1, cfg.shard_size))
    for start in range(0, len(pending), window):
        part = pending[start:start + window]
        amplified, report = amplify_problems([p for i in part for p in shards[i]], [x.name for x in langs], sandbox,
                                             cfg.limits, cfg.amplify, cfg.seed, cfg.workers, cache)
        by_pid = {p.problem_id: p for p in amplified}
        for i in part:
            mine = {p.problem_id: report[p.problem_id] for p in shards[i] if p.problem_id in report}
            stages["problems"].write(i, [by_pid[p.problem_id].to_row() for p in shards[i]],
                                     {"problems": len(shards[i]), "amplify": amplify_total(mine),
                                      "amplify_per_problem": mine})
            advance(1)
    # what later stages use is what the problems stage wrote (amplified tests included), also on resume
    shards[:] = [[Problem.from_row(r) for r in stages["problems"].read(i)] for i in range(len(shards))]
    by_id.clear()
    by_id.update({p.problem_id: p for shard in shards for p in shard})

    for i, shard in enumerate(shards):
        if not stages["prompts"].done(i):
            stages["prompts"].write(i, make_prompts(shard, langs, cfg.prompt_template))

    lap("problems")
    backend: list[Backend] = []  # made on first need: a finished or fully cached run loads no model

    def get_backend() -> Backend:
        if not backend:
            assert cfg.model is not None
            backend.append(make_backend(cfg.backend, cfg.model, cfg.sampling, **cfg.backend_options))
        return backend[0]

    advance = task("candidates", len(shards))
    try:
        for i, shard in enumerate(shards):
            if not stages["candidates"].done(i):
                parts = []
                stats: dict[str, Any] = {}
                if cfg.references:
                    rows, stats = make_candidates(shard, langs, cfg.mutants_per_reference, cfg.seed)
                    parts.append(rows)
                if cfg.backend != "reference":
                    assert cfg.model is not None
                    rows, mstats = model_candidates(shard, langs, get_backend, requests, cfg.model, cfg.backend,
                                                    cfg.sampling, cfg.prompt_template)
                    parts.append(rows)
                    stats.update(mstats)
                rows, duplicates = merge_candidates(parts)
                if duplicates:
                    stats.setdefault("dropped", {})["duplicate candidate"] = duplicates
                stages["candidates"].write(i, rows, stats)
            advance(1)
    finally:
        for b in backend:
            b.close()

    lap("candidates")
    todo = [i for i in range(len(shards)) if not stages["executions"].done(i)]
    per_shard = {i: stages["candidates"].read(i) for i in todo}
    advance = task("executions", sum(len(c) for c in per_shard.values()))
    # every pending shard's candidates share one pool of workers (a timeout in one shard does not
    # idle the others); a shard is written the moment its last verdict is in
    flat = [(i, pos) for i in todo for pos in range(len(per_shard[i]))]
    got: dict[int, list[dict[str, Any] | None]] = {i: [None] * len(per_shard[i]) for i in todo}
    left = {i: len(per_shard[i]) for i in todo}
    lock = threading.Lock()

    def finish(i: int) -> None:
        rows = [r for r in got[i] if r is not None]
        stats = {"executed": len(rows), "statuses": dict(Counter(r["status"] for r in rows))}
        stages["executions"].write(i, rows, stats)

    def on_rows(pairs: list[tuple[int, dict[str, Any]]]) -> None:
        done_now = []
        with lock:
            for k, row in pairs:
                i, pos = flat[k]
                if got[i][pos] is None:
                    got[i][pos] = row
                    left[i] -= 1
                    if left[i] == 0:
                        done_now.append(i)
            for i in done_now:
                finish(i)

    for i in todo:
        if not per_shard[i]:
            finish(i)
    _, exec_stats = execute_candidates([per_shard[i][pos] for i, pos in flat], by_id, sandbox, cache, cfg.workers,
                                       cfg.limits, on_done=advance, on_rows=on_rows)
    timings["verdicts_from_cache"] = exec_stats["cache_hits"]

    lap("executions")
    advance = task("labels + groups", len(shards))
    for i, shard in enumerate(shards):
        cands = stages["candidates"].read(i)
        if not stages["labels"].done(i):
            rows, stats = make_labels(cands, stages["executions"].read(i))
            stages["labels"].write(i, rows, stats)
        if not stages["groups"].done(i):
            rows, stats = make_groups(shard, cands, stages["labels"].read(i))
            stages["groups"].write(i, rows, stats)
        if "llvm_groups" in stages and not stages["llvm_groups"].done(i):
            from irgroups.llvm import LLVMConfig, make_llvm_groups

            rows, stats = make_llvm_groups(shard, cands, stages["labels"].read(i), sandbox, workers=cfg.workers,
                                           config=LLVMConfig(seed=cfg.seed))
            stages["llvm_groups"].write(i, rows, stats)
        advance(1)
    lap("labels_groups")


@contextmanager
def _progress(enabled: bool) -> Iterator[Progress | None]:
    if not enabled:
        yield None
        return
    columns = (TextColumn("{task.description:>16}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=False) as p:
        yield p


def summarise(run: Path) -> dict[str, Any]:
    """Counts per language from a run directory (what `irgroups stats` prints)."""
    from irgroups.summary import summarise_run

    return summarise_run(run)
