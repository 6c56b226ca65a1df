"""labels -> groups: one GEPO group per problem, across the target languages.

A group needs at least one equivalent and one inequivalent member; a problem
without a group is counted with its reason. A group carries how strong its problem's tests
are (irgroups/strength.py), so users can leave out weakly tested problems."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from irgroups import schemas
from irgroups.problems.model import Problem
from irgroups.prompts import translation_prompt
from irgroups.stages.base import Context, Output, Shard, Stage, register
from irgroups.strength import problem_scores


def make_groups(problems: list[Problem], candidates: list[dict[str, Any]],
                labels: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    by_id = {c["candidate_id"]: c for c in candidates}
    by_problem: dict[str, list[dict[str, Any]]] = {}
    for lab in labels:
        by_problem.setdefault(lab["problem_id"], []).append(lab)
    rows = []
    no_group: Counter[str] = Counter()
    prompts: dict[tuple[str, str], str] = {}
    scores = problem_scores(labels)
    for problem in problems:
        labs = by_problem.get(problem.problem_id, [])
        equivalent: list[dict[str, Any]] = []
        inequivalent: list[dict[str, Any]] = []
        for lab in labs:
            cand = by_id[lab["candidate_id"]]
            key = (problem.problem_id, cand["lang"])
            if key not in prompts:
                prompts[key] = translation_prompt(problem, cand["lang"])
            member = {
                "lang": cand["lang"], "code": cand["code"], "candidate_id": cand["candidate_id"],
                "origin": cand["origin"], "prompt": prompts[key], "kind": lab["kind"],
                "tests_passed": lab["tests_passed"], "tests_total": lab["tests_total"],
            }
            (equivalent if lab["equivalent"] else inequivalent).append(member)
        if not labs:
            no_group["no labelled candidates"] += 1
            continue
        if not equivalent:
            no_group["no equivalent member"] += 1
            continue
        if not inequivalent:
            no_group["no inequivalent member"] += 1
            continue
        members = sorted(m["candidate_id"] for m in equivalent + inequivalent)
        gid = hashlib.sha256((problem.problem_id + "|" + ",".join(members)).encode()).hexdigest()[:24]
        strength = scores.get(problem.problem_id, {})
        rows.append({
            "group_id": gid, "problem_id": problem.problem_id, "source_lang": problem.source_lang,
            "source_code": problem.source_code,
            "langs": sorted({m["lang"] for m in equivalent + inequivalent}),
            "equivalent": equivalent, "inequivalent": inequivalent,
            "tests": len(problem.tests), "amplified_tests": len(problem.amplified),
            "mutation_score_original": strength.get("score_original"), "mutation_score": strength.get("score"),
        })
    return rows, {"no_group": dict(no_group)}


@register
class Groups(Stage):
    name = "groups"
    inputs = ("problems", "candidates", "labels")
    schema = schemas.GROUPS

    def run(self, shard: Shard, ctx: Context) -> Output:
        return Output(*make_groups(shard.problems(), shard.read("candidates"), shard.read("labels")))
