"""Where the embedded default data lives (`data/` beside the package, in a checkout
or an editable install), overridable with IRGROUPS_DATA."""

from __future__ import annotations

import os
from pathlib import Path

from irgroups.errors import ConfigError


def data_dir() -> Path:
    env = os.environ.get("IRGROUPS_DATA")
    path = Path(env) if env else Path(__file__).resolve().parent.parent / "data"
    if not path.is_dir():
        raise ConfigError(
            f"data directory {path} not found; install irgroups from a checkout (pip install -e .) "
            "or point IRGROUPS_DATA at a copy of its data/ folder"
        )
    return path


def slug(problem_id: str) -> str:
    """`HumanEval/12` -> `HumanEval_12`, safe as a file name."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in problem_id)
