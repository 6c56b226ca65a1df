"""`irgroups eval`: generate (or take) completions for benchmarks, execute them, report pass@k."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich_click import RichOption

from irgroups.cli.common import answers_option, parse_ks, print_scores
from irgroups.cli.errors import Command
from irgroups.cli.options import F, option_of
from irgroups.config import MODEL, SANDBOX, BuildConfig
from irgroups.errors import ConfigError
from irgroups.generate.backends import MODEL_BACKENDS

# `eval --help`'s own panel; the other two are `build`'s (MODEL, SANDBOX), and so are the options there that
# option_of takes from BuildConfig: the same name, default and help, and the same use
BENCH = "Benchmarks and output"


def _opt(*decls: str, panel: str, **kw: Any) -> Callable[[F], F]:
    """click.option in the `--help` panel `panel`."""
    return click.option(*decls, cls=RichOption, panel=panel, **kw)


@click.command("eval", cls=Command)
@_opt("--benchmark", "benchmarks", multiple=True, required=True, panel=BENCH,
      help="multipl-e:ROWS, humaneval-x:ROWS (file or hub:NAME[:CONFIG]), or irgroups:LANGS[:SOURCE] "
           "(HumanEval rendered by irgroups, e.g. irgroups:rust,go,csharp). Repeatable.")
@_opt("--limit", type=int, default=None, panel=BENCH, help="Only the first N rows of each benchmark.")
@_opt("--completions", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None, panel=BENCH,
      help="Take completions from this file instead of generating them.")
@_opt("--out", type=click.Path(path_type=Path, file_okay=False), required=True, panel=BENCH,
      help="Where results.jsonl (one verdict per completion) and scores.json go.")
@_opt("-k", "ks", default="1,10,100", show_default=True, panel=BENCH,
      help="pass@k values, comma-separated; a k above the completions per row is left out.")
@answers_option(BENCH)
@_opt("--structural-equality", is_flag=True, panel=BENCH, help="C#: corrected score (see `execute --help`).")
@_opt("--backend", type=click.Choice(sorted(MODEL_BACKENDS)), default=None, panel=MODEL,
      help="Generate the completions with transformers (hf), an OpenAI-compatible server (openai) or "
           "vLLM's offline engine (vllm); needs --model.")
@option_of(BuildConfig, "model", panel=MODEL)
@_opt("--samples", type=int, default=1, show_default=True, panel=MODEL, help="Completions per row.")
@_opt("--temperature", type=float, default=0.2, show_default=True, panel=MODEL,
      help="Sampling temperature (0.2: the usual one for pass@1 and pass@10).")
@option_of(BuildConfig, "top_p", panel=MODEL)
@_opt("--max-new-tokens", type=int, default=512, show_default=True, panel=MODEL,
      help="Longest completion, in tokens.")
@option_of(BuildConfig, "stop", panel=MODEL)
@_opt("--seed", type=int, default=0, show_default=True, panel=MODEL,
      help="Seed for sampling (each sample's own seed is derived from it).")
@option_of(BuildConfig, "base_url", panel=MODEL)
@option_of(BuildConfig, "concurrency", panel=MODEL)
@_opt("--workers", type=int, default=2, show_default=True, panel=SANDBOX, help="Parallel sandbox jobs.")
@option_of(BuildConfig, "sandbox", panel=SANDBOX)
def eval_cmd(benchmarks: tuple[str, ...], limit: int | None, completions: Path | None, out: Path, ks: str,
             answers: str, structural_equality: bool, backend: str | None, model: str | None, samples: int,
             temperature: float, top_p: float, max_new_tokens: int, stop: tuple[str, ...], seed: int, base_url: str,
             concurrency: int, workers: int, sandbox: str) -> None:
    """Generate (or take) completions for benchmarks, execute them, report pass@k per language."""
    from irgroups.evaluate import attach_completions, execute_rows, load_rows, score, write_results
    from irgroups.evaluate.rendered import rendered_rows

    for name, value in (("workers", workers), ("concurrency", concurrency)):
        if value < 1:  # as `build` checks them
            raise ConfigError(f"--{name} must be at least 1, got {value}")
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
        _generate(rows, backend, model, samples, temperature, top_p, max_new_tokens, stop, seed, base_url,
                  concurrency)
    elif not all(r.completions for r in rows):
        raise ConfigError("no completions: pass --completions FILE, or --backend and --model to generate")
    results = execute_rows(rows, workers=workers, structural_equality=structural_equality, answers=answers,
                           sandbox=sandbox)
    scores = score(results, parse_ks(ks))
    write_results(out, results, scores)
    print_scores(scores)
    click.echo(f"results: {out / 'results.jsonl'}, scores: {out / 'scores.json'}")


def _generate(rows: list[Any], backend: str, model: str | None, samples: int, temperature: float, top_p: float,
              max_new_tokens: int, stop: tuple[str, ...], seed: int, base_url: str, concurrency: int) -> None:
    from irgroups.generate.backends import Request, SamplingSettings, make_backend

    if not model:
        raise ConfigError("--backend needs --model")
    settings = SamplingSettings(samples=samples, temperature=temperature, top_p=top_p,
                                max_new_tokens=max_new_tokens, seed=seed, stop=stop)
    # what `build` gives the backend (BuildConfig.backend_options); the openai one's API mode stays chat
    options: dict[str, Any] = {"base_url": base_url, "concurrency": concurrency} if backend == "openai" else {}
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
