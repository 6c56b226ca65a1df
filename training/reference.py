"""Reference log-probs for GEPO: computed once, before training, from the model as it is
then (the reference), and stored beside the groups. Training never holds a reference model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from irgroups.training.data import Group, load_ref_logps, ref_path, save_ref_logps
from irgroups.training.logprobs import encode, sequence_logps


@torch.no_grad()
def score_members(model: Any, tokenizer: Any, groups: list[Group], max_length: int, device: torch.device,
                  micro_batch: int = 4) -> dict[tuple[str, str], float]:
    members = [m for g in groups for m in (*g.equivalent, *g.inequivalent)]
    model.eval()
    out: dict[tuple[str, str], float] = {}
    for start in range(0, len(members), micro_batch):
        chunk = members[start:start + micro_batch]
        enc = encode(tokenizer, [m.prompt for m in chunk], [m.response for m in chunk], max_length)
        logps = sequence_logps(model, {k: v.to(device) for k, v in enc.items()})
        for m, v in zip(chunk, logps.tolist()):
            out[(m.group_id, m.candidate_id)] = float(v)
    return out


def reference_logps(data: Path, model_name: str, max_length: int, model: Any, tokenizer: Any, groups: list[Group],
                    device: torch.device) -> tuple[dict[tuple[str, str], float], Path]:
    """Load the stored reference log-probs, computing them first with `model` if absent."""
    path = ref_path(data, model_name, max_length)
    if not path.exists():
        save_ref_logps(path, score_members(model, tokenizer, groups, max_length, device))
    return load_ref_logps(path), path
