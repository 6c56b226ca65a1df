"""Equivalence-preserving rewrites: each operator's shape and its safety checks on small programs,
and rewrites of real references executed through the sandbox (they must pass every test)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from irgroups import code as codemod
from irgroups import references
from irgroups.generate import rewrite
from irgroups.problems.model import Problem
from irgroups.verifier import Item, Verifier

RUST = """fn f(xs: &Vec<i64>, n: i64) -> i64 {
    let mut total = 0;
    for i in 0..n {
        if i % 2 == 0 {
            total += xs[i as usize];
        } else {
            total -= 1;
        }
    }
    while total > 100 {
        total -= 7;
    }
    if total < 0 {
        return 0;
    }
    total * 2
}
"""

GO = """package main

func F(xs []int, n int) int {
	total := 0
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			total += xs[i]
		} else {
			total--
		}
	}
	for total > 100 {
		total -= 7
	}
	if total < 0 {
		return 0
	}
	return total * 2
}
"""

CSHARP = """using System;
using System.Collections.Generic;

class Problem {
    public static long F(List<long> xs, long n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) total += xs[i];
            else total -= 1;
        }
        while (total > 100) total -= 7;
        if (total < 0) return 0;
        return total * 2;
    }
}
"""

CPP = """#include <vector>

long long f(std::vector<long long> xs, long long n) {
    long long total = 0;
    for (long long i = 0; i < n; i++) {
        if (i % 2 == 0) {
            total += xs[i];
        } else {
            total -= 1;
        }
    }
    while (total > 100) total -= 7;
    if (total < 0) {
        return 0;
    }
    return total * 2;
}
"""

PROGRAMS = {"rust": RUST, "go": GO, "csharp": CSHARP, "cpp": CPP}


def _edits(lang: str, code: str) -> dict[str, list[rewrite._Edit]]:
    return rewrite._edits(lang, code, random.Random(0))


@pytest.mark.parametrize("lang", sorted(PROGRAMS))
def test_every_operator_applies_and_the_result_parses(lang: str) -> None:
    code = PROGRAMS[lang]
    edits = _edits(lang, code)
    assert {op for op, e in edits.items() if e} == set(rewrite.OPERATORS)
    for op, found in edits.items():
        for edit in found:
            new = rewrite._apply(code, edit)
            assert new != code
            assert not codemod.has_syntax_errors(codemod.parse(lang, new)), (op, new)


@pytest.mark.parametrize("lang", sorted(PROGRAMS))
def test_operator_shapes(lang: str) -> None:
    code = PROGRAMS[lang]
    edits = _edits(lang, code)

    def applied(op: str) -> list[str]:
        return [rewrite._apply(code, e) for e in edits[op]]

    # if_invert: the else branch comes first under the negated condition
    assert any("!(i % 2 == 0)" in new or "!(i%2 == 0)" in new for new in applied("if_invert"))
    # while_to_for: the condition-only loop in its other form
    other = {"rust": "loop {", "go": "for ; total > 100; {", "csharp": "for (; total > 100; )",
             "cpp": "for (; total > 100; )"}[lang]
    assert applied("while_to_for") and all(other in new for new in applied("while_to_for"))
    # for_to_while: the counting loop becomes a while (Go: a condition-only for)
    loop = "for i < n {" if lang == "go" else "while (i < n)" if lang != "rust" else "while i < "
    assert any(loop in new for new in applied("for_to_while"))
    # commute: total * 2 -> 2 * total
    assert any("2 * total" in new for new in applied("commute"))
    # extract_temp: the returned value goes through a new local
    temp = {"rust": "let ", "go": " := ", "csharp": "var ", "cpp": "auto "}[lang]
    assert all(temp in new and new.count("return") + (lang == "rust") >= code.count("return")
               for new in applied("extract_temp"))
    # early_return: what followed the guard now sits in its else branch
    assert any("} else {" in new and new.count("else") == code.count("else") + 1 for new in applied("early_return"))
    # rename: `total` (or another local) no longer appears under its old name everywhere
    renamed = applied("rename")
    assert renamed and all(codemod.candidate_id(lang, new) != codemod.candidate_id(lang, code) for new in renamed)


def test_for_to_while_leaves_loops_with_continue_alone() -> None:
    code = GO.replace("total += xs[i]", "total += xs[i]\n\t\t\tcontinue")
    assert _edits("go", code)["for_to_while"] == []


def test_commute_leaves_short_circuits_that_guard_an_index_alone() -> None:
    code = RUST.replace("if i % 2 == 0 {", "if i < n && xs[i as usize] > 0 {")
    swapped = [rewrite._apply(code, e) for e in _edits("rust", code)["commute"]]
    assert swapped and not any("xs[i as usize] > 0 && i < n" in new for new in swapped)


def test_rename_never_picks_a_keyword_and_skips_names_that_are_also_types() -> None:
    # C#: `result` has `out` among its synonyms, a keyword; Go: a parameter named like a type
    cs = CSHARP.replace("total", "result")
    go = 'package main\n\nfunc G(string string) string {\n\tword := string + "x"\n\treturn word\n}\n'
    for _ in range(20):
        for lang, code in (("csharp", cs), ("go", go)):
            rws, _ = rewrite.rewrites(lang, code, 8, f"seed{_}")
            for r in rws:
                if "rename" in r.operators:
                    assert "out =" not in r.code and " out;" not in r.code
                    if lang == "go":
                        assert "func G(string string) string" in r.code


def test_rewrites_are_distinct_deterministic_and_named_by_origin() -> None:
    first, dropped = rewrite.rewrites("rust", RUST, 6, "0:p:rust")
    again, _ = rewrite.rewrites("rust", RUST, 6, "0:p:rust")
    assert [r.code for r in first] == [r.code for r in again]
    ids = {codemod.candidate_id("rust", r.code) for r in first}
    assert len(ids) == len(first) == 6 and codemod.candidate_id("rust", RUST) not in ids
    assert all(r.origin.startswith("rewrite:") and rewrite.operators_of(r.origin) == list(r.operators) for r in first)
    assert rewrite.operators_of("mutant:cmp_swap") == []


def test_reindent_follows_bracket_depth() -> None:
    text = "{\nlet x = 1;\nwhile x < 3 {\nx += 1;\n}\n}"
    assert rewrite.reindent(text, "    ", "    ") == (
        "{\n        let x = 1;\n        while x < 3 {\n            x += 1;\n        }\n    }")


@pytest.mark.parametrize("lang", ["rust", "go", "csharp", "cpp"])
def test_rewrites_of_real_references_pass_every_test(lang: str, humaneval: object) -> None:
    """The first 12 HumanEval problems: 4 rewrites of each reference, run on the original tests."""
    problems: list[Problem] = humaneval.problems[:12]  # type: ignore[attr-defined]
    items, origins = [], []
    for p in problems:
        ref = references.load(p, lang)
        assert ref is not None
        rws, _ = rewrite.rewrites(lang, ref, 4, f"0:{p.problem_id}:{lang}")
        for r in rws:
            items.append(Item(p, lang, r.code))
            origins.append(r.origin)
    assert len(items) >= 40
    with Verifier("local", [lang], workers=2) as verifier:
        verdicts = verifier.verify_all(items)
    failing = [(item.problem.problem_id, origin, v.status, v.stderr_tail[-300:])
               for item, origin, v in zip(items, origins, verdicts) if v.status != "passed"]
    assert failing == []
    assert len(Counter(o.split("+")[0] for o in origins)) >= 5  # the operators take turns
