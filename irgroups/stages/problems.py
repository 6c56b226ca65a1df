"""source -> problems: the neutral problems of a shard, each with up to `--amplify N` amplified
tests (irgroups/amplify: inputs proposed, answered by the python source, guarded by the
verified references)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from irgroups import schemas
from irgroups.amplify.stage import amplify_problems
from irgroups.amplify.stage import total as amplify_total
from irgroups.stages.base import Context, Output, Shard, Stage, register

AMPLIFY_BATCH = 64  # problems amplified together: full sandbox batches, and a killed build loses one window


@register
class Problems(Stage):
    name = "problems"
    schema = schemas.PROBLEMS

    def resources(self, cfg: Any) -> dict[str, float]:
        return {"sandbox": 1} if cfg.amplify > 0 else {}

    def shards_per_call(self, cfg: Any) -> int:
        return max(1, AMPLIFY_BATCH // max(1, cfg.shard_size))

    def run(self, shard: Shard, ctx: Context) -> Output:
        return next(self.run_many([shard], ctx))[1]

    def run_many(self, shards: list[Shard], ctx: Context) -> Iterator[tuple[int, Output]]:
        window = self.shards_per_call(ctx.cfg)
        langs = [lang.name for lang in ctx.langs]
        for start in range(0, len(shards), window):
            part = shards[start:start + window]
            amplified, report = amplify_problems([p for s in part for p in s.source], langs, ctx.verifier,
                                                 ctx.cfg.amplify, ctx.cfg.seed)
            by_id = {p.problem_id: p for p in amplified}
            for s in part:
                mine = {p.problem_id: report[p.problem_id] for p in s.source if p.problem_id in report}
                yield s.index, Output([by_id[p.problem_id].to_row() for p in s.source],
                                      {"problems": len(s.source), "amplify": amplify_total(mine),
                                       "amplify_per_problem": mine})
                ctx.advance(1)
