"""Compile once, run many: several candidates of one language per compiler call.

A batch is built by the language (`Language.batch_program`) and compiled once; each
candidate then runs as its own process with its own token, limits and timeout, so a
hostile candidate cannot touch another's verdict. When the batch does not compile,
the compiler's messages name the files of the guilty candidates (each candidate lives
in its own module, package or namespace, so an error in its files is its own): those
are compile errors, with the compiler's lines about their files, and the rest is
built again. Compilers report errors phase by phase (mcs: syntax, then types), so this
can take a few rounds; each round is one compiler call. If the compiler names no file
the rest goes one at a time. Verdicts agree with one-at-a-time execution
(tests/test_batch.py, benchmarks/throughput.py).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import replace

from irgroups import code as codemod
from irgroups import languages
from irgroups.execute import COMPILE_ERROR, SANDBOX_ERROR, Verdict, execute, judge
from irgroups.problems.model import Problem
from irgroups.sandbox import base as sb
from irgroups.sandbox.toolchains import resolve


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
    return Verdict(COMPILE_ERROR, 0, len(problem.tests), ["missing"] * len(problem.tests),
                   stderr_tail=f"syntax error near line {line} (tree-sitter prefilter; compiler not called)")


def execute_batch(items: list[tuple[Problem, str, str]], sandbox: sb.Sandbox, limits: sb.Limits,
                  slot: int = 0) -> list[Verdict]:
    """Verdicts for (problem, lang, code) items, all of the same language."""
    if not items:
        return []
    lang = languages.get(items[0][1])
    if len(items) == 1 or not sandbox.supports_runs:
        return [execute(p, lg, c, sandbox, limits, slot=slot) for p, lg, c in items]
    try:
        toolchain = resolve(lang).version
    except Exception as e:  # noqa: BLE001 - infrastructure, reported per item
        return [Verdict(SANDBOX_ERROR, 0, len(p.tests), stderr_tail=str(e), backend=sandbox.name) for p, _, _ in items]
    verdicts: dict[int, Verdict] = {}
    todo = list(range(len(items)))
    while len(todo) > 1:
        program = lang.batch_program([(k, items[k][0], items[k][2]) for k in todo])
        if program is None:
            break
        tokens = [secrets.token_hex(16) for _ in todo]
        job = sb.Job(lang=lang.name, files=program.files, run_argv=[], compile_argv=program.compile_argv,
                     limits=limits, runs=tuple((tuple(argv), tok + "\n") for argv, tok in zip(program.run_argvs, tokens)),
                     compile_seconds=limits.compile_seconds + 2.0 * len(todo))
        result = sandbox.run(job, slot=slot)
        compiled = result.compile is None or result.compile.status == sb.OK
        if compiled and len(result.runs) == len(todo):
            share = (result.compile.seconds if result.compile else 0.0) / len(todo)
            for pos, k in enumerate(todo):
                single = sb.JobResult(replace(result.compile, seconds=share) if result.compile else None,
                                      result.runs[pos], result.backend)
                v = judge(single, result.runs[pos].token or tokens[pos], len(items[k][0].tests))
                v.toolchain = toolchain
                verdicts[k] = v
            todo = []
            break
        if result.compile is not None and result.compile.status == sb.SANDBOX_ERROR:
            break  # infrastructure: let the one-at-a-time path report it per item
        output = (result.compile.stderr + "\n" + result.compile.stdout) if result.compile else ""
        blamed: dict[int, list[str]] = {}  # label (the item's index) -> the compiler's lines
        pattern = re.compile(program.blame)
        in_batch = set(todo)
        for line in output.splitlines():
            for m in pattern.finditer(line):
                if int(m.group(1)) in in_batch:
                    blamed.setdefault(int(m.group(1)), []).append(line)
        if not blamed:
            break  # the compiler did not say whose fault it was: the rest goes one at a time
        share = result.compile.seconds / len(todo) if result.compile else 0.0
        for k, lines in blamed.items():
            n = len(items[k][0].tests)
            verdicts[k] = Verdict(COMPILE_ERROR, 0, n, ["missing"] * n, compile_seconds=share,
                                  stderr_tail="\n".join(lines)[-2000:], backend=result.backend,
                                  toolchain=toolchain)
        todo = [k for k in todo if k not in blamed]
    for k in todo:
        p, lg, c = items[k]
        verdicts[k] = execute(p, lg, c, sandbox, limits, slot=slot)
    return [verdicts[k] for k in range(len(items))]
