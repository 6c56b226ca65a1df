"""Parquet schema of llvm-ir groups (one row per problem), like DESIGN's group row.

The group's `prompt` is the one translate-into-LLVM-IR prompt every member is trained under
(GEPO compares rewards under one prompt): one source program's, that of the group's first
equivalent member (irgroups/llvm/stage.py, assemble). Members may still be IRs compiled from
another source of the same problem: all are IR measured against the same tests.

A member's `lang` is "llvm-ir", `code` the normalised IR text, `origin`
`llvm:<source_lang>:<levels>` (equivalent; every level that gave this exact IR, e.g.
`llvm:cpp:O2+O3`) or `llvm-mutant:<operator>` (inequivalent), `source_lang` the
language the IR was compiled from (which harness re-runs it), `prompt` the
translate-into-LLVM-IR prompt for that source (which source the IR answers; training uses the
group's `prompt`).
"""

from __future__ import annotations

import pyarrow as pa

# 2: the group-level `prompt`. Runs are told stale by irgroups.schemas.SCHEMA_VERSION (every
# stage's manifest, this one's too), bumped with it; this number records the llvm shape.
LLVM_SCHEMA_VERSION = 2

LLVM_MEMBER = pa.struct([
    ("lang", pa.string()),
    ("code", pa.string()),
    ("candidate_id", pa.string()),
    ("origin", pa.string()),
    ("prompt", pa.string()),
    ("kind", pa.string()),  # null when equivalent; wrong_output | runtime_error | timeout | memory_limit
    ("tests_passed", pa.int32()),
    ("tests_total", pa.int32()),
    ("source_lang", pa.string()),  # cpp | rust
    ("source_candidate_id", pa.string()),  # the passing candidate the IR was compiled from
    ("levels", pa.list_(pa.string())),  # optimisation levels (for a mutant: of the IR it was made from)
    ("mutation", pa.string()),  # null for equivalent members; else what the edit did
    ("tokens", pa.int32()),
])

LLVM_GROUPS = pa.schema([
    ("group_id", pa.string()),
    ("problem_id", pa.string()),
    ("kind", pa.string()),  # "llvm-ir"
    ("source_lang", pa.string()),  # the problem's source language
    ("source_code", pa.string()),
    ("prompt", pa.string()),  # the one prompt every member is trained under: its first equivalent member's
    ("langs", pa.list_(pa.string())),  # ["llvm-ir"]
    ("ir_source_langs", pa.list_(pa.string())),  # languages the equivalent IRs were compiled from
    ("equivalent", pa.list_(LLVM_MEMBER)),
    ("inequivalent", pa.list_(LLVM_MEMBER)),
    ("toolchain", pa.string()),
])


def to_table(rows: list[dict[str, object]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=LLVM_GROUPS)
