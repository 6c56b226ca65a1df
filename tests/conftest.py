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


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[object]:
    """One local Ray instance for the whole test run (2 CPUs, one `sandbox` slot): the head node
    that the Ray tests add worker nodes to."""
    ray = pytest.importorskip("ray")
    # a 2-core CI machine under a full build can delay heartbeats: 30 s (not 15) before a node counts as dead
    ray.init(address="local", num_cpus=2, resources={"sandbox": 1}, include_dashboard=False, log_to_driver=False,
             _system_config={"health_check_failure_threshold": 10})
    yield ray
    ray.shutdown()
