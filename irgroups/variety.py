"""How different the members of an equivalent set are, and which members a capped group keeps.

Distance between two programs: the share of tokens left unmatched when their token sequences are
aligned (difflib's matching blocks), over the longer one: 0 for the same tokens, 1 for nothing in
common. A renamed variable moves it a little, a loop in another form more. A group's diversity
is the mean distance over all pairs of its equivalent members (None with fewer than two).
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from typing import Any

_TOKEN = re.compile(r"[A-Za-z_][A-Za-z_0-9]*|\d+(?:\.\d+)?|\S")


def tokens(code: str) -> list[str]:
    return _TOKEN.findall(code)


def distance(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return 1.0 - same / max(len(a), len(b))


def diversity(codes: list[str]) -> float | None:
    toks = [tokens(c) for c in codes]
    pairs = [distance(a, b) for a, b in itertools.combinations(toks, 2)]
    return sum(pairs) / len(pairs) if pairs else None


def pick_equivalent(members: list[dict[str, Any]], cap: int | None) -> list[dict[str, Any]]:
    """At most `cap` members: the reference (else the first by candidate id), then again and again
    the member farthest from those already kept (its smallest distance to them is the largest;
    ties by candidate id). Without a cap, all of them."""
    if cap is None or len(members) <= cap:
        return members
    order = sorted(members, key=lambda m: (m["origin"] != "reference", m["candidate_id"]))
    toks = {m["candidate_id"]: tokens(m["code"]) for m in order}
    kept = [order[0]]
    rest = order[1:]
    while rest and len(kept) < cap:
        best = max(rest, key=lambda m: (min(distance(toks[m["candidate_id"]], toks[k["candidate_id"]]) for k in kept),
                                        _neg(m["candidate_id"])))
        kept.append(best)
        rest.remove(best)
    return kept


def _neg(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)  # max() then prefers the smallest candidate id among ties


def pick_inequivalent(members: list[dict[str, Any]], cap: int | None, kind_share: float | None) -> list[dict[str, Any]]:
    """No failure kind above `kind_share` of the members kept (at least one of each kind stays),
    then at most `cap` members, kinds taking turns (the most common kind first; within a kind,
    by candidate id)."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for m in sorted(members, key=lambda m: m["candidate_id"]):
        by_kind.setdefault(m["kind"] or "", []).append(m)
    if kind_share is not None:
        counts = Counter({k: len(v) for k, v in by_kind.items()})
        while True:
            total = sum(counts.values())
            limit = max(1, int(kind_share * total))
            over = [k for k, n in counts.items() if n > limit]
            if not over:
                break
            for k in over:
                counts[k] = limit
        by_kind = {k: v[: counts[k]] for k, v in by_kind.items()}
    kinds = sorted(by_kind, key=lambda k: (-len(by_kind[k]), k))
    out: list[dict[str, Any]] = []
    turn = 0
    limit_total = cap if cap is not None else sum(len(v) for v in by_kind.values())
    while len(out) < limit_total and any(len(by_kind[k]) > turn for k in kinds):
        for k in kinds:
            if len(out) < limit_total and len(by_kind[k]) > turn:
                out.append(by_kind[k][turn])
        turn += 1
    return out
