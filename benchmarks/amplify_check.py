"""How trustworthy a run's labels are, checked on inputs the build never saw.

    irgroups build --recipe pipelines/default.toml --out /tmp/run
    python benchmarks/amplify_check.py --run /tmp/run --inputs 200 --seed 1

1. An independent set of extra inputs per problem: drawn fresh from the inferred domain
   (strategy "sample", another seed), not mutated from the seeds as the build's amplified
   tests are; expected values from the python source (same oracle: answered twice, typed);
   domain-checked by the same guard (an input a verified reference fails is dropped).
2. Every member the run labelled *equivalent* runs on its problem's original tests plus the
   independent inputs. Prints how many fail (per language and origin), with their ids: these are
   equivalent labels the build's tests did not earn.
3. Re-execution of every labelled member on the run's own tests (original + amplified): prints
   how many equivalent members do not pass and how many inequivalent members pass all.
4. How many reference translations are labelled inequivalent.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import polars as pl

from irgroups.amplify import amplify_inputs
from irgroups.amplify.guard import guard
from irgroups.amplify.oracle import SOURCE_LANGS, answer_inputs
from irgroups.problems.model import Problem
from irgroups.sandbox.base import Limits
from irgroups.sandbox.local import LocalSandbox
from irgroups.shards import read_stage
from irgroups.verifier import Item, Verifier


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", type=Path, required=True)
    ap.add_argument("--inputs", type=int, default=200, help="independent inputs per problem")
    ap.add_argument("--seed", type=int, default=1, help="seed of the independent inputs (the build's is 0)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    started = time.perf_counter()
    problems = {r["problem_id"]: Problem.from_row(r) for r in read_stage(args.run, "problems").to_pylist()}
    labels = pl.from_arrow(read_stage(args.run, "labels"))
    cands = pl.from_arrow(read_stage(args.run, "candidates")).select("candidate_id", "code")
    assert isinstance(labels, pl.DataFrame) and isinstance(cands, pl.DataFrame)
    members = labels.join(cands, on="candidate_id").to_dicts()
    langs = sorted({m["lang"] for m in members})
    limits = Limits()
    sandbox = LocalSandbox()
    verifier = Verifier(sandbox, limits=limits, workers=args.workers)
    try:
        # 1. the independent inputs, answered by the source and guarded by the references
        used = sorted({m["problem_id"] for m in members if problems[m["problem_id"]].source_lang in SOURCE_LANGS})
        jobs = [(replace(problems[pid], amplified=()), amplify_inputs(problems[pid], args.inputs, args.seed, "sample"))
                for pid in used]
        answered = answer_inputs(jobs, verifier)
        fresh = [replace(p, amplified=tuple(tests)) for (p, _), (tests, _) in zip(jobs, answered)]
        checked, dropped = guard(fresh, langs, verifier)
        independent = {p.problem_id: p for p in checked}
        # the build's own amplified inputs are not part of the independent set
        for pid, p in independent.items():
            own = {repr(t.args) for t in problems[pid].amplified}
            independent[pid] = replace(p, amplified=tuple(t for t in p.amplified if repr(t.args) not in own))
        n_inputs = sum(len(p.amplified) for p in independent.values())
        drops: Counter[str] = Counter()
        for (_, d1), d2 in zip(answered, dropped):
            drops.update(d1 + d2)
        print(f"independent inputs: {n_inputs} on {len(independent)} problems "
              f"({sum(len(i) for _, i in jobs)} proposed; dropped: {dict(drops)})")

        # 2. equivalent members on the independent inputs
        equivalent = [m for m in members if m["equivalent"] and m["problem_id"] in independent]
        verdicts = verifier.verify_all([Item(independent[m["problem_id"]], m["lang"], m["code"])
                                         for m in equivalent])
        failing = [(m, v) for m, v in zip(equivalent, verdicts) if v.status != "passed"]
        print(f"equivalent members: {len(equivalent)}; failing the independent inputs: {len(failing)} "
              f"({100 * len(failing) / max(1, len(equivalent)):.2f}%)")
        by = Counter((m["lang"], m["origin"].split(":")[0]) for m, _ in failing)
        for (lang, origin), c in sorted(by.items()):
            print(f"  {lang:8s} {origin:10s} {c}")
        for m, v in failing:
            print(f"  {m['problem_id']:18s} {m['lang']:7s} {m['origin']:22s} {m['candidate_id']} {v.status} "
                  f"{v.tests_passed}/{v.tests_total}")

        # 3. re-execution on the run's own tests
        again = verifier.verify_all([Item(problems[m["problem_id"]], m["lang"], m["code"]) for m in members])
        eq_not_pass = [m for m, v in zip(members, again) if m["equivalent"] and v.status != "passed"]
        ineq_pass = [m for m, v in zip(members, again) if not m["equivalent"] and v.status == "passed"]
        print(f"re-executed {len(members)} members on their own tests: equivalent but not passing: "
              f"{len(eq_not_pass)}; inequivalent but passing all: {len(ineq_pass)}")
        for m in eq_not_pass + ineq_pass:
            print(f"  {m['problem_id']} {m['lang']} {m['origin']} {m['candidate_id']} equivalent={m['equivalent']}")

        # 4. references
        refs = [m for m in members if m["origin"] == "reference"]
        bad_refs = [m for m in refs if not m["equivalent"]]
        print(f"reference translations: {len(refs)}; labelled inequivalent: {len(bad_refs)}")
        for m in bad_refs:
            print(f"  {m['problem_id']} {m['lang']} kind={m['kind']} failed={m['failed_tests']}")
    finally:
        sandbox.close()
    print(f"seconds: {time.perf_counter() - started:.1f}")



if __name__ == "__main__":
    main()
