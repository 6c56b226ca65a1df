"""The on-policy reward, from the sandbox: 1 if the answer has the required format,
compiles and passes every test, else 0. The fraction of tests passed is logged.

Infrastructure trouble (a sandbox error) raises: it must never become a reward of 0.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from irgroups.errors import SandboxError
from irgroups.execute import PASSED, SANDBOX_ERROR, execute
from irgroups.generate.extract import extract
from irgroups.problems.model import Problem, Signature, TestCase
from irgroups.sandbox.local import LocalSandbox


@dataclass(frozen=True)
class Score:
    reward: float
    tests_fraction: float
    status: str


def problem_from_prompt(row: dict[str, Any]) -> Problem:
    """The problem a prompt's reward runs: its tests and its amplified tests (judged outside the sandbox)."""
    def cases(text: str | None) -> tuple[TestCase, ...]:
        return tuple(TestCase(tuple(t["args"]), t["expected"]) for t in json.loads(text or "[]"))

    return Problem(row["problem_id"], "python", "", row["source_entry_point"],
                   Signature.from_row(row["neutral_signature"]), cases(row["tests"]),
                   amplified=cases(row.get("amplified_tests")))


class SandboxReward:
    """Scores completions of rows of the RL prompt table, `workers` sandbox jobs at a time."""

    __name__ = "sandbox_reward"  # TRL names reward functions after this

    def __init__(self, prompt_rows: list[dict[str, Any]], workers: int = 2) -> None:
        self.rows = {r["prompt_id"]: r for r in prompt_rows}
        self.problems = {pid: problem_from_prompt(r) for pid, r in self.rows.items()}
        self.sandbox = LocalSandbox()
        self.pool = ThreadPoolExecutor(workers)
        self.workers = workers

    def score(self, prompt_id: str, completion: str) -> Score:
        row = self.rows[prompt_id]
        problem = self.problems[prompt_id]
        ex = extract(row["lang"], completion, problem)
        if ex.code is None:
            return Score(0.0, 0.0, "format_error")
        v = execute(problem, row["lang"], ex.code, self.sandbox)
        if v.status == SANDBOX_ERROR:
            raise SandboxError(f"reward for {prompt_id}: sandbox error: {v.stderr_tail[-500:]}")
        return Score(1.0 if v.status == PASSED else 0.0, v.tests_passed / max(1, v.tests_total), v.status)

    def score_many(self, prompt_ids: list[str], completions: list[str]) -> list[Score]:
        return list(self.pool.map(self.score, prompt_ids, completions))

    async def __call__(self, prompts: list[Any], completions: list[Any], completion_ids: list[Any] | None = None,
                       **columns: Any) -> list[float | None]:
        """TRL's reward-function signature; async, so TRL runs it beside other reward functions."""
        texts = [c if isinstance(c, str) else c[-1]["content"] for c in completions]
        loop = asyncio.get_running_loop()
        scores = await asyncio.gather(*(loop.run_in_executor(self.pool, self.score, pid, text)
                                        for pid, text in zip(columns["prompt_id"], texts)))
        log_metric = columns.get("log_metric")
        if log_metric is not None and scores:
            log_metric("tests_fraction", sum(s.tests_fraction for s in scores) / len(scores))
        return [s.reward for s in scores]

    def close(self) -> None:
        self.pool.shutdown(wait=True)
        self.sandbox.close()
