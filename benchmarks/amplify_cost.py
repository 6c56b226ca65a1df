"""What amplified tests cost: the embedded default built with and without them, side by side.

    python benchmarks/amplify_cost.py                  # --amplify 0 vs the recipe's default, once each
    python benchmarks/amplify_cost.py --repeat 2       # alternating, fresh output dirs every time

Each build starts from scratch (fresh run dir and verdict cache). Prints each build's wall time
and seconds per stage, the median per setting and the ratio amplified / not amplified.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RECIPE = Path(__file__).resolve().parent.parent / "pipelines" / "default.toml"


def build(out: Path, amplify: int | None, recipe: Path) -> tuple[float, dict[str, float]]:
    cmd = [sys.executable, "-m", "irgroups.cli", "build", "--recipe", str(recipe), "--out", str(out), "--overwrite",
           "--no-progress"]
    if amplify is not None:
        cmd += ["--amplify", str(amplify)]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ))
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"build failed ({' '.join(cmd)}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return wall, json.loads((out / "summary.json").read_text())["seconds"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--recipe", type=Path, default=RECIPE)
    ap.add_argument("--amplify", type=int, default=None, help="the amplified setting (default: the recipe's)")
    args = ap.parse_args()
    settings = {"amplify 0": 0, f"amplify {args.amplify if args.amplify is not None else 'default'}": args.amplify}
    walls: dict[str, list[float]] = {k: [] for k in settings}
    root = Path(tempfile.mkdtemp(prefix="irgroups-amplify-cost-"))
    try:
        for r in range(args.repeat):
            order = list(settings.items()) if r % 2 == 0 else list(settings.items())[::-1]
            for name, amplify in order:
                out = root / f"{name.replace(' ', '_')}-{r}"
                wall, seconds = build(out, amplify, args.recipe)
                walls[name].append(wall)
                print(f"{name:16s} run {r}: {wall:7.1f} s  stages {seconds}", flush=True)
                shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    base, amp = (statistics.median(walls[k]) for k in settings)
    print(f"median wall: {list(settings)[0]} {base:.1f} s, {list(settings)[1]} {amp:.1f} s; ratio {amp / base:.2f}")


if __name__ == "__main__":
    main()
