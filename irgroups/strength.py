"""How strong a problem's tests are, measured by its mutants, and what the amplified tests added.

A mutant is a small edit of a verified reference. The share of compiled mutants a problem's
tests kill (its mutation score) says how much its "equivalent" label can be trusted: a problem
whose tests kill few mutants lets wrong programs through. Two scores per problem: by the original
tests alone, and by the original plus the amplified tests. A *survivor* is a mutant that passes
every original test; the amplified tests kill some of them.

Mutants that do not compile are left out: any test "kills" them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any


def _compiled_mutant(label: dict[str, Any]) -> bool:
    return str(label["origin"]).startswith("mutant:") and label["kind"] != "compile_error"


def problem_scores(labels: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """problem_id -> {mutants, killed_original, killed, score_original, score} over compiled mutants
    (scores are None for a problem without any)."""
    out: dict[str, dict[str, Any]] = defaultdict(lambda: {"mutants": 0, "killed_original": 0, "killed": 0})
    for lab in labels:
        row = out[lab["problem_id"]]
        if not _compiled_mutant(lab):
            continue
        row["mutants"] += 1
        row["killed_original"] += int(lab["failed_original"] > 0)
        row["killed"] += int(not lab["equivalent"])
    for row in out.values():
        n = row["mutants"]
        row["score_original"] = row["killed_original"] / n if n else None
        row["score"] = row["killed"] / n if n else None
    return dict(out)


def survivors_killed(labels: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, int]]]:
    """lang -> operator -> {survivors: passed every original test, killed: of those, failed an amplified one}."""
    out: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: {"survivors": 0, "killed": 0}))
    for lab in labels:
        if not _compiled_mutant(lab) or lab["failed_original"] > 0:
            continue
        cell = out[lab["lang"]][str(lab["origin"]).split(":", 1)[1]]
        cell["survivors"] += 1
        cell["killed"] += int(not lab["equivalent"])
    return {lang: dict(sorted(ops.items())) for lang, ops in sorted(out.items())}


def summary(labels: list[dict[str, Any]]) -> dict[str, Any]:
    """Run-level figures: mean mutation scores and survivors killed per language and operator."""
    scores = [s for s in problem_scores(labels).values() if s["mutants"]]

    def mean(key: str) -> float | None:
        return round(sum(s[key] for s in scores) / len(scores), 4) if scores else None

    return {"problems_with_mutants": len(scores), "mean_score_original": mean("score_original"),
            "mean_score": mean("score"), "survivors_killed": survivors_killed(labels)}
