"""The language-neutral type syntax: `int`, `float`, `bool`, `str`, `list[T]`,
`dict[K,V]`, `tuple[A,B]`, `optional[T]`.

Types are small frozen trees. `parse` and `str()` round-trip. Values travel as
JSON (tuples as arrays, dicts as objects with stringified keys); `decode`
turns a JSON value back into the Python value a type describes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from irgroups.errors import ProblemError

SCALARS = ("int", "float", "bool", "str")
GENERICS = {"list": 1, "dict": 2, "tuple": -1, "optional": 1}


@dataclass(frozen=True)
class Type:
    name: str
    args: tuple[Type, ...] = ()

    def __str__(self) -> str:
        if not self.args:
            return self.name
        return f"{self.name}[{','.join(str(a) for a in self.args)}]"

    @property
    def is_scalar(self) -> bool:
        return self.name in SCALARS


INT, FLOAT, BOOL, STR = Type("int"), Type("float"), Type("bool"), Type("str")


def list_of(t: Type) -> Type:
    return Type("list", (t,))


def parse(text: str) -> Type:
    """Parse `list[tuple[int,str]]` and friends; raises ProblemError on bad syntax."""
    t, rest = _parse(text.replace(" ", ""), text)
    if rest:
        raise ProblemError(f"bad type {text!r}: trailing {rest!r}")
    return t


def _parse(s: str, whole: str) -> tuple[Type, str]:
    i = 0
    while i < len(s) and (s[i].isalnum() or s[i] == "_"):
        i += 1
    name, rest = s[:i], s[i:]
    if name in SCALARS:
        return Type(name), rest
    if name not in GENERICS or not rest.startswith("["):
        raise ProblemError(f"bad type {whole!r}: unknown or incomplete {name or rest!r}")
    args: list[Type] = []
    rest = rest[1:]
    while True:
        arg, rest = _parse(rest, whole)
        args.append(arg)
        if rest.startswith(","):
            rest = rest[1:]
            continue
        if rest.startswith("]"):
            rest = rest[1:]
            break
        raise ProblemError(f"bad type {whole!r}: expected ',' or ']'")
    arity = GENERICS[name]
    if arity != -1 and len(args) != arity:
        raise ProblemError(f"bad type {whole!r}: {name} takes {arity} argument(s)")
    if name == "dict" and args[0].name not in ("int", "str", "bool"):
        raise ProblemError(f"bad type {whole!r}: dict keys must be int, str or bool")
    return Type(name, tuple(args)), rest


def decode(t: Type, value: Any, where: str = "value") -> Any:
    """Check a JSON value against `t` and return it as Python (tuples, typed dict keys)."""
    n = t.name
    if n == "optional":
        return None if value is None else decode(t.args[0], value, where)
    if value is None:
        raise ProblemError(f"{where}: null for non-optional type {t}")
    if n == "bool":
        if not isinstance(value, bool):
            raise ProblemError(f"{where}: expected bool, got {value!r}")
        return value
    if n == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ProblemError(f"{where}: expected int, got {value!r}")
        if not -(2**63) <= value < 2**63:
            raise ProblemError(f"{where}: integer {value} does not fit in 64 bits")
        return value
    if n == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ProblemError(f"{where}: expected float, got {value!r}")
        return value
    if n == "str":
        if not isinstance(value, str):
            raise ProblemError(f"{where}: expected str, got {value!r}")
        return value
    if n == "list":
        if not isinstance(value, list):
            raise ProblemError(f"{where}: expected list, got {value!r}")
        return [decode(t.args[0], v, f"{where}[{i}]") for i, v in enumerate(value)]
    if n == "tuple":
        if not isinstance(value, list) or len(value) != len(t.args):
            raise ProblemError(f"{where}: expected {len(t.args)}-tuple, got {value!r}")
        return tuple(decode(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(t.args, value)))
    if n == "dict":
        if not isinstance(value, dict):
            raise ProblemError(f"{where}: expected dict, got {value!r}")
        return {
            decode_key(t.args[0], k, where): decode(t.args[1], v, f"{where}[{k!r}]")
            for k, v in value.items()
        }
    raise ProblemError(f"{where}: unknown type {t}")


def decode_key(t: Type, key: str, where: str) -> Any:
    """JSON object keys are strings; turn one back into the key type."""
    if t.name == "str":
        return key
    if t.name == "int":
        try:
            return int(key)
        except ValueError:
            raise ProblemError(f"{where}: dict key {key!r} is not an int") from None
    if t.name == "bool":
        if key not in ("true", "false"):
            raise ProblemError(f"{where}: dict key {key!r} is not a bool")
        return key == "true"
    raise ProblemError(f"{where}: dict key type {t} unsupported")


def to_json(value: Any) -> Any:
    """Python value -> JSON-ready value (tuples become arrays, dict keys strings)."""
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {_key_json(k): to_json(v) for k, v in value.items()}
    return value


def _key_json(k: Any) -> str:
    if isinstance(k, bool):
        return "true" if k else "false"
    return k if isinstance(k, str) else json.dumps(k)
