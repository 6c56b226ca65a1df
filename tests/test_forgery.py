"""Candidates that try to forge a verdict from inside the test program, in every language, on
both sandboxes (the fixtures of test_hostile.py).

The forger hunts whatever the test program holds: its stdin, every file it can read (the job
directory holds the test program's sources), its own memory (/proc/self/maps + /proc/self/mem),
and in Python every live object. It then prints reports in every protocol irgroups has used
(`<token> <i> pass` lines for any secret-looking token it found; `@@irgroups <i> ok <value>`
claiming the value that follows the test's arguments wherever they appear, as an expected value
would in a table of tests) and exits 0 before the harness writes anything. The test program holds
the arguments only and the verdict is decided outside the sandbox, so every claim is a guess and
fails. Run against the harnesses before this design (a token on stdin, expected values inside the
program), the same forgers were judged `passed 2/2` (see the closing note of issue 11).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from test_hostile import (  # noqa: F401 - fixtures, used by name
    LIMITS,
    _assert_clean,
    _need_toolchain,
    cgroups_made,
    sandbox,
    workdir,
)

from irgroups import types as T
from irgroups.execute import execute
from irgroups.problems.model import Param, Problem, Signature
from irgroups.problems.model import TestCase as Case

FORGERS = Path(__file__).with_name("forgers")
# the hunt must end before the time limit for the test to show anything: the Go forger's regexes
# over ~57 MB of its memory took 8.4 CPU seconds on a slow day of this 2-core machine (3 s on others)
HUNT_LIMITS = replace(LIMITS, run_seconds=30.0)
EXTENSION = {"python": "py", "rust": "rs", "go": "go", "csharp": "cs", "cpp": "cpp"}
# expected values far from anything in the program: a claim can only be right by computing them
ARGS = {"A0": 1000003, "A1": 2000007, "B0": 5000011, "B1": 7000013}
PROBLEM = Problem(
    problem_id="forge/add", source_lang="python", source_code="def add(a, b):\n    return a + b\n",
    entry_point="add", signature=Signature((Param("a", T.INT), Param("b", T.INT)), T.INT),
    tests=(Case((ARGS["A0"], ARGS["A1"]), ARGS["A0"] + ARGS["A1"]), Case((ARGS["B0"], ARGS["B1"]), ARGS["B0"] + ARGS["B1"])),
)


def forger(lang: str) -> str:
    code = (FORGERS / f"forger.{EXTENSION[lang]}").read_text()
    for key, value in ARGS.items():
        code = code.replace(f"@{key}@", str(value))
    return code


@pytest.mark.parametrize("lang", ["python", "rust", "go", "csharp", "cpp"])
def test_memory_hunting_forger_is_judged_failed(sandbox, workdir, cgroups_made, lang):  # noqa: F811
    _need_toolchain(lang, sandbox)
    v = execute(PROBLEM, lang, forger(lang), sandbox, HUNT_LIMITS)
    info = f"{lang}: status={v.status} outcomes={v.test_outcomes} stderr={v.stderr_tail[-800:]!r}"
    hunted = re.search(r"FORGER scanned (\d+) bytes", v.stderr_tail)
    assert hunted and int(hunted.group(1)) > 0, "the forger did not get to hunt its memory: " + info
    assert v.tests_passed == 0 and v.test_outcomes == ["fail", "fail"], info
    assert v.status == "failed", info
    _assert_clean(sandbox, workdir, cgroups_made)
