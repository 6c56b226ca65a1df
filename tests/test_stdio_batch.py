"""Whole stdio programs share one compiler call and keep the verdicts they get alone.

Each language builds several stdio programs into one binary (`Language.stdio_batch`) that runs
program k's own main on each of its tests' stdin. A program that hits a limit stops its own later
runs only (Job.programs); a program that could tell it is not alone (it reads its command line)
runs alone."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from irgroups import references
from irgroups.batch import execute_batch
from irgroups.execute import execute
from irgroups.problems import sources
from irgroups.problems.model import Problem
from irgroups.sandbox.base import Job, JobResult, Limits
from irgroups.sandbox.local import LocalSandbox

LIMITS = Limits(run_seconds=1.0)

# statements put at the start of main, each breaking the program in its own way
BREAK = {
    "rust": {"compile_error": 'let irg: i32 = "s";', "runtime_error": 'panic!("irg");', "timeout": "loop {}",
             "wrong": 'println!("irg"); return;', "reads_its_command_line": "let _ = std::env::args().count();"},
    "go": {"compile_error": 'var irg int = "s"; _ = irg', "runtime_error": 'panic("irg")', "timeout": "for {}",
           "wrong": 'println("irg"); return', "reads_its_command_line": "_ = len(os.Args)"},
    "csharp": {"compile_error": 'int irg = "s";', "runtime_error": 'throw new System.Exception("irg");',
               "timeout": "while (true) {}", "wrong": 'System.Console.WriteLine("irg"); return;',
               "reads_its_command_line": "var irg = System.Environment.GetCommandLineArgs();"},
}


class CountingSandbox(LocalSandbox):
    """The local sandbox, counting its jobs (a batch compile is one)."""

    def __init__(self) -> None:
        super().__init__()
        self.jobs = 0

    def run(self, job: Job, slot: int = 0) -> JobResult:
        self.jobs += 1
        return super().run(job, slot)


def _at_main(code: str, statement: str) -> str:
    start = code.index("main(") if "main(" in code else code.index("Main(")
    brace = code.index("{", start)
    return code[:brace + 1] + " " + statement + "\n" + code[brace + 1:]


def _programs(lang: str, n: int) -> list[tuple[Problem, str]]:
    problems = sources.load("stdio").problems
    return [(p, code) for p in problems if (code := references.load(p, lang))][:n]


@pytest.mark.parametrize("lang", sorted(BREAK))
def test_stdio_batch_verdicts_equal_one_at_a_time(lang: str) -> None:
    plain = _programs(lang, 8)
    items = [(p, lang, code) for p, code in plain[:3]]
    for (p, code), (kind, statement) in zip(plain[3:], BREAK[lang].items()):
        if kind == "reads_its_command_line" and lang == "go" and '"os"' not in code:
            code = code.replace("import (", 'import (\n\t"os"', 1) if "import (" in code else \
                code.replace("package main", 'package main\n\nimport "os"', 1)
        items.append((p, lang, _at_main(code, statement)))
    box = CountingSandbox()
    try:
        batched = execute_batch(items, box, LIMITS)
        with ThreadPoolExecutor(2) as pool:
            alone = list(pool.map(lambda it: execute(it[0], it[1], it[2], box, LIMITS), items))
    finally:
        box.close()
    got = [(v.status, v.test_outcomes) for v in batched]
    assert got == [(v.status, v.test_outcomes) for v in alone], [v.stderr_tail[-200:] for v in batched]
    assert [v.status for v in batched] == ["passed"] * 3 + ["compile_error", "runtime_error", "timeout", "failed",
                                                            "passed"]
    # a batch compile that names the broken program, one that builds the other six, and the one that
    # reads its command line alone; then 8 programs alone
    assert box.jobs == 3 + len(items), box.jobs
    # the endless program stopped its own lane only: each lane ran it until its first limit
    assert sum(o == "missing" for o in batched[5].test_outcomes) == len(batched[5].test_outcomes)


def test_the_stdio_batch_is_one_compiler_call_with_every_run_its_own() -> None:
    """Six correct programs of three problems: one job, and each program ran every test."""
    plain = _programs("rust", 3)
    items = [(p, "rust", code) for p, code in plain] * 2
    box = CountingSandbox()
    try:
        verdicts = execute_batch(items, box, LIMITS)
    finally:
        box.close()
    assert box.jobs == 1
    assert [v.status for v in verdicts] == ["passed"] * 6
    assert [v.tests_passed for v in verdicts] == [len(p.all_tests) for p, _, _ in items]
