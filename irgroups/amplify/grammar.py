"""Inputs for stdio problems, drawn from the problem's declared input grammar (`input_spec`).

input_spec grammar (a JSON list of items, generated in order):
  {"line": [tok, ...]}                        one line, tokens joined by single spaces
  {"repeat": COUNT, "items": [item, ...]}     the items repeated COUNT times
  tok:
    {"int": [lo, hi], "as": "n"}              integer in [lo, hi]; "as" names it for later use
    {"float": [lo, hi], "digits": 2}          decimal with exactly `digits` digits after the point
    {"word": [minlen, maxlen], "alphabet": "ab"}   random word (default alphabet a-z)
    {"ints": [COUNT, lo, hi]}                 COUNT integers in [lo, hi] separated by spaces
    {"const": "text"}                         literal text
  COUNT (and int bounds, word lengths): an integer, or the name of an earlier "as" integer,
  optionally followed by +k or -k ("n", "n-1", "c+2").  The most recent value of a name wins
  (so names assigned inside a repeat are per iteration).

`stdio_inputs` draws a problem's amplified inputs; their expected outputs come from running the
source program (irgroups/amplify/oracle.py), as for function problems.
"""

from __future__ import annotations

import json
import math
import random
import re
from typing import Any

from irgroups.errors import ProblemError
from irgroups.problems.model import Problem

_COUNT_RE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:([+-])\s*(\d+))?\s*$")


def _value(v: Any, env: dict[str, int]) -> int:
    """An integer, or a name of an earlier "as" integer optionally +/- an integer."""
    if isinstance(v, bool):
        raise ValueError(f"bad count {v!r}")
    if isinstance(v, int):
        return v
    if isinstance(v, str):
        s = v.strip()
        if re.fullmatch(r"[+-]?\d+", s):
            return int(s)
        m = _COUNT_RE.match(s)
        if m:
            name, sign, k = m.groups()
            if name not in env:
                raise ValueError(f"unknown name {name!r} in {v!r}")
            val = env[name]
            if sign:
                val = val + int(k) if sign == "+" else val - int(k)
            return val
    raise ValueError(f"bad count {v!r}")


def _decimal(k: int, digits: int) -> str:
    """k / 10**digits written with exactly `digits` digits after the point."""
    if digits <= 0:
        return str(k)
    sign = "-" if k < 0 else ""
    k = abs(k)
    whole, frac = divmod(k, 10 ** digits)
    return f"{sign}{whole}.{frac:0{digits}d}"


def _token(tok: dict[str, Any], rng: random.Random, env: dict[str, int]) -> str:
    if "int" in tok:
        lo, hi = (_value(x, env) for x in tok["int"])
        v = rng.randint(lo, hi)
        if "as" in tok:
            env[tok["as"]] = v
        return str(v)
    if "ints" in tok:
        cnt, lo, hi = (_value(x, env) for x in tok["ints"])
        return " ".join(str(rng.randint(lo, hi)) for _ in range(max(cnt, 0)))
    if "float" in tok:
        digits = int(tok.get("digits", 2))
        lo, hi = tok["float"]
        scale = 10 ** digits
        k = rng.randint(math.ceil(round(lo * scale, 6)), math.floor(round(hi * scale, 6)))
        return _decimal(k, digits)
    if "word" in tok:
        lo, hi = (_value(x, env) for x in tok["word"])
        alphabet = tok.get("alphabet", "abcdefghijklmnopqrstuvwxyz")
        n = rng.randint(lo, hi)
        return "".join(rng.choice(alphabet) for _ in range(n))
    if "const" in tok:
        return str(tok["const"])
    raise ValueError(f"unknown token {tok!r}")


def _items(items: list[Any], rng: random.Random, env: dict[str, int], out: list[str]) -> None:
    for item in items:
        if "line" in item:
            out.append(" ".join(_token(t, rng, env) for t in item["line"]))
        elif "repeat" in item:
            for _ in range(max(_value(item["repeat"], env), 0)):
                _items(item["items"], rng, env, out)
        else:
            raise ValueError(f"unknown item {item!r}")


def generate(spec: list[Any], rng: random.Random) -> str:
    """One random input (newline-terminated lines) drawn from an input_spec."""
    lines: list[str] = []
    _items(spec, rng, {}, lines)
    return "".join(line + "\n" for line in lines)



def stdio_inputs(problem: Problem, n: int, seed: int = 0, tries: int = 10) -> list[tuple[str]]:
    """Up to `n` distinct stdin texts drawn from `problem.input_spec` (none without one), none
    equal to a test's own stdin; deterministic in (problem, seed)."""
    if n <= 0 or not problem.input_spec:
        return []
    try:
        spec = json.loads(problem.input_spec)
        rng = random.Random(f"{seed}:{problem.problem_id}")
        seen = {str(t.args[0]) for t in problem.tests}
        out: list[tuple[str]] = []
        for _ in range(n * tries):
            if len(out) >= n:
                break
            text = generate(spec, rng)
            if text not in seen:
                seen.add(text)
                out.append((text,))
    except (ValueError, KeyError, TypeError) as e:
        raise ProblemError(f"problem {problem.problem_id!r}: bad input_spec ({e})") from None
    return out
