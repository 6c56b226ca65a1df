"""Stdio problems: whole programs judged on their output (irgroups/stdio.py), the neutral rows,
inputs from a declared grammar, the bundled stdio problems and their references, and a build."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from irgroups import references
from irgroups.amplify.grammar import generate, stdio_inputs
from irgroups.amplify.inputs import amplify_inputs
from irgroups.amplify.oracle import answer_inputs
from irgroups.errors import ProblemError
from irgroups.generate.extract import extract
from irgroups.problems import sources
from irgroups.problems.model import STDIO, Problem
from irgroups.prompts import translation_prompt
from irgroups.stdio import outputs_match, tokens_equal
from irgroups.verifier import Item, Verifier

ROOT = Path(__file__).resolve().parents[1]
SUM = {"problem_id": "t/sum", "kind": "stdio", "source_code": "n=int(input())\nprint(sum(map(int,input().split())))\n",
       "tests": [{"stdin": "3\n1 2 3\n", "expected_stdout": "6\n"}, {"stdin": "1\n-5\n", "expected_stdout": "-5\n"}],
       "input_spec": [{"line": [{"int": [1, 5], "as": "n"}]}, {"line": [{"ints": ["n", -9, 9]}]}]}


def test_token_comparison() -> None:
    assert outputs_match("1 2\n3\n", "1  2 3")
    assert outputs_match("0.333333\n", "0.3333333333")
    assert outputs_match("1e6\n", "1000000.0000001")
    assert not outputs_match("12345678901234567\n", "12345678901234568")  # integers exactly
    assert not outputs_match("1 2\n", "1 2 3")
    assert not outputs_match("YES\n", "yes\n")
    assert not tokens_equal("nan", "nan0") and not tokens_equal("inf", "1e999")
    assert not tokens_equal("1_0", "10")  # only plain decimal and exponent notation are numbers
    assert outputs_match("a\nb\n", "a\r\nb\r\n", "exact")
    assert not outputs_match("a b\n", "a  b\n", "exact")


def test_stdio_rows_round_trip_and_hash_the_comparison() -> None:
    p = Problem.from_row(SUM)
    assert p.kind == STDIO and p.entry_point == "main" and p.tests[0].args == ("3\n1 2 3\n",)
    row = p.to_row()
    assert json.loads(row["tests"])[0] == {"stdin": "3\n1 2 3\n", "expected_stdout": "6\n"}
    assert Problem.from_row(row) == p
    exact = Problem.from_row({**SUM, "compare": "exact"})
    assert exact.tests_hash != p.tests_hash
    with pytest.raises(ProblemError, match="compare"):
        Problem.from_row({**SUM, "compare": "fuzzy"})
    with pytest.raises(ProblemError, match="kind"):
        Problem.from_row({**SUM, "kind": "repl"})


def test_inputs_follow_the_grammar() -> None:
    p = Problem.from_row(SUM)
    inputs = stdio_inputs(p, 20, seed=1)
    assert inputs == stdio_inputs(p, 20, seed=1) and len(set(inputs)) == len(inputs) == 20
    for (text,) in inputs:
        first, second = text.splitlines()
        assert 1 <= int(first) <= 5 and len(second.split()) == int(first)
        assert all(-9 <= int(x) <= 9 for x in second.split())
    assert amplify_inputs(p, 5, 0) == [tuple(x) for x in stdio_inputs(p, 5, 0)]
    grid = [{"line": [{"int": [2, 3], "as": "r"}, {"int": [1, 4], "as": "c"}]},
            {"repeat": "r", "items": [{"line": [{"word": ["c", "c"], "alphabet": ".#"}]}]}]
    lines = generate(grid, random.Random(0)).splitlines()
    r, c = map(int, lines[0].split())
    assert len(lines) == r + 1 and all(len(row) == c and set(row) <= {".", "#"} for row in lines[1:])
    with pytest.raises(ProblemError, match="input_spec"):
        stdio_inputs(Problem.from_row({**SUM, "input_spec": [{"line": [{"int": [1, "m"]}]}]}), 3)


def test_expected_outputs_come_from_the_source_run_in_the_sandbox() -> None:
    p = Problem.from_row(SUM)
    inputs = stdio_inputs(p, 6, seed=2)
    with Verifier("local", ["python"], workers=2) as verifier:
        [(tests, dropped)] = answer_inputs([(p, inputs)], verifier)
    assert sum(dropped.values()) == 0 and len(tests) == 6
    for t in tests:
        nums = t.args[0].splitlines()[1].split()
        assert t.expected == f"{sum(map(int, nums))}\n"


def test_prompt_and_extraction_of_a_whole_program() -> None:
    p = Problem.from_row(SUM)
    prompt = translation_prompt(p, "rust")
    assert "standard input" in prompt and "```python" in prompt and "must define this function" not in prompt
    answer = ("Here it is:\n```rust\nuse std::io::Read;\nfn total(xs: &[i64]) -> i64 { xs.iter().sum() }\n"
              "fn main() {\n    let mut s = String::new();\n    std::io::stdin().read_to_string(&mut s).unwrap();\n"
              "    let v: Vec<i64> = s.split_whitespace().skip(1).map(|x| x.parse().unwrap()).collect();\n"
              "    println!(\"{}\", total(&v));\n}\n```\n")
    ex = extract("rust", answer, p)
    assert ex.ok and "fn total" in (ex.code or "") and "use std::io::Read" in (ex.code or "")
    with Verifier("local", ["rust"], workers=1) as verifier:
        assert verifier.verify_all([Item(p, "rust", ex.code or "")])[0].status == "passed"
    assert extract("python", "```python\nprint(int(input()) * 2)\n```", p).code == "print(int(input()) * 2)\n"
    assert not extract("rust", "no code here", p).ok


@pytest.mark.parametrize("lang", ["python", "rust", "go", "csharp", "cpp"])
def test_bundled_stdio_references_pass_their_tests_and_amplified_ones(lang: str) -> None:
    problems = sources.load("stdio").problems
    assert len(problems) >= 20 and all(p.kind == STDIO and p.input_spec for p in problems)
    with Verifier("local", ["python", lang], workers=2) as verifier:
        answered = answer_inputs([(p, amplify_inputs(p, 5, 0)) for p in problems], verifier)
        amplified = [Problem.from_row({**p.to_row(), "amplified_tests": [
            {"stdin": t.args[0], "expected_stdout": t.expected} for t in tests]}) for p, (tests, _) in
            zip(problems, answered)]
        assert sum(len(p.amplified) for p in amplified) >= 5 * len(problems) * 0.9
        items = [Item(p, lang, references.load(p, lang) or "") for p in amplified]
        verdicts = verifier.verify_all(items)
    failing = {i.problem.problem_id: (v.status, v.tests_passed, v.tests_total, v.stderr_tail[-200:])
               for i, v in zip(items, verdicts) if v.status != "passed"}
    assert failing == {}


def test_build_over_stdio_problems_and_every_label_confirmed(tmp_path: Path) -> None:
    out = tmp_path / "run"
    subprocess.run([sys.executable, "-m", "irgroups.cli", "build", "--source", "stdio", "--langs", "rust,go",
                    "--limit", "3", "--amplify", "4", "--mutants", "3", "--rewrites", "2", "--out", str(out),
                    "--no-progress", "--workers", "2"], check=True, capture_output=True, cwd=ROOT)
    groups = pl.read_parquet(out / "groups" / "*.parquet")
    assert groups.height == 6 and set(groups["lang"]) == {"rust", "go"}
    assert all("standard input" in p for p in groups["prompt"])
    problems = {p.problem_id: p for p in (Problem.from_row(r) for r in
                                          pl.read_parquet(out / "problems" / "*.parquet").to_dicts())}
    assert all(p.kind == STDIO and len(p.amplified) == 4 for p in problems.values())
    labels = pl.read_parquet(out / "labels" / "*.parquet")
    cands = pl.read_parquet(out / "candidates" / "*.parquet").select("candidate_id", "code")
    rows = labels.join(cands, on="candidate_id").to_dicts()
    with Verifier("local", ["rust", "go"], workers=2) as verifier:  # no cache: every program runs again
        verdicts = verifier.verify_all([Item(problems[r["problem_id"]], r["lang"], r["code"]) for r in rows])
    assert [v.status == "passed" for v in verdicts] == [r["equivalent"] for r in rows]
    prompts = pl.read_parquet(out / "prompts" / "*.parquet")
    assert set(prompts["kind"]) == {STDIO}
