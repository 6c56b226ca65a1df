"""irgroups: verified IR-group datasets for GEPO / OORL training.

The Python API (irgroups/api.py):

    import irgroups

    summary = irgroups.build(out="runs/small", langs="python,rust", limit=3, progress=False)
    groups = irgroups.load("runs/small", "groups")      # a datasets.Dataset
    cfg = irgroups.BuildConfig(langs="rust", limit=3)   # the build's options, as the CLI has them

A run directory also loads with `datasets.load_dataset(RUN_DIR, "groups")` (its README.md lists
one config per stage). Importing irgroups is light: torch, datasets, polars and pyarrow are
imported only by the functions that need them, and `BuildConfig` / `TrainConfig` on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from irgroups.api import build, load  # noqa: E402 - after __version__, which the pipeline imports

if TYPE_CHECKING:
    from irgroups.config import BuildConfig
    from irgroups.training.config import TrainConfig

__all__ = ["BuildConfig", "TrainConfig", "__version__", "build", "load"]

_LAZY = {"BuildConfig": "irgroups.config", "TrainConfig": "irgroups.training.config"}


def __getattr__(name: str) -> Any:
    """`irgroups.BuildConfig` and `irgroups.TrainConfig`, imported on first use."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'irgroups' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
