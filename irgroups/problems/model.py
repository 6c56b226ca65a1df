"""The language-neutral problem: a source program, its signature and its tests."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from irgroups import types as T
from irgroups.errors import ProblemError


@dataclass(frozen=True)
class Param:
    name: str
    type: T.Type


@dataclass(frozen=True)
class Signature:
    params: tuple[Param, ...]
    returns: T.Type

    def to_row(self) -> dict[str, Any]:
        return {
            "params": [{"name": p.name, "type": str(p.type)} for p in self.params],
            "returns": str(self.returns),
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Signature:
        params = tuple(Param(p["name"], T.parse(p["type"])) for p in row["params"])
        return cls(params, T.parse(row["returns"]))


@dataclass(frozen=True)
class TestCase:
    args: tuple[Any, ...]  # JSON values, one per parameter
    expected: Any  # JSON value

    def to_json(self) -> dict[str, Any]:
        return {"args": list(self.args), "expected": self.expected}


FUNCTION, STDIO = "function", "stdio"  # problem kinds
KINDS = (FUNCTION, STDIO)
COMPARES = ("tokens", "exact")  # how a stdio program's output is compared with the expected output
# A stdio problem is a whole program: stdin in, stdout out. Inside, it is a function from its
# input text to its output text, so tests, amplification and caching keep one shape.
STDIO_SIGNATURE = Signature((Param("stdin", T.parse("str")),), T.parse("str"))


@dataclass(frozen=True)
class Problem:
    problem_id: str
    source_lang: str
    source_code: str
    entry_point: str
    signature: Signature
    tests: tuple[TestCase, ...]
    origin: dict[str, str] = field(default_factory=dict)  # dataset, license; restrictions where there are some
    # extra tests whose expected values come from running the source program (irgroups/amplify);
    # a program runs the original tests first, then these
    amplified: tuple[TestCase, ...] = ()
    kind: str = FUNCTION  # function: typed arguments and a return value; stdio: a whole program
    compare: str = "tokens"  # stdio: tokens (whitespace-separated, numbers with a float tolerance) or exact
    description: str = ""  # the statement, where the source has one
    input_spec: str = ""  # stdio: JSON of the input grammar amplification draws inputs from (amplify/grammar.py)

    def __post_init__(self) -> None:
        where = f"problem {self.problem_id!r}"
        if self.kind not in KINDS:
            raise ProblemError(f"{where}: kind must be one of {', '.join(KINDS)}, got {self.kind!r}")
        if self.compare not in COMPARES:
            raise ProblemError(f"{where}: compare must be one of {', '.join(COMPARES)}, got {self.compare!r}")
        if self.kind == STDIO and self.signature != STDIO_SIGNATURE:
            raise ProblemError(f"{where}: a stdio problem's tests are stdin and expected_stdout texts")
        if not self.tests:
            raise ProblemError(f"{where}: no tests")
        n = len(self.signature.params)
        for kind, tests in (("test", self.tests), ("amplified test", self.amplified)):
            for i, t in enumerate(tests):
                if len(t.args) != n:
                    raise ProblemError(f"{where}: {kind} {i} has {len(t.args)} args, signature has {n}")
                for p, a in zip(self.signature.params, t.args):
                    T.decode(p.type, a, f"{where}: {kind} {i} arg {p.name!r}")
                T.decode(self.signature.returns, t.expected, f"{where}: {kind} {i} expected")

    @property
    def all_tests(self) -> tuple[TestCase, ...]:
        """What a test program runs: the original tests, then the amplified ones."""
        return self.tests + self.amplified

    def _test_json(self, t: TestCase) -> dict[str, Any]:
        return {"stdin": t.args[0], "expected_stdout": t.expected} if self.kind == STDIO else t.to_json()

    @property
    def tests_json(self) -> str:
        """JSON: [{"args": [...], "expected": ...}] (function) or [{"stdin", "expected_stdout"}] (stdio)."""
        return json.dumps([self._test_json(t) for t in self.tests], sort_keys=True)

    @property
    def amplified_json(self) -> str:
        return json.dumps([self._test_json(t) for t in self.amplified], sort_keys=True)

    @property
    def tests_hash(self) -> str:
        """Identifies the test suite: signature plus tests, amplified ones included (and for a
        stdio problem, how outputs are compared)."""
        blob = json.dumps(self.signature.to_row(), sort_keys=True) + self.tests_json
        if self.kind == STDIO:
            blob = f"stdio:{self.compare}:" + blob
        if self.amplified:
            blob += self.amplified_json
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    def to_row(self) -> dict[str, Any]:
        return {
            "problem_id": self.problem_id,
            "source_lang": self.source_lang,
            "source_code": self.source_code,
            "entry_point": self.entry_point,
            "signature": self.signature.to_row(),
            "tests": self.tests_json,
            "amplified_tests": self.amplified_json,
            "amplified_count": len(self.amplified),
            "tests_hash": self.tests_hash,
            "origin_dataset": self.origin.get("dataset", ""),
            "origin_license": self.origin.get("license", ""),
            "origin_restrictions": self.origin.get("restrictions", ""),
            "kind": self.kind,
            "compare": self.compare,
            "description": self.description,
            "input_spec": self.input_spec,
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Problem:
        """Build from a neutral-schema row (parquet row or JSONL object)."""
        pid = row.get("problem_id", "<missing problem_id>")
        kind = str(row.get("kind") or FUNCTION)
        if kind not in KINDS:
            raise ProblemError(f"problem {pid!r}: kind must be one of {', '.join(KINDS)}, got {kind!r}")
        needed = ("problem_id", "source_code", "tests") if kind == STDIO else \
            ("problem_id", "source_code", "entry_point", "signature", "tests")
        missing = [k for k in needed if k not in row]
        if missing:
            raise ProblemError(f"problem {pid!r}: missing field(s) {', '.join(missing)}")
        tests = row["tests"]
        if isinstance(tests, str):
            tests = json.loads(tests)
        amplified = row.get("amplified_tests") or []
        if isinstance(amplified, str):
            amplified = json.loads(amplified)
        origin = row.get("origin") or {}
        if isinstance(origin, str):
            origin = {"dataset": origin}
        restrictions = origin.get("restrictions", row.get("origin_restrictions", ""))
        origin = {
            "dataset": origin.get("dataset", row.get("origin_dataset", "")),
            "license": origin.get("license", row.get("origin_license", "")),
        }
        if restrictions:  # terms beyond the licence (hub.py's sources); absent from older rows
            origin["restrictions"] = restrictions
        spec = row.get("input_spec") or ""
        if not isinstance(spec, str):
            spec = json.dumps(spec)
        try:
            if kind == STDIO:
                sig = STDIO_SIGNATURE
                cases = tuple(_stdio_case(t) for t in tests)
                extra = tuple(_stdio_case(t) for t in amplified)
            else:
                sig = Signature.from_row(row["signature"])
                cases = tuple(TestCase(tuple(t["args"]), t["expected"]) for t in tests)
                extra = tuple(TestCase(tuple(t["args"]), t["expected"]) for t in amplified)
        except (KeyError, TypeError) as e:
            raise ProblemError(f"problem {pid!r}: malformed signature or tests ({e!r})") from None
        return cls(
            problem_id=str(row["problem_id"]),
            source_lang=str(row.get("source_lang", "python")),
            source_code=str(row["source_code"]),
            entry_point=str(row.get("entry_point") or ("main" if kind == STDIO else "")),
            signature=sig,
            tests=cases,
            origin=origin,
            amplified=extra,
            kind=kind,
            compare=str(row.get("compare") or "tokens"),
            description=str(row.get("description") or ""),
            input_spec=spec,
        )


def _stdio_case(t: dict[str, Any]) -> TestCase:
    """{"stdin", "expected_stdout"} (or the function shape with one argument) as a TestCase."""
    if "stdin" in t:
        return TestCase((str(t["stdin"]),), str(t["expected_stdout"]))
    return TestCase((str(t["args"][0]),), str(t["expected"]))


@dataclass(frozen=True)
class Skipped:
    """A problem that could not be used, and why. Always counted, never silent."""

    problem_id: str
    reason: str
