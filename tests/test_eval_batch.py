"""Benchmark programs compiled several per compiler call get the verdicts they get alone.

Per language (rust, go, csharp), MultiPL-E-layout rows whose completions pass, fail, do not
compile, panic or throw, and never end, plus programs the batch must not change: a Rust `main`
returning an error, Rust 2015 paths from the crate root, a Go `init` that prints FAIL, a failing
`go vet` check (`go test` fails on it), C# programs with a private Main, an int Main, no Main, two
Mains, or a preprocessor define. `execute_rows` runs them batched and with `max_batch=1` (one
compiler call per program, as the harnesses do); every status must be the same, and the batched
run must have made fewer compiler calls.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from irgroups.evaluate import execute_rows, load_rows
from irgroups.sandbox import base as sb
from irgroups.sandbox.local import LocalSandbox


class CountingSandbox(sb.Sandbox):
    """The local sandbox, counting compiler calls."""

    name = "local"
    supports_runs = True

    def __init__(self) -> None:
        self.inner = LocalSandbox()
        self.compiles = 0

    def run(self, job: sb.Job, slot: int = 0) -> sb.JobResult:
        self.compiles += job.compile_argv is not None
        return self.inner.run(job, slot=slot)

    def problems(self) -> list[str]:
        return self.inner.problems()

    def close(self) -> None:
        self.inner.close()


RS_PROMPT = "/// Add.\nfn add(a: i64, b: i64) -> i64 {\n"
RS_TESTS = "}\n\nfn main() {\n    let candidate = add;\n    assert_eq!(candidate(1, 2), 3);\n    assert_eq!(candidate(2, 2), 4);\n}\n"
RS_ROWS: list[tuple[str, str, list[str], list[str]]] = [
    # (prompt, tests, completions, expected statuses)
    (RS_PROMPT, RS_TESTS, ["    a + b\n", "    a - b\n", "    a + c\n", "    let v: Vec<i64> = vec![];\n    v[a as usize] + b\n",
                           "    loop {}\n", "```rust\nfn add(a: i64, b: i64) -> i64 {\n    a + b\n}\n```\n"],
     ["passed", "failed", "compile_error", "failed", "timeout", "passed"]),
    # main returning an error fails (exit 1), batched too; no main at all does not compile
    (RS_PROMPT, "}\n\nfn main() -> Result<(), String> {\n    if add(1, 2) == 3 { Err(String::from(\"no\")) } else { Ok(()) }\n}\n",
     ["    a + b\n", "    a - b\n"], ["failed", "passed"]),
    (RS_PROMPT, "}\n", ["    a + b\n"], ["compile_error"]),
    # Rust 2015: `use` paths start at the crate root, which a batch's module is not: run alone
    ("enum Op { Plus }\nuse Op::*;\nfn apply(o: Op, a: i64, b: i64) -> i64 { match o { Plus => a + b } }\n" + RS_PROMPT,
     RS_TESTS, ["    apply(Plus, a, b)\n", "    crate::apply(Plus, a, b)\n"], ["passed", "passed"]),
]

GO_PROMPT = 'package add_test\n\nimport (\n    "testing"\n    "fmt"\n)\n\n// Add.\nfunc Add(a int, b int) int {\n'
GO_TESTS = ('\nfunc TestAdd(t *testing.T) {\n  candidate := Add\n\ttype test struct {\n\t\tactual   interface{}\n'
            '\t\texpected interface{}\n\t}\n   tests := []test{\n     { actual: candidate(1, 2), expected: 3 },\n'
            '     { actual: candidate(2, 2), expected: 4 },\n   }\n\n\tfor i, tc := range tests {\n'
            '\t\tt.Run(fmt.Sprintf("test num % d", i), func(t *testing.T) {\n'
            '\t\t\tif fmt.Sprintf("%v", tc.actual) != fmt.Sprintf("%v", tc.expected) {\n'
            "\t\t\t\tt.Errorf(\"expected '%s', got '%s'\", tc.expected, tc.actual)\n\t\t\t}\n\t\t})\n\t}\n}\n")
GO_ROWS = [
    (GO_PROMPT, GO_TESTS, ["    return a + b\n}\n", "    return a - b\n}\n", "    return a + c\n}\n",
                           "    var s []int\n    return s[a] + b\n}\n", "    for {\n    }\n}\n",
                           # `go test` vets: a bad format string is a build failure
                           '    _ = fmt.Sprintf("%d", "x")\n    return a + b\n}\n'],
     ["passed", "failed", "compile_error", "failed", "timeout", "compile_error"]),
    # an init runs when any program of a binary starts: this one alone, its neighbours unharmed
    (GO_PROMPT, GO_TESTS + '\nfunc init() { fmt.Println("FAIL") }\n', ["    return a + b\n}\n"], ["failed"]),
    # no test function: nothing fails
    (GO_PROMPT, "\nvar _ = fmt.Sprint\nvar _ testing.T\n", ["    return a + b\n}\n"], ["passed"]),
]

CS_PROMPT = ("using System;\nusing System.Numerics;\nusing System.Diagnostics;\nusing System.Collections.Generic;\n"
             "using System.Linq;\nusing System.Text;\nusing System.Security.Cryptography;\nclass Problem {\n"
             "    // Add.\n    public static long Add(long a, long b) {\n")
CS_MAIN = "    {}static {} Main(string[] args) {{\n    Debug.Assert(Add(1L, 2L).Equals(3L));\n    Debug.Assert(Add(2L, 2L).Equals(4L));\n{}    }}\n"
CS_TESTS = "    }\n" + CS_MAIN.format("public ", "void", "") + "\n}\n"
CS_ROWS = [
    (CS_PROMPT, CS_TESTS, ["        return a + b;\n", "        return a - b;\n", "        return a + c;\n",
                           "        long[] x = new long[0];\n        return x[a] + b;\n", "        while (true) {}\n"],
     ["passed", "failed", "compile_error", "failed", "timeout"]),
    (CS_PROMPT, "    }\n" + CS_MAIN.format("", "void", "") + "\n}\n", ["        return a + b;\n", "        return b;\n"],
     ["passed", "failed"]),
    (CS_PROMPT, "    }\n" + CS_MAIN.format("private ", "int", "        return 3;\n") + "\n}\n", ["        return a - b;\n"],
     ["failed"]),
    (CS_PROMPT, "    }\n}\n", ["        return a + b;\n"], ["compile_error"]),  # no entry point
    (CS_PROMPT, CS_TESTS.replace("\n}\n", "    class Inner { static void Main() {} }\n}\n"), ["        return a + b;\n"],
     ["compile_error"]),  # two entry points
    ("#define IRG\n" + CS_PROMPT, CS_TESTS, ["        return a + b;\n"], ["passed"]),
]

STOPS = {"rs": ["\n}"], "go_test.go": ["\nfunc", "struct", "\n// "], "cs": ["\n    }\n"]}


def rows_file(tmp_path: Path, code: str, rows: list[tuple[str, str, list[str], list[str]]]) -> tuple[Path, list[str]]:
    records: list[dict[str, Any]] = []
    expected: list[str] = []
    for i, (prompt, tests, completions, statuses) in enumerate(rows):
        records.append({"name": f"row{i}", "language": code, "prompt": prompt, "tests": tests,
                        "stop_tokens": STOPS[code], "completions": completions})
        expected += statuses
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path, expected


@pytest.mark.parametrize("code,rows", [("rs", RS_ROWS), ("go_test.go", GO_ROWS), ("cs", CS_ROWS)],
                         ids=["rust", "go", "csharp"])
def test_batched_verdicts_are_the_verdicts_alone(tmp_path: Path, code: str,
                                                 rows: list[tuple[str, str, list[str], list[str]]]) -> None:
    path, expected = rows_file(tmp_path, code, rows)
    limits = sb.Limits(run_seconds=1.0, run_wall_factor=3.0)
    got = {}
    compiles = {}
    for max_batch in (1, 64):
        sandbox = CountingSandbox()
        try:
            results = execute_rows(load_rows(str(path), "multipl-e"), workers=2, limits=limits, sandbox=sandbox,
                                   max_batch=max_batch)
        finally:
            sandbox.close()
        got[max_batch] = [r["status"] for r in results]
        compiles[max_batch] = sandbox.compiles
        details = [(r["task_id"], r["sample"], r["status"], r.get("detail", "")[-300:])
                   for r, e in zip(results, expected) if r["status"] != e]
        assert got[max_batch] == expected, (max_batch, details)
    assert compiles[1] == len(expected)
    assert compiles[64] < compiles[1], compiles
