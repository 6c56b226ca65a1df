"""`build --langs ...,llvm-ir` writes llvm-ir groups as their own stage, and publish turns them
into their own config with the per-operator mutation report in the dataset card."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import datasets


def test_build_with_llvm_ir_then_publish(tmp_path: Path) -> None:
    run = tmp_path / "run"
    res = subprocess.run([sys.executable, "-m", "irgroups.cli", "build", "--langs", "cpp,rust,llvm-ir", "--limit", "2",
                          "--mutants", "1", "--out", str(run), "--no-progress"], capture_output=True, text=True,
                         timeout=900)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "llvm-ir groups: 2 (2 with IRs from two source languages)" in res.stdout
    out = tmp_path / "hub"
    res = subprocess.run([sys.executable, "-m", "irgroups.cli", "publish", str(run), "--to-dir", str(out),
                          "--test-fraction", "0"], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout + res.stderr
    card = (out / "README.md").read_text()
    assert "| operator | generated | invalid (verifier) |" in card and "icmp_flip" in card
    ds = datasets.load_dataset(str(out), "llvm_groups")
    rows = [r for split in ds.values() for r in split]
    assert len(rows) == 2
    for r in rows:
        assert len(r["equivalent"]) >= 2 and len(r["inequivalent"]) >= 2
        assert {m["lang"] for m in r["equivalent"]} == {"llvm-ir"}
        assert r["prompt"] == r["equivalent"][0]["prompt"]  # the group's one prompt
