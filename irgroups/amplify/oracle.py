"""Expected values for proposed inputs, from the problem's source program run in the sandbox.

The source program is run through the same test program as any Python candidate: it
reports the value it returned for each input, and that value is read here. An input is
kept only if the source answered it within the limits, gave the same answer on a second
run, and the answer is a value of the declared return type (a 64-bit int, and so on).
Every other input is counted with its reason.

A run that dies on an input (an endless loop, a crash) reports nothing for that input and
the ones after it: the first of them is the culprit and is dropped; the rest are run again
without it, for up to ROUNDS rounds.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from typing import Any

from irgroups import languages
from irgroups import types as T
from irgroups.errors import SandboxError
from irgroups.problems.model import STDIO, Problem, TestCase
from irgroups.results import MISSING, decoded, reported
from irgroups.sandbox import base as sb
from irgroups.verifier import Item, Verifier

# sources that can be run as they are (their language says so: Language.runs_sources)
SOURCE_LANGS = tuple(lang.name for lang in languages.LANGUAGES.values() if lang.runs_sources)
ROUNDS = 3

NO_ANSWER = "source gave no answer (timeout or crash)"
RAISED = "source raised"
NOT_TYPED = "answer outside the declared types"
UNSTABLE = "source answered differently twice"
NOT_RUNNABLE = "source does not run"


def placeholder(t: T.Type) -> Any:
    """Some JSON value of type `t`: the expected value of a probe test, never compared."""
    return {"int": 0, "float": 0.0, "bool": False, "str": "", "list": [], "dict": {}, "optional": None}.get(
        t.name, [placeholder(a) for a in t.args])


def probe(problem: Problem, inputs: list[tuple[Any, ...]]) -> Problem:
    """`problem` with `inputs` as its only tests (expected values unknown, so placeholders)."""
    dummy = placeholder(problem.signature.returns)
    return replace(problem, tests=tuple(TestCase(tuple(a), dummy) for a in inputs), amplified=())


def answer_inputs(jobs: list[tuple[Problem, list[tuple[Any, ...]]]], verifier: Verifier,
                  ) -> list[tuple[list[TestCase], Counter[str]]]:
    """For each (problem, inputs): the inputs its source answered, as tests in the inputs' order,
    and how many of the others were dropped, by reason."""
    answers: list[dict[int, Any]] = [{} for _ in jobs]
    dropped: list[Counter[str]] = [Counter() for _ in jobs]
    pending = [list(range(len(inputs))) for _, inputs in jobs]
    for _ in range(ROUNDS):
        owners = [j for j in range(len(jobs)) if pending[j]]
        if not owners:
            break
        items = []
        for j in owners:
            problem, inputs = jobs[j]
            job = Item(probe(problem, [inputs[i] for i in pending[j]]), problem.source_lang, problem.source_code)
            items += [job, job]  # twice: an answer must not change between runs
        results = verifier.run(items)
        for pos, j in enumerate(owners):
            pending[j] = _read_round(jobs[j][0], pending[j], results[2 * pos:2 * pos + 2], answers[j], dropped[j])
    out = []
    for j, (_, inputs) in enumerate(jobs):
        dropped[j][NO_ANSWER] += len(pending[j])
        tests = [TestCase(tuple(inputs[i]), answers[j][i]) for i in sorted(answers[j])]
        out.append((tests, dropped[j]))
    return out


def _read_stdio_round(problem: Problem, pending: list[int], runs: list[sb.JobResult], answers: dict[int, Any],
                      dropped: Counter[str]) -> list[int]:
    """A stdio source ran once per input (twice over): its stdout is the expected output. An input
    after one that hit a limit was not run (stop_after_limit): it goes again next round."""
    for r in runs:
        if r.compile is not None and r.compile.status != sb.OK:
            if r.compile.status == sb.SANDBOX_ERROR:
                raise SandboxError(f"{problem.problem_id}: building the source program: {r.compile.stderr[-500:]}")
            dropped[NOT_RUNNABLE] += len(pending)
            return []
        if any(s.status == sb.SANDBOX_ERROR for s in r.runs):
            raise SandboxError(f"{problem.problem_id}: running the source program: "
                               f"{next(s for s in r.runs if s.status == sb.SANDBOX_ERROR).stderr[-500:]}")
    first, second = runs[0].runs, runs[1].runs
    again: list[int] = []
    for pos, i in enumerate(pending):
        a = first[pos] if pos < len(first) else None
        b = second[pos] if pos < len(second) else None
        if a is None or b is None or sb.SKIPPED in (a.status, b.status):
            again.append(i)
        elif sb.TIMEOUT in (a.status, b.status) or sb.MEMORY in (a.status, b.status):
            dropped[NO_ANSWER] += 1
        elif a.status != sb.OK or b.status != sb.OK:
            dropped[RAISED] += 1
        elif a.full_stdout != b.full_stdout:
            dropped[UNSTABLE] += 1
        else:
            answers[i] = a.full_stdout
    return again


def _read_round(problem: Problem, pending: list[int], runs: list[sb.JobResult], answers: dict[int, Any],
                dropped: Counter[str]) -> list[int]:
    """Record what two runs of the source answered for `pending`; the inputs to run again."""
    if problem.kind == STDIO:
        return _read_stdio_round(problem, pending, runs, answers, dropped)
    steps = []
    for r in runs:
        step = r.compile if r.compile is not None and r.compile.status != sb.OK else r.run
        assert step is not None
        if step.status == sb.SANDBOX_ERROR:
            raise SandboxError(f"{problem.problem_id}: running the source program: {step.stderr[-500:]}")
        if step is r.compile:
            dropped[NOT_RUNNABLE] += len(pending)
            return []
        steps.append(step)
    first, second = (reported(s.full_stdout, len(pending))[0] for s in steps)
    again: list[int] = []
    culprit_found = False
    returns = problem.signature.returns
    for pos, i in enumerate(pending):
        (kind1, text1), (kind2, text2) = first[pos], second[pos]
        if MISSING in (kind1, kind2):
            if culprit_found:
                again.append(i)
            else:
                culprit_found = True
                dropped[NO_ANSWER] += 1
        elif kind1 != kind2 or text1 != text2:
            dropped[UNSTABLE] += 1
        elif kind1 == "error":
            dropped[RAISED] += 1
        elif kind1 != "ok" or text1 is None:
            dropped[NOT_TYPED] += 1
        else:
            try:
                value = T.to_json(decoded(returns, text1))
                json.dumps(value, allow_nan=False)  # NaN and infinities: no translation could match them
            except ValueError:
                dropped[NOT_TYPED] += 1
            else:
                answers[i] = value
    return again

