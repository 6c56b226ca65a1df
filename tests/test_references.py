"""Every bundled reference translation passes every test of its problem."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from irgroups import references
from irgroups.execute import execute
from irgroups.problems import sources
from irgroups.sandbox.local import LocalSandbox

LANGS = ["rust", "go", "csharp", "cpp"]


@pytest.fixture(scope="module")
def problems():  # type: ignore[no-untyped-def]
    return sources.load("humaneval,bundled").problems


@pytest.mark.parametrize("lang", LANGS)
def test_references_pass_all_tests(lang: str, problems, sandbox: LocalSandbox) -> None:  # type: ignore[no-untyped-def]
    todo = [(p, references.load(p, lang)) for p in problems]
    todo = [(p, code) for p, code in todo if code is not None]
    humaneval_refs = [p for p, _ in todo if p.problem_id.startswith("HumanEval/")]
    assert len(humaneval_refs) >= 40

    def run(item):  # type: ignore[no-untyped-def]
        p, code = item
        return p.problem_id, execute(p, lang, code, sandbox)

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(run, todo))
    failing = {pid: (v.status, v.stderr_tail[-300:]) for pid, v in results if v.status != "passed"}
    assert failing == {}


def test_every_reference_file_belongs_to_a_problem(problems) -> None:  # type: ignore[no-untyped-def]
    ids = {references.reference_path(p.problem_id, lang) for p in problems for lang in LANGS}
    files = {f for lang in LANGS for f in (references.data_dir() / "references" / lang).glob("*")}
    assert files - ids == set()
