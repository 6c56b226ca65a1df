"""The guard against inputs outside a problem's domain: verified references must pass them.

A proposed input can be legal for the declared types and still break an unstated
precondition ("n is positive", "the list is sorted"). The source program answers it
anyway, and a correct translation may answer differently (Python's `%` on a negative
number, an index that Python wraps and Rust rejects). Such an input would label correct
translations inequivalent. So every bundled reference translation of the problem (in the
build's target languages) that passes the original tests runs the amplified tests too, and
an amplified test that any of them fails is dropped, with its reason counted per language.

A reference that dies on a test reports nothing for the rest: the first unreported test is
dropped, and the rest run again without it (up to ROUNDS rounds; what is still unreported
then is dropped too). When a problem's tests no longer change, the references' verdicts are
final and go into the verdict cache, so the executions stage does not run them again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from irgroups import references
from irgroups.errors import SandboxError
from irgroups.execute import SANDBOX_ERROR, Verdict
from irgroups.problems.model import Problem
from irgroups.results import MISSING, PASS
from irgroups.verifier import Item, Verifier

ROUNDS = 3
UNREPORTED = "a reference reported nothing for it (timeout or crash)"


def disagrees(lang: str) -> str:
    return f"a reference fails it ({lang})"


Reference = Callable[[Problem, str], "str | None"]


def guard(problems: list[Problem], langs: list[str], verifier: Verifier, reference: Reference = references.load,
          ) -> tuple[list[Problem], list[Counter[str]]]:
    """`problems` without the amplified tests a verified reference fails; what was dropped, by reason.

    `reference(problem, lang)` gives a problem's reference translation (default: the bundled ones)."""
    current = list(problems)
    dropped: list[Counter[str]] = [Counter() for _ in problems]
    unsettled = [k for k, p in enumerate(problems) if p.amplified]
    for last_round in [False] * (ROUNDS - 1) + [True]:
        items, owners = [], []
        for k in unsettled:
            for lang in langs:
                ref = reference(current[k], lang)
                if ref is not None:
                    items.append(Item(current[k], lang, ref))
                    owners.append(k)
        verdicts = verifier.verify_all(items)
        by_problem: dict[int, list[tuple[str, str, Verdict]]] = {}
        for k, item, v in zip(owners, items, verdicts):
            by_problem.setdefault(k, []).append((item.lang, item.code, v))
        still = []
        for k in unsettled:
            runs = by_problem.get(k, [])
            drop = _failed_tests(current[k], runs, dropped[k], last_round)
            if drop:
                kept = tuple(t for i, t in enumerate(current[k].amplified) if i not in drop)
                current[k] = replace(current[k], amplified=kept)
                if kept:
                    still.append(k)
            else:
                for lang, ref, v in runs:  # the exact programs the executions stage would run
                    verifier.remember(Item(current[k], lang, ref), v)
        unsettled = still
        if not unsettled:
            break
    return current, dropped


def _failed_tests(problem: Problem, runs: list[tuple[str, str, Verdict]], dropped: Counter[str],
                  last_round: bool) -> set[int]:
    """Indices into problem.amplified that some verified reference did not pass."""
    n0 = len(problem.tests)
    drop: set[int] = set()
    for lang, _, v in runs:
        if v.status == SANDBOX_ERROR:
            raise SandboxError(f"{problem.problem_id}: running the {lang} reference: {v.stderr_tail[-500:]}")
        if any(o != PASS for o in v.test_outcomes[:n0]):
            continue  # not verified on the original tests: no guard (its own label will say so)
        amplified = v.test_outcomes[n0:]
        unreported = [i for i, o in enumerate(amplified) if o == MISSING]
        for i, o in enumerate(amplified):
            if o not in (PASS, MISSING) and i not in drop:
                drop.add(i)
                dropped[disagrees(lang)] += 1
        # the first unreported test is the one it died on; the others were never tried
        for i in unreported[:None if last_round else 1]:
            if i not in drop:
                drop.add(i)
                dropped[UNREPORTED] += 1
    return drop
