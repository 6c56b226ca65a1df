"""Problem sources: `humaneval`, `bundled` (data/problems/*.jsonl), a path to a
JSONL or parquet file in the neutral schema, or a Hugging Face dataset
(`hf:<dataset>[:<config>][@<split>]`, irgroups/problems/hub.py). Every problem that
cannot be used comes back as a Skipped with its reason."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from irgroups.errors import DataError, ProblemError
from irgroups.paths import data_dir
from irgroups.problems import hub, humaneval
from irgroups.problems.model import Problem, Skipped

NAMED = ("humaneval", "bundled", "stdio")  # stdio: the bundled stdio problems (data/stdio/problems.jsonl)


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


def load(spec: str, *, load_dataset: Callable[..., Any] | None = None) -> ProblemSet:
    """`humaneval`, `bundled`, `stdio`, `humaneval,bundled`, file paths or `hf:` specs, comma-separated.
    `load_dataset` replaces `datasets.load_dataset` for the `hf:` ones (tests use fixture files)."""
    out = ProblemSet()
    for part in [s.strip() for s in spec.split(",") if s.strip()]:
        out.extend(_load_one(part, load_dataset))
    return out


def _load_one(spec: str, load_dataset: Callable[..., Any] | None = None) -> ProblemSet:
    if spec.startswith("hf:"):
        return load_hub(spec, load_dataset)
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
    if spec == "stdio":
        return load_file(data_dir() / "stdio" / "problems.jsonl")
    path = Path(spec)
    if not path.exists():
        raise DataError(f"problem source {spec!r} is neither {' nor '.join(NAMED)} nor an existing file "
                        f"nor {hub.SPEC_SYNTAX}")
    return load_file(path)


def load_hub(spec: str, load_dataset: Callable[..., Any] | None = None) -> ProblemSet:
    ps = ProblemSet()
    for item in hub.load(spec, load_dataset=load_dataset):
        if isinstance(item, dict):
            item = _stdio_problem(item)
        (ps.skipped if isinstance(item, Skipped) else ps.problems).append(item)  # type: ignore[arg-type]
    return ps


def _stdio_problem(row: dict[str, Any]) -> Problem | Skipped:
    """A stdio problem (hub.py's dict) -> a Problem."""
    try:
        return Problem.from_row(row)
    except ProblemError as e:
        return Skipped(row["problem_id"], str(e))


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
