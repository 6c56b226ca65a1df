"""`irgroups eval`: generate (or take) completions for benchmarks, execute them, report pass@k."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from irgroups.cli.common import answers_option, parse_ks, print_scores, sandbox_option
from irgroups.cli.errors import Command
from irgroups.errors import ConfigError
from irgroups.generate.backends import MODEL_BACKENDS


@click.command("eval", cls=Command)
@click.option("--benchmark", "benchmarks", multiple=True, required=True,
              help="multipl-e:ROWS, humaneval-x:ROWS (file or hub:NAME[:CONFIG]), or irgroups:LANGS[:SOURCE] "
                   "(HumanEval rendered by irgroups, e.g. irgroups:rust,go,csharp). Repeatable.")
@click.option("--completions", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Take completions from this file instead of generating them.")
@click.option("--backend", type=click.Choice(sorted(MODEL_BACKENDS)), default=None,
              help="Generate the completions with transformers (hf), an OpenAI-compatible server (openai) or "
                   "vLLM's offline engine (vllm); needs --model.")
@click.option("--model", default=None, help="Model path or id (hf, vllm) or served model name (openai).")
@click.option("--samples", type=int, default=1, show_default=True, help="Completions per row.")
@click.option("--temperature", type=float, default=0.2, show_default=True)
@click.option("--top-p", type=float, default=0.95, show_default=True)
@click.option("--max-new-tokens", type=int, default=512, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--base-url", default="http://127.0.0.1:8000/v1", show_default=True,
              help="openai backend: the server's /v1 URL. The key comes from $OPENAI_API_KEY.")
@click.option("--limit", type=int, default=None, help="Only the first N rows of each benchmark.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True)
@click.option("--structural-equality", is_flag=True, help="C#: corrected score (see `execute --help`).")
@click.option("--workers", type=int, default=2, show_default=True)
@click.option("-k", "ks", default="1,10,100", show_default=True, help="pass@k values.")
@answers_option
@sandbox_option
def eval_cmd(benchmarks: tuple[str, ...], completions: Path | None, backend: str | None, model: str | None,
             samples: int, temperature: float, top_p: float, max_new_tokens: int, seed: int, base_url: str,
             limit: int | None, out: Path, structural_equality: bool, workers: int, ks: str, answers: str,
             sandbox: str) -> None:
    """Generate (or take) completions for benchmarks, execute them, report pass@k per language."""
    from irgroups.evaluate import attach_completions, execute_rows, load_rows, score, write_results
    from irgroups.evaluate.rendered import rendered_rows

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
    results = execute_rows(rows, workers=workers, structural_equality=structural_equality, answers=answers,
                           sandbox=sandbox)
    scores = score(results, parse_ks(ks))
    write_results(out, results, scores)
    print_scores(scores)
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
