"""The Python API: build a run, and read a stage of it, without the command line.

    import irgroups

    summary = irgroups.build(out="runs/small", langs="python,rust", limit=3, progress=False)
    groups = irgroups.load("runs/small", "groups")      # a datasets.Dataset

Everything heavy (the pipeline, pyarrow, `datasets`) is imported inside the functions, so
`import irgroups` stays light.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datasets


def build(out: str | Path, langs: str | None = None, **options: Any) -> dict[str, Any]:
    """Build a run into `out` (what `irgroups build` does) and return its summary, the dict
    `irgroups stats --json` prints and `<out>/summary.json` holds.

    `langs` and `options` are `irgroups.BuildConfig`'s fields, by their field names
    (`limit=3`, `mutants_per_reference=2`, `progress=False`, `sandbox="docker"`, ...); left out,
    a field keeps its default (`langs`: BuildConfig's default languages). The same `out` and
    options resume an interrupted build. Raises `irgroups.errors.ConfigError` for an unknown
    option or a bad value, before anything runs."""
    from dataclasses import fields

    from irgroups.config import BuildConfig
    from irgroups.errors import ConfigError
    from irgroups.pipeline import build as run_build

    known = {f.name for f in fields(BuildConfig)}
    unknown = sorted(set(options) - known)
    if unknown:
        raise ConfigError(f"irgroups.build: unknown option(s) {', '.join(unknown)}; "
                          f"known (BuildConfig's fields): {', '.join(sorted(known))}")
    if langs is not None:
        options["langs"] = langs
    return run_build(BuildConfig(out=Path(out), **options))


def load(run: str | Path, stage: str) -> datasets.Dataset:
    """The rows of `stage` (problems, prompts, candidates, executions, labels, groups,
    llvm_groups) of the run directory `run`, every shard in order, as a `datasets.Dataset`
    typed by the stage's explicit pyarrow schema (`irgroups.shards.schema_of`).

    Raises `irgroups.errors.ConfigError` for an unknown stage, and `irgroups.errors.ShardError`,
    naming the run and the stage, when the stage is absent or unfinished (resume the build, or
    for llvm_groups run `irgroups llvm-groups RUN`)."""
    import json

    import datasets
    import pyarrow as pa
    import pyarrow.parquet as pq

    from irgroups.errors import ConfigError, ShardError
    from irgroups.shards import part_name, schema_of

    run = Path(run)
    try:
        schema = schema_of(stage)
    except ConfigError as e:  # an unknown stage: the message names the known ones
        raise ConfigError(f"run {run}: {e}") from None
    if not run.is_dir():
        raise ShardError(f"{run}: no such run directory (looking for its stage {stage!r})")
    manifest = run / stage / "manifest.json"
    if not manifest.exists():
        raise ShardError(f"run {run} has no stage {stage!r} ({manifest} is missing): it has not run; "
                         + ("run `irgroups llvm-groups RUN` (or build with llvm-ir in --langs)"
                            if stage == "llvm_groups" else "build (or resume) the run first"))
    n = json.loads(manifest.read_text()).get("num_shards")
    files = [run / stage / part_name(i) for i in range(n or 0)]
    missing = [i for i, f in enumerate(files) if not f.exists()]
    if n is None or missing:
        what = f"shards {missing} of {n} are missing" if missing else "its manifest records no shards yet"
        raise ShardError(f"stage {stage!r} of run {run} is unfinished: {what}; "
                         "run the same build command again to resume it")
    table = pa.concat_tables([pq.read_table(f, schema=schema) for f in files]) if files else schema.empty_table()
    features = datasets.Features.from_arrow_schema(schema)
    return datasets.Dataset(table, info=datasets.DatasetInfo(features=features))
