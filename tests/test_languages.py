"""Conformance: every registered language implements the interface, and for every
converted HumanEval problem its test program compiles around a placeholder body
(which then fails every test: its reports are judged outside the sandbox).

The checks are functions (`check_*`), so a language registered elsewhere (a test's own, see
test_language_registry.py) goes through the same ones."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from irgroups import languages
from irgroups.batch import execute_batch
from irgroups.generate.extract import extract, tag_lang
from irgroups.languages.base import Language
from irgroups.problems.model import Problem
from irgroups.problems.sources import ProblemSet
from irgroups.sandbox.base import Limits
from irgroups.sandbox.local import LocalSandbox

ALL = list(languages.LANGUAGES.values())


def check_complete(lang: Language) -> None:
    """The interface, the names, the tags a code fence may carry."""
    assert isinstance(lang, Language)
    assert lang.name and lang.extension and lang.toolchain.executables and lang.display_name
    assert languages.get(lang.name) is lang
    for alias in lang.aliases:
        assert languages.get(alias) is lang
    for tag in lang.fence_tags:
        assert tag_lang(tag) == lang.name, tag


def check_extracts_its_own_code(lang: Language, problem: Problem) -> None:
    """A fenced answer holding the placeholder comes out of the extractor whole, and the same
    code without the fence is found too."""
    code = lang.placeholder(problem)
    for answer in (f"Here it is:\n\n```{lang.name}\n{code}```\n", code):
        got = extract(lang.name, answer, problem)
        assert got.ok, (answer, got)
        assert lang.function_name(problem.entry_point) in (got.code or "")


def check_placeholders_compile(lang: Language, problems: list[Problem], sandbox: LocalSandbox, minimum: int) -> None:
    """At least `minimum` of the problems' test programs compile around the placeholder, and
    those fail every test."""
    items = [(p, lang.name, lang.placeholder(p)) for p in problems]
    chunks = [items[i:i + 40] for i in range(0, len(items), 40)]
    with ThreadPoolExecutor(2) as pool:
        verdicts = [v for chunk in pool.map(lambda c: execute_batch(c, sandbox, Limits()), chunks) for v in chunk]
    results = list(zip(problems, verdicts))
    compiled = [(p, v) for p, v in results if v.status not in ("compile_error", "sandbox_error")]
    broken = {p.problem_id: v.stderr_tail[-400:] for p, v in results if (p, v) not in compiled}
    assert len(compiled) >= minimum, broken
    for p, v in compiled:
        assert v.tests_passed == 0 and v.tests_total == len(p.tests)
        assert all(o in ("error", "fail") for o in v.test_outcomes), (p.problem_id, v.test_outcomes)


@pytest.mark.parametrize("lang", ALL, ids=lambda lang: lang.name)
def test_language_is_complete(lang: Language, humaneval: ProblemSet) -> None:
    check_complete(lang)
    check_extracts_its_own_code(lang, humaneval.problems[0])


def test_aliases_and_unknown_names() -> None:
    assert [lang.name for lang in languages.parse_list("rs, cs,golang,rust")] == ["rust", "csharp", "go"]
    with pytest.raises(ValueError, match="unknown language 'cobol'"):
        languages.get("cobol")


@pytest.mark.parametrize("lang", ALL, ids=lambda lang: lang.name)
def test_placeholder_programs_compile_for_at_least_155_problems(
        lang: Language, humaneval: ProblemSet, sandbox: LocalSandbox) -> None:
    problems = humaneval.problems
    if lang.name == "cpp":
        problems = problems[::3]  # g++ is slow per program and cpp is not a target of the 155 bar
    check_placeholders_compile(lang, problems, sandbox, len(problems) if lang.name == "cpp" else 155)
