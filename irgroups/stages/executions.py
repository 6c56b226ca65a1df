"""candidates -> executions: every candidate run on its tests in the sandbox, in parallel,
through the verdict cache."""

from __future__ import annotations

import queue
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from irgroups import languages
from irgroups.batch import execute_batch, plan_batches, prefilter
from irgroups.cache import VerdictCache
from irgroups.execute import FORMAT_ERROR, Verdict
from irgroups.problems.model import Problem
from irgroups.sandbox.base import Limits, Sandbox
from irgroups.sandbox.toolchains import resolve


def execute_candidates(candidates: list[dict[str, Any]], problems: dict[str, Problem], sandbox: Sandbox,
                       cache: VerdictCache, workers: int, limits: Limits,
                       on_done: Callable[[int], None] = lambda n: None,
                       max_batch: int = 64,
                       on_rows: Callable[[list[tuple[int, dict[str, Any]]]], None] | None = None,
                       ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Verdicts for every candidate: from the cache, the prefilter, or batched sandbox runs.

    `on_rows` gets (index, execution row) pairs as soon as they are known, batch by batch, so a
    caller can finish a shard while other shards' batches (a 10 s timeout, say) still run."""
    def n_original(i: int) -> int:
        return len(problems[candidates[i]["problem_id"]].tests)

    verdicts: dict[int, Verdict] = {}
    keys: dict[int, str] = {}
    pending: dict[str, list[int]] = {}
    hits = prefiltered = 0
    for i, row in enumerate(candidates):
        problem = problems[row["problem_id"]]
        if row.get("extract_error"):
            n = len(problem.all_tests)
            verdicts[i] = Verdict(FORMAT_ERROR, 0, n, ["missing"] * n,
                                  stderr_tail=row["extract_error"], backend="none")
            continue
        toolchain = resolve(languages.get(row["lang"])).version
        keys[i] = cache.key_for(row["candidate_id"], problem, row["lang"], limits)
        cached = cache.get(keys[i])
        if cached is not None:
            hits += 1
            verdicts[i] = cached
            continue
        early = prefilter(problem, row["lang"], row["code"])
        if early is not None:
            prefiltered += 1
            early.toolchain, early.backend = toolchain, "prefilter"
            verdicts[i] = early
            cache.put(keys[i], early)
            continue
        pending.setdefault(row["lang"], []).append(i)
    on_done(len(verdicts))
    if on_rows is not None and verdicts:
        on_rows([(i, _row(candidates[i], v, n_original(i))) for i, v in verdicts.items()])

    batches = [b for idx in pending.values() for b in plan_batches(idx, workers, max_batch)]
    slots: queue.Queue[int] = queue.Queue()
    for w in range(workers):
        slots.put(w)

    def run(batch: list[int]) -> None:
        slot = slots.get()
        try:
            items = [(problems[candidates[i]["problem_id"]], candidates[i]["lang"], candidates[i]["code"]) for i in batch]
            results = execute_batch(items, sandbox, limits, slot=slot)
            for i, v in zip(batch, results):
                verdicts[i] = v
                cache.put(keys[i], v)
        finally:
            slots.put(slot)
            on_done(len(batch))
        if on_rows is not None:
            on_rows([(i, _row(candidates[i], verdicts[i], n_original(i))) for i in batch])

    # the longest batches first, so a slow one does not start last
    batches.sort(key=len, reverse=True)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(run, batches))
    rows = [_row(cand, verdicts[i], n_original(i)) for i, cand in enumerate(candidates)]
    return rows, {"cache_hits": hits, "prefiltered": prefiltered, "batches": len(batches),
                  "executed": len(candidates) - hits - prefiltered}


def _row(cand: dict[str, Any], v: Verdict, original_total: int) -> dict[str, Any]:
    return {
        "candidate_id": cand["candidate_id"], "problem_id": cand["problem_id"], "lang": cand["lang"],
        "status": v.status, "tests_passed": v.tests_passed, "tests_total": v.tests_total,
        "original_total": original_total,
        "test_outcomes": v.test_outcomes, "compile_seconds": v.compile_seconds, "run_seconds": v.run_seconds,
        "cpu_seconds": v.cpu_seconds, "peak_memory_mb": v.peak_memory_mb,
        "stderr_tail": v.stderr_tail, "backend": v.backend, "toolchain": v.toolchain,
    }
