"""Trainer configuration: one dataclass, each field with its help text, checked on creation.

The CLI (`irgroups train`) is generated from these fields, so `--help` explains every option.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from pathlib import Path
from typing import Any

from irgroups.config import SANDBOXES, opt
from irgroups.errors import ConfigError


@dataclass
class TrainConfig:
    data: Path = opt(MISSING, "Run directory written by `irgroups build` (its groups/ and prompts/ shards).")
    model: str = opt(MISSING, "Policy to train: a local model directory or a model id; also the reference model.")
    output: Path = opt(Path("checkpoints/oorl"), "Where checkpoints, metrics.jsonl and TensorBoard logs go.")
    algo: str = opt("reinforce_pp", "On-policy algorithm: reinforce_pp (the paper's) or grpo (TRL's GRPOTrainer).",
                    choices=("reinforce_pp", "grpo"))
    # --- the OORL objective: L = w_rl * L_onpolicy + w_gepo * L_GEPO
    w_rl: float = opt(1.0, "Weight of the on-policy RL loss.")
    w_gepo: float = opt(0.01, "Weight of the GEPO loss (paper: 0.01).")
    gepo_beta: float = opt(0.1, "beta of the implicit reward beta*(log pi - log pi_ref) (paper: unstated; DPO default).")
    gepo_lambda: float = opt(1.0, "lambda, weight of the variance of equivalent members' rewards (paper: 1).")
    gepo_pairwise: bool = opt(False, "Use pairwise DPO over (equivalent, inequivalent) pairs instead (the ablation).")
    gepo_groups_per_step: int = opt(2, "GEPO groups in each optimiser step.")
    gepo_max_equivalent: int = opt(4, "At most this many equivalent members per group and step (sampled).")
    gepo_max_inequivalent: int = opt(4, "At most this many inequivalent members per group and step (sampled).")
    gepo_all_at_once: bool = opt(False, "Back-propagate a group in one pass (faster, memory grows with the group).")
    # --- on-policy RL
    rl_prompts_per_step: int = opt(2, "RL prompts per optimiser step.")
    rl_samples: int = opt(4, "Completions sampled per RL prompt.")
    rl_max_new_tokens: int = opt(256, "Longest sampled completion, in tokens.")
    rl_temperature: float = opt(1.0, "Sampling temperature of on-policy rollouts.")
    clip_eps: float = opt(0.2, "PPO clip range epsilon.")
    kl_coef: float = opt(0.0, "KL penalty to the reference model (REINFORCE++); 0 keeps no reference model in memory.")
    langs: str = opt("", "Only train on these target languages (comma-separated); empty = all in the data.")
    # --- optimisation (paper preset: AdamW, lr 5e-7, cosine, 3% warm-up, no weight decay, batch 8)
    learning_rate: float = opt(5e-7, "AdamW learning rate.")
    weight_decay: float = opt(0.0, "AdamW weight decay.")
    warmup_ratio: float = opt(0.03, "Fraction of steps of linear warm-up before the cosine decay.")
    max_steps: int = opt(100, "Optimiser steps to run.")
    max_grad_norm: float = opt(1.0, "Gradient clipping norm (0 = off).")
    max_length: int = opt(2048, "Longest prompt+response sequence; prompts are cut from the left.")
    seed: int = opt(0, "Seed for sampling groups, prompts and rollouts.")
    device: str = opt("auto", "cpu, cuda, cuda:1... or auto.")
    dtype: str = opt("float32", "Parameter dtype: float32 or bfloat16.", choices=("float32", "bfloat16"))
    # --- run management
    save_every: int = opt(50, "Save a checkpoint every N steps (and at the end).")
    keep_checkpoints: int = opt(2, "Keep the newest N checkpoints.")
    log_every: int = opt(1, "Write metrics every N steps.")
    resume: bool = opt(True, "Resume from the newest checkpoint in --output when there is one.")
    workers: int = opt(2, "Sandbox workers computing rewards.")
    sandbox: str = opt("local", "Where the RL reward runs the answers: bubblewrap namespaces on this host, or Docker "
                       "containers (images: bash scripts/docker_images.sh).", choices=SANDBOXES)

    def __post_init__(self) -> None:
        self.data = Path(self.data)
        self.output = Path(self.output)
        positive = ("gepo_groups_per_step", "gepo_max_equivalent", "gepo_max_inequivalent", "rl_prompts_per_step",
                    "rl_samples", "rl_max_new_tokens", "max_steps", "max_length", "save_every", "log_every",
                    "workers", "keep_checkpoints")
        for name in positive:
            if getattr(self, name) < 1:
                raise ConfigError(f"--{name.replace('_', '-')} must be at least 1, got {getattr(self, name)}")
        for name in ("w_rl", "w_gepo", "gepo_lambda", "kl_coef", "weight_decay", "max_grad_norm"):
            if getattr(self, name) < 0:
                raise ConfigError(f"--{name.replace('_', '-')} must be >= 0, got {getattr(self, name)}")
        if self.w_rl == 0 and self.w_gepo == 0:
            raise ConfigError("--w-rl and --w-gepo are both 0: nothing to train")
        if self.learning_rate <= 0 or self.gepo_beta <= 0:
            raise ConfigError("--learning-rate and --gepo-beta must be positive")
        if not 0 <= self.warmup_ratio < 1:
            raise ConfigError(f"--warmup-ratio must be in [0, 1), got {self.warmup_ratio}")
        if not 0 < self.clip_eps < 1:
            raise ConfigError(f"--clip-eps must be in (0, 1), got {self.clip_eps}")
        for f in fields(self):
            choices = f.metadata.get("choices")
            if choices and getattr(self, f.name) not in choices:
                raise ConfigError(f"--{f.name.replace('_', '-')} must be one of {', '.join(choices)}")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {k: str(v) if isinstance(v, Path) else v for k, v in d.items()}


PRESETS: dict[str, dict[str, Any]] = {
    # the paper's settings (PAPER.md): AdamW, lr 5e-7, cosine, 3% warm-up, no weight decay, batch 8,
    # w_gepo = 0.01, lambda = 1, sequences up to 8192 tokens
    "paper": {"learning_rate": 5e-7, "warmup_ratio": 0.03, "weight_decay": 0.0, "rl_prompts_per_step": 8,
              "gepo_groups_per_step": 8, "w_rl": 1.0, "w_gepo": 0.01, "gepo_lambda": 1.0, "max_length": 8192,
              "algo": "reinforce_pp"},
    # for tests and smoke runs on a CPU
    "tiny": {"learning_rate": 1e-4, "warmup_ratio": 0.0, "rl_prompts_per_step": 1, "rl_samples": 2,
             "rl_max_new_tokens": 16, "gepo_groups_per_step": 1, "gepo_max_equivalent": 2,
             "gepo_max_inequivalent": 2, "max_length": 512, "save_every": 5},
}


def make_config(preset: str | None = None, **values: Any) -> TrainConfig:
    """Preset values first, then explicit ones."""
    merged: dict[str, Any] = {}
    if preset is not None:
        if preset not in PRESETS:
            raise ConfigError(f"unknown preset {preset!r}; known: {', '.join(PRESETS)}")
        merged.update(PRESETS[preset])
    merged.update({k: v for k, v in values.items() if v is not None})
    return TrainConfig(**merged)
