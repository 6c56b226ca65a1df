"""The HumanEval conversion: enough problems convert, and the conversion is right
(the canonical Python solutions pass every converted test, in the sandbox)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from irgroups.execute import execute
from irgroups.problems import humaneval as he
from irgroups.problems.sources import ProblemSet
from irgroups.sandbox.local import LocalSandbox


def test_at_least_155_of_164_convert_and_skips_have_reasons(humaneval: ProblemSet) -> None:
    assert len(humaneval.problems) + len(humaneval.skipped) == 164
    assert len(humaneval.problems) >= 155
    assert all(s.reason for s in humaneval.skipped)


def test_known_skips_have_the_right_reasons(humaneval: ProblemSet) -> None:
    reasons = {s.problem_id: s.reason for s in humaneval.skipped}
    assert "int/float" in reasons["HumanEval/151"]  # "." in str(x) tells 3 from 3.0
    assert "mixed types" in reasons["HumanEval/137"]  # Union[int, float, str]
    assert "candidate result" in reasons["HumanEval/32"]  # checks poly(x) == 0, not a value


def test_types_come_from_hints_and_values(humaneval_by_id) -> None:  # type: ignore[no-untyped-def]
    sig = humaneval_by_id["HumanEval/87"].signature.to_row()
    assert sig == {"params": [{"name": "lst", "type": "list[list[int]]"}, {"name": "x", "type": "int"}],
                   "returns": "list[tuple[int,int]]"}
    assert humaneval_by_id["HumanEval/12"].signature.returns.name == "optional"
    assert str(humaneval_by_id["HumanEval/148"].signature.returns) == "list[str]"  # tuples of any length


def test_random_tests_are_deterministic() -> None:
    row = he.load_rows()[53]
    assert he.convert(row).tests == he.convert(row).tests


def test_canonical_python_passes_every_converted_problem(humaneval: ProblemSet, sandbox: LocalSandbox) -> None:
    def run(p):  # type: ignore[no-untyped-def]
        return p.problem_id, execute(p, "python", p.source_code, sandbox)

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(run, humaneval.problems))
    failing = {pid: (v.status, v.stderr_tail[-300:]) for pid, v in results if v.status != "passed"}
    assert failing == {}
    assert len(results) == len(humaneval.problems)
