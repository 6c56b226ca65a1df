"""`irgroups train`: its options are TrainConfig's fields (training/config.py)."""

from __future__ import annotations

import json
from typing import Any

import click

from irgroups.cli.errors import Command
from irgroups.cli.options import config_options
from irgroups.training.config import PRESETS, TrainConfig


@click.command(cls=Command)
@click.option("--preset", type=click.Choice(list(PRESETS)), default=None,
              help="Start from a preset: paper (AdamW, lr 5e-7, cosine, 3% warm-up, batch 8, w_gepo 0.01, "
              "lambda 1) or tiny (CPU smoke runs). Options given here override it.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@config_options(TrainConfig, defaults=False)
def train(preset: str | None, no_progress: bool, **values: Any) -> None:
    """OORL: GEPO on the groups of a build plus on-policy RL rewarded by the sandbox.

    Checkpoints, metrics.jsonl and TensorBoard logs go to --output; running the same
    command again resumes from the newest checkpoint. Multi-GPU: see the README."""
    from irgroups.training.config import make_config

    cfg = make_config(preset, **values)
    if cfg.algo == "grpo":
        from irgroups.training.grpo import train_grpo

        train_grpo(cfg, progress=not no_progress)
        return
    from irgroups.training.trainer import OORLTrainer

    trainer = OORLTrainer(cfg)
    if trainer.start_step:
        click.echo(f"resuming from step {trainer.start_step} ({trainer.latest_checkpoint()})", err=True)
    history = trainer.train(progress=not no_progress)
    if history:
        click.echo(json.dumps(history[-1]))
