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

    def __post_init__(self) -> None:
        where = f"problem {self.problem_id!r}"
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

    @property
    def tests_json(self) -> str:
        return json.dumps([t.to_json() for t in self.tests], sort_keys=True)

    @property
    def amplified_json(self) -> str:
        return json.dumps([t.to_json() for t in self.amplified], sort_keys=True)

    @property
    def tests_hash(self) -> str:
        """Identifies the test suite: signature plus tests, amplified ones included."""
        blob = json.dumps(self.signature.to_row(), sort_keys=True) + self.tests_json
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
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Problem:
        """Build from a neutral-schema row (parquet row or JSONL object)."""
        pid = row.get("problem_id", "<missing problem_id>")
        missing = [k for k in ("problem_id", "source_code", "entry_point", "signature", "tests") if k not in row]
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
        try:
            sig = Signature.from_row(row["signature"])
            cases = tuple(TestCase(tuple(t["args"]), t["expected"]) for t in tests)
            extra = tuple(TestCase(tuple(t["args"]), t["expected"]) for t in amplified)
        except (KeyError, TypeError) as e:
            raise ProblemError(f"problem {pid!r}: malformed signature or tests ({e!r})") from None
        return cls(
            problem_id=str(row["problem_id"]),
            source_lang=str(row.get("source_lang", "python")),
            source_code=str(row["source_code"]),
            entry_point=str(row["entry_point"]),
            signature=sig,
            tests=cases,
            origin=origin,
            amplified=extra,
        )


@dataclass(frozen=True)
class Skipped:
    """A problem that could not be used, and why. Always counted, never silent."""

    problem_id: str
    reason: str
