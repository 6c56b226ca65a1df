"""Benchmark rows whose tests are already written in the target language.

    MultiPL-E   name, language, prompt, tests, stop_tokens  (nuprl/MultiPL-E, e.g. humaneval-rs)
    HumanEval-X task_id, prompt, declaration, canonical_solution, test, [import, test_setup]  (THUDM/humaneval-x)

Rows come from a local JSONL / JSONL.gz / parquet file, or from the Hub by
dataset name (`hub:nuprl/MultiPL-E:humaneval-rs`) when the network allows.
Completions travel with the rows: a row may carry `completion` (one answer) or
`completions` (a list); either may be a bare continuation of the prompt or a
raw model answer (fenced block, whole program), see `answers.py`.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from irgroups import languages
from irgroups.errors import DataError
from irgroups.languages.benchmarks import HUMANEVAL_X, MULTIPL_E

FORMATS = (MULTIPL_E, HUMANEVAL_X)
_REQUIRED = {MULTIPL_E: ("name", "language", "prompt", "tests", "stop_tokens"),
             HUMANEVAL_X: ("task_id", "prompt", "declaration", "test")}


@dataclass
class BenchRow:
    """One benchmark problem in one language, with the completions to judge."""

    format: str
    task_id: str  # MultiPL-E `name`, HumanEval-X `task_id`
    lang: str  # irgroups language id
    prompt: str
    tests: str
    stop_tokens: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # declaration, import, test_setup, canonical_solution
    completions: list[str] = field(default_factory=list)

    @property
    def benchmark(self) -> str:
        return self.format


def read_records(path: Path) -> list[dict[str, Any]]:
    """JSON objects from .jsonl, .jsonl.gz, .json (a list) or .parquet."""
    name = path.name
    try:
        if name.endswith(".parquet"):
            import pyarrow.parquet as pq

            return pq.read_table(path).to_pylist()
        opener: Any = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            if name.endswith(".json"):
                data = json.load(f)
                return list(data) if isinstance(data, list) else [data]
            return [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as e:
        raise DataError(f"{path}: cannot read benchmark rows: {e}") from None


def load_rows(source: str, fmt: str) -> list[BenchRow]:
    """Rows from a local file, or `hub:<dataset>[:<config>[:<split>]]`."""
    if fmt not in FORMATS:
        raise DataError(f"unknown benchmark format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if source.startswith("hub:"):
        records = _from_hub(source[4:])
    else:
        path = Path(source)
        if not path.exists():
            raise DataError(f"{path}: no such file. The full benchmark files are not bundled: download "
                            "e.g. nuprl/MultiPL-E humaneval-rs or THUDM/humaneval-x and pass the file")
        records = read_records(path)
    return [parse_row(r, fmt, f"{source} row {i + 1}") for i, r in enumerate(records)]


def _from_hub(spec: str) -> list[dict[str, Any]]:
    parts = spec.split(":")
    name, config = parts[0], (parts[1] if len(parts) > 1 else None)
    split = parts[2] if len(parts) > 2 else "test"
    try:
        import datasets

        ds = datasets.load_dataset(name, config, split=split)
    except Exception as e:  # noqa: BLE001 - no network, unknown name: say so in one line
        raise DataError(f"cannot load {name} ({config}) from the Hub: {type(e).__name__}: {e}. "
                        "Without network, pass a local JSONL/parquet file instead") from None
    return [dict(r) for r in ds]


def parse_row(r: dict[str, Any], fmt: str, where: str) -> BenchRow:
    missing = [k for k in _REQUIRED[fmt] if k not in r]
    if missing:
        raise DataError(f"{where}: not a {fmt} row, missing {missing} (has {sorted(r)})")
    completions = r.get("completions")
    if completions is None:
        completions = [r["completion"]] if r.get("completion") is not None else []
    if isinstance(completions, str):
        completions = [completions]
    if fmt == MULTIPL_E:
        codes = {code: lang.name for lang in languages.LANGUAGES.values() for code in lang.multipl_e_codes}
        lang = codes.get(str(r["language"]).lower())
        if lang is None:
            raise DataError(f"{where}: MultiPL-E language {r['language']!r} not supported; "
                            f"supported: {sorted(codes)}")
        stops = r["stop_tokens"]
        return BenchRow(fmt, str(r["name"]), lang, r["prompt"], r["tests"],
                        list(stops) if stops is not None else [], {}, [str(c) for c in completions])
    prefix = str(r["task_id"]).split("/")[0].lower()
    prefixes = {lang.humaneval_x_prefix: lang.name for lang in languages.LANGUAGES.values() if lang.humaneval_x_prefix}
    lang = prefixes.get(prefix)
    if lang is None:
        raise DataError(f"{where}: HumanEval-X language {prefix!r} not supported; "
                        f"supported: {sorted(prefixes)}")
    extra = {k: r[k] for k in ("declaration", "import", "test_setup", "canonical_solution", "example_test")
             if r.get(k) is not None}
    return BenchRow(fmt, str(r["task_id"]), lang, r["prompt"], r["test"], [], extra,
                    [str(c) for c in completions])


def attach_completions(rows: list[BenchRow], path: Path) -> None:
    """Completions from a file of `{task_id|name, completion|completions|generation}` objects."""
    by_id = {row.task_id: row for row in rows}
    for i, rec in enumerate(read_records(path)):
        key = rec.get("task_id", rec.get("name"))
        if key not in by_id:
            raise DataError(f"{path} row {i + 1}: unknown task {key!r}")
        found = rec.get("completions", rec.get("completion", rec.get("generation")))
        if found is None:
            raise DataError(f"{path} row {i + 1}: no completion/completions/generation field")
        by_id[key].completions.extend([found] if isinstance(found, str) else list(found))
