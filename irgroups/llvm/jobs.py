"""Sandbox jobs of the LLVM stage: emit a candidate's IR at every level, and run IRs.

Both run as jobs of the front end whose toolchain ships the libLLVM every IR step uses
(toolchain.LLVMTools.host: rustc's, so the sandbox binds its sysroot; clang++ and cc come
from /usr).

- emission: the candidate alone (see frontends.py) compiled to IR at each level; the
  IR texts come back on the compile step's stdout between marker lines.
- execution: compile once, run many. The compile step builds the harness once,
  compiles each IR to an object with libLLVM (capi.py, inside the sandbox) and links
  one program per IR; each program then runs on the tests, and its outputs are judged
  outside the sandbox.
  An IR that does not compile or link is reported as such, never as a test failure.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import subprocess
from dataclasses import dataclass, field

from irgroups import languages
from irgroups.execute import PASSED, Verdict, judge
from irgroups.llvm.frontends import FRONTENDS, Unit, link_argv
from irgroups.llvm.toolchain import CAPI, LEVELS, find
from irgroups.problems.model import Problem
from irgroups.sandbox import base as sb

_IR_MARK = re.compile(r"^@@irg-ir (\S+) (ok|fail)$", re.M)
_LINK_MARK = re.compile(r"^irg-link (\d+) (ok|fail)$", re.M)
_COMPILE_MARK = re.compile(r"^irg-compile ir_(\d+)\.ll (ok|fail) (.*)$", re.M)


def emit_job(unit: Unit, limits: sb.Limits) -> sb.Job:
    lines = ["set -u"]
    for lvl in LEVELS:
        argv = unit.emit_argv[lvl]
        lines.append(f"if {shlex.join(argv)} >/dev/null 2>{lvl}.err; then printf '\\n@@irg-ir {lvl} ok\\n'; "
                     f"cat {lvl}.ll; else printf '\\n@@irg-ir {lvl} fail\\n'; tail -c 1500 {lvl}.err; fi")
    lines.append("exit 0")
    files = dict(unit.files)
    files["emit.sh"] = "\n".join(lines) + "\n"
    return sb.Job(lang=find().host, files=files, compile_argv=["sh", "emit.sh"], run_argv=["true"], limits=limits,
                  compile_seconds=limits.compile_seconds * 3)


def parse_emission(result: sb.JobResult) -> tuple[dict[str, str], dict[str, str]]:
    """(level -> raw IR, level -> error) from an emission job."""
    c = result.compile
    if c is None or c.status != sb.OK:
        why = (c.status + ": " + (c.stderr or c.stdout)[-500:]) if c else "no compile step"
        return {}, {lvl: why for lvl in LEVELS}
    text = c.full_stdout
    marks = list(_IR_MARK.finditer(text))
    irs: dict[str, str] = {}
    errors: dict[str, str] = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = text[m.end():end].strip("\n")
        if m.group(2) == "ok":
            irs[m.group(1)] = body + "\n"
        else:
            errors[m.group(1)] = body[-800:]
    for lvl in LEVELS:
        if lvl not in irs and lvl not in errors:
            errors[lvl] = "no output (cut off?)"
    return irs, errors


@dataclass
class IRRun:
    """What happened to one IR: built (compiled + linked) or not, and its verdict."""

    built: bool
    verdict: Verdict | None
    error: str = ""
    flaky: bool = False  # run more than once, and the runs did not agree on passing

    @property
    def passed(self) -> bool:
        return self.built and not self.flaky and self.verdict is not None and self.verdict.status == PASSED

    @property
    def failed(self) -> bool:
        """Built, and every run failed at least one test."""
        return self.built and not self.flaky and self.verdict is not None and self.verdict.status != PASSED


@dataclass
class ExecJob:
    job: sb.Job
    order: list[int] = field(default_factory=list)  # run -> IR index
    n_irs: int = 0


def lib_in_sandbox(lib: str) -> str:
    """`lib` as the job's shell finds it in any sandbox: under the host toolchain's sysroot, asked
    for inside the sandbox (a Docker image holds the toolchain elsewhere than the host), where it
    ships there; else its host path."""
    host = languages.get(find().host) if find().host else None
    cmd = host.toolchain.sysroot_cmd if host is not None else ()
    root = _host_sysroot(cmd)
    if not root or not lib.startswith(root.rstrip("/") + "/"):
        return shlex.quote(lib)
    return '"$(' + shlex.join(cmd) + ')"/' + shlex.quote(os.path.relpath(lib, root))


@functools.cache
def _host_sysroot(cmd: tuple[str, ...]) -> str:
    if not cmd:
        return ""
    try:
        out = subprocess.run(list(cmd), capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def exec_job(problem: Problem, lang: str, irs: list[str], lib: str, limits: sb.Limits,
             repeats: list[int] | None = None) -> ExecJob:
    """`repeats[k]`: how many times IR k runs (a mutant whose verdict changes between runs,
    e.g. through hashing seeded at random, is flaky and must not be kept)."""
    fe = FRONTENDS[lang]
    files, build = fe.harness(problem)
    files = dict(files)
    files["capi.py"] = CAPI.read_text()
    pairs: list[str] = []
    for k, ir in enumerate(irs):
        files[f"ir_{k}.ll"] = ir
        pairs += [f"ir_{k}.o", f"ir_{k}.ll"]
    lines = [
        "set -u",
        f"if ! {shlex.join(build)} >harness.out 2>&1; then echo irg-harness fail; tail -c 3000 harness.out; exit 1; fi",
        "python3 capi.py --lib " + lib_in_sandbox(lib) + " " + shlex.join(["compile", *pairs]),
    ]
    for k in range(len(irs)):
        link = shlex.join(link_argv(lang, f"ir_{k}.o", f"prog_{k}"))
        lines.append(f"if [ -f ir_{k}.o ] && {link} >link_{k}.err 2>&1; then echo 'irg-link {k} ok'; "
                     f"else echo 'irg-link {k} fail'; tail -c 600 link_{k}.err; "
                     f"printf '#!/bin/sh\\nexit 3\\n' > prog_{k}; chmod +x prog_{k}; fi")
    lines.append("exit 0")
    files["build.sh"] = "\n".join(lines) + "\n"
    order = [k for k in range(len(irs)) for _ in range((repeats or [1] * len(irs))[k])]
    runs = tuple(((f"{{job}}/prog_{k}",), "") for k in order)
    job = sb.Job(lang=find().host, files=files, run_argv=["true"], compile_argv=["sh", "build.sh"], limits=limits,
                 runs=runs, compile_seconds=limits.compile_seconds + 2.0 * len(irs))
    return ExecJob(job, order, len(irs))


def parse_exec(ej: ExecJob, result: sb.JobResult, problem: Problem) -> list[IRRun]:
    n = ej.n_irs
    c = result.compile
    if c is None or c.status != sb.OK:
        why = (c.status + ": " + (c.stderr or c.stdout)[-1500:]) if c else "no compile step"
        return [IRRun(False, None, "harness: " + why) for _ in range(n)]
    out = c.full_stdout
    linked = {int(m.group(1)): m.group(2) == "ok" for m in _LINK_MARK.finditer(out)}
    compile_err = {int(m.group(1)): m.group(3) for m in _COMPILE_MARK.finditer(out) if m.group(2) == "fail"}
    verdicts: dict[int, list[Verdict]] = {}
    for j, k in enumerate(ej.order):
        step = result.runs[j] if j < len(result.runs) else None
        if step is None or not linked.get(k, False):
            continue
        verdicts.setdefault(k, []).append(judge(sb.JobResult(None, step, result.backend), problem))
    runs: list[IRRun] = []
    for k in range(n):
        if not linked.get(k, False):
            runs.append(IRRun(False, None, compile_err.get(k, "link failed")))
        elif k not in verdicts:
            runs.append(IRRun(False, None, "no run"))
        else:
            vs = verdicts[k]
            passes = {v.status == PASSED for v in vs}
            runs.append(IRRun(True, vs[0], flaky=len(passes) > 1))
    return runs
