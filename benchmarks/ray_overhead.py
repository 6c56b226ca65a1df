"""The embedded default built by the local executor and by the Ray executor, side by side on this
machine, in one run: wall seconds, Ray's overhead, and whether the rows are the same.

    python benchmarks/ray_overhead.py                  # the embedded default (irgroups build, no options)
    python benchmarks/ray_overhead.py --rounds 2 -- --limit 40   # extra build options after --

Each build is `irgroups build` in a fresh process with a fresh --out (its own verdict cache), so
nothing is shared between them; the rounds alternate local and Ray so that neither always runs on a
warmer machine. The Ray build starts its own local Ray instance (`ray.init`), as a user's first
`--executor ray` does, so its time includes Ray's start; that start is also timed alone. Overhead
= (Ray wall - local wall) / local wall, medians over the rounds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from same_rows import compare  # noqa: E402


def timed_build(out: Path, extra: list[str]) -> float:
    start = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "irgroups.cli", "build", "--out", str(out), "--no-progress", *extra],
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"build failed ({out}):\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}")
    return time.perf_counter() - start


def ray_start_seconds() -> float:
    code = ("import os, time; t = time.perf_counter(); import ray; "
            "ray.init(address='local', num_cpus=os.cpu_count(), resources={'sandbox': 1}, include_dashboard=False, "
            "log_to_driver=False); ray.get(ray.remote(lambda: 1).remote()); print(time.perf_counter() - t); "
            "ray.shutdown()")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout.split()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("extra", nargs="*", help="options for both builds (after --)")
    args = ap.parse_args()
    local, ray = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            order = [("local", []), ("ray", ["--executor", "ray"])]
            for name, opts in order if r % 2 == 0 else order[::-1]:
                seconds = timed_build(Path(tmp) / f"{name}{r}", [*args.extra, *opts])
                (local if name == "local" else ray).append(seconds)
                print(f"round {r + 1}: {name:5s} {seconds:7.1f} s", flush=True)
        import json

        for name in ("local0", "ray0"):
            secs = json.loads((Path(tmp) / name / "summary.json").read_text())["seconds"]
            print(f"{name[:-1]:5s} seconds per stage: " + ", ".join(f"{k} {v:.1f}" for k, v in secs.items()))
        print("rows, local vs ray:")
        same = compare(Path(tmp) / "local0", Path(tmp) / "ray0") == 0
    start = ray_start_seconds()
    lo, ra = statistics.median(local), statistics.median(ray)
    print(f"local {lo:.1f} s, ray {ra:.1f} s (of which starting Ray ~{start:.1f} s): overhead "
          f"{(ra - lo) / lo:+.1%}; without Ray's start {(ra - start - lo) / lo:+.1%}; rows "
          f"{'identical' if same else 'DIFFERENT'}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
