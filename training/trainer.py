"""OORL: L = w_rl * L_onpolicy + w_gepo * L_GEPO, summed in one optimiser step.

Each step: sample rollouts for a few RL prompts and back-propagate the REINFORCE++
loss (scaled by w_rl); take a few GEPO groups and back-propagate their exact gradient
one member at a time (scaled by w_gepo); clip; one AdamW step; cosine schedule with
warm-up. Data order and sampling depend only on (seed, step), so a run resumed from
a checkpoint continues as the uninterrupted run would.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import torch

from irgroups.errors import ConfigError
from irgroups.training.config import TrainConfig
from irgroups.training.data import (
    Group,
    fitting,
    load_groups,
    load_prompts,
    ref_path,
    sample_members,
)
from irgroups.training.gepo import LossOutput, gepo_backward, gepo_backward_all_at_once, gepo_loss
from irgroups.training.logprobs import encode, sequence_logps
from irgroups.training.reference import reference_logps
from irgroups.training.reward import SandboxReward
from irgroups.training.rl import Rollouts, reinforce_pp_backward, sample, token_logps

STATE = "trainer_state.json"


def pick_device(name: str) -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


def load_policy(path: str | Path, dtype: str, device: torch.device) -> tuple[Any, Any]:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(path)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(path, dtype=getattr(torch, dtype)).to(device)  # type: ignore[arg-type]
    return model, tokenizer


class OORLTrainer:
    def __init__(self, cfg: TrainConfig) -> None:
        self.cfg = cfg
        self.device = pick_device(cfg.device)
        langs = {x.strip() for x in cfg.langs.split(",") if x.strip()} or None
        self.groups: list[Group] = load_groups(cfg.data, langs) if cfg.w_gepo > 0 else []
        self.prompts = load_prompts(cfg.data, langs) if cfg.w_rl > 0 else []
        cfg.output.mkdir(parents=True, exist_ok=True)
        self.start_step = 0
        checkpoint = self.latest_checkpoint() if cfg.resume else None
        self.model, self.tokenizer = load_policy(checkpoint or cfg.model, cfg.dtype, self.device)
        self.groups, self.members_too_long = fitting(self.groups, self.tokenizer, cfg.max_length)
        if cfg.w_gepo > 0 and not self.groups:
            raise ConfigError(f"no GEPO group fits in --max-length {cfg.max_length}")
        # reference log-probs for GEPO come from the model before training, computed once
        self.ref_logps: dict[tuple[str, str], float] = {}
        if self.groups:
            path = ref_path(cfg.data, cfg.model, cfg.max_length)
            if checkpoint is not None and not path.exists():
                raise ConfigError(f"{path} is missing but {checkpoint} exists: cannot rebuild the reference "
                                  "log-probs from a trained model; start with a new --output")
            self.ref_logps, _ = reference_logps(cfg.data, cfg.model, cfg.max_length, self.model, self.tokenizer,
                                                self.groups, self.device)
        self.ref_model = None
        if cfg.w_rl > 0 and cfg.kl_coef > 0:
            self.ref_model, _ = load_policy(cfg.model, cfg.dtype, self.device)
            self.ref_model.eval().requires_grad_(False)
        self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=cfg.learning_rate,
                                           weight_decay=cfg.weight_decay)
        from transformers import get_cosine_schedule_with_warmup

        self.scheduler = get_cosine_schedule_with_warmup(self.optimizer, int(cfg.warmup_ratio * cfg.max_steps),
                                                         cfg.max_steps)
        if checkpoint is not None:
            self.load_state(checkpoint)
        self.reward = SandboxReward(self.prompts, workers=cfg.workers, sandbox=cfg.sandbox) if self.prompts else None
        rng = random.Random(cfg.seed)
        self.group_order = list(range(len(self.groups)))
        rng.shuffle(self.group_order)
        self.prompt_order = list(range(len(self.prompts)))
        rng.shuffle(self.prompt_order)

    # ---- one step ---------------------------------------------------------
    def gepo_batch(self, step: int) -> tuple[list[str], list[str], torch.Tensor, torch.Tensor, torch.Tensor]:
        cfg = self.cfg
        rng = random.Random(f"{cfg.seed}:{step}:gepo")
        k = cfg.gepo_groups_per_step
        picked = [self.groups[self.group_order[(step * k + j) % len(self.groups)]] for j in range(k)]
        prompts, responses, index, eq, ref = [], [], [], [], []
        for gi, g in enumerate(picked):
            for m in sample_members(g, cfg.gepo_max_equivalent, cfg.gepo_max_inequivalent, rng):
                prompts.append(m.prompt)
                responses.append(m.response)
                index.append(gi)
                eq.append(m.equivalent)
                ref.append(self.ref_logps[(m.group_id, m.candidate_id)])
        return (prompts, responses, torch.tensor(index, device=self.device), torch.tensor(eq, device=self.device),
                torch.tensor(ref, dtype=torch.float32, device=self.device))

    def rollouts(self, step: int) -> Rollouts:
        cfg = self.cfg
        assert self.reward is not None
        k = cfg.rl_prompts_per_step
        rows = [self.prompts[self.prompt_order[(step * k + j) % len(self.prompts)]] for j in range(k)]
        torch.manual_seed(cfg.seed * 100_003 + step)
        prompt_ids, input_ids, attention_mask, completion_mask, texts = sample(
            self.model, self.tokenizer, rows, cfg.rl_samples, cfg.rl_max_new_tokens, cfg.rl_temperature,
            cfg.max_length, self.device)
        n = completion_mask.shape[1]
        with torch.no_grad():
            old = token_logps(self.model, input_ids, attention_mask, n)
            ref = token_logps(self.ref_model, input_ids, attention_mask, n) if self.ref_model is not None else None
        scores = self.reward.score_many(prompt_ids, texts)
        return Rollouts(prompt_ids, texts, input_ids, attention_mask, completion_mask, old,
                        torch.tensor([s.reward for s in scores], device=self.device),
                        torch.tensor([s.tests_fraction for s in scores], device=self.device), ref)

    def step(self, step: int) -> dict[str, float]:
        cfg = self.cfg
        self.optimizer.zero_grad(set_to_none=True)
        metrics: dict[str, float] = {}
        if cfg.w_rl > 0:
            metrics.update(reinforce_pp_backward(self.model, self.rollouts(step), cfg.clip_eps, cfg.kl_coef, cfg.w_rl))
        if cfg.w_gepo > 0:
            prompts, responses, index, eq, ref = self.gepo_batch(step)
            backward = gepo_backward_all_at_once if cfg.gepo_all_at_once else gepo_backward
            self.model.train()
            out = backward(self.model, self.tokenizer, prompts, responses, ref, index, eq, beta=cfg.gepo_beta,
                           lam=cfg.gepo_lambda, scale=cfg.w_gepo, pairwise=cfg.gepo_pairwise,
                           max_length=cfg.max_length)
            metrics["gepo_loss"] = float(out.loss)
            metrics.update({f"gepo_{k}": float(v) for k, v in out.metrics.items()})
        if cfg.max_grad_norm > 0:
            metrics["grad_norm"] = float(torch.nn.utils.clip_grad_norm_(self.model.parameters(), cfg.max_grad_norm))
        self.optimizer.step()
        self.scheduler.step()
        metrics["lr"] = float(self.scheduler.get_last_lr()[0])
        metrics["loss"] = cfg.w_rl * metrics.get("rl_loss", 0.0) + cfg.w_gepo * metrics.get("gepo_loss", 0.0)
        return metrics

    @torch.no_grad()
    def gepo_eval(self, step: int = 0) -> LossOutput:
        """The GEPO loss of the model on step `step`'s batch, without training."""
        prompts, responses, index, eq, ref = self.gepo_batch(step)
        self.model.eval()
        enc = encode(self.tokenizer, prompts, responses, self.cfg.max_length)
        logps = sequence_logps(self.model, {k: v.to(self.device) for k, v in enc.items()})
        return gepo_loss(logps, ref, index, eq, beta=self.cfg.gepo_beta, lam=self.cfg.gepo_lambda)

    # ---- the loop -----------------------------------------------------------
    def train(self, progress: bool = True) -> list[dict[str, float]]:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        cfg = self.cfg
        log_path = cfg.output / "metrics.jsonl"
        self._truncate_log(log_path, self.start_step)
        writer = _tensorboard(cfg.output / "tensorboard")
        history = []
        columns = (TextColumn("train"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("{task.fields[info]}"))
        with Progress(*columns, disable=not progress) as bar:
            task = bar.add_task("train", total=cfg.max_steps, completed=self.start_step, info="")
            for step in range(self.start_step, cfg.max_steps):
                metrics = self.step(step)
                record = {"step": step + 1, **metrics}
                history.append(record)
                if (step + 1) % cfg.log_every == 0 or step + 1 == cfg.max_steps:
                    with open(log_path, "a") as f:
                        f.write(json.dumps(record) + "\n")
                    if writer is not None:
                        for k, v in metrics.items():
                            writer.add_scalar(k, v, step + 1)
                if (step + 1) % cfg.save_every == 0 or step + 1 == cfg.max_steps:
                    self.save(step + 1)
                info = " ".join(f"{k}={metrics[k]:.4g}" for k in ("loss", "gepo_loss", "rl_reward") if k in metrics)
                bar.update(task, advance=1, info=info)
        if writer is not None:
            writer.close()
        if self.reward is not None:
            self.reward.close()
        return history

    # ---- checkpoints --------------------------------------------------------
    def checkpoints(self) -> list[Path]:
        found = [p for p in self.cfg.output.glob("checkpoint-*") if (p / STATE).exists()]
        return sorted(found, key=lambda p: int(p.name.split("-")[1]))

    def latest_checkpoint(self) -> Path | None:
        found = self.checkpoints()
        return found[-1] if found else None

    def save(self, step: int) -> Path:
        final = self.cfg.output / f"checkpoint-{step}"
        tmp = self.cfg.output / f".checkpoint-{step}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        self.model.save_pretrained(tmp)
        self.tokenizer.save_pretrained(tmp)
        torch.save({"optimizer": self.optimizer.state_dict(), "scheduler": self.scheduler.state_dict(),
                    "torch_rng": torch.get_rng_state()}, tmp / "optimizer.pt")
        # the state file is written last: a checkpoint without it is incomplete and ignored
        (tmp / STATE).write_text(json.dumps({"step": step, "config": self.cfg.to_dict()}, indent=2))
        shutil.rmtree(final, ignore_errors=True)
        tmp.rename(final)
        for old in self.checkpoints()[: -self.cfg.keep_checkpoints]:
            shutil.rmtree(old, ignore_errors=True)
        return final

    def load_state(self, checkpoint: Path) -> None:
        state = json.loads((checkpoint / STATE).read_text())
        blob = torch.load(checkpoint / "optimizer.pt", map_location=self.device, weights_only=False)
        self.optimizer.load_state_dict(blob["optimizer"])
        self.scheduler.load_state_dict(blob["scheduler"])
        torch.set_rng_state(blob["torch_rng"])
        self.start_step = int(state["step"])

    @staticmethod
    def _truncate_log(path: Path, step: int) -> None:
        """Drop metrics a killed run wrote after its last checkpoint, so steps never repeat."""
        if not path.exists():
            return
        keep = [line for line in path.read_text().splitlines() if line and json.loads(line)["step"] <= step]
        path.write_text("".join(line + "\n" for line in keep))


def _tensorboard(path: Path) -> Any:
    try:
        from torch.utils.tensorboard import SummaryWriter
    except ImportError:
        return None
    return SummaryWriter(str(path))
