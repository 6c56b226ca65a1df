"""Does the on-policy reward work on this machine? The real one: SandboxReward (extraction,
then the local sandbox with the language's toolchain), on answers whose verdict is known.

    python benchmarks/reward_check.py --data runs/x                    # every language of the build
    python benchmarks/reward_check.py --data runs/x --langs cpp,python --write-langs ok.txt

For each language, up to --prompts prompts of the build's RL prompt table are scored with
three answers: an equivalent member of the problem's group (must get reward 1), an
inequivalent one (must get 0) and an answer without code (format_error, 0). A language
whose answers all score as expected is "ok"; --write-langs writes those (comma-separated)
for the trainer's --langs. Exit status 0 when at least one language is ok.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="a run directory written by `irgroups build`")
    ap.add_argument("--langs", default="", help="languages to check (default: every one in the prompt table)")
    ap.add_argument("--prompts", type=int, default=6, help="prompts per language")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--write-langs", type=Path, default=None)
    args = ap.parse_args()

    from irgroups import languages
    from irgroups.errors import SandboxError
    from irgroups.languages.toolchains import resolve
    from irgroups.sandbox.local import LocalSandbox
    from irgroups.shards import read_stage
    from irgroups.training.data import answer_text, load_prompts
    from irgroups.training.reward import SandboxReward

    print(f"bwrap: {shutil.which('bwrap')}  prlimit: {shutil.which('prlimit')}")
    probe = LocalSandbox()
    problems = probe.problems()
    print(f"local sandbox: cgroups {'yes' if probe.has_cgroups else 'no (prlimit --as caps memory)'}; "
          + ("usable" if not problems else "PROBLEMS: " + "; ".join(problems)), flush=True)
    probe.close()

    prompts = load_prompts(args.data)
    wanted = [x.strip() for x in args.langs.split(",") if x.strip()] or sorted({r["lang"] for r in prompts})
    groups = {g["problem_id"]: g for g in read_stage(args.data, "groups").to_pylist()}
    ok_langs = []
    for lang in wanted:
        try:
            tc = resolve(languages.get(lang))
            print(f"[{lang}] toolchain: {tc.version}", flush=True)
        except Exception as e:  # noqa: BLE001 - say why and go on to the next language
            print(f"[{lang}] FAILED: toolchain: {e}", flush=True)
            continue
        rows = [r for r in prompts if r["lang"] == lang]
        cases: list[tuple[str, str, float, str]] = []  # prompt_id, answer, expected reward, what
        for r in rows:
            g = groups.get(r["problem_id"])
            if g is None:
                continue
            eq = [m for m in g["equivalent"] if m["lang"] == lang]
            ineq = [m for m in g["inequivalent"] if m["lang"] == lang]
            if not eq or not ineq:
                continue
            cases.append((r["prompt_id"], answer_text(lang, eq[0]["code"]), 1.0, "equivalent"))
            cases.append((r["prompt_id"], answer_text(lang, ineq[0]["code"]), 0.0, f"inequivalent ({ineq[0]['kind']})"))
            cases.append((r["prompt_id"], "I cannot translate this.", 0.0, "no code"))
            if len(cases) >= 3 * args.prompts:
                break
        if not cases:
            print(f"[{lang}] FAILED: no prompt with both equivalent and inequivalent members", flush=True)
            continue
        reward = SandboxReward([r for r in rows if r["prompt_id"] in {c[0] for c in cases}], args.workers)
        start = time.perf_counter()
        try:
            scores = reward.score_many([c[0] for c in cases], [c[1] for c in cases])
        except SandboxError as e:
            print(f"[{lang}] FAILED: sandbox error: {str(e)[:1500]}", flush=True)
            continue
        finally:
            reward.close()
        seconds = time.perf_counter() - start
        bad = 0
        for (pid, _, expected, what), s in zip(cases, scores):
            good = s.reward == expected
            bad += not good
            if not good:
                print(f"[{lang}]   MISMATCH {pid} {what}: reward {s.reward} ({s.status}, tests {s.tests_fraction:.2f}), "
                      f"expected {expected}", flush=True)
        by_status: dict[str, int] = {}
        for s in scores:
            by_status[s.status] = by_status.get(s.status, 0) + 1
        verdict = "ok" if not bad else "FAILED"
        print(f"reward_check {lang}: {verdict} {len(cases) - bad}/{len(cases)} as expected, "
              f"{len(cases) / seconds:.1f} answers/s ({seconds:.1f} s, {args.workers} workers), statuses {by_status}",
              flush=True)
        if not bad:
            ok_langs.append(lang)
    print(f"reward languages ok: {','.join(ok_langs) or 'NONE'}")
    if args.write_langs is not None:
        args.write_langs.write_text(",".join(ok_langs))
    return 0 if ok_langs else 1


if __name__ == "__main__":
    sys.exit(main())
