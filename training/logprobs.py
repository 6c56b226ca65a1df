"""Tokenising prompt/response pairs and scoring responses with a causal LM.

The implicit reward of GEPO (and DPO) needs log pi(y|x) summed over the response
tokens only. Prompt and response are tokenised separately so the boundary between
them is exact (tokenising the concatenation can merge the last prompt token with the
first response token), and the response always ends with the chat template's end of
turn, so the model is also scored on stopping where it would stop.
"""

from __future__ import annotations

from typing import Any

import torch

from irgroups.training.chat import end_of_turn_ids, prompt_ids


def encode(tokenizer: Any, prompts: list[str], responses: list[str], max_length: int | None = None,
           closing: list[int] | None = None, chat_kwargs: dict[str, Any] | None = None) -> dict[str, torch.Tensor]:
    """Tokenise prompt+response pairs: the prompt as the model sees it (chat template and generation
    header, `chat.prompt_ids`), the response closed by `closing` (default: the template's end of turn).

    Returns right-padded `input_ids`, `attention_mask` and `response_mask` (1 on the response tokens,
    the closing ones included), each [B, T] long. Nothing is ever cut: a pair longer than `max_length`
    is a ValueError (callers drop such members before batching, `data.fitting`, and count them).
    """
    if len(prompts) != len(responses):
        raise ValueError(f"{len(prompts)} prompts but {len(responses)} responses: pass one prompt per response")
    if not prompts:
        raise ValueError("nothing to encode: prompts and responses are empty")
    if closing is None:
        closing = end_of_turn_ids(tokenizer, [tokenizer.eos_token_id], chat_kwargs)
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    rows = []
    for i, (prompt, response) in enumerate(zip(prompts, responses)):
        p_ids = prompt_ids(tokenizer, prompt, chat_kwargs)
        r_ids = list(tokenizer(response, add_special_tokens=False)["input_ids"]) + list(closing)
        if not p_ids:
            raise ValueError(f"prompt {i} encodes to no tokens: the first response token would have no context")
        if max_length is not None and len(p_ids) + len(r_ids) > max_length:
            raise ValueError(f"member {i} has {len(p_ids)} prompt + {len(r_ids)} response tokens, more than "
                             f"max_length {max_length}: raise max_length or drop the member")
        rows.append((p_ids, r_ids))

    width = max(len(p) + len(r) for p, r in rows)
    input_ids = torch.full((len(rows), width), pad, dtype=torch.long)
    attention_mask = torch.zeros((len(rows), width), dtype=torch.long)
    response_mask = torch.zeros((len(rows), width), dtype=torch.long)
    for i, (p_ids, r_ids) in enumerate(rows):
        n_p, n = len(p_ids), len(p_ids) + len(r_ids)
        input_ids[i, :n] = torch.tensor(p_ids + r_ids, dtype=torch.long)
        attention_mask[i, :n] = 1
        response_mask[i, n_p:n] = 1
    return {"input_ids": input_ids, "attention_mask": attention_mask, "response_mask": response_mask}


def sequence_logps(model: Any, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """[B] summed log-probs of the response tokens under `model` (differentiable).

    Logits are shifted (position t predicts token t+1). Only the rows of the response
    positions are upcast (to float32 at least) for the log-softmax, so a long prompt or
    a large vocabulary does not make a float32 copy of all logits.
    """
    device = next(model.parameters()).device
    input_ids = batch["input_ids"].to(device)
    attention_mask = batch["attention_mask"].to(device)
    response_mask = batch["response_mask"].to(device)
    logits = model(input_ids=input_ids, attention_mask=attention_mask).logits
    targets = input_ids[:, 1:]
    rows, cols = response_mask[:, 1:].nonzero(as_tuple=True)
    picked = logits[:, :-1][rows, cols]
    if picked.dtype in (torch.float16, torch.bfloat16):
        picked = picked.float()
    token_logps = picked.log_softmax(-1).gather(-1, targets[rows, cols].unsqueeze(-1)).squeeze(-1)
    return torch.zeros(input_ids.shape[0], dtype=token_logps.dtype, device=device).index_add(0, rows, token_logps)
