"""The on-policy reward, from the sandbox: 1 if the answer has the required format,
compiles and passes every test, else 0. The fraction of tests passed is logged.

Infrastructure trouble (a sandbox error) raises: it must never become a reward of 0.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

from irgroups.errors import SandboxError
from irgroups.execute import PASSED, SANDBOX_ERROR
from irgroups.generate.extract import extract
from irgroups.problems.model import STDIO, Problem, Signature, TestCase
from irgroups.verifier import Item, Verifier


@dataclass(frozen=True)
class Score:
    reward: float
    tests_fraction: float
    status: str


def problem_from_prompt(row: dict[str, Any]) -> Problem:
    """The problem a prompt's reward runs: its tests and its amplified tests (judged outside the sandbox)."""
    def cases(text: str | None) -> tuple[TestCase, ...]:
        return tuple(TestCase(tuple(t["args"]), t["expected"]) for t in json.loads(text or "[]"))

    if row.get("kind") == STDIO:
        return Problem.from_row({"problem_id": row["problem_id"], "kind": STDIO, "source_code": "",
                                 "entry_point": row["source_entry_point"], "tests": row["tests"],
                                 "amplified_tests": row.get("amplified_tests"), "compare": row.get("compare")})
    return Problem(row["problem_id"], "python", "", row["source_entry_point"],
                   Signature.from_row(row["neutral_signature"]), cases(row["tests"]),
                   amplified=cases(row.get("amplified_tests")))


class SandboxReward:
    """Scores completions of rows of the RL prompt table, in the sandbox `sandbox` (local or
    docker), batched per language, `workers` sandbox jobs at a time."""

    __name__ = "sandbox_reward"  # TRL names reward functions after this

    def __init__(self, prompt_rows: list[dict[str, Any]], workers: int = 2, sandbox: str = "local") -> None:
        self.rows = {r["prompt_id"]: r for r in prompt_rows}
        self.problems = {pid: problem_from_prompt(r) for pid, r in self.rows.items()}
        self.verifier = Verifier(sandbox, sorted({r["lang"] for r in prompt_rows}), workers=workers)
        self.workers = workers

    def score(self, prompt_id: str, completion: str) -> Score:
        return self.score_many([prompt_id], [completion])[0]

    def score_many(self, prompt_ids: list[str], completions: list[str]) -> list[Score]:
        scores: list[Score | None] = [None] * len(prompt_ids)
        items = []
        for k, (pid, completion) in enumerate(zip(prompt_ids, completions)):
            row, problem = self.rows[pid], self.problems[pid]
            ex = extract(row["lang"], completion, problem)
            if ex.code is None:
                scores[k] = Score(0.0, 0.0, "format_error")
            else:
                items.append(Item(problem, row["lang"], ex.code, tag=k))
        for item, v in zip(items, self.verifier.verify_all(items)):
            if v.status == SANDBOX_ERROR:
                raise SandboxError(f"reward for {prompt_ids[item.tag]}: sandbox error: {v.stderr_tail[-500:]}")
            scores[item.tag] = Score(1.0 if v.status == PASSED else 0.0, v.tests_passed / max(1, v.tests_total),
                                     v.status)
        return [s for s in scores if s is not None]

    async def __call__(self, prompts: list[Any], completions: list[Any], completion_ids: list[Any] | None = None,
                       **columns: Any) -> list[float | None]:
        """TRL's reward-function signature; async, so TRL runs it beside other reward functions."""
        texts = [c if isinstance(c, str) else c[-1]["content"] for c in completions]
        loop = asyncio.get_running_loop()
        scores = await loop.run_in_executor(None, self.score_many, list(columns["prompt_id"]), texts)
        log_metric = columns.get("log_metric")
        if log_metric is not None and scores:
            log_metric("tests_fraction", sum(s.tests_fraction for s in scores) / len(scores))
        return [s.reward for s in scores]

    def close(self) -> None:
        self.verifier.close()
