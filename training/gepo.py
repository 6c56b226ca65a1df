"""The GEPO loss (and the pairwise-DPO ablation) as pure functions of log-prob tensors,
plus an exact backward whose memory does not grow with the group size.

Members of all groups in a batch are laid out flat: member k has a policy and a
reference log-prob, a group id `group_index[k]` and a flag `equivalent[k]` (y_w if
true, y_l if false). With r = beta * (log pi - log pi_ref), per group g:

    GEPO:  -logsigmoid(mean_{W_g} r - mean_{L_g} r) + lam * Var_pop_{W_g} r
    DPO:   mean over (w, l) in W_g x L_g of -logsigmoid(r_w - r_l)

and the loss is the mean over groups.

Why the closed-form weights: the loss depends on the model only through the N
summed log-probs, so dL/dtheta = sum_k (dL/dlogpi_k) * dlogpi_k/dtheta. The scalars
dL/dlogpi_k need only the N scores (cheap, no-grad), after which each member's
backward can run alone and accumulate in .grad: peak memory is one member's
activations whatever the group size, and the gradient is the same as the
all-at-once one (the paper's "one after another" trade, made exact).

Inside a trainer the same trade is made with a single backward (`gepo_surrogate`): each member's
forward runs under non-reentrant activation checkpointing, so it keeps only its token ids, and the
backward recomputes one member at a time. One backward per optimiser micro-step is what DDP (one
gradient all-reduce) and DeepSpeed (one engine step per micro-step) expect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint

from irgroups.training.logprobs import encode, sequence_logps


@dataclass
class LossOutput:
    loss: torch.Tensor  # scalar: mean over groups
    # reward_margin: mean over groups of (mean r_w - mean r_l); variance: mean over groups of
    # Var_pop(r_w); accuracy: fraction of groups with mean r_w > mean r_l; reward_equivalent /
    # reward_inequivalent: mean over groups of the group's mean r_w / mean r_l (so their
    # difference is reward_margin); groups: number of groups.
    metrics: dict[str, float]


@dataclass
class _Groups:
    ids: torch.Tensor  # [N] contiguous group id in 0..G-1
    count: int  # G
    is_w: torch.Tensor  # [N] float, 1 on equivalent members
    n: torch.Tensor  # [G] number of equivalent members
    m: torch.Tensor  # [G] number of inequivalent members


@dataclass
class _Rewards:
    r: torch.Tensor  # [N]
    mean_w: torch.Tensor  # [G]
    mean_l: torch.Tensor  # [G]
    var_w: torch.Tensor  # [G]


def implicit_rewards(policy_logps: torch.Tensor, ref_logps: torch.Tensor, beta: float) -> torch.Tensor:
    """beta * (log pi - log pi_ref), elementwise."""
    return beta * (policy_logps - ref_logps.to(policy_logps))


def _groups(policy_logps: torch.Tensor, ref_logps: torch.Tensor, group_index: torch.Tensor,
            equivalent: torch.Tensor) -> _Groups:
    if policy_logps.ndim != 1 or policy_logps.numel() == 0:
        raise ValueError(f"policy_logps must be a non-empty 1-D tensor [N], got shape {tuple(policy_logps.shape)}")
    shape = policy_logps.shape
    for name, t in (("ref_logps", ref_logps), ("group_index", group_index), ("equivalent", equivalent)):
        if t.shape != shape:
            raise ValueError(f"{name} has shape {tuple(t.shape)}, expected {tuple(shape)} like policy_logps")
    if group_index.dtype.is_floating_point or group_index.dtype == torch.bool:
        raise ValueError(f"group_index must be an integer tensor, got {group_index.dtype}")
    device, dtype = policy_logps.device, policy_logps.dtype
    # Group ids may be any integers (dataset ids, say): remap them to 0..G-1.
    uniq, ids = torch.unique(group_index.to(device), return_inverse=True)
    is_w = equivalent.to(device=device, dtype=torch.bool).to(dtype)
    count = uniq.numel()
    n = torch.zeros(count, dtype=dtype, device=device).index_add(0, ids, is_w)
    m = torch.zeros(count, dtype=dtype, device=device).index_add(0, ids, 1 - is_w)
    bad = (n == 0) | (m == 0)
    if bool(bad.any()):
        lines = [f"group {g}: {int(a)} equivalent, {int(b)} inequivalent"
                 for g, a, b in zip(uniq[bad].tolist(), n[bad].tolist(), m[bad].tolist())]
        raise ValueError("every group needs at least one equivalent and one inequivalent member; "
                         "drop these groups before batching: " + "; ".join(lines))
    return _Groups(ids=ids, count=count, is_w=is_w, n=n, m=m)


def _rewards(g: _Groups, policy_logps: torch.Tensor, ref_logps: torch.Tensor, beta: float) -> _Rewards:
    r = implicit_rewards(policy_logps, ref_logps, beta)
    zeros = torch.zeros(g.count, dtype=r.dtype, device=r.device)
    mean_w = zeros.index_add(0, g.ids, r * g.is_w) / g.n
    mean_l = zeros.index_add(0, g.ids, r * (1 - g.is_w)) / g.m
    dev_w = (r - mean_w[g.ids]) * g.is_w
    var_w = zeros.index_add(0, g.ids, dev_w * dev_w) / g.n
    return _Rewards(r=r, mean_w=mean_w, mean_l=mean_l, var_w=var_w)


def _metrics(g: _Groups, rw: _Rewards) -> dict[str, float]:
    margin = (rw.mean_w - rw.mean_l).detach()
    values = torch.stack([margin.mean(), rw.var_w.detach().mean(), (margin > 0).to(margin.dtype).mean(),
                          rw.mean_w.detach().mean(), rw.mean_l.detach().mean()]).tolist()  # one host sync
    names = ("reward_margin", "variance", "accuracy", "reward_equivalent", "reward_inequivalent")
    return {**dict(zip(names, values)), "groups": float(g.count)}


def _pairs(g: _Groups) -> tuple[torch.Tensor, torch.Tensor]:
    """Indices (w, l) of every equivalent/inequivalent pair inside the same group."""
    same = g.ids[:, None] == g.ids[None, :]
    w = g.is_w.bool()
    wi, li = (same & w[:, None] & ~w[None, :]).nonzero(as_tuple=True)
    return wi, li


def gepo_loss(policy_logps: torch.Tensor, ref_logps: torch.Tensor, group_index: torch.Tensor,
              equivalent: torch.Tensor, beta: float = 0.1, lam: float = 1.0) -> LossOutput:
    """GEPO: per group -logsigmoid(mean r_w - mean r_l) + lam * Var_pop(r_w); mean over groups."""
    g = _groups(policy_logps, ref_logps, group_index, equivalent)
    rw = _rewards(g, policy_logps, ref_logps, beta)
    per_group = -F.logsigmoid(rw.mean_w - rw.mean_l) + lam * rw.var_w
    return LossOutput(loss=per_group.mean(), metrics=_metrics(g, rw))


def dpo_pairwise_loss(policy_logps: torch.Tensor, ref_logps: torch.Tensor, group_index: torch.Tensor,
                      equivalent: torch.Tensor, beta: float = 0.1, lam: float = 1.0) -> LossOutput:
    """The paper's DPO ablation: per group, mean over all (w, l) pairs of -logsigmoid(r_w - r_l);
    mean over groups. `lam` is unused (kept so both losses share one signature)."""
    g = _groups(policy_logps, ref_logps, group_index, equivalent)
    rw = _rewards(g, policy_logps, ref_logps, beta)
    wi, li = _pairs(g)
    pair_loss = -F.logsigmoid(rw.r[wi] - rw.r[li])
    per_group = torch.zeros_like(rw.mean_w).index_add(0, g.ids[wi], pair_loss) / (g.n * g.m)
    return LossOutput(loss=per_group.mean(), metrics=_metrics(g, rw))


def gepo_member_weights(policy_logps: torch.Tensor, ref_logps: torch.Tensor, group_index: torch.Tensor,
                        equivalent: torch.Tensor, beta: float = 0.1, lam: float = 1.0,
                        pairwise: bool = False) -> torch.Tensor:
    """[N] d loss / d policy_logps[k], in closed form (no autograd), from detached log-probs.

    GEPO, with d_g = mean r_w - mean r_l, s = sigmoid(d_g), n = |W_g|, m = |L_g|:
        dL/dr_w_i = (1/G) * (-(1 - s)/n + lam * 2/n * (r_w_i - mean r_w))
        dL/dr_l_j = (1/G) * (1 - s)/m
    (the variance's mean-term derivative sums to zero over W_g, hence no extra term).
    Pairwise DPO, with s_ij = sigmoid(r_w_i - r_l_j):
        dL/dr_w_i = -(1/G) * 1/(n m) * sum_j (1 - s_ij),  dL/dr_l_j = (1/G) * 1/(n m) * sum_i (1 - s_ij)
    and dL/dlogpi = beta * dL/dr.
    """
    policy_logps, ref_logps = policy_logps.detach(), ref_logps.detach()
    g = _groups(policy_logps, ref_logps, group_index, equivalent)
    rw = _rewards(g, policy_logps, ref_logps, beta)
    if pairwise:
        wi, li = _pairs(g)
        # 1 - sigmoid(x) = sigmoid(-x), which keeps precision when x is large
        c = torch.sigmoid(rw.r[li] - rw.r[wi]) / (g.n * g.m)[g.ids[wi]]
        grad_r = torch.zeros_like(rw.r).index_add(0, wi, -c).index_add(0, li, c)
    else:
        pull = torch.sigmoid(rw.mean_l - rw.mean_w)  # 1 - s
        on_w = -pull[g.ids] / g.n[g.ids] + lam * 2 / g.n[g.ids] * (rw.r - rw.mean_w[g.ids])
        on_l = pull[g.ids] / g.m[g.ids]
        grad_r = torch.where(g.is_w.bool(), on_w, on_l)
    return beta * grad_r / g.count


def _loss_fn(pairwise: bool) -> Any:
    return dpo_pairwise_loss if pairwise else gepo_loss


def gepo_backward(model: Any, tokenizer: Any, prompts: list[str], responses: list[str],
                  ref_logps: torch.Tensor, group_index: torch.Tensor, equivalent: torch.Tensor,
                  beta: float = 0.1, lam: float = 1.0, scale: float = 1.0, pairwise: bool = False,
                  max_length: int | None = None, micro_batch: int = 1,
                  backward: Callable[[torch.Tensor], None] | None = None) -> LossOutput:
    """Accumulate scale * dL/dtheta into the parameters' .grad, `micro_batch` members at a time.

    1) score every member without grad, 2) closed-form weights w_k = dL/dlogpi_k,
    3) per micro-batch, backward of scale * sum_k w_k * logpi_k. Peak memory is one
    micro-batch's activations, whatever the group size; the gradient equals
    `gepo_backward_all_at_once`'s as long as the forward is deterministic (no dropout
    in train mode, which Llama/Qwen configs have by default). Does not zero or step the
    optimiser. Returns the loss (detached) and metrics of the no-grad scores.
    `backward` replaces `tensor.backward()` (e.g. `accelerator.backward` under DeepSpeed).
    """
    run_backward = backward or torch.Tensor.backward
    if micro_batch < 1:
        raise ValueError(f"micro_batch must be >= 1, got {micro_batch}")
    if len(prompts) != len(responses) or len(prompts) != ref_logps.numel():
        raise ValueError(f"{len(prompts)} prompts, {len(responses)} responses, {ref_logps.numel()} ref_logps: "
                         "pass one of each per member")
    chunks = [encode(tokenizer, prompts[i:i + micro_batch], responses[i:i + micro_batch], max_length)
              for i in range(0, len(prompts), micro_batch)]
    with torch.no_grad():
        policy_logps = torch.cat([sequence_logps(model, enc) for enc in chunks])
    ref_logps = ref_logps.to(policy_logps)
    out = _loss_fn(pairwise)(policy_logps, ref_logps, group_index, equivalent, beta=beta, lam=lam)
    weights = gepo_member_weights(policy_logps, ref_logps, group_index, equivalent,
                                  beta=beta, lam=lam, pairwise=pairwise)
    start = 0
    for enc in chunks:
        logps = sequence_logps(model, enc)
        w = weights[start:start + logps.numel()].to(logps)
        run_backward(scale * (w * logps).sum())
        start += logps.numel()
    return LossOutput(loss=out.loss.detach(), metrics=out.metrics)


def gepo_backward_all_at_once(model: Any, tokenizer: Any, prompts: list[str], responses: list[str],
                              ref_logps: torch.Tensor, group_index: torch.Tensor, equivalent: torch.Tensor,
                              beta: float = 0.1, lam: float = 1.0, scale: float = 1.0, pairwise: bool = False,
                              max_length: int | None = None, micro_batch: int = 1,
                              backward: Callable[[torch.Tensor], None] | None = None) -> LossOutput:
    """Baseline: one forward of all members with grad, then (scale * loss).backward().
    Memory grows with the number of members. `micro_batch` is ignored (same signature)."""
    enc = encode(tokenizer, prompts, responses, max_length)
    policy_logps = sequence_logps(model, enc)
    out = _loss_fn(pairwise)(policy_logps, ref_logps.to(policy_logps), group_index, equivalent, beta=beta, lam=lam)
    (backward or torch.Tensor.backward)(scale * out.loss)
    return LossOutput(loss=out.loss.detach(), metrics=out.metrics)


def gepo_surrogate(model: Any, batches: list[dict[str, torch.Tensor]], ref_logps: torch.Tensor,
                   group_index: torch.Tensor, equivalent: torch.Tensor, beta: float = 0.1, lam: float = 1.0,
                   pairwise: bool = False) -> tuple[torch.Tensor, LossOutput]:
    """A scalar whose value is the GEPO (or pairwise-DPO) loss and whose gradient is its exact
    gradient, for a trainer to add to its own loss and back-propagate once.

    `batches` are `encode`d members, a few at a time, in member order. Each batch's forward runs
    under non-reentrant checkpointing (only the ids are kept; the backward recomputes it, one
    batch at a time), so peak memory is one batch's activations whatever the group size; the
    gradient is sum_k w_k * dlogpi_k/dtheta with the closed-form weights w_k = dL/dlogpi_k.
    The model must be deterministic in its forward (dropout off, as TRL sets it).
    """
    device = next(model.parameters()).device

    def member_logps(input_ids: torch.Tensor, attention_mask: torch.Tensor, response_mask: torch.Tensor) -> torch.Tensor:
        return sequence_logps(model, {"input_ids": input_ids, "attention_mask": attention_mask,
                                      "response_mask": response_mask})

    parts = [checkpoint(member_logps, *(b[k].to(device) for k in ("input_ids", "attention_mask", "response_mask")),
                        use_reentrant=False) for b in batches]
    policy_logps = torch.cat(parts)
    ref_logps = ref_logps.to(policy_logps)
    with torch.no_grad():
        out = _loss_fn(pairwise)(policy_logps.detach(), ref_logps, group_index, equivalent, beta=beta, lam=lam)
    weights = gepo_member_weights(policy_logps, ref_logps, group_index, equivalent, beta=beta, lam=lam,
                                  pairwise=pairwise)
    weighted = (weights.to(policy_logps) * policy_logps).sum()
    # value = the loss, gradient = the weighted sum's
    return weighted - weighted.detach() + out.loss, LossOutput(loss=out.loss.detach(), metrics=out.metrics)
