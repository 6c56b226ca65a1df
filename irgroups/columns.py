"""Read only what a summary needs from a run's shards: some columns, some nested fields, row counts.

`irgroups stats`, `irgroups report` and the dataset card count things; they never need a
candidate's code or a group member's program text, which are most of a run's bytes. These
helpers read a stage's shards in shard order (as `read_stage` does, with the stage's explicit
schema) but decode only the columns asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from irgroups.errors import ShardError
from irgroups.shards import schema_of


def _files(run: Path, stage: str) -> list[Path]:
    files = sorted((run / stage).glob("part-*.parquet"))
    if not files:
        raise ShardError(f"{run / stage}: no shards; has this stage run?")
    return files


def read_columns(run: Path, stage: str, columns: Sequence[str]) -> pa.Table:
    """The top-level `columns` of every shard of `stage`, as one table with the stage's types."""
    schema = schema_of(stage)
    return pa.concat_tables([pq.read_table(f, schema=schema, columns=list(columns)) for f in _files(run, stage)])


def num_rows(run: Path, stage: str) -> int:
    """Rows over every shard of `stage`, from the parquet footers: no column is read."""
    total = 0
    for f in _files(run, stage):
        with pq.ParquetFile(f) as pf:
            total += pf.metadata.num_rows
    return total


def read_leaves(run: Path, stage: str, paths: Sequence[str]) -> list[dict[str, Any]]:
    """Rows holding only the nested fields `paths` name, as parquet leaf paths
    ("equivalent.list.element.lang"): a struct's other fields (a member's code) are not read.
    A row's lists keep their lengths; their elements are dicts of the fields asked for. A shard
    whose layout lacks a path is read whole-column with the stage's schema (same values, all fields)."""
    schema = schema_of(stage)
    rows: list[dict[str, Any]] = []
    for f in _files(run, stage):
        with pq.ParquetFile(f) as pf:
            have = {pf.schema.column(i).path for i in range(len(pf.schema))}
            if all(p in have for p in paths):
                rows += pf.read(columns=list(paths)).to_pylist()
                continue
        tops = list(dict.fromkeys(p.split(".")[0] for p in paths))
        rows += pq.read_table(f, schema=schema, columns=tops).to_pylist()
    return rows

