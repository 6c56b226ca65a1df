"""Publish a run to the Hugging Face Hub (or a local folder in the Hub's layout)."""

from __future__ import annotations

from pathlib import Path

from irgroups.publish.card import render
from irgroups.publish.hub import DATA_PATTERNS, upload
from irgroups.publish.layout import Layout, eval_only_reason, split_of, write_layout
from irgroups.shards import atomic_write_bytes


def publish_to_dir(run: Path, out: Path, repo_id: str, test_fraction: float = 0.1,
                   eval_only_to_test: bool = False) -> Layout:
    """Write the Hub folder (shards + README card) for `run` into `out`; no network."""
    out.mkdir(parents=True, exist_ok=True)
    layout = write_layout(run, out, test_fraction=test_fraction, eval_only_to_test=eval_only_to_test)
    atomic_write_bytes(out / "README.md", render(run, out, layout, repo_id).encode())
    return layout


__all__ = ["DATA_PATTERNS", "Layout", "eval_only_reason", "publish_to_dir", "split_of", "upload", "write_layout"]
