"""Compile once, run many, for both backends: the plan the supervisor (supervisor.py) runs, and
what its results mean.

The backend copies SUPERVISOR into the built job directory as SUPERVISOR_NAME with one plan per
lane (`plan_name(lane)`), starts `argv(...)` in the sandbox, and trusts the results file only
from a supervisor that ended by itself (exit 0): a program that killed it could have left a
results file of its own making. `decode` turns that file into one StepResult per run, with the
same status rules as a one-program step (supervisor.resource_kind)."""

from __future__ import annotations

import json
import signal
from dataclasses import dataclass
from pathlib import Path

from irgroups.sandbox.base import EXITED, MEMORY, OK, SKIPPED, Job, Limits, StepResult, program_of
from irgroups.sandbox.supervisor import EXTEND_MAX, resource_kind

SUPERVISOR = Path(__file__).with_name("supervisor.py")
SUPERVISOR_NAME = ".irgroups-supervisor.py"
PLAN_STEM = ".irgroups-plan-"


def plan_name(lane: int) -> str:
    return f"{PLAN_STEM}{lane}.json"


def plan(job: Job, pick: list[int], job_dir: str) -> str:
    """The plan of the runs `pick` of job.runs, with "{job}" as `job_dir` (where the sandbox sees the job)."""
    limits = job.limits
    return json.dumps({"keep_bytes": limits.file_size_mb * 1024 * 1024, "stop_after_limit": job.stop_after_limit,
                       "runs": [{"argv": [a.replace("{job}", job_dir) for a in job.runs[k][0]],
                                 "stdin": job.runs[k][1], "program": program_of(job, k), "seconds": limits.run_seconds,
                                 "wall_seconds": limits.run_wall_seconds} for k in pick]})


def argv(job_dir: str, lane: int, out_dir: str, memory_cgroup: str, cpu_cgroup: str) -> list[str]:
    """The supervisor's command: its results go to `out_dir`; the cgroup dirs ("" where not
    visible) are the ones it watches its programs by."""
    return ["python3", "-I", "-S", f"{job_dir}/{SUPERVISOR_NAME}", f"{job_dir}/{plan_name(lane)}", out_dir,
            memory_cgroup, cpu_cgroup]


def deadline(limits: Limits, n: int) -> float:
    """Wall seconds for a supervisor of `n` programs: each may take its longest wall clock (a
    memory hog's, see supervisor.watch)."""
    return n * (limits.run_wall_seconds * EXTEND_MAX + 0.5) + 5.0


@dataclass(frozen=True)
class HostView:
    """What the backend saw of the batch from outside the supervisor (the Docker backend: one
    container for the batch, whose cgroup the supervisor may not see)."""

    shell_codes: bool = False  # exit codes as a shell reports them (signal n: 128 + n)
    oom_unseen: bool = False  # an OOM kill in the batch the supervisor could not see: a SIGKILLed run is memory_limit
    pressed: bool = False  # the batch pressed against the memory limit: failed runs are run again alone


def decode(results: object, n: int, limits: Limits, host: HostView = HostView()) -> list[StepResult | None] | None:
    """One StepResult per run from the supervisor's results; None if they are not its results
    (then each run goes alone). A None entry is a run to repeat alone (see HostView.pressed)."""
    if not isinstance(results, list) or len(results) != n:
        return None
    keep = limits.output_keep_bytes
    out: list[StepResult | None] = []
    try:
        for r in results:
            if r.get("skipped"):
                out.append(StepResult(SKIPPED, None, 0.0))
                continue
            code = int(r["exit_code"])
            limit = r["limit"] if r["limit"] in ("cpu", "wall") else None
            oom = bool(r["oom"])
            cpu_s = None if r["cpu_seconds"] is None else float(r["cpu_seconds"])
            peak = None if r["peak_memory_mb"] is None else float(r["peak_memory_mb"])
            sigkilled = code == -signal.SIGKILL
            if host.shell_codes:
                if code < 0:
                    code = 128 - code  # as a shell reports a signal, like the one-exec path
                if limit and code == 0:
                    code = 128 + signal.SIGKILL  # reaped by the supervisor's sweep before its wait()
            if not oom and host.oom_unseen and sigkilled and not limit:
                oom = True  # SIGKILLed before its time while the batch saw an OOM kill
            kind = resource_kind(code, limit, oom, peak, limits.memory_mb)
            if kind != MEMORY and host.pressed and code != 0:
                out.append(None)  # failed near the memory limit: run it alone, as one-at-a-time would
                continue
            status = kind or (OK if code == 0 else EXITED)
            stdout, stderr = str(r["stdout"]), str(r["stderr"])
            out.append(StepResult(status, code, round(float(r["seconds"]), 4), stdout[:keep], stderr[-keep:],
                                  stdout, cpu_s, peak))
    except (KeyError, TypeError, ValueError):
        return None
    return out
