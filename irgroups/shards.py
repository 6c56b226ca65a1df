"""Parquet shards with atomic writes and a manifest per stage.

    <run>/<stage>/part-00000.parquet   one per input shard, written tmp + rename
    <run>/<stage>/part-00000.stats.json what the shard dropped and why
    <run>/<stage>/manifest.json        schema version, config hash, tool versions, done shards

A shard file exists only once complete, so resuming is: skip what exists.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from irgroups.errors import ShardError
from irgroups.schemas import SCHEMA_VERSION


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_json(path: Path, obj: Any) -> None:
    atomic_write_bytes(path, (json.dumps(obj, indent=2, sort_keys=True) + "\n").encode())


class StageDir:
    """One stage's directory in a run: its shards, their stats and its manifest."""

    def __init__(self, run_dir: Path, name: str, config_hash: str, tools: dict[str, str] | None = None,
                 schema: pa.Schema | None = None) -> None:
        self.dir = run_dir / name
        self.name = name
        self.schema = schema if schema is not None else schema_of(name)
        self.config_hash = config_hash
        self.dir.mkdir(parents=True, exist_ok=True)
        manifest = self.dir / "manifest.json"
        if manifest.exists():
            old = json.loads(manifest.read_text())
            if old.get("config_hash") != config_hash or old.get("schema_version") != SCHEMA_VERSION:
                raise ShardError(
                    f"{self.dir} was written by a run with a different configuration "
                    f"(config hash {old.get('config_hash')} != {config_hash}); "
                    "use a new --out directory, or --overwrite to start this one again"
                )
            self.manifest = old
            self.manifest["tools"].update(tools or {})
        else:
            self.manifest = {"stage": name, "schema_version": SCHEMA_VERSION, "config_hash": config_hash,
                             "tools": tools or {}, "done": [], "num_shards": None}
        for stale in self.dir.glob(".*.tmp"):
            stale.unlink(missing_ok=True)  # debris of a write that was killed

    def path(self, index: int) -> Path:
        return self.dir / part_name(index)

    def done(self, index: int) -> bool:
        return self.path(index).exists()

    def write(self, index: int, rows: list[dict[str, Any]], stats: dict[str, Any] | None = None) -> None:
        table = pa.Table.from_pylist(rows, schema=self.schema)
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink, compression="zstd")
        if stats is not None:
            atomic_write_json(self.dir / part_name(index).replace(".parquet", ".stats.json"), stats)
        atomic_write_bytes(self.path(index), sink.getvalue().to_pybytes())
        if index not in self.manifest["done"]:
            self.manifest["done"] = sorted([*self.manifest["done"], index])
        self.save()

    def set_num_shards(self, n: int) -> None:
        self.manifest["num_shards"] = n
        self.save()

    def save(self) -> None:
        atomic_write_json(self.dir / "manifest.json", self.manifest)

    def read(self, index: int) -> list[dict[str, Any]]:
        return pq.read_table(self.path(index), schema=self.schema).to_pylist()

    def stats(self, index: int) -> dict[str, Any]:
        path = self.dir / part_name(index).replace(".parquet", ".stats.json")
        return json.loads(path.read_text()) if path.exists() else {}

    def complete(self) -> bool:
        n = self.manifest.get("num_shards")
        return n is not None and all(self.done(i) for i in range(n))


def read_stage(run_dir: Path, name: str) -> pa.Table:
    """All shards of a finished stage as one table."""
    files = sorted((run_dir / name).glob("part-*.parquet"))
    if not files:
        raise ShardError(f"{run_dir / name}: no shards; has this stage run?")
    schema = schema_of(name)
    return pa.concat_tables([pq.read_table(f, schema=schema) for f in files])


def schema_of(name: str) -> pa.Schema:
    from irgroups.stages import schema_of as registered

    return registered(name)
