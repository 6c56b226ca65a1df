"""executions -> labels. Equivalence is measured: passed every test, the original ones and the
amplified ones, nothing else; a label says which tests a candidate failed. Sandbox errors are
infrastructure trouble and get no label at all."""

from __future__ import annotations

from collections import Counter
from typing import Any

from irgroups import schemas
from irgroups.execute import FORMAT_ERROR, PASSED, SANDBOX_ERROR
from irgroups.stages.base import Context, Output, Shard, Stage, register

KIND = {
    "failed": "wrong_output",
    "runtime_error": "runtime_error",
    "timeout": "timeout",
    "memory_limit": "memory_limit",
    "compile_error": "compile_error",
}


def make_labels(candidates: list[dict[str, Any]], executions: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    by_id = {c["candidate_id"]: c for c in candidates}
    rows = []
    dropped: Counter[str] = Counter()
    for e in executions:
        if e["status"] == SANDBOX_ERROR:
            dropped[f"sandbox_error ({e['lang']}): not labelled"] += 1
            continue
        if e["status"] == FORMAT_ERROR:
            dropped[f"format_error ({e['lang']}): no code to label"] += 1
            continue
        equivalent = e["status"] == PASSED
        original = e["original_total"]
        failed = [i for i, o in enumerate(e["test_outcomes"]) if o != "pass"]
        rows.append({
            "candidate_id": e["candidate_id"], "problem_id": e["problem_id"], "lang": e["lang"],
            "origin": by_id[e["candidate_id"]]["origin"], "equivalent": equivalent,
            "kind": None if equivalent else KIND[e["status"]],
            "tests_passed": e["tests_passed"], "tests_total": e["tests_total"],
            "failed_tests": failed, "failed_original": sum(1 for i in failed if i < original),
            "failed_amplified": sum(1 for i in failed if i >= original),
        })
    return rows, {"dropped": dict(dropped)}


@register
class Labels(Stage):
    name = "labels"
    inputs = ("candidates", "executions")
    schema = schemas.LABELS

    def run(self, shard: Shard, ctx: Context) -> Output:
        return Output(*make_labels(shard.read("candidates"), shard.read("executions")))
