"""labels -> llvm_groups: LLVM IR groups (kind llvm-ir) from the cpp and rust candidates that
passed (irgroups/llvm). Runs in `build` when --langs names llvm-ir, or alone on a finished run
(`irgroups llvm-groups RUN`)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from irgroups.llvm.schema import LLVM_GROUPS
from irgroups.stages.base import Context, Output, Shard, Stage, register


@register
class LLVMGroups(Stage):
    name = "llvm_groups"
    inputs = ("problems", "candidates", "labels")
    schema = LLVM_GROUPS

    def enabled(self, cfg: Any) -> bool:
        from irgroups.config import split_targets

        return split_targets(cfg.langs)[1]

    def resources(self, cfg: Any) -> dict[str, float]:
        return {"sandbox": 1}

    def config(self, cfg: Any) -> dict[str, Any]:
        return {"llvm": asdict(self.options(cfg))}

    @staticmethod
    def options(cfg: Any) -> Any:
        """The LLVM stage's settings: `cfg.llvm` when the caller set one (llvm-groups), else the
        defaults with the build's seed."""
        from irgroups.llvm import LLVMConfig

        return getattr(cfg, "llvm", None) or LLVMConfig(seed=cfg.seed)

    def run(self, shard: Shard, ctx: Context) -> Output:
        from irgroups.llvm import make_llvm_groups

        rows, stats = make_llvm_groups(shard.problems(), shard.read("candidates"), shard.read("labels"),
                                       ctx.verifier, config=self.options(ctx.cfg))
        return Output(rows, stats)
