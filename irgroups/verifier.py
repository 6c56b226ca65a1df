"""The verifier: where code meets the sandbox. Every command that runs code goes through it.

    with Verifier("docker", langs=["rust", "go"], limits=Limits(), workers=4, cache=path) as v:
        for item, verdict in v.verify(items):
            ...

A verifier owns the sandbox (made by `open_sandbox`, the one factory), the verdict cache,
the tree-sitter prefilter, batching (several programs per compiler call, batch.py), the
toolchain versions stamped on verdicts, and the worker pool. Verdicts are decided outside the
sandbox (execute.judge, results.py). `verify` yields (item, verdict) pairs as batches finish,
so a caller can write a shard the moment its last verdict is in.
"""

from __future__ import annotations

import queue
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from irgroups import code as codemod
from irgroups import languages
from irgroups.batch import plan_batches, prefilter, run_batch
from irgroups.cache import VerdictCache
from irgroups.errors import ConfigError, SandboxError
from irgroups.execute import SANDBOX_ERROR, Verdict, judge
from irgroups.languages.toolchains import check as check_toolchains
from irgroups.languages.toolchains import resolve
from irgroups.problems.model import Problem
from irgroups.sandbox import base as sb

SANDBOXES = ("local", "docker")
T = TypeVar("T")
R = TypeVar("R")


def open_sandbox(name: str, langs: Sequence[str] = (), limits: sb.Limits | None = None) -> sb.Sandbox:
    """The sandbox backend `name` (local: bubblewrap on this host; docker: one image per language).

    `langs` are the languages it will run (Docker checks their images); `limits` are the
    defaults of the jobs it will run (each job still carries its own)."""
    del limits  # every job carries its limits; kept in the signature for backends that pre-size
    from irgroups.languages import toolchains

    if name == "local":
        from irgroups.sandbox.local import LocalSandbox

        return LocalSandbox(runtimes=toolchains.runtime)
    if name == "docker":
        from irgroups.sandbox.docker import DockerSandbox

        return DockerSandbox(langs=[languages.get(x).name for x in langs] or None, specs=toolchains.image_specs())
    raise ConfigError(f"--sandbox must be one of {', '.join(SANDBOXES)}, got {name!r}")


@dataclass(frozen=True)
class Item:
    """One program to verify: `code` in `lang` run on `problem`'s tests (amplified ones too).

    `candidate_id` names it in the verdict cache (default: its normalised code's hash); `tag`
    is the caller's, handed back with the verdict."""

    problem: Problem
    lang: str
    code: str
    candidate_id: str | None = None
    tag: Any = None


class Verifier:
    """Verdicts for programs, batched per language, `workers` sandbox jobs at a time."""

    def __init__(self, sandbox: str | sb.Sandbox = "local", langs: Sequence[str] = (),
                 limits: sb.Limits | None = None, workers: int = 2,
                 cache: VerdictCache | Path | None = None, max_batch: int = 64, use_prefilter: bool = True) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, got {workers}")
        self.limits = limits or sb.Limits()
        self.langs = [languages.get(x).name for x in langs]
        self._owns_sandbox = isinstance(sandbox, str)
        self.sandbox = open_sandbox(sandbox, self.langs, self.limits) if isinstance(sandbox, str) else sandbox
        self._owns_cache = isinstance(cache, Path)
        self.cache = VerdictCache(cache) if isinstance(cache, Path) else cache
        self.workers = workers
        self.max_batch = max_batch
        self.use_prefilter = use_prefilter
        self.stats: Counter[str] = Counter()
        self._toolchains: dict[str, str] = {}
        self._lock = threading.Lock()
        self._slots: queue.Queue[int] = queue.Queue()
        for w in range(workers):
            self._slots.put(w)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="verifier")

    def __enter__(self) -> Verifier:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        if self._owns_sandbox:
            self.sandbox.close()
        if self._owns_cache and self.cache is not None:
            self.cache.close()

    # ---- readiness ---------------------------------------------------------------------------
    def preflight(self, langs: Sequence[str] | None = None) -> dict[str, str]:
        """Toolchain versions of `langs` (default: the verifier's); refuses, naming what is
        missing, if the sandbox or a toolchain cannot work here."""
        wanted = [languages.get(x) for x in (self.langs if langs is None else langs)]
        problems = self.sandbox.problems()
        found = check_toolchains(wanted)
        missing = [str(v) for v in found.values() if isinstance(v, Exception)]
        if problems or missing:
            raise SandboxError("cannot run code here:\n  " + "\n  ".join(problems + missing) +
                               "\n(run `irgroups sandbox check` for details)")
        return {name: r.version for name, r in found.items() if not isinstance(r, Exception)}

    def toolchain(self, lang: str) -> str:
        """The version stamped on `lang`'s verdicts (raises ToolchainMissing)."""
        with self._lock:
            if lang not in self._toolchains:
                self._toolchains[lang] = resolve(languages.get(lang)).version
            return self._toolchains[lang]

    # ---- verdicts ----------------------------------------------------------------------------
    def verify(self, items: Iterable[Item]) -> Iterator[tuple[Item, Verdict]]:
        """(item, verdict) for every item: from the cache, the prefilter, or batched sandbox runs,
        in the order they are known (cached and prefiltered ones first)."""
        pending: dict[str, list[tuple[Item, str | None]]] = {}
        for item in items:
            early, key = self._settled(item)
            if early is not None:
                yield item, early
            else:
                pending.setdefault(item.lang, []).append((item, key))
        batches = [[group[k] for k in idx]
                   for group in pending.values()
                   for idx in plan_batches(list(range(len(group))), self.workers, self.max_batch)]
        batches.sort(key=len, reverse=True)  # the longest first, so a slow one does not start last
        self.stats["batches"] += len(batches)
        for batch, verdicts in self._map(self._verify_batch, batches):
            for (item, _), v in zip(batch, verdicts):
                yield item, v

    def verify_all(self, items: Sequence[Item]) -> list[Verdict]:
        """Verdicts in the order of `items`."""
        got: dict[int, Verdict] = {}
        tagged = [Item(it.problem, it.lang, it.code, it.candidate_id, k) for k, it in enumerate(items)]
        for item, v in self.verify(tagged):
            got[item.tag] = v
        return [got[k] for k in range(len(items))]

    def cache_key(self, item: Item) -> str | None:
        if self.cache is None:
            return None
        cid = item.candidate_id or codemod.candidate_id(item.lang, item.code)
        return self.cache.key_for(cid, item.problem, item.lang, self.limits)

    def remember(self, item: Item, verdict: Verdict) -> None:
        """Put a verdict obtained elsewhere (the amplification guard's) in the cache."""
        key = self.cache_key(item)
        if key is not None and self.cache is not None:
            self.cache.put(key, verdict)

    def _settled(self, item: Item) -> tuple[Verdict | None, str | None]:
        """A verdict known without running: infrastructure, the cache or the prefilter."""
        n = len(item.problem.all_tests)
        try:
            toolchain = self.toolchain(item.lang)
        except Exception as e:  # noqa: BLE001 - infrastructure, reported per item and never a label
            return Verdict(SANDBOX_ERROR, 0, n, stderr_tail=str(e), backend=self.sandbox.name), None
        key = self.cache_key(item)
        if key is not None and self.cache is not None:
            cached = self.cache.get(key)
            if cached is not None:
                self.stats["cache_hits"] += 1
                return cached, key
        if self.use_prefilter:
            early = prefilter(item.problem, item.lang, item.code)
            if early is not None:
                self.stats["prefiltered"] += 1
                early.toolchain, early.backend = toolchain, "prefilter"
                if key is not None and self.cache is not None:
                    self.cache.put(key, early)
                return early, key
        return None, key

    def _verify_batch(self, batch: list[tuple[Item, str | None]], slot: int) -> list[Verdict]:
        items = [(it.problem, it.lang, it.code) for it, _ in batch]
        verdicts = []
        for (item, key), result in zip(batch, run_batch(items, self.sandbox, self.limits, slot=slot)):
            v = judge(result, item.problem)
            v.toolchain = self.toolchain(item.lang)
            if key is not None and self.cache is not None:
                self.cache.put(key, v)
            verdicts.append(v)
        self.stats["executed"] += len(batch)
        return verdicts

    # ---- raw runs ------------------------------------------------------------------------------
    def run(self, items: Sequence[Item]) -> list[sb.JobResult]:
        """What each item's test program printed and used, in order (no verdict, no cache):
        for callers that read the outputs themselves (the amplification oracle)."""
        by_lang: dict[str, list[int]] = {}
        for k, item in enumerate(items):
            by_lang.setdefault(item.lang, []).append(k)
        batches = [b for idx in by_lang.values() for b in plan_batches(idx, self.workers, self.max_batch)]
        batches.sort(key=len, reverse=True)
        results: list[sb.JobResult | None] = [None] * len(items)

        def one(batch: list[int], slot: int) -> list[sb.JobResult]:
            return run_batch([(items[k].problem, items[k].lang, items[k].code) for k in batch], self.sandbox,
                             self.limits, slot=slot)

        for batch, got in self._map(one, batches):
            for k, r in zip(batch, got):
                results[k] = r
        return [r for r in results if r is not None]

    def run_jobs(self, jobs: Sequence[sb.Job]) -> list[sb.JobResult]:
        """Prepared sandbox jobs (LLVM emission, benchmark programs), `workers` at a time, in order."""
        results: list[sb.JobResult | None] = [None] * len(jobs)
        for k, got in self._map(lambda k, slot: self.sandbox.run(jobs[k], slot=slot), list(range(len(jobs)))):
            results[k] = got
        return [r for r in results if r is not None]

    def map(self, fn: Callable[[T, int], R], tasks: Sequence[T]) -> Iterator[tuple[T, R]]:
        """(task, fn(task, slot)) as tasks finish, `workers` at a time; `slot` is a worker number
        no other running task holds (the sandboxes keep per-slot caches and containers)."""
        return self._map(fn, list(tasks))

    def _map(self, fn: Callable[[T, int], R], tasks: list[T]) -> Iterator[tuple[T, R]]:
        def with_slot(task: T) -> R:
            slot = self._slots.get()
            try:
                return fn(task, slot)
            finally:
                self._slots.put(slot)

        futures: dict[Future[R], T] = {self._pool.submit(with_slot, t): t for t in tasks}
        try:
            while futures:
                done, _ = wait(futures, return_when=FIRST_COMPLETED)
                for f in done:
                    task = futures.pop(f)
                    yield task, f.result()
        finally:
            for f in futures:
                f.cancel()
