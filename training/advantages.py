"""REINFORCE++ advantages (the paper's on-policy estimator), as a pure function of tensors.

As OpenRLHF's `reinforce` estimator: per completion token t the reward is
    r_t = -kl_coef * (log pi_old(t) - log pi_ref(t))      (the k1 KL estimate, folded into the reward)
plus the sequence's sandbox reward R on its last token; the return is G_t = sum_{s >= t} r_s
(gamma = 1); advantages are the returns normalised over every completion token of the *whole*
batch, all processes together (no per-prompt baseline, no critic):
    A_t = (G_t - mean G) / (std G + eps)
so a run on N processes computes the same advantages as one process on the same global batch.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

# sums over the global batch: (sum G, sum G^2, token count) -> the same three summed over processes
Reduce = Callable[[torch.Tensor], torch.Tensor]


def token_returns(rewards: torch.Tensor, mask: torch.Tensor, old_logps: torch.Tensor | None = None,
                  ref_logps: torch.Tensor | None = None, kl_coef: float = 0.0) -> torch.Tensor:
    """[B, T] returns G_t: rewards [B] on each sequence's last unmasked token, KL per token."""
    mask = mask.to(torch.float32)
    token_rewards = torch.zeros_like(mask)
    if kl_coef > 0:
        if old_logps is None or ref_logps is None:
            raise ValueError("kl_coef > 0 needs old_logps and ref_logps")
        token_rewards = -kl_coef * (old_logps.float() - ref_logps.float()) * mask
    # the last unmasked position of each row (rows are right-padded, but do not assume it)
    positions = torch.arange(mask.shape[1], device=mask.device).expand_as(mask)
    last = (positions * mask).argmax(dim=1)
    has_tokens = mask.sum(dim=1) > 0
    token_rewards[has_tokens, last[has_tokens]] += rewards.float()[has_tokens]
    return token_rewards.flip(-1).cumsum(-1).flip(-1) * mask


def reinforce_pp_advantages(rewards: torch.Tensor, mask: torch.Tensor, old_logps: torch.Tensor | None = None,
                            ref_logps: torch.Tensor | None = None, kl_coef: float = 0.0,
                            reduce: Reduce | None = None, eps: float = 1e-8) -> torch.Tensor:
    """[B, T] REINFORCE++ advantages; `reduce` sums the batch statistics over processes (identity
    on one process), so the normalisation is over the global batch."""
    returns = token_returns(rewards, mask, old_logps, ref_logps, kl_coef)
    m = mask.to(torch.float32)
    stats = torch.stack([(returns * m).sum(), (returns * returns * m).sum(), m.sum()]).double()
    if reduce is not None:
        stats = reduce(stats)
    total, squares, count = stats.tolist()
    if count == 0:
        return torch.zeros_like(returns)
    mean = total / count
    var = max(squares / count - mean * mean, 0.0)
    return (returns - mean) / (var ** 0.5 + eps) * m
