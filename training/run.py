"""From a TrainConfig to a ready OORLTrainer: model and precision, GEPO groups and their reference
log-probs, the RL prompt dataset, the sandbox reward; and `train`, which runs it with resume."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

from irgroups.errors import ConfigError, IrgroupsError
from irgroups.training.chat import end_of_turn_ids, prompt_ids, stop_ids, template_kwargs
from irgroups.training.config import TrainConfig
from irgroups.training.data import fitting, load_groups, load_prompts, ref_key
from irgroups.training.reference import reference_logps
from irgroups.training.reward import SandboxReward
from irgroups.training.trainer import GepoBatches, MetricsFile, OORLTrainer, grpo_args

# bf16 keeps 8 significant bits: an update smaller than half a unit in the last place of a weight
# (|w| * 2^-9) rounds away. Adam's first updates are about lr in size, so this fraction of the
# weights would not move at all. Measured on Qwen-like weights at lr 5e-7: nearly all of them.
_BF16_HALF_ULP = 2.0 ** -9
_MOST = 0.5


def resolve_precision(cfg: TrainConfig) -> str:
    if cfg.precision != "auto":
        return cfg.precision
    on_gpu = cfg.device != "cpu" and torch.cuda.is_available()
    return "bf16" if on_gpu and torch.cuda.is_bf16_supported() else "fp32"


def vanishing_fraction(model: Any, lr: float) -> float:
    """The share of weights whose update of size `lr` would round away in bf16."""
    stuck = total = 0
    with torch.no_grad():
        for p in model.parameters():
            if p.requires_grad:
                stuck += int((p.detach().float().abs() * _BF16_HALF_ULP > lr).sum())
                total += p.numel()
    return stuck / max(1, total)


def load_model(cfg: TrainConfig, precision: str) -> tuple[Any, Any]:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(cfg.model)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    # bf16 = fp32 master weights under bf16 autocast (or DeepSpeed's bf16 with fp32 optimiser states)
    dtype = torch.bfloat16 if precision == "bf16-pure" else torch.float32
    model = AutoModelForCausalLM.from_pretrained(cfg.model, dtype=dtype)
    if precision == "bf16-pure":
        share = vanishing_fraction(model, cfg.learning_rate)
        if share > _MOST:
            raise ConfigError(f"--precision bf16-pure at --learning-rate {cfg.learning_rate:g}: updates of that size "
                              f"round away on {share:.1%} of this model's weights (bf16 keeps 8 bits). Use "
                              "--precision bf16 (fp32 master weights, bf16 compute) or a larger learning rate.")
    return model, tokenizer


def _log(msg: str) -> None:
    from accelerate import PartialState

    if PartialState().is_main_process:  # status lines of the one process that speaks, on stderr
        print(msg, file=sys.stderr, flush=True)


def gepo_batches(cfg: TrainConfig, model: Any, tokenizer: Any, precision: str, closing: list[int],
                 chat_kwargs: dict[str, Any]) -> GepoBatches:
    from accelerate import PartialState

    groups, skipped = load_groups(cfg.data, cfg.gepo_data, cfg.lang_filter)
    prompt_len: dict[str, int] = {}

    def length(m: Any) -> int:
        if m.prompt not in prompt_len:
            prompt_len[m.prompt] = len(prompt_ids(tokenizer, m.prompt, chat_kwargs))
        return prompt_len[m.prompt] + len(tokenizer(m.response, add_special_tokens=False)["input_ids"]) + len(closing)

    groups, dropped = fitting(groups, length, cfg.max_length)
    if not groups:
        raise ConfigError(f"no GEPO group fits in --max-length {cfg.max_length} ({dropped} members too long)")
    _log(f"GEPO: {len(groups)} groups from {cfg.gepo_data}; {dropped} members dropped (prompt + response over "
         f"--max-length {cfg.max_length})" + "".join(f"; {n} groups {why}" for why, n in skipped.items()))
    members = [m for g in groups for m in (*g.equivalent, *g.inequivalent)]
    key = ref_key(cfg.model, precision, getattr(tokenizer, "chat_template", None), chat_kwargs, closing, members)
    device = PartialState().device
    model.to(device)
    # scored as training computes the policy's log-probs: under bf16 autocast for --precision bf16
    autocast = (torch.autocast(device.type, dtype=torch.bfloat16) if precision == "bf16"
                else contextlib.nullcontext())
    with autocast:
        refs = reference_logps(cfg.data, key, model, tokenizer, groups, closing, chat_kwargs)
    return GepoBatches(groups, refs, cfg.gepo_groups_per_step, cfg.gepo_max_equivalent, cfg.gepo_max_inequivalent,
                       cfg.seed)


def make_trainer(cfg: TrainConfig, reward_funcs: list[Callable[..., Any]] | None = None,
                 progress: bool = True) -> OORLTrainer:
    """The trainer for `cfg`; `reward_funcs` replaces the sandbox reward (tests use a known reward)."""
    from accelerate import PartialState
    from datasets import Dataset

    state = PartialState(cpu=cfg.device == "cpu")
    precision = resolve_precision(cfg)
    model, tokenizer = load_model(cfg, precision)
    chat_kwargs = template_kwargs(cfg.thinking)
    closing = end_of_turn_ids(tokenizer, stop_ids(model, tokenizer), chat_kwargs)
    gepo = gepo_batches(cfg, model, tokenizer, precision, closing, chat_kwargs) if cfg.w_gepo > 0 else None
    prompts = load_prompts(cfg.data, cfg.lang_filter)
    rows = [{"prompt": [{"role": "user", "content": r["prompt"]}], "prompt_id": r["prompt_id"]} for r in prompts]
    if len(rows) < cfg.rl_prompts_per_step:
        # TRL drops a step's batch that it cannot fill with distinct rows, and would train nothing
        _log(f"RL: {len(rows)} prompts, fewer than --rl-prompts-per-step {cfg.rl_prompts_per_step}: repeated to fill a "
             "step")
        rows = [rows[i % len(rows)] for i in range(cfg.rl_prompts_per_step)]
    dataset = Dataset.from_list(rows)
    if reward_funcs is None:
        reward_funcs = [SandboxReward(prompts, workers=cfg.workers, sandbox=cfg.sandbox)]
    args = grpo_args(cfg, state.num_processes, use_cpu=cfg.device == "cpu" or not torch.cuda.is_available(),
                     bf16=precision == "bf16", progress=progress)
    trainer = OORLTrainer(model=model, reward_funcs=reward_funcs, args=args, train_dataset=dataset,
                          processing_class=tokenizer, oorl=cfg, gepo=gepo, closing=closing, chat_kwargs=chat_kwargs)
    return trainer


def last_complete_checkpoint(output: Path) -> tuple[Path, int] | None:
    """The newest checkpoint whose trainer state (written last) reads back whole, and its step: a
    checkpoint a kill interrupted is passed over, not resumed from."""
    found = []
    for path in output.glob("checkpoint-*") if output.exists() else []:
        try:
            found.append((int(json.loads((path / "trainer_state.json").read_text())["global_step"]), path))
        except (OSError, ValueError, KeyError):
            continue
    if not found:
        return None
    step, path = max(found)
    return path, step


def train(cfg: TrainConfig, progress: bool = True, reward_funcs: list[Callable[..., Any]] | None = None,
          trainer: OORLTrainer | None = None) -> OORLTrainer:
    """Train, resuming from the newest checkpoint in --output (as the same command run again)."""
    trainer = trainer or make_trainer(cfg, reward_funcs, progress)
    found = last_complete_checkpoint(cfg.output) if cfg.resume else None
    last, step = (str(found[0]), found[1]) if found else (None, 0)
    if last:
        _log(f"resuming from step {step} ({last})")
    metrics = MetricsFile(cfg.output / "metrics.jsonl", step) if trainer.is_world_process_zero() else None
    if metrics is not None:
        trainer.add_callback(metrics.callback())
    try:
        trainer.train(resume_from_checkpoint=last)
    finally:
        for f in trainer.reward_funcs:
            close = getattr(f, "close", None)
            if close is not None:
                close()
    if trainer.state.global_step < cfg.max_steps:
        raise IrgroupsError(f"training stopped at step {trainer.state.global_step} of --max-steps {cfg.max_steps}: "
                            "the data ran out (see the log above)")
    return trainer
