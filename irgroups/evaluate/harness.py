"""Build the program each harness would build, run it in the sandbox, judge it their way.

MultiPL-E (nuprl/MultiPL-E, evaluation/src/eval_*.py): program = prompt + completion + "\\n" + tests.
HumanEval-X (THUDM/CodeGeeX, codegeex/benchmark/evaluate_humaneval_x.py + execution.py): per language,
the prompt, the completion and the test with the helper imports that harness adds.
How each language's program is compiled, run and judged is the language's own knowledge (the
`# ---- benchmarks` section of irgroups/languages/<lang>.py): its harness's commands and verdict
rule, and how several of its programs share one compiler call.

Compile once, run many: `run_programs` builds the programs of one language and one batch key with
one compiler call (`Language.bench_batch`) and runs each as its own process with its own limits.
When that compile fails, the compiler's lines name the files of the guilty programs: those are
compile errors, with those lines, and the rest is built again; if it names none, the rest runs one
at a time. A program gets the verdict it gets alone (tests/test_eval_batch.py,
benchmarks/batched_execute.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from irgroups import languages
from irgroups.batch import compile_together
from irgroups.evaluate import chat
from irgroups.evaluate.rows import HUMANEVAL_X, MULTIPL_E, BenchRow
from irgroups.languages.base import BatchProgram
from irgroups.languages.benchmarks import BenchProgram, Unsupported
from irgroups.sandbox import base as sb

UNSUPPORTED = "unsupported"  # the harness needs something this machine cannot have (an external crate)


@dataclass(frozen=True)
class Program:
    bench: BenchProgram | None
    unsupported: str = ""  # why it cannot run here, when bench is None
    path: str = chat.CONTINUATION  # how the answer was read (chat.py)
    format_error: str = ""  # a chat answer without usable code: why (then bench is None)

    @property
    def job(self) -> sb.Job | None:
        return self.bench.job if self.bench is not None else None


def build(row: BenchRow, answer: str, limits: sb.Limits, structural_equality: bool = False,
          answers: str = "auto") -> Program:
    reading = chat.read(row.prompt, answer, row.lang, answers, row.stop_tokens if row.format == MULTIPL_E else [])
    if reading.code is None:
        return Program(None, path=reading.path, format_error=f"{reading.error}: {reading.detail}")
    prompt, completion, tests = row.prompt, reading.code, row.tests
    if reading.path == chat.CHAT:
        prompt, completion, tests = chat.splice(row.prompt, reading.code, row.lang, row.tests)
    lang = languages.get(row.lang)
    try:
        if row.format == MULTIPL_E:
            if structural_equality and lang.structural_equality:
                tests = lang.rewrite_structural(tests)
            bench = lang.multipl_e_program(prompt + completion + "\n" + tests, limits)
        elif row.format == HUMANEVAL_X:
            bench = lang.humaneval_x_program(prompt, completion, tests, row.extra, reading.path == chat.CHAT, limits)
        else:
            raise ValueError(row.format)
    except Unsupported as e:
        return Program(None, str(e), path=reading.path)
    return Program(bench, path=reading.path)


def run_programs(programs: list[BenchProgram], sandbox: sb.Sandbox, limits: sb.Limits,
                 slot: int = 0) -> list[sb.JobResult]:
    """What compiling and running each program gave, as if each ran alone (see the module docstring).

    Programs share a build when they have the same language and `batch_key`; the others run alone."""
    def alone(k: int) -> sb.JobResult:
        return sandbox.run(programs[k].job, slot=slot)

    results: dict[int, sb.JobResult] = {}
    groups: dict[tuple[str, str], list[int]] = {}
    for k, p in enumerate(programs):
        if p.batch_key is not None and sandbox.supports_runs:
            groups.setdefault((p.lang, p.batch_key), []).append(k)
    for (lang_name, _), todo in groups.items():
        lang = languages.get(lang_name)

        def render(labels: list[int], lang: languages.Language = lang) -> BatchProgram | None:
            return lang.bench_batch([(k, programs[k]) for k in labels])

        compile_together(lang.name, todo, render, sandbox, limits, slot, results)
    return [results[k] if k in results else alone(k) for k in range(len(programs))]


__all__ = ["Program", "build", "run_programs", "UNSUPPORTED"]
