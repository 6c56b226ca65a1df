"""Diversity of equivalent sets and the member caps of a group (irgroups/variety.py)."""

from __future__ import annotations

from typing import Any

from irgroups import variety


def member(cid: str, code: str, origin: str = "rewrite:rename", kind: str | None = None) -> dict[str, Any]:
    return {"candidate_id": cid, "code": code, "origin": origin, "kind": kind}


def test_distance_and_diversity() -> None:
    a, b = variety.tokens("x = a + b;"), variety.tokens("x = b + a;")
    assert variety.distance(a, a) == 0.0
    assert 0 < variety.distance(a, b) < 1
    assert variety.distance(a, variety.tokens("while true {}")) == 1.0
    assert variety.diversity(["x = 1;"]) is None
    assert variety.diversity(["x = 1;", "x = 1;", "x = 1;"]) == 0.0


def test_pick_equivalent_keeps_the_reference_then_the_farthest() -> None:
    ref = member("r", "fn f(a: i64) -> i64 { a + 1 }", origin="reference")
    near = member("a", "fn f(b: i64) -> i64 { b + 1 }")
    same_as_near = member("b", "fn f(c: i64) -> i64 { c + 1 }")
    far = member("c", "fn f(a: i64) -> i64 { let mut t = a; t += 1; return t; }")
    kept = variety.pick_equivalent([near, same_as_near, far, ref], 2)
    assert [m["candidate_id"] for m in kept] == ["r", "c"]
    assert variety.pick_equivalent([near, ref], None) == [near, ref]


def test_pick_inequivalent_caps_each_kind_and_takes_turns() -> None:
    members = ([member(f"c{i}", "", "mutant:x", "compile_error") for i in range(8)]
               + [member(f"w{i}", "", "mutant:x", "wrong_output") for i in range(2)]
               + [member("r0", "", "mutant:x", "runtime_error")])
    capped = variety.pick_inequivalent(members, None, 0.5)
    kinds = [m["kind"] for m in capped]
    assert kinds.count("compile_error") <= len(capped) * 0.5 and {"wrong_output", "runtime_error"} <= set(kinds)
    four = variety.pick_inequivalent(members, 4, None)
    assert [m["kind"] for m in four] == ["compile_error", "wrong_output", "runtime_error", "compile_error"]
    uncapped = variety.pick_inequivalent(members, None, None)
    assert sorted(m["candidate_id"] for m in uncapped) == sorted(m["candidate_id"] for m in members)
