"""Input domains learned from a problem's seed inputs (the args of its tests).

HumanEval-style problems state their preconditions in prose ("a positive
integer", "a non-empty list", "lowercase letters"), never in the signature.
The seeds are the only machine-readable evidence of them, so a Domain is the
smallest description of "inputs like the seeds" that still leaves room to move:
it widens what the seeds show a little (a few more characters of a class whose
members were seen, lengths a bit longer, numbers a bit larger) and never across
the lines that preconditions usually draw (sign, zero, emptiness, alphabet,
sortedness). Values are JSON values in the neutral form (tuples as lists, dict
keys as strings), the form the tests carry.
"""

from __future__ import annotations

import json
import math
import re
import string
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from irgroups import types as T
from irgroups.errors import ProblemError
from irgroups.problems.model import Problem

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

# Observed values each domain keeps as donors (splicing, list inserts); enough
# for variety, small enough that a 100-test problem costs nothing.
EXAMPLES = 32

# A character class (lowercase, uppercase, digits) opens to all its members once
# this many distinct members were seen: 'abcde...' means "letters", while '0'/'1'
# (binary strings) or a lone capital 'H' (a greeting) stay exactly as seen.
OPEN_CLASS_AT = 3

# A list property (sorted, unique) is kept when every seed has it and at least
# one seed has this many elements: shorter lists are sorted and unique by
# accident too often ([], [5], [1, 2]) to count as evidence. Keeping a property
# the function does not need only costs diversity; dropping one it needs sends
# inputs outside its precondition, so the evidence bar is low.
PROPERTY_MIN_LEN = 3

# Non-negative seeds never go below min(seed min, SMALL_FLOOR): 0 and 1 are the
# values preconditions most often exclude ("n > 0", "n > 1", "base >= 2"), so
# they are only produced when some seed shows them. The same rule bounds
# lengths from below (non-empty, at least a pair).
SMALL_FLOOR = 2

# Seeds give evidence of a format only when there are a few of them.
FORMAT_MIN_SEEDS = 3

# Space-separated tokens form a closed vocabulary when they repeat this much
# across the seeds (distinct / total): music notes 'o| .|' 0.12, letters 'a b c'
# 0.30, number words 'three five nine' 0.59; free sentences are at 0.7 or more.
CLOSED_WORDS_RATIO = 0.6
CLOSED_WORDS_MIN_TOKENS = 8

BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
CLOSERS = frozenset(BRACKETS.values())

NUMERIC = re.compile(r"-?[0-9]+(\.[0-9]+)?")

CLASSES: tuple[tuple[str, str], ...] = (
    ("lower", string.ascii_lowercase),
    ("upper", string.ascii_uppercase),
    ("digit", string.digits),
    ("space", string.whitespace),
    ("punct", string.punctuation),
)


def int_slack(m: int) -> int:
    """How far past the seeds' largest magnitude numbers may go.

    An eighth, at least 1. Tight on purpose: the seeds of exploding functions
    are small (prime_fib up to 10, special_factorial up to 7, a recursive fib
    up to 12) and one step further is already seconds of CPU or past 64 bits
    (prime_fib(12) ~ 1e17 tried by trial division, special_factorial(9) > 2**63),
    while functions with large seeds (is_prime 255379) still get room.
    """
    return max(1, abs(m) // 8)


def float_slack(m: float) -> float:
    return max(1.0, abs(m) / 8)


def length_cap(seed_max: int) -> int:
    """Longest list or string: about twice the longest seed, at least 8 more."""
    return max(2 * seed_max, seed_max + 8)


def jkey(value: Any) -> str:
    """A canonical text for a JSON value: equality, de-duplication, set keys."""
    return json.dumps(value, sort_keys=True, allow_nan=False)


class Domain:
    """What a parameter's values may be. Subclasses are frozen dataclasses."""

    examples: tuple[Any, ...]

    @property
    def type(self) -> T.Type:
        raise NotImplementedError

    def contains(self, value: Any) -> bool:
        raise NotImplementedError


@dataclass(frozen=True)
class BoolDomain(Domain):
    examples: tuple[Any, ...] = ()

    @property
    def type(self) -> T.Type:
        return T.BOOL

    def contains(self, value: Any) -> bool:
        return isinstance(value, bool)


@dataclass(frozen=True)
class IntDomain(Domain):
    lo: int
    hi: int
    seed_min: int
    seed_max: int
    examples: tuple[Any, ...] = ()

    @property
    def type(self) -> T.Type:
        return T.INT

    @property
    def nonneg(self) -> bool:
        return self.lo >= 0

    @property
    def positive(self) -> bool:
        return self.lo > 0

    @property
    def bound(self) -> int:
        """The magnitude bound: no value is larger than this in absolute value."""
        return max(abs(self.lo), abs(self.hi))

    def contains(self, value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and self.lo <= value <= self.hi


@dataclass(frozen=True)
class FloatDomain(Domain):
    lo: float
    hi: float
    lo_open: bool  # all seeds > 0: 0.0 itself is outside ("a positive number")
    hi_open: bool  # all seeds < 0: the mirror
    seed_min: float
    seed_max: float
    decimals: int | None  # seeds are "nice" (<= 4 decimals): generated values are too
    examples: tuple[Any, ...] = ()

    @property
    def type(self) -> T.Type:
        return T.FLOAT

    @property
    def step(self) -> float:
        return 10.0 ** -(self.decimals if self.decimals is not None else 3)

    def contains(self, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        v = float(value)
        if not math.isfinite(v) or not self.lo <= v <= self.hi:
            return False
        if (self.lo_open and v <= self.lo) or (self.hi_open and v >= self.hi):
            return False
        return self.decimals is None or round(v, self.decimals) == v


@dataclass(frozen=True)
class StrDomain(Domain):
    alphabet: str  # sorted allowed characters
    weights: tuple[tuple[str, int], ...]  # seen characters and how often: typical text
    classes: tuple[str, ...]  # character classes seen (lower, upper, digit, space, punct, other)
    seed_min_len: int
    seed_max_len: int
    lo_len: int
    hi_len: int
    words: tuple[str, ...] = ()  # space-separated tokens seen, when the seeds are sentences
    closed_words: bool = False  # only those tokens may appear ('three five', 'o| .|')
    shape: tuple[str, ...] | None = None  # every value has this shape ('0/0' for '1/5')
    numeric: bool = False  # every value is a decimal number literal ('-15.5', '10')
    balanced: bool = False  # every value's brackets are balanced ('(()()) ((()))')
    examples: tuple[Any, ...] = ()
    _chars: frozenset[str] = field(init=False, repr=False, compare=False)
    _words: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_chars", frozenset(self.alphabet))
        object.__setattr__(self, "_words", frozenset(self.words))

    @property
    def type(self) -> T.Type:
        return T.STR

    @property
    def nonempty(self) -> bool:
        return self.lo_len > 0

    def contains(self, value: Any) -> bool:
        if not isinstance(value, str) or not self.lo_len <= len(value) <= self.hi_len:
            return False
        if not all(c in self._chars for c in value):
            return False
        if self.closed_words and not all(w in self._words for w in value.split(" ") if w):
            return False
        if self.shape is not None and shape_of(value) != self.shape:
            return False
        if self.balanced and not is_balanced(value):
            return False
        return not self.numeric or NUMERIC.fullmatch(value) is not None


@dataclass(frozen=True)
class ListDomain(Domain):
    elem: Domain
    seed_min_len: int
    seed_max_len: int
    lo_len: int
    hi_len: int
    sorted: bool
    unique: bool
    rectangular: bool  # a list of lists whose rows all have one length (a grid)
    square: bool  # a grid with as many rows as columns
    examples: tuple[Any, ...] = ()

    @property
    def type(self) -> T.Type:
        return T.list_of(self.elem.type)

    @property
    def nonempty(self) -> bool:
        return self.lo_len > 0

    def contains(self, value: Any) -> bool:
        if not isinstance(value, list) or not self.lo_len <= len(value) <= self.hi_len:
            return False
        if not all(self.elem.contains(v) for v in value):
            return False
        if self.sorted and not is_sorted(value):
            return False
        if self.unique and len({jkey(v) for v in value}) != len(value):
            return False
        if self.rectangular and len({len(v) for v in value}) > 1:
            return False
        return not (self.square and value and len(value) != len(value[0]))


@dataclass(frozen=True)
class TupleDomain(Domain):
    items: tuple[Domain, ...]
    ordered: bool  # components non-decreasing in every seed: an interval (start, end)
    examples: tuple[Any, ...] = ()

    @property
    def type(self) -> T.Type:
        return T.Type("tuple", tuple(d.type for d in self.items))

    def contains(self, value: Any) -> bool:
        if not isinstance(value, (list, tuple)) or len(value) != len(self.items):
            return False
        if not all(d.contains(v) for d, v in zip(self.items, value)):
            return False
        return not self.ordered or is_sorted(list(value))


@dataclass(frozen=True)
class DictDomain(Domain):
    key: Domain  # over typed keys (int, str or bool), not their JSON strings
    value: Domain
    seed_min_size: int
    seed_max_size: int
    lo_size: int
    hi_size: int
    examples: tuple[Any, ...] = ()

    @property
    def type(self) -> T.Type:
        return T.Type("dict", (self.key.type, self.value.type))

    def contains(self, value: Any) -> bool:
        if not isinstance(value, dict) or not self.lo_size <= len(value) <= self.hi_size:
            return False
        for k, v in value.items():
            try:
                typed = T.decode_key(self.key.type, k, "key") if isinstance(k, str) else k
            except ProblemError:
                return False
            if not (self.key.contains(typed) and self.value.contains(v)):
                return False
        return True


@dataclass(frozen=True)
class OptionalDomain(Domain):
    inner: Domain
    none_seen: bool
    examples: tuple[Any, ...] = ()

    @property
    def type(self) -> T.Type:
        return T.Type("optional", (self.inner.type,))

    def contains(self, value: Any) -> bool:
        return self.none_seen if value is None else self.inner.contains(value)


@dataclass(frozen=True)
class LengthLink:
    """len(args[i]) == len(args[j]) + offset in every seed (xs/ys of one path,
    two bit strings to xor, operators and one more operand)."""

    i: int
    j: int
    offset: int

    def holds(self, args: tuple[Any, ...] | list[Any]) -> bool:
        return len(args[self.i]) == len(args[self.j]) + self.offset


def shape_of(s: str) -> tuple[str, ...]:
    """A string's shape: each run of ASCII letters is 'a', each run of digits
    '0', any other character stands for itself ('7/10' -> ('0', '/', '0'))."""
    out: list[str] = []
    for c in s:
        k = char_kind(c)
        if k is None:
            out.append(c)
        elif not out or out[-1] != k:
            out.append(k)
    return tuple(out)


def char_kind(c: str) -> str | None:
    """'a' for an ASCII letter, '0' for a digit, None for anything else."""
    if c.isascii() and c.isalpha():
        return "a"
    if c.isascii() and c.isdigit():
        return "0"
    return None


def is_balanced(s: str) -> bool:
    """Every bracket closed by its partner, in order ('a(b[c])' yes, '(]' no)."""
    stack: list[str] = []
    for c in s:
        if c in BRACKETS:
            stack.append(BRACKETS[c])
        elif c in CLOSERS and (not stack or stack.pop() != c):
            return False
    return not stack


def is_sorted(values: list[Any]) -> bool:
    try:
        return all(a <= b for a, b in zip(values, values[1:]))
    except TypeError:
        return False


def normalize(t: T.Type, value: Any) -> Any:
    """JSON value in one canonical form: floats as floats (3 and 3.0 are one
    input of a float parameter), -0.0 as 0.0, tuples as lists."""
    n = t.name
    if value is None:
        return None
    if n == "optional":
        return normalize(t.args[0], value)
    if n == "float":
        return float(value) + 0.0
    if n == "list":
        return [normalize(t.args[0], v) for v in value]
    if n == "tuple":
        return [normalize(a, v) for a, v in zip(t.args, value)]
    if n == "dict":
        return {str(k): normalize(t.args[1], v) for k, v in value.items()}
    return value


def key_to_json(key: Any) -> str:
    """A typed dict key as the JSON object key the neutral form uses."""
    if isinstance(key, bool):
        return "true" if key else "false"
    return key if isinstance(key, str) else str(key)


def infer_domain(problem: Problem) -> list[Domain]:
    """One Domain per parameter, learned from the problem's test args only."""
    out = []
    for i, p in enumerate(problem.signature.params):
        values = [normalize(p.type, t.args[i]) for t in problem.tests]
        out.append(learn(p.type, values))
    return out


def infer_links(problem: Problem) -> list[LengthLink]:
    """Length equalities between sized parameters that hold in every seed.

    Needs two seeds at least, and offsets of -1, 0 or 1 only: those are the
    shapes real problems have (parallel arrays, n operators for n+1 operands).
    """
    sized = [i for i, p in enumerate(problem.signature.params) if p.type.name in ("str", "list")]
    if len(problem.tests) < 2:
        return []
    links = []
    for a in sized:
        for b in sized:
            if b <= a:
                continue
            diffs = {len(t.args[a]) - len(t.args[b]) for t in problem.tests}
            if len(diffs) == 1 and abs(next(iter(diffs))) <= 1:
                links.append(LengthLink(a, b, next(iter(diffs))))
    return links


def _examples(values: list[Any]) -> tuple[Any, ...]:
    seen: dict[str, Any] = {}
    for v in values:
        seen.setdefault(jkey(v), v)
        if len(seen) >= EXAMPLES:
            break
    return tuple(seen.values())


def _fallback(t: T.Type) -> list[Any]:
    """Stand-in observations for a type no seed shows a value of (the elements
    of lists that are always empty, an optional that is always None)."""
    n = t.name
    if n == "int":
        return [0, 1, 2, 5, 9]
    if n == "float":
        return [0.0, 0.5, 1.5, 3.0]
    if n == "bool":
        return [False, True]
    if n == "str":
        return ["", "a", "abc", "xyz"]
    if n == "list":
        return [[], [normalize(t.args[0], v) for v in _fallback(t.args[0])]]
    if n == "tuple":
        return [[normalize(a, _fallback(a)[-1]) for a in t.args]]
    if n == "dict":
        return [{}]
    if n == "optional":
        return [None, *_fallback(t.args[0])]
    raise ProblemError(f"no domain for type {t}")


def learn(t: T.Type, values: list[Any]) -> Domain:
    """The domain of `values` (normalized JSON values of type `t`)."""
    n = t.name
    if n == "optional":
        present = [v for v in values if v is not None]
        inner = learn(t.args[0], present)
        return OptionalDomain(inner, none_seen=len(present) < len(values), examples=_examples(values))
    if not values:
        return learn(t, _fallback(t))
    ex = _examples(values)
    if n == "bool":
        return BoolDomain(examples=ex)
    if n == "int":
        return _learn_int(values, ex)
    if n == "float":
        return _learn_float(values, ex)
    if n == "str":
        return _learn_str(values, ex)
    if n == "list":
        return _learn_list(t, values, ex)
    if n == "tuple":
        items = tuple(learn(a, [v[i] for v in values]) for i, a in enumerate(t.args))
        same_kind = len({a.name for a in t.args}) == 1 and t.args[0].name in ("int", "float", "str")
        ordered = same_kind and len(t.args) >= 2 and len(values) >= 3 and all(is_sorted(v) for v in values)
        return TupleDomain(items, ordered, examples=ex)
    if n == "dict":
        keys = [T.decode_key(t.args[0], k, "seed") for v in values for k in v]
        vals = [x for v in values for x in v.values()]
        sizes = [len(v) for v in values]
        return DictDomain(
            learn(t.args[0], keys), learn(t.args[1], vals), min(sizes), max(sizes),
            min(min(sizes), SMALL_FLOOR), length_cap(max(sizes)), examples=ex,
        )
    raise ProblemError(f"no domain for type {t}")


def _learn_int(values: list[int], ex: tuple[Any, ...]) -> IntDomain:
    mn, mx = min(values), max(values)
    # Sign is a line seeds draw for us: no negatives unless one was seen (Python's
    # % and // differ from C's on them, so translations legitimately disagree
    # outside the precondition), and the mirror for all-negative seeds.
    lo = max(INT64_MIN, mn - int_slack(mn)) if mn < 0 else min(mn, SMALL_FLOOR)
    hi = min(INT64_MAX, mx + int_slack(mx)) if mx > 0 else max(mx, -SMALL_FLOOR)
    return IntDomain(lo, hi, mn, mx, examples=ex)


def _decimals(v: float) -> int | None:
    r = repr(v)
    if "e" in r or "n" in r:  # exponent form, inf, nan: not a "nice" literal
        return None
    frac = r.split(".")[1].rstrip("0") if "." in r else ""
    return len(frac)


def _learn_float(values: list[float], ex: tuple[Any, ...]) -> FloatDomain:
    mn, mx = min(values), max(values)
    ds = [_decimals(v) for v in values]
    nice = all(d is not None and d <= 4 for d in ds)
    decimals = max([1, *(d for d in ds if d is not None)]) if nice else None
    lo, lo_open = (mn - float_slack(mn), False) if mn < 0 else (0.0, mn > 0)
    hi, hi_open = (mx + float_slack(mx), False) if mx > 0 else (0.0, mx < 0)
    if decimals is not None:
        lo, hi = round(lo, decimals), round(hi, decimals)
    return FloatDomain(lo, hi, lo_open, hi_open, mn, mx, decimals, examples=ex)


def _learn_str(values: list[str], ex: tuple[Any, ...]) -> StrDomain:
    counts = Counter(c for v in values for c in v)
    seen = set(counts)
    allowed = set(seen)
    classes = []
    for name, members in CLASSES:
        hit = seen & set(members)
        if hit:
            classes.append(name)
        if name in ("lower", "upper", "digit") and len(hit) >= OPEN_CLASS_AT:
            allowed |= set(members)
    if any(c not in "".join(m for _, m in CLASSES) for c in seen):
        classes.append("other")
    if not allowed:  # only empty strings seen: letters are the least surprising text
        allowed = set(string.ascii_lowercase)
    lens = [len(v) for v in values]
    words: list[str] = []
    tokens = [w for v in values for w in v.split(" ") if w]
    if any(" " in v for v in values):
        # Sentence-like seeds: word-level edits keep their shape (sort_numbers,
        # parse_music, separate_paren_groups) where character edits break it.
        words = list(dict.fromkeys(tokens))[: 2 * EXAMPLES]
    enough = len(values) >= FORMAT_MIN_SEEDS
    shapes = {shape_of(v) for v in values}
    # One shape with a literal in it, shared by every seed, is a format
    # ('a/b' fractions, 'N apples and M oranges'); a single run ('abc', '101')
    # says nothing the alphabet does not already say.
    shape = next(iter(shapes)) if enough and len(shapes) == 1 and len(next(iter(shapes))) > 1 else None
    closed = (
        shape is None
        and bool(words)
        and len(set(tokens)) == len(words)
        and len(tokens) >= CLOSED_WORDS_MIN_TOKENS
        and len(set(tokens)) <= CLOSED_WORDS_RATIO * len(tokens)
    )
    numeric = enough and all(NUMERIC.fullmatch(v) for v in values)
    # Nested groups ('(()()) ((()))') are a precondition when every seed is
    # balanced; bracket checkers (correct_bracketing) show unbalanced seeds too.
    with_brackets = sum(any(c in BRACKETS for c in v) for v in values)
    balanced = with_brackets >= FORMAT_MIN_SEEDS and all(is_balanced(v) for v in values)
    weights = tuple(sorted(counts.items()))
    return StrDomain(
        alphabet="".join(sorted(allowed)), weights=weights, classes=tuple(classes),
        seed_min_len=min(lens), seed_max_len=max(lens),
        lo_len=min(min(lens), SMALL_FLOOR), hi_len=length_cap(max(lens)),
        words=tuple(words), closed_words=closed, shape=shape, numeric=numeric,
        balanced=balanced, examples=ex,
    )


def _learn_list(t: T.Type, values: list[list[Any]], ex: tuple[Any, ...]) -> ListDomain:
    elems = [e for v in values for e in v]
    elem = learn(t.args[0], elems)
    lens = [len(v) for v in values]
    evidence = any(n >= PROPERTY_MIN_LEN for n in lens)
    srt = evidence and all(is_sorted(v) for v in values)
    unique = evidence and all(len({jkey(e) for e in v}) == len(v) for v in values)
    # A grid: every seed's rows share one length, and some seed has two rows to
    # show it (functions indexing grid[i][j] by the first row's width crash on
    # ragged input).
    rect = (
        t.args[0].name == "list"
        and any(len(v) >= 2 for v in values)
        and all(len({len(r) for r in v}) <= 1 for v in values)
    )
    square = rect and all(len(v) == len(v[0]) for v in values if v)
    return ListDomain(
        elem, min(lens), max(lens), min(min(lens), SMALL_FLOOR), length_cap(max(lens)),
        srt, unique, rect, square, examples=ex,
    )
