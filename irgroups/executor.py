"""Executors run stages over shards: in dependency order, skipping every shard the stage's
manifest says is finished, and writing each shard the moment the stage yields it.

`LocalExecutor` runs on this machine: one stage at a time, all of a stage's pending shards
handed to it together (the executions stage shares one worker pool between them). Another
executor (a Ray cluster's) implements the same `run`.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from irgroups.errors import ConfigError
from irgroups.problems.model import Problem
from irgroups.shards import StageDir
from irgroups.stages.base import STAGES, Context, Shard, Stage


def ordered(names: Sequence[str]) -> list[Stage]:
    """The registered stages `names`, each after the stages it reads (registration order otherwise)."""
    wanted = set(names)
    unknown = wanted - set(STAGES)
    if unknown:
        raise ConfigError(f"unknown stage(s) {sorted(unknown)}; known: {', '.join(STAGES)}")
    out: list[Stage] = []
    placed: set[str] = set()
    while len(out) < len(wanted):
        ready = [s for n, s in STAGES.items() if n in wanted and n not in placed
                 and all(i in placed or i not in wanted for i in s.inputs)]
        if not ready:
            raise ConfigError(f"stages {sorted(wanted - placed)} read each other in a cycle")
        out.append(ready[0])
        placed.add(ready[0].name)
    return out


class Executor(ABC):
    @abstractmethod
    def run(self, stages: Sequence[Stage], dirs: dict[str, StageDir], source: list[list[Problem]],
            ctx: Context) -> dict[str, float]:
        """Run `stages` (in order) over every shard not yet done; seconds spent per stage."""


class LocalExecutor(Executor):
    """`on_shard(index, rows, stats)`, if given, hears of every shard written."""

    def __init__(self, progress: bool = True,
                 on_shard: Callable[[int, list[dict[str, Any]], dict[str, Any]], None] | None = None) -> None:
        self.progress = progress
        self.on_shard = on_shard

    def run(self, stages: Sequence[Stage], dirs: dict[str, StageDir], source: list[list[Problem]],
            ctx: Context) -> dict[str, float]:
        seconds: dict[str, float] = {}
        with _progress(self.progress) as bars:
            for stage in stages:
                started = time.perf_counter()
                stage.check(ctx)
                out = dirs[stage.name]
                shards = [_shard(i, source[i], dirs) for i in range(len(source))]
                pending = [s for s in shards if not out.done(s.index)]
                total = sum(stage.work(s, ctx) for s in shards) if stage.progress_unit != "shards" else len(shards)
                ctx.advance = _bar(bars, stage.name, total, total - (
                    sum(stage.work(s, ctx) for s in pending) if stage.progress_unit != "shards" else len(pending)))
                try:
                    for index, result in stage.run_many(pending, ctx):
                        out.write(index, result.rows, result.stats)
                        if self.on_shard is not None:
                            self.on_shard(index, result.rows, result.stats or {})
                finally:
                    stage.teardown(ctx)
                    ctx.advance = lambda n: None
                seconds[stage.name] = round(time.perf_counter() - started, 2)
        return seconds


def _shard(index: int, problems: list[Problem], dirs: dict[str, StageDir]) -> Shard:
    cache: dict[str, list[dict[str, object]]] = {}

    def read(name: str) -> list[dict[str, object]]:
        if name not in cache:
            if name not in dirs or not dirs[name].done(index):
                raise ConfigError(f"shard {index} of stage {name} is not there; has that stage run?")
            cache[name] = dirs[name].read(index)
        return cache[name]

    return Shard(index, problems, read)


def _bar(bars: Progress | None, name: str, total: int, done: int) -> Callable[[int], None]:
    if bars is None:
        return lambda n: None
    tid = bars.add_task(name, total=total, completed=done)
    return lambda n: bars.advance(tid, n)


@contextmanager
def _progress(enabled: bool) -> Iterator[Progress | None]:
    if not enabled:
        yield None
        return
    columns = (TextColumn("{task.description:>16}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=False) as p:
        yield p

