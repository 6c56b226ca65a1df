"""Every convertible problem (HumanEval and the bundled ones) has a reference translation in each
of rust, go, csharp and cpp, and each one passes its problem's original tests and 20 amplified
tests (inputs generated from the signature, expected values from running the python source)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from irgroups import references
from irgroups.amplify.inputs import amplify_inputs
from irgroups.amplify.oracle import answer_inputs
from irgroups.problems import sources
from irgroups.problems.model import Problem
from irgroups.verifier import Item, Verifier

LANGS = ["rust", "go", "csharp", "cpp"]
AMPLIFIED = 20


@pytest.fixture(scope="module")
def problems() -> list[Problem]:
    return sources.load("humaneval,bundled").problems


@pytest.fixture(scope="module")
def amplified(problems: list[Problem]) -> list[Problem]:
    with Verifier("local", ["python"], workers=2) as verifier:
        jobs = [(p, amplify_inputs(p, AMPLIFIED, 0)) for p in problems]
        answered = answer_inputs(jobs, verifier)
    return [replace(p, amplified=tuple(tests)) for p, (tests, _) in zip(problems, answered)]


def test_every_problem_has_a_reference_in_every_language(problems: list[Problem]) -> None:
    missing = {(p.problem_id, lang) for p in problems for lang in LANGS if references.load(p, lang) is None}
    assert len(problems) >= 160 and missing == set()


@pytest.mark.parametrize("lang", LANGS)
def test_references_pass_original_and_amplified_tests(lang: str, amplified: list[Problem]) -> None:
    assert sum(len(p.amplified) for p in amplified) >= AMPLIFIED * len(amplified) * 0.9
    todo = [Item(p, lang, code) for p in amplified if (code := references.load(p, lang)) is not None]
    with Verifier("local", [lang], workers=2) as verifier:
        verdicts = verifier.verify_all(todo)
    failing = {item.problem.problem_id: (v.status, v.tests_passed, v.tests_total, v.stderr_tail[-300:])
               for item, v in zip(todo, verdicts) if v.status != "passed"}
    assert failing == {}
    # a reference near the run limit (5 CPU s by default) flips to timeout when the machine is busy,
    # and its rewrites and mutants with it: HumanEval/36's quadratic Go one took 3-5 s in the default
    # build (0.85 s here), and did flip. Each must leave nine tenths of the limit unused
    slow = {item.problem.problem_id: v.cpu_seconds for item, v in zip(todo, verdicts) if (v.cpu_seconds or 0.0) > 0.5}
    assert slow == {}


def test_every_reference_file_belongs_to_a_problem(problems: list[Problem]) -> None:
    everything = problems + sources.load("stdio").problems  # stdio ones: tests/test_stdio.py runs them
    ids = {references.reference_path(p.problem_id, lang) for p in everything for lang in LANGS}
    files = {f for lang in LANGS for f in (references.data_dir() / "references" / lang).glob("*")}
    assert files - ids == set()
