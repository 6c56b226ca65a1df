"""candidates -> executions: every candidate run on its tests in the sandbox, in parallel,
through the verdict cache."""

from __future__ import annotations

import dataclasses
import queue
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from irgroups import languages
from irgroups.cache import VerdictCache
from irgroups.execute import FORMAT_ERROR, Verdict, execute
from irgroups.problems.model import Problem
from irgroups.sandbox.base import Limits, Sandbox
from irgroups.sandbox.toolchains import resolve


def execute_candidates(candidates: list[dict[str, Any]], problems: dict[str, Problem], sandbox: Sandbox,
                       cache: VerdictCache, workers: int, limits: Limits,
                       on_done: Callable[[], None] = lambda: None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    limits_key = repr(dataclasses.astuple(limits))
    slots: queue.Queue[int] = queue.Queue()
    for i in range(workers):
        slots.put(i)
    hits = 0

    def one(row: dict[str, Any]) -> Verdict:
        nonlocal hits
        problem = problems[row["problem_id"]]
        if row.get("extract_error"):
            return Verdict(FORMAT_ERROR, 0, len(problem.tests), ["missing"] * len(problem.tests),
                           stderr_tail=row["extract_error"], backend="none")
        toolchain = resolve(languages.get(row["lang"])).version
        key = cache.key(row["candidate_id"], problem.tests_hash, toolchain, limits_key)
        cached = cache.get(key)
        if cached is not None:
            hits += 1
            return cached
        slot = slots.get()
        try:
            verdict = execute(problem, row["lang"], row["code"], sandbox, limits, slot=slot)
        finally:
            slots.put(slot)
        cache.put(key, verdict)
        return verdict

    def tracked(row: dict[str, Any]) -> Verdict:
        try:
            return one(row)
        finally:
            on_done()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        verdicts = list(pool.map(tracked, candidates))
    rows = []
    for cand, v in zip(candidates, verdicts):
        rows.append({
            "candidate_id": cand["candidate_id"], "problem_id": cand["problem_id"], "lang": cand["lang"],
            "status": v.status, "tests_passed": v.tests_passed, "tests_total": v.tests_total,
            "test_outcomes": v.test_outcomes, "compile_seconds": v.compile_seconds, "run_seconds": v.run_seconds,
            "stderr_tail": v.stderr_tail, "backend": v.backend, "toolchain": v.toolchain,
        })
    return rows, {"cache_hits": hits, "executed": len(candidates) - hits}
