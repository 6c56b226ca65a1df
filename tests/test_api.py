"""The Python API (irgroups.build, irgroups.load), a run directory that `datasets.load_dataset`
reads through its README, a light `import irgroups`, and summaries that read only some columns."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import datasets
import pyarrow.parquet as pq
import pytest
import yaml

import irgroups
from irgroups.columns import num_rows, read_columns, read_leaves
from irgroups.errors import ConfigError, ShardError
from irgroups.publish.card import group_counts
from irgroups.report import collect
from irgroups.shards import read_stage, schema_of


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("api") / "run"
    summary = irgroups.build(out=out, langs="python,rust", limit=3, progress=False)
    assert summary["problems"] == 3 and set(summary["per_language"]) == {"python", "rust"}
    assert json.loads((out / "summary.json").read_text())["groups"] == summary["groups"]
    return out


def shard_rows(run: Path, stage: str) -> int:
    return sum(pq.read_metadata(f).num_rows for f in (run / stage).glob("part-*.parquet"))


def test_load_gives_the_stage_rows_with_its_schema(run: Path) -> None:
    labels = irgroups.load(run, "labels")
    assert isinstance(labels, datasets.Dataset)
    schema = schema_of("labels")
    assert labels.column_names == schema.names
    assert labels.features == datasets.Features.from_arrow_schema(schema)
    assert len(labels) == shard_rows(run, "labels") > 0
    assert labels.to_list() == read_stage(run, "labels").to_pylist()
    groups = irgroups.load(str(run), "groups")  # a str is a path too
    assert len(groups) == shard_rows(run, "groups") > 0
    assert groups[0]["equivalent"] and {"lang", "code"} <= set(groups[0]["equivalent"][0])


def test_load_names_the_run_and_stage_when_it_cannot(run: Path, tmp_path: Path) -> None:
    with pytest.raises(ShardError, match=r"llvm_groups.*llvm-groups|has no stage 'llvm_groups'"):
        irgroups.load(run, "llvm_groups")  # not built: python,rust without llvm-ir
    with pytest.raises(ConfigError, match="unknown stage 'nope'.*groups"):
        irgroups.load(run, "nope")
    with pytest.raises(ShardError, match="no such run directory"):
        irgroups.load(tmp_path / "absent", "groups")
    broken = tmp_path / "broken"
    shutil.copytree(run, broken, ignore=shutil.ignore_patterns("cache"))
    (broken / "labels" / "part-00000.parquet").unlink()
    with pytest.raises(ShardError, match=rf"stage 'labels' of run {broken} is unfinished: shards \[0\]"):
        irgroups.load(broken, "labels")


def test_build_refuses_an_unknown_option_before_running(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="limti"):
        irgroups.build(out=tmp_path / "x", langs="python", limti=3)
    assert not (tmp_path / "x").exists()


def test_the_run_directory_loads_with_datasets(run: Path, tmp_path: Path) -> None:
    text = (run / "README.md").read_text()
    assert text.startswith("---\n")
    meta = yaml.safe_load(text.split("---\n")[1])
    names = [c["config_name"] for c in meta["configs"]]
    # every stage this run has, in pipeline order (not llvm_groups: llvm-ir was not asked for)
    assert names == ["problems", "prompts", "candidates", "executions", "labels", "groups"]
    assert text.split("---\n", 2)[2].strip()  # a description under the front matter
    groups = datasets.load_dataset(str(run), "groups", cache_dir=str(tmp_path / "hf"))["train"]
    assert len(groups) == shard_rows(run, "groups") > 0
    assert groups.column_names == schema_of("groups").names
    labels = datasets.load_dataset(str(run), "labels", cache_dir=str(tmp_path / "hf"))["train"]
    assert len(labels) == shard_rows(run, "labels")
    default = datasets.load_dataset(str(run), cache_dir=str(tmp_path / "hf"))["train"]
    assert len(default) == len(groups)  # groups is the default config


def test_import_irgroups_stays_light() -> None:
    code = ("import sys, json, irgroups\n"
            "heavy = ('torch', 'datasets', 'polars', 'pyarrow', 'transformers')\n"
            "before = sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
            "assert callable(irgroups.build) and callable(irgroups.load) and irgroups.__version__\n"
            "assert irgroups.BuildConfig.__name__ == 'BuildConfig' and irgroups.TrainConfig.__name__ == 'TrainConfig'\n"
            "after = sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'datasets', 'polars'))\n"
            "print(json.dumps([before, after]))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = json.loads(proc.stdout)
    assert before == [], f"import irgroups imported {before}"
    assert after == [], f"the config objects imported {after}"
    assert set(irgroups.__all__) >= {"build", "load", "BuildConfig", "TrainConfig", "__version__"}


def test_summaries_read_columns_that_agree_with_whole_shards(run: Path) -> None:
    whole = read_stage(run, "groups").to_pylist()
    counts = group_counts(run, "groups")
    per_lang: Counter[tuple[str, str]] = Counter()
    for g in whole:
        for side in ("equivalent", "inequivalent"):
            per_lang.update((m["lang"], side) for m in g[side])
    assert counts["per_language"] == {lang: {"equivalent": per_lang[(lang, "equivalent")],
                                             "inequivalent": per_lang[(lang, "inequivalent")]}
                                      for lang in sorted({lang for lang, _ in per_lang})}
    assert collect(run, [])["group_sizes"] == [len(g["equivalent"]) + len(g["inequivalent"]) for g in whole]
    assert num_rows(run, "problems") == read_stage(run, "problems").num_rows == 3
    assert read_columns(run, "labels", ["kind", "lang"]).column_names == ["kind", "lang"]
    leaves = read_leaves(run, "groups", ["equivalent.list.element.lang"])
    assert leaves and set(leaves[0]) == {"equivalent"} and set(leaves[0]["equivalent"][0]) == {"lang"}


def test_read_leaves_reads_a_shard_of_another_layout_whole(run: Path, tmp_path: Path) -> None:
    """A shard whose lists are written with the older `list.item` leaf names still counts."""
    other = tmp_path / "other"
    (other / "groups").mkdir(parents=True)
    for f in sorted((run / "groups").glob("part-*.parquet")):
        table = pq.read_table(f, schema=schema_of("groups"))  # its lists name their element "item"
        pq.write_table(table, other / "groups" / f.name, use_compliant_nested_type=False)
    paths = ["equivalent.list.element.lang", "inequivalent.list.element.kind"]
    assert "inequivalent.list.item.kind" in {c.path for c in pq.ParquetFile(next((other / "groups").iterdir())).schema}
    mine = read_leaves(run, "groups", paths)
    theirs = read_leaves(other, "groups", paths)
    assert "code" in theirs[0]["equivalent"][0]  # read whole: the leaf paths are not in that layout
    assert [len(r["equivalent"]) for r in theirs] == [len(r["equivalent"]) for r in mine]
    assert [[m["kind"] for m in r["inequivalent"]] for r in theirs] == \
        [[m["kind"] for m in r["inequivalent"]] for r in mine]
