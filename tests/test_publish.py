"""publish: the Hub folder loads with `datasets` as the card says; uploads go through a Hub double."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import datasets
import pyarrow.parquet as pq
import pytest
import yaml

from irgroups.errors import DataError
from irgroups.publish import publish_to_dir, upload

ROOT = Path(__file__).resolve().parents[1]


def build_tiny_run(out: Path) -> Path:
    """A real (small) build: bundled problems, python only."""
    subprocess.run([sys.executable, "-m", "irgroups.cli", "build", "--langs", "python", "--source", "bundled",
                    "--limit", "4", "--mutants", "2", "--out", str(out), "--no-progress", "--workers", "2"],
                   check=True, capture_output=True, cwd=ROOT)
    return out


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_run(tmp_path_factory.mktemp("run") / "run")


def _card(folder: Path) -> dict[str, Any]:
    text = (folder / "README.md").read_text()
    return yaml.safe_load(text.split("---")[1])


def test_to_dir_loads_as_the_card_says(run_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "hub"
    result = subprocess.run([sys.executable, "-m", "irgroups.cli", "publish", str(run_dir), "--repo", "org/tiny",
                             "--to-dir", str(out), "--test-fraction", "0.5"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    card = _card(out)
    names = [c["config_name"] for c in card["configs"]]
    assert names == ["groups", "prompts"]
    problems_by_split: dict[str, set[str]] = {}
    for info in card["dataset_info"]:
        ds = datasets.load_dataset(str(out), info["config_name"])
        assert {s["name"]: s["num_examples"] for s in info["splits"]} == {k: v.num_rows for k, v in ds.items()}
        for split, part in ds.items():
            problems_by_split.setdefault(split, set()).update(part["problem_id"])
    assert set(problems_by_split) == {"train", "test"}
    assert not problems_by_split["train"] & problems_by_split["test"]  # split by problem
    for config in names:  # shards named as `datasets` names them
        assert sorted(p.name for p in (out / config).iterdir()) == \
            sorted(f"{s}-00000-of-00001.parquet" for s in problems_by_split)
    text = (out / "README.md").read_text()
    for needle in ("Apache-2.0", "irgroups version", "Toolchains", "load_dataset", "wrong_output"):
        assert needle in text


def test_multipl_e_never_in_train(run_dir: Path, tmp_path: Path) -> None:
    run = tmp_path / "run"
    shutil.copytree(run_dir, run)
    for shard in (run / "problems").glob("part-*.parquet"):
        table = pq.read_table(shard)
        n = table.num_rows
        table = table.set_column(table.schema.get_field_index("origin_dataset"), "origin_dataset",
                                 __import__("pyarrow").array(["nuprl/MultiPL-E"] * n))
        pq.write_table(table, shard)
    with pytest.raises(DataError, match="evaluation-only"):
        publish_to_dir(run, tmp_path / "refused", "org/x", test_fraction=0.0)
    layout = publish_to_dir(run, tmp_path / "ok", "org/x", test_fraction=0.0, eval_only_to_test=True)
    assert set(layout.configs["groups"]) == {"test"}
    assert "must not be used for training" in (tmp_path / "ok" / "README.md").read_text()


class FakeHub:
    """Test double of huggingface_hub.HfApi: keeps files in a dict, records calls."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.calls: list[tuple[str, Any]] = []

    def create_repo(self, repo_id: str, *, repo_type: str, private: bool, exist_ok: bool) -> None:
        self.calls.append(("create_repo", (repo_id, repo_type, private)))

    def create_branch(self, repo_id: str, *, branch: str, repo_type: str, exist_ok: bool) -> None:
        self.calls.append(("create_branch", branch))

    def list_repo_tree(self, repo_id: str, *, repo_type: str, revision: str | None, recursive: bool) -> list[Any]:
        return [SimpleNamespace(path=p, size=len(d),
                                lfs={"sha256": hashlib.sha256(d).hexdigest()} if p.endswith(".parquet") else None,
                                blob_id=None) for p, d in self.files.items()]

    def upload_folder(self, *, repo_id: str, folder_path: str, repo_type: str, revision: str | None,
                      allow_patterns: list[str], commit_message: str) -> None:
        self.calls.append(("upload_folder", tuple(allow_patterns)))
        for name in allow_patterns:
            self.files[name] = (Path(folder_path) / name).read_bytes()


def test_upload_is_resumable_and_keeps_the_token_out(run_dir: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "hf_" + "x" * 30
    monkeypatch.setenv("HF_TOKEN", secret)
    folder = tmp_path / "hub"
    publish_to_dir(run_dir, folder, "org/tiny", test_fraction=0.5)
    hub = FakeHub()
    logs: list[str] = []
    first = upload(folder, "org/tiny", private=True, revision="v1", client=hub, log=logs.append)
    assert ("create_repo", ("org/tiny", "dataset", True)) in hub.calls and ("create_branch", "v1") in hub.calls
    local = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}
    assert set(hub.files) == local and set(first["uploaded"]) == local
    assert hub.calls[-1] == ("upload_folder", ("README.md",))  # the card goes last
    del hub.files["prompts/train-00000-of-00001.parquet"]  # an upload killed half-way
    hub.calls.clear()
    second = upload(folder, "org/tiny", client=hub, log=logs.append)
    assert second["uploaded"] == ["prompts/train-00000-of-00001.parquet"]
    assert set(hub.files) == local
    assert all(secret not in text for text in logs + [(folder / "README.md").read_text()])
