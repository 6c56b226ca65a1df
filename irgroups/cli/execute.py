"""`irgroups execute`: given completions of MultiPL-E or HumanEval-X rows, judged by those harnesses' rules."""

from __future__ import annotations

from pathlib import Path

import click

from irgroups.cli.common import answers_option, parse_ks, print_scores, sandbox_option
from irgroups.cli.errors import Command


@click.command("execute", cls=Command)
@click.option("--format", "fmt", type=click.Choice(["multipl-e", "humaneval-x"]), required=True,
              help="Whose rows, tests and verdict rules: MultiPL-E's or HumanEval-X's.")
@click.option("--input", "input_", required=True,
              help="Rows with completions: JSONL/parquet file, or hub:<dataset>[:<config>[:<split>]].")
@click.option("--completions", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Completions in a separate file ({task_id|name, completion|completions|generation}).")
@click.option("--canonical", is_flag=True, help="HumanEval-X: judge each row's canonical_solution.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Where results.jsonl (one verdict per completion) and scores.json go.")
@click.option("--structural-equality", is_flag=True,
              help="C#: compare List/Dictionary results structurally (corrected score) instead of MultiPL-E's .Equals.")
@click.option("--workers", type=int, default=2, show_default=True, help="Parallel sandbox jobs.")
@click.option("--run-timeout", type=float, default=10.0, show_default=True,
              help="CPU seconds per test program run.")
@click.option("-k", "ks", default="1,10,100", show_default=True, help="pass@k values.")
@answers_option()
@sandbox_option
def execute_cmd(fmt: str, input_: str, completions: Path | None, canonical: bool, out: Path,
                structural_equality: bool, workers: int, run_timeout: float, ks: str, answers: str,
                sandbox: str) -> None:
    """Execute given completions of MultiPL-E or HumanEval-X rows with the harnesses' verdict rules."""
    from irgroups.evaluate import attach_completions, execute_rows, load_rows, score, write_results
    from irgroups.sandbox.base import Limits

    rows = load_rows(input_, fmt)
    if completions:
        attach_completions(rows, completions)
    if canonical:
        for row in rows:
            row.completions = [row.extra.get("canonical_solution", "")]
    results = execute_rows(rows, workers=workers, limits=Limits(run_seconds=run_timeout),
                           structural_equality=structural_equality, answers=answers, sandbox=sandbox)
    scores = score(results, parse_ks(ks))
    write_results(out, results, scores)
    print_scores(scores)
    click.echo(f"results: {out / 'results.jsonl'}, scores: {out / 'scores.json'}")
