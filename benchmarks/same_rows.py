"""Are two runs' rows the same? Row for row, every stage, every column that the build decides.

    python benchmarks/same_rows.py RUN_A RUN_B
    python benchmarks/same_rows.py --before REF [--out DIR] [build options...]

The second form builds the embedded default twice, once with the code at git REF (a
worktree) and once with this tree, then compares them: a refactor that claims to keep all
behaviour shows it here. Columns that measure the machine (seconds, CPU, memory, where a
verdict came from) are left out; everything else (statuses, per-test outcomes, passed counts,
labels, group members, amplified tests) must be equal, except which tests a failing program
failed (it may be nondeterministic: `settled`). Exit status 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

STAGES = ("problems", "prompts", "candidates", "executions", "labels", "groups")
KEYS = {"problems": ("problem_id",), "prompts": ("prompt_id",), "candidates": ("candidate_id",),
        "executions": ("candidate_id",), "labels": ("candidate_id",),
        "groups": ("problem_id", "lang")}  # a group per (problem, language); older runs: per problem, no lang
MEASURED = {"compile_seconds", "run_seconds", "cpu_seconds", "peak_memory_mb", "backend", "stderr_tail"}
# which tests a failing program failed: a nondeterministic one (a Rust HashMap's iteration order is
# seeded per process) fails others on another run; its verdict and label stay the same
PER_TEST = {"test_outcomes", "tests_passed", "failed_tests", "failed_original", "failed_amplified"}


def settled(stage: str, row: dict[str, Any]) -> dict[str, Any]:
    """`row` as compared: for a failing program (status not passed, label inequivalent, a group's
    inequivalent member), without the per-test columns."""
    if stage == "executions" and row.get("status") != "passed" or stage == "labels" and not row.get("equivalent"):
        return {k: v for k, v in row.items() if k not in PER_TEST}
    if stage == "groups" and isinstance(row.get("inequivalent"), list):
        return {**row, "inequivalent": [{k: v for k, v in m.items() if k not in PER_TEST}
                                         for m in row["inequivalent"]]}
    return row


def rows(run: Path, stage: str) -> dict[tuple[Any, ...], dict[str, Any]]:
    out = {}
    for f in sorted((run / stage).glob("part-*.parquet")):
        for r in pq.read_table(f).to_pylist():
            out[tuple(r.get(k) for k in KEYS[stage])] = {k: v for k, v in r.items() if k not in MEASURED}
    return out


def compare(a: Path, b: Path) -> int:
    bad = 0
    for stage in STAGES:
        ra, rb = rows(a, stage), rows(b, stage)
        only_a, only_b = sorted(set(ra) - set(rb)), sorted(set(rb) - set(ra))
        differ = [k for k in sorted(set(ra) & set(rb)) if settled(stage, ra[k]) != settled(stage, rb[k])]
        same = len(ra) - len(only_a) - len(differ)
        print(f"{stage:10s} {len(ra):6d} rows vs {len(rb):6d}: {same} identical, {len(differ)} differ, "
              f"{len(only_a)} only in A, {len(only_b)} only in B")
        for k in differ[:5]:
            cols = [c for c in ra[k] if ra[k][c] != rb[k].get(c)]
            print(f"    {k}: {cols}: {json.dumps({c: ra[k][c] for c in cols}, default=str)[:300]} vs "
                  f"{json.dumps({c: rb[k].get(c) for c in cols}, default=str)[:300]}")
        bad += len(differ) + len(only_a) + len(only_b)
        if not only_a and not only_b and list(ra) != list(rb):
            print(f"    {stage}: the same rows in another order")
            bad += 1
    print("IDENTICAL" if not bad else f"{bad} differences")
    return 1 if bad else 0


def build_at(ref: str | None, out: Path, extra: list[str]) -> None:
    """`irgroups build` of the embedded default with the code at `ref` (None: this tree)."""
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ)
    if ref is not None:
        tree = out.parent / f"tree-{ref}"
        if not tree.exists():
            subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", str(tree), ref], check=True)
            (tree / "irgroups" / "training").symlink_to("../training")  # as the install maps it
        env["PYTHONPATH"] = str(tree)
        cwd = tree
    else:
        env["PYTHONPATH"] = str(root)
        cwd = root
    # an editable install of this tree answers `import irgroups` before PYTHONPATH does: drop its finder
    boot = ("import sys; sys.meta_path[:] = [f for f in sys.meta_path if '__editable__' not in type(f).__module__]; "
            "sys.path.insert(0, sys.argv.pop(1)); from irgroups.cli import main; main()")
    cmd = [sys.executable, "-c", boot, env["PYTHONPATH"], "build", "--out", str(out), "--overwrite", "--no-progress",
           *extra]
    subprocess.run(cmd, check=True, env=env, cwd=cwd, stdout=subprocess.DEVNULL)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="*", type=Path)
    ap.add_argument("--before", help="a git ref: build with its code and with this tree, then compare")
    ap.add_argument("--out", type=Path, default=None, help="where the two builds go (default: a temp dir)")
    args, extra = ap.parse_known_args()
    if args.before is None:
        if len(args.runs) != 2:
            ap.error("give two run directories, or --before REF")
        return compare(*args.runs)
    work = args.out or Path(tempfile.mkdtemp(prefix="same-rows-"))
    work.mkdir(parents=True, exist_ok=True)
    build_at(args.before, work / "before", extra)
    build_at(None, work / "after", extra)
    return compare(work / "before", work / "after")


if __name__ == "__main__":
    sys.exit(main())
