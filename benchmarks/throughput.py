"""Execution throughput: irgroups (compile once, run many; cache off) against a baseline that
compiles and runs one program at a time with MultiPL-E's commands, on the same programs, same
sandbox, same machine, same run.

The baseline, per program: rust `rustc` then the binary; go `go test` (a test file calling the
harness; built with `go test -c`, which does what `go test` does before it runs the test binary:
vet, compile, link the testing main) then the test binary, whose stdin carries the token (`go
test` itself does not pass stdin on); csharp `mcs` then `mono`. Compiler flags are irgroups'
(edition, opt-level): MultiPL-E's bare `rustc f.rs` builds with overflow checks, which would
turn wrapping arithmetic into panics and the verdicts could not be compared.

    python benchmarks/throughput.py --run runs/default            # candidates of a real build
    python benchmarks/throughput.py --run runs/default --per-lang 200 --langs rust,go,csharp

Prints one line per language: programs/s for both, the speed-up, and verdict agreement.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from irgroups.cache import VerdictCache
from irgroups.execute import Verdict, judge, make_job
from irgroups.problems.model import Problem
from irgroups.sandbox.base import Job, Limits, Sandbox
from irgroups.sandbox.local import LocalSandbox
from irgroups.shards import read_stage
from irgroups.stages.executions import execution_row
from irgroups.verifier import Item, Verifier

GO_TEST = 'package main\n\nimport "testing"\n\nfunc TestIrgroups(t *testing.T) { main() }\n'


def multipl_e_job(problem: Problem, lang: str, code: str, limits: Limits, token: str) -> Job:
    job = make_job(problem, lang, code, limits, token)
    if lang != "go":
        return job
    files = {**job.files, "irgroups_test.go": GO_TEST}
    sources = sorted(name for name in files if name.endswith(".go"))
    return replace(job, files=files, compile_argv=["go", "test", "-c", "-o", "prog.test", *sources],
                   run_argv=["{job}/prog.test", "-test.run=^TestIrgroups$"])


def baseline(rows: list[dict[str, Any]], problems: dict[str, Problem], sandbox: Sandbox, workers: int,
             limits: Limits) -> list[Verdict]:
    def one(row: dict[str, Any]) -> Verdict:
        problem = problems[row["problem_id"]]
        token = secrets.token_hex(16)
        result = sandbox.run(multipl_e_job(problem, row["lang"], row["code"], limits, token))
        return judge(result, token, len(problem.tests))

    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(one, rows))


def make_sandbox(name: str) -> Sandbox:
    if name == "local":
        return LocalSandbox()
    from irgroups.sandbox.docker import DockerSandbox  # type: ignore[attr-defined]

    return DockerSandbox()  # type: ignore[no-any-return]


def timed_irgroups(rows: list[dict[str, Any]], problems: dict[str, Problem], box_name: str, workers: int,
                   limits: Limits, repeat: int) -> tuple[list[dict[str, Any]], list[float]]:
    """irgroups' verdicts and its seconds on each of `repeat` runs, each from scratch: a fresh
    verdict cache and a fresh sandbox (whose Go build cache and containers start empty)."""
    times: list[float] = []
    first: list[dict[str, Any]] = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            cache = VerdictCache(Path(tmp) / "v.sqlite")
            start = time.perf_counter()
            sandbox = make_sandbox(box_name)
            try:
                with Verifier(sandbox, limits=limits, workers=workers, cache=cache) as verifier:
                    verdicts = verifier.verify_all([Item(problems[r["problem_id"]], r["lang"], r["code"],
                                                         r["candidate_id"]) for r in rows])
                rows_out = [execution_row(r, v, len(problems[r["problem_id"]].tests)) for r, v in zip(rows, verdicts)]
            finally:
                sandbox.close()
            times.append(time.perf_counter() - start)
            cache.close()
        first = first or rows_out
    return first, times


def agreement(fast: list[dict[str, Any]], slow: list[Verdict]) -> int:
    same = 0
    for f, s in zip(fast, slow):
        if f["status"] == s.status and f["tests_passed"] == s.tests_passed:
            same += 1
        else:
            print(f"  differs: {f['candidate_id']} {f['status']}/{f['tests_passed']} vs {s.status}/{s.tests_passed}",
                  file=sys.stderr)
    return same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", type=Path, required=True, help="a run directory written by `irgroups build`")
    ap.add_argument("--langs", default="rust,go,csharp")
    ap.add_argument("--per-lang", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sandboxes", default="local",
                    help="local and/or docker, comma-separated; the baseline runs on the first")
    ap.add_argument("--repeat", type=int, default=3,
                    help="irgroups runs per sandbox (its figure is their median; the baseline, ~4x longer, runs once)")
    ap.add_argument("--run-seconds", type=float, default=Limits().run_seconds,
                    help="the run timeout, for both sides (irgroups' default when not given)")
    args = ap.parse_args()

    problems = {r["problem_id"]: Problem.from_row(r) for r in read_stage(args.run, "problems").to_pylist()}
    candidates = [r for r in read_stage(args.run, "candidates").to_pylist() if not r.get("extract_error")]
    limits = Limits(run_seconds=args.run_seconds)
    boxes = args.sandboxes.split(",")
    print(f"{'lang':7} {'sandbox':7} {'programs':>8} {'irgroups/s':>10} {'baseline/s':>10} {'speed-up':>8} "
          f"{'agreement':>9}  {'vs ' + boxes[0]:>9}  irgroups runs (s)")
    for lang in args.langs.split(","):
        rows = [r for r in candidates if r["lang"] == lang][: args.per_lang]
        if not rows:
            print(f"{lang:7} no candidates in {args.run}")
            continue
        slow: list[Verdict] = []
        slow_s = first_s = 0.0
        for box_name in boxes:
            fast, times = timed_irgroups(rows, problems, box_name, args.workers, limits, args.repeat)
            if not slow:
                start = time.perf_counter()
                sandbox = make_sandbox(box_name)
                try:
                    slow = baseline(rows, problems, sandbox, args.workers, limits)
                finally:
                    sandbox.close()
                slow_s = time.perf_counter() - start
            fast_s = statistics.median(times)
            first_s = first_s or fast_s
            print(f"{lang:7} {box_name:7} {len(rows):8d} {len(rows) / fast_s:10.2f} {len(rows) / slow_s:10.2f} "
                  f"{slow_s / fast_s:7.2f}x {agreement(fast, slow):5d}/{len(rows)}  {fast_s / first_s:8.2f}x  "
                  + " ".join(f"{t:.1f}" for t in times), flush=True)


if __name__ == "__main__":
    main()
