"""`irgroups execute --format multipl-e`, batched against one compiler call per program.

Rows: MultiPL-E's own layout (name, language, prompt, tests, stop_tokens, completions), the rows of
tests/eval_corpus/rows.jsonl (HumanEval problems laid out as MultiPL-E lays them out, in rust, go
and csharp). Completions: each problem's bundled reference translation (data/references/<lang>/)
and mutants of it (irgroups.generate.mutate), each as a chat answer in a fenced block, so that
passing, failing, non-compiling, panicking and endless programs are mixed.

Both ways run `execute_rows` on the same rows, on the same machine, in the same run, one language
at a time, after a warm-up of each toolchain: batched (several programs per compiler call, the
default) and with `max_batch=1` (each program compiled alone, as the harnesses do). Every verdict
must be identical.

    python benchmarks/batched_execute.py                       # rust, go, csharp; 4 mutants a problem
    python benchmarks/batched_execute.py --langs go --mutants 2 --sandbox docker

Prints per language: programs, seconds batched and unbatched, the speed-up, agreement, statuses.
Exits 1 if any verdict differs.

Measured on this machine (2 cores, default 10 s run limit; every verdict identical), on a day it ran
about half as fast as before (session 7), then on a quiet one (session 4):

    lang     programs  batched s  unbatched s  speed-up        session 4
    rust          247       42.3         69.2      1.6x   (4 memory_limit, 2 timeout)     1.6x
                  241        4.5         28.5      6.3x   without the 6 that hit a limit  9.3x
    go            236       36.1         96.5      2.7x   (3 timeout)                     2.0x
                  233       19.2         72.8      3.8x   without the 3 that hit a limit  3.9x
    csharp        154       19.3         44.8      2.3x   (2 timeout)                     1.9x
                  152        9.1         31.3      3.4x   without the 2 that hit a limit  3.9x

A program that hits a limit costs that limit both ways (10 CPU seconds for an endless loop; a
memory hog still growing is given more, so that it is judged memory_limit, ~19 s for one Rust
mutant), and 2-6 such programs take most of either run: the gain on everything else is 3.4-9.3x.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from irgroups import languages, references
from irgroups.evaluate import execute_rows, load_rows
from irgroups.generate.mutate import mutants
from irgroups.problems import sources
from irgroups.sandbox.base import Limits

LIMITED = ("timeout", "memory_limit")
ROWS = Path(__file__).resolve().parents[1] / "tests" / "eval_corpus" / "rows.jsonl"


def benchmark_rows(lang: str, n_mutants: int, limit: int | None = None) -> list[dict[str, Any]]:
    """MultiPL-E-layout rows of `lang` with completions: the reference and up to `n_mutants` mutants."""
    language = languages.get(lang)
    by_name = {p.problem_id.replace("/", "_") + "_" + p.entry_point: p for p in sources.load("humaneval").problems}
    out = []
    for line in ROWS.read_text().splitlines():
        row = json.loads(line)
        if row["language"] not in language.multipl_e_codes:
            continue
        problem = by_name[row["name"]]
        reference = references.load(problem, language.name)
        if reference is None:
            continue
        found, _ = mutants(language.name, reference, n_mutants, seed=row["name"])
        fence = f"```{language.name}\n"
        row["completions"] = [fence + code + "\n```\n" for code in [reference, *(m.code for m in found)]]
        out.append(row)
    return out[:limit]


def timed(rows_file: Path, max_batch: int, workers: int, sandbox: str,
          limits: Limits) -> tuple[float, list[dict[str, Any]]]:
    rows = load_rows(str(rows_file), "multipl-e")
    start = time.perf_counter()
    results = execute_rows(rows, workers=workers, limits=limits, sandbox=sandbox, max_batch=max_batch)
    return time.perf_counter() - start, results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--langs", default="rust,go,csharp")
    ap.add_argument("--mutants", type=int, default=4, help="mutants per problem, beside its reference")
    ap.add_argument("--limit", type=int, default=None, help="at most this many problems per language")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sandbox", default="local")
    ap.add_argument("--max-batch", type=int, default=64, help="programs per compiler call, batched")
    ap.add_argument("--run-timeout", type=float, default=10.0, help="as `irgroups execute`'s default")
    args = ap.parse_args()
    limits = Limits(run_seconds=args.run_timeout)
    print(f"{'lang':8} {'programs':>8} {'batched s':>10} {'unbatched s':>12} {'speed-up':>9} {'agreement':>10}  "
          "statuses")
    all_agree = True
    with tempfile.TemporaryDirectory() as tmp:
        for lang in [x.name for x in languages.parse_list(args.langs)]:
            rows = benchmark_rows(lang, args.mutants, args.limit)
            src = Path(tmp) / f"{lang}.jsonl"
            src.write_text("".join(json.dumps(r) + "\n" for r in rows))
            warm = Path(tmp) / f"{lang}.warm.jsonl"  # the toolchain's caches, once, for both ways
            warm.write_text(json.dumps({**rows[0], "completions": rows[0]["completions"][:1]}) + "\n")
            timed(warm, 1, 1, args.sandbox, limits)
            alone_s, alone = timed(src, 1, args.workers, args.sandbox, limits)
            batched_s, batched = timed(src, args.max_batch, args.workers, args.sandbox, limits)
            same = sum(a["status"] == b["status"] for a, b in zip(alone, batched))
            all_agree &= same == len(alone) == len(batched)
            statuses = Counter(r["status"] for r in alone)
            print(f"{lang:8} {len(alone):8d} {batched_s:10.1f} {alone_s:12.1f} {alone_s / batched_s:8.1f}x "
                  f"{same:>5}/{len(alone):<4}  {dict(statuses.most_common())}", flush=True)
            for a, b in zip(alone, batched):
                if a["status"] != b["status"]:
                    print(f"  differs: {a['task_id']} #{a['sample']}: alone {a['status']}, batched {b['status']}: "
                          f"{b.get('detail', '')[-300:]!r}")
            # a program that hits the run limit costs that limit both ways: the same again without them
            hit = {(r["task_id"], r["sample"]) for r in alone if r["status"] in LIMITED}
            if hit:
                kept = [{**r, "completions": [c for i, c in enumerate(r["completions"]) if (r["name"], i) not in hit]}
                        for r in rows]
                src.write_text("".join(json.dumps(r) + "\n" for r in kept if r["completions"]))
                alone_s, alone = timed(src, 1, args.workers, args.sandbox, limits)
                batched_s, batched = timed(src, args.max_batch, args.workers, args.sandbox, limits)
                same = sum(a["status"] == b["status"] for a, b in zip(alone, batched))
                all_agree &= same == len(alone) == len(batched)
                print(f"{'':8} {len(alone):8d} {batched_s:10.1f} {alone_s:12.1f} {alone_s / batched_s:8.1f}x "
                      f"{same:>5}/{len(alone):<4}  without the {len(hit)} that hit a limit", flush=True)
    return 0 if all_agree else 1


if __name__ == "__main__":
    sys.exit(main())
