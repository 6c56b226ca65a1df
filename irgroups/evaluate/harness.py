"""Build the program each harness would build, run it in the sandbox, judge it their way.

MultiPL-E (nuprl/MultiPL-E, evaluation/src/eval_*.py): program = prompt + completion + "\\n" + tests.
  rs   `rustc prog.rs -o prog` (no --edition, as the harness), then run; pass = exit 0
  go   `go test prog_test.go`; pass unless "[build failed]"/"[setup failed]"/"FAIL" in stdout
       (here: `go test -c` while compiling, the test binary while running; same verdict text)
  cs   `csc /d:DEBUG -r:System.Numerics.dll` (here Mono's `mcs`, same flags), run under `mono` with
       MONO_TRACE_LISTENER=Console.Error; mono exits 0 after a failed Debug.Assert, so fail =
       "System.Diagnostics.DefaultTraceListener.Fail" or "Unhandled Exception" in stderr
  cpp  `g++ -std=c++17 prog.cpp -o prog`, then run; pass = exit 0
  py   `python3 prog.py`; pass = exit 0
HumanEval-X (THUDM/CodeGeeX, codegeex/benchmark/evaluate_humaneval_x.py + execution.py):
  python  IMPORT_HELPER imports + prompt + completion (cut at the first unindented line) + test
  cpp     missing IMPORT_HELPER includes + prompt + completion + test; g++ -std=c++11; exit 0
  go      test_setup + imports the completion uses + prompt without its import + completion + test;
          `go test`; exit 0. testify's `assert` cannot be fetched here: a small shim with the same
          API (Equal via reflect.DeepEqual, as testify's ObjectsAreEqual) stands in for it
  rust    "fn main(){}" + declaration + prompt + completion + test; `cargo test` there, here
          `rustc --test --edition 2021`; exit 0. The declaration's `use rand/regex/md5` lines are
          dropped when the code does not use the crate (no crate can be fetched); a row that does use
          one is `unsupported`, counted with its reason, never a failure
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from irgroups.evaluate import chat
from irgroups.evaluate.rows import HUMANEVAL_X, MULTIPL_E, BenchRow
from irgroups.evaluate.structural import HELPER, rewrite_tests
from irgroups.sandbox import base as sb

UNSUPPORTED = "unsupported"  # the harness needs something this machine cannot have (an external crate)


@dataclass(frozen=True)
class Program:
    job: sb.Job | None
    judge: str  # how to read the run: "exit0" | "go" | "mono"
    unsupported: str = ""  # why it cannot run here, when job is None
    path: str = chat.CONTINUATION  # how the answer was read (chat.py)
    format_error: str = ""  # a chat answer without usable code: why (then job is None)


CS_FAIL_MARKERS = ("System.Diagnostics.DefaultTraceListener.Fail", "Unhandled Exception")


def build(row: BenchRow, answer: str, limits: sb.Limits, structural_equality: bool = False,
          answers: str = "auto") -> Program:
    reading = chat.read(row.prompt, answer, row.lang, answers, row.stop_tokens if row.format == MULTIPL_E else [])
    if reading.code is None:
        return Program(None, "exit0", path=reading.path, format_error=f"{reading.error}: {reading.detail}")
    prompt, completion, tests = row.prompt, reading.code, row.tests
    if reading.path == chat.CHAT:
        prompt, completion, tests = chat.splice(row.prompt, reading.code, row.lang, row.tests)
    if row.format == MULTIPL_E:
        program = _multipl_e(row, prompt, completion, tests, limits, structural_equality)
    elif row.format == HUMANEVAL_X:
        program = _humaneval_x(row, prompt, completion, tests, limits, reading.path == chat.CHAT)
    else:
        raise ValueError(row.format)
    return replace(program, path=reading.path)


# ---- MultiPL-E -----------------------------------------------------------------------------

def _multipl_e(row: BenchRow, prompt: str, completion: str, tests: str, limits: sb.Limits,
               structural: bool) -> Program:
    if structural and row.lang == "csharp":
        tests, _ = rewrite_tests(tests)
        tests += HELPER
    program = prompt + completion + "\n" + tests
    lang = row.lang
    if lang == "rust":
        return Program(sb.Job("rust", {"prog.rs": program}, ["{job}/prog"],
                              ["rustc", "prog.rs", "-o", "prog"], limits=limits), "exit0")
    if lang == "go":
        return Program(sb.Job("go", {"prog_test.go": program}, ["{job}/prog.test"],
                              ["go", "test", "-c", "-o", "prog.test", "prog_test.go"], limits=limits), "go")
    if lang == "csharp":
        return Program(sb.Job("csharp", {"prog.cs": program},
                              ["env", "MONO_TRACE_LISTENER=Console.Error", "mono", "{job}/prog.exe"],
                              ["mcs", "-d:DEBUG", "-r:System.Numerics.dll", "-out:prog.exe", "prog.cs"],
                              limits=limits), "mono")
    if lang == "cpp":
        return Program(sb.Job("cpp", {"prog.cpp": program}, ["{job}/prog"],
                              ["g++", "-std=c++17", "prog.cpp", "-o", "prog"], limits=limits), "exit0")
    return Program(sb.Job("python", {"prog.py": program}, ["python3", "{job}/prog.py"], None,
                          limits=limits), "exit0")


# ---- HumanEval-X ---------------------------------------------------------------------------

PY_IMPORTS = ["import math", "import re", "import sys", "import copy", "import datetime", "import itertools",
              "import collections", "import heapq", "import statistics", "import functools", "import hashlib",
              "import string", "from typing import *", "from collections import *"]  # numpy: not in the sandbox
CPP_INCLUDES = ["#include<stdlib.h>", "#include<algorithm>", "#include<math.h>", "#include<stdio.h>",
                "#include<vector>", "#include<string>", "#include<climits>", "#include<cstring>",
                "#include<iostream>"]
GO_PACKAGES = ["math", "strings", "fmt", "strconv", "time", "bytes", "regexp", "sort", "math/rand", "crypto/md5"]
RUST_CRATES = {"rand": r"\brand::|\.gen_range|thread_rng", "regex": r"\bRegex\b|\bregex::", "md5": r"\bmd5::"}

TESTIFY_SHIM = '''// Package assert: the part of github.com/stretchr/testify/assert that HumanEval-X's Go tests use.
package assert

import (
	"bytes"
	"math"
	"reflect"
	"testing"
)

type Assertions struct{ t *testing.T }

func New(t *testing.T) *Assertions { return &Assertions{t} }

func ObjectsAreEqual(expected, actual interface{}) bool {
	if expected == nil || actual == nil {
		return expected == actual
	}
	exp, ok := expected.([]byte)
	if !ok {
		return reflect.DeepEqual(expected, actual)
	}
	act, ok := actual.([]byte)
	if !ok {
		return false
	}
	return bytes.Equal(exp, act)
}

func (a *Assertions) fail(msg string, args ...interface{}) bool {
	a.t.Helper()
	a.t.Errorf(msg, args...)
	return false
}

func (a *Assertions) Equal(expected, actual interface{}, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	if !ObjectsAreEqual(expected, actual) {
		return a.fail("Not equal: expected %#v, actual %#v", expected, actual)
	}
	return true
}

func (a *Assertions) NotEqual(expected, actual interface{}, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	if ObjectsAreEqual(expected, actual) {
		return a.fail("Should not be: %#v", actual)
	}
	return true
}

func (a *Assertions) True(value bool, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	if !value {
		return a.fail("Should be true")
	}
	return true
}

func (a *Assertions) False(value bool, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	if value {
		return a.fail("Should be false")
	}
	return true
}

func (a *Assertions) InDelta(expected, actual interface{}, delta float64, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	e := reflect.ValueOf(expected).Convert(reflect.TypeOf(0.0)).Float()
	g := reflect.ValueOf(actual).Convert(reflect.TypeOf(0.0)).Float()
	if math.IsNaN(e) || math.IsNaN(g) || math.Abs(e-g) > delta {
		return a.fail("Max difference between %v and %v allowed is %v", expected, actual, delta)
	}
	return true
}

func (a *Assertions) Nil(object interface{}, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	if object != nil && !(reflect.ValueOf(object).Kind() == reflect.Ptr && reflect.ValueOf(object).IsNil()) {
		return a.fail("Expected nil, got %#v", object)
	}
	return true
}

func (a *Assertions) Len(object interface{}, length int, msgAndArgs ...interface{}) bool {
	a.t.Helper()
	if reflect.ValueOf(object).Len() != length {
		return a.fail("Should have %d item(s)", length)
	}
	return true
}
'''
_GO_SHIM_DIR = "gopath/src/github.com/stretchr/testify/assert"


def _humaneval_x(row: BenchRow, prompt: str, code: str, tests: str, limits: sb.Limits, spliced: bool) -> Program:
    lang = row.lang
    if lang == "python":
        kept = []
        for line in code.split("\n"):
            if line.strip() and line[0] not in " \t" and not spliced:
                break  # a continuation ends at the first unindented line, as HumanEval-X cuts it
            kept.append(line)
        program = "\n".join(PY_IMPORTS) + "\n" + prompt + "\n".join(kept) + "\n" + tests + "\n"
        return Program(sb.Job("python", {"prog.py": program}, ["python3", "{job}/prog.py"], None,
                              limits=limits), "exit0")
    if lang == "cpp":
        setup = "".join(s + "\n" for s in CPP_INCLUDES if s not in prompt)
        program = setup + "\n" + prompt + code + "\n" + tests
        argv = ["g++", "-std=c++11", "prog.cpp", "-o", "prog"]
        if "openssl" in program:
            argv += ["-lcrypto", "-lssl"]
        return Program(sb.Job("cpp", {"prog.cpp": program}, ["{job}/prog"], argv, limits=limits), "exit0")
    if lang == "go":
        imports = row.extra.get("import", "")
        if imports:
            prompt = prompt.replace(imports, "")
        setup = row.extra.get("test_setup", 'package main\n\nimport (\n    "testing"\n    '
                                            '"github.com/stretchr/testify/assert"\n)\n')
        if spliced:  # the spliced head holds the package clause and every import the program uses
            head, prompt = chat.splice(setup + "\n" + prompt, code, "go", tests)[0], ""
        else:
            other = [f'"{p}"' for p in GO_PACKAGES if p not in setup and p.split("/")[-1] + "." in code]
            head = setup + "\n" + ("import (\n" + "    ".join(p + "\n" for p in other) + ")\n" if other else "")
        program = head + prompt + code + "\n" + tests
        compile_sh = (f"mkdir -p {_GO_SHIM_DIR} && mv assert.go.txt {_GO_SHIM_DIR}/assert.go && "
                      "GOPATH=/job/gopath go test -c -o main.test main_test.go")
        files = {"main_test.go": program, "assert.go.txt": TESTIFY_SHIM}
        return Program(sb.Job("go", files, ["{job}/main.test"], ["sh", "-c", compile_sh], limits=limits),
                       "exit0")
    # rust
    declaration = row.extra.get("declaration", "")
    body = prompt + code + tests
    needed = [crate for crate, used in RUST_CRATES.items() if re.search(used, body)]
    if needed:
        return Program(None, "exit0", f"needs external crate(s) {', '.join(needed)}, which cannot be fetched here")
    declaration = "\n".join(line for line in declaration.split("\n")
                            if not re.match(r"\s*use\s+(rand|regex|md5)\b", line))
    if spliced:
        body = chat.drop_reimports(body, declaration)
    program = "\nfn main(){ \n } \n" + declaration + body
    argv = ["rustc", "--test", "--edition", "2021", "-A", "warnings", "prog.rs", "-o", "prog"]
    return Program(sb.Job("rust", {"prog.rs": program}, ["{job}/prog"], argv, limits=limits), "exit0")


def passed(judge: str, run: sb.StepResult) -> bool:
    """The harness's own verdict on a run that finished (no timeout, no sandbox error)."""
    if judge == "mono":
        return not any(m in run.stderr for m in CS_FAIL_MARKERS)
    if judge == "go":
        return not ("FAIL" in run.full_stdout or "[build failed]" in run.full_stdout)
    return run.exit_code == 0


__all__ = ["Program", "build", "passed", "UNSUPPORTED"]
