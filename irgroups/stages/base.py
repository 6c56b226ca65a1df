"""The shape of a stage: a named step that turns its input stages' shard i into its own shard i.

    class Labels(Stage):
        name = "labels"
        inputs = ("candidates", "executions")
        schema = schemas.LABELS

        def run(self, shard, ctx):
            return Output(rows, stats)

A stage declares its name, the stages it reads, its output schema and the optional packages
it needs (`needs`, checked before any work). `run(shard, ctx)` does one shard; `run_many` does
several, and a stage overrides it only where shards are better done together (the executions
stage shares one worker pool between all pending shards; amplification fills its batches from
a window of shards). An executor (irgroups/executor.py) decides which shards to run, in which
order and where; the stage never looks at the manifest.

Stages register themselves (`@register`); `STAGES` is the registry, in pipeline order.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import pyarrow as pa

from irgroups.errors import ConfigError
from irgroups.problems.model import Problem

if TYPE_CHECKING:
    from irgroups.config import BuildConfig
    from irgroups.generate.backends import Backend
    from irgroups.generate.requests import RequestCache
    from irgroups.languages import Language
    from irgroups.verifier import Verifier

Rows = list[dict[str, Any]]


@dataclass
class Output:
    """What a stage wrote for one shard: its rows and what it dropped or counted (stats.json)."""

    rows: Rows
    stats: dict[str, Any] | None = None


@dataclass
class Shard:
    """Shard `index` of a run: the problems it holds and its input stages' rows.

    `source` holds the problems as the source gave them (the problems stage's input);
    `read(stage)` gives an earlier stage's rows of this shard."""

    index: int
    source: list[Problem]
    read: Callable[[str], Rows]

    def problems(self) -> list[Problem]:
        """The problems as the problems stage wrote them (amplified tests included)."""
        return [Problem.from_row(r) for r in self.read("problems")]


@dataclass
class Context:
    """What a stage may use: the config, the target languages, the verifier (sandbox, cache,
    workers), the generation backend (made on first use) and progress."""

    cfg: BuildConfig
    langs: list[Language]
    verifier: Verifier
    requests: RequestCache | None = None
    advance: Callable[[int], None] = lambda n: None
    counters: dict[str, float] = field(default_factory=dict)
    _backend: list[Backend] = field(default_factory=list)

    def backend(self) -> Backend:
        """The model backend of `--backend`, loaded on first use: a finished or fully cached
        run loads no model."""
        if not self._backend:
            from irgroups.generate.backends import make_backend

            assert self.cfg.model is not None
            self._backend.append(make_backend(self.cfg.backend, self.cfg.model, self.cfg.sampling,
                                              **self.cfg.backend_options))
        return self._backend[0]

    def close(self) -> None:
        for b in self._backend:
            b.close()
        self._backend.clear()


class Stage:
    name: ClassVar[str]
    inputs: ClassVar[tuple[str, ...]] = ()
    schema: ClassVar[pa.Schema]
    needs: ClassVar[tuple[str, ...]] = ()  # optional packages (import names) this stage needs
    progress_unit: ClassVar[str] = "shards"  # what its progress bar counts: shards or rows

    def enabled(self, cfg: BuildConfig) -> bool:
        """Whether a build with `cfg` runs this stage."""
        return True

    def config(self, cfg: BuildConfig) -> dict[str, Any]:
        """What of `cfg` decides this stage's rows beyond the build's config hash (none by default)."""
        return {}

    def check(self, ctx: Context) -> None:
        """Refuse before any work if a needed package is absent."""
        absent = [m for m in self.needs if importlib.util.find_spec(m) is None]
        if absent:
            raise ConfigError(f"stage {self.name} needs {', '.join(absent)} (pip install it)")

    def resources(self, cfg: BuildConfig) -> dict[str, float]:
        """What a worker running this stage must hold, for executors that place work (Ray): `sandbox`
        for stages that run code through the verifier, `GPU` (or `CPU`) for a model that a worker
        loads once. Empty: nothing to set up, any CPU will do, one shard at a time."""
        return {}

    def shards_per_call(self, cfg: BuildConfig) -> int:
        """Shards a worker must take together for the rows to be what a local run writes (the
        amplification window); an executor hands out whole multiples of it."""
        return 1

    def work(self, shard: Shard, ctx: Context) -> int:
        """How much progress `shard` is (1 shard, or its input rows)."""
        return 1

    def run(self, shard: Shard, ctx: Context) -> Output:
        raise NotImplementedError

    def run_many(self, shards: list[Shard], ctx: Context) -> Iterator[tuple[int, Output]]:
        """(shard index, output) for each of `shards`, as each is finished."""
        for shard in shards:
            out = self.run(shard, ctx)
            ctx.advance(self.work(shard, ctx))
            yield shard.index, out

    def teardown(self, ctx: Context) -> None:  # noqa: B027 - optional hook
        """Release what the stage holds once every shard is done (or the build stops)."""


STAGES: dict[str, Stage] = {}


def register(cls: type[Stage]) -> type[Stage]:
    """Class decorator: add a stage to the registry (pipeline order is registration order)."""
    STAGES[cls.name] = cls()
    return cls


def schema_of(name: str) -> pa.Schema:
    """The output schema of the registered stage `name`."""
    import irgroups.stages  # noqa: F401 - registers every stage

    if name not in STAGES:
        raise ConfigError(f"unknown stage {name!r}; known: {', '.join(STAGES)}")
    return STAGES[name].schema
