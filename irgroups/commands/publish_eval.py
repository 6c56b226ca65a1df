"""`irgroups publish`, `eval`, `execute` and `report`."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from irgroups.errors import ConfigError, IrgroupsError

_RUN = click.Path(path_type=Path, exists=True, file_okay=False)


class _errors:
    def __enter__(self) -> None:
        return None

    def __exit__(self, et: type | None, e: BaseException | None, tb: object) -> None:
        if isinstance(e, IrgroupsError):
            click.echo(f"error: {e}", err=True)
            sys.exit(2)


@click.command()
@click.argument("run", type=_RUN)
@click.option("--repo", required=True, help="Hub dataset repo id, org/name.")
@click.option("--private", is_flag=True, help="Create the repo private.")
@click.option("--revision", default=None, help="Branch to upload to (created if missing).")
@click.option("--to-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Write the Hub folder here instead of uploading (no network).")
@click.option("--test-fraction", type=float, default=0.1, show_default=True,
              help="Share of problems in the test split (split by problem hash).")
@click.option("--eval-only-to-test", is_flag=True,
              help="Put problems from evaluation-only sources (MultiPL-E) into the test split instead of refusing.")
def publish(run: Path, repo: str, private: bool, revision: str | None, to_dir: Path | None,
            test_fraction: float, eval_only_to_test: bool) -> None:
    """Publish a run's groups and RL prompt table as a Hub dataset (or a local folder)."""
    from irgroups.publish import publish_to_dir, upload

    with _errors():
        if "/" not in repo:
            raise ConfigError(f"--repo must be org/name, got {repo!r}")
        folder = to_dir or Path(tempfile.mkdtemp(prefix="irgroups-publish-"))
        layout = publish_to_dir(run, folder, repo, test_fraction, eval_only_to_test)
        for name, splits in layout.configs.items():
            click.echo(f"{name}: " + ", ".join(f"{s} {n} rows" for s, n in splits.items()))
        if to_dir is not None:
            click.echo(f"written to {to_dir}; load with datasets.load_dataset({str(to_dir)!r}, CONFIG)")
            return
        done = upload(folder, repo, private=private, revision=revision, log=lambda m: click.echo(m, err=True))
        click.echo(f"uploaded {len(done['uploaded'])} file(s), {len(done['skipped'])} already there: "
                   f"https://huggingface.co/datasets/{repo}")


def _print_scores(scores: dict[str, Any]) -> None:
    rows = scores["per_language"]
    keys = sorted({k for r in rows for k in r if k.startswith("pass@")}, key=lambda k: int(k[5:]))
    mode = ("structural equality (corrected)" if scores.get("structural_equality")
            else "faithful (as MultiPL-E's harness)")
    table = Table(title=f"pass@k, C# scored {mode}")
    for col in ["benchmark", "language", "problems", "samples", *keys, "continuation", "chat", "format_error",
                "not scored"]:
        table.add_column(col)
    for r in rows:
        paths = r.get("paths", {})
        table.add_row(r["benchmark"], r["lang"], str(r["problems"]), str(r["samples"]),
                      *[f"{r[k]:.4f}" if k in r else "-" for k in keys],
                      str(paths.get("continuation", 0)), str(paths.get("chat", 0)), str(r.get("format_errors", 0)),
                      json.dumps(r.get("problems_not_scored", {})))
    Console(width=160).print(table)


def _ks(text: str) -> tuple[int, ...]:
    try:
        return tuple(sorted({int(k) for k in text.split(",") if k.strip()}))
    except ValueError:
        raise ConfigError(f"-k must be comma-separated integers, got {text!r}") from None


@click.command("execute")
@click.option("--format", "fmt", type=click.Choice(["multipl-e", "humaneval-x"]), required=True)
@click.option("--input", "input_", required=True,
              help="Rows with completions: JSONL/parquet file, or hub:<dataset>[:<config>[:<split>]].")
@click.option("--completions", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Completions in a separate file ({task_id|name, completion|completions|generation}).")
@click.option("--canonical", is_flag=True, help="HumanEval-X: judge each row's canonical_solution.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True)
@click.option("--structural-equality", is_flag=True,
              help="C#: compare List/Dictionary results structurally (corrected score) instead of MultiPL-E's .Equals.")
@click.option("--workers", type=int, default=2, show_default=True)
@click.option("--run-timeout", type=float, default=10.0, show_default=True)
@click.option("-k", "ks", default="1,10,100", show_default=True, help="pass@k values.")
@click.option("--answers", type=click.Choice(["auto", "continuation", "chat"]), default="auto", show_default=True,
              help="How answers become programs: a continuation of the prompt cut at the stop tokens (base "
              "models), a chat answer extracted by the build's extractor (its imports merged with the prompt's, "
              "its own main and tests dropped), or auto: chat when the answer has a code block or defines the "
              "function itself.")
def execute_cmd(fmt: str, input_: str, completions: Path | None, canonical: bool, out: Path,
                structural_equality: bool, workers: int, run_timeout: float, ks: str, answers: str) -> None:
    """Execute given completions of MultiPL-E or HumanEval-X rows with the harnesses' verdict rules."""
    from irgroups.evaluate import attach_completions, execute_rows, load_rows, score, write_results
    from irgroups.sandbox.base import Limits

    with _errors():
        rows = load_rows(input_, fmt)
        if completions:
            attach_completions(rows, completions)
        if canonical:
            for row in rows:
                row.completions = [row.extra.get("canonical_solution", "")]
        results = execute_rows(rows, workers=workers, limits=Limits(run_seconds=run_timeout),
                               structural_equality=structural_equality, answers=answers)
        scores = score(results, _ks(ks))
        write_results(out, results, scores)
        _print_scores(scores)
        click.echo(f"results: {out / 'results.jsonl'}, scores: {out / 'scores.json'}")


@click.command("eval")
@click.option("--benchmark", "benchmarks", multiple=True, required=True,
              help="multipl-e:ROWS, humaneval-x:ROWS (file or hub:NAME[:CONFIG]), or irgroups:LANGS[:SOURCE] "
                   "(HumanEval rendered by irgroups, e.g. irgroups:rust,go,csharp). Repeatable.")
@click.option("--completions", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Take completions from this file instead of generating them.")
@click.option("--backend", type=click.Choice(["hf", "openai", "vllm"]), default=None)
@click.option("--model", default=None)
@click.option("--samples", type=int, default=1, show_default=True)
@click.option("--temperature", type=float, default=0.2, show_default=True)
@click.option("--top-p", type=float, default=0.95, show_default=True)
@click.option("--max-new-tokens", type=int, default=512, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--base-url", default="http://127.0.0.1:8000/v1", show_default=True)
@click.option("--limit", type=int, default=None, help="Only the first N rows of each benchmark.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True)
@click.option("--structural-equality", is_flag=True, help="C#: corrected score (see `execute --help`).")
@click.option("--workers", type=int, default=2, show_default=True)
@click.option("-k", "ks", default="1,10,100", show_default=True)
@click.option("--answers", type=click.Choice(["auto", "continuation", "chat"]), default="auto", show_default=True,
              help="How answers become programs: a continuation of the prompt cut at the stop tokens (base "
              "models), a chat answer extracted by the build's extractor (its imports merged with the prompt's, "
              "its own main and tests dropped), or auto: chat when the answer has a code block or defines the "
              "function itself.")
def eval_cmd(benchmarks: tuple[str, ...], completions: Path | None, backend: str | None, model: str | None,
             samples: int, temperature: float, top_p: float, max_new_tokens: int, seed: int, base_url: str,
             limit: int | None, out: Path, structural_equality: bool, workers: int, ks: str, answers: str) -> None:
    """Generate (or take) completions for benchmarks, execute them, report pass@k per language."""
    from irgroups.evaluate import attach_completions, execute_rows, load_rows, score, write_results
    from irgroups.evaluate.rendered import rendered_rows

    with _errors():
        rows = []
        for spec in benchmarks:
            kind, _, rest = spec.partition(":")
            if kind == "irgroups":
                langs, _, source = rest.partition(":")
                rows += rendered_rows(langs, source or "humaneval", limit)
            elif kind in ("multipl-e", "humaneval-x"):
                rows += load_rows(rest, kind)[:limit]
            else:
                raise ConfigError(f"--benchmark {spec!r}: start with multipl-e:, humaneval-x: or irgroups:")
        if completions:
            attach_completions(rows, completions)
        elif backend:
            _generate(rows, backend, model, samples, temperature, top_p, max_new_tokens, seed, base_url)
        elif not all(r.completions for r in rows):
            raise ConfigError("no completions: pass --completions FILE, or --backend and --model to generate")
        results = execute_rows(rows, workers=workers, structural_equality=structural_equality, answers=answers)
        scores = score(results, _ks(ks))
        write_results(out, results, scores)
        _print_scores(scores)
        click.echo(f"results: {out / 'results.jsonl'}, scores: {out / 'scores.json'}")


def _generate(rows: list[Any], backend: str, model: str | None, samples: int, temperature: float, top_p: float,
              max_new_tokens: int, seed: int, base_url: str) -> None:
    from irgroups.generate.backends import Request, SamplingSettings, make_backend

    if not model:
        raise ConfigError("--backend needs --model")
    settings = SamplingSettings(samples=samples, temperature=temperature, top_p=top_p,
                                max_new_tokens=max_new_tokens, seed=seed)
    options: dict[str, Any] = {"base_url": base_url} if backend == "openai" else {}
    engine = make_backend(backend, model, settings, **options)
    requests = {f"{i}": (Request(f"{i}", row.prompt), row) for i, row in enumerate(rows)}
    answers: dict[str, dict[int, str]] = {}

    def on_answer(req: Request, sample: int, text: str) -> None:
        answers.setdefault(req.request_id, {})[sample] = text

    try:
        engine.generate([(req, list(range(samples))) for req, _ in requests.values()], on_answer)
    finally:
        engine.close()
    for rid, (_, row) in requests.items():
        got = answers.get(rid, {})
        row.completions = [got[i] for i in sorted(got)]


@click.command()
@click.argument("run", type=_RUN)
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Where to write report.html, report.md and the PNGs (default: <run>/report).")
@click.option("--eval", "evals", multiple=True, type=click.Path(path_type=Path, exists=True, file_okay=False),
              help="An `irgroups eval`/`execute` output dir to include (repeatable); <run>/eval*/ are found alone.")
def report(run: Path, out: Path | None, evals: tuple[Path, ...]) -> None:
    """A self-contained HTML report (plots embedded) and a markdown version of a run."""
    from irgroups.report import build_report

    with _errors():
        paths = build_report(run, out or run / "report", list(evals))
        click.echo(f"{paths['html']}\n{paths['markdown']}")


COMMANDS = [publish, eval_cmd, execute_cmd, report]
