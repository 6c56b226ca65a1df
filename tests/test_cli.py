"""The CLI refuses bad requests before any work, with a clear message."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "irgroups.cli", *args], capture_output=True, text=True,
                          env=env, timeout=300)


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    res = run("build", "--langs", "rust,cobol", "--out", str(tmp_path / "r"))
    assert res.returncode == 2
    assert "unknown language 'cobol'" in res.stderr
    assert not (tmp_path / "r").exists()


def test_missing_toolchain_is_refused_before_work(tmp_path: Path) -> None:
    # a PATH without go: the real lookup fails, as on a machine without golang-go
    keep = tmp_path / "bin"
    keep.mkdir()
    for exe in ("rustc", "mcs", "mono", "bwrap", "prlimit", "sh", "g++"):
        found = shutil.which(exe)
        if found:
            (keep / exe).symlink_to(found)
    env = {**os.environ, "PATH": str(keep)}
    res = run("build", "--langs", "rust,go", "--out", str(tmp_path / "r"), env=env)
    assert res.returncode == 4
    assert "go: go not found" in res.stderr and "golang-go" in res.stderr
    assert not (tmp_path / "r" / "candidates").exists()


def test_sandbox_check_lists_toolchains() -> None:
    res = run("sandbox", "check")
    assert res.returncode == 0, res.stdout + res.stderr
    for name in ("python", "cpp", "rust", "go", "csharp"):
        assert name in res.stdout


def test_bad_problem_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "problems.jsonl"
    good = {"problem_id": "t/1", "source_code": "def f(x):\n    return x\n", "entry_point": "f",
            "signature": {"params": [{"name": "x", "type": "int"}], "returns": "int"},
            "tests": [{"args": [1], "expected": 1}]}
    broken = dict(good, problem_id="t/2", tests=[{"args": ["one"], "expected": 1}])
    bad.write_text(json.dumps(good) + "\n" + json.dumps(broken) + "\n")
    res = run("build", "--langs", "python", "--source", str(bad), "--out", str(tmp_path / "r"), "--no-progress")
    assert res.returncode == 2
    assert f"{bad}: line 2" in res.stderr and "expected int" in res.stderr


def test_stats_of_a_small_run(tmp_path: Path) -> None:
    res = run("build", "--langs", "python", "--source", "bundled", "--mutants", "2", "--out", str(tmp_path / "r"),
              "--no-progress")
    assert res.returncode == 0, res.stdout + res.stderr
    stats = run("stats", str(tmp_path / "r"), "--json")
    summary = json.loads(stats.stdout)
    assert summary["problems"] == 8
    # python is the problems' own source language: the source is its reference
    py = summary["per_language"]["python"]
    assert py["candidates"] >= 8 and py["passed"] >= 8 and py["references_failing"] == 0
    assert summary["groups"] >= 1
