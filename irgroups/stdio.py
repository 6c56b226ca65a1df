"""Stdio problems on the trusted side: the job that builds a whole program once and runs it on
each test's stdin, and the verdict from comparing each run's stdout with the expected output.

Nothing the program can read holds an expected output: the sandbox gets the program and one
stdin per run; the comparison happens here. A run that hit a limit ends the program's lane (the
later inputs are not run: Job.stop_after_limit), and its tests count as not passed.

Comparison (`Problem.compare`):
- `tokens` (default, as APPS and CodeContests checkers do): the whitespace-separated tokens must
  match one for one; two integers must be equal; two other numbers (decimal or exponent notation)
  may differ by 1e-6, absolute or relative; anything else must be the same text.
- `exact`: the same text, after turning CRLF into LF.
"""

from __future__ import annotations

import math
import re
from typing import Any

from irgroups import languages
from irgroups.problems.model import Problem
from irgroups.results import ERROR, FAIL, MISSING, PASS
from irgroups.sandbox import base as sb

FLOAT_TOLERANCE = 1e-6
_INT = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def tokens_equal(expected: str, got: str) -> bool:
    if expected == got:
        return True
    if _INT.fullmatch(expected) and _INT.fullmatch(got):
        return int(expected) == int(got)
    if not (_NUMBER.fullmatch(expected) and _NUMBER.fullmatch(got)):
        return False
    x, y = float(expected), float(got)
    if not (math.isfinite(x) and math.isfinite(y)):
        return False
    diff = abs(x - y)
    return diff <= FLOAT_TOLERANCE or diff <= FLOAT_TOLERANCE * max(abs(x), abs(y))


def outputs_match(expected: str, got: str, compare: str = "tokens") -> bool:
    if compare == "exact":
        return expected.replace("\r\n", "\n") == got.replace("\r\n", "\n")
    want, have = expected.split(), got.split()
    return len(want) == len(have) and all(tokens_equal(a, b) for a, b in zip(want, have))


def stdins(problem: Problem) -> list[str]:
    """The stdin of each test, original then amplified."""
    return [str(t.args[0]) for t in problem.all_tests]


def make_job(problem: Problem, lang_name: str, code: str, limits: sb.Limits) -> sb.Job:
    """Build `code` once; run it once per test (original, then amplified) with that test's stdin."""
    program = languages.get(lang_name).stdio_program(code)
    argv = tuple(program.run_argv)
    return sb.Job(lang=languages.get(lang_name).name, files=program.files, run_argv=list(argv),
                  compile_argv=program.compile_argv, limits=limits,
                  runs=tuple((argv, stdin) for stdin in stdins(problem)), stop_after_limit=True)


def judge(result: sb.JobResult, problem: Problem) -> tuple[str, list[str], dict[str, Any]]:
    """(status, per-test outcomes, run figures) of a built stdio program's runs."""
    tests = problem.all_tests
    runs = list(result.runs)
    if len(runs) != len(tests) and result.run is not None and len(tests) == 1:
        runs = [result.run]  # one test: the backend ran it as the job's single run
    outcomes: list[str] = []
    worst = ""
    for k, t in enumerate(tests):
        step = runs[k] if k < len(runs) else None
        if step is None or step.status == sb.SKIPPED:
            outcomes.append(MISSING)
            continue
        if step.status in (sb.SANDBOX_ERROR, sb.MEMORY, sb.TIMEOUT):
            worst = worst or step.status
            outcomes.append(MISSING)
        elif step.status != sb.OK:
            outcomes.append(ERROR)
        else:
            outcomes.append(PASS if outputs_match(str(t.expected), step.full_stdout or step.stdout, problem.compare)
                            else FAIL)
    steps = [s for s in runs if s is not None and s.status != sb.SKIPPED]
    if any(s.status == sb.SANDBOX_ERROR for s in steps) or len(runs) < len(tests) and not worst:
        status = "sandbox_error"
    elif worst == sb.MEMORY:
        status = "memory_limit"
    elif worst == sb.TIMEOUT:
        status = "timeout"
    elif ERROR in outcomes:
        status = "runtime_error"
    elif outcomes.count(PASS) == len(tests):
        status = "passed"
    else:
        status = "failed"
    cpu = [s.cpu_seconds for s in steps if s.cpu_seconds is not None]
    peak = [s.peak_memory_mb for s in steps if s.peak_memory_mb is not None]
    failing = next((s for s, o in zip(runs, outcomes) if o != PASS and s is not None), None)
    figures = {"run_seconds": round(sum(s.seconds for s in steps), 4),
               "cpu_seconds": round(sum(cpu), 4) if cpu else None,
               "peak_memory_mb": max(peak) if peak else None,
               "stderr_tail": (failing.stderr if failing is not None else "")[-2000:]}
    return status, outcomes, figures
