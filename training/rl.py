"""On-policy RL with REINFORCE++ (the paper's choice).

Per completion token t: reward r_t = -kl_coef * (log pi_old - log pi_ref), plus the
sandbox reward R on the last token; return G_t = sum of r_s for s >= t; advantages are
G normalised over *all* completion tokens of the batch (no per-prompt baseline, no
critic); loss = -mean_t min(rho_t A_t, clip(rho_t, 1-eps, 1+eps) A_t), rho_t = pi/pi_old.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch

from irgroups.training.chat import render_prompt


@dataclass
class Rollouts:
    prompt_ids: list[str]
    completions: list[str]
    input_ids: torch.Tensor  # [B, P + C], prompts left-padded, completions right-padded
    attention_mask: torch.Tensor  # [B, P + C]
    completion_mask: torch.Tensor  # [B, C], 1 up to and including the first eos
    old_logps: torch.Tensor  # [B, C]
    rewards: torch.Tensor  # [B]
    tests_fraction: torch.Tensor  # [B]
    ref_logps: torch.Tensor | None = None  # [B, C]


def token_logps(model: Any, input_ids: torch.Tensor, attention_mask: torch.Tensor, n_completion: int) -> torch.Tensor:
    """[B, C] log-probs of the last C tokens, with positions that skip the left padding."""
    position_ids = (attention_mask.cumsum(-1) - 1).clamp(min=0)
    logits = model(input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids).logits
    logits = logits[:, -n_completion - 1:-1].float()
    targets = input_ids[:, -n_completion:]
    return torch.log_softmax(logits, dim=-1).gather(-1, targets.unsqueeze(-1)).squeeze(-1)


@torch.no_grad()
def sample(model: Any, tokenizer: Any, rows: list[dict[str, Any]], samples: int, max_new_tokens: int,
           temperature: float, max_length: int, device: torch.device) -> tuple[list[str], torch.Tensor, torch.Tensor,
                                                                              torch.Tensor, list[str]]:
    texts = [render_prompt(tokenizer, r["prompt"]) for r in rows]
    side = tokenizer.padding_side
    tokenizer.padding_side = "left"
    enc = tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False, truncation=True,
                    max_length=max(8, max_length - max_new_tokens)).to(device)
    tokenizer.padding_side = side
    model.eval()
    out = model.generate(**enc, do_sample=True, temperature=temperature, top_p=1.0, max_new_tokens=max_new_tokens,
                         num_return_sequences=samples, pad_token_id=tokenizer.pad_token_id)
    prompt_len = enc["input_ids"].shape[1]
    completion = out[:, prompt_len:]
    is_eos = completion == tokenizer.eos_token_id
    # keep tokens up to and including the first eos
    after_eos = (is_eos.cumsum(-1) - is_eos.long()) > 0
    completion_mask = (~after_eos).long()
    prompt_mask = enc["attention_mask"].repeat_interleave(samples, dim=0)
    attention_mask = torch.cat([prompt_mask, completion_mask], dim=1)
    decoded = tokenizer.batch_decode(completion.masked_fill(completion_mask == 0, tokenizer.pad_token_id),
                                     skip_special_tokens=True)
    prompt_ids = [r["prompt_id"] for r in rows for _ in range(samples)]
    return prompt_ids, out, attention_mask, completion_mask, decoded


def advantages(rollouts: Rollouts, kl_coef: float) -> torch.Tensor:
    mask = rollouts.completion_mask.float()
    token_rewards = torch.zeros_like(rollouts.old_logps)
    if kl_coef > 0 and rollouts.ref_logps is not None:
        token_rewards = -kl_coef * (rollouts.old_logps - rollouts.ref_logps) * mask
    last = (mask.cumsum(-1) == mask.sum(-1, keepdim=True)) & (mask > 0)
    token_rewards = token_rewards + last.float() * rollouts.rewards.unsqueeze(-1)
    returns = token_rewards.flip(-1).cumsum(-1).flip(-1) * mask
    valid = mask.bool()
    mean = returns[valid].mean()
    std = returns[valid].std(unbiased=False) if valid.sum() > 1 else torch.tensor(0.0)
    return ((returns - mean) / (std + 1e-8)) * mask


def reinforce_pp_backward(model: Any, rollouts: Rollouts, clip_eps: float, kl_coef: float, scale: float,
                          micro_batch: int = 4) -> dict[str, float]:
    """Accumulate scale * grad of the clipped REINFORCE++ loss, `micro_batch` sequences at a time."""
    adv = advantages(rollouts, kl_coef)
    n_completion = rollouts.completion_mask.shape[1]
    total_tokens = rollouts.completion_mask.sum().clamp(min=1)
    model.train()
    loss_sum = 0.0
    clipped = 0.0
    for start in range(0, rollouts.input_ids.shape[0], micro_batch):
        sl = slice(start, start + micro_batch)
        logps = token_logps(model, rollouts.input_ids[sl], rollouts.attention_mask[sl], n_completion)
        mask = rollouts.completion_mask[sl].float()
        ratio = torch.exp(logps - rollouts.old_logps[sl])
        a = adv[sl]
        surrogate = torch.min(ratio * a, ratio.clamp(1 - clip_eps, 1 + clip_eps) * a)
        loss = -(surrogate * mask).sum() / total_tokens
        (scale * loss).backward()
        loss_sum += float(loss.detach())
        clipped += float((((ratio - 1).abs() > clip_eps).float() * mask).sum())
    return {"rl_loss": loss_sum, "rl_reward": float(rollouts.rewards.mean()),
            "rl_tests_fraction": float(rollouts.tests_fraction.mean()),
            "rl_clip_fraction": clipped / float(total_tokens),
            "rl_completion_tokens": float(rollouts.completion_mask.sum(-1).float().mean())}
