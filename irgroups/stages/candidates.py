"""problems -> candidates: the bundled references, rewrites of them (meant equivalent) and
mutants of them (meant inequivalent); execution decides what each one is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from irgroups import code as codemod
from irgroups import references, schemas
from irgroups.generate import mutate, rewrite
from irgroups.languages import Language
from irgroups.problems.model import Problem
from irgroups.stages.base import Context, Output, Shard, Stage, register


def make_candidates(problems: list[Problem], langs: list[Language], mutants_per_reference: int,
                    seed: int, rewrites_per_reference: int = 0) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    dropped: Counter[str] = Counter()
    seen: set[str] = set()
    for problem in problems:
        for lang in langs:
            ref = references.load(problem, lang.name)
            if ref is None:
                dropped[f"no reference translation ({lang.name})"] += 1
                continue
            ref_id = codemod.candidate_id(lang.name, ref)
            batch = [_row(ref_id, problem, lang.name, ref, "reference", None, None)]
            rws, why = rewrite.rewrites(lang.name, ref, rewrites_per_reference,
                                        f"{seed}:{problem.problem_id}:{lang.name}")
            dropped.update(why)
            for r in rws:
                batch.append(_row(codemod.candidate_id(lang.name, r.code), problem, lang.name, r.code, r.origin,
                                  ref_id, r.description))
            muts, why = mutate.mutants(lang.name, ref, mutants_per_reference, f"{seed}:{problem.problem_id}:{lang.name}")
            dropped.update(why)
            for m in muts:
                mid = codemod.candidate_id(lang.name, m.code)
                batch.append(_row(mid, problem, lang.name, m.code, f"mutant:{m.operator}", ref_id, m.description))
            for row in batch:
                if row["candidate_id"] in seen:
                    dropped["duplicate candidate"] += 1
                    continue
                seen.add(row["candidate_id"])
                rows.append(row)
    return rows, {"dropped": dict(dropped)}


def merge_candidates(parts: list[list[dict[str, Any]]]) -> tuple[list[dict[str, Any]], int]:
    """Identical candidates (same normalised code) run once: keep the first, count the rest."""
    seen: set[str] = set()
    rows = []
    for part in parts:
        for row in part:
            if row["candidate_id"] not in seen:
                seen.add(row["candidate_id"])
                rows.append(row)
    return rows, sum(len(p) for p in parts) - len(rows)


def _row(cid: str, problem: Problem, lang: str, code: str, origin: str, parent: str | None,
         mutation: str | None) -> dict[str, Any]:
    return {"candidate_id": cid, "problem_id": problem.problem_id, "lang": lang, "code": code,
            "origin": origin, "parent_id": parent, "mutation": mutation, "raw_output": None,
            "extract_error": None}


@register
class Candidates(Stage):
    """The bundled references with their rewrites and mutants (`--references`), and a model's answers
    (`--backend`)."""

    name = "candidates"
    inputs = ("problems",)
    schema = schemas.CANDIDATES

    def resources(self, cfg: Any) -> dict[str, float]:
        """A model is loaded once per worker: on GPUs for vLLM, on a CPU slot for the others."""
        if cfg.backend == "reference":
            return {}
        return {"GPU": float(cfg.tensor_parallel_size)} if cfg.backend == "vllm" else {"CPU": 1}

    def run(self, shard: Shard, ctx: Context) -> Output:
        cfg = ctx.cfg
        problems = shard.problems()
        parts = []
        stats: dict[str, Any] = {}
        if cfg.references:
            rows, stats = make_candidates(problems, ctx.langs, cfg.mutants_per_reference, cfg.seed,
                                           cfg.rewrites_per_reference)
            parts.append(rows)
        if cfg.backend != "reference":
            from irgroups.generate.model import model_candidates

            assert cfg.model is not None and ctx.requests is not None
            rows, mstats = model_candidates(problems, ctx.langs, ctx.backend, ctx.requests, cfg.model, cfg.backend,
                                            cfg.sampling, cfg.prompt_template, fresh=self._fresh)
            parts.append(rows)
            stats.update(mstats)
        rows, duplicates = merge_candidates(parts)
        if duplicates:
            stats.setdefault("dropped", {})["duplicate candidate"] = duplicates
        return Output(rows, stats)

    def shards_per_call(self, cfg: Any) -> int:
        """hf samples a batch of prompts from one random stream, so its answers depend on which prompts
        share a batch: one worker takes every pending shard, as a local build does. The other
        backends seed each (prompt, sample) alone and can split the shards any way."""
        return 1_000_000_000 if cfg.backend == "hf" else 1

    _fresh: set[str] | None = None  # answers generated for every pending shard at once (run_many)

    def run_many(self, shards: list[Shard], ctx: Context) -> Iterator[tuple[int, Output]]:
        """With a model: every pending shard's prompts go to the backend together first (large
        batches keep a GPU busy; each answer is cached as its batch returns), then each shard's rows
        are made from the cache."""
        cfg = ctx.cfg
        if cfg.backend != "reference" and len(shards) > 1:
            from irgroups.generate.model import generate_missing

            assert cfg.model is not None and ctx.requests is not None
            self._fresh = generate_missing([p for s in shards for p in s.problems()], ctx.langs, ctx.backend,
                                           ctx.requests, cfg.model, cfg.backend, cfg.sampling, cfg.prompt_template)
        try:
            yield from super().run_many(shards, ctx)
        finally:
            self._fresh = None

    def teardown(self, ctx: Context) -> None:
        ctx.close()  # the model: later stages need the memory
