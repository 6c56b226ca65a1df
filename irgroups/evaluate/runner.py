"""Execute benchmark completions in the sandbox (through a Verifier) and score them.

Every completion gets one result row: benchmark, task, language, sample index,
status (passed, failed, compile_error, timeout, memory_limit, sandbox_error,
unsupported), and a bounded output tail. Scores (pass@k per benchmark and
language) count only problems whose samples all ran: a sandbox error or an
unsupported row is reported with its reason, never scored as a failure.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from irgroups import languages
from irgroups.batch import plan_batches
from irgroups.errors import SandboxError
from irgroups.evaluate import harness
from irgroups.evaluate.chat import CHAT, CONTINUATION
from irgroups.evaluate.passk import mean_pass_at_k
from irgroups.evaluate.rendered import IRGROUPS
from irgroups.evaluate.rows import BenchRow
from irgroups.execute import Verdict
from irgroups.sandbox import base as sb
from irgroups.shards import atomic_write_bytes, atomic_write_json
from irgroups.verifier import Item, Verifier

PASSED, FAILED, COMPILE_ERROR, TIMEOUT = "passed", "failed", "compile_error", "timeout"
FORMAT_ERROR = "format_error"  # a chat answer with no usable code: scored as a failure, counted apart
MEMORY_LIMIT, SANDBOX_ERROR, UNSUPPORTED = "memory_limit", "sandbox_error", harness.UNSUPPORTED
NOT_SCORED = (SANDBOX_ERROR, UNSUPPORTED)


def judge_one(row: BenchRow, answer: str, sandbox: sb.Sandbox, limits: sb.Limits,
              structural_equality: bool = False, slot: int = 0, answers: str = "auto") -> dict[str, Any]:
    """The verdict on one answer, and `path`: how the answer became a program (chat.py)."""
    if row.format == IRGROUPS:
        item = _rendered_item(row, answer)
        if not isinstance(item, Item):
            return {"path": CHAT, **item}
        with Verifier(sandbox, [row.lang], limits, workers=1) as verifier:
            return {"path": CHAT, **_rendered_verdict(verifier.verify_all([item])[0])}
    program = harness.build(row, answer, limits, structural_equality, answers)
    early = _settled(program)
    if early is not None or program.bench is None:
        return {"path": program.path, **(early or {})}
    return {"path": program.path, **_judged(program, sandbox.run(program.bench.job, slot=slot))}


def _settled(program: harness.Program) -> dict[str, Any] | None:
    """The verdict of a program that does not run: no usable code, or a harness this machine lacks."""
    if program.format_error:
        return {"status": FORMAT_ERROR, "detail": program.format_error}
    if program.bench is None:
        return {"status": UNSUPPORTED, "detail": program.unsupported}
    return None


def _judged(program: harness.Program, result: sb.JobResult) -> dict[str, Any]:
    assert program.bench is not None
    c, r = result.compile, result.run
    if c is not None and c.status != sb.OK:
        status = {sb.TIMEOUT: TIMEOUT, sb.MEMORY: MEMORY_LIMIT, sb.SANDBOX_ERROR: SANDBOX_ERROR}.get(
            c.status, COMPILE_ERROR)
        return {"status": status, "detail": (c.stderr or c.stdout)[-1500:]}
    assert r is not None
    if r.status in (sb.TIMEOUT, sb.MEMORY, sb.SANDBOX_ERROR):
        status = {sb.TIMEOUT: TIMEOUT, sb.MEMORY: MEMORY_LIMIT, sb.SANDBOX_ERROR: SANDBOX_ERROR}[r.status]
        return {"status": status, "detail": r.stderr[-1500:]}
    ok = program.bench.judge.passed(r)
    return {"status": PASSED if ok else FAILED, "exit_code": r.exit_code,
            "detail": "" if ok else (r.stderr or r.stdout)[-1500:]}


def _rendered_item(row: BenchRow, answer: str) -> Item | dict[str, Any]:
    """An irgroups-rendered row's answer as the build's extractor reads it, or its format error."""
    from irgroups.generate.extract import extract

    problem = row.extra["problem"]
    got = extract(row.lang, answer, problem)
    if got.code is None:
        return {"status": FORMAT_ERROR, "detail": f"{got.error}: {got.detail}"}
    return Item(problem, row.lang, got.code)


def _rendered_verdict(v: Verdict) -> dict[str, Any]:
    status = {"runtime_error": FAILED}.get(v.status, v.status)
    return {"status": status, "detail": v.stderr_tail[-1500:], "tests_passed": v.tests_passed,
            "tests_total": v.tests_total}


def execute_rows(rows: list[BenchRow], workers: int = 2, limits: sb.Limits | None = None,
                 structural_equality: bool = False, progress: Callable[[int, int], None] | None = None,
                 answers: str = "auto", sandbox: str | sb.Sandbox = "local",
                 max_batch: int = 64) -> list[dict[str, Any]]:
    """One result per completion, in order. Everything runs through one Verifier (`sandbox`: local
    or docker): irgroups-rendered rows as the build runs candidates, benchmark programs batched per
    language and harness (harness.run_programs), `workers` builds at a time; `max_batch=1` compiles
    each program alone, as the harnesses do."""
    limits = limits or sb.Limits(run_seconds=10.0)
    work = [(row, i, answer) for row in rows for i, answer in enumerate(row.completions)]
    verdicts: list[dict[str, Any] | None] = [None] * len(work)
    done = 0

    def settle(k: int, verdict: dict[str, Any]) -> None:
        nonlocal done
        row, sample, _ = work[k]
        verdicts[k] = {"benchmark": row.format, "task_id": row.task_id, "lang": row.lang, "sample": sample,
                       "structural_equality": structural_equality and languages.get(row.lang).structural_equality,
                       **verdict}
        done += 1
        if progress:
            progress(done, len(work))

    items: list[Item] = []
    programs: list[tuple[int, harness.Program]] = []
    for k, (row, _, answer) in enumerate(work):
        if row.format == IRGROUPS:
            item = _rendered_item(row, answer)
            if isinstance(item, Item):
                items.append(replace(item, tag=k))
            else:
                settle(k, {"path": CHAT, **item})
            continue
        program = harness.build(row, answer, limits, structural_equality, answers)
        early = _settled(program)
        if early is not None:
            settle(k, {"path": program.path, **early})
        else:
            programs.append((k, program))
    langs = sorted({work[k][0].lang for k, _ in programs} | {it.lang for it in items})
    with Verifier(sandbox, langs, limits, workers=workers, max_batch=max_batch) as verifier:
        problems = verifier.sandbox.problems()
        if problems:
            raise SandboxError(f"{verifier.sandbox.name} sandbox unusable: " + "; ".join(problems))
        for item, v in verifier.verify(items):
            settle(item.tag, {"path": CHAT, **_rendered_verdict(v)})
        by_lang: dict[str, list[int]] = {}
        for pos, (_, program) in enumerate(programs):
            assert program.bench is not None
            by_lang.setdefault(program.bench.lang, []).append(pos)
        batches = [b for idx in by_lang.values() for b in plan_batches(idx, workers, max_batch)]
        batches.sort(key=len, reverse=True)  # the longest first, so a slow one does not start last

        def run(batch: list[int], slot: int) -> list[sb.JobResult]:
            benches = [programs[pos][1].bench for pos in batch]
            return harness.run_programs([b for b in benches if b is not None], verifier.sandbox, limits, slot)

        for batch, results in verifier.map(run, batches):
            for pos, result in zip(batch, results):
                k, program = programs[pos]
                settle(k, {"path": program.path, **_judged(program, result)})
    return [v for v in verdicts if v is not None]


def score(results: list[dict[str, Any]], ks: tuple[int, ...] = (1, 10, 100)) -> dict[str, Any]:
    """pass@k per benchmark and language, plus counts of what was not scored and why."""
    per: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    paths: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in results:
        per[(r["benchmark"], r["lang"])][r["task_id"]].append(r["status"])
        paths[(r["benchmark"], r["lang"])][r.get("path", CONTINUATION)] += 1
    out: dict[str, Any] = {"per_language": [], "structural_equality": any(r.get("structural_equality")
                                                                           for r in results)}
    for (bench, lang), tasks in sorted(per.items()):
        counts = []
        skipped: dict[str, int] = defaultdict(int)
        statuses: dict[str, int] = defaultdict(int)
        for statuses_of_task in tasks.values():
            for s in statuses_of_task:
                statuses[s] += 1
            bad = [s for s in statuses_of_task if s in NOT_SCORED]
            if bad:
                skipped[bad[0]] += 1
                continue
            counts.append((len(statuses_of_task), statuses_of_task.count(PASSED)))
        entry: dict[str, Any] = {"benchmark": bench, "lang": lang, "problems": len(counts),
                                 "samples": sum(n for n, _ in counts), "statuses": dict(statuses),
                                 # how answers became programs: a low score caused by format shows here
                                 "paths": dict(paths[(bench, lang)]), "format_errors": statuses.get(FORMAT_ERROR, 0),
                                 "problems_not_scored": dict(skipped)}
        for k in ks:
            value = mean_pass_at_k(counts, k)
            if value is not None:
                entry[f"pass@{k}"] = round(value, 6)
        out["per_language"].append(entry)
    return out


def write_results(out: Path, results: list[dict[str, Any]], scores: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(r, sort_keys=True) + "\n" for r in results)
    atomic_write_bytes(out / "results.jsonl", text.encode())
    atomic_write_json(out / "scores.json", scores)
