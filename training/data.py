"""What the trainer reads from a build: GEPO groups and the RL prompt table.

A GEPO group compares implicit rewards under one prompt x, so every member of a group is
scored under the group's `prompt` (DESIGN.md: a translation group is one (problem, target
language); an LLVM IR group is one source program's prompt). A group whose members answer
different prompts (written by an older build) is refused, never trained on.

A member's response is its code in the answer format the prompts ask for (one fenced block),
so GEPO and the RL reward see the same kind of text. A member whose prompt plus response does
not fit in `max_length` is dropped and counted, never cut.
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
    prompt: str
    equivalent: tuple[Member, ...]
    inequivalent: tuple[Member, ...]


def _group_prompt(row: dict[str, Any], where: str) -> str:
    """The one prompt of a group: its `prompt` field; for rows without one, the members' prompt if
    they all share it. Members of an LLVM IR group may carry their own source's prompt: by design
    (DESIGN.md) they are all trained under the group's."""
    if row.get("prompt"):
        own = {m.get("prompt") for m in row["equivalent"] + row["inequivalent"] if row.get("kind") != "llvm-ir"}
        own.discard(None)
        if own - {row["prompt"]}:
            raise DataError(f"{where}: group {row['group_id']} has members answering another prompt than the "
                            "group's; GEPO compares rewards under one prompt. Rebuild the run.")
        return str(row["prompt"])
    prompts = {m.get("prompt") for m in row["equivalent"] + row["inequivalent"]}
    if len(prompts) != 1 or None in prompts:
        raise DataError(f"{where}: group {row['group_id']} mixes {len(prompts)} prompts (a group written by an "
                        "older irgroups, one per problem across languages); GEPO compares rewards under one "
                        "prompt. Rebuild the run: irgroups build --out RUN --overwrite")
    return str(prompts.pop())


def _read_rows(run: Path, stage: str) -> list[tuple[str, dict[str, Any]]]:
    files = sorted((run / stage).glob("part-*.parquet"))
    return [(str(f), row) for f in files for row in pq.read_table(f).to_pylist()]


def load_groups(run: Path, source: str = "groups", langs: set[str] | None = None) -> tuple[list[Group], dict[str, int]]:
    """GEPO groups from `groups`, `llvm_groups` or `both`, and counts of what was left out and why.
    `langs` filters the translation groups' target languages; LLVM IR groups are kept whenever asked for."""
    stages = ("groups", "llvm_groups") if source == "both" else (source,)
    groups: list[Group] = []
    skipped: dict[str, int] = {}
    found = False
    for stage in stages:
        rows = _read_rows(run, stage)
        if not rows:
            if source != "both":
                raise DataError(f"{run / stage}: no shards to train on; run `irgroups build --out {run}` first"
                                + (" with LLVM IR groups on (see `irgroups build --help`)" if stage != "groups"
                                   else ""))
            continue
        found = True
        for where, row in rows:
            if stage == "groups" and langs and not set(row["langs"]) & langs:
                skipped["not in --langs"] = skipped.get("not in --langs", 0) + 1
                continue
            prompt = _group_prompt(row, where)

            def members(items: list[dict[str, Any]], eq: bool, gid: str = row["group_id"],
                        p: str = prompt) -> tuple[Member, ...]:
                return tuple(Member(gid, m["candidate_id"], p, answer_text(m["lang"], m["code"]), eq) for m in items)

            g = Group(row["group_id"], row["problem_id"], prompt, members(row["equivalent"], True),
                      members(row["inequivalent"], False))
            if g.equivalent and g.inequivalent:
                groups.append(g)
            else:
                skipped["no equivalent or no inequivalent member"] = skipped.get(
                    "no equivalent or no inequivalent member", 0) + 1
    if not found:
        raise DataError(f"{run}: neither groups/ nor llvm_groups/ has shards; run `irgroups build --out {run}` first")
    if not groups:
        raise DataError(f"{run}: no {source} group has both equivalent and inequivalent members"
                        + (f" in {sorted(langs)}" if langs else ""))
    return groups, skipped


def load_prompts(run: Path, langs: set[str] | None = None) -> list[dict[str, Any]]:
    try:
        rows = read_stage(run, "prompts").to_pylist()
    except Exception as e:  # noqa: BLE001
        raise DataError(f"{run}: no RL prompt table ({e}); run `irgroups build --out {run}` first") from None
    rows = [r for r in rows if not langs or r["lang"] in langs]
    if not rows:
        raise DataError(f"{run}: the prompt table has no rows" + (f" in {sorted(langs)}" if langs else ""))
    return rows


def fitting(groups: list[Group], length: Any, max_length: int) -> tuple[list[Group], int]:
    """Drop members whose prompt plus response (closing tokens included) is longer than `max_length`
    tokens (`length(member)` counts them); groups left without an equivalent or an inequivalent member
    go too. Returns the groups kept and the number of members dropped."""
    kept, dropped = [], 0
    for g in groups:
        eq = tuple(m for m in g.equivalent if length(m) <= max_length)
        ineq = tuple(m for m in g.inequivalent if length(m) <= max_length)
        dropped += len(g.equivalent) + len(g.inequivalent) - len(eq) - len(ineq)
        if eq and ineq:
            kept.append(Group(g.group_id, g.problem_id, g.prompt, eq, ineq))
    return kept, dropped


def sample_members(group: Group, max_eq: int, max_ineq: int, rng: random.Random) -> list[Member]:
    eq = list(group.equivalent)
    ineq = list(group.inequivalent)
    rng.shuffle(eq)
    rng.shuffle(ineq)
    return eq[:max_eq] + ineq[:max_ineq]


def ref_key(model: str, precision: str, chat_template: str | None, chat_kwargs: dict[str, Any],
            closing: list[int], members: list[Member]) -> str:
    """What a stored reference log-prob depends on: the model, its precision, how the prompt is
    rendered (template, its kwargs, the closing tokens) and every member scored (ids and texts)."""
    h = hashlib.sha256(json.dumps([str(model), precision, chat_template, chat_kwargs, closing]).encode())
    for m in members:
        h.update(json.dumps([m.group_id, m.candidate_id, m.prompt, m.response]).encode())
    return h.hexdigest()[:16]


def ref_path(run: Path, key: str) -> Path:
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
