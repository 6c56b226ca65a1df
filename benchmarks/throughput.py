"""Execution throughput: irgroups (compile once, run many; cache off) against a baseline that
compiles and runs one program at a time (MultiPL-E's way: one `rustc`, `go build` or `mcs`
per program, then one run), on the same programs, same sandbox, same machine, same run.

    python benchmarks/throughput.py --run runs/default            # candidates of a real build
    python benchmarks/throughput.py --run runs/default --per-lang 200 --langs rust,go,csharp

Prints one line per language: programs/s for both, the speed-up, and verdict agreement.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from irgroups.cache import VerdictCache
from irgroups.execute import Verdict, execute
from irgroups.problems.model import Problem
from irgroups.sandbox.base import Limits, Sandbox
from irgroups.sandbox.local import LocalSandbox
from irgroups.shards import read_stage
from irgroups.stages.executions import execute_candidates


def baseline(rows: list[dict[str, Any]], problems: dict[str, Problem], sandbox: Sandbox, workers: int,
             limits: Limits) -> list[Verdict]:
    def one(row: dict[str, Any]) -> Verdict:
        return execute(problems[row["problem_id"]], row["lang"], row["code"], sandbox, limits)

    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(one, rows))


def make_sandbox(name: str) -> Sandbox:
    if name == "local":
        return LocalSandbox()
    from irgroups.sandbox.docker import DockerSandbox  # type: ignore[attr-defined]

    return DockerSandbox()  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", type=Path, required=True, help="a run directory written by `irgroups build`")
    ap.add_argument("--langs", default="rust,go,csharp")
    ap.add_argument("--per-lang", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sandboxes", default="local", help="local and/or docker, comma-separated")
    args = ap.parse_args()

    problems = {r["problem_id"]: Problem.from_row(r) for r in read_stage(args.run, "problems").to_pylist()}
    candidates = [r for r in read_stage(args.run, "candidates").to_pylist() if not r.get("extract_error")]
    limits = Limits()
    print(f"{'lang':7} {'sandbox':7} {'programs':>8} {'irgroups/s':>10} {'baseline/s':>10} {'speed-up':>8} agreement")
    for lang in args.langs.split(","):
        rows = [r for r in candidates if r["lang"] == lang][: args.per_lang]
        if not rows:
            print(f"{lang:7} no candidates in {args.run}")
            continue
        for box_name in args.sandboxes.split(","):
            sandbox = make_sandbox(box_name)
            with tempfile.TemporaryDirectory() as tmp:
                cache = VerdictCache(Path(tmp) / "v.sqlite")
                start = time.perf_counter()
                fast, _ = execute_candidates(rows, problems, sandbox, cache, args.workers, limits)
                fast_s = time.perf_counter() - start
                cache.close()
            start = time.perf_counter()
            slow = baseline(rows, problems, sandbox, args.workers, limits)
            slow_s = time.perf_counter() - start
            same = sum(f["status"] == s.status and f["tests_passed"] == s.tests_passed for f, s in zip(fast, slow))
            print(f"{lang:7} {box_name:7} {len(rows):8d} {len(rows) / fast_s:10.2f} {len(rows) / slow_s:10.2f} "
                  f"{slow_s / fast_s:7.2f}x {same}/{len(rows)}")
            for f, s in zip(fast, slow):
                if f["status"] != s.status or f["tests_passed"] != s.tests_passed:
                    print(f"  differs: {f['candidate_id']} {f['status']}/{f['tests_passed']} vs "
                          f"{s.status}/{s.tests_passed}", file=sys.stderr)
            sandbox.close()


if __name__ == "__main__":
    main()
