"""Run one candidate on its problem's tests and turn what happened into a verdict.

Verdict statuses: passed, failed, compile_error, runtime_error, timeout,
memory_limit, sandbox_error. Only reports carrying this run's secret token
count; a test with no report is `missing` and fails.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from typing import Any

from irgroups import languages
from irgroups.problems.model import Problem
from irgroups.sandbox import base as sb
from irgroups.sandbox.toolchains import resolve

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


def make_job(problem: Problem, lang_name: str, code: str, limits: sb.Limits, token: str) -> sb.Job:
    lang = languages.get(lang_name)
    return sb.Job(
        lang=lang.name,
        files=lang.test_program(problem, code),
        run_argv=lang.run_argv("{job}"),
        compile_argv=lang.compile_argv(),
        stdin=token + "\n",
        limits=limits,
    )


def execute(problem: Problem, lang_name: str, code: str, sandbox: sb.Sandbox,
            limits: sb.Limits | None = None, slot: int = 0) -> Verdict:
    token = secrets.token_hex(16)
    lang = languages.get(lang_name)
    try:
        toolchain = resolve(lang).version
    except Exception as e:  # noqa: BLE001 - reported, never a label
        return Verdict(SANDBOX_ERROR, 0, len(problem.tests), stderr_tail=str(e), backend=sandbox.name)
    try:
        job = make_job(problem, lang.name, code, limits or sb.Limits(), token)
    except Exception as e:  # noqa: BLE001 - a test program we cannot render is our bug, not the code's
        return Verdict(SANDBOX_ERROR, 0, len(problem.tests), stderr_tail=f"rendering failed: {e}",
                       backend=sandbox.name, toolchain=toolchain)
    result = sandbox.run(job, slot=slot)
    v = judge(result, token, len(problem.tests))
    v.toolchain = toolchain
    return v


def judge(result: sb.JobResult, token: str, n_tests: int) -> Verdict:
    c, r = result.compile, result.run
    compile_s = c.seconds if c else 0.0
    base: dict[str, Any] = {"tests_total": n_tests, "compile_seconds": compile_s, "backend": result.backend}
    if c is not None and c.status != sb.OK:
        status = SANDBOX_ERROR if c.status == sb.SANDBOX_ERROR else COMPILE_ERROR
        tail = c.stderr or c.stdout
        if c.status == sb.TIMEOUT:
            tail = "compilation timed out\n" + tail
        elif c.status == sb.MEMORY:
            tail = "compilation ran out of memory\n" + tail
        return Verdict(status, 0, test_outcomes=["missing"] * n_tests, stderr_tail=tail[-2000:], **base)
    assert r is not None
    outcomes, done = parse_reports(r.full_stdout, token, n_tests)
    passed = outcomes.count("pass")
    if r.status == sb.SANDBOX_ERROR:
        status = SANDBOX_ERROR
    elif r.status == sb.MEMORY:
        status = MEMORY_LIMIT
    elif r.status == sb.TIMEOUT:
        status = TIMEOUT
    elif not done or r.status != sb.OK:
        status = RUNTIME_ERROR
    elif passed == n_tests:
        status = PASSED
    elif "error" in outcomes:
        status = RUNTIME_ERROR
    else:
        status = FAILED
    return Verdict(status, passed, test_outcomes=outcomes, run_seconds=r.seconds,
                   stderr_tail=r.stderr[-2000:], **base)


def parse_reports(stdout: str, token: str, n_tests: int) -> tuple[list[str], bool]:
    """Per-test outcomes from lines `<token> <i> <pass|fail|error>`; and whether `done` came."""
    outcomes = ["missing"] * n_tests
    done = False
    pattern = re.compile(rf"^{re.escape(token)} (?:(\d+) (pass|fail|error)|(done))$", re.M)
    for m in pattern.finditer(stdout):
        if m.group(3):
            done = True
            continue
        i = int(m.group(1))
        if 0 <= i < n_tests and outcomes[i] == "missing":
            outcomes[i] = m.group(2)
    return outcomes, done
