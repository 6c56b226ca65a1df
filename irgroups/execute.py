"""Run one candidate on its problem's tests and turn what happened into a verdict.

Verdict statuses: passed, failed, compile_error, runtime_error, timeout,
memory_limit, sandbox_error. The test program only reports the values the
candidate returned; they are compared with the expected values here, outside the
sandbox (irgroups/results.py), so nothing the candidate can read decides a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from irgroups import languages, stdio
from irgroups.languages.toolchains import resolve
from irgroups.problems.model import STDIO, Problem
from irgroups.results import ERROR, MISSING, PASS, judge_outputs
from irgroups.sandbox import base as sb

PASSED, FAILED = "passed", "failed"
COMPILE_ERROR, RUNTIME_ERROR = "compile_error", "runtime_error"
TIMEOUT, MEMORY_LIMIT, SANDBOX_ERROR = "timeout", "memory_limit", "sandbox_error"
FORMAT_ERROR = "format_error"  # no code could be extracted from a model's answer; nothing ran
STATUSES = (PASSED, FAILED, COMPILE_ERROR, RUNTIME_ERROR, TIMEOUT, MEMORY_LIMIT, FORMAT_ERROR, SANDBOX_ERROR)


@dataclass
class Verdict:
    status: str
    tests_passed: int
    tests_total: int
    test_outcomes: list[str] = field(default_factory=list)
    compile_seconds: float = 0.0
    run_seconds: float = 0.0
    stderr_tail: str = ""
    backend: str = ""
    toolchain: str = ""
    # what the test program used (None where the sandbox could not see it): CPU seconds of all its
    # threads and processes, and its memory high-water mark; what decides timeout vs memory_limit
    cpu_seconds: float | None = None
    peak_memory_mb: float | None = None


def make_job(problem: Problem, lang_name: str, code: str, limits: sb.Limits) -> sb.Job:
    if problem.kind == STDIO:
        return stdio.make_job(problem, lang_name, code, limits)
    lang = languages.get(lang_name)
    return sb.Job(
        lang=lang.name,
        files=lang.test_program(problem, code),
        run_argv=lang.run_argv("{job}"),
        compile_argv=lang.compile_argv(),
        limits=limits,
    )


def execute(problem: Problem, lang_name: str, code: str, sandbox: sb.Sandbox,
            limits: sb.Limits | None = None, slot: int = 0) -> Verdict:
    lang = languages.get(lang_name)
    n = len(problem.all_tests)
    try:
        toolchain = resolve(lang).version
    except Exception as e:  # noqa: BLE001 - reported, never a label
        return Verdict(SANDBOX_ERROR, 0, n, stderr_tail=str(e), backend=sandbox.name)
    try:
        job = make_job(problem, lang.name, code, limits or sb.Limits())
    except Exception as e:  # noqa: BLE001 - a test program we cannot render is our bug, not the code's
        return Verdict(SANDBOX_ERROR, 0, n, stderr_tail=f"rendering failed: {e}",
                       backend=sandbox.name, toolchain=toolchain)
    v = judge(sandbox.run(job, slot=slot), problem)
    v.toolchain = toolchain
    return v


def judge(result: sb.JobResult, problem: Problem) -> Verdict:
    """The verdict of one compile + run of `problem`'s test program (all its tests)."""
    tests = problem.all_tests
    n = len(tests)
    c, r = result.compile, result.run
    compile_s = c.seconds if c else 0.0
    base: dict[str, Any] = {"tests_total": n, "compile_seconds": compile_s, "backend": result.backend}
    if c is not None and c.status != sb.OK:
        status = SANDBOX_ERROR if c.status == sb.SANDBOX_ERROR else COMPILE_ERROR
        tail = c.stderr or c.stdout
        if c.status == sb.TIMEOUT:
            tail = "compilation timed out\n" + tail
        elif c.status == sb.MEMORY:
            tail = "compilation ran out of memory\n" + tail
        return Verdict(status, 0, test_outcomes=[MISSING] * n, stderr_tail=tail[-2000:], **base)
    if problem.kind == STDIO:
        status, outcomes, figures = stdio.judge(result, problem)
        return Verdict(status, outcomes.count(PASS), test_outcomes=outcomes, **figures, **base)
    assert r is not None
    outcomes, done = judge_outputs(r.full_stdout, problem.signature.returns, [t.expected for t in tests])
    passed = outcomes.count(PASS)
    if r.status == sb.SANDBOX_ERROR:
        status = SANDBOX_ERROR
    elif r.status == sb.MEMORY:
        status = MEMORY_LIMIT
    elif r.status == sb.TIMEOUT:
        status = TIMEOUT
    elif not done or r.status != sb.OK or MISSING in outcomes:
        status = RUNTIME_ERROR
    elif passed == n:
        status = PASSED
    elif ERROR in outcomes:
        status = RUNTIME_ERROR
    else:
        status = FAILED
    return Verdict(status, passed, test_outcomes=outcomes, run_seconds=r.seconds, stderr_tail=r.stderr[-2000:],
                   cpu_seconds=r.cpu_seconds, peak_memory_mb=r.peak_memory_mb, **base)
