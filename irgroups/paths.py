"""Where the files shipped with irgroups live: the embedded default data (`data/`), the pipeline
recipes (`pipelines/`) and the sandbox definitions (`sandboxes/`).

In a checkout (or an editable install of one) they are the checkout's top-level folders; an
installed wheel carries them inside the package as `irgroups/_data`, `irgroups/_pipelines` and
`irgroups/_sandboxes` (pyproject.toml's package-dir). IRGROUPS_DATA overrides the data folder
(IRGROUPS_SANDBOXES the sandbox one, irgroups/sandbox/docker/images.py)."""

from __future__ import annotations

import os
from pathlib import Path

from irgroups.errors import ConfigError

PACKAGE = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path | None:
    """The folder `name` (`data`, `pipelines` or `sandboxes`) shipped with irgroups: the wheel's copy
    inside the package, else the checkout's folder beside the package; None if neither is there."""
    wheel = PACKAGE / f"_{name}"
    if wheel.is_dir():
        return wheel
    checkout = PACKAGE.parent / name
    # a checkout has its pyproject.toml beside the package (an installed package has site-packages)
    if checkout.is_dir() and (PACKAGE.parent / "pyproject.toml").is_file():
        return checkout
    return None


def data_dir() -> Path:
    env = os.environ.get("IRGROUPS_DATA")
    path = Path(env) if env else shipped_dir("data")
    if path is None or not path.is_dir():
        where = path or f"{PACKAGE / '_data'} (installed) or {PACKAGE.parent / 'data'} (checkout)"
        raise ConfigError(
            f"data directory {where} not found; reinstall irgroups (pip install irgroups, or pip install -e . "
            "from a checkout) or point IRGROUPS_DATA at a copy of its data/ folder"
        )
    return path


def pipelines_dir() -> Path | None:
    """The shipped pipeline recipes (`default.toml`, ...), None if absent."""
    return shipped_dir("pipelines")


def sandboxes_dir() -> Path | None:
    """The shipped sandbox definitions (`docker/<lang>/Dockerfile`, `local/packages.txt`), None if absent."""
    return shipped_dir("sandboxes")


def slug(problem_id: str) -> str:
    """`HumanEval/12` -> `HumanEval_12`, safe as a file name."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in problem_id)
