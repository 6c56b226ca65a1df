"""The trusted side of a test run: what a test program wrote, judged here, outside the sandbox.

A test program holds the tests' arguments and nothing else: no expected value, no secret.
For each test, in order, it writes one line on stdout

    @@irgroups <i> ok <value>     the returned value, as neutral JSON (see irgroups/types.py)
    @@irgroups <i> error          the call raised / panicked
    @@irgroups <i> bad            the value cannot be written in the neutral form (a wrong type)

and `@@irgroups end` when every test has run. Each line is preceded by a newline, so output
the candidate left without one cannot swallow it. Because the program never holds what a
verdict depends on, anything the candidate does inside the process (read its own memory,
print lines of this shape, exit early) can at most *claim* a value for a test, and it never
sees the value it would have to claim. The rules keep a claim from doing more:

- a test passes only if exactly one line reports it, in order (after the line of test i-1),
  and its value has the declared type and equals the expected value (floats within 1e-6
  relative, lists/tuples element-wise, dicts by key, optionals both null or both set);
- a duplicated, out-of-order or malformed line fails its test; a test with no line is
  `missing` (and fails); `end` means nothing about any test.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from irgroups import types as T
from irgroups.errors import ProblemError

MARK = "@@irgroups"
PROTOCOL = "values-1"  # what test programs write and how it is judged; part of the verdict cache key
PASS, FAIL, ERROR, MISSING = "pass", "fail", "error", "missing"
_LINE = re.compile(rf"^{MARK} (?:(\d{{1,9}}) (ok|error|bad)(?: (.*))?|(end))$", re.M)


def reported(stdout: str, n: int) -> tuple[list[tuple[str, str | None]], bool]:
    """What the program reported for each of `n` tests, by the rules above, and whether it said `end`.

    Each entry is (kind, text): ("ok", JSON text), ("error", None), ("bad", None) for a value the
    harness could not write or a report that broke the rules, ("missing", None) for no report."""
    found: list[tuple[str, str | None]] = [(MISSING, None)] * n
    seen: set[int] = set()
    last = -1
    done = False
    for m in _LINE.finditer(stdout):
        if m.group(4):
            done = True
            continue
        i = int(m.group(1))
        if i >= n:
            continue
        if i in seen or i <= last:
            found[i] = ("bad", None)  # a second or late report: someone besides the harness writes these lines
            seen.add(i)
            continue
        seen.add(i)
        last = i
        kind, text = m.group(2), m.group(3)
        found[i] = ("bad", None) if kind == "ok" and text is None else (kind, text)
    return found, done


def judge_outputs(stdout: str, returns: T.Type, expected: list[Any]) -> tuple[list[str], bool]:
    """Per-test outcomes (pass, fail, error, missing) and whether the program said `end`.

    `expected` holds the expected JSON values, one per test, in the order the program ran them."""
    found, done = reported(stdout, len(expected))
    outcomes = []
    for (kind, text), want in zip(found, expected):
        if kind == "ok":
            assert text is not None
            outcomes.append(PASS if value_matches(returns, text, want) else FAIL)
        else:
            outcomes.append({"error": ERROR, MISSING: MISSING}.get(kind, FAIL))
    return outcomes, done


def decoded(t: T.Type, text: str) -> Any:
    """A reported value as Python (T.decode's form); raises ValueError if it is not a `t`."""
    try:
        return T.decode(t, json.loads(text))
    except (ProblemError, RecursionError) as e:
        raise ValueError(str(e)) from None


def value_matches(t: T.Type, got_text: str, want_json: Any) -> bool:
    """Whether the JSON text a program wrote is a value of type `t` equal to the expected one."""
    try:
        got = decoded(t, got_text)
    except ValueError:
        return False
    return near(t, got, T.decode(t, want_json))


def near(t: T.Type, got: Any, want: Any) -> bool:
    """Equality of two decoded values of type `t`, with a tolerance for floats."""
    n = t.name
    if n == "optional":
        if got is None or want is None:
            return got is None and want is None
        return near(t.args[0], got, want)
    if n == "float":
        g, w = float(got), float(want)
        return math.isfinite(g) and abs(g - w) <= 1e-6 * max(1.0, abs(w))
    if n == "list":
        return len(got) == len(want) and all(near(t.args[0], g, w) for g, w in zip(got, want))
    if n == "tuple":
        return all(near(a, g, w) for a, g, w in zip(t.args, got, want))
    if n == "dict":
        return got.keys() == want.keys() and all(near(t.args[1], got[k], want[k]) for k in want)
    return bool(got == want)
