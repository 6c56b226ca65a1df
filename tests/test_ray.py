"""`irgroups build --executor ray`: the same stages on a Ray cluster. The rows must be the local
executor's; a second node (its own process) takes part of the executions; a node killed mid-build
loses nothing once the same command is run again."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ray")

from raynodes import Node  # noqa: E402

from irgroups.config import BuildConfig  # noqa: E402
from irgroups.pipeline import build  # noqa: E402
from irgroups.ray_executor import RayExecutor, node_ids  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from same_rows import compare  # noqa: E402

SMALL = {"langs": "python,rust", "limit": 16, "shard_size": 2, "mutants_per_reference": 3, "amplify": 10,
         "progress": False, "workers": 2}


def _build(out: Path, executor: Any = None, **values: Any) -> dict[str, Any]:
    return build(BuildConfig(out=out, **{**SMALL, **values}), log=lambda s: None, executor=executor)


@pytest.fixture(scope="module")
def local_small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local") / "run"
    _build(out)
    return out


def test_ray_writes_the_local_executors_rows(ray_cluster: Any, local_small: Path, tmp_path: Path) -> None:
    _build(tmp_path / "ray", RayExecutor(progress=False))
    assert compare(local_small, tmp_path / "ray") == 0
    nodes = node_ids(tmp_path / "ray", "executions")
    assert len(nodes) == 8  # every shard says which node ran it


def test_a_second_node_runs_part_of_the_executions(ray_cluster: Any, local_small: Path, tmp_path: Path) -> None:
    node = Node(ray_cluster, sandbox=1)
    try:
        _build(tmp_path / "ray", RayExecutor(progress=False))
        assert compare(local_small, tmp_path / "ray") == 0
        assert len(set(node_ids(tmp_path / "ray", "executions"))) == 2, "the executions ran on one node only"
    finally:
        node.kill()


def test_a_node_killed_mid_executions_loses_nothing(ray_cluster: Any, local_small: Path, tmp_path: Path) -> None:
    node = Node(ray_cluster, sandbox=1)
    out = tmp_path / "ray"
    errors: list[BaseException] = []

    executor = RayExecutor(progress=False)

    def first() -> None:
        try:
            _build(out, executor)
        except BaseException as e:  # noqa: BLE001 - the build may stop; the rerun must finish it
            errors.append(e)

    worker = threading.Thread(target=first)
    worker.start()
    deadline = time.monotonic() + 600
    while not list((out / "executions").glob("part-*.parquet")):
        assert worker.is_alive() and time.monotonic() < deadline, f"no execution shard written ({errors})"
        time.sleep(0.05)
    node.kill()  # mid-executions: one shard written, the others in flight on both nodes
    worker.join(600)
    assert not worker.is_alive()
    # the node held work when it died: the build lost it (and stopped), or gave it to another worker
    assert errors or any(stage == "executions" for stage, _ in executor.retried), "the kill came too late"
    _build(out, RayExecutor(progress=False))  # the same command again
    assert compare(local_small, out) == 0


def test_ray_is_not_imported_unless_asked_for(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['ray'] = None\n"  # as if Ray were not installed
            "from irgroups.cli import main\n"
            "sys.argv = ['irgroups', 'build', '--langs', 'python', '--limit', '1', '--mutants', '1', '--amplify', '0',"
            f" '--out', {str(tmp_path / 'local')!r}, '--no-progress']\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "sys.argv[-2:] = [" + repr(str(tmp_path / "ray")) + ", '--executor']; sys.argv.append('ray')\n"
            "main()\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert res.returncode == 2, res.stdout + res.stderr  # a usage error, before any work
    assert "pip install 'irgroups[ray]'" in res.stdout + res.stderr


def test_embedded_default_same_rows_under_ray_as_local(ray_cluster: Any, tmp_path: Path) -> None:
    """The README's main job on its first 48 problems (6 shards; the whole job takes about 4 min a
    build), both ways: executions, labels and groups row for row (every stage, in fact)."""
    build(BuildConfig(out=tmp_path / "local", limit=48, progress=False), log=lambda s: None)
    build(BuildConfig(out=tmp_path / "ray", limit=48, progress=False, executor="ray"), log=lambda s: None)
    assert compare(tmp_path / "local", tmp_path / "ray") == 0
    assert node_ids(tmp_path / "ray", "executions")  # the Ray executor wrote them


def test_model_generation_on_a_ray_actor_writes_the_local_rows(ray_cluster: Any, tmp_path: Path) -> None:
    """Candidates from a model (hf, a tiny one on CPU) come from an actor that loads it once; the
    per-sample seeds make its answers the local build's."""
    pytest.importorskip("transformers")
    from tinymodel import build_tiny_model

    tiny = build_tiny_model(tmp_path / "tiny")
    gen = {"backend": "hf", "model": str(tiny), "samples": 2, "max_new_tokens": 16, "limit": 4}
    _build(tmp_path / "local", **gen)
    executor = RayExecutor(progress=False)
    _build(tmp_path / "ray", executor, **gen)
    assert compare(tmp_path / "local", tmp_path / "ray") == 0
    assert node_ids(tmp_path / "ray", "candidates")  # written from the model's actor


def test_a_killed_driver_resumes_with_the_same_rows(local_small: Path, tmp_path: Path) -> None:
    """`irgroups build --executor ray` (its own local Ray) SIGKILLed mid-executions, then run again."""
    import os
    import signal

    out = tmp_path / "ray"
    cmd = [sys.executable, "-m", "irgroups.cli", "build", "--langs", SMALL["langs"], "--limit", str(SMALL["limit"]),
           "--shard-size", str(SMALL["shard_size"]), "--mutants", str(SMALL["mutants_per_reference"]),
           "--amplify", str(SMALL["amplify"]), "--workers", "2", "--out", str(out), "--executor", "ray",
           "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 600
    while not list((out / "executions").glob("part-*.parquet")):
        assert proc.poll() is None and time.monotonic() < deadline, "the build ended before it could be killed"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(list((out / "executions").glob("part-*.parquet"))) < 8
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    assert compare(local_small, out) == 0
