"""problems x languages -> model answers -> extracted candidates.

Answers come from the request cache when present; only missing (prompt, sample)
pairs reach the backend, and each answer is cached the moment it arrives.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from typing import Any

from irgroups import code as codemod
from irgroups.generate.backends import Backend, Request, SamplingSettings
from irgroups.generate.extract import extract
from irgroups.generate.requests import RequestCache
from irgroups.languages import Language
from irgroups.problems.model import Problem
from irgroups.prompts import TRANSLATE, translation_prompt


def requests_for(problems: list[Problem], langs: list[Language], template: str = TRANSLATE) -> list[tuple[Problem, Language, Request]]:
    out = []
    for p in problems:
        for lang in langs:
            text = translation_prompt(p, lang.name, template)
            out.append((p, lang, Request(f"{p.problem_id}|{lang.name}", text)))
    return out


def _key(cache: RequestCache, model: str, backend_name: str, settings: SamplingSettings) -> Callable[[Request, int], str]:
    return lambda r, i: cache.key(model, backend_name, r.chat(), settings.key(), i)


def generate_missing(problems: list[Problem], langs: list[Language], make_backend: Callable[[], Backend],
                     cache: RequestCache, model: str, backend_name: str, settings: SamplingSettings,
                     template: str = TRANSLATE) -> set[str]:
    """Ask the backend for every (prompt, sample index) of `problems` x `langs` not in the cache, all in
    one call (the backend batches them); each answer is cached as it arrives. The cache keys made."""
    key = _key(cache, model, backend_name, settings)
    reqs = requests_for(problems, langs, template)
    missing = [(r, [i for i in range(settings.samples) if cache.get(key(r, i)) is None]) for _, _, r in reqs]
    missing = [(r, idx) for r, idx in missing if idx]
    fresh: set[str] = set()
    if missing:
        def on_answer(r: Request, i: int, text: str) -> None:
            cache.put(key(r, i), text)
            fresh.add(key(r, i))

        make_backend().generate(missing, on_answer)
    return fresh


def model_candidates(problems: list[Problem], langs: list[Language], make_backend: Callable[[], Backend],
                     cache: RequestCache, model: str, backend_name: str, settings: SamplingSettings,
                     template: str = TRANSLATE, fresh: set[str] | None = None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Candidate rows (origin `model:<model>`) for every sample of every prompt. `fresh`: the cache
    keys a `generate_missing` over these problems (and maybe more) already made; None: make them now."""
    if fresh is None:
        fresh = generate_missing(problems, langs, make_backend, cache, model, backend_name, settings, template)
    key = _key(cache, model, backend_name, settings)
    reqs = requests_for(problems, langs, template)
    generated = sum(key(r, i) in fresh for _, _, r in reqs for i in range(settings.samples))
    rows: list[dict[str, Any]] = []
    errors: Counter[str] = Counter()
    for problem, lang, r in reqs:
        for i in range(settings.samples):
            answer = cache.get(key(r, i))
            if answer is None:  # the backend skipped it: never silent
                errors[f"no answer from backend ({lang.name})"] += 1
                continue
            ex = extract(lang.name, answer, problem)
            if ex.code is None:
                errors[f"format_error: {ex.error} ({lang.name})"] += 1
                digest = hashlib.sha256(f"{lang.name}\0{problem.problem_id}\0{answer}".encode()).hexdigest()[:24]
                rows.append(_row(f"fmt-{digest}", problem, lang.name, "", model, answer, ex.error or "format_error"))
            else:
                rows.append(_row(codemod.candidate_id(lang.name, ex.code), problem, lang.name, ex.code, model, answer, None))
    return rows, {"format_errors": dict(errors), "answers_generated": generated,
                  "answers_from_cache": len(reqs) * settings.samples - generated}


def _row(cid: str, problem: Problem, lang: str, code: str, model: str, raw: str, error: str | None) -> dict[str, Any]:
    return {"candidate_id": cid, "problem_id": problem.problem_id, "lang": lang, "code": code,
            "origin": f"model:{model}", "parent_id": None, "mutation": None, "raw_output": raw,
            "extract_error": error}
