"""A few OORL steps with a known reward, run alone or under `torchrun --nproc_per_node N`: each
process writes its parameters and its optimiser-step count, so tests can compare runs.

    python tests/train_run.py DATA MODEL OUT [--steps 3] [key=value ...]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import torch


def parity_reward(prompts: list[Any], completions: list[Any], completion_ids: list[list[int]],
                  **columns: Any) -> list[float]:
    """0 or 1 from the prompt id and the completion's tokens: deterministic, and not the same for all
    (a random tiny model's greedy completions are alike, so the prompt decides too)."""
    return [float((int(hashlib.sha256(pid.encode()).hexdigest(), 16) + sum(ids)) % 2)
            for pid, ids in zip(columns["prompt_id"], completion_ids)]


def main() -> None:
    from transformers import TrainerCallback

    from irgroups.training.config import make_config
    from irgroups.training.run import make_trainer, train

    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("model")
    ap.add_argument("out")
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("overrides", nargs="*")
    a = ap.parse_args()
    values: dict[str, Any] = {"rl_top_k": 1, "rl_prompts_per_step": 4, "rl_samples": 2, "gepo_groups_per_step": 2,
                              "w_gepo": 1.0, "max_length": 2048, "save_every": 1000, "resume": False}
    for kv in a.overrides:
        k, v = kv.split("=", 1)
        values[k] = json.loads(v)
    cfg = make_config("tiny", data=Path(a.data), model=a.model, output=Path(a.out) / "ckpt", max_steps=a.steps,
                      device="cpu", **values)
    steps = {"optimizer": 0}

    class Count(TrainerCallback):  # type: ignore[misc]
        def on_optimizer_step(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
            steps["optimizer"] += 1

    parity_reward.__name__ = "parity"
    trainer = make_trainer(cfg, reward_funcs=[parity_reward], progress=False)
    trainer.add_callback(Count())
    train(cfg, progress=False, trainer=trainer)
    rank = trainer.accelerator.process_index
    model = trainer.accelerator.unwrap_model(trainer.model)
    torch.save({k: v.detach().cpu() for k, v in model.state_dict().items()}, Path(a.out) / f"params-{rank}.pt")
    (Path(a.out) / f"steps-{rank}.json").write_text(json.dumps({"optimizer": steps["optimizer"],
                                                                  "global_step": trainer.state.global_step}))
    print("done", rank, file=sys.stderr)


if __name__ == "__main__":
    main()
