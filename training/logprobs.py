"""Tokenising prompt/response pairs and scoring responses with a causal LM.

The implicit reward of GEPO (and DPO) needs log pi(y|x) summed over the response
tokens only. Prompt and response are tokenised separately so the boundary between
them is exact (tokenising the concatenation can merge the last prompt token with the
first response token), and the response always ends with eos, so the model is also
scored on stopping.
"""

from __future__ import annotations

from typing import Any

import torch


def _prompt_ids(tokenizer: Any, prompt: str) -> list[int]:
    if getattr(tokenizer, "chat_template", None):
        text = tokenizer.apply_chat_template([{"role": "user", "content": prompt}],
                                             add_generation_prompt=True, tokenize=False)
        # The template already writes whatever special tokens it wants (bos included);
        # adding them again would double a bos on Llama-style tokenizers.
        return list(tokenizer(text, add_special_tokens=False)["input_ids"])
    return list(tokenizer(prompt, add_special_tokens=True)["input_ids"])


def encode(tokenizer: Any, prompts: list[str], responses: list[str],
           max_length: int | None = None) -> dict[str, torch.Tensor]:
    """Tokenise prompt+response pairs (chat template on the prompt when the tokenizer has one).

    Returns right-padded `input_ids`, `attention_mask` and `response_mask` (1 on the
    response tokens, eos included), each [B, T] long. Past `max_length`, tokens are cut
    from the left of the prompt, never from the response; a response that cannot fit
    with at least one prompt token (the token that predicts the response's first one)
    is a ValueError.
    """
    if len(prompts) != len(responses):
        raise ValueError(f"{len(prompts)} prompts but {len(responses)} responses: pass one prompt per response")
    if not prompts:
        raise ValueError("nothing to encode: prompts and responses are empty")
    eos = tokenizer.eos_token_id
    if eos is None:
        raise ValueError("the tokenizer has no eos token: set tokenizer.eos_token before encoding responses")
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else eos

    rows: list[tuple[list[int], list[int]]] = []
    for i, (prompt, response) in enumerate(zip(prompts, responses)):
        p_ids = _prompt_ids(tokenizer, prompt)
        r_ids = list(tokenizer(response, add_special_tokens=False)["input_ids"]) + [eos]
        if not p_ids:
            raise ValueError(f"prompt {i} encodes to no tokens: the first response token would have no context")
        if max_length is not None:
            if len(r_ids) > max_length - 1:
                raise ValueError(f"response {i} has {len(r_ids)} tokens (eos included), more than "
                                 f"max_length - 1 = {max_length - 1}: raise max_length or drop the member")
            p_ids = p_ids[max(0, len(p_ids) + len(r_ids) - max_length):]
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
