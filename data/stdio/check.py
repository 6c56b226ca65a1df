#!/usr/bin/env python3
"""Verify the stdio problems in data/stdio/ (a development tool).

For every problem in problems.jsonl:
  * the Python source is run on the stored tests (its output must equal `expected_stdout`
    under the problem's comparison) and on N random inputs generated from `input_spec`
    (seeded per problem, so runs are reproducible);
  * each reference translation in data/references/<lang>/stdio_<name>.<ext> is compiled once
    (rustc -O, go build, mcs, g++ -O2) in a temporary directory and run on every stored
    test and every generated input; its output is compared with the Python output.

Prints a table problem x language of pass counts and exits 1 on any mismatch, crash,
timeout or compile error.  A missing toolchain is reported as `skip` (not a failure).

    python data/stdio/check.py --random 30
    python data/stdio/check.py --only stdio/gcd_lcm --langs rust,go --show-fail
    python data/stdio/check.py --strict        # references must print byte-identical output

Inputs come from irgroups.amplify.grammar.generate (the input_spec grammar is documented there);
outputs are compared with irgroups.stdio.outputs_match, as a build compares them.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))  # the checkout, for irgroups
FLOAT_TOL = 1e-6

# --------------------------------------------------------------------------- generator

from irgroups.amplify.grammar import generate  # noqa: E402
from irgroups.stdio import outputs_match  # noqa: E402


# --------------------------------------------------------------------------- toolchains

LANGS = {
    "rust": "rs",
    "go": "go",
    "csharp": "cs",
    "cpp": "cpp",
}


def _which(*names: str) -> bool:
    return all(shutil.which(n) for n in names)


def _env() -> dict:
    env = dict(os.environ)
    cargo = os.path.expanduser("~/.cargo/bin")
    if os.path.isdir(cargo) and cargo not in env.get("PATH", "").split(os.pathsep):
        env["PATH"] = env.get("PATH", "") + os.pathsep + cargo
    return env


ENV = _env()


def _tool(name: str) -> str | None:
    return shutil.which(name, path=ENV["PATH"])


def compile_ref(lang: str, src: str, workdir: str) -> tuple[list[str] | None, str]:
    """Compile one reference; returns (argv to run it, error text).  argv None = failure,
    argv [] = toolchain missing."""
    os.makedirs(workdir, exist_ok=True)
    exe = os.path.join(workdir, "prog")
    if lang == "rust":
        if not _tool("rustc"):
            return [], "rustc not found"
        cmd = ["rustc", "-O", "--edition", "2021", "-o", exe, src]
        run = [exe]
    elif lang == "go":
        if not _tool("go"):
            return [], "go not found"
        gosrc = os.path.join(workdir, "main.go")
        shutil.copy(src, gosrc)
        cmd = ["go", "build", "-o", exe, gosrc]
        run = [exe]
    elif lang == "csharp":
        if not (_tool("mcs") and _tool("mono")):
            return [], "mcs/mono not found"
        exe += ".exe"
        cmd = ["mcs", "-nologo", "-optimize+", "-r:System.Numerics.dll", f"-out:{exe}", src]
        run = ["mono", exe]
    elif lang == "cpp":
        if not _tool("g++"):
            return [], "g++ not found"
        cmd = ["g++", "-std=c++17", "-O2", "-o", exe, src]
        run = [exe]
    else:
        raise ValueError(lang)
    env = dict(ENV)
    env.setdefault("GOCACHE", os.path.join(tempfile.gettempdir(), "stdio_check_gocache"))
    env["GO111MODULE"] = "off"
    try:
        p = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=300, env=env)
    except subprocess.TimeoutExpired:
        return None, "compile timeout"
    if p.returncode != 0:
        return None, (p.stdout + p.stderr)[-3000:]
    return run, ""


def run_prog(argv: list[str], stdin: str, timeout: float) -> tuple[str | None, str]:
    """(stdout, error) — stdout None on crash or timeout."""
    try:
        p = subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=timeout, env=ENV)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if p.returncode != 0:
        return None, f"exit {p.returncode}: {p.stderr[-1000:]}"
    return p.stdout, ""


# --------------------------------------------------------------------------- main


def load_problems(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def short(pid: str) -> str:
    return pid.split("/", 1)[1] if "/" in pid else pid


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--random", type=int, default=10, help="random inputs per problem (default 10)")
    ap.add_argument("--seed", type=int, default=0, help="base seed for the random inputs")
    ap.add_argument("--only", default="", help="comma-separated problem ids or names")
    ap.add_argument("--langs", default=",".join(LANGS), help="comma-separated: rust,go,csharp,cpp")
    ap.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2))
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per run")
    ap.add_argument("--problems", default=os.path.join(HERE, "problems.jsonl"))
    ap.add_argument("--refs", default=os.path.join(HERE, "..", "references"))
    ap.add_argument("--show-fail", action="store_true", help="print the first failing input of each cell")
    ap.add_argument("--strict", action="store_true",
                    help="require byte-identical output from every reference (not only the problem's comparison)")
    args = ap.parse_args(argv)

    problems = load_problems(args.problems)
    if args.only:
        want = {w.strip() for w in args.only.split(",") if w.strip()}
        problems = [p for p in problems if p["problem_id"] in want or short(p["problem_id"]) in want]
    langs = [l for l in args.langs.split(",") if l]
    for l in langs:
        if l not in LANGS:
            ap.error(f"unknown language {l}")

    tmp = tempfile.mkdtemp(prefix="stdio_check_")
    failures: list[str] = []
    try:
        # 1. inputs: stored tests + seeded random inputs
        cases: dict[str, list[tuple[str, str | None]]] = {}   # pid -> [(stdin, stored expected or None)]
        for p in problems:
            pid = p["problem_id"]
            rng = random.Random(zlib.crc32(pid.encode()) ^ (args.seed * 1000003))
            lst = [(t["stdin"], t["expected_stdout"]) for t in p["tests"]]
            lst += [(generate(p["input_spec"], rng), None) for _ in range(args.random)]
            cases[pid] = lst

        # 2. python outputs (the ground truth for random inputs)
        py_argv: dict[str, list[str]] = {}
        for p in problems:
            d = os.path.join(tmp, short(p["problem_id"]), "python")
            os.makedirs(d, exist_ok=True)
            src = os.path.join(d, "main.py")
            with open(src, "w", encoding="utf-8") as f:
                f.write(p["source_code"])
            py_argv[p["problem_id"]] = [sys.executable, src]

        jobs = [(p, i) for p in problems for i in range(len(cases[p["problem_id"]]))]
        with ThreadPoolExecutor(args.jobs) as ex:
            py_out = list(ex.map(lambda j: run_prog(py_argv[j[0]["problem_id"]], cases[j[0]["problem_id"]][j[1]][0],
                                                    args.timeout), jobs))
        expected: dict[tuple[str, int], str | None] = {}
        results: dict[tuple[str, str], list] = {}     # (pid, lang) -> [passed, total, first failure]
        for (p, i), (out, err) in zip(jobs, py_out):
            pid = p["problem_id"]
            stored = cases[pid][i][1]
            cell = results.setdefault((pid, "python"), [0, 0, None])
            cell[1] += 1
            ok = out is not None and (stored is None or outputs_match(stored, out, p.get("compare", "tokens")))
            if ok:
                cell[0] += 1
            elif cell[2] is None:
                cell[2] = (cases[pid][i][0], stored, out if out is not None else err)
            expected[(pid, i)] = stored if stored is not None else out

        # 3. compile references
        def comp(job):
            p, lang = job
            name = short(p["problem_id"])
            src = os.path.join(args.refs, lang, f"stdio_{name}.{LANGS[lang]}")
            if not os.path.exists(src):
                return job, None, "missing reference file"
            return (job, *compile_ref(lang, os.path.abspath(src), os.path.join(tmp, name, lang)))

        cjobs = [(p, l) for p in problems for l in langs]
        with ThreadPoolExecutor(args.jobs) as ex:
            compiled = list(ex.map(comp, cjobs))
        runnable = {}
        skipped = set()
        for (p, lang), run, err in compiled:
            key = (p["problem_id"], lang)
            if run is None:
                results[key] = [0, len(cases[p["problem_id"]]), ("<compile>", None, err)]
            elif run == []:
                skipped.add(key)
            else:
                runnable[key] = run

        # 4. run references
        rjobs = [(key, i) for key in runnable for i in range(len(cases[key[0]]))]

        def rrun(job):
            key, i = job
            return run_prog(runnable[key], cases[key[0]][i][0], args.timeout)

        with ThreadPoolExecutor(args.jobs) as ex:
            routs = list(ex.map(rrun, rjobs))
        by_id = {p["problem_id"]: p for p in problems}
        for (key, i), (out, err) in zip(rjobs, routs):
            pid, lang = key
            cell = results.setdefault(key, [0, 0, None])
            cell[1] += 1
            exp = expected[(pid, i)]
            mode = "exact" if args.strict else by_id[pid].get("compare", "tokens")
            if exp is not None and out is not None and outputs_match(exp, out, mode):
                cell[0] += 1
            elif cell[2] is None:
                cell[2] = (cases[pid][i][0], exp, out if out is not None else err)

        # 5. report
        cols = ["python"] + langs
        w = max([len("problem")] + [len(short(p["problem_id"])) for p in problems])
        print(f"{'problem':<{w}}  " + "  ".join(f"{c:>9}" for c in cols))
        total_runs = total_ok = 0
        for p in problems:
            pid = p["problem_id"]
            row = []
            for c in cols:
                if (pid, c) in skipped:
                    row.append(f"{'skip':>9}")
                    continue
                ok, n, fail = results.get((pid, c), [0, 0, None])
                total_runs += n
                total_ok += ok
                mark = "" if ok == n and n > 0 else "*"
                row.append(f"{f'{ok}/{n}{mark}':>9}")
                if not (ok == n and n > 0):
                    failures.append(f"{pid} [{c}]")
                    if args.show_fail and fail:
                        print(f"--- {pid} [{c}] first failure\n    stdin: {fail[0]!r}\n"
                              f"    expected: {fail[1]!r}\n    got: {fail[2]!r}", file=sys.stderr)
            print(f"{short(pid):<{w}}  " + "  ".join(row))
        print()
        print(f"problems: {len(problems)}  languages: python,{','.join(langs)}  "
              f"random inputs per problem: {args.random}  runs: {total_runs}  passed: {total_ok}")
        if skipped:
            print("skipped (toolchain missing): " + ", ".join(sorted({l for _, l in skipped})))
        if failures:
            print(f"FAILED: {len(failures)} cell(s): " + ", ".join(failures))
            return 1
        print("ALL PASS")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
