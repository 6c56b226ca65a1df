"""llvm-ir groups: real clang++/rustc, rustc's libLLVM, the real local sandbox.

One small build (2 problems, cpp + rust references, no source mutants) feeds one
stage run that every end-to-end test shares."""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from irgroups.llvm import LLVM_GROUPS, LLVMConfig, make_llvm_groups, mutate, reexecute
from irgroups.llvm.toolchain import find, run_helper
from irgroups.problems.model import Problem
from irgroups.sandbox.local import LocalSandbox
from irgroups.verifier import Verifier

pytestmark = pytest.mark.skipif(
    shutil.which("clang++") is None or shutil.which("rustc") is None or shutil.which("bwrap") is None,
    reason="needs clang++, rustc and bubblewrap",
)

SMALL_IR = """; ModuleID = 'x.cpp'
source_filename = "x.cpp"
target triple = "x86_64-pc-linux-gnu"

; Function Attrs: noinline
define dso_local i64 @f(i64 %a, i64 %b) #0 !dbg !7 {
entry:
  %add = add nsw i64 %a, %b, !dbg !9
  call void @llvm.dbg.value(metadata i64 %add, metadata !8, metadata !DIExpression()), !dbg !9
  %c = icmp slt i64 %add, 10, !dbg !9
  br i1 %c, label %small, label %big, !llvm.loop !10

small:                                            ; preds = %entry
  %s = sub i64 %add, 1
  ret i64 %s

big:                                              ; preds = %entry
  ret i64 %add
}

declare void @llvm.dbg.value(metadata, metadata, metadata)

attributes #0 = { noinline "frame-pointer"="all" "target-cpu"="x86-64" "target-features"="+sse2" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!llvm.ident = !{!5}
!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "clang", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "x.cpp", directory: "/tmp")
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = !{!"clang version 14"}
!6 = !DISubroutineType(types: !{})
!7 = distinct !DISubprogram(name: "f", scope: !1, file: !1, line: 1, type: !6, unit: !0)
!8 = !DILocalVariable(name: "s", scope: !7, file: !1, line: 2)
!9 = !DILocation(line: 2, column: 3, scope: !7)
!10 = distinct !{!10}
"""


def _helper(op: str, ir: str) -> dict[str, Any]:
    return run_helper(find().lib, [{"op": op, "ir": ir}])[0]


def test_normalisation_strips_debug_info_metadata_and_noise() -> None:
    ans = _helper("normalise", SMALL_IR)
    assert ans["ok"], ans["error"]
    ir = ans["ir"]
    for gone in ("!dbg", "!llvm", "DICompileUnit", "llvm.dbg", "source_filename", "ModuleID", "target-cpu",
                 "target-features", "frame-pointer", "; preds", "Function Attrs", "clang version", "%add"):
        assert gone not in ir, gone
    assert not re.search(r"^!", ir, re.M)
    assert "noinline" in ir and 'target triple = "x86_64-pc-linux-gnu"' in ir
    assert "%3 = add nsw i64 %0, %1" in ir  # locals renamed to LLVM's own numbering
    assert _helper("verify", ir)["ok"]
    assert _helper("normalise", ir)["ir"] == ir  # idempotent


def test_operators_make_verifier_checked_edits() -> None:
    ir = _helper("normalise", SMALL_IR)["ir"]
    rng = random.Random(0)
    made = {op: mutate.mutants(ir, op, rng, 10) for op in mutate.OPERATORS}
    assert all(made[op] for op in mutate.OPERATORS), {op: len(v) for op, v in made.items()}
    assert any("icmp sge" in m.text for m in made["icmp_flip"])
    assert any("%3 = sub i64 %0, %1" in m.text for m in made["binop_swap"])
    assert any("slt i64 %3, 11" in m.text or "slt i64 %3, 9" in m.text for m in made["const_step"])
    assert any("sub i64 1, %3" in m.text for m in made["operand_swap"])
    assert any("label %7, label %5" in m.text for m in made["branch_retarget"])
    # a dropped add: its uses now read its first operand, and the result still verifies
    dropped = [m for m in made["drop_instruction"] if "add nsw" not in m.text]
    assert dropped
    answers = [_helper("canonical", m.text) for m in dropped]
    assert any(a["ok"] for a in answers)
    # an edit that breaks typing is caught by the verifier, not trusted
    bad = ir.replace("ret i64 %3", "ret i32 %3")
    assert not _helper("verify", bad)["ok"]


@pytest.fixture(scope="module")
def llvm_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from irgroups.pipeline import BuildConfig, build

    out = tmp_path_factory.mktemp("llvm") / "run"
    cfg = BuildConfig(langs="cpp,rust", out=out, limit=2, mutants_per_reference=0, progress=False, workers=2)
    build(cfg, log=lambda s: None)
    from irgroups.shards import read_stage

    problems = [Problem.from_row(r) for r in read_stage(out, "problems").to_pylist()]
    cands = read_stage(out, "candidates").to_pylist()
    labels = read_stage(out, "labels").to_pylist()
    sandbox = LocalSandbox()
    with Verifier(sandbox, workers=2) as verifier:
        rows, stats = make_llvm_groups(problems, cands, labels, verifier, config=LLVMConfig(seed=1))
    yield {"rows": rows, "stats": stats, "problems": {p.problem_id: p for p in problems}, "sandbox": sandbox,
           "run": out}
    sandbox.close()


def test_groups_have_distinct_equivalent_and_verified_inequivalent_irs(llvm_run: dict[str, Any]) -> None:
    rows = llvm_run["rows"]
    assert len(rows) == 2, llvm_run["stats"]
    pa.Table.from_pylist(rows, schema=LLVM_GROUPS)  # fits the schema
    for r in rows:
        assert r["kind"] == "llvm-ir" and r["langs"] == ["llvm-ir"]
        eq, ineq = r["equivalent"], r["inequivalent"]
        assert len({m["code"] for m in eq}) == len(eq) >= 2
        assert len({m["code"] for m in ineq}) == len(ineq) >= 2
        assert not {m["code"] for m in eq} & {m["code"] for m in ineq}
        for m in eq + ineq:
            assert m["lang"] == "llvm-ir" and m["source_lang"] in ("cpp", "rust")
            assert "into LLVM IR" in m["prompt"] and m["tokens"] > 0
            assert "!dbg" not in m["code"] and "source_filename" not in m["code"]
        assert all(re.fullmatch(r"llvm:(cpp|rust):O[0123sz](\+O[0123sz])*", m["origin"]) for m in eq)
        assert all(m["origin"].split(":")[1] in mutate.OPERATORS for m in ineq)
        assert all(m["kind"] and m["tests_passed"] < m["tests_total"] for m in ineq)
        # one prompt for the whole group: one source program's, its first equivalent member's
        assert r["prompt"] == eq[0]["prompt"] and "into LLVM IR" in r["prompt"]


def test_cross_language_groups(llvm_run: dict[str, Any]) -> None:
    rows = llvm_run["rows"]
    assert llvm_run["stats"]["cross_language_groups"] >= 1
    r = next(r for r in rows if r["ir_source_langs"] == ["cpp", "rust"])
    assert {m["source_lang"] for m in r["equivalent"]} == {"cpp", "rust"}
    prompts = {m["source_lang"]: m["prompt"] for m in r["equivalent"]}
    assert "C++ code" in prompts["cpp"] and "Rust code" in prompts["rust"]
    # the group's one prompt is one member's (members keep their own: which source the IR answers);
    # the first equivalent member's, so the first source language's
    assert r["prompt"] == prompts["cpp"] != prompts["rust"]
    assert r["prompt"] in {m["prompt"] for m in r["equivalent"] + r["inequivalent"]}


def test_reexecution_agrees_with_labels(llvm_run: dict[str, Any]) -> None:
    for r in llvm_run["rows"]:
        problem = llvm_run["problems"][r["problem_id"]]
        members = r["equivalent"] + r["inequivalent"]
        runs = reexecute(problem, members, llvm_run["sandbox"])
        for m, run in zip(r["equivalent"], runs):
            assert run.built and run.passed, (m["origin"], run)
        for m, run in zip(r["inequivalent"], runs[len(r["equivalent"]):]):
            assert run.failed, (m["origin"], m["mutation"])


def test_stats_report_levels_operators_and_tokens(llvm_run: dict[str, Any]) -> None:
    stats = llvm_run["stats"]
    ops = stats["operators"]
    assert set(ops) == set(mutate.OPERATORS)
    for c in ops.values():
        assert set(c) == {"generated", "invalid", "duplicate", "build_failed", "flaky", "survived", "kept"}
        assert c["generated"] == sum(c[k] for k in ("invalid", "duplicate", "build_failed", "flaky", "survived",
                                                     "kept"))
    assert sum(c["kept"] for c in ops.values()) >= 4
    assert set(stats["levels"]) == {"O0", "O1", "O2", "O3", "Os", "Oz"}
    assert stats["levels"]["O2"].get("emitted_cpp") == 2 and stats["levels"]["O2"].get("emitted_rust") == 2
    assert stats["equivalent_ir_failures"] == []
    assert stats["tokenizer"] == "cl100k-pretokens"
    assert stats["tokens_by_level"]["rust:O0"]["median"] > stats["tokens_by_level"]["rust:O2"]["median"]
    from irgroups.llvm.report import card_section, merge_stats

    md = card_section(merge_stats([stats, stats]))
    assert all(f"| {op} |" in md for op in mutate.OPERATORS)
    assert f"{2 * stats['groups']} groups" in md


def test_token_cap_keeps_the_shortest(llvm_run: dict[str, Any]) -> None:
    from irgroups.llvm.stage import _select

    r = llvm_run["rows"][0]
    kept = _select(list(r["equivalent"]), 2, "shortest", "source_lang")
    assert len(kept) == 2
    by_lang = {}
    for m in r["equivalent"]:
        by_lang.setdefault(m["source_lang"], []).append(m["tokens"])
    assert all(m["tokens"] == min(by_lang[m["source_lang"]]) for m in kept)


def test_unit_skips_a_candidate_with_another_signature(tmp_path: Path) -> None:
    from irgroups.llvm.frontends import FRONTENDS, SkipCandidate
    from irgroups.problems.sources import load

    problem = load("humaneval").problems[0]
    with pytest.raises(SkipCandidate):
        FRONTENDS["cpp"].unit(problem, "bool has_close_elements(const std::vector<double>& v, double t) "
                                       "{ return false; }")
    with pytest.raises(SkipCandidate):
        FRONTENDS["rust"].unit(problem, "fn has_close_elements(v: &[f64], t: f64) -> bool { false }")
    unit = FRONTENDS["rust"].unit(problem, "fn has_close_elements(mut numbers: Vec<f64>, t: f64) -> bool "
                                           "{ false }")
    assert "#[no_mangle]\npub fn has_close_elements" in unit.files["cand.rs"]


def test_cli_writes_llvm_group_shards(llvm_run: dict[str, Any]) -> None:
    import pyarrow.parquet as pq
    from click.testing import CliRunner

    from irgroups.cli.llvm import llvm_groups

    run = llvm_run["run"]
    args = [str(run), "--levels", "O1,O2,Oz", "--mutants-per-operator", "1", "--max-equivalent", "2"]
    res = CliRunner().invoke(llvm_groups, args)
    assert res.exit_code == 0, res.output
    table = pq.read_table(run / "llvm_groups" / "part-00000.parquet")
    assert table.schema.equals(LLVM_GROUPS)
    for r in table.to_pylist():
        assert len(r["equivalent"]) == 2
        assert all(lvl in ("O1", "O2", "Oz") for m in r["equivalent"] for lvl in m["levels"])
        assert r["prompt"] == r["equivalent"][0]["prompt"]
    again = CliRunner().invoke(llvm_groups, args)  # resumes: nothing left to do
    assert again.exit_code == 0 and "llvm-ir groups" not in again.output
