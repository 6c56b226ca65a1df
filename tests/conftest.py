"""Shared fixtures: one sandbox and the converted HumanEval problems per session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from irgroups.problems import sources
from irgroups.problems.model import Problem
from irgroups.sandbox.local import LocalSandbox


@pytest.fixture(scope="session")
def sandbox() -> Iterator[LocalSandbox]:
    box = LocalSandbox()
    yield box
    box.close()


@pytest.fixture(scope="session")
def humaneval() -> sources.ProblemSet:
    return sources.load("humaneval")


@pytest.fixture(scope="session")
def humaneval_by_id(humaneval: sources.ProblemSet) -> dict[str, Problem]:
    return {p.problem_id: p for p in humaneval.problems}
