"""The RL reward and `irgroups train` on stdio problems (whole programs judged on their stdout):
the sandbox reward scores answers to rows of the RL prompt table made from stdio problems, and the
trainer runs a step over such a table, on CPU with the tiny model (tests/tinymodel.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("trl")

from tinymodel import build_tiny_model  # noqa: E402

from irgroups import languages, references  # noqa: E402
from irgroups.problems import sources  # noqa: E402
from irgroups.problems.model import STDIO, Problem  # noqa: E402
from irgroups.stages.prompts import make_prompts  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# one problem judged on tokens, one on the exact text
PROBLEM_IDS = ("stdio/sum_product_mod", "stdio/transpose_matrix")
# near misses: the tokens one sums absolute values (right wherever no number is negative); the exact
# one ends each line with a space (the same tokens, not the same text)
WRONG = {
    ("stdio/sum_product_mod", "python"): ("total += x", "total += abs(x)"),
    ("stdio/sum_product_mod", "cpp"): ("total += x;", "total += (x < 0 ? -x : x);"),
    ("stdio/transpose_matrix", "python"): ('print(" ".join(matrix[i][j] for i in range(r)))',
                                           'print(" ".join(matrix[i][j] for i in range(r)) + " ")'),
    ("stdio/transpose_matrix", "cpp"): ('cout << (i ? " " : "") << m[i][j];', 'cout << m[i][j] << " ";'),
}


def _problems() -> list[Problem]:
    by_id = {p.problem_id: p for p in sources.load("stdio").problems}
    return [by_id[pid] for pid in PROBLEM_IDS]


def _answer(lang: str, code: str) -> str:
    return f"Here is the program:\n```{lang}\n{code.strip()}\n```\n"


def _programs(problem: Problem, lang: str) -> tuple[str, str]:
    """(the bundled reference, a near miss of it)."""
    good = references.load(problem, lang)
    assert good, (problem.problem_id, lang)
    old, new = WRONG[(problem.problem_id, lang)]
    assert old in good, (problem.problem_id, lang)
    return good, good.replace(old, new)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("data") / "run"
    res = subprocess.run([sys.executable, "-m", "irgroups.cli", "build", "--source", "stdio", "--langs", "python",
                          "--limit", "2", "--amplify", "0", "--mutants", "1", "--rewrites", "0", "--out", str(out),
                          "--no-progress"], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert res.returncode == 0, res.stdout + res.stderr
    return out


# ---------------------------------------------------------------- the reward

def test_sandbox_reward_scores_answers_to_stdio_prompts() -> None:
    from irgroups.training.reward import SandboxReward, problem_from_prompt

    problems = _problems()
    rows = make_prompts(problems, [languages.get("python"), languages.get("cpp")])
    assert len(rows) == 4 and {r["kind"] for r in rows} == {STDIO}
    assert {r["compare"] for r in rows} == {"tokens", "exact"}
    assert all("standard input" in r["prompt"] for r in rows)
    # the reward's problem is the row's: the same tests, the same comparison
    for row, problem in zip(rows, [p for p in problems for _ in range(2)]):
        again = problem_from_prompt(row)
        assert again.kind == STDIO and again.compare == problem.compare and again.tests == problem.tests
    reward = SandboxReward(rows, workers=2)
    try:
        ids, answers, wanted = [], [], []
        for row, problem in zip(rows, [p for p in problems for _ in range(2)]):
            good, bad = _programs(problem, row["lang"])
            ids += [row["prompt_id"]] * 3
            answers += [_answer(row["lang"], good), _answer(row["lang"], bad), "I would read the input and print it."]
            wanted.append(row)
        scores = reward.score_many(ids, answers)
        for k, row in enumerate(wanted):
            good, bad, prose = scores[3 * k:3 * k + 3]
            where = row["prompt_id"], good, bad, prose
            assert (good.reward, good.status, good.tests_fraction) == (1.0, "passed", 1.0), where
            assert (bad.reward, bad.status) == (0.0, "failed") and bad.tests_fraction < 1, where
            assert (prose.reward, prose.status, prose.tests_fraction) == (0.0, "format_error", 0.0), where
            if row["compare"] == "tokens":  # abs() is right on the tests without a negative number
                assert 0 < bad.tests_fraction < 1, where
            else:  # a trailing space on every line: no test passes the exact comparison
                assert bad.tests_fraction == 0, where
    finally:
        reward.close()


# ---------------------------------------------------------------- training

def _train_cmd(tiny: Path, data: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "irgroups.cli", "train", "--data", str(data), "--model", str(tiny), "--preset",
            "tiny", "--output", str(out), "--device", "cpu", "--no-progress", *extra]


def test_train_cli_runs_on_stdio_problems_with_the_sandbox_reward(tiny: Path, data: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    prompts = [r for f in sorted((data / "prompts").glob("part-*.parquet")) for r in pq.read_table(f).to_pylist()]
    assert prompts and {r["kind"] for r in prompts} == {STDIO}
    out = tmp_path / "out"
    res = subprocess.run(_train_cmd(tiny, data, out, "--max-steps", "1", "--workers", "1"), capture_output=True,
                         text=True, timeout=600, cwd=ROOT)
    assert res.returncode == 0, res.stdout + res.stderr
    lines = [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()]
    assert [x["step"] for x in lines] == [1]
    # the sandbox reward scored the rollouts (a random tiny model writes no code: format_error, 0)
    assert "rewards/sandbox_reward/mean" in lines[0] and "tests_fraction" in lines[0], lines[0]
    assert "gepo/loss" in lines[0]  # the stdio groups of the build trained too


def test_one_step_through_the_trainer_rewards_a_right_program_and_not_a_wrong_one(tiny: Path, data: Path,
                                                                                   tmp_path: Path) -> None:
    """The sandbox reward on TRL's own call path: a random model writes no program, so the two
    samples of the step's prompt are replaced by the reference and a near miss before scoring."""
    from irgroups.training.config import make_config
    from irgroups.training.data import load_prompts
    from irgroups.training.reward import SandboxReward
    from irgroups.training.run import train

    by_id = {p.problem_id: p for p in sources.load("stdio").problems}
    rows = load_prompts(data)
    # the reference, and the reference printing one token more
    answers = {r["prompt_id"]: [_answer(r["lang"], code) for code in (
        references.load(by_id[r["problem_id"]], r["lang"]) or "",
        (references.load(by_id[r["problem_id"]], r["lang"]) or "") + "\nprint(0)\n")] for r in rows}
    assert rows and all(r["lang"] == "python" for r in rows)
    seen: list[tuple[str, float, str]] = []

    class Replaced(SandboxReward):
        __name__ = "sandbox_reward"

        def score_many(self, prompt_ids: list[str], completions: list[str]) -> Any:
            texts = [answers[pid][k % 2] for k, pid in enumerate(prompt_ids)]
            scores = super().score_many(prompt_ids, texts)
            seen.extend((pid, s.reward, s.status) for pid, s in zip(prompt_ids, scores))
            return scores

    cfg = make_config("tiny", data=data, model=str(tiny), output=tmp_path / "out", device="cpu", max_steps=1,
                      rl_prompts_per_step=1, rl_samples=2, workers=1)
    reward = Replaced(rows, workers=1)
    train(cfg, progress=False, reward_funcs=[reward])
    scored = [(r, s) for _, r, s in seen]
    assert scored and len(scored) % 2 == 0, seen
    assert sorted(scored) == sorted([(1.0, "passed"), (0.0, "failed")] * (len(scored) // 2)), seen
    metrics = json.loads((tmp_path / "out" / "metrics.jsonl").read_text().splitlines()[0])
    assert metrics["rewards/sandbox_reward/mean"] == pytest.approx(0.5), metrics
    assert 0 < metrics["tests_fraction"] < 1, metrics
