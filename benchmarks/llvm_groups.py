"""llvm-ir groups on a finished run dir: the issue's "done means" counts, and timings.

    .venv/bin/python benchmarks/llvm_groups.py /tmp/llvm-full [--workers 2] [--out DIR] [--reexecute]

Reads the run's problems, candidates and labels (all shards), makes the llvm-ir groups
shard by shard as `irgroups build` would, writes them to DIR (default <run>/llvm_groups)
as parquet plus stats.json, and prints: problems with llvm-ir groups, how many have >= 2
equivalent and >= 2 inequivalent members, cross-language groups, the per-operator report,
per-level counts and IR token lengths. --reexecute runs every member again and checks
that equivalent ones pass every test and inequivalent ones fail at least one.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from irgroups.llvm import LLVMConfig, make_llvm_groups, reexecute
from irgroups.llvm.schema import LLVM_GROUPS
from irgroups.problems.model import Problem
from irgroups.sandbox.local import LocalSandbox
from irgroups.shards import read_stage
from irgroups.verifier import Verifier


def _read(run: Path, stage: str, i: int) -> list[dict]:  # type: ignore[type-arg]
    return pq.read_table(run / stage / f"part-{i:05d}.parquet").to_pylist()


def merge(total: dict, part: dict) -> None:  # type: ignore[type-arg]
    for k, v in part.items():
        if isinstance(v, dict):
            merge(total.setdefault(k, {}), v)
        elif isinstance(v, (int, float)) and not isinstance(v, bool) and k not in ("min", "max", "median", "mean"):
            total[k] = total.get(k, 0) + v


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("run", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--reexecute", action="store_true")
    ap.add_argument("--max-tokens", type=int)
    args = ap.parse_args()
    out = args.out or args.run / "llvm_groups"
    out.mkdir(parents=True, exist_ok=True)
    n_shards = len(sorted((args.run / "labels").glob("part-*.parquet")))
    sandbox = LocalSandbox()
    verifier = Verifier(sandbox, workers=args.workers)
    cfg = LLVMConfig(max_tokens=args.max_tokens)
    rows_all = []
    stats_all: dict = {}  # type: ignore[type-arg]
    ops: dict[str, Counter[str]] = {}
    t0 = time.monotonic()
    try:
        for i in range(n_shards):
            problems = [Problem.from_row(r) for r in _read(args.run, "problems", i)]
            cands = _read(args.run, "candidates", i)
            labels = _read(args.run, "labels", i)
            ts = time.monotonic()
            rows, stats = make_llvm_groups(problems, cands, labels, verifier, config=cfg)
            pq.write_table(pa.Table.from_pylist(rows, schema=LLVM_GROUPS), out / f"part-{i:05d}.parquet")
            for op, c in stats["operators"].items():
                ops.setdefault(op, Counter()).update(c)
            merge(stats_all, {k: v for k, v in stats.items() if k not in ("operators",)})
            rows_all += rows
            print(f"shard {i}: {len(problems)} problems, {stats['sources']} sources, {len(rows)} groups, "
                  f"{time.monotonic() - ts:.0f}s", flush=True)
        elapsed = time.monotonic() - t0
        eq_ok = sum(1 for r in rows_all if len(r["equivalent"]) >= 2 and len(r["inequivalent"]) >= 2)
        cross = sum(1 for r in rows_all if len(r["ir_source_langs"]) >= 2)
        summary = {
            "problems_with_llvm_ir_groups": len({r["problem_id"] for r in rows_all}),
            "groups_with_2eq_2ineq": eq_ok,
            "groups": len(rows_all),
            "cross_language_groups": cross,
            "equivalent_members": sum(len(r["equivalent"]) for r in rows_all),
            "inequivalent_members": sum(len(r["inequivalent"]) for r in rows_all),
            "seconds": round(elapsed, 1),
            "operators": {op: dict(c) for op, c in ops.items()},
            "levels": stats_all.get("levels", {}),
            "no_group": stats_all.get("no_group", {}),
            "skipped_sources": stats_all.get("skipped_sources", {}),
            "dropped": stats_all.get("dropped", {}),
        }
        toks: dict[str, list[int]] = {}
        for r in rows_all:
            for side in ("equivalent", "inequivalent"):
                for m in r[side]:
                    key = f"{side}:{m['source_lang']}:" + (m["origin"].split(":")[-1] if side == "equivalent" else "*")
                    toks.setdefault(key, []).append(m["tokens"])
        summary["member_tokens_median"] = {k: sorted(v)[len(v) // 2] for k, v in sorted(toks.items())}
        if args.reexecute:
            by_id = {p.problem_id: p for p in (Problem.from_row(r) for r in read_stage(args.run, "problems").to_pylist())}
            bad = []

            def check(r: dict) -> list[tuple[str, str]]:  # type: ignore[type-arg]
                members = r["equivalent"] + r["inequivalent"]
                runs = reexecute(by_id[r["problem_id"]], members, sandbox)
                return [(r["problem_id"], m["origin"]) for i, (m, run) in enumerate(zip(members, runs))
                        if not (run.passed if i < len(r["equivalent"]) else run.failed)]

            with ThreadPoolExecutor(max_workers=max(args.workers, 1)) as pool:
                for found in pool.map(check, rows_all):
                    bad += found
            summary["reexecuted_members"] = sum(len(r["equivalent"]) + len(r["inequivalent"]) for r in rows_all)
            summary["reexecution_mismatches"] = bad
        (out / "stats.json").write_text(json.dumps(summary, indent=2) + "\n")
        print(json.dumps(summary, indent=2))
    finally:
        sandbox.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
