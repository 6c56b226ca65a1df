"""Reference log-probs for GEPO: computed once, before training, from the model as it is then
(the reference), and stored beside the groups. Training never holds a reference model for GEPO.

The file's key covers the model, its precision, the chat rendering and every member
(`data.ref_key`): a different member set or template is scored again, never looked up in a
stale file. With several processes each scores its share on its own device, and the shares
are gathered before anyone trains.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from irgroups.training.data import Group, Member, load_ref_logps, ref_path, save_ref_logps
from irgroups.training.logprobs import encode, sequence_logps


@torch.no_grad()
def score_members(model: Any, tokenizer: Any, members: list[Member], closing: list[int],
                  chat_kwargs: dict[str, Any], micro_batch: int = 4) -> dict[tuple[str, str], float]:
    model.eval()
    out: dict[tuple[str, str], float] = {}
    for start in range(0, len(members), micro_batch):
        chunk = members[start:start + micro_batch]
        enc = encode(tokenizer, [m.prompt for m in chunk], [m.response for m in chunk], closing=closing,
                     chat_kwargs=chat_kwargs)
        for m, v in zip(chunk, sequence_logps(model, enc).tolist()):
            out[(m.group_id, m.candidate_id)] = float(v)
    return out


def reference_logps(data: Path, key: str, model: Any, tokenizer: Any, groups: list[Group], closing: list[int],
                    chat_kwargs: dict[str, Any]) -> dict[tuple[str, str], float]:
    """Load the stored reference log-probs for `key`, scoring every member first if absent."""
    from accelerate import PartialState
    from accelerate.utils import gather_object

    path = ref_path(data, key)
    state = PartialState()
    if path.exists():
        return load_ref_logps(path)
    members = [m for g in groups for m in (*g.equivalent, *g.inequivalent)]
    mine = score_members(model, tokenizer, members[state.process_index::state.num_processes], closing, chat_kwargs)
    values: dict[tuple[str, str], float] = {}
    for part in gather_object([mine]) if state.num_processes > 1 else [mine]:
        values.update(part)
    if state.is_main_process:
        save_ref_logps(path, values)
    state.wait_for_everyone()
    return values
