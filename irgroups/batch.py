"""Compile once, run many: several candidates of one language per compiler call.

A batch is built by the language (`Language.batch_program` for function candidates,
`Language.stdio_batch` for whole stdio programs) and compiled once; each candidate then
runs as its own process (a stdio program once per test), with its own limits and timeout,
and its outputs are judged outside the sandbox, so a hostile candidate cannot touch
another's verdict. When the batch does not compile, the compiler's error lines name the
files of the guilty candidates (each candidate lives in its own module, package or
namespace, so an error located in its files is its own; notes pointing into other files
are not blame): those are compile errors, with the compiler's lines about their files,
and the rest is built again. Compilers report errors phase by phase (mcs: syntax, then types), so this
can take a few rounds; each round is one compiler call. If the compiler names no file
the rest goes one at a time. Verdicts agree with one-at-a-time execution
(tests/test_batch.py, benchmarks/throughput.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace

from irgroups import code as codemod
from irgroups import languages, stdio
from irgroups.execute import COMPILE_ERROR, SANDBOX_ERROR, Verdict, judge, make_job
from irgroups.languages.base import BatchProgram
from irgroups.languages.toolchains import resolve
from irgroups.problems.model import FUNCTION, STDIO, Problem
from irgroups.sandbox import base as sb


def prefilter(problem: Problem, lang: str, code: str) -> Verdict | None:
    """Code tree-sitter cannot parse is a compile error without calling the compiler.

    Sound here because every bundled reference and every correct answer of the
    extraction corpus (359 programs) parses without error, and tests/test_batch.py
    checks on corrupted programs that the compilers reject whatever tree-sitter rejects."""
    tree = codemod.parse(lang, code)
    if not tree.root_node.has_error:
        return None
    where = next((n for n in codemod.walk(tree.root_node) if n.type == "ERROR" or n.is_missing), tree.root_node)
    line = where.start_point[0] + 1
    n = len(problem.all_tests)
    return Verdict(COMPILE_ERROR, 0, n, ["missing"] * n,
                   stderr_tail=f"syntax error near line {line} (tree-sitter prefilter; compiler not called)")


def execute_batch(items: list[tuple[Problem, str, str]], sandbox: sb.Sandbox, limits: sb.Limits,
                  slot: int = 0) -> list[Verdict]:
    """Verdicts for (problem, lang, code) items, all of the same language."""
    if not items:
        return []
    try:
        toolchain = resolve(languages.get(items[0][1])).version
    except Exception as e:  # noqa: BLE001 - infrastructure, reported per item
        return [Verdict(SANDBOX_ERROR, 0, len(p.all_tests), stderr_tail=str(e), backend=sandbox.name)
                for p, _, _ in items]
    verdicts = []
    for (problem, _, _), result in zip(items, run_batch(items, sandbox, limits, slot)):
        v = judge(result, problem)
        v.toolchain = toolchain
        verdicts.append(v)
    return verdicts


def run_batch(items: list[tuple[Problem, str, str]], sandbox: sb.Sandbox, limits: sb.Limits,
              slot: int = 0) -> list[sb.JobResult]:
    """What compiling and running each item's test program gave, as if each ran alone.

    An item blamed for a batch's compile error gets a compile step holding the compiler's
    lines about its files."""
    def alone(k: int) -> sb.JobResult:
        problem, lang_name, code = items[k]
        try:
            job = make_job(problem, lang_name, code, limits)
        except Exception as e:  # noqa: BLE001 - a test program we cannot render is our bug, not the code's
            return sb.JobResult(sb.StepResult(sb.SANDBOX_ERROR, None, 0.0, stderr=f"rendering failed: {e}"),
                                None, sandbox.name)
        return sandbox.run(job, slot=slot)

    lang = languages.get(items[0][1]) if items else None
    if lang is None or len(items) == 1 or not sandbox.supports_runs:
        return [alone(k) for k in range(len(items))]
    results: dict[int, sb.JobResult] = {}
    # function candidates share a test program each; a stdio problem's whole program keeps its own
    # main, run once per test with that test's stdin (irgroups/stdio.py)
    functions = [k for k, (p, _, code) in enumerate(items) if p.kind == FUNCTION and lang.batchable(code)]
    programs = [k for k, (p, _, code) in enumerate(items) if p.kind == STDIO and lang.stdio_batchable(code)]

    def render(labels: list[int]) -> BatchProgram | None:
        try:
            if items[labels[0]][0].kind == STDIO:
                return lang.stdio_batch([(k, items[k][2]) for k in labels])
            return lang.batch_program([(k, items[k][0], items[k][2]) for k in labels])
        except Exception:  # noqa: BLE001 - an item we cannot render: one at a time says which
            return None

    def stdins(k: int) -> list[str] | None:
        problem = items[k][0]
        return stdio.stdins(problem) if problem.kind == STDIO else None

    for todo in (functions, programs):
        compile_together(lang.name, todo, render, sandbox, limits, slot, results, stdins)
    # the rest (not batchable, or left by compile_together) one at a time
    return [results[k] if k in results else alone(k) for k in range(len(items))]


def plan_batches(indices: list[int], workers: int, max_batch: int = 64) -> list[list[int]]:
    """Indices of one language cut into a multiple of `workers` batches of even size, none larger
    than `max_batch`: every worker stays busy and no small batch is left over (each batch pays a
    compiler start and a link)."""
    if not indices:
        return []
    count = workers * math.ceil(len(indices) / (workers * max_batch))
    size = max(1, math.ceil(len(indices) / count))
    return [indices[j:j + size] for j in range(0, len(indices), size)]


def compile_together(lang: str, todo: list[int], render: Callable[[list[int]], BatchProgram | None],
                     sandbox: sb.Sandbox, limits: sb.Limits, slot: int, results: dict[int, sb.JobResult],
                     stdins: Callable[[int], list[str] | None] = lambda k: None) -> list[int]:
    """Build the programs labelled `todo` with one compiler call and run each as its own process,
    filling `results[label]`: one run (its `run`) where `stdins(label)` is None, else one run per
    stdin (its `runs`);
    the labels left to build alone. Once a run hits a limit, that program's later runs are skipped
    (Job.stop_after_limit), never another program's.

    When the build fails, the labels whose files the compiler's lines name (`BatchProgram.blame`)
    get a compile step holding those lines, and the rest is built again (compilers report errors
    phase by phase, so this can take a few rounds, each one compiler call). A build that names
    nobody, times out, runs out of memory or meets the sandbox's trouble leaves the rest alone."""
    while len(todo) > 1:
        program = render(todo)
        if program is None:
            break
        given = [stdins(k) for k in todo]
        inputs = [ins if ins is not None else [""] for ins in given]
        runs = tuple((tuple(argv), stdin) for argv, ins in zip(program.run_argvs, inputs) for stdin in ins)
        job = sb.Job(lang=lang, files=program.files, run_argv=[], compile_argv=program.compile_argv,
                     limits=limits, runs=runs, stop_after_limit=True,
                     programs=tuple(pos for pos, ins in enumerate(inputs) for _ in ins),
                     compile_seconds=limits.compile_seconds + 2.0 * len(todo))
        result = sandbox.run(job, slot=slot)
        compiled = result.compile is None or result.compile.status == sb.OK
        share = (result.compile.seconds if result.compile else 0.0) / len(todo)
        if compiled and len(result.runs) == len(runs):
            start = 0
            for k, ins, stdin_given in zip(todo, inputs, given):
                compile_step = replace(result.compile, seconds=share) if result.compile else None
                mine = result.runs[start:start + len(ins)]
                start += len(ins)
                results[k] = (sb.JobResult(compile_step, None, result.backend, mine) if stdin_given is not None
                              else sb.JobResult(compile_step, mine[0], result.backend))
            return []
        if result.compile is None or result.compile.status != sb.EXITED:
            break  # a timeout, a memory limit, the sandbox: one at a time says whose it is
        blamed: dict[int, list[str]] = {}  # label -> the compiler's error lines about its files
        pattern = re.compile(program.blame)
        in_batch = set(todo)
        for line in (result.compile.stderr + "\n" + result.compile.stdout).splitlines():
            m = pattern.match(line)  # an error located in the item's files, never a note naming them
            if m is not None and int(m.group(1)) in in_batch:
                blamed.setdefault(int(m.group(1)), []).append(line)
        if not blamed:
            break  # the compiler did not say whose fault it was: the rest goes one at a time
        for k, lines in blamed.items():
            step = sb.StepResult(sb.EXITED, result.compile.exit_code, share, stderr="\n".join(lines)[-2000:])
            results[k] = sb.JobResult(step, None, result.backend)
        todo = [k for k in todo if k not in blamed]
    return todo
