"""`irgroups build`: problems -> candidates -> executions -> labels -> groups.

Each stage reads the previous stage's shard i and writes its own shard i.
Relaunching the same command resumes: finished shards are skipped, and inside
the slow stage (executions) the verdict cache skips finished candidates.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from irgroups import __version__, languages
from irgroups.cache import VerdictCache
from irgroups.errors import ConfigError, SandboxError
from irgroups.problems import sources
from irgroups.problems.model import Problem
from irgroups.sandbox import toolchains
from irgroups.sandbox.base import Limits
from irgroups.sandbox.local import LocalSandbox
from irgroups.shards import Stage, atomic_write_json
from irgroups.stages.candidates import make_candidates
from irgroups.stages.executions import execute_candidates
from irgroups.stages.groups import make_groups
from irgroups.stages.labels import make_labels

STAGES = ("problems", "candidates", "executions", "labels", "groups")


@dataclass
class BuildConfig:
    out: Path
    langs: str = "rust,go,csharp"
    source: str = "humaneval,bundled"
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    limit: int | None = None
    mutants_per_reference: int = 6
    shard_size: int = 8
    seed: int = 0
    limits: Limits = field(default_factory=Limits)
    cache_dir: Path | None = None
    overwrite: bool = False
    progress: bool = True

    def __post_init__(self) -> None:
        self.out = Path(self.out)
        if self.workers < 1:
            raise ConfigError(f"--workers must be at least 1, got {self.workers}")
        if self.limit is not None and self.limit < 1:
            raise ConfigError(f"--limit must be at least 1, got {self.limit}")
        if self.mutants_per_reference < 0:
            raise ConfigError(f"--mutants must be 0 or more, got {self.mutants_per_reference}")
        if self.shard_size < 1:
            raise ConfigError(f"--shard-size must be at least 1, got {self.shard_size}")

    def config_hash(self) -> str:
        """What decides the rows (not workers, paths or display)."""
        langs = [lang.name for lang in languages.parse_list(self.langs)]
        blob = json.dumps({
            "langs": langs, "source": self.source, "limit": self.limit, "mutants": self.mutants_per_reference,
            "shard_size": self.shard_size, "seed": self.seed, "limits": asdict(self.limits),
        }, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def preflight(langs: list[languages.Language], sandbox: LocalSandbox) -> dict[str, str]:
    """Refuse before any work if the sandbox or a toolchain is missing."""
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
    langs = languages.parse_list(cfg.langs)
    sandbox = LocalSandbox()
    tools = preflight(langs, sandbox)
    tools["irgroups"] = __version__
    if cfg.overwrite and cfg.out.exists():
        shutil.rmtree(cfg.out)
    cfg.out.mkdir(parents=True, exist_ok=True)
    chash = cfg.config_hash()

    problem_set = sources.load(cfg.source)
    problems = problem_set.problems[: cfg.limit] if cfg.limit else problem_set.problems
    shards = chunk(problems, cfg.shard_size)
    by_id = {p.problem_id: p for p in problems}

    stages = {name: Stage(cfg.out, name, chash, tools) for name in STAGES}
    for st in stages.values():
        st.set_num_shards(len(shards))
    atomic_write_json(cfg.out / "problems" / "skipped.json",
                      [{"problem_id": s.problem_id, "reason": s.reason} for s in problem_set.skipped])

    cache = VerdictCache((cfg.cache_dir or cfg.out / "cache") / "verdicts.sqlite")
    try:
        with _progress(cfg.progress) as progress:
            _run_stages(cfg, langs, shards, by_id, stages, sandbox, cache, progress)
    finally:
        cache.close()
        sandbox.close()
    summary = summarise(cfg.out)
    atomic_write_json(cfg.out / "summary.json", summary)
    return summary


def _run_stages(cfg: BuildConfig, langs: list[languages.Language], shards: list[list[Problem]],
                by_id: dict[str, Problem], stages: dict[str, Stage], sandbox: LocalSandbox,
                cache: VerdictCache, progress: Progress | None) -> None:
    def task(name: str, total: int) -> Callable[[int], None]:
        if progress is None:
            return lambda n: None
        tid = progress.add_task(name, total=total)
        return lambda n: progress.advance(tid, n)

    advance = task("problems", len(shards))
    for i, shard in enumerate(shards):
        if not stages["problems"].done(i):
            stages["problems"].write(i, [p.to_row() for p in shard], {"problems": len(shard)})
        advance(1)

    advance = task("candidates", len(shards))
    for i, shard in enumerate(shards):
        if not stages["candidates"].done(i):
            rows, stats = make_candidates(shard, langs, cfg.mutants_per_reference, cfg.seed)
            stages["candidates"].write(i, rows, stats)
        advance(1)

    todo = [i for i in range(len(shards)) if not stages["executions"].done(i)]
    total = sum(len(stages["candidates"].read(i)) for i in todo)
    advance = task("executions", total)
    for i in todo:
        cands = stages["candidates"].read(i)
        rows, stats = execute_candidates(cands, by_id, sandbox, cache, cfg.workers, cfg.limits,
                                         on_done=lambda: advance(1))
        stages["executions"].write(i, rows, stats)

    advance = task("labels + groups", len(shards))
    for i, shard in enumerate(shards):
        cands = stages["candidates"].read(i)
        if not stages["labels"].done(i):
            rows, stats = make_labels(cands, stages["executions"].read(i))
            stages["labels"].write(i, rows, stats)
        if not stages["groups"].done(i):
            rows, stats = make_groups(shard, cands, stages["labels"].read(i))
            stages["groups"].write(i, rows, stats)
        advance(1)


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
