"""RayExecutor: the same stage objects as LocalExecutor, run on a Ray cluster.

    irgroups build --executor ray                          # a Ray instance started on this machine
    irgroups build --executor ray --ray-address HOST:6379  # an existing cluster (ray start --head ...)

Where each stage runs is what the stage declares (`Stage.resources(cfg)`):
- stages that need nothing (prompts, candidates without a model, labels, groups) run as Ray tasks,
  one per shard;
- stages that hold something run on actors that set it up once and keep it warm: a verifier
  (bubblewrap/cgroup setup or warm containers, the verdict cache) for the stages that run code,
  scheduled on the custom resource `sandbox` so that only nodes with toolchains (or Docker images)
  get them; a model for generation (`GPU` for vLLM).
Each actor takes chunks of shards (several at once, so its verifier batches across them); a
chunk whose actor dies (its node killed) is given to another actor, and after three deaths the
build stops with the shards done so far kept.

Only the driver writes: a shard is written, and marked done in its manifest, once, when its
result is back. The manifest stays the source of truth, so a killed driver or cluster resumes as
a local build does: run the same command again. Inputs are read by the workers from the run
directory, so on several machines --out (and --cache-dir) must be on a filesystem every node mounts.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

from irgroups.errors import ConfigError, IrgroupsError
from irgroups.executor import Executor, _bar, _progress, _shard
from irgroups.problems.model import Problem
from irgroups.shards import StageDir
from irgroups.stages.base import STAGES, Context, Output, Stage

log = logging.getLogger(__name__)
RETRIES = 3  # deaths of actors holding one chunk before the build stops


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError("--executor ray needs Ray: pip install 'irgroups[ray]'") from None
    return ray


class _NoVerifier:
    """The verifier of a worker whose stage declared no `sandbox` resource: using it is a bug in
    the stage's declaration, said as such."""

    def __init__(self, stage: str) -> None:
        self.stage = stage

    def __getattr__(self, name: str) -> Any:
        raise IrgroupsError(f"stage {self.stage} used the verifier but does not declare the sandbox resource")


def _context(cfg: Any, lang_names: list[str], sandbox_langs: list[str], stage: str, needs_sandbox: bool) -> Context:
    from irgroups import languages
    from irgroups.verifier import Verifier

    langs = [languages.get(x) for x in lang_names]
    requests = None
    if needs_sandbox:
        from irgroups.cache import VerdictCache

        verifier: Any = Verifier(cfg.sandbox, sandbox_langs, cfg.limits, cfg.workers)
        verifier.cache = VerdictCache((cfg.cache_dir or cfg.out / "cache") / "verdicts.sqlite")
    else:
        verifier = _NoVerifier(stage)
    if getattr(cfg, "backend", "reference") != "reference":
        from irgroups.generate.requests import RequestCache

        requests = RequestCache((cfg.cache_dir or cfg.out / "cache") / "requests.sqlite")
    return Context(cfg, langs, cast(Any, verifier), requests)


def _run_shards(stage: Stage, ctx: Context, shards: list[tuple[int, list[Problem]]],
                dirs: dict[str, StageDir]) -> tuple[list[tuple[int, Output]], dict[str, float], str]:
    import ray

    before = dict(ctx.counters)
    done = list(stage.run_many([_shard(i, source, dirs) for i, source in shards], ctx))
    counters = {k: v - before.get(k, 0) for k, v in ctx.counters.items()}
    return done, counters, ray.get_runtime_context().get_node_id()


def _cheap_task(name: str, cfg: Any, lang_names: list[str], shards: list[tuple[int, list[Problem]]],
                dirs: dict[str, StageDir]) -> tuple[list[tuple[int, Output]], dict[str, float], str]:
    import irgroups.stages  # noqa: F401 - registers every stage in this worker process

    stage = STAGES[name]
    ctx = _context(cfg, lang_names, [], name, needs_sandbox=False)
    try:
        return _run_shards(stage, ctx, shards, dirs)
    finally:
        stage.teardown(ctx)
        ctx.close()


class StageWorker:
    """A Ray actor holding one stage's warm setup (verifier, model) for many chunks of shards."""

    def __init__(self, name: str, cfg: Any, lang_names: list[str], sandbox_langs: list[str],
                 needs_sandbox: bool) -> None:
        import irgroups.stages  # noqa: F401 - registers every stage in this worker process

        self.stage = STAGES[name]
        self.ctx = _context(cfg, lang_names, sandbox_langs, name, needs_sandbox)

    def run(self, shards: list[tuple[int, list[Problem]]],
            dirs: dict[str, StageDir]) -> tuple[list[tuple[int, Output]], dict[str, float], str]:
        return _run_shards(self.stage, self.ctx, shards, dirs)

    def close(self) -> None:
        self.stage.teardown(self.ctx)
        self.ctx.close()
        close = getattr(self.ctx.verifier, "close", None)
        if callable(close) and not isinstance(self.ctx.verifier, _NoVerifier):
            close()


class RayExecutor(Executor):
    """`address`: an existing cluster (None: start Ray here with `num_cpus` CPUs and one `sandbox`
    slot); `actors`: workers per stateful stage (default: one per `sandbox` slot in the cluster).
    `on_shard(index, rows, stats)`, if given, hears of every shard written."""

    def __init__(self, address: str | None = None, progress: bool = True, num_cpus: int | None = None,
                 actors: int | None = None,
                 on_shard: Callable[[int, list[dict[str, Any]], dict[str, Any]], None] | None = None) -> None:
        self.address, self.progress, self.num_cpus, self.actors = address, progress, num_cpus, actors
        self.on_shard = on_shard
        self.nodes: dict[str, set[str]] = {}  # stage -> ids of the nodes that ran its shards
        self.retried: list[tuple[str, list[int]]] = []  # (stage, shards) given to another worker

    def run(self, stages: Sequence[Stage], dirs: dict[str, StageDir], source: list[list[Problem]],
            ctx: Context) -> dict[str, float]:
        ray = _ray()
        started_here = not ray.is_initialized()
        if started_here:
            if self.address:
                ray.init(address=self.address, log_to_driver=False)
            else:
                ray.init(address="local", num_cpus=self.num_cpus or os.cpu_count() or 1, resources={"sandbox": 1},
                         include_dashboard=False, log_to_driver=False)
        seconds: dict[str, float] = {}
        try:  # from here on, a Ray started here is shut down whatever happens
            log.info("Ray cluster: %s", {k: v for k, v in ray.cluster_resources().items() if not k.startswith("node:")})
            with _progress(self.progress) as bars:
                for stage in stages:
                    started = time.perf_counter()
                    stage.check(ctx)
                    self._stage(ray, stage, dirs, source, ctx, bars)
                    seconds[stage.name] = round(time.perf_counter() - started, 2)
        finally:
            if started_here:
                ray.shutdown()
        return seconds

    # ---- one stage ----------------------------------------------------------------------------
    def _stage(self, ray: Any, stage: Stage, dirs: dict[str, StageDir], source: list[list[Problem]],
               ctx: Context, bars: Any) -> None:
        out = dirs[stage.name]
        pending = [i for i in range(len(source)) if not out.done(i)]
        advance = _bar(bars, stage.name, len(source), len(source) - len(pending))
        if not pending:
            return
        cfg, lang_names = ctx.cfg, [lang.name for lang in ctx.langs]
        needs = stage.resources(cfg)
        inputs = {n: d for n, d in dirs.items() if n in stage.inputs}
        unit = max(1, stage.shards_per_call(cfg))
        if not needs:  # a few tasks per CPU of the cluster: each task's start is paid per chunk, not per shard
            cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
            per_task = unit * max(1, -(-len(pending) // (unit * 2 * cpus)))
            task = ray.remote(_cheap_task).options(num_cpus=1, max_retries=RETRIES)
            refs = {task.remote(stage.name, cfg, lang_names, [(i, source[i]) for i in c], inputs): c
                    for c in (pending[i:i + per_task] for i in range(0, len(pending), per_task))}
            while refs:
                ready, _ = ray.wait(list(refs), num_returns=1)
                refs.pop(ready[0])
                self._write(stage, out, ray.get(ready[0]), ctx, advance)
            return
        if self.actors:
            slots = self.actors
        elif "sandbox" in needs:  # the live nodes' slots: a node killed a moment ago may still be counted elsewhere
            slots = max(1, int(sum(n["Resources"].get("sandbox", 0) for n in ray.nodes() if n["Alive"])))
        else:
            slots = 1
        per_call = unit * max(1, -(-len(pending) // (unit * 2 * slots)))  # ~2 chunks per actor, whole units
        queue = [pending[i:i + per_call] for i in range(0, len(pending), per_call)]
        # a verifier's actor takes no CPU slot (its sandbox processes use the node's CPUs) and runs two
        # chunks at once (one batching while the other finishes its tail); a model's runs one: a model
        # batches by itself, and two threads must not load it (or import transformers) side by side
        in_flight = 2 if "sandbox" in needs else 1
        actor_cls = ray.remote(StageWorker).options(
            num_cpus=needs.get("CPU", 0), num_gpus=needs.get("GPU", 0),
            resources={k: v for k, v in needs.items() if k not in ("CPU", "GPU")}, max_concurrency=in_flight)
        sandbox_langs = list(getattr(ctx.verifier, "langs", []))
        actors: list[Any] = []  # alive or starting
        live: list[Any] = []  # started: only these are given chunks (one that cannot be placed waits aside)
        starting: dict[Any, Any] = {}  # readiness ref -> actor
        busy: dict[Any, tuple[list[int], Any]] = {}  # call ref -> (chunk, actor)
        tries: dict[int, int] = {}

        def spawn() -> None:
            actor = actor_cls.remote(stage.name, cfg, lang_names, sandbox_langs, "sandbox" in needs)
            actors.append(actor)
            starting[actor.__ray_ready__.remote()] = actor

        def submit(actor: Any) -> None:
            if queue:
                chunk = queue.pop(0)
                busy[actor.run.remote([(i, source[i]) for i in chunk], inputs)] = (chunk, actor)

        def drop(actor: Any) -> None:
            for group in (actors, live):
                if actor in group:
                    group.remove(actor)
            ray.kill(actor, no_restart=True)
            if not actors:  # placed wherever a slot is free
                spawn()

        def retry(ref: Any, error: Exception) -> None:
            chunk, actor = busy.pop(ref)
            tries[chunk[0]] = tries.get(chunk[0], 0) + 1
            if tries[chunk[0]] > RETRIES:
                raise IrgroupsError(f"stage {stage.name}: shards {chunk} lost {RETRIES} workers ({error}); "
                                    "the shards written so far are kept, run the same command again") from error
            if actor in actors:  # its other calls fail too, and come back here
                drop(actor)
            self.retried.append((stage.name, chunk))
            log.warning("%s: a worker was lost (%s); shards %s go to another", stage.name, type(error).__name__,
                        chunk)
            queue.insert(0, chunk)
            if live:
                submit(min(live, key=lambda a: sum(1 for _, x in busy.values() if x is a)))

        for _ in range(slots):
            spawn()
        lost = (ray.exceptions.RayActorError, ray.exceptions.ActorUnavailableError,
                ray.exceptions.WorkerCrashedError, ray.exceptions.NodeDiedError)
        try:
            while busy or queue:
                ref = ray.wait([*busy, *starting], num_returns=1)[0][0]
                if ref in starting:
                    actor = starting.pop(ref)
                    try:
                        ray.get(ref)
                    except lost:
                        drop(actor)
                        continue
                    live.append(actor)
                    for _ in range(in_flight):
                        submit(actor)
                    continue
                try:
                    result = ray.get(ref)
                except lost as e:
                    retry(ref, e)
                    continue
                chunk, actor = busy.pop(ref)
                self._write(stage, out, result, ctx, advance)
                submit(actor)
        finally:
            for actor in actors:
                if actor in live:
                    with contextlib.suppress(Exception):  # a dead actor has nothing to close
                        ray.get(actor.close.remote(), timeout=60)
                ray.kill(actor, no_restart=True)

    def _write(self, stage: Stage, out: StageDir, result: tuple[list[tuple[int, Output]], dict[str, float], str],
               ctx: Context, advance: Callable[[int], None]) -> None:
        done, counters, node = result
        for k, v in counters.items():
            ctx.counters[k] = ctx.counters.get(k, 0) + v
        for index, output in done:
            stats = {**(output.stats or {}), "worker": {"executor": "ray", "node": node}}
            out.write(index, output.rows, stats)
            self.nodes.setdefault(stage.name, set()).add(node)
            if self.on_shard is not None:
                self.on_shard(index, output.rows, stats)
            advance(1)


def node_ids(run: Path, stage: str) -> list[str]:
    """The Ray nodes that wrote `stage`'s shards of `run` (from the shards' stats)."""
    import json

    found = []
    for p in sorted((run / stage).glob("part-*.stats.json")):
        node = json.loads(p.read_text()).get("worker", {}).get("node")
        if node:
            found.append(node)
    return found
