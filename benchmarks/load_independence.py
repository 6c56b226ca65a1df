"""Do the labels depend on how busy the machine is? (issue 11: labels that do not depend on load)

    python benchmarks/load_independence.py                       # the embedded default, local sandbox
    python benchmarks/load_independence.py --sandbox docker --hogs 2 --keep /tmp/li

Builds the embedded default (`pipelines/default.toml`) twice into two fresh directories with the
`irgroups` CLI: first on the machine as it is, then with `--hogs` busy processes (plain Python
loops, one core each) running beside it the whole time. Then compares the `labels` shards row by
row on (candidate_id, equivalent, kind, tests_passed, tests_total) and prints the counts, every
differing row, both wall times, the kinds in each build and, for the programs stopped at a limit,
their wall seconds (how close the loaded build came to the wall clock). Figures only: nothing is
asserted, since the timings depend on the machine.
"""

from __future__ import annotations

import argparse
import glob
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
KEY = ("equivalent", "kind", "tests_passed", "tests_total")


def build(out: Path, sandbox: str, extra: list[str]) -> tuple[float, int]:
    cli = Path(sys.executable).with_name("irgroups")
    argv = [str(cli) if cli.exists() else "irgroups", "build", "--recipe", str(ROOT / "pipelines" / "default.toml"),
            "--out", str(out), "--overwrite", "--no-progress", "--sandbox", sandbox, *extra]
    start = time.monotonic()
    res = subprocess.run(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.monotonic() - start
    if res.returncode != 0:
        print(f"build into {out} exited {res.returncode}; its last lines:\n" + "\n".join(res.stdout.splitlines()[-15:]))
    return wall, res.returncode


def rows(run: Path, stage: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for f in sorted(glob.glob(str(run / stage / "part-*.parquet"))):
        for row in pq.read_table(f).to_pylist():
            out[row["candidate_id"]] = row
    return out


def busy_processes(n: int) -> list[subprocess.Popen[bytes]]:
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]


def stopped_at_limits(executions: dict[str, dict[str, Any]]) -> str:
    walls = sorted((r["run_seconds"], r["status"]) for r in executions.values()
                   if r["status"] in ("timeout", "memory_limit"))
    if not walls:
        return "none"
    return ", ".join(f"{s} {w:.2f}s" for w, s in walls)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sandbox", default="local", choices=["local", "docker"])
    ap.add_argument("--hogs", type=int, default=2, help="busy processes beside the second build")
    ap.add_argument("--keep", type=Path, help="build into DIR/quiet and DIR/loaded and keep them")
    ap.add_argument("build_args", nargs="*", help="more `irgroups build` options, after --")
    args = ap.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="irgroups-load-"))
    quiet, loaded = base / "quiet", base / "loaded"
    try:
        wall_q, rc_q = build(quiet, args.sandbox, args.build_args)
        hogs = busy_processes(args.hogs)
        try:
            wall_l, rc_l = build(loaded, args.sandbox, args.build_args)
        finally:
            for p in hogs:
                p.kill()
            for p in hogs:
                p.wait()
        print(f"build, quiet:               {wall_q:7.1f} s (exit {rc_q})")
        print(f"build, {args.hogs} busy processes:   {wall_l:7.1f} s (exit {rc_l})")
        a, b = rows(quiet, "labels"), rows(loaded, "labels")
        both = sorted(set(a) & set(b))
        differ = [c for c in both if tuple(a[c][k] for k in KEY) != tuple(b[c][k] for k in KEY)]
        print(f"labels: quiet {len(a)}, loaded {len(b)}, in both {len(both)}, identical {len(both) - len(differ)}, "
              f"differing {len(differ)}, only quiet {len(set(a) - set(b))}, only loaded {len(set(b) - set(a))}")
        for name, r in (("quiet", a), ("loaded", b)):
            kinds = Counter("equivalent" if x["equivalent"] else (x["kind"] or "?") for x in r.values())
            print(f"kinds, {name}: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
        for name, run in (("quiet", quiet), ("loaded", loaded)):
            print(f"stopped at a limit, {name} (status, wall): {stopped_at_limits(rows(run, 'executions'))}")
        if differ:
            print("differing rows (candidate_id lang origin: quiet -> loaded, as equivalent/kind/passed/total):")
            for c in differ:
                print(f"  {c} {a[c]['lang']} {a[c]['origin']}: {tuple(a[c][k] for k in KEY)} -> "
                      f"{tuple(b[c][k] for k in KEY)}")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
