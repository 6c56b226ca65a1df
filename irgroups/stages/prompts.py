"""problems -> the on-policy RL prompt table: each translation prompt and what its reward needs."""

from __future__ import annotations

from typing import Any

from irgroups import schemas
from irgroups.languages import Language
from irgroups.problems.model import FUNCTION, Problem
from irgroups.prompts import TRANSLATE, translation_prompt
from irgroups.stages.base import Context, Output, Shard, Stage, register


def make_prompts(problems: list[Problem], langs: list[Language], template: str = TRANSLATE) -> list[dict[str, Any]]:
    rows = []
    for p in problems:
        for lang in langs:
            rows.append({
                "prompt_id": f"{p.problem_id}|{lang.name}", "problem_id": p.problem_id, "lang": lang.name,
                "prompt": translation_prompt(p, lang.name, template),
                "entry_point": lang.function_name(p.entry_point) if p.kind == FUNCTION else p.entry_point,
                "source_entry_point": p.entry_point,
                "signature": lang.signature(p) if p.kind == FUNCTION else "",
                "neutral_signature": p.signature.to_row(), "tests": p.tests_json,
                "amplified_tests": p.amplified_json, "tests_hash": p.tests_hash, "kind": p.kind,
                "compare": p.compare,
            })
    return rows


@register
class Prompts(Stage):
    """The on-policy RL prompt table (<out>/prompts)."""

    name = "prompts"
    inputs = ("problems",)
    schema = schemas.PROMPTS

    def run(self, shard: Shard, ctx: Context) -> Output:
        return Output(make_prompts(shard.problems(), ctx.langs, ctx.cfg.prompt_template))
