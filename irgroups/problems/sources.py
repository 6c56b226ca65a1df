"""Problem sources: `humaneval`, `bundled` (data/problems/*.jsonl), or a path to a
JSONL or parquet file in the neutral schema. Every problem that cannot be used
comes back as a Skipped with its reason."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from irgroups.errors import DataError, ProblemError
from irgroups.paths import data_dir
from irgroups.problems import humaneval
from irgroups.problems.model import Problem, Skipped

NAMED = ("humaneval", "bundled")


@dataclass
class ProblemSet:
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def extend(self, other: ProblemSet) -> None:
        seen = {p.problem_id for p in self.problems}
        for p in other.problems:
            if p.problem_id in seen:
                self.skipped.append(Skipped(p.problem_id, "duplicate problem_id across sources"))
            else:
                self.problems.append(p)
                seen.add(p.problem_id)
        self.skipped.extend(other.skipped)


def load(spec: str) -> ProblemSet:
    """`humaneval`, `bundled`, `humaneval,bundled`, or file paths, comma-separated."""
    out = ProblemSet()
    for part in [s.strip() for s in spec.split(",") if s.strip()]:
        out.extend(_load_one(part))
    return out


def _load_one(spec: str) -> ProblemSet:
    if spec == "humaneval":
        ps = ProblemSet()
        for item in humaneval.convert_all():
            (ps.skipped if isinstance(item, Skipped) else ps.problems).append(item)  # type: ignore[arg-type]
        return ps
    if spec == "bundled":
        ps = ProblemSet()
        for path in sorted((data_dir() / "problems").glob("*.jsonl")):
            ps.extend(load_file(path))
        return ps
    path = Path(spec)
    if not path.exists():
        raise DataError(f"problem source {spec!r} is neither {' nor '.join(NAMED)} nor an existing file")
    return load_file(path)


def load_file(path: Path) -> ProblemSet:
    rows = list(_rows(path))
    ps = ProblemSet()
    for where, row in rows:
        try:
            ps.problems.append(Problem.from_row(row))
        except ProblemError as e:
            raise DataError(f"{path}: {where}: {e}") from None
    return ps


def _rows(path: Path) -> Any:
    if path.suffix == ".parquet":
        try:
            table = pq.read_table(path)
        except Exception as e:  # noqa: BLE001
            raise DataError(f"{path}: not a readable parquet file ({e})") from None
        for i, row in enumerate(table.to_pylist()):
            yield f"row {i}", row
        return
    if path.suffix not in (".jsonl", ".json"):
        raise DataError(f"{path}: unsupported problem file type (use .jsonl or .parquet)")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise DataError(f"{path}: line {n}: invalid JSON ({e.msg})") from None
            if not isinstance(row, dict):
                raise DataError(f"{path}: line {n}: expected a JSON object")
            yield f"line {n}", row
