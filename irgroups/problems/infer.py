"""Types from Python type hints, completed by inference from test values.

HumanEval half-annotates its prompts (`l: list`, or nothing at all), so a hint
gives the outline and the values observed in the tests fill the holes.
"""

from __future__ import annotations

import ast
from typing import Any

from irgroups import types as T
from irgroups.errors import ProblemError

HOLE = T.Type("?")
NONE = T.Type("none")  # only during inference: the type of a bare None

_HINT_NAMES = {
    "int": "int", "float": "float", "bool": "bool", "str": "str",
    "list": "list", "List": "list", "tuple": "tuple", "Tuple": "tuple",
    "dict": "dict", "Dict": "dict", "Optional": "optional",
}


def from_hint(node: ast.expr | None) -> T.Type:
    """An annotation -> a type with HOLEs where the hint says nothing precise."""
    if node is None:
        return HOLE
    if isinstance(node, ast.Name):
        name = _HINT_NAMES.get(node.id)
        if name in T.SCALARS:
            return T.Type(name)
        return HOLE  # bare list/dict/tuple, Any, unknown names
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        name = _HINT_NAMES.get(node.value.id)
        elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if name == "tuple" and any(isinstance(e, ast.Constant) and e.value is Ellipsis for e in elts):
            return HOLE
        if name in ("list", "optional", "dict", "tuple"):
            args = tuple(from_hint(e) for e in elts)
            if name in ("list", "optional") and len(args) != 1 or name == "dict" and len(args) != 2:
                return HOLE
            return T.Type(name, args)
    return HOLE


def of_value(v: Any) -> T.Type:
    if v is None:
        return NONE
    if isinstance(v, bool):
        return T.BOOL
    if isinstance(v, int):
        return T.INT
    if isinstance(v, float):
        return T.FLOAT
    if isinstance(v, str):
        return T.STR
    if isinstance(v, list):
        return T.Type("list", (unify_all([of_value(x) for x in v]),))
    if isinstance(v, tuple):
        return T.Type("tuple", tuple(of_value(x) for x in v)) if v else T.Type("list", (HOLE,))
    if isinstance(v, dict):
        return T.Type("dict", (unify_all([of_value(k) for k in v]), unify_all([of_value(x) for x in v.values()])))
    raise ProblemError(f"value of unsupported Python type {type(v).__name__}: {v!r}")


def unify_all(ts: list[T.Type]) -> T.Type:
    out = HOLE
    for t in ts:
        out = unify(out, t)
    return out


def unify(a: T.Type, b: T.Type) -> T.Type:
    if a == b:
        return a
    if a == HOLE:
        return b
    if b == HOLE:
        return a
    if a == NONE:
        return b if b.name == "optional" else T.Type("optional", (b,))
    if b == NONE:
        return unify(b, a)
    if a.name == "optional" or b.name == "optional":
        inner_a = a.args[0] if a.name == "optional" else a
        inner_b = b.args[0] if b.name == "optional" else b
        return T.Type("optional", (unify(inner_a, inner_b),))
    if {a.name, b.name} == {"int", "float"}:
        return T.FLOAT
    if a.name == b.name == "tuple" and len(a.args) == len(b.args):
        return T.Type("tuple", tuple(unify(x, y) for x, y in zip(a.args, b.args)))
    if {a.name, b.name} <= {"tuple", "list"}:
        # tuples of varying length (HumanEval/148) are really lists
        return T.Type("list", (unify_all([*_elements(a), *_elements(b)]),))
    if a.name == b.name and len(a.args) == len(b.args):
        return T.Type(a.name, tuple(unify(x, y) for x, y in zip(a.args, b.args)))
    raise ProblemError(f"mixed types {_show(a)} and {_show(b)}")


def _elements(t: T.Type) -> tuple[T.Type, ...]:
    return t.args if t.name == "tuple" else (t.args[0],)


def merge(hint: T.Type, seen: T.Type) -> T.Type:
    """Combine the hint (wins where precise) with what the values show."""
    if hint == HOLE:
        return seen
    if seen == HOLE:
        return hint
    if seen == NONE:
        if hint.name != "optional":
            raise ProblemError(f"None seen where the hint says {_show(hint)}")
        return hint
    if hint.name == "optional":
        inner = seen.args[0] if seen.name == "optional" else seen
        return T.Type("optional", (merge(hint.args[0], inner),))
    if hint.name == "float" and seen.name == "int":
        return hint
    if hint.name == "list" and seen.name == "tuple":
        return T.Type("list", (merge(hint.args[0], unify_all(list(seen.args))),))
    if hint.name != seen.name or len(hint.args) != len(seen.args):
        raise ProblemError(f"hint says {_show(hint)} but tests pass {_show(seen)}")
    return T.Type(hint.name, tuple(merge(h, s) for h, s in zip(hint.args, seen.args)))


def finish(t: T.Type, what: str) -> T.Type:
    """Reject types that still hold holes or bare None."""
    text = str(t)
    if "?" in text or "none" in text:
        raise ProblemError(f"cannot infer the type of {what} (got {_show(t)})")
    return t


def _show(t: T.Type) -> str:
    return str(t).replace("?", "unknown")
