"""`irgroups train`: its options are TrainConfig's fields (training/config.py)."""

from __future__ import annotations

import json
from typing import Any

import click
from rich_click import RichOption

from irgroups.cli.errors import Command
from irgroups.cli.options import config_options
from irgroups.errors import ConfigError
from irgroups.training.config import PRESETS, TrainConfig


@click.command(cls=Command)
@click.option("--preset", type=click.Choice(list(PRESETS)), default=None, cls=RichOption, panel="Preset",
              help="Start from a preset: paper (REINFORCE++ with KL 0.01, AdamW, lr 5e-7, cosine, 3% warm-up, "
              "batch 8, w_gepo 0.01, lambda 1, bf16 with fp32 master weights) or tiny (CPU smoke runs). Options "
              "given here override it.")
@config_options(TrainConfig, defaults=False)
@click.option("--no-progress", is_flag=True, help="No progress bar.", cls=RichOption, panel="Run management")
def train(preset: str | None, no_progress: bool, **values: Any) -> None:
    """OORL: on-policy RL rewarded by the sandbox plus GEPO on the groups of a build, on TRL.

    Checkpoints, metrics.jsonl and TensorBoard logs go to --output; running the same command
    again resumes from the newest checkpoint. Several GPUs: `accelerate launch` (see the README)."""
    from irgroups.training.config import make_config

    cfg = make_config(preset, **values)
    try:
        from irgroups.training.run import train as run_training
    except ImportError as e:
        raise ConfigError(f"training needs the [train] extra ({e.name} is missing): pip install 'irgroups[train]'") from e
    trainer = run_training(cfg, progress=not no_progress)
    logs = [e for e in trainer.state.log_history if "loss" in e]
    if logs and trainer.is_world_process_zero():
        click.echo(json.dumps(logs[-1]))
