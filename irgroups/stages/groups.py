"""labels -> groups: one GEPO group per (problem, target language).

GEPO compares the implicit rewards r(x, y) of a group's members under one prompt x, so a
group holds the candidates of one target language, which all answer that language's
translation prompt (the group's `prompt`). A group needs at least one equivalent and one
inequivalent member; a (problem, language) pair with labels but no group, and a problem
with no labelled candidate at all, is counted with its reason. A group carries how strong
its problem's tests are (irgroups/strength.py), so users can leave out weakly tested problems."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from irgroups import schemas, variety
from irgroups.problems.model import Problem
from irgroups.prompts import TRANSLATE, translation_prompt
from irgroups.stages.base import Context, Output, Shard, Stage, register
from irgroups.strength import problem_scores


def make_groups(problems: list[Problem], candidates: list[dict[str, Any]], labels: list[dict[str, Any]],
                template: str = TRANSLATE, max_equivalent: int | None = None, max_inequivalent: int | None = None,
                max_kind_share: float | None = None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Group rows in problem order, then target languages sorted; stats with the no-group reasons.
    `template` is the run's translation prompt template (the one its prompt table and models used).
    The caps choose members as irgroups/variety.py says; what they leave out is counted."""
    by_id = {c["candidate_id"]: c for c in candidates}
    by_problem: dict[str, list[dict[str, Any]]] = {}
    for lab in labels:
        by_problem.setdefault(lab["problem_id"], []).append(lab)
    rows = []
    no_group: Counter[str] = Counter()
    left_out: Counter[str] = Counter()
    scores = problem_scores(labels)
    for problem in problems:
        labs = by_problem.get(problem.problem_id, [])
        if not labs:
            no_group["no labelled candidates"] += 1
            continue
        by_lang: dict[str, list[dict[str, Any]]] = {}
        for lab in labs:
            by_lang.setdefault(by_id[lab["candidate_id"]]["lang"], []).append(lab)
        for lang in sorted(by_lang):
            equivalent: list[dict[str, Any]] = []
            inequivalent: list[dict[str, Any]] = []
            for lab in by_lang[lang]:
                cand = by_id[lab["candidate_id"]]
                member = {
                    "lang": lang, "code": cand["code"], "candidate_id": cand["candidate_id"],
                    "origin": cand["origin"], "kind": lab["kind"],
                    "tests_passed": lab["tests_passed"], "tests_total": lab["tests_total"],
                }
                (equivalent if lab["equivalent"] else inequivalent).append(member)
            if not equivalent:
                no_group["no equivalent member"] += 1
                continue
            if not inequivalent:
                no_group["no inequivalent member"] += 1
                continue
            kept_eq = variety.pick_equivalent(equivalent, max_equivalent)
            kept_ineq = variety.pick_inequivalent(inequivalent, max_inequivalent, max_kind_share)
            left_out["equivalent"] += len(equivalent) - len(kept_eq)
            left_out["inequivalent"] += len(inequivalent) - len(kept_ineq)
            equivalent, inequivalent = kept_eq, kept_ineq
            members = sorted(m["candidate_id"] for m in equivalent + inequivalent)
            key = "|".join([problem.problem_id, lang, ",".join(members)])
            strength = scores.get(problem.problem_id, {})
            rows.append({
                "group_id": hashlib.sha256(key.encode()).hexdigest()[:24], "problem_id": problem.problem_id,
                "lang": lang, "source_lang": problem.source_lang, "source_code": problem.source_code,
                "prompt": translation_prompt(problem, lang, template), "langs": [lang],
                "equivalent": equivalent, "inequivalent": inequivalent,
                "equivalent_diversity": variety.diversity([m["code"] for m in equivalent]),
                "tests": len(problem.tests), "amplified_tests": len(problem.amplified),
                "mutation_score_original": strength.get("score_original"), "mutation_score": strength.get("score"),
            })
    return rows, {"no_group": dict(no_group), "members_left_out": dict(left_out)}


@register
class Groups(Stage):
    name = "groups"
    inputs = ("problems", "candidates", "labels")
    schema = schemas.GROUPS

    def run(self, shard: Shard, ctx: Context) -> Output:
        cfg = ctx.cfg
        return Output(*make_groups(shard.problems(), shard.read("candidates"), shard.read("labels"),
                                   cfg.prompt_template, cfg.max_equivalent, cfg.max_inequivalent, cfg.max_kind_share))
