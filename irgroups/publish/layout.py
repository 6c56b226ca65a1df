"""A run directory -> the Hub's dataset layout, in a local folder.

    <out>/README.md                                   the dataset card
    <out>/<config>/<split>-00000-of-00001.parquet     as `datasets` names its shards

Configs: one per group kind present in the run (`groups` = translation groups,
`llvm_groups` = LLVM IR groups) plus `prompts` (the on-policy RL prompt table).
Splits are made by problem: a problem's hash decides, so a problem's groups and
prompts are all in one split, and the same run always splits the same way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from irgroups.errors import DataError
from irgroups.shards import read_stage

GROUP_KINDS = {"groups": "translation groups (one per problem and target language, all members answering one prompt)",
               "llvm_groups": "LLVM IR groups (IR at several optimisation levels)"}
PROMPT_TABLE = "prompts"
SPLITS = ("train", "test")

# Sources whose terms allow evaluation only: never in a train split.
EVAL_ONLY = {"multipl-e": "MultiPL-E's terms forbid using its data as training data (evaluation only)",
             "multipl_e": "MultiPL-E's terms forbid using its data as training data (evaluation only)"}


def eval_only_reason(dataset: str | None, license_: str | None) -> str | None:
    text = f"{dataset or ''} {license_ or ''}".lower()
    for key, reason in EVAL_ONLY.items():
        if key in text:
            return reason
    return None


def shard_name(split: str, index: int = 0, total: int = 1) -> str:
    return f"{split}-{index:05d}-of-{total:05d}.parquet"


def split_of(problem_id: str, test_fraction: float, seed: str = "irgroups") -> str:
    h = int.from_bytes(hashlib.sha256(f"{seed}:{problem_id}".encode()).digest()[:8], "big")
    return "test" if h / 2**64 < test_fraction else "train"


@dataclass
class Layout:
    configs: dict[str, dict[str, int]] = field(default_factory=dict)  # config -> split -> rows
    problem_split: dict[str, str] = field(default_factory=dict)
    eval_only: dict[str, str] = field(default_factory=dict)  # problem -> why it may not be trained on
    schemas: dict[str, pa.Schema] = field(default_factory=dict)
    num_bytes: dict[str, dict[str, int]] = field(default_factory=dict)  # config -> split -> arrow bytes


def write_layout(run: Path, out: Path, test_fraction: float = 0.1, eval_only_to_test: bool = False,
                 seed: str = "irgroups") -> Layout:
    if not 0.0 <= test_fraction < 1.0:
        raise DataError(f"--test-fraction must be in [0, 1), got {test_fraction}")
    problems = read_stage(run, "problems").to_pylist()
    layout = Layout()
    for p in problems:
        pid = p["problem_id"]
        layout.problem_split[pid] = split_of(pid, test_fraction, seed)
        reason = eval_only_reason(p.get("origin_dataset"), p.get("origin_license"))
        if reason:
            layout.eval_only[pid] = reason
    in_train = sorted(pid for pid in layout.eval_only if layout.problem_split[pid] == "train")
    if in_train and not eval_only_to_test:
        raise DataError(f"{len(in_train)} problem(s) come from evaluation-only sources and would land in the "
                        f"train split (e.g. {in_train[:3]}): {layout.eval_only[in_train[0]]}. Refusing; pass "
                        "--eval-only-to-test to put them in the test split, or drop them from the build")
    for pid in in_train:
        layout.problem_split[pid] = "test"
    stages = [name for name in GROUP_KINDS if (run / name).is_dir()] + [PROMPT_TABLE]
    if not any((run / name).is_dir() for name in GROUP_KINDS):
        raise DataError(f"{run}: no group stage ({', '.join(GROUP_KINDS)}); has `irgroups build` finished?")
    for name in stages:
        if not (run / name).is_dir():
            continue
        table = read_stage(run, name)
        layout.schemas[name] = table.schema
        for old in (out / name).glob("*.parquet"):
            old.unlink()  # a re-publish must not leave a split the card no longer names
        splits = pa.array([layout.problem_split.get(pid, "train") for pid in table["problem_id"].to_pylist()],
                          pa.string())
        layout.configs[name] = {}
        layout.num_bytes[name] = {}
        for split in SPLITS:
            part = table.filter(pc.equal(splits, split))
            if part.num_rows == 0:
                continue
            leaked = [pid for pid in set(part["problem_id"].to_pylist()) if split == "train" and pid in layout.eval_only]
            if leaked:  # defence in depth: the split above already moved them
                raise DataError(f"evaluation-only problems {leaked[:3]} in a train split")
            path = out / name / shard_name(split)
            path.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(part, path, compression="zstd")
            layout.configs[name][split] = part.num_rows
            layout.num_bytes[name][split] = part.nbytes
    return layout
