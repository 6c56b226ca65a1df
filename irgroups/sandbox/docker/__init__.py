"""The Docker sandbox backend (issue 6): per-language images under sandboxes/docker/, one locked-down
container per worker slot and language, reused across jobs."""

from __future__ import annotations

from typing import Any

__all__ = ["DockerSandbox"]


def __getattr__(name: str) -> Any:  # lazy, so `python -m irgroups.sandbox.docker.images` imports cleanly
    if name == "DockerSandbox":
        from irgroups.sandbox.docker.sandbox import DockerSandbox

        return DockerSandbox
    raise AttributeError(name)
