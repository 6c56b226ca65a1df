"""Amplified tests in the real sandbox: expected values from the source program, and the guard
of verified references against inputs outside a problem's domain."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from irgroups import types as T
from irgroups.amplify import oracle
from irgroups.amplify.guard import UNREPORTED, disagrees, guard
from irgroups.amplify.stage import amplify_problems
from irgroups.cache import VerdictCache
from irgroups.code import candidate_id
from irgroups.execute import execute
from irgroups.problems.model import Param, Problem, Signature
from irgroups.problems.model import TestCase as Case
from irgroups.sandbox.base import Limits
from irgroups.sandbox.local import LocalSandbox
from irgroups.verifier import Verifier

LIMITS = Limits(run_seconds=2.0)

SOURCE = """\
import random


def quirky(n: int) -> int:
    if n == 2:
        raise ValueError("two")
    if n == 5:
        while True:
            pass
    if n == 9:
        return random.randrange(1 << 30)
    if n == 11:
        return 1 << 70
    return n * 10
"""

QUIRKY = Problem("t/quirky", "python", SOURCE, "quirky", Signature((Param("n", T.INT),), T.INT),
                 (Case((1,), 10),))


def test_the_source_answers_and_every_dropped_input_has_its_reason(sandbox: LocalSandbox) -> None:
    inputs = [(n,) for n in (3, 2, 4, 5, 6, 9, 7, 11, 8)]
    [(tests, dropped)] = oracle.answer_inputs([(QUIRKY, inputs)], Verifier(sandbox, limits=LIMITS, workers=2))
    assert [(t.args[0], t.expected) for t in tests] == [(3, 30), (4, 40), (6, 60), (7, 70), (8, 80)]
    assert dropped == Counter({oracle.RAISED: 1, oracle.NO_ANSWER: 1, oracle.UNSTABLE: 1, oracle.NOT_TYPED: 1})


MOD = Problem("t/mod3", "python", "def mod3(n: int) -> int:\n    return n % 3\n", "mod3",
              Signature((Param("n", T.INT),), T.INT), (Case((4,), 1), Case((9,), 0)))
# `%` of a negative number differs between Python and Rust; n == 7 loops in this reference
RUST_MOD = "fn mod3(n: i64) -> i64 {\n    if n == 7 { loop {} }\n    n % 3\n}\n"


def test_inputs_a_reference_fails_are_dropped_and_its_final_verdict_cached(sandbox: LocalSandbox, tmp_path) -> None:
    amplified = tuple(Case((n,), n % 3) for n in (5, -4, 7, 8, -2, 10))
    problem = replace(MOD, amplified=amplified)
    refs = {("t/mod3", "rust"): RUST_MOD}
    cache = VerdictCache(tmp_path / "verdicts.sqlite")
    try:
        [kept], [dropped] = guard([problem], ["rust", "go"], Verifier(sandbox, limits=LIMITS, workers=2, cache=cache),
                                  reference=lambda p, lang: refs.get((p.problem_id, lang)))
        assert [t.args[0] for t in kept.amplified] == [5, 8, 10]
        assert dropped == Counter({disagrees("rust"): 2, UNREPORTED: 1})
        # the reference's verdict on the final tests is the one the executions stage would compute
        cached = cache.get(cache.key_for(candidate_id("rust", RUST_MOD), kept, "rust", LIMITS))
        assert cached is not None and cached.status == "passed" and cached.tests_total == 5
    finally:
        cache.close()
    v = execute(kept, "rust", RUST_MOD, sandbox, LIMITS)
    assert v.status == "passed" and v.tests_passed == 5


@pytest.mark.parametrize("n", [0, 12])
def test_amplify_problems_on_a_bundled_problem(sandbox: LocalSandbox, n: int) -> None:
    from irgroups.problems import sources

    problem = next(p for p in sources.load("bundled").problems if p.problem_id == "irgroups/word_counts")
    [out], report = amplify_problems([problem], ["rust"], Verifier(sandbox, limits=LIMITS, workers=2), n, seed=0)
    assert len(out.amplified) == n and out.tests == problem.tests
    if n:
        assert report[problem.problem_id] == {"proposed": n, "kept": n, "dropped": {}}
        assert len({repr(t.args) for t in out.all_tests}) == len(out.all_tests)
