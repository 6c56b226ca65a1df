"""Amplified test inputs: new argument tuples proposed from a problem's seeds.

Two strategies:
- "mutate" (default): type-aware mutation of the seed inputs, one argument at
  a time mostly, with mutants of mutants so inputs wander a little from the
  seeds. Near-misses of real inputs are what separate a correct program from
  an off-by-one one: the boundary of a range, one element more, two
  characters swapped.
- "sample": fresh values drawn from the inferred Domain, not derived from any
  particular seed, for a check set independent of the mutants.

Every input is a tuple of JSON values in the neutral form, passes
`types.decode` and its parameter's Domain, differs from every test's args and
from every other input, and depends only on (problem, n, seed, strategy).
Expected outputs are not computed here: the source program does that later.
"""

from __future__ import annotations

import copy
import random
from typing import Any

from irgroups import types as T
from irgroups.amplify.domain import (
    BRACKETS,
    CLOSERS,
    BoolDomain,
    DictDomain,
    Domain,
    FloatDomain,
    IntDomain,
    LengthLink,
    ListDomain,
    OptionalDomain,
    StrDomain,
    TupleDomain,
    char_kind,
    infer_domain,
    infer_links,
    jkey,
    key_to_json,
    normalize,
)
from irgroups.amplify.grammar import stdio_inputs
from irgroups.errors import ProblemError
from irgroups.problems.model import STDIO, Problem

STRATEGIES = ("mutate", "sample")

# Candidates tried per requested input before giving up: small domains (an int
# in [1, 11]) run out of new values, and the loop must end anyway. 40 reaches
# n=100 on every problem whose domain has room, measured on HumanEval.
ATTEMPTS_PER_INPUT = 40

# A mutant's parent is a seed half of the time and any earlier input (seed or
# mutant) otherwise: enough chaining to wander, enough seeds to stay close.
SEED_PARENT = 0.5
# Most mutants change one argument, so a failure points at one thing; some
# change several, since interactions (a threshold and a list) matter too.
ONE_ARG = 0.75
# How often a changed argument is instead taken whole from another input.
CROSSOVER = 0.15

Rng = random.Random


def amplify_inputs(
    problem: Problem, n: int, seed: int = 0, strategy: str = "mutate"
) -> list[tuple[Any, ...]]:
    """Up to `n` new argument tuples for `problem` (fewer when its domain is small)."""
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}: use one of {', '.join(STRATEGIES)}")
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    if problem.kind == STDIO:  # whole programs: inputs from the declared grammar, none without one
        return stdio_inputs(problem, n, seed)
    params = problem.signature.params
    if n == 0 or not params:  # a function of no arguments has one input, the tests' own
        return []
    gen = _Generator(problem, seed, strategy)
    seeds: list[tuple[Any, ...]] = []
    seen: set[str] = set()
    for t in problem.tests:
        args = tuple(normalize(p.type, a) for p, a in zip(params, t.args))
        if jkey(list(args)) not in seen:
            seen.add(jkey(list(args)))
            seeds.append(args)
    pool = list(seeds)
    out: list[tuple[Any, ...]] = []
    # Boundary values go in early, one attempt in three until they are used
    # up: they are the inputs that kill the most off-by-one programs (is_prime
    # at 2, an empty list, the largest allowed number), and left to chance a
    # run of 50 mutants misses a given one about a quarter of the time.
    edges = gen.boundary_args(seeds) if strategy == "mutate" else []
    for attempt in range(ATTEMPTS_PER_INPUT * n + 200):
        if len(out) >= n:
            break
        if edges and attempt % 3 == 0:
            cand = edges.pop()
        elif strategy == "mutate":
            parent = gen.rng.choice(seeds if gen.rng.random() < SEED_PARENT else pool)
            cand = gen.mutate_args(parent, pool)
        else:
            cand = gen.sample_args()
        if cand is None or not gen.valid(cand):
            continue
        k = jkey(list(cand))
        if k in seen:
            continue
        seen.add(k)
        out.append(cand)
        pool.append(cand)
    # Callers own what they get back: nothing shared with the pool or the domains.
    return copy.deepcopy(out)


class _Generator:
    def __init__(self, problem: Problem, seed: int, strategy: str) -> None:
        self.types = [p.type for p in problem.signature.params]
        self.domains: list[Domain] = infer_domain(problem)
        self.links: list[LengthLink] = infer_links(problem)
        # A string seed is hashed with SHA-512 by random.Random: the same stream
        # in every process, whatever PYTHONHASHSEED is.
        self.rng = Rng(f"amplify\x00{problem.problem_id}\x00{seed}\x00{strategy}")

    def valid(self, args: tuple[Any, ...]) -> bool:
        for t, d, a in zip(self.types, self.domains, args):
            if not d.contains(a):
                return False
            try:
                T.decode(t, a)
            except ProblemError:
                return False
        return all(link.holds(args) for link in self.links)

    def mutate_args(self, parent: tuple[Any, ...], pool: list[tuple[Any, ...]]) -> tuple[Any, ...] | None:
        r, m = self.rng, len(parent)
        k = 1 if m == 1 or r.random() < ONE_ARG else r.randint(2, m)
        which = sorted(r.sample(range(m), k))
        args = list(parent)
        for i in which:
            if m > 1 and len(pool) > 1 and r.random() < CROSSOVER:
                args[i] = r.choice(pool)[i]
                continue
            v = mutate(self.domains[i], args[i], r)
            if v is None:
                return None
            args[i] = v
        return self._fit_links(args, set(which))

    def boundary_args(self, seeds: list[tuple[Any, ...]]) -> list[tuple[Any, ...] | None]:
        """Each parameter's boundary values, each put into a random seed."""
        out: list[tuple[Any, ...] | None] = []
        for i, d in enumerate(self.domains):
            for b in boundaries(d):
                args = list(self.rng.choice(seeds))
                args[i] = b
                out.append(self._fit_links(args, {i}))
        self.rng.shuffle(out)
        return out

    def sample_args(self) -> tuple[Any, ...] | None:
        args = [sample(d, self.rng) for d in self.domains]
        return self._fit_links(args, set(range(len(args))))

    def _fit_links(self, args: list[Any], changed: set[int]) -> tuple[Any, ...] | None:
        """Resize one side of each broken length link to match the other side:
        the side that was not changed follows the side that was."""
        for link in self.links:
            if link.holds(args):
                continue
            if link.j in changed and link.i not in changed:
                dst, want = link.i, len(args[link.j]) + link.offset
            else:
                dst, want = link.j, len(args[link.i]) - link.offset
            fitted = _fit_length(self.domains[dst], args[dst], want, self.rng)
            if fitted is None:
                return None
            args[dst] = fitted
        return tuple(args)


def boundaries(d: Domain) -> list[Any]:
    """Values at the edges of `d` (some may fall outside it: callers filter)."""
    if isinstance(d, OptionalDomain):
        return [None, *boundaries(d.inner)]
    if isinstance(d, BoolDomain):
        return [False, True]
    if isinstance(d, IntDomain):
        return list(dict.fromkeys((d.lo, d.lo + 1, d.lo + 2, d.hi - 1, d.hi, 0, 1, -1, 2)))
    if isinstance(d, FloatDomain):
        s = d.step
        vals = (d.lo + s if d.lo_open else d.lo, d.hi - s if d.hi_open else d.hi, 0.0, s, 1.0, -1.0)
        return list(dict.fromkeys(_round(d, v) for v in vals))
    if isinstance(d, StrDomain):
        common = max(d.weights, key=lambda cw: cw[1])[0] if d.weights else d.alphabet[:1]
        # the ends of each character class alone: where range checks (`ch <= 'z'`) go wrong, and
        # mutation reaches them rarely (50 inputs had no 'z' nor 'A' for a word counter)
        return ["", common, *(c for c in "azAZ09" if c in d.alphabet)]
    if isinstance(d, ListDomain):
        singles = [] if d.rectangular else [[e] for e in boundaries(d.elem)[:4]]
        return [[], *singles]
    if isinstance(d, DictDomain):
        return [{}]
    return []


# --- mutation -----------------------------------------------------------------


def mutate(d: Domain, v: Any, r: Rng, tries: int = 6) -> Any | None:
    """A value of `d` near `v` and different from it, or None when none was found."""
    before = jkey(v)
    for _ in range(tries):
        out = _mutate_once(d, v, r)
        if out is not None and d.contains(out) and jkey(out) != before:
            return out
    return None


def _mutate_once(d: Domain, v: Any, r: Rng) -> Any | None:
    if isinstance(d, OptionalDomain):
        if v is None:
            present = [e for e in d.examples if e is not None]
            return r.choice(present) if present and r.random() < 0.5 else sample(d.inner, r)
        if d.none_seen and r.random() < 0.2:
            return None
        return mutate(d.inner, v, r, tries=1)
    if isinstance(d, BoolDomain):
        return not v
    if isinstance(d, IntDomain):
        return _mutate_int(d, v, r)
    if isinstance(d, FloatDomain):
        return _mutate_float(d, v, r)
    if isinstance(d, StrDomain):
        if d.words and " " in v and r.random() < (0.85 if d.closed_words else 0.4):
            return _mutate_words(d, v, r)
        if d.balanced and r.random() < 0.5:
            return _mutate_brackets(d, v, r)
        if r.random() < (0.5 if d.shape or d.numeric else 0.2):
            return _mutate_run(d, v, r)
        return _mutate_str(d, v, r)
    if isinstance(d, ListDomain):
        return _mutate_list(d, v, r)
    if isinstance(d, TupleDomain):
        return _mutate_tuple(d, v, r)
    if isinstance(d, DictDomain):
        return _mutate_dict(d, v, r)
    raise TypeError(f"no mutation for {type(d).__name__}")


def _mutate_int(d: IntDomain, v: int, r: Rng) -> int:
    c = r.random()
    if c < 0.25:
        return v + r.choice((-1, 1))
    if c < 0.37:
        return v + r.choice((-1, 1)) * r.randint(2, 10)
    if c < 0.45:  # relative moves, for seeds where +-1 is nothing (255379)
        return v + r.randint(-(abs(v) // 4), abs(v) // 4)
    if c < 0.53:
        return v * 2 if r.random() < 0.5 else v // 2
    if c < 0.57:
        return -v
    if c < 0.72:  # boundaries: the domain's, and the classic small values
        return r.choice((d.lo, d.lo + 1, d.hi, d.hi - 1, 0, 1, -1))
    if c < 0.84:
        return r.randint(d.seed_min, d.seed_max)
    if c < 0.94:
        return r.randint(d.lo, d.hi)
    return int(r.choice(d.examples))


def _round(d: FloatDomain, x: float) -> float:
    if d.decimals is not None:
        x = round(x, d.decimals)
    return float(x) + 0.0  # + 0.0 turns -0.0 into 0.0: one zero, one input


def _mutate_float(d: FloatDomain, v: float, r: Rng) -> float:
    c, s = r.random(), d.step
    if c < 0.25:
        x = v + r.choice((-1, 1)) * s * r.randint(1, 3)
    elif c < 0.37:
        x = v + r.choice((-1, 1)) * r.choice((0.5, 1.0, 2.0))
    elif c < 0.45:
        x = v * 2 if r.random() < 0.5 else v / 2
    elif c < 0.5:
        x = -v
    elif c < 0.65:
        x = r.choice((d.lo, d.lo + s, d.hi, d.hi - s, 0.0, 1.0, d.seed_min, d.seed_max))
    elif c < 0.8:
        x = r.uniform(d.seed_min, d.seed_max)
    elif c < 0.9:
        x = r.uniform(d.lo, d.hi)
    else:
        x = float(r.choice(d.examples))
    return _round(d, x)


def _pick_char(d: StrDomain, s: str, r: Rng) -> str:
    """A character for an edit: one of the string's own (keeps its texture), a
    seen one by frequency (typical text), or any allowed one (the rest)."""
    x = r.random()
    if s and x < 0.4:
        return r.choice(s)
    if x < 0.8 and d.weights:
        chars, counts = zip(*d.weights)
        return r.choices(chars, counts)[0]
    edges = [c for c in "azAZ09" if c in d.alphabet]
    if x < 0.9 and edges:
        return r.choice(edges)  # the ends of a character class (see `boundaries`)
    return r.choice(d.alphabet)


def _mutate_str(d: StrDomain, s: str, r: Rng) -> str | None:
    n = len(s)
    i = r.randint(0, n)
    c = r.randrange(12)
    if c == 0:
        return s[:i] + _pick_char(d, s, r) + s[i:]
    if c == 11:
        return s[:i] + _pick_char(d, s, r) * r.randint(2, 4) + s[i:]
    if c == 8:
        return "" if r.random() < 0.5 else s[: d.lo_len]
    if c == 9:
        return str(r.choice(d.examples))
    if c == 10:
        ex = str(r.choice(d.examples))
        return s + ex if r.random() < 0.5 else ex + s
    if n == 0:
        return None
    j = r.randrange(n)
    if c == 1:
        return s[:j] + s[j + 1 :]
    if c == 2:
        return s[:j] + _pick_char(d, s, r) + s[j + 1 :]
    if c == 3:
        if n < 2:
            return None
        j = r.randrange(n - 1)
        return s[:j] + s[j + 1] + s[j] + s[j + 2 :]
    if c == 4:
        return s[::-1]
    a, b = sorted((j, r.randint(0, n)))
    if c == 5:
        return s[:b] + s[a:b] + s[b:]
    if c == 6:
        return s[:a] + s[b:]
    ch = s[j]  # c == 7: flip one character's case (the alphabet decides if allowed)
    return s[:j] + ch.swapcase() + s[j + 1 :]


def _runs(s: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each maximal run of letters ('a') or digits ('0')."""
    out = []
    i = 0
    while i < len(s):
        k = char_kind(s[i])
        j = i + 1
        while j < len(s) and k is not None and char_kind(s[j]) == k:
            j += 1
        if k is not None:
            out.append((i, j, k))
        i = j
    return out


def _fresh_run(d: StrDomain, kind: str, n: int, r: Rng) -> str | None:
    """`n` allowed characters of one kind, mostly the seen ones by frequency."""
    seen = [(c, w) for c, w in d.weights if char_kind(c) == kind]
    pool = [c for c in d.alphabet if char_kind(c) == kind]
    if not pool:
        return None
    out = []
    for _ in range(n):
        if seen and r.random() < 0.6:
            out.append(r.choices([c for c, _ in seen], [w for _, w in seen])[0])
        else:
            out.append(r.choice(pool))
    return "".join(out)


def _mutate_run(d: StrDomain, s: str, r: Rng) -> str | None:
    """Change one number or word inside a string and keep the rest: a date's
    day, a fraction's numerator, one word of a sentence."""
    runs = _runs(s)
    if not runs:
        return None
    a, b, k = r.choice(runs)
    if k == "0" and r.random() < 0.5:
        num = int(s[a:b]) + r.choice((-1, 1)) * r.choice((1, 1, 1, 2, 10))
        return s[:a] + str(num) + s[b:] if num >= 0 else None
    fresh = _fresh_run(d, k, max(1, b - a + r.randint(-1, 1)), r)
    return None if fresh is None else s[:a] + fresh + s[b:]


def _pairs(d: StrDomain) -> list[tuple[str, str]]:
    return [(o, c) for o, c in BRACKETS.items() if o in d.alphabet and c in d.alphabet]


def _mutate_brackets(d: StrDomain, s: str, r: Rng) -> str | None:
    """Edits that keep brackets balanced: add an empty pair, drop a matched
    pair, or wrap a group in a new pair (one level deeper)."""
    pairs = _pairs(d)
    if not pairs:
        return None
    o, c = r.choice(pairs)
    x = r.random()
    if x < 0.4 or not s:
        i = r.randint(0, len(s))
        return s[:i] + o + c + s[i:]
    opens = [i for i, ch in enumerate(s) if ch in BRACKETS]
    if not opens:
        return None
    i = r.choice(opens)
    depth, j = 0, i
    for j in range(i, len(s)):  # j: the partner of the bracket at i (s is balanced)
        if s[j] in BRACKETS:
            depth += 1
        elif s[j] in CLOSERS:
            depth -= 1
        if depth == 0:
            break
    if depth != 0:
        return None
    if x < 0.7:
        return s[:i] + s[i + 1 : j] + s[j + 1 :]
    return s[:i] + o + s[i : j + 1] + c + s[j + 1 :]


def _balanced(d: StrDomain, r: Rng, n: int) -> str | None:
    """A fresh balanced string of about `n` characters: pairs inserted at
    random places, split into space-separated groups when seeds have spaces."""
    pairs = _pairs(d)
    if not pairs:
        return None
    groups = r.randint(1, 4) if " " in d.alphabet else 1
    out = []
    for _ in range(groups):
        g = ""
        for _ in range(max(1, n // (2 * groups))):
            o, c = r.choice(pairs)
            i = r.randint(0, len(g))
            g = g[:i] + o + c + g[i:]
        out.append(g)
    return " ".join(out)


def _template(d: StrDomain, r: Rng) -> str | None:
    """A seen string with each number and word redrawn (a few kept as they
    are): a new value of the same format, from no particular seed's content."""
    s = str(r.choice(d.examples))
    out, last = [], 0
    for a, b, k in _runs(s):
        out.append(s[last:a])
        if r.random() < 0.3:
            out.append(s[a:b])
        else:
            fresh = _fresh_run(d, k, max(1, b - a + r.randint(-1, 1)), r)
            if fresh is None:
                return None
            out.append(fresh)
        last = b
    out.append(s[last:])
    return "".join(out)


def _mutate_words(d: StrDomain, s: str, r: Rng) -> str | None:
    toks = s.split(" ")
    i = r.randrange(len(toks))
    c = r.randrange(5)
    if c == 0:
        if len(toks) < 2:
            return None
        del toks[i]
    elif c == 1:
        toks.insert(i, toks[i])
    elif c == 2:
        j = r.randrange(len(toks))
        toks[i], toks[j] = toks[j], toks[i]
    elif c == 3:
        toks.insert(r.randint(0, len(toks)), r.choice(d.words))
    else:
        toks[i] = r.choice(d.words)
    return " ".join(toks)


def _fix_list(d: ListDomain, w: list[Any]) -> list[Any] | None:
    """Restore the list properties the domain requires after an edit: sorting
    and de-duplication repair most edits, where rejecting would waste them."""
    if d.sorted:
        try:
            w = sorted(w)
        except TypeError:
            return None
    if d.unique:
        seen: set[str] = set()
        kept = []
        for e in w:
            k = jkey(e)
            if k not in seen:
                seen.add(k)
                kept.append(e)
        w = kept
    return w


def _new_elem(d: ListDomain, w: list[Any], r: Rng) -> Any:
    """An element to insert into `w`: a seen element, a mutant of one, or fresh."""
    e = d.elem
    if d.rectangular and w:
        return _sample_sized(e, r, len(w[0]))
    x = r.random()
    if x < 0.4 and e.examples:
        return r.choice(e.examples)
    if x < 0.7:
        base = r.choice(w) if w and r.random() < 0.5 else (r.choice(e.examples) if e.examples else None)
        if base is not None:
            m = mutate(e, base, r, tries=2)
            if m is not None:
                return m
    return sample(e, r)


def _mutate_list(d: ListDomain, v: list[Any], r: Rng) -> list[Any] | None:
    w = list(v)
    n = len(w)
    c = r.randrange(17)
    if c >= 15 and n and isinstance(d.elem, (IntDomain, FloatDomain)):
        # a neighbour related to an element (its negation, a copy, one off): pairwise checks such as
        # "two entries sum to zero" or "no two equal neighbours" need such pairs, which independent
        # random elements almost never form
        i = r.randrange(n)
        x = w[i]
        e = d.elem
        if isinstance(e, FloatDomain):
            related = [_round(e, y) for y in (-x, x, x + e.step, x - e.step)]
        else:
            related = [-x, x, x + 1, x - 1]
        related = [y for y in related if e.contains(y)]
        if not related:
            return None
        w.insert(i + 1 if c == 15 else r.randint(0, n), r.choice(related))
        return _fix_list(d, w)
    if c == 0:
        w.insert(r.randint(0, n), _new_elem(d, w, r))
    elif c == 1:
        w = [] if r.random() < 0.5 else w[: d.lo_len]
    elif c == 2:
        target = r.randint(max(n, d.seed_max_len), d.hi_len)
        while len(w) < target:
            w.insert(r.randint(0, len(w)), _new_elem(d, w, r))
    elif c == 3:
        w = list(r.choice(d.examples))
    elif c == 4 and d.rectangular and w and isinstance(d.elem, ListDomain):
        # Grids change by whole columns (and rows with them, when square):
        # any other length edit would make them ragged.
        inner, width = d.elem, len(w[0])
        if r.random() < 0.5:
            j = r.randint(0, width)
            w = [row[:j] + [_new_elem(inner, row, r)] + row[j:] for row in w]
            if d.square:
                w.insert(r.randint(0, len(w)), _sample_sized(inner, r, width + 1))
        else:
            if width == 0:
                return None
            j = r.randrange(width)
            w = [row[:j] + row[j + 1 :] for row in w]
            if d.square:
                del w[r.randrange(len(w))]
    elif n == 0:
        return None
    else:
        i = r.randrange(n)
        if c in (4, 5, 6):
            m = mutate(d.elem, w[i], r, tries=3)
            if m is None:
                return None
            w[i] = m
        elif c == 7:
            for j in r.sample(range(n), min(n, r.randint(2, 3))):
                m = mutate(d.elem, w[j], r, tries=2)
                w[j] = w[j] if m is None else m
        elif c == 8:
            del w[i]
        elif c == 9:
            w[i] = _new_elem(d, w, r)
        elif c == 10:
            j = r.randrange(n)
            w[i], w[j] = w[j], w[i]
        elif c == 11:
            w.reverse()
        elif c == 12:
            r.shuffle(w)
        elif c == 13:
            w.insert(r.randint(0, n), w[i])
        else:
            a, b = sorted((i, r.randint(0, n)))
            del w[a:b]
    return _fix_list(d, w)


def _mutate_tuple(d: TupleDomain, v: list[Any], r: Rng) -> list[Any] | None:
    if r.random() < 0.1 and d.examples:
        return list(r.choice(d.examples))
    w = list(v)
    i = r.randrange(len(w))
    m = mutate(d.items[i], w[i], r, tries=2)
    if m is None:
        return None
    w[i] = m
    if d.ordered:
        try:
            w.sort()
        except TypeError:
            return None
    return w


def _new_key(d: DictDomain, present: list[str], r: Rng) -> str:
    if present and r.random() < 0.5:
        typed = T.decode_key(d.key.type, r.choice(present), "key")
        m = mutate(d.key, typed, r, tries=2)
        if m is not None:
            return key_to_json(m)
    return key_to_json(sample(d.key, r))


def _mutate_dict(d: DictDomain, v: dict[str, Any], r: Rng) -> dict[str, Any] | None:
    w = dict(v)
    keys = list(w)
    c = r.randrange(5)
    if c == 0:
        w[_new_key(d, keys, r)] = sample(d.value, r)
    elif c == 4:
        return dict(r.choice(d.examples)) if r.random() < 0.5 else {}
    elif not keys:
        return None
    else:
        k = r.choice(keys)
        if c == 1:
            del w[k]
        elif c == 2:
            m = mutate(d.value, w[k], r, tries=2)
            if m is None:
                return None
            w[k] = m
        else:
            w[_new_key(d, keys, r)] = w.pop(k)
    return w


# --- fresh values ---------------------------------------------------------------


def _sample_len(lo: int, seed_min: int, seed_max: int, hi: int, r: Rng) -> int:
    """Mostly the seeds' lengths, sometimes the very shortest or the longest allowed."""
    c = r.random()
    if c < 0.15:
        return r.randint(lo, min(lo + 1, hi))
    if c < 0.85:
        return r.randint(min(lo, seed_min), max(seed_max, lo))
    return r.randint(max(seed_max, lo), hi)


def sample(d: Domain, r: Rng) -> Any:
    """A fresh value of `d` (usually inside it; callers filter with `contains`)."""
    if isinstance(d, OptionalDomain):
        return None if d.none_seen and r.random() < 0.2 else sample(d.inner, r)
    if isinstance(d, BoolDomain):
        return r.random() < 0.5
    if isinstance(d, IntDomain):
        c = r.random()
        if c < 0.2:
            return r.randint(d.lo, min(d.lo + 3, d.hi))
        if c < 0.3:
            return r.randint(max(d.hi - 3, d.lo), d.hi)
        if c < 0.65:
            return r.randint(d.seed_min, d.seed_max)
        if c < 0.85 or max(d.lo, -10) > min(d.hi, 10):
            return r.randint(d.lo, d.hi)
        return r.randint(max(d.lo, -10), min(d.hi, 10))
    if isinstance(d, FloatDomain):
        c = r.random()
        if c < 0.15:
            x = r.choice((d.lo + d.step, d.hi - d.step, 0.0, 1.0))
        elif c < 0.7:
            x = r.uniform(d.seed_min, d.seed_max)
        else:
            x = r.uniform(d.lo, d.hi)
        return _round(d, x)
    if isinstance(d, StrDomain):
        x = r.random()
        if d.balanced and x < 0.6:
            return _balanced(d, r, _sample_len(d.lo_len, d.seed_min_len, d.seed_max_len, d.hi_len, r))
        if d.shape or d.numeric or (0.5 <= x < 0.8 if d.words else x < 0.6):
            return _template(d, r)
    if isinstance(d, (StrDomain, ListDomain)):
        n = _sample_len(d.lo_len, d.seed_min_len, d.seed_max_len, d.hi_len, r)
        return _sample_sized(d, r, n)
    if isinstance(d, TupleDomain):
        w = [sample(i, r) for i in d.items]
        if d.ordered:  # ordered only for same-kind scalar components: comparable
            w.sort()
        return w
    if isinstance(d, DictDomain):
        size = _sample_len(d.lo_size, d.seed_min_size, d.seed_max_size, d.hi_size, r)
        out: dict[str, Any] = {}
        for _ in range(size * 2):
            if len(out) >= size:
                break
            out[key_to_json(sample(d.key, r))] = sample(d.value, r)
        return out
    raise TypeError(f"no sampler for {type(d).__name__}")


def _sample_sized(d: Domain, r: Rng, n: int) -> Any:
    """A fresh string or list of length `n` (before list repairs); other domains ignore `n`."""
    if isinstance(d, StrDomain):
        if d.words and r.random() < (0.9 if d.closed_words else 0.6):
            # Sentence-like domains: whole seen words keep the format parsable.
            toks: list[str] = []
            while len(" ".join(toks)) < n:
                toks.append(r.choice(d.words))
            return " ".join(toks)
        return "".join(_pick_char(d, "", r) for _ in range(n))
    if isinstance(d, ListDomain):
        if d.rectangular and isinstance(d.elem, ListDomain):
            e = d.elem
            width = n if d.square else _sample_len(e.lo_len, e.seed_min_len, e.seed_max_len, e.hi_len, r)
            w = [_sample_sized(e, r, width) for _ in range(n)]
        else:
            w = [
                r.choice(d.elem.examples) if d.elem.examples and r.random() < 0.35 else sample(d.elem, r)
                for _ in range(n)
            ]
        return _fix_list(d, w)
    return sample(d, r)


def _fit_length(d: Domain, v: Any, n: int, r: Rng) -> Any | None:
    """`v` cut or grown to length `n` (for length links between arguments)."""
    if n < 0:
        return None
    if isinstance(d, StrDomain):
        return v[:n] if len(v) >= n else v + "".join(_pick_char(d, v, r) for _ in range(n - len(v)))
    if isinstance(d, ListDomain):
        w = list(v[:n])
        while len(w) < n:
            w.append(_new_elem(d, w, r))
        return _fix_list(d, w)
    return None
