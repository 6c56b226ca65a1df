"""Per-job cost of the Docker backend against the local one, on the same programs.

    irgroups build --langs rust,go,csharp --limit 20 --out /tmp/dk     # candidates from a real build
    bash scripts/docker_images.sh rust go csharp
    python benchmarks/docker_vs_local.py --run /tmp/dk --per-lang 50 --workers 2

Every program runs through `irgroups.execute.execute` (one compile + one run per program, no
batching, no cache) on each backend with `--workers` threads, one worker slot each (the Docker
backend keeps one container per slot and language, started before the clock runs). Prints, per
language: programs/s on each backend, the ratio, and how many verdicts agree.
"""

from __future__ import annotations

import argparse
import glob
import queue
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pyarrow.parquet as pq

from irgroups.execute import execute
from irgroups.problems.model import Problem
from irgroups.sandbox.base import Limits, Sandbox
from irgroups.sandbox.docker import DockerSandbox
from irgroups.sandbox.local import LocalSandbox


def load(run: str, langs: list[str], per_lang: int) -> tuple[dict[str, Problem], dict[str, list[dict[str, Any]]]]:
    problems = {}
    for f in sorted(glob.glob(f"{run}/problems/part-*.parquet")):
        for row in pq.read_table(f).to_pylist():
            problems[row["problem_id"]] = Problem.from_row(row)
    cands: dict[str, list[dict[str, Any]]] = {lang: [] for lang in langs}
    for f in sorted(glob.glob(f"{run}/candidates/part-*.parquet")):
        for row in pq.read_table(f).to_pylist():
            lang = row["lang"]
            if lang in cands and len(cands[lang]) < per_lang and not row.get("extract_error"):
                cands[lang].append(row)
    return problems, cands


def run_all(sandbox: Sandbox, problems: dict[str, Problem], rows: list[dict[str, Any]], workers: int,
            limits: Limits) -> tuple[float, list[str]]:
    slots: queue.Queue[int] = queue.Queue()
    for k in range(workers):
        slots.put(k)

    def one(i: int) -> str:
        row = rows[i]
        slot = slots.get()  # a slot is never used by two jobs at once (one container per slot)
        try:
            return execute(problems[row["problem_id"]], row["lang"], row["code"], sandbox, limits, slot=slot).status
        finally:
            slots.put(slot)

    start = time.monotonic()
    with ThreadPoolExecutor(workers) as pool:
        statuses = list(pool.map(one, range(len(rows))))
    return time.monotonic() - start, statuses


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", default="/tmp/dk")
    ap.add_argument("--langs", default="rust,go,csharp")
    ap.add_argument("--per-lang", type=int, default=50)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cpus", type=float, default=1.0, help="CPU limit per container")
    args = ap.parse_args()
    langs = args.langs.split(",")
    problems, cands = load(args.run, langs, args.per_lang)
    limits = Limits()
    local = LocalSandbox()
    docker = DockerSandbox(langs=langs, cpus=args.cpus)
    problems_here = docker.problems()
    if problems_here:
        raise SystemExit("docker backend unusable: " + "; ".join(problems_here))
    try:
        for lang in langs:
            rows = cands[lang]
            if not rows:
                print(f"{lang:7s} no candidates in {args.run}")
                continue
            # warm up: start the containers (and the toolchains' caches) outside the clock, both backends
            warm = rows[: args.workers]
            run_all(local, problems, warm, args.workers, limits)
            run_all(docker, problems, warm, args.workers, limits)
            t_local, s_local = run_all(local, problems, rows, args.workers, limits)
            t_docker, s_docker = run_all(docker, problems, rows, args.workers, limits)
            agree = sum(a == b for a, b in zip(s_local, s_docker, strict=True))
            diffs = sorted({f"{a}->{b}" for a, b in zip(s_local, s_docker, strict=True) if a != b})
            n = len(rows)
            print(f"{lang:7s} n={n:4d}  local {n / t_local:6.2f} prog/s  docker {n / t_docker:6.2f} prog/s  "
                  f"docker/local time x{t_docker / t_local:4.2f}  per-job overhead "
                  f"{(t_docker - t_local) / n * args.workers * 1000:6.0f} ms  agree {agree}/{n}"
                  + (f"  ({', '.join(diffs)})" if diffs else ""), flush=True)
    finally:
        docker.close()
        local.close()


if __name__ == "__main__":
    main()
