"""Test doubles for the stage and executor tests: a sandbox that isolates nothing.

`FakeSandbox` runs a job's commands as plain subprocesses in a temporary directory (no
namespaces, no cgroups, only a wall-clock timeout), and counts what it ran. With python jobs
it needs no toolchain beyond the interpreter running the tests, so the stage and executor
tests exercise real test programs and real verdicts without bubblewrap or Docker. It is for
tests only: it would let a candidate do anything.
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
import time
from pathlib import Path

from irgroups.sandbox import base as sb


class FakeSandbox(sb.Sandbox):
    name = "fake"
    supports_runs = True

    def __init__(self) -> None:
        self.jobs = 0
        self.runs = 0
        self._lock = threading.Lock()

    def problems(self) -> list[str]:
        return []

    def run(self, job: sb.Job, slot: int = 0) -> sb.JobResult:
        with self._lock:
            self.jobs += 1
            self.runs += len(job.runs) or 1
        with tempfile.TemporaryDirectory(prefix="fake-sandbox-") as tmp:
            for name, text in job.files.items():
                path = Path(tmp) / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text)
            compiled = None
            if job.compile_argv:
                compiled = self._step(job.compile_argv, tmp, "", job.compile_seconds or job.limits.compile_seconds,
                                      job.limits)
                if compiled.status != sb.OK:
                    return sb.JobResult(compiled, None, self.name)
            if job.runs:
                steps = [self._step([a.replace("{job}", tmp) for a in argv], tmp, stdin, job.limits.run_seconds,
                                    job.limits) for argv, stdin in job.runs]
                return sb.JobResult(compiled, None, self.name, steps)
            argv = [a.replace("{job}", tmp) for a in job.run_argv]
            return sb.JobResult(compiled, self._step(argv, tmp, job.stdin, job.limits.run_seconds, job.limits),
                                self.name)

    @staticmethod
    def _step(argv: list[str], cwd: str, stdin: str, seconds: float, limits: sb.Limits) -> sb.StepResult:
        start = time.perf_counter()
        try:
            p = subprocess.run(argv, cwd=cwd, input=stdin.encode(), capture_output=True, timeout=seconds)
        except subprocess.TimeoutExpired:
            return sb.StepResult(sb.TIMEOUT, None, time.perf_counter() - start)
        out, err = p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
        keep = limits.output_keep_bytes
        return sb.StepResult(sb.OK if p.returncode == 0 else sb.EXITED, p.returncode, time.perf_counter() - start,
                             out[:keep], err[-keep:], full_stdout=out)
