"""What the trainer reads from a build: GEPO groups and the RL prompt table.

A GEPO member's response is its code in the answer format the prompts ask for (one
fenced block), so GEPO and the RL reward see the same kind of text. Reference
log-probs are computed once before training and stored beside the groups, in
`<data>/gepo_ref/<key>.parquet`, so no reference model sits in memory for GEPO.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from irgroups.errors import DataError
from irgroups.shards import atomic_write_bytes, read_stage


def answer_text(lang: str, code: str) -> str:
    return f"```{lang}\n{code.strip()}\n```"


@dataclass(frozen=True)
class Member:
    group_id: str
    candidate_id: str
    prompt: str
    response: str
    equivalent: bool


@dataclass(frozen=True)
class Group:
    group_id: str
    problem_id: str
    equivalent: tuple[Member, ...]
    inequivalent: tuple[Member, ...]


def load_groups(run: Path, langs: set[str] | None = None) -> list[Group]:
    try:
        rows = read_stage(run, "groups").to_pylist()
    except Exception as e:  # noqa: BLE001
        raise DataError(f"{run}: no groups to train on ({e}); run `irgroups build --out {run}` first") from None
    groups = []
    for row in rows:
        def members(items: list[dict[str, Any]], eq: bool, gid: str = row["group_id"]) -> tuple[Member, ...]:
            return tuple(Member(gid, m["candidate_id"], m["prompt"], answer_text(m["lang"], m["code"]), eq)
                         for m in items if not langs or m["lang"] in langs)
        g = Group(row["group_id"], row["problem_id"], members(row["equivalent"], True),
                  members(row["inequivalent"], False))
        if g.equivalent and g.inequivalent:
            groups.append(g)
    if not groups:
        raise DataError(f"{run}: no group has both equivalent and inequivalent members"
                        + (f" in {sorted(langs)}" if langs else ""))
    return groups


def load_prompts(run: Path, langs: set[str] | None = None) -> list[dict[str, Any]]:
    try:
        rows = read_stage(run, "prompts").to_pylist()
    except Exception as e:  # noqa: BLE001
        raise DataError(f"{run}: no RL prompt table ({e}); run `irgroups build --out {run}` first") from None
    rows = [r for r in rows if not langs or r["lang"] in langs]
    if not rows:
        raise DataError(f"{run}: the prompt table has no rows" + (f" in {sorted(langs)}" if langs else ""))
    return rows


def fitting(groups: list[Group], tokenizer: Any, max_length: int) -> tuple[list[Group], int]:
    """Drop members whose response alone does not fit in `max_length` (responses are never cut);
    groups left without an equivalent or an inequivalent member go too. Returns the count dropped."""
    def fits(m: Member) -> bool:
        return len(tokenizer(m.response, add_special_tokens=False)["input_ids"]) + 2 < max_length

    kept, dropped = [], 0
    for g in groups:
        eq = tuple(m for m in g.equivalent if fits(m))
        ineq = tuple(m for m in g.inequivalent if fits(m))
        dropped += len(g.equivalent) + len(g.inequivalent) - len(eq) - len(ineq)
        if eq and ineq:
            kept.append(Group(g.group_id, g.problem_id, eq, ineq))
    return kept, dropped


def sample_members(group: Group, max_eq: int, max_ineq: int, rng: random.Random) -> list[Member]:
    eq = list(group.equivalent)
    ineq = list(group.inequivalent)
    rng.shuffle(eq)
    rng.shuffle(ineq)
    return eq[:max_eq] + ineq[:max_ineq]


def ref_path(run: Path, model: str, max_length: int) -> Path:
    key = hashlib.sha256(json.dumps([str(model), max_length]).encode()).hexdigest()[:16]
    return run / "gepo_ref" / f"{key}.parquet"


REF_SCHEMA = pa.schema([("group_id", pa.string()), ("candidate_id", pa.string()), ("ref_logp", pa.float64())])


def load_ref_logps(path: Path) -> dict[tuple[str, str], float]:
    table = pq.read_table(path, schema=REF_SCHEMA)
    return {(g, c): v for g, c, v in zip(table["group_id"].to_pylist(), table["candidate_id"].to_pylist(),
                                         table["ref_logp"].to_pylist())}


def save_ref_logps(path: Path, values: dict[tuple[str, str], float]) -> None:
    table = pa.table({"group_id": [k[0] for k in values], "candidate_id": [k[1] for k in values],
                      "ref_logp": list(values.values())}, schema=REF_SCHEMA)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    atomic_write_bytes(path, sink.getvalue().to_pybytes())
