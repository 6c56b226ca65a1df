"""Compile once, run many gives the verdicts of one-at-a-time execution, and the
tree-sitter prefilter only calls code broken when the compiler agrees."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from irgroups import code as codemod
from irgroups import references
from irgroups.batch import execute_batch, prefilter
from irgroups.execute import execute
from irgroups.problems.sources import ProblemSet
from irgroups.sandbox.base import Limits
from irgroups.sandbox.local import LocalSandbox

LIMITS = Limits(run_seconds=3.0)

# `kill -9 -1` from safe code (code with `unsafe` is never batched): the supervisor goes with it
KILL_ALL = 'let _ = std::process::Command::new("sh").args(["-c", "kill -9 -1"]).status();'

# writes a results file for every program of the batch (all passing), then kills the supervisor
RUST_FORGER = r"""
    let plan = std::fs::read_dir("/job").unwrap().filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".irgroups-plan"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default()).next().unwrap_or_default();
    let fake = r#"{"exit_code":0,"timed_out":false,"seconds":0.1,"oom":false,"stdout":"@@irgroups end\n","stderr":""}"#;
    let all = vec![fake; plan.matches("\"argv\"").count()].join(",");
    let _ = std::fs::write("/out/results.json", format!("[{}]", all));
""" + "    " + KILL_ALL + "\n"

# each breaks one candidate of the batch in its own way; the batch must not care
BREAKERS = {
    "rust": [("fn ", "fn fn ", "compile_error"), ("-> ", "-> Option<i32> ", "compile_error"),
             ("{", "{ std::process::exit(0);", "runtime_error"), ("{", "{ loop {}", "timeout"),
             ("{", "{" + RUST_FORGER, "forge"),
             ("{", "{ " + KILL_ALL, "kill")],
    "go": [("func ", "func func ", "compile_error"), ("{", "{ undefinedThing()", "compile_error"),
           ("{", "{ panic(\"x\")", "runtime_error"), ("{", "{ for {}", "timeout")],
    "csharp": [("static ", "static static ", "compile_error"), ("{", "{ int x = \"s\";", "compile_error"),
               ("public static", "public static int Zz() { System.Environment.Exit(0); return 0; } public static", None)],
}


@pytest.mark.parametrize("lang", ["rust", "go", "csharp"])
def test_batch_verdicts_equal_one_at_a_time(lang: str, humaneval: ProblemSet, sandbox: LocalSandbox) -> None:
    problems = [p for p in humaneval.problems if references.load(p, lang)][:12]
    items = [(p, lang, references.load(p, lang) or "") for p in problems]
    for k, (old, new, _) in enumerate(BREAKERS[lang]):
        p, lg, code = items[k * 2 + 1]
        items[k * 2 + 1] = (p, lg, code.replace(old, new, 1))
    batched = execute_batch(items, sandbox, LIMITS)
    with ThreadPoolExecutor(2) as pool:
        single = list(pool.map(lambda it: execute(it[0], it[1], it[2], sandbox, LIMITS), items))
    got = [(v.status, v.tests_passed) for v in batched]
    want = [(v.status, v.tests_passed) for v in single]
    assert got == want
    assert sum(v.status == "passed" for v in batched) >= 6
    assert {"compile_error"} <= {v.status for v in batched}


def _corruptions(code: str, rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        i = rng.randrange(len(code))
        kind = rng.randrange(3)
        if kind == 0:
            out.append(code[:i] + code[i + 1:])  # drop a character
        elif kind == 1:
            out.append(code[:i] + rng.choice("{}();,\"'") + code[i:])  # insert punctuation
        else:
            j = min(len(code), i + rng.randrange(1, 20))
            out.append(code[:i] + code[j:])  # cut a span
    return out


@pytest.mark.parametrize("lang", ["rust", "go", "csharp", "cpp"])
def test_prefilter_agrees_with_the_compiler(lang: str, humaneval: ProblemSet, sandbox: LocalSandbox) -> None:
    rng = random.Random(lang)
    problems = [p for p in humaneval.problems if references.load(p, lang)][:10]
    flagged = []
    for p in problems:
        for bad in _corruptions(references.load(p, lang) or "", rng, 6):
            if prefilter(p, lang, bad) is not None:
                flagged.append((p, bad))
    assert len(flagged) >= 10
    with ThreadPoolExecutor(2) as pool:
        verdicts = list(pool.map(lambda it: execute(it[0], lang, it[1], sandbox, LIMITS), flagged[:20]))
    disagree = [(v.status, bad[:200]) for v, (_, bad) in zip(verdicts, flagged) if v.status != "compile_error"]
    assert disagree == []
    # and it never flags what parses
    for p in problems:
        assert prefilter(p, lang, references.load(p, lang) or "") is None
        assert not codemod.parse(lang, references.load(p, lang) or "").root_node.has_error
