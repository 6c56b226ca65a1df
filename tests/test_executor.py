"""Stages, the local executor and the verifier, on python problems in a sandbox double
(tests/fakes.py): the pipeline's shape, its resume and its refusals, without bubblewrap."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from fakes import FakeSandbox

from irgroups import schemas
from irgroups.config import BuildConfig
from irgroups.errors import ConfigError, ShardError
from irgroups.executor import LocalExecutor, ordered
from irgroups.pipeline import build, run_stage
from irgroups.problems import sources
from irgroups.shards import read_stage
from irgroups.stages import STAGES, Context, Output, Shard, Stage
from irgroups.stages.base import register
from irgroups.verifier import Item, Verifier

STAGE_FILES = ("problems", "prompts", "candidates", "executions", "labels", "groups")


def config(out: Path, **kw: Any) -> BuildConfig:
    base: dict[str, Any] = {"out": out, "langs": "python", "source": "humaneval", "limit": 6, "shard_size": 2,
                            "mutants_per_reference": 2, "amplify": 0, "progress": False, "workers": 2}
    return BuildConfig(**{**base, **kw})


MEASURED = {"compile_seconds", "run_seconds", "cpu_seconds", "peak_memory_mb"}  # the machine's, not the build's


def table(run: Path, stage: str) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k not in MEASURED} for r in read_stage(run, stage).to_pylist()]


def test_stages_run_in_dependency_order() -> None:
    names = [s.name for s in ordered(["groups", "labels", "executions", "candidates", "prompts", "problems"])]
    assert names.index("problems") < names.index("candidates") < names.index("executions") < names.index("labels")
    assert names.index("labels") < names.index("groups")
    with pytest.raises(ConfigError, match="unknown stage"):
        ordered(["problems", "no_such_stage"])


def test_a_build_through_the_double_labels_references_and_mutants(tmp_path: Path) -> None:
    box = FakeSandbox()
    summary = build(config(tmp_path / "run"), sandbox=box)
    executions = table(tmp_path / "run", "executions")
    labels = table(tmp_path / "run", "labels")
    assert len(executions) == len(table(tmp_path / "run", "candidates")) > 6
    refs = [x for x in labels if x["origin"] == "reference"]
    assert len(refs) == 6 and all(x["equivalent"] for x in refs)  # the python sources pass their own tests
    assert any(not x["equivalent"] for x in labels)  # some mutant is caught
    assert summary["seconds"]["executions"] >= 0 and box.jobs > 0
    for stage in STAGE_FILES:
        manifest = json.loads((tmp_path / "run" / stage / "manifest.json").read_text())
        assert manifest["done"] == [0, 1, 2] and manifest["num_shards"] == 3


def test_a_killed_build_resumes_to_the_same_rows_without_running_finished_work(tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    build(config(whole), sandbox=FakeSandbox())

    class Killed(Exception):
        pass

    real = STAGES["executions"].run_many

    def dies_after_one_shard(shards: list[Shard], ctx: Context):
        for n, done in enumerate(real(shards, ctx)):
            if n == 1:
                raise Killed
            yield done

    broken = tmp_path / "broken"
    STAGES["executions"].run_many = dies_after_one_shard  # type: ignore[method-assign]
    try:
        with pytest.raises(Killed):
            build(config(broken), sandbox=FakeSandbox())
    finally:
        del STAGES["executions"].run_many  # back to the class's method
    manifest = json.loads((broken / "executions" / "manifest.json").read_text())
    assert len(manifest["done"]) == 1 and not (broken / "labels" / "part-00000.parquet").exists()
    second = FakeSandbox()
    summary = build(config(broken), sandbox=second)
    for stage in STAGE_FILES:
        assert table(broken, stage) == table(whole, stage), stage
    # the verdicts of the shard written before the kill, and of the batches finished, came from the cache
    assert summary["verdicts_from_cache"] > 0
    assert second.runs < sum(1 for _ in table(whole, "candidates"))


def test_a_changed_config_is_refused_and_nothing_is_lost(tmp_path: Path) -> None:
    run = tmp_path / "run"
    build(config(run), sandbox=FakeSandbox())
    before = table(run, "groups")
    with pytest.raises(ShardError, match="different configuration"):
        build(config(run, mutants_per_reference=3), sandbox=FakeSandbox())
    assert table(run, "groups") == before


@register
class CandidateLengths(Stage):
    """A stage registered from a test: the length of every candidate."""

    name = "test_candidate_lengths"
    inputs = ("candidates",)
    schema = pa.schema([("candidate_id", pa.string()), ("chars", pa.int64())])

    def enabled(self, cfg: Any) -> bool:
        return False  # not part of `build`; run with run_stage

    def config(self, cfg: Any) -> dict[str, Any]:
        return {"unit": getattr(cfg, "unit", "chars")}

    def run(self, shard: Shard, ctx: Context) -> Output:
        return Output([{"candidate_id": c["candidate_id"], "chars": len(c["code"])}
                       for c in shard.read("candidates")], {"n": len(shard.read("candidates"))})


class Settings:
    def __init__(self, unit: str) -> None:
        self.unit, self.seed = unit, 0


def test_run_stage_adds_a_stage_to_a_finished_run_and_checks_its_settings(tmp_path: Path) -> None:
    run = tmp_path / "run"
    build(config(run), sandbox=FakeSandbox())
    got = run_stage(run, "test_candidate_lengths", Settings("chars"), sandbox=FakeSandbox(), progress=False)
    assert got["shards"] == 3
    rows = table(run, "test_candidate_lengths")
    assert len(rows) == len(table(run, "candidates")) and all(r["chars"] > 0 for r in rows)
    # again: every shard is done, nothing runs; other settings on the same directory are refused
    run_stage(run, "test_candidate_lengths", Settings("chars"), sandbox=FakeSandbox(), progress=False)
    with pytest.raises(ShardError, match="different configuration"):
        run_stage(run, "test_candidate_lengths", Settings("bytes"), sandbox=FakeSandbox(), progress=False)
    run_stage(run, "test_candidate_lengths", Settings("bytes"), sandbox=FakeSandbox(), progress=False,
              overwrite=True)
    # a run whose stages disagree with its config.json is refused
    manifest = run / "candidates" / "manifest.json"
    m = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**m, "config_hash": "0" * 16}))
    with pytest.raises(ShardError, match="inconsistent"):
        run_stage(run, "test_candidate_lengths", Settings("chars"), sandbox=FakeSandbox(), progress=False,
                  overwrite=True)


def test_run_stage_refuses_an_unfinished_run(tmp_path: Path) -> None:
    run = tmp_path / "run"
    build(config(run), sandbox=FakeSandbox())
    (run / "labels" / "part-00001.parquet").unlink()
    m = json.loads((run / "labels" / "manifest.json").read_text())
    (run / "labels" / "manifest.json").write_text(json.dumps({**m, "done": [0, 2]}))
    with pytest.raises(ShardError, match="not finished"):
        run_stage(run, "llvm_groups", Settings("chars"), sandbox=FakeSandbox(), progress=False)


def test_the_verifier_yields_each_verdict_once_and_caches_it(tmp_path: Path) -> None:
    problems = sources.load("humaneval").problems[:4]
    items = [Item(p, "python", p.source_code, tag=k) for k, p in enumerate(problems)]
    broken = Item(problems[0], "python", problems[0].source_code.replace("return", "retur"), tag=99)
    box = FakeSandbox()
    with Verifier(box, ["python"], workers=2, cache=tmp_path / "v.sqlite") as v:
        got = dict((item.tag, verdict.status) for item, verdict in v.verify([*items, broken]))
        assert got == {0: "passed", 1: "passed", 2: "passed", 3: "passed", 99: "compile_error"}
        assert v.stats["prefiltered"] == 1  # tree-sitter rejected it: no sandbox job
        jobs = box.jobs
        assert [x.status for x in v.verify_all(items)] == ["passed"] * 4
        assert box.jobs == jobs and v.stats["cache_hits"] == 4


def test_executor_is_the_interface_a_cluster_executor_implements(tmp_path: Path) -> None:
    calls: list[str] = []

    class Recording(LocalExecutor):
        def run(self, stages, dirs, source, ctx):
            calls.extend(s.name for s in stages)
            return super().run(stages, dirs, source, ctx)

    build(config(tmp_path / "run", limit=2), executor=Recording(progress=False), sandbox=FakeSandbox())
    assert calls == list(STAGE_FILES)
    assert len(table(tmp_path / "run", "problems")) == 2
    assert schemas.GROUPS.equals(read_stage(tmp_path / "run", "groups").schema)
