"""`hf:` problem sources (irgroups/problems/hub.py), tested offline: each converter reads a few
rows in its dataset's own column layout (tests/data/hub/*.jsonl), loaded through `datasets` as
the Hub's files are, with `load_dataset` routed to the fixture file."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import datasets
import pytest

from irgroups.errors import DataError
from irgroups.execute import execute
from irgroups.problems import hub, humaneval, sources
from irgroups.problems.model import FUNCTION, STDIO, Problem, Skipped
from irgroups.sandbox.local import LocalSandbox

HUB = Path(__file__).parent / "data" / "hub"
FIXTURES = {  # (dataset, config, split) as the spec asks for them -> the fixture holding such rows
    ("openai_humaneval", None, "test"): "openai_humaneval.jsonl",
    ("mbpp", "full", "test"): "mbpp_full.jsonl",
    ("mbpp", "sanitized", "test"): "mbpp_sanitized.jsonl",
    ("evalplus/humanevalplus", None, "test"): "evalplus_humanevalplus.jsonl",
    ("evalplus/mbppplus", None, "test"): "evalplus_mbppplus.jsonl",
    ("codeparrot/apps", None, "test"): "apps_test.jsonl",
    ("deepmind/code_contests", None, "test"): "code_contests_test.jsonl",
    ("PrimeIntellect/verifiable-coding-problems", None, "train"): "verifiable_coding_problems.jsonl",
    ("PrimeIntellect/SYNTHETIC-1", None, "train"): "synthetic1.jsonl",
}


def fixture_loader(path: str, name: str | None = None, split: str | None = None, **kw: Any) -> Any:
    """Stands in for `datasets.load_dataset`: the same code path, a local file."""
    if path == "json":  # a repo's data files read directly (hf://datasets/<id>/<split>.jsonl)
        return datasets.load_dataset("json", data_files=kw["data_files"], split=split)
    key = (path, name, split)
    if key not in FIXTURES:
        raise FileNotFoundError(f"no fixture for {key}")
    return datasets.load_dataset("json", data_files=str(HUB / FIXTURES[key]), split="train")


def convert(spec: str) -> tuple[dict[str, Problem], dict[str, str], dict[str, dict[str, Any]]]:
    """problems, skip reasons and stdio dicts, each by problem id."""
    items = hub.load(spec, load_dataset=fixture_loader)
    problems = {i.problem_id: i for i in items if isinstance(i, Problem)}
    skipped = {i.problem_id: i.reason for i in items if isinstance(i, Skipped)}
    stdio = {i["problem_id"]: i for i in items if isinstance(i, dict)}
    assert len(problems) + len(skipped) + len(stdio) == len(items)
    return problems, skipped, stdio


def sig(p: Problem) -> str:
    return f"({', '.join(f'{x.name}: {x.type}' for x in p.signature.params)}) -> {p.signature.returns}"


# ---------------------------------------------------------------- specs


@pytest.mark.parametrize(("spec", "parsed"), [
    ("hf:openai_humaneval", ("openai_humaneval", None, None)),
    ("hf:mbpp:sanitized@test", ("mbpp", "sanitized", "test")),
    ("hf:evalplus/humanevalplus", ("evalplus/humanevalplus", None, None)),
    ("hf:codeparrot/apps@test[:100]", ("codeparrot/apps", None, "test[:100]")),
    ("hf:deepmind/code_contests@valid", ("deepmind/code_contests", None, "valid")),
])
def test_specs_parse(spec: str, parsed: tuple[str, str | None, str | None]) -> None:
    s = hub.parse_spec(spec)
    assert (s.dataset, s.config, s.split) == parsed


@pytest.mark.parametrize("spec", ["hf:", "hf:mbpp:", "hf:mbpp@", "hf:a:b:c", "hf:mbpp sanitized"])
def test_malformed_spec_is_refused_with_the_spec_named(spec: str) -> None:
    with pytest.raises(DataError) as e:
        sources.load(spec, load_dataset=fixture_loader)
    assert repr(spec) in str(e.value)
    assert "hf:<dataset>[:<config>][@<split>]" in str(e.value)


def test_unknown_dataset_config_and_unloadable_dataset_say_what_is_wrong() -> None:
    with pytest.raises(DataError, match="no converter for the dataset 'someone/else'.*known: openai_humaneval"):
        sources.load("hf:someone/else", load_dataset=fixture_loader)
    with pytest.raises(DataError, match="mbpp has no config 'tiny' \\(configs: full, sanitized\\)"):
        sources.load("hf:mbpp:tiny", load_dataset=fixture_loader)
    with pytest.raises(DataError, match="'hf:mbpp@validation'.*could not load 'mbpp'.*FileNotFoundError"):
        sources.load("hf:mbpp@validation", load_dataset=fixture_loader)


def test_rows_of_another_layout_are_refused_not_skipped_one_by_one() -> None:
    def wrong(path: str, name: str | None = None, split: str | None = None, **kw: Any) -> Any:
        return fixture_loader("mbpp", "full", "test")  # MBPP rows where HumanEval+ is asked for

    with pytest.raises(DataError, match="rows lack prompt, canonical_solution, entry_point, test of the humanevalplus layout"):
        hub.load("hf:evalplus/humanevalplus", load_dataset=wrong)


# ---------------------------------------------------------------- HumanEval


def test_openai_humaneval_gives_the_humaneval_sources_problems() -> None:
    via_hub = sources.load("hf:openai_humaneval", load_dataset=fixture_loader)  # the whole sources.load path
    ids = [json.loads(line)["task_id"] for line in (HUB / "openai_humaneval.jsonl").read_text().splitlines()]
    wheel = {i.problem_id: i for i in humaneval.convert_all() if i.problem_id in ids}
    assert [p.problem_id for p in via_hub.problems] == ["HumanEval/0", "HumanEval/12", "HumanEval/53"]
    for p in via_hub.problems:
        assert dataclasses.replace(p, origin={}) == dataclasses.replace(wheel[p.problem_id], origin={})
        assert p.origin == {"dataset": "openai_humaneval", "license": "MIT", "restrictions": ""}
    assert {s.problem_id: s.reason for s in via_hub.skipped} == {
        pid: s.reason for pid, s in wheel.items() if isinstance(s, Skipped)}
    assert set(ids) == {p.problem_id for p in via_hub.problems} | {s.problem_id for s in via_hub.skipped}


# ---------------------------------------------------------------- MBPP


def test_mbpp_full_asserts_become_tests() -> None:
    problems, skipped, stdio = convert("hf:mbpp")  # config full, split test by default
    assert {pid: (sig(p), len(p.tests)) for pid, p in problems.items()} == {
        "Mbpp/1": ("(cost: list[list[int]], m: int, n: int) -> int", 3),
        "Mbpp/2": ("(test_tup1: tuple[int,int,int,int], test_tup2: tuple[int,int,int,int]) -> tuple[int,int]", 3),
        "Mbpp/11": ("(s: str, ch: str) -> str", 5),  # 3 tests + 2 challenge tests
    }
    assert skipped == {"Mbpp/901": "no function the solution defines (sum_list) is called by every test",
                       "Mbpp/902": "canonical solution fails its own check ()"}
    assert not stdio
    p = problems["Mbpp/1"]
    assert p.source_code.startswith("# Write a function to find the minimum cost path")
    assert "\r" not in p.source_code and p.entry_point == "min_cost"
    assert p.tests[0].to_json() == {"args": [[[1, 2, 3], [4, 8, 2], [1, 5, 3]], 2, 2], "expected": 8}
    assert p.origin == {"dataset": "mbpp:full", "license": "CC-BY-4.0", "restrictions": ""}


def test_mbpp_sanitized_skips_asserts_that_are_not_result_equals_value() -> None:
    problems, skipped, _ = convert("hf:mbpp:sanitized@test")
    assert {pid: (sig(p), len(p.tests)) for pid, p in problems.items()} == {
        "Mbpp/3": ("(n: int) -> bool", 4), "Mbpp/4": ("(nums: list[int], n: int) -> list[int]", 3)}
    # set(f(x)) == set(y) and math.isclose(f(x), y): the result is not compared as a value
    assert skipped == {"Mbpp/2": "candidate result used other than as 'equals a value' (line 5)",
                       "Mbpp/82": "candidate result used other than as 'equals a value' (line 5)"}
    assert problems["Mbpp/3"].origin["dataset"] == "mbpp:sanitized"


def test_converted_mbpp_rows_run_as_a_neutral_schema_file(tmp_path: Path, sandbox: LocalSandbox) -> None:
    """The converted rows written as a --source JSONL load back the same and pass in the sandbox
    (python is the source language: its reference is the source itself)."""
    problems, _, _ = convert("hf:mbpp")
    path = tmp_path / "mbpp.jsonl"
    path.write_text("".join(json.dumps({**p.to_row(), "origin": p.origin}) + "\n" for p in problems.values()))
    loaded = sources.load(str(path))
    assert [p.problem_id for p in loaded.problems] == list(problems)
    for p in loaded.problems:
        assert p.tests == problems[p.problem_id].tests
        v = execute(p, "python", p.source_code, sandbox)
        assert (v.status, v.tests_passed) == ("passed", len(p.tests)), v.stderr_tail


# ---------------------------------------------------------------- EvalPlus


def test_humanevalplus_keeps_its_plus_tests() -> None:
    problems, skipped, _ = convert("hf:evalplus/humanevalplus")
    assert {pid: (sig(p), len(p.tests)) for pid, p in problems.items()} == {
        "HumanEval/0": ("(numbers: list[float], threshold: float) -> bool", 10),  # 7 base + 3 plus
        "HumanEval/2": ("(number: float) -> float", 5),
        # 7 base + fibfib(57); fibfib(False), fibfib(True) (bools for an int) and fibfib(98) (beyond 64 bits) dropped
        "HumanEval/63": ("(n: int) -> int", 8),
    }
    assert skipped == {"HumanEval/32": hub.NOT_LOOP}  # checks |poly(x)| <= 1e-4, not a stored result
    assert problems["HumanEval/0"].tests[-1].to_json() == {"args": [[3.0, 1.5, 2.25, -7.0], 0.75], "expected": False}
    assert problems["HumanEval/0"].origin == {"dataset": "evalplus/humanevalplus", "license": "Apache-2.0",
                                              "restrictions": ""}
    # more tests than HumanEval's own for the same problem
    base = {i.problem_id: i for i in humaneval.convert_all() if i.problem_id == "HumanEval/0"}["HumanEval/0"]
    assert isinstance(base, Problem) and len(problems["HumanEval/0"].tests) > len(base.tests)


def test_mbppplus_reads_its_inputs_results_loop() -> None:
    problems, skipped, _ = convert("hf:evalplus/mbppplus")
    assert {pid: (sig(p), len(p.tests)) for pid, p in problems.items()} == {
        "Mbpp/2": ("(test_tup1: list[int], test_tup2: list[int]) -> list[int]", 6),  # tuples of any length
        "Mbpp/3": ("(n: int) -> bool", 6),  # is_not_prime(True) dropped
        "Mbpp/597": ("(n: int) -> int", 3),  # 2**63 and 2**70 do not fit in 64 bits
    }
    assert skipped == {
        "Mbpp/598": "the reference solution disagrees with test 2: it returns 9, the dataset expects 10",
        "Mbpp/599": "depends on Python's int/float distinction: format_number(2.0,) gives '2.0', tests expect '2'",
    }


# ---------------------------------------------------------------- APPS, CodeContests, SYNTHETIC-1


def test_apps_stdio_and_call_based_rows() -> None:
    problems, skipped, stdio = convert("hf:codeparrot/apps")
    assert {pid: (sig(p), len(p.tests)) for pid, p in problems.items()} == {
        "apps/test/2": ("(n: int) -> int", 5),
        "apps/test/3": ("(nums: list[int], target: int) -> list[int]", 3),  # LeetCode's class Solution
    }
    # the first solution (n % 9) answers 0 for 9: the second is the source
    assert "n < 10" in problems["apps/test/2"].source_code
    assert problems["apps/test/2"].tests[-1].to_json() == {"args": [9], "expected": 9}  # [9] unwrapped
    two_sum = problems["apps/test/3"].source_code
    assert two_sum.startswith("from typing import *") and "return Solution().twoSum(nums, target)" in two_sum
    assert skipped == {"apps/test/4": "no tests (input_output is empty)", "apps/test/5": "mixed types int and str",
                       "apps/test/6": "no reference solution"}
    assert stdio["apps/test/0"] == {
        "problem_id": "apps/test/0", "kind": "stdio", "source_lang": "python",
        "source_code": "a, b = map(int, input().split())\nprint(a + b)\n",
        "description": stdio["apps/test/0"]["description"],
        "tests": [{"stdin": "1 2\n", "expected_stdout": "3\n"}, {"stdin": "-5 5\n", "expected_stdout": "0\n"},
                  {"stdin": "1000000000 1000000000\n", "expected_stdout": "2000000000\n"}],
        "compare": "tokens", "origin": {"dataset": "codeparrot/apps", "license": "MIT", "restrictions": ""}}
    assert stdio["apps/test/0"]["description"].startswith("You are given two integers")
    assert stdio["apps/test/1"]["tests"][0] == {"stdin": "3\n1 7 2\n", "expected_stdout": "7\n"}  # lists of lines


def test_apps_loading_script_falls_back_to_the_repos_files() -> None:
    """datasets >= 4 refuses codeparrot/apps's apps.py; its test.jsonl is read instead, the
    config selecting rows by difficulty."""
    asked: list[Any] = []

    def scripted(path: str, name: str | None = None, split: str | None = None, **kw: Any) -> Any:
        asked.append((path, name, split, kw.get("data_files")))
        if path == "codeparrot/apps":
            raise RuntimeError("Dataset scripts are no longer supported, but found apps.py")
        assert kw["data_files"] == "hf://datasets/codeparrot/apps/test.jsonl"
        return datasets.load_dataset("json", data_files=str(HUB / "apps_test.jsonl"), split=split)

    items = hub.load("hf:codeparrot/apps:interview@test", load_dataset=scripted)
    assert asked[0] == ("codeparrot/apps", "interview", "test", None)
    assert sorted(i.problem_id if not isinstance(i, dict) else i["problem_id"] for i in items) == [
        "apps/test/1", "apps/test/3"]  # the interview rows
    assert {i.origin["dataset"] for i in items if isinstance(i, Problem)} == {"codeparrot/apps:interview"}
    first_two = hub.load("hf:codeparrot/apps@test[:2]", load_dataset=scripted)  # a slice of the file's rows
    assert [i["problem_id"] for i in first_two if isinstance(i, dict)] == ["apps/test/0", "apps/test/1"]


def test_code_contests_rows_become_stdio_problems() -> None:
    problems, skipped, stdio = convert("hf:deepmind/code_contests")
    assert not problems
    square = stdio["code_contests/1_A. Theatre Square"]
    assert square["source_lang"] == "python" and "print(((n + a - 1) // a)" in square["source_code"]  # PYTHON3 first
    assert [t["stdin"] for t in square["tests"]] == [  # public, private, generated; the repeated one once
        "6 6 4\n", "1 1 1\n", "1000000000 1000000000 1\n", "2 1 1\n"]
    assert stdio["code_contests/4_A. Watermelon"]["source_lang"] == "cpp"  # no Python 3 solution
    assert square["origin"]["license"] == "CC-BY-4.0"
    assert "must not be shown to a model" in square["origin"]["restrictions"]
    assert skipped == {
        "code_contests/p02547 AtCoder Beginner Contest - Doublets":
            "no Python 3 or C++ solution (solutions.language 3 or 2)",  # Java and Python 2 only
        "code_contests/120_A. Elevator": "reads or writes named files, not stdin and stdout",
        "code_contests/999_Z. No Tests": "no tests",
    }


def test_synthetic1_code_rows() -> None:
    problems, skipped, stdio = convert("hf:PrimeIntellect/verifiable-coding-problems")
    assert {pid: (sig(p), len(p.tests)) for pid, p in problems.items()} == {
        "synthetic1/vfc_1002": ("(cardPoints: list[int], k: int) -> int", 3)}  # function_call tests
    assert problems["synthetic1/vfc_1002"].origin["restrictions"] == \
        "a problem taken from leetcode; that dataset's own terms apply too"
    assert {pid: (d["source_lang"], len(d["tests"])) for pid, d in stdio.items()} == {
        "synthetic1/vfc_1001": ("python", 2), "synthetic1/vfc_1003": ("cpp", 1)}
    assert stdio["synthetic1/vfc_1001"]["source_code"] == "a, b = map(int, input().split())\nprint(a * b)\n"
    assert skipped == {"synthetic1/vfc_1004": "source language 'javascript' has no irgroups language module"}


def test_synthetic1_response_rows_take_a_verified_response() -> None:
    """SYNTHETIC-1 holds one row per model response: a problem converts from the first response
    its verifier scored 1; non-code tasks and problems with no verified response are skipped."""
    problems, skipped, stdio = convert("hf:PrimeIntellect/SYNTHETIC-1")
    assert not problems
    assert list(stdio) == ["synthetic1/vfc_2000"]
    assert "print(n * n)" in stdio["synthetic1/vfc_2000"]["source_code"]  # r2 (score 1), not r1 (score 0)
    assert stdio["synthetic1/vfc_2000"]["origin"]["license"] == "Apache-2.0"
    assert skipped == {
        "synthetic1/numina_1": "task_type 'verifiable_math' is not a code task (verifiable_code)",
        "synthetic1/vfc_3000": "no reference solution (no gold_standard_solution, no response verified with score 1)",
    }


def test_stdio_rows_become_stdio_problems() -> None:
    ps = sources.load("hf:codeparrot/apps", load_dataset=fixture_loader)
    by_id = {p.problem_id: p for p in ps.problems}
    assert {"apps/test/0", "apps/test/1"} <= set(by_id)
    for pid in ("apps/test/0", "apps/test/1"):
        assert by_id[pid].kind == STDIO and by_id[pid].tests and by_id[pid].compare == "tokens"
    assert {"apps/test/2", "apps/test/3"} <= set(by_id)
    assert by_id["apps/test/2"].kind == FUNCTION


# ---------------------------------------------------------------- the reference runs in a child process


def test_a_hanging_crashing_or_malformed_row_costs_its_problem_only() -> None:
    ctx = hub.Context(hub.family_of("codeparrot/apps"), "codeparrot/apps", None, "test", timeout=3)
    hang = {"problem_id": 7, "question": "", "solutions": json.dumps(["def f(x):\n    while True:\n        pass\n"]),
            "input_output": json.dumps({"fn_name": "f", "inputs": [[1]], "outputs": [1]})}
    leave = {**hang, "problem_id": 8, "solutions": json.dumps(["import sys\nsys.exit(3)\ndef f(x):\n    return x\n"])}
    odd = {**hang, "problem_id": 9, "input_output": json.dumps([[1], [1]])}  # a list where an object belongs
    items = hub.convert_rows([hang, leave, odd], ctx)
    assert items == [Skipped("apps/test/7", "the reference solution ran over 3 s on 1 tests"),
                     Skipped("apps/test/8", "the reference solution does not load (SystemExit: 3)"),
                     Skipped("apps/test/9", "malformed row (AttributeError: 'list' object has no attribute 'get')")]


# ---------------------------------------------------------------- origin restrictions in the model


def test_origin_restrictions_survive_a_neutral_schema_row_and_older_rows_stay_as_they_were() -> None:
    row = {"problem_id": "x/1", "source_code": "def f(a):\n    return a\n", "entry_point": "f",
           "signature": {"params": [{"name": "a", "type": "int"}], "returns": "int"},
           "tests": [{"args": [1], "expected": 1}]}
    assert Problem.from_row({**row, "origin": {"dataset": "d", "license": "MIT"}}).origin == {
        "dataset": "d", "license": "MIT"}
    kept = Problem.from_row({**row, "origin": {"dataset": "d", "license": "CC-BY-4.0", "restrictions": "eval only"}})
    assert kept.origin == {"dataset": "d", "license": "CC-BY-4.0", "restrictions": "eval only"}
    flat = Problem.from_row({**row, "origin_dataset": "d", "origin_license": "MIT", "origin_restrictions": "r"})
    assert flat.origin["restrictions"] == "r"
