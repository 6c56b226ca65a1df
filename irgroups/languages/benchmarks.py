"""Benchmark programs (MultiPL-E, HumanEval-X): what a language's `# ---- benchmarks` section makes.

A benchmark program is the whole program a harness compiles (prompt + completion + tests, each
with its own `main` or test functions), the one-program job that harness runs, and the harness's
own verdict rule. Languages that can build several such programs with one compiler call say so
with a `batch_key` (programs of one key may share a batch) and `Language.bench_batch`; the
generic loop that runs batches and pins a failed batch compile on the guilty programs is
`irgroups.evaluate.harness.run_programs`.
"""

from __future__ import annotations

from dataclasses import dataclass

from irgroups.sandbox import base as sb

MULTIPL_E, HUMANEVAL_X = "multipl-e", "humaneval-x"


class Unsupported(Exception):
    """The harness needs something this machine cannot have (an external crate): counted with
    its reason, never scored as a failure."""


@dataclass(frozen=True)
class BenchJudge:
    """A harness's own rule for a run that finished (no timeout, no sandbox error)."""

    exit_zero: bool = True  # pass needs exit code 0
    stdout_fail: tuple[str, ...] = ()  # any of these in the whole stdout fails it
    stderr_fail: tuple[str, ...] = ()  # any of these in the (kept) stderr fails it

    def passed(self, run: sb.StepResult) -> bool:
        if self.exit_zero and run.exit_code != 0:
            return False
        if any(m in run.full_stdout for m in self.stdout_fail):
            return False
        return not any(m in run.stderr for m in self.stderr_fail)


EXIT_ZERO = BenchJudge()


@dataclass(frozen=True)
class BenchProgram:
    """One benchmark program: its source, the job that runs it alone, and how its run is judged.

    `batch_key` is None for a program that must run alone (one compiler call, as the harness
    does); programs of one language and one key may be built together by `Language.bench_batch`."""

    lang: str
    source: str
    job: sb.Job
    judge: BenchJudge = EXIT_ZERO
    batch_key: str | None = None

