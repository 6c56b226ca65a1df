"""Amplification of a batch of problems: propose inputs, take expected values from the source
program, drop what a verified reference fails. Part of the problems stage of `build`."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from irgroups.amplify.guard import guard
from irgroups.amplify.inputs import amplify_inputs
from irgroups.amplify.oracle import SOURCE_LANGS, answer_inputs
from irgroups.problems.model import Problem
from irgroups.verifier import Verifier

NOT_RUNNABLE_SOURCE = "source language cannot be run"


def amplify_problems(problems: list[Problem], langs: list[str], verifier: Verifier, n: int, seed: int,
                     ) -> tuple[list[Problem], dict[str, dict[str, Any]]]:
    """Each problem with up to `n` amplified tests, and per problem id: how many inputs were
    proposed, how many kept, and how many dropped by reason. The references' final verdicts go
    into the verifier's cache."""
    report: dict[str, dict[str, Any]] = {}
    if n <= 0:
        return list(problems), report
    runnable = [k for k, p in enumerate(problems) if p.source_lang in SOURCE_LANGS]
    for p in problems:
        if p.source_lang not in SOURCE_LANGS:
            report[p.problem_id] = {"proposed": 0, "kept": 0, "dropped": {}, "skipped": NOT_RUNNABLE_SOURCE}
    jobs = [(problems[k], amplify_inputs(problems[k], n, seed)) for k in runnable]
    answered = answer_inputs(jobs, verifier)
    out = list(problems)
    for k, (tests, _) in zip(runnable, answered):
        out[k] = replace(problems[k], amplified=tuple(tests))
    guarded, guard_dropped = guard([out[k] for k in runnable], langs, verifier)
    for k, (_, inputs), (_, oracle_dropped), problem, dropped in zip(runnable, jobs, answered, guarded,
                                                                       guard_dropped):
        out[k] = problem
        report[problem.problem_id] = {"proposed": len(inputs), "kept": len(problem.amplified),
                                      "dropped": dict(oracle_dropped + dropped)}
    return out, report


def total(report: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Sums over problems, for a shard's stats."""
    dropped: Counter[str] = Counter()
    for r in report.values():
        dropped.update(r["dropped"])
    return {"problems": len(report), "proposed": sum(r["proposed"] for r in report.values()),
            "kept": sum(r["kept"] for r in report.values()), "dropped": dict(dropped),
            "skipped": dict(Counter(r["skipped"] for r in report.values() if r.get("skipped")))}
