"""<run>/README.md: a run directory that `datasets.load_dataset(run_dir, STAGE)` reads.

The Hugging Face `datasets` library's local-folder loader takes its configs from the YAML front
matter of the folder's README.md; here one config per stage with shards, named after the stage,
its `data_files` the stage's `part-*.parquet` shards (one `train` split). `groups` is the default
config. Rewritten at the end of every `build` and `run_stage`, so it lists what the run holds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from irgroups.shards import atomic_write_bytes
from irgroups.stages import STAGES

DEFAULT = "groups"


def stages_present(run: Path) -> list[str]:
    """The registered stages (pipeline order) with at least one shard in `run`."""
    return [name for name in STAGES if any((run / name).glob("part-*.parquet"))]


def render(run: Path) -> str:
    stages = stages_present(run)
    configs: list[dict[str, Any]] = []
    for name in stages:
        entry: dict[str, Any] = {"config_name": name,
                                 "data_files": [{"split": "train", "path": f"{name}/part-*.parquet"}]}
        if name == DEFAULT:
            entry["default"] = True
        configs.append(entry)
    config_path = run / "config.json"
    cfg = json.loads(config_path.read_text()) if config_path.exists() else {}
    langs = ", ".join(cfg.get("langs") or []) or "unrecorded languages"
    source = cfg.get("source") or "unrecorded sources"
    meta = {"configs": configs}
    lines = ["---", yaml.safe_dump(meta, sort_keys=False).rstrip(), "---", "",
             f"# irgroups run: {run.name}", "",
             f"A run directory written by [irgroups](https://pypi.org/project/irgroups/) (target languages: "
             f"{langs}; problems from {source}). Each stage's rows are parquet shards in its own directory, "
             f"and each stage is a config of this folder: {', '.join(f'`{s}`' for s in stages) or 'none yet'}. "
             f"Load one with `datasets.load_dataset(RUN_DIR, \"groups\")` (one `train` split, all shards) or "
             f"`irgroups.load(RUN_DIR, \"groups\")`; `config.json` holds the build's settings, `summary.json` "
             f"its counts, and `<stage>/manifest.json` each stage's schema version and toolchains. To share "
             f"it with train/test splits made by problem, use `irgroups publish`.", ""]
    return "\n".join(lines)


def write_run_readme(run: Path) -> Path:
    """Write (atomically) `run`/README.md listing the stages it holds; its path."""
    path = run / "README.md"
    atomic_write_bytes(path, render(run).encode())
    return path
