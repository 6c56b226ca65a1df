"""A batch's compile error is pinned on the candidate it is about, never on a batch-mate.

Compilers point at more files than the guilty one: rustc notes that a missing function
"exists but is inaccessible" in another module (that is, another candidate's file), mcs gives
"the location of the symbol related to the previous error", and an import path can name a
batch-mate's package. A candidate that can name its batch-mates could also collide with them
(an exported macro, a namespace of theirs) or run code in their processes (a global
allocator). Each case here is a batch of four: its verdicts must be those of each candidate run
alone."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from irgroups import languages, references
from irgroups.batch import execute_batch
from irgroups.execute import execute
from irgroups.problems.model import Problem
from irgroups.problems.sources import ProblemSet
from irgroups.sandbox.base import Limits
from irgroups.sandbox.local import LocalSandbox

LIMITS = Limits(run_seconds=3.0)

Edit = Callable[[Problem, str], str]


def _entry(lang: str, p: Problem) -> str:
    return languages.get(lang).function_name(p.entry_point)


def _first_body(old: str, new: str) -> Edit:
    """Put `new` after the first `old` (the opening of the entry function's body)."""
    return lambda p, code: code.replace(old, old + new, 1)


def _append(text: str) -> Edit:
    return lambda p, code: code + "\n" + text + "\n"


RUST_ALLOCATOR = """
struct IrgAlloc;
unsafe impl std::alloc::GlobalAlloc for IrgAlloc {
    unsafe fn alloc(&self, _l: std::alloc::Layout) -> *mut u8 { std::process::exit(0) }
    unsafe fn dealloc(&self, _p: *mut u8, _l: std::alloc::Layout) {}
}
#[global_allocator]
static IRG_ALLOC: IrgAlloc = IrgAlloc;
"""

# case -> (edit of candidate 0, edit of candidate 1); candidates 2 and 3 are plain references
CASES: dict[str, dict[str, tuple[Edit | None, Edit | None]]] = {
    "rust": {
        # rustc: "function `crate::c0::irg_helper` exists but is inaccessible --> c0.rs:..."
        "missing_helper_defined_by_a_batch_mate": (
            _append("fn irg_helper(n: i64) -> i64 { n }"), _first_body("{", " let _ = irg_helper(1);")),
        "calls_a_batch_mate_wrongly": (
            None, _first_body("{", " let _ = crate::c0::irgroups_harness::main(1);")),
        "exports_the_same_macro": (
            _append("#[macro_export] macro_rules! irg_m { () => { 1 } }"),
            _append("#[macro_export] macro_rules! irg_m { () => { 1 } }")),
        "global_allocator_in_every_process": (None, _append(RUST_ALLOCATOR)),
    },
    "csharp": {
        # mcs: "c0.cs(..): (Location of the symbol related to previous error)"
        "calls_a_batch_mate_wrongly": (
            None, lambda p, code: code.replace(
                "class Problem {", "class Problem {\n    static int Irg() { return IrgC0.Problem."
                + _entry("csharp", p) + "(\"x\", 1, 2, 3); }", 1)),
        # closes its namespace and declares a class in the next candidate's
        "declares_a_class_in_a_batch_mates_namespace": (
            _append("}\nnamespace IrgC1 {\nclass Problem { }"), None),
        "hides_a_brace_from_the_parser": (
            _append("#if IRG_NEVER\n{\n#endif\n}\nnamespace IrgC1 {\nclass Problem { }"), None),
    },
    "go": {
        # go: "no required module provides package irgbatch/c0/x" names c0's directory
        "imports_below_a_batch_mate": (
            None, lambda p, code: code.replace("package main\n", 'package main\n\nimport _ "irgbatch/c0/x"\n', 1)),
        "imports_a_batch_mate": (
            None, lambda p, code: code.replace("package main\n", 'package main\n\nimport _ "irgbatch/c0"\n', 1)),
    },
}


@pytest.mark.parametrize("lang,case", [(lang, case) for lang, cases in CASES.items() for case in cases])
def test_a_batch_mate_is_never_blamed_or_touched(lang: str, case: str, humaneval: ProblemSet,
                                                  sandbox: LocalSandbox) -> None:
    problems = [p for p in humaneval.problems if references.load(p, lang)][:4]
    items = [(p, lang, references.load(p, lang) or "") for p in problems]
    for k, edit in enumerate(CASES[lang][case]):
        if edit is not None:
            p, _, code = items[k]
            edited = edit(p, code)
            assert edited != code, f"{case}: edit {k} changed nothing"
            items[k] = (p, lang, edited)
    batched = execute_batch(items, sandbox, LIMITS)
    with ThreadPoolExecutor(2) as pool:
        alone = list(pool.map(lambda it: execute(it[0], it[1], it[2], sandbox, LIMITS), items))
    assert [(v.status, v.tests_passed) for v in batched] == [(v.status, v.tests_passed) for v in alone], \
        [v.stderr_tail[-300:] for v in batched]
    # the plain references pass, so the case really ran them beside the edited ones
    assert [v.status for v in alone[2:]] == ["passed", "passed"]


class CountingSandbox(LocalSandbox):
    """The local sandbox, counting its jobs (each batch compile is one)."""

    def __init__(self) -> None:
        super().__init__()
        self.jobs = 0

    def run(self, job, slot: int = 0):  # type: ignore[no-untyped-def]
        self.jobs += 1
        return super().run(job, slot)


BROKEN = {"rust": ("{", "{ let _ = irg_undefined(1);"), "go": ("{", "{ irgUndefined()\n"),
          "csharp": ("{", "{ int irgX = \"s\";"), "python": (":", ": irg_undefined(\n")}


@pytest.mark.parametrize("lang", sorted(BROKEN))
def test_the_compiler_names_the_guilty_so_the_rest_stays_batched(lang: str, humaneval: ProblemSet) -> None:
    """The blame patterns still match what this compiler prints: two broken candidates of six
    cost one failed batch compile and one good one, not six compiles."""
    problems = [p for p in humaneval.problems if references.load(p, lang)][:6]
    items = [(p, lang, references.load(p, lang) or "") for p in problems]
    old, new = BROKEN[lang]
    for k in (1, 4):
        p, _, code = items[k]
        items[k] = (p, lang, code.replace(old, new, 1))
    box = CountingSandbox()
    try:
        verdicts = execute_batch(items, box, LIMITS)
    finally:
        box.close()
    assert [v.status for v in verdicts] == ["passed", "compile_error", "passed", "passed", "compile_error", "passed"]
    assert box.jobs == 2, [v.stderr_tail for v in verdicts]
    for k in (1, 4):  # the compiler's error lines about the candidate's own file
        assert verdicts[k].stderr_tail.startswith(f"c{k}"), verdicts[k].stderr_tail


# finds a batch-mate's class of the same shape and calls its entry function
CSHARP_REFLECTOR = """using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool HasCloseElements(List<double> numbers, double threshold) {
        foreach (var t in typeof(Problem).Assembly.GetTypes()) {
            var m = t == typeof(Problem) ? null : t.GetMethod("HasCloseElements");
            if (m != null) return (bool)m.Invoke(null, new object[] { numbers, threshold });
        }
        return false;
    }
}
"""


def test_a_candidate_cannot_call_a_batch_mate_by_reflection(humaneval_by_id: dict[str, Problem],
                                                            sandbox: LocalSandbox) -> None:
    """Beside a correct batch-mate of its problem (the reference), a C# candidate that calls that
    batch-mate's function through reflection would pass; alone it fails. It must run alone."""
    p = humaneval_by_id["HumanEval/0"]
    others = [q for q in (humaneval_by_id["HumanEval/2"], humaneval_by_id["HumanEval/3"])]
    items = [(p, "csharp", CSHARP_REFLECTOR), (p, "csharp", references.load(p, "csharp") or "")]
    items += [(q, "csharp", references.load(q, "csharp") or "") for q in others]
    batched = execute_batch(items, sandbox, LIMITS)
    alone = execute(*items[0], sandbox, LIMITS)
    assert alone.status == "failed"
    assert [v.status for v in batched] == ["failed", "passed", "passed", "passed"]
