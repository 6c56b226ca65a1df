"""Chat answers to MultiPL-E rows: irgroups agrees with an independent run of each answer.

`tests/eval_corpus/rows.jsonl` holds MultiPL-E-format rows (make_rows.py); `answers/<lang>.jsonl`
holds chat-style answers written for this project, each with the verdict it deserves: answers with
their own imports and usings, their own `main` with asserts, changed parameter names or mutability,
helpers before and after the function, several code blocks, prose around them, whole programs that
repeat the prompt's doc comment, and wrong ones.

Every answer is judged twice:
1. by `irgroups.evaluate` (execute --format multipl-e --answers auto), in the sandbox;
2. independently of irgroups' code, the way SandboxFusion runs a chat answer: the answer's code
   block (regular expressions, no tree-sitter), its own `main` and tests cut out by brace matching,
   its imports merged with the prompt's, then the row's tests, compiled and run with the plain
   toolchain (rustc, go test, mcs + mono, g++) as MultiPL-E's harness does.
Both must give the expected verdict.

`answers/<lang>.beyond.jsonl` holds answers the independent run cannot stand in for (its regular
expressions skip untagged blocks, take one block, miss a `namespace` or `using static`...), each
with the reason in `why_not_independent`, and answers that found irgroups bugs (a trait impl for a
foreign type, a Go `init()`, a C# static constructor or extension class, a C++ free `operator<`);
irgroups must give their expected verdicts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from irgroups.evaluate import execute_rows, load_rows
from irgroups.sandbox.base import Limits

CORPUS = Path(__file__).parent / "eval_corpus"
LANGS = {"rust": "rs", "go": "go_test.go", "csharp": "cs", "cpp": "cpp"}
TAGS = {"rust": ("rust", "rs"), "go": ("go", "golang"), "csharp": ("csharp", "cs", "c#"), "cpp": ("cpp", "c++")}


def answers(lang: str, part: str = "") -> list[dict[str, Any]]:
    path = CORPUS / "answers" / f"{lang}{part}.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()] if path.exists() else []


def rows_by_name(lang: str) -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in (CORPUS / "rows.jsonl").read_text().splitlines()]
    return {r["name"]: r for r in rows if r["language"] == LANGS[lang]}


# ---- the independent run ----------------------------------------------------------------------

def code_block(answer: str, lang: str) -> str | None:
    blocks = re.findall(r"^```[ \t]*([^\s`]*)[^\n]*\n(.*?)^```", answer, re.M | re.S)
    tagged = [code for tag, code in blocks if tag.lower() in TAGS[lang]]
    # the block that defines something wins over a usage example
    return (tagged or [None])[-1] if len(tagged) < 2 else max(tagged, key=len)


def cut_braced(code: str, start: re.Pattern[str]) -> str:
    """Remove every item whose header matches `start`, up to its matching closing brace."""
    while True:
        m = start.search(code)
        if m is None:
            return code
        i = code.index("{", m.end() - 1)
        depth = 0
        for j in range(i, len(code)):
            depth += {"{": 1, "}": -1}.get(code[j], 0)
            if depth == 0:
                break
        code = code[:m.start()] + code[j + 1:]


def independent_program(lang: str, row: dict[str, Any], answer: str) -> str | None:
    code = code_block(answer, lang)
    if code is None:
        return None
    prompt, tests = row["prompt"], row["tests"]
    after_close = re.sub(r"^\s*\}[ \t]*\n", "", tests, count=1)
    if lang == "rust":
        code = cut_braced(code, re.compile(r"^#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", re.M))
        code = cut_braced(code, re.compile(r"^\s*fn\s+main\s*\(\s*\)[^{]*\{", re.M))
        uses = "".join(line + "\n" for line in prompt.splitlines() if line.startswith("use "))
        return uses + code + "\n" + after_close
    if lang == "cpp":
        code = cut_braced(code, re.compile(r"^\s*int\s+main\s*\([^)]*\)\s*\{", re.M))
        includes = "".join(line + "\n" for line in prompt.splitlines() if line.startswith("#include"))
        return includes + code + "\n" + after_close
    if lang == "go":
        code = cut_braced(code, re.compile(r"^func\s+(main|Test\w*)\s*\([^)]*\)\s*\{", re.M))
        imports = set(re.findall(r'^\s*(?:import\s+)?"([\w/]+)"\s*$', code, re.M))
        imports |= set(re.findall(r'^\s*(?:import\s+)?"([\w/]+)"\s*$', prompt, re.M))
        code = re.sub(r"^package\s+\w+\s*$", "", code, flags=re.M)
        code = re.sub(r"^import\s*\((.*?)\)\s*$", "", code, flags=re.M | re.S)
        code = re.sub(r'^import\s+"[\w/]+"\s*$', "", code, flags=re.M)
        body = code + "\n" + tests
        used = sorted(p for p in imports if re.search(rf"\b{re.escape(p.split('/')[-1])}\.", body))
        package = re.search(r"^package\s+\w+", prompt, re.M)
        assert package is not None
        return package.group(0) + "\n\nimport (\n" + "".join(f'    "{p}"\n' for p in used) + ")\n" + body
    # csharp: usings on top, the answer's class body (or bare methods) inside the prompt's class
    code = cut_braced(code, re.compile(r"^\s*(public\s+|private\s+)?static\s+(void|int)\s+Main\s*\([^)]*\)\s*\{", re.M))
    usings = re.findall(r"^\s*using\s+[\w.]+\s*;\s*$", code, re.M)
    code = re.sub(r"^\s*using\s+[\w.]+\s*;\s*$", "", code, flags=re.M)
    m = re.search(r"^\s*(public\s+|internal\s+|static\s+)*class\s+\w+\s*\{", code, re.M)
    if m is not None:
        end = code.rindex("}")
        code = code[:m.start()] + code[m.end():end] + code[end + 1:]
    head = prompt[:prompt.index("class Problem {")]
    have = {u.strip() for u in head.splitlines()}
    head += "".join(u.strip() + "\n" for u in dict.fromkeys(usings) if u.strip() not in have)
    return head + "class Problem {\n" + code + "\n" + after_close


def run_independently(lang: str, program: str, work: Path) -> str:
    env = {**os.environ, "GO111MODULE": "off", "GOCACHE": str(work / "gocache")}
    for f in work.glob("p*"):
        f.unlink()

    def compile_(argv: list[str]) -> bool:
        return subprocess.run(argv, cwd=work, capture_output=True, env=env, timeout=120).returncode == 0

    try:
        if lang == "rust":
            (work / "p.rs").write_text(program)
            if not compile_(["rustc", "p.rs", "-o", "p"]):
                return "compile_error"
            return "passed" if subprocess.run(["./p"], cwd=work, capture_output=True, timeout=20).returncode == 0 \
                else "failed"
        if lang == "cpp":
            (work / "p.cpp").write_text(program)
            if not compile_(["g++", "-std=c++17", "p.cpp", "-o", "p"]):
                return "compile_error"
            return "passed" if subprocess.run(["./p"], cwd=work, capture_output=True, timeout=20).returncode == 0 \
                else "failed"
        if lang == "go":
            (work / "p_test.go").write_text(program)
            if not compile_(["go", "test", "-c", "-o", "p.test", "p_test.go"]):
                return "compile_error"
            r = subprocess.run(["./p.test"], cwd=work, capture_output=True, text=True, timeout=20)
            return "failed" if "FAIL" in r.stdout or r.returncode != 0 else "passed"
        (work / "p.cs").write_text(program)
        if not compile_(["mcs", "-d:DEBUG", "-r:System.Numerics.dll", "-out:p.exe", "p.cs"]):
            return "compile_error"
        r = subprocess.run(["mono", "p.exe"], cwd=work, capture_output=True, text=True, timeout=20,
                           env={**env, "MONO_TRACE_LISTENER": "Console.Error"})
        bad = "System.Diagnostics.DefaultTraceListener.Fail" in r.stderr or "Unhandled Exception" in r.stderr
        return "failed" if bad else "passed"
    except subprocess.TimeoutExpired:
        return "timeout"


# ---- the test ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", list(LANGS))
def test_chat_answers_agree_with_an_independent_run(lang: str, tmp_path: Path) -> None:
    corpus, beyond = answers(lang), answers(lang, ".beyond")
    if not corpus:
        pytest.skip(f"no corpus for {lang}")
    assert len(corpus) >= 40
    rows = rows_by_name(lang)
    records = [{**rows[a["name"]], "name": f"{a['name']}#{i}", "completion": a["answer"]}
               for i, a in enumerate(corpus + beyond)]
    src = tmp_path / "rows.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    everything = execute_rows(load_rows(str(src), "multipl-e"), workers=2, limits=Limits(run_seconds=10.0))
    results = everything[:len(corpus)]
    wrong = [(a["name"], a["expected"], r["status"], r.get("detail", "")[-300:])
             for a, r in zip(beyond, everything[len(corpus):]) if r["status"] != a["expected"]]
    assert not wrong, f"answers beyond the independent run: {wrong}"
    work = tmp_path / "work"
    work.mkdir()
    disagreements = []
    for a, row, result in zip(corpus, records, results):
        program = independent_program(lang, row, a["answer"])
        independent = "format_error" if program is None else run_independently(lang, program, work)
        if not result["status"] == independent == a["expected"]:
            disagreements.append((a["name"], a["expected"], result["status"], independent, result.get("detail", "")[-300:]))
    statuses = Counter(a["expected"] for a in corpus)
    assert not disagreements, f"{len(disagreements)} of {len(corpus)} disagree ({dict(statuses)}): {disagreements}"
    assert statuses["passed"] >= 20 and len(statuses) >= 3, statuses
    assert all(r["path"] == "chat" for r in results)
