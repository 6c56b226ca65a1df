"""Extraction of candidate code from raw model answers, on a hand-made corpus."""

from __future__ import annotations

import json
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from irgroups.execute import execute
from irgroups.generate.extract import ERRORS, Extraction, extract
from irgroups.problems.model import Problem
from irgroups.sandbox.local import LocalSandbox

CORPUS = Path(__file__).parent / "extraction_corpus"
LANGS = ("python", "cpp", "rust", "go", "csharp")


def _load() -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for lang in LANGS:
        for path in sorted((CORPUS / lang).glob("*.json")):
            out.append((lang, path.name, json.loads(path.read_text(encoding="utf-8"))))
    return out


ITEMS = _load()


def test_corpus_size() -> None:
    for lang in LANGS:
        assert sum(1 for item_lang, _, _ in ITEMS if item_lang == lang) >= 30, lang


@pytest.mark.parametrize(("lang", "name", "item"), ITEMS, ids=[f"{lang}/{name}" for lang, name, _ in ITEMS])
def test_corpus_item(lang: str, name: str, item: dict[str, Any], humaneval_by_id: dict[str, Problem]) -> None:
    got = extract(lang, item["answer"], humaneval_by_id[item["problem_id"]])
    assert isinstance(got, Extraction)
    if item["expected_code"] is not None:
        assert got.error is None, got.detail
        assert got.code is not None
        assert got.code.strip() == item["expected_code"].strip()
        assert got.code.endswith("\n") and not got.code.endswith("\n\n")
    else:
        assert got.code is None
        assert got.error == item["expected_error"], got.detail


def test_corpus_covers_every_error() -> None:
    for lang in LANGS:
        errors = {item["expected_error"] for item_lang, _, item in ITEMS if item_lang == lang}
        assert {"no_code", "truncated", "unparsable", "entry_point_missing"} <= errors, lang


def test_extracted_code_passes_sandbox(humaneval_by_id: dict[str, Problem]) -> None:
    jobs = [(lang, name, item) for lang, name, item in ITEMS if item.get("correct")]
    assert len(jobs) >= 100
    box = LocalSandbox()

    def run(job: tuple[str, str, dict[str, Any]]) -> tuple[str, str]:
        lang, name, item = job
        problem = humaneval_by_id[item["problem_id"]]
        got = extract(lang, item["answer"], problem)
        assert got.code is not None, (lang, name, got.detail)
        verdict = execute(problem, lang, got.code, box)
        return f"{lang}/{name}", f"{verdict.status} {verdict.stderr_tail[-400:]}"

    try:
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(run, jobs))
    finally:
        box.close()
    failed = [(name, status) for name, status in results if not status.startswith("passed")]
    assert not failed, failed


def test_never_raises_on_garbage(humaneval_by_id: dict[str, Problem]) -> None:
    rng = random.Random(1234)
    problem = humaneval_by_id["HumanEval/0"]
    pieces = ["```", "```rust\n", "~~~", "fn ", "def ", "{", "}", "(", ")", "\n", "\r\n", "class Problem",
              "package main", "#include <", "\x00", "é", "\ud7ff", "    ", "has_close_elements", "HasCloseElements",
              "public static", "func ", "import ", "use std::", ";", ":", "\"", "'", "/*", "//", "#[cfg(test)]"]
    for _ in range(300):
        n = rng.randint(0, 40)
        text = "".join(rng.choice(pieces) if rng.random() < 0.7 else chr(rng.randint(1, 0x2FF)) for _ in range(n))
        for lang in LANGS:
            got = extract(lang, text, problem)
            assert (got.code is None) != (got.error is None)
            assert got.error is None or got.error in ERRORS


def test_odd_inputs(humaneval_by_id: dict[str, Problem]) -> None:
    problem = humaneval_by_id["HumanEval/0"]
    for lang in LANGS:
        assert extract(lang, "", problem).error == "no_code"
        assert extract(lang, "```", problem).error == "truncated"
        assert extract(lang, "```\n```", problem).error in ERRORS
    assert extract("klingon", "x", problem).error in ERRORS
