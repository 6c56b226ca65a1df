"""OORL on TRL's GRPOTrainer: GRPO for the on-policy part, rewarded by the sandbox through
an async reward function, and GEPO added in a thin subclass.

The subclass only extends `compute_loss`: it back-propagates the GEPO gradient of a
batch of groups one member at a time (scaled by w_gepo and by the accumulation
steps), then returns w_rl times GRPO's own loss for TRL to back-propagate, so both
land in the same optimiser step.
"""

from __future__ import annotations

import random
from typing import Any

import torch

from irgroups.training.config import TrainConfig
from irgroups.training.data import fitting, load_groups, load_prompts, sample_members
from irgroups.training.gepo import gepo_backward
from irgroups.training.reference import reference_logps
from irgroups.training.reward import SandboxReward


def _grpo_classes() -> tuple[Any, Any]:
    try:
        from trl import GRPOConfig, GRPOTrainer
    except ImportError as e:
        from irgroups.errors import ConfigError

        raise ConfigError("--algo grpo needs TRL: pip install 'irgroups[train]'") from e
    return GRPOConfig, GRPOTrainer


def train_grpo(cfg: TrainConfig, progress: bool = True) -> Any:
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, AutoTokenizer

    GRPOConfig, GRPOTrainer = _grpo_classes()
    langs = {x.strip() for x in cfg.langs.split(",") if x.strip()} or None
    prompts = load_prompts(cfg.data, langs)
    groups = load_groups(cfg.data, langs) if cfg.w_gepo > 0 else []
    tokenizer = AutoTokenizer.from_pretrained(cfg.model)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(cfg.model, dtype=getattr(torch, cfg.dtype))
    groups, _ = fitting(groups, tokenizer, cfg.max_length)
    use_cpu = cfg.device == "cpu" or (cfg.device == "auto" and not torch.cuda.is_available())
    device = torch.device("cpu" if use_cpu else ("cuda" if cfg.device == "auto" else cfg.device))
    ref: dict[tuple[str, str], float] = {}
    if groups:
        model.to(device)  # type: ignore[arg-type]
        ref, _ = reference_logps(cfg.data, cfg.model, cfg.max_length, model, tokenizer, groups, device)

    class OORLGRPOTrainer(GRPOTrainer):  # type: ignore[misc, valid-type]
        def compute_loss(self, model: Any, inputs: Any, return_outputs: bool = False,
                         num_items_in_batch: Any = None) -> torch.Tensor:
            loss = super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
            if groups and model.training:
                step = self.state.global_step
                rng = random.Random(f"{cfg.seed}:{step}:gepo")
                picked = [groups[(step * cfg.gepo_groups_per_step + j) % len(groups)]
                          for j in range(cfg.gepo_groups_per_step)]
                members = [(gi, m) for gi, g in enumerate(picked)
                           for m in sample_members(g, cfg.gepo_max_equivalent, cfg.gepo_max_inequivalent, rng)]
                dev = next(model.parameters()).device
                out = gepo_backward(
                    model, self.processing_class, [m.prompt for _, m in members], [m.response for _, m in members],
                    torch.tensor([ref[(m.group_id, m.candidate_id)] for _, m in members], device=dev),
                    torch.tensor([gi for gi, _ in members], device=dev),
                    torch.tensor([m.equivalent for _, m in members], device=dev),
                    beta=cfg.gepo_beta, lam=cfg.gepo_lambda, pairwise=cfg.gepo_pairwise, max_length=cfg.max_length,
                    scale=cfg.w_gepo / self.args.gradient_accumulation_steps, backward=self.accelerator.backward)
                self._metrics["train"]["gepo/loss"].append(float(out.loss))
                self._metrics["train"]["gepo/accuracy"].append(float(out.metrics["accuracy"]))
            return cfg.w_rl * loss

    dataset = Dataset.from_list([{"prompt": [{"role": "user", "content": r["prompt"]}], "prompt_id": r["prompt_id"]}
                                 for r in prompts])
    reward = SandboxReward(prompts, workers=cfg.workers, sandbox=cfg.sandbox)
    args = GRPOConfig(
        output_dir=str(cfg.output), learning_rate=cfg.learning_rate, weight_decay=cfg.weight_decay,
        lr_scheduler_type="cosine", warmup_steps=int(cfg.warmup_ratio * cfg.max_steps), max_steps=cfg.max_steps,
        per_device_train_batch_size=cfg.rl_prompts_per_step * cfg.rl_samples, num_generations=cfg.rl_samples,
        max_completion_length=cfg.rl_max_new_tokens, temperature=cfg.rl_temperature, beta=cfg.kl_coef,
        epsilon=cfg.clip_eps, max_grad_norm=cfg.max_grad_norm or 1e9, seed=cfg.seed, save_steps=cfg.save_every,
        save_total_limit=cfg.keep_checkpoints, logging_steps=cfg.log_every, use_cpu=use_cpu,
        bf16=cfg.dtype == "bfloat16", report_to=["tensorboard"], disable_tqdm=not progress,
    )
    trainer = OORLGRPOTrainer(model=model, reward_funcs=[reward], args=args, train_dataset=dataset,
                              processing_class=tokenizer)
    last = None
    if cfg.resume:
        from transformers.trainer_utils import get_last_checkpoint

        if cfg.output.exists():
            last = get_last_checkpoint(str(cfg.output))
    try:
        trainer.train(resume_from_checkpoint=last)
    finally:
        reward.close()
    return trainer

