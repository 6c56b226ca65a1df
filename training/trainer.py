"""OORL on TRL's GRPOTrainer: L = w_rl * L_onpolicy + w_gepo * L_GEPO, one backward per micro-step.

TRL does the rollouts (transformers' generate, or vLLM colocated / as a server, with weight sync),
the reward calls, the clipped policy loss, DDP / DeepSpeed / gradient checkpointing, checkpoints
and resume. This subclass adds only what OORL needs:

- REINFORCE++ advantages (`advantages.py`) in place of GRPO's when `--algo reinforce_pp`: the KL to
  the reference model goes into the reward, so TRL's KL loss term is switched off for that loss.
- GEPO as an auxiliary loss, once per optimiser step (on its first micro-step), on this process's
  share of the step's groups, added to the loss TRL back-propagates. Its member-wise memory saving
  is activation checkpointing (`gepo.gepo_surrogate`), not a second backward, so DDP reduces the
  gradients once and DeepSpeed steps once: exactly as for any other loss.
- RL prompts longer than max_length - rl_max_new_tokens are cut from the left (the generation
  header stays), and counted.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import torch
from trl import GRPOConfig, GRPOTrainer

from irgroups.errors import ConfigError
from irgroups.training.advantages import reinforce_pp_advantages
from irgroups.training.config import TrainConfig
from irgroups.training.data import Group, sample_members
from irgroups.training.gepo import gepo_surrogate
from irgroups.training.logprobs import encode


class GepoBatches:
    """The GEPO groups of each optimiser step, and this process's share of them.

    Step s takes `per_step` groups from a seeded permutation; process r of N takes every N-th of
    them. A group's members are sampled with a seed of (seed, step, group), so what is trained on
    does not depend on how many processes share the step."""

    def __init__(self, groups: list[Group], refs: dict[tuple[str, str], float], per_step: int, max_eq: int,
                 max_ineq: int, seed: int) -> None:
        self.groups, self.refs = groups, refs
        self.per_step, self.max_eq, self.max_ineq, self.seed = per_step, max_eq, max_ineq, seed
        self.order = list(range(len(groups)))
        random.Random(seed).shuffle(self.order)

    def share(self, step: int, rank: int, world: int) -> list[tuple[int, Any]]:
        """(local group index, member) pairs of process `rank`'s share of step `step`."""
        out = []
        picked = [(step * self.per_step + j) % len(self.groups) for j in range(self.per_step)]
        for local, slot in enumerate(picked[rank::world]):
            g = self.groups[self.order[slot]]
            rng = random.Random(f"{self.seed}:{step}:{g.group_id}")
            out += [(local, m) for m in sample_members(g, self.max_eq, self.max_ineq, rng)]
        return out


class OORLTrainer(GRPOTrainer):
    def __init__(self, *args: Any, oorl: TrainConfig, gepo: GepoBatches | None, closing: list[int],
                 chat_kwargs: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.oorl, self.gepo, self.closing, self.chat_kwargs = oorl, gepo, closing, chat_kwargs
        self.prompts_cut = 0
        self._global_rewards: torch.Tensor | None = None

    # ---- rollouts -------------------------------------------------------
    def _tokenize_prompts(self, prompts: list[Any]) -> Any:
        ids, images, fields = super()._tokenize_prompts(prompts)
        limit = self.oorl.max_length - self.oorl.rl_max_new_tokens
        self.prompts_cut += sum(len(p) > limit for p in ids)
        return [list(p)[-limit:] for p in ids], images, fields

    def _calculate_rewards(self, inputs: Any, prompts: Any, completions: Any, completion_ids_list: Any) -> Any:
        per_func = super()._calculate_rewards(inputs, prompts, completions, completion_ids_list)
        self._global_rewards = per_func  # [all processes' completions, reward functions]
        return per_func

    def _generate_and_score_completions(self, inputs: Any) -> dict[str, Any]:
        out: dict[str, Any] = super()._generate_and_score_completions(inputs)
        mode = "train" if self.model is not None and self.model.training else "eval"
        if self.oorl.algo == "reinforce_pp":
            out["advantages"] = self._reinforce_pp(out)
        self._metrics[mode]["prompts_cut_from_left"].append(float(self.prompts_cut))
        return out

    def _reinforce_pp(self, out: dict[str, Any]) -> torch.Tensor:
        assert self._global_rewards is not None
        device = self.accelerator.device
        mask = out["completion_mask"]
        b = mask.shape[0]
        weights = self.reward_weights.to(self._global_rewards.device)
        rewards = torch.nan_to_num((self._global_rewards * weights).nansum(dim=1))
        rewards = rewards[self.accelerator.process_index * b:(self.accelerator.process_index + 1) * b].to(device)
        old = ref = None
        if self.oorl.kl_coef > 0:
            ref = out["ref_per_token_logps"]
            old = out.get("old_per_token_logps")
            if old is None:  # one update per rollout: pi_old is the current policy
                with torch.no_grad():
                    ids = torch.cat([out["prompt_ids"], out["completion_ids"]], dim=1)
                    att = torch.cat([out["prompt_mask"], mask], dim=1)
                    old, _, _ = self._get_per_token_logps_and_entropies(self.model, ids, att, mask.shape[1],
                                                                        batch_size=b)
        return reinforce_pp_advantages(rewards, mask, old, ref, self.oorl.kl_coef,
                                       reduce=lambda t: self.accelerator.reduce(t.to(device), reduction="sum"))

    # ---- the loss -------------------------------------------------------
    def compute_loss(self, model: Any, inputs: Any, return_outputs: bool = False,
                     num_items_in_batch: Any = None) -> torch.Tensor:
        if self.oorl.algo == "reinforce_pp" and self.beta != 0.0:
            beta, self.beta = self.beta, 0.0  # the KL is already in the REINFORCE++ reward
            try:
                rl = super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
            finally:
                self.beta = beta
        else:
            rl = super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
        loss = self.oorl.w_rl * rl
        first_micro_step = self._step % self.current_gradient_accumulation_steps == 0
        if self.gepo is not None and self.oorl.w_gepo > 0 and model.training and first_micro_step:
            loss = loss + self.oorl.w_gepo * self.gepo_loss(model, self.state.global_step)
        return loss

    def gepo_loss(self, model: Any, step: int) -> torch.Tensor:
        """This process's GEPO loss of optimiser step `step` (mean over its groups), to back-propagate."""
        assert self.gepo is not None
        acc = self.accelerator
        members = self.gepo.share(step, acc.process_index, acc.num_processes)
        device = acc.device
        batches = [encode(self.processing_class, [m.prompt], [m.response], closing=self.closing,
                          chat_kwargs=self.chat_kwargs) for _, m in members]
        ref = torch.tensor([self.gepo.refs[(m.group_id, m.candidate_id)] for _, m in members], device=device)
        index = torch.tensor([g for g, _ in members], device=device)
        eq = torch.tensor([m.equivalent for _, m in members], device=device)
        # the bare module: a checkpointed member is recomputed inside the backward, where a DDP
        # wrapper's forward hooks must not run again; its parameters' gradient hooks still fire once
        term, out = gepo_surrogate(acc.unwrap_model(model), batches, ref, index, eq, beta=self.oorl.gepo_beta,
                                   lam=self.oorl.gepo_lambda, pairwise=self.oorl.gepo_pairwise)
        metrics = self._metrics["train"]
        metrics["gepo/loss"].append(float(out.loss))
        for k in ("accuracy", "reward_margin", "variance"):
            metrics[f"gepo/{k}"].append(float(out.metrics[k]))
        return term


def grpo_args(cfg: TrainConfig, world: int, use_cpu: bool, bf16: bool, progress: bool) -> GRPOConfig:
    rollouts = cfg.rl_prompts_per_step * cfg.rl_samples
    if rollouts % (world * cfg.grad_accum):
        raise ConfigError(f"--rl-prompts-per-step x --rl-samples = {rollouts} completions per step cannot be split "
                          f"evenly over {world} processes x --grad-accum {cfg.grad_accum}")
    if cfg.gepo_groups_per_step % world:
        raise ConfigError(f"--gepo-groups-per-step {cfg.gepo_groups_per_step} cannot be split evenly over {world} "
                          "processes: use a multiple of their number")
    vllm: dict[str, Any] = {}
    if cfg.vllm != "off":
        vllm = {"use_vllm": True, "vllm_mode": cfg.vllm, "vllm_server_base_url": cfg.vllm_server,
                "vllm_gpu_memory_utilization": cfg.vllm_gpu_memory}
        if cfg.vllm == "colocate":
            vllm.pop("vllm_server_base_url")
        else:
            vllm.pop("vllm_gpu_memory_utilization")
    return GRPOConfig(
        output_dir=str(cfg.output), learning_rate=cfg.learning_rate, weight_decay=cfg.weight_decay,
        lr_scheduler_type="cosine", warmup_steps=int(cfg.warmup_ratio * cfg.max_steps), max_steps=cfg.max_steps,
        per_device_train_batch_size=rollouts // (world * cfg.grad_accum), gradient_accumulation_steps=cfg.grad_accum,
        num_generations=cfg.rl_samples, max_completion_length=cfg.rl_max_new_tokens,
        temperature=cfg.rl_temperature, top_k=cfg.rl_top_k, beta=cfg.kl_coef, epsilon=cfg.clip_eps,
        num_iterations=cfg.ppo_epochs, loss_type="dapo",  # token-level mean over the global batch
        scale_rewards="group", max_grad_norm=cfg.max_grad_norm, seed=cfg.seed, data_seed=cfg.seed,
        save_steps=cfg.save_every, save_total_limit=cfg.keep_checkpoints, logging_steps=cfg.log_every,
        use_cpu=use_cpu, bf16=bf16, report_to=["tensorboard"], disable_tqdm=not progress,
        gradient_checkpointing=cfg.gradient_checkpointing, disable_dropout=True,
        chat_template_kwargs=_chat_kwargs(cfg) or None, deepspeed=cfg.deepspeed or None, **vllm,
    )


def _chat_kwargs(cfg: TrainConfig) -> dict[str, Any]:
    from irgroups.training.chat import template_kwargs

    return template_kwargs(cfg.thinking)


class MetricsFile:
    """A TrainerCallback writing each training log as one line of metrics.jsonl (process 0 only);
    lines a killed run wrote after its last checkpoint are dropped on resume."""

    def __init__(self, path: Path, resumed_step: int) -> None:
        self.path = path
        if path.exists():
            keep = [x for x in path.read_text().splitlines() if x and json.loads(x)["step"] <= resumed_step]
            path.write_text("".join(x + "\n" for x in keep))

    def callback(self) -> Any:
        from transformers import TrainerCallback

        path = self.path

        class _Write(TrainerCallback):
            def on_log(self, args: Any, state: Any, control: Any, logs: Any = None, **kw: Any) -> None:
                if state.is_world_process_zero and logs and "loss" in logs:
                    with open(path, "a") as f:
                        f.write(json.dumps({"step": state.global_step, **logs}) + "\n")

        return _Write()
