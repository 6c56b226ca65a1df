"""Execute benchmark completions in the local sandbox and score them.

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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from irgroups.evaluate import harness
from irgroups.evaluate.chat import CHAT, CONTINUATION
from irgroups.evaluate.passk import mean_pass_at_k
from irgroups.evaluate.rendered import IRGROUPS
from irgroups.evaluate.rows import BenchRow
from irgroups.sandbox import base as sb
from irgroups.sandbox.local import LocalSandbox, ensure_usable
from irgroups.shards import atomic_write_bytes, atomic_write_json

PASSED, FAILED, COMPILE_ERROR, TIMEOUT = "passed", "failed", "compile_error", "timeout"
FORMAT_ERROR = "format_error"  # a chat answer with no usable code: scored as a failure, counted apart
MEMORY_LIMIT, SANDBOX_ERROR, UNSUPPORTED = "memory_limit", "sandbox_error", harness.UNSUPPORTED
NOT_SCORED = (SANDBOX_ERROR, UNSUPPORTED)


def judge_one(row: BenchRow, answer: str, sandbox: sb.Sandbox, limits: sb.Limits,
              structural_equality: bool = False, slot: int = 0, answers: str = "auto") -> dict[str, Any]:
    """The verdict on one answer, and `path`: how the answer became a program (chat.py)."""
    if row.format == IRGROUPS:
        return {"path": CHAT, **_judge_rendered(row, answer, sandbox, limits, slot)}
    program = harness.build(row, answer, limits, structural_equality, answers)
    return {"path": program.path, **_run(program, sandbox, slot)}


def _run(program: harness.Program, sandbox: sb.Sandbox, slot: int) -> dict[str, Any]:
    if program.format_error:
        return {"status": FORMAT_ERROR, "detail": program.format_error}
    if program.job is None:
        return {"status": UNSUPPORTED, "detail": program.unsupported}
    result = sandbox.run(program.job, slot=slot)
    c, r = result.compile, result.run
    if c is not None and c.status != sb.OK:
        status = {sb.TIMEOUT: TIMEOUT, sb.MEMORY: MEMORY_LIMIT, sb.SANDBOX_ERROR: SANDBOX_ERROR}.get(
            c.status, COMPILE_ERROR)
        return {"status": status, "detail": (c.stderr or c.stdout)[-1500:]}
    assert r is not None
    if r.status in (sb.TIMEOUT, sb.MEMORY, sb.SANDBOX_ERROR):
        status = {sb.TIMEOUT: TIMEOUT, sb.MEMORY: MEMORY_LIMIT, sb.SANDBOX_ERROR: SANDBOX_ERROR}[r.status]
        return {"status": status, "detail": r.stderr[-1500:]}
    ok = harness.passed(program.judge, r)
    return {"status": PASSED if ok else FAILED, "exit_code": r.exit_code,
            "detail": "" if ok else (r.stderr or r.stdout)[-1500:]}


def _judge_rendered(row: BenchRow, answer: str, sandbox: sb.Sandbox, limits: sb.Limits,
                    slot: int) -> dict[str, Any]:
    from irgroups.execute import execute
    from irgroups.generate.extract import extract

    problem = row.extra["problem"]
    got = extract(row.lang, answer, problem)
    if got.code is None:
        return {"status": FORMAT_ERROR, "detail": f"{got.error}: {got.detail}"}
    v = execute(problem, row.lang, got.code, sandbox, limits, slot=slot)
    status = {"runtime_error": FAILED}.get(v.status, v.status)
    return {"status": status, "detail": v.stderr_tail[-1500:], "tests_passed": v.tests_passed,
            "tests_total": v.tests_total}


def execute_rows(rows: list[BenchRow], workers: int = 2, limits: sb.Limits | None = None,
                 structural_equality: bool = False,
                 progress: Callable[[int, int], None] | None = None, answers: str = "auto") -> list[dict[str, Any]]:
    limits = limits or sb.Limits(run_seconds=10.0)
    sandbox = LocalSandbox()
    ensure_usable(sandbox)
    work = [(row, i, answer) for row in rows for i, answer in enumerate(row.completions)]
    done = 0

    def one(item: tuple[int, tuple[BenchRow, int, str]]) -> dict[str, Any]:
        nonlocal done
        index, (row, sample, answer) = item
        verdict = judge_one(row, answer, sandbox, limits, structural_equality, slot=index % max(workers, 1),
                            answers=answers)
        done += 1
        if progress:
            progress(done, len(work))
        return {"benchmark": row.format, "task_id": row.task_id, "lang": row.lang, "sample": sample,
                "structural_equality": structural_equality and row.lang == "csharp", **verdict}

    try:
        with ThreadPoolExecutor(max_workers=max(workers, 1)) as pool:
            return list(pool.map(one, enumerate(work)))
    finally:
        sandbox.close()


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
