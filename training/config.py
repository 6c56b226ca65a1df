"""Trainer configuration: one dataclass, each field with its help text, checked on creation.

The CLI (`irgroups train`) is generated from these fields, so `--help` explains every option.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from pathlib import Path
from typing import Any

from irgroups.config import SANDBOXES, opt
from irgroups.errors import ConfigError

ADVANTAGES = ("reinforce_pp", "grpo")
GEPO_DATA = ("groups", "llvm_groups", "both")
PRECISIONS = ("auto", "fp32", "bf16", "bf16-pure")


@dataclass
class TrainConfig:
    data: Path = opt(MISSING, "Run directory written by `irgroups build` (its groups/, llvm_groups/ and prompts/).",
                     panel="Data, model and output")
    model: str = opt(MISSING, "Policy to train: a local model directory or a model id; also the reference model.",
                     panel="Data, model and output")
    output: Path = opt(Path("checkpoints/oorl"), "Where checkpoints, metrics.jsonl and TensorBoard logs go.",
                       panel="Data, model and output")
    algo: str = opt("reinforce_pp", "Advantages of the on-policy part: reinforce_pp (the paper's REINFORCE++: returns "
                    "with the KL folded into the reward, normalised over the whole batch) or grpo (rewards "
                    "normalised within each prompt's samples, KL as a loss term).", choices=ADVANTAGES,
                    panel="On-policy RL")
    # --- the OORL objective: L = w_rl * L_onpolicy + w_gepo * L_GEPO
    w_rl: float = opt(1.0, "Weight of the on-policy RL loss.", panel="On-policy RL")
    w_gepo: float = opt(0.01, "Weight of the GEPO loss (paper: 0.01).", panel="GEPO")
    gepo_data: str = opt("groups", "GEPO groups to train on: groups (translations), llvm_groups (LLVM IR, the "
                         "paper's own GEPO data) or both.", choices=GEPO_DATA, panel="GEPO")
    gepo_beta: float = opt(0.1, "beta of the implicit reward beta*(log pi - log pi_ref) (paper: unstated; DPO default).",
                           panel="GEPO")
    gepo_lambda: float = opt(1.0, "lambda, weight of the variance of equivalent members' rewards (paper: 1).",
                             panel="GEPO")
    gepo_pairwise: bool = opt(False, "Use pairwise DPO over (equivalent, inequivalent) pairs instead (the ablation).",
                              panel="GEPO")
    gepo_groups_per_step: int = opt(2, "GEPO groups in each optimiser step, over all processes (a multiple of "
                                    "their number: each process takes its share).", panel="GEPO")
    gepo_max_equivalent: int = opt(4, "At most this many equivalent members per group and step (sampled).",
                                   panel="GEPO")
    gepo_max_inequivalent: int = opt(4, "At most this many inequivalent members per group and step (sampled).",
                                     panel="GEPO")
    # --- on-policy RL
    rl_prompts_per_step: int = opt(2, "RL prompts per optimiser step, over all processes.", panel="On-policy RL")
    rl_samples: int = opt(4, "Completions sampled per RL prompt.", panel="On-policy RL")
    rl_max_new_tokens: int = opt(256, "Longest sampled completion, in tokens.", panel="On-policy RL")
    rl_temperature: float = opt(1.0, "Sampling temperature of on-policy rollouts.", panel="On-policy RL")
    rl_top_k: int = opt(0, "Sample from the top k tokens only (0 = all; 1 = greedy, for reproducible runs).",
                        panel="On-policy RL")
    clip_eps: float = opt(0.2, "PPO clip range epsilon.", panel="On-policy RL")
    ppo_epochs: int = opt(1, "Updates per batch of rollouts; the clip acts from the second one (paper: unstated).",
                          panel="On-policy RL")
    kl_coef: float = opt(0.0, "KL coefficient to the reference model: folded into the reward (reinforce_pp) or a "
                         "loss term (grpo); 0 keeps no reference model in memory.", panel="On-policy RL")
    thinking: str = opt("template", "enable_thinking for chat templates that have it (Qwen3): template = the "
                        "template's default, on, off.", choices=("template", "on", "off"), panel="On-policy RL")
    langs: str = opt("", "Only train on these target languages (comma-separated); empty = all in the data.",
                     panel="Data, model and output")
    # --- optimisation (paper preset: AdamW, lr 5e-7, cosine, 3% warm-up, no weight decay, batch 8)
    learning_rate: float = opt(5e-7, "AdamW learning rate.", panel="Optimisation")
    weight_decay: float = opt(0.0, "AdamW weight decay.", panel="Optimisation")
    warmup_ratio: float = opt(0.03, "Fraction of steps of linear warm-up before the cosine decay.",
                              panel="Optimisation")
    max_steps: int = opt(100, "Optimiser steps to run.", panel="Optimisation")
    grad_accum: int = opt(1, "Micro-batches per optimiser step (the rollouts of a step are split into them).",
                          panel="Optimisation")
    max_grad_norm: float = opt(1.0, "Gradient clipping norm (0 = off).", panel="Optimisation")
    max_length: int = opt(2048, "Longest prompt+response sequence. RL prompts longer than max_length - "
                          "rl_max_new_tokens are cut from the left; GEPO members that do not fit are dropped.",
                          panel="Optimisation")
    seed: int = opt(0, "Seed for sampling groups, prompts and rollouts.", panel="Optimisation")
    device: str = opt("auto", "cpu or auto (the devices accelerate gives this process).", choices=("auto", "cpu"),
                      panel="Devices and precision")
    precision: str = opt("auto", "fp32; bf16 (fp32 master weights, bf16 autocast); bf16-pure (bf16 weights, "
                         "refused where the learning rate's updates would round away); auto = bf16 on a GPU "
                         "that has it, else fp32.", choices=PRECISIONS, panel="Devices and precision")
    gradient_checkpointing: bool = opt(True, "Recompute activations in the backward (less memory, ~30% slower).",
                                       panel="Devices and precision")
    # --- rollouts through vLLM (pip install 'irgroups[vllm]'), as TRL runs them
    vllm: str = opt("off", "Sample rollouts with vLLM: off (transformers' generate), colocate (an engine in each "
                    "training process) or server (`trl vllm-serve` on other GPUs); weights are synced every step.",
                    choices=("off", "colocate", "server"), panel="Rollouts with vLLM")
    vllm_server: str = opt("http://localhost:8000", "Base URL of the vLLM server (--vllm server).",
                           panel="Rollouts with vLLM")
    vllm_gpu_memory: float = opt(0.3, "Share of GPU memory a colocated vLLM engine may take.",
                                 panel="Rollouts with vLLM")
    deepspeed: str = opt("", "A DeepSpeed JSON config (e.g. training/deepspeed/zero2_offload.json); or launch "
                         "with an accelerate config that names one.", panel="Devices and precision")
    # --- run management
    save_every: int = opt(50, "Save a checkpoint every N steps (and at the end).", panel="Run management")
    keep_checkpoints: int = opt(2, "Keep the newest N checkpoints.", panel="Run management")
    log_every: int = opt(1, "Write metrics every N steps.", panel="Run management")
    resume: bool = opt(True, "Resume from the newest checkpoint in --output when there is one.",
                       panel="Run management")
    workers: int = opt(2, "Sandbox workers computing rewards (per training process).",
                       panel="Sandbox (the RL reward)")
    sandbox: str = opt("local", "Where the RL reward runs the answers: bubblewrap namespaces on this host, or Docker "
                       "containers (images: bash scripts/docker_images.sh).", choices=SANDBOXES,
                       panel="Sandbox (the RL reward)")

    def __post_init__(self) -> None:
        self.data = Path(self.data)
        self.output = Path(self.output)
        positive = ("gepo_groups_per_step", "gepo_max_equivalent", "gepo_max_inequivalent", "rl_prompts_per_step",
                    "rl_samples", "rl_max_new_tokens", "max_steps", "max_length", "save_every", "log_every",
                    "workers", "keep_checkpoints", "grad_accum", "ppo_epochs")
        for name in positive:
            if getattr(self, name) < 1:
                raise ConfigError(f"--{name.replace('_', '-')} must be at least 1, got {getattr(self, name)}")
        for name in ("w_rl", "w_gepo", "gepo_lambda", "kl_coef", "weight_decay", "max_grad_norm", "rl_top_k"):
            if getattr(self, name) < 0:
                raise ConfigError(f"--{name.replace('_', '-')} must be >= 0, got {getattr(self, name)}")
        if self.w_rl == 0 and self.w_gepo == 0:
            raise ConfigError("--w-rl and --w-gepo are both 0: nothing to train")
        if self.learning_rate <= 0 or self.gepo_beta <= 0 or self.rl_temperature <= 0:
            raise ConfigError("--learning-rate, --gepo-beta and --rl-temperature must be positive")
        if not 0 <= self.warmup_ratio < 1:
            raise ConfigError(f"--warmup-ratio must be in [0, 1), got {self.warmup_ratio}")
        if not 0 < self.clip_eps < 1:
            raise ConfigError(f"--clip-eps must be in (0, 1), got {self.clip_eps}")
        if not 0 < self.vllm_gpu_memory <= 1:
            raise ConfigError(f"--vllm-gpu-memory must be in (0, 1], got {self.vllm_gpu_memory}")
        if self.rl_max_new_tokens >= self.max_length:
            raise ConfigError(f"--rl-max-new-tokens ({self.rl_max_new_tokens}) leaves no room for a prompt in "
                              f"--max-length {self.max_length}")
        if self.algo == "grpo" and self.rl_samples < 2:
            raise ConfigError("--algo grpo compares each prompt's samples with each other: --rl-samples >= 2")
        for f in fields(self):
            choices = f.metadata.get("choices")
            if choices and getattr(self, f.name) not in choices:
                raise ConfigError(f"--{f.name.replace('_', '-')} must be one of {', '.join(choices)}")

    @property
    def lang_filter(self) -> set[str] | None:
        return {x.strip() for x in self.langs.split(",") if x.strip()} or None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {k: str(v) if isinstance(v, Path) else v for k, v in d.items()}


PRESETS: dict[str, dict[str, Any]] = {
    # What the paper states (PAPER.md): REINFORCE++ with a KL to the reference model, AdamW, lr 5e-7, cosine,
    # 3% warm-up, no weight decay, batch 8, sequences up to 8192 tokens, w_gepo = 0.01, lambda = 1, the LLVM IR
    # groups as GEPO data. What it leaves open (README, "What the paper leaves open"): the KL coefficient
    # (ours: 0.01, OpenRLHF's default init_kl_coef), beta (0.1), samples per prompt (4), PPO epochs (1),
    # the clip (0.2), the completion length and the temperature (1.0).
    "paper": {"algo": "reinforce_pp", "kl_coef": 0.01, "learning_rate": 5e-7, "warmup_ratio": 0.03,
              "weight_decay": 0.0, "rl_prompts_per_step": 8, "gepo_groups_per_step": 8, "w_rl": 1.0,
              "w_gepo": 0.01, "gepo_lambda": 1.0, "max_length": 8192, "rl_max_new_tokens": 2048,
              "gepo_data": "both", "precision": "bf16"},
    # for tests and smoke runs on a CPU
    "tiny": {"learning_rate": 1e-4, "warmup_ratio": 0.0, "rl_prompts_per_step": 1, "rl_samples": 2,
             "rl_max_new_tokens": 16, "gepo_groups_per_step": 1, "gepo_max_equivalent": 2,
             "gepo_max_inequivalent": 2, "max_length": 2048, "save_every": 5, "gradient_checkpointing": False},
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
