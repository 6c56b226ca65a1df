"""End to end: `irgroups build` writes groups that load, whose labels hold up when
re-executed, and a run killed with SIGKILL resumes to the same rows."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import datasets
import polars as pl
import pytest

from irgroups.execute import execute
from irgroups.problems.model import Problem
from irgroups.prompts import translation_prompt
from irgroups.sandbox.local import LocalSandbox
from irgroups.shards import read_stage

ARGS = ["--langs", "rust,go,csharp", "--limit", "6", "--mutants", "3", "--shard-size", "1", "--no-progress"]
KEY = ["candidate_id", "status", "tests_passed", "tests_total"]


def irgroups(*args: str, **kw) -> subprocess.Popen:  # type: ignore[no-untyped-def,type-arg]
    return subprocess.Popen([sys.executable, "-m", "irgroups.cli", *args], **kw)


def build(out: Path) -> None:
    proc = irgroups("build", *ARGS, "--out", str(out), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    stdout, _ = proc.communicate(timeout=900)
    assert proc.returncode == 0, stdout


def rows(run: Path, stage: str) -> list[dict]:  # type: ignore[type-arg]
    df = pl.from_arrow(read_stage(run, stage))
    assert isinstance(df, pl.DataFrame)
    if stage == "executions":
        df = df.select(KEY)  # timings differ between runs
    return sorted(df.to_dicts(), key=lambda r: json.dumps(r, sort_keys=True, default=str))


@pytest.fixture(scope="module")
def reference_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("runs") / "clean"
    build(out)
    return out


def test_groups_load_with_datasets_and_polars(reference_run: Path) -> None:
    files = sorted(str(p) for p in (reference_run / "groups").glob("part-*.parquet"))
    ds = datasets.load_dataset("parquet", data_files=files, split="train")
    df = pl.read_parquet(files)
    assert len(ds) == df.height >= 5
    first = ds[0]
    assert first["equivalent"] and first["inequivalent"]
    assert {"lang", "code", "candidate_id", "origin"} <= set(first["equivalent"][0])
    assert "prompt" not in first["equivalent"][0]  # the prompt is the group's: one per group
    assert first["lang"] and first["langs"] == [first["lang"]] and first["prompt"]
    summary = json.loads((reference_run / "summary.json").read_text())
    assert summary["groups"] == df.height
    assert set(summary["per_language"]) == {"rust", "go", "csharp"}


def test_every_group_is_one_language_under_one_prompt(reference_run: Path) -> None:
    """GEPO compares a group's members under one prompt: a group is one (problem, target language),
    every member is in its language, and its prompt is that language's translation prompt."""
    problems = {r["problem_id"]: Problem.from_row(r) for r in read_stage(reference_run, "problems").to_pylist()}
    groups = read_stage(reference_run, "groups").to_pylist()
    assert groups
    for g in groups:
        assert g["langs"] == [g["lang"]]
        assert {m["lang"] for m in g["equivalent"] + g["inequivalent"]} == {g["lang"]}
        assert g["prompt"] == translation_prompt(problems[g["problem_id"]], g["lang"]), (g["problem_id"], g["lang"])
    pairs = [(g["problem_id"], g["lang"]) for g in groups]
    assert len(set(pairs)) == len(pairs)
    per_problem = Counter(pid for pid, _ in pairs)
    assert max(per_problem.values()) > 1  # a problem with references in several languages: a group each
    summary = json.loads((reference_run / "summary.json").read_text())
    assert sum(s["groups"] for s in summary["per_language"].values()) == len(groups)


def test_members_hold_up_when_re_executed(reference_run: Path) -> None:
    """Every member again, on its problem's tests as the run wrote them (amplified ones included)."""
    problems = {r["problem_id"]: Problem.from_row(r) for r in read_stage(reference_run, "problems").to_pylist()}
    assert all(p.amplified for p in problems.values()), "the default build amplifies every python-sourced problem"
    groups = pl.read_parquet(sorted((reference_run / "groups").glob("part-*.parquet"))).to_dicts()
    box = LocalSandbox()
    try:
        checked = 0
        for g in groups:
            p = problems[g["problem_id"]]
            for m in g["equivalent"]:
                v = execute(p, m["lang"], m["code"], box)
                assert v.status == "passed" and v.tests_passed == v.tests_total, (g["problem_id"], m["origin"])
                checked += 1
            for m in g["inequivalent"]:
                v = execute(p, m["lang"], m["code"], box)
                assert v.status not in ("passed", "sandbox_error") and v.tests_passed < v.tests_total
                checked += 1
        assert checked >= 20
    finally:
        box.close()


def test_kill_and_resume_gives_the_same_rows(reference_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "killed"
    proc = irgroups("build", *ARGS, "--out", str(out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    start_new_session=True)
    # kill it in the middle of the execution stage: some verdicts cached, not every shard written
    # (the problems stage caches the references' verdicts already: wait for one more than those)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and not (out / "candidates" / "part-00005.parquet").exists():
        time.sleep(0.05)
    before = _verdicts(out)
    while time.monotonic() < deadline and _verdicts(out) <= before:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(list((out / "executions").glob("part-*.parquet")))
    assert _verdicts(out) >= 1 and done < 6, "the kill should land mid-stage"
    assert not (out / "summary.json").exists()
    build(out)  # the same command again resumes
    for stage in ("problems", "candidates", "executions", "labels", "groups"):
        assert rows(out, stage) == rows(reference_run, stage), stage
    assert not list(out.rglob(".*.tmp"))


def _verdicts(out: Path) -> int:
    db = out / "cache" / "verdicts.sqlite"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as con:
            return int(con.execute("SELECT COUNT(*) FROM verdicts").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_a_different_config_refuses_to_resume(reference_run: Path) -> None:
    proc = irgroups("build", "--langs", "rust", "--limit", "2", "--out", str(reference_run), "--no-progress",
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert "different configuration" in out
