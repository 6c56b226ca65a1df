"""make_groups: one GEPO group per (problem, target language), all of whose members answer the
group's one prompt. Synthetic candidates and labels over real problems: no toolchain needed
(the end-to-end check on a real build is in test_build.py)."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from irgroups import schemas
from irgroups.problems.sources import load
from irgroups.prompts import translation_prompt
from irgroups.stages.groups import make_groups

TEMPLATE = "Rewrite {source_name} as {target_name} ({target_lang}): {signature}{where}"


def _cand(pid: str, lang: str, n: int, origin: str) -> dict[str, Any]:
    return {"candidate_id": f"{pid}|{lang}|{n}", "problem_id": pid, "lang": lang, "code": f"code {n}",
            "origin": origin}


def _label(c: dict[str, Any], equivalent: bool) -> dict[str, Any]:
    return {"candidate_id": c["candidate_id"], "problem_id": c["problem_id"], "lang": c["lang"],
            "origin": c["origin"], "equivalent": equivalent, "kind": None if equivalent else "wrong_output",
            "tests_passed": 3 if equivalent else 1, "tests_total": 3, "failed_tests": [] if equivalent else [0],
            "failed_original": 0 if equivalent else 1, "failed_amplified": 0}


def _fixture() -> tuple[list[Any], list[dict[str, Any]], list[dict[str, Any]]]:
    p0, p1, p2 = load("humaneval").problems[:3]
    spec = [  # (problem, lang, equivalent?) per candidate; labels deliberately not in language order
        (p0, "rust", True), (p0, "go", True), (p0, "rust", False), (p0, "go", False), (p0, "go", False),
        (p0, "csharp", True),  # no inequivalent member
        (p1, "rust", False),  # no equivalent member
        (p1, "go", True), (p1, "go", False),
    ]  # p2: nothing labelled
    cands, labels = [], []
    for i, (p, lang, eq) in enumerate(spec):
        c = _cand(p.problem_id, lang, i, "reference" if eq else f"mutant:op{i}")
        cands.append(c)
        labels.append(_label(c, eq))
    return [p0, p1, p2], cands, labels


def test_one_group_per_problem_and_language_under_one_prompt() -> None:
    problems, cands, labels = _fixture()
    rows, stats = make_groups(problems, cands, labels)
    pa.Table.from_pylist(rows, schema=schemas.GROUPS)  # fits the schema
    p0, p1, _ = problems
    # problems order, then languages sorted
    assert [(r["problem_id"], r["lang"]) for r in rows] == [
        (p0.problem_id, "go"), (p0.problem_id, "rust"), (p1.problem_id, "go")]
    by_problem = {p.problem_id: p for p in problems}
    for r in rows:
        assert r["langs"] == [r["lang"]]
        members = r["equivalent"] + r["inequivalent"]
        assert {m["lang"] for m in members} == {r["lang"]}
        assert all("prompt" not in m for m in members)
        assert r["prompt"] == translation_prompt(by_problem[r["problem_id"]], r["lang"])
        assert {m["candidate_id"] for m in members} == {
            c["candidate_id"] for c in cands if (c["problem_id"], c["lang"]) == (r["problem_id"], r["lang"])}
    go, rust = rows[0], rows[1]
    assert (len(go["equivalent"]), len(go["inequivalent"]), len(rust["equivalent"]), len(rust["inequivalent"])) \
        == (1, 2, 1, 1)
    assert go["prompt"] != rust["prompt"]
    assert len({r["group_id"] for r in rows}) == len(rows)
    # per (problem, language) with labels but no group, plus problems with no labelled candidate
    assert stats["no_group"] == {"no inequivalent member": 1, "no equivalent member": 1,
                                 "no labelled candidates": 1}


def test_group_id_names_the_language() -> None:
    """The same candidate ids under another language make another group."""
    problems, cands, labels = _fixture()
    rows, _ = make_groups(problems, cands, labels)
    relabelled = [{**c, "lang": "csharp"} if c["lang"] == "go" and c["problem_id"] == problems[1].problem_id else c
                  for c in cands]
    again, _ = make_groups(problems, relabelled, labels)
    before = {(r["problem_id"], r["lang"]): r["group_id"] for r in rows}
    after = {(r["problem_id"], r["lang"]): r["group_id"] for r in again}
    pid = problems[1].problem_id
    assert after[(pid, "csharp")] != before[(pid, "go")]
    assert make_groups(problems, cands, labels)[0] == rows  # deterministic


def test_the_runs_template_makes_the_prompt() -> None:
    problems, cands, labels = _fixture()
    rows, _ = make_groups(problems, cands, labels, TEMPLATE)
    by_problem = {p.problem_id: p for p in problems}
    for r in rows:
        assert r["prompt"] == translation_prompt(by_problem[r["problem_id"]], r["lang"], TEMPLATE)
        assert r["prompt"].startswith("Rewrite Python as ")
