"""candidates -> executions: every candidate run on its tests (original and amplified) by the
verifier: the verdict cache, the prefilter, then batched sandbox runs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from irgroups import schemas
from irgroups.execute import FORMAT_ERROR, Verdict
from irgroups.stages.base import Context, Output, Shard, Stage, register
from irgroups.verifier import Item


@register
class Executions(Stage):
    name = "executions"
    inputs = ("problems", "candidates")
    schema = schemas.EXECUTIONS
    progress_unit = "candidates"

    def resources(self, cfg: Any) -> dict[str, float]:
        return {"sandbox": 1}

    def work(self, shard: Shard, ctx: Context) -> int:
        return len(shard.read("candidates"))

    def run(self, shard: Shard, ctx: Context) -> Output:
        return next(self.run_many([shard], ctx))[1]

    def run_many(self, shards: list[Shard], ctx: Context) -> Iterator[tuple[int, Output]]:
        """Every pending shard's candidates share the verifier's workers (a timeout in one shard
        does not idle the others); a shard is done the moment its last verdict is in."""
        cands = {s.index: s.read("candidates") for s in shards}
        problems = {p.problem_id: p for s in shards for p in s.problems()}
        got: dict[int, list[dict[str, Any] | None]] = {i: [None] * len(c) for i, c in cands.items()}
        left = {i: len(c) for i, c in cands.items()}
        items = []
        early: list[tuple[tuple[int, int], Verdict]] = []
        for i, rows in cands.items():
            for pos, row in enumerate(rows):
                problem = problems[row["problem_id"]]
                if row.get("extract_error"):
                    n = len(problem.all_tests)
                    early.append(((i, pos), Verdict(FORMAT_ERROR, 0, n, ["missing"] * n,
                                                    stderr_tail=row["extract_error"], backend="none")))
                else:
                    items.append(Item(problem, row["lang"], row["code"], row["candidate_id"], (i, pos)))
        hits = ctx.verifier.stats["cache_hits"]

        def verdicts() -> Iterator[tuple[tuple[int, int], Verdict]]:
            yield from early
            for item, v in ctx.verifier.verify(items):
                yield item.tag, v

        for i in [i for i, n in left.items() if n == 0]:
            yield i, _output([])
        for (i, pos), v in verdicts():
            row = cands[i][pos]
            got[i][pos] = execution_row(row, v, len(problems[row["problem_id"]].tests))
            left[i] -= 1
            ctx.advance(1)
            if left[i] == 0:
                yield i, _output([r for r in got[i] if r is not None])
        ctx.counters["verdicts_from_cache"] = ctx.counters.get("verdicts_from_cache", 0) + \
            ctx.verifier.stats["cache_hits"] - hits


def _output(rows: list[dict[str, Any]]) -> Output:
    return Output(rows, {"executed": len(rows), "statuses": dict(Counter(r["status"] for r in rows))})


def execution_row(cand: dict[str, Any], v: Verdict, original_total: int) -> dict[str, Any]:
    return {
        "candidate_id": cand["candidate_id"], "problem_id": cand["problem_id"], "lang": cand["lang"],
        "status": v.status, "tests_passed": v.tests_passed, "tests_total": v.tests_total,
        "original_total": original_total,
        "test_outcomes": v.test_outcomes, "compile_seconds": v.compile_seconds, "run_seconds": v.run_seconds,
        "cpu_seconds": v.cpu_seconds, "peak_memory_mb": v.peak_memory_mb,
        "stderr_tail": v.stderr_tail, "backend": v.backend, "toolchain": v.toolchain,
    }
