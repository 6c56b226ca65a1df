"""The stages of `build`, registered in pipeline order (see base.py for the shape of a stage).

    problems -> prompts, candidates -> executions -> labels -> groups [-> llvm_groups]
"""

# imported in pipeline order: each registers its stage
from irgroups.stages import problems  # noqa: I001, F401
from irgroups.stages import prompts  # noqa: F401
from irgroups.stages import candidates  # noqa: F401
from irgroups.stages import executions  # noqa: F401
from irgroups.stages import labels  # noqa: F401
from irgroups.stages import groups  # noqa: F401
from irgroups.stages import llvm_groups  # noqa: F401
from irgroups.stages.base import STAGES, Context, Output, Shard, Stage, register, schema_of

__all__ = ["STAGES", "Context", "Output", "Shard", "Stage", "register", "schema_of"]
