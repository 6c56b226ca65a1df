"""Counts of a run, per language: what `build` prints at the end and `stats` prints on demand."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import polars as pl
from rich.console import Console
from rich.table import Table

from irgroups import strength
from irgroups.columns import num_rows, read_columns, read_leaves
from irgroups.execute import STATUSES
from irgroups.generate.rewrite import operators_of as rewrite_operators

KINDS = ("wrong_output", "runtime_error", "timeout", "memory_limit", "compile_error")


def _stats(run: Path, stage: str, key: str) -> Counter[str]:
    total: Counter[str] = Counter()
    for path in sorted((run / stage).glob("part-*.stats.json")):
        total.update(json.loads(path.read_text()).get(key, {}))
    return total


def summarise_run(run: Path) -> dict[str, Any]:
    # only the columns counted here: never the code, the model's output or the tests
    execs = pl.from_arrow(read_columns(run, "executions", ["candidate_id", "lang", "status"]))
    cands = pl.from_arrow(read_columns(run, "candidates", ["candidate_id", "lang", "origin"]))
    groups = pl.from_arrow(read_columns(run, "groups", ["lang"]))
    n_problems = num_rows(run, "problems")
    assert isinstance(execs, pl.DataFrame) and isinstance(cands, pl.DataFrame)
    assert isinstance(groups, pl.DataFrame)
    joined = execs.join(cands.select("candidate_id", "origin"), on="candidate_id", how="left")
    per_lang: dict[str, Any] = {}
    for lang in sorted(set(cands["lang"].to_list())):
        rows = joined.filter(pl.col("lang") == lang)
        status = Counter(rows["status"].to_list())
        mutants = rows.filter(pl.col("origin").str.starts_with("mutant:"))
        per_lang[lang] = {
            "candidates": rows.height,
            **{s: status.get(s, 0) for s in STATUSES},
            "mutants": mutants.height,
            "mutant_survivors": mutants.filter(pl.col("status") == "passed").height,
            "references_failing": rows.filter((pl.col("origin") == "reference") & (pl.col("status") != "passed")).height,
            "groups": groups.filter(pl.col("lang") == lang).height if groups.height else 0,
        }
    skipped_path = run / "problems" / "skipped.json"
    skipped = json.loads(skipped_path.read_text()) if skipped_path.exists() else []
    llvm = None
    if any((run / "llvm_groups").glob("part-*.parquet")):
        llvm = {"groups": num_rows(run, "llvm_groups")}
        llvm["cross_language_groups"] = sum(
            json.loads(p.read_text()).get("cross_language_groups", 0)
            for p in (run / "llvm_groups").glob("part-*.stats.json"))
    amplify = _amplify_totals(run)
    labels = read_columns(run, "labels",
                          ["problem_id", "lang", "origin", "equivalent", "kind", "failed_original"]).to_pylist()
    variety = _variety(run) if groups.height else {}
    rewrites = _rewrites(labels)
    for lang, s in per_lang.items():
        s["variety"] = variety.get(lang)
        s["rewrites"] = rewrites.get(lang, {"total": 0, "failed": 0, "per_operator": {}})
    return {
        "amplify": amplify,
        "test_strength": strength.summary(labels),
        "llvm_ir": llvm,
        "problems": n_problems,
        "problems_skipped": len(skipped),
        "skipped_reasons": dict(Counter(_reason_kind(s["reason"]) for s in skipped)),
        "groups": groups.height,
        "no_group": dict(_stats(run, "groups", "no_group")),
        "members_left_out": dict(_stats(run, "groups", "members_left_out")),
        "dropped": dict(_stats(run, "candidates", "dropped") + _stats(run, "labels", "dropped")),
        "per_language": per_lang,
    }


def _variety(run: Path) -> dict[str, dict[str, Any]]:
    """Per language: how many groups have how many equivalent members, the share with 3 or more,
    and the mean equivalent_diversity (irgroups/variety.py) over groups with two or more."""
    rows = read_leaves(run, "groups", ["lang", "equivalent.list.element.candidate_id", "equivalent_diversity"])
    out: dict[str, dict[str, Any]] = {}
    for lang in sorted({r["lang"] for r in rows}):
        mine = [r for r in rows if r["lang"] == lang]
        sizes = Counter(len(r["equivalent"]) for r in mine)
        div = [r["equivalent_diversity"] for r in mine if r["equivalent_diversity"] is not None]
        out[lang] = {"equivalent_sizes": {str(k): sizes[k] for k in sorted(sizes)},
                     "share_3_or_more": sum(v for k, v in sizes.items() if k >= 3) / len(mine),
                     "mean_diversity": sum(div) / len(div) if div else None}
    return out


def _rewrites(labels: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per language: rewrites labelled, and those that failed (each a bug of its operators:
    counted against every operator of its chain), per operator."""
    out: dict[str, dict[str, Any]] = {}
    for lab in labels:
        ops = rewrite_operators(lab["origin"])
        if not ops:
            continue
        cell = out.setdefault(lab["lang"], {"total": 0, "failed": 0, "per_operator": {}})
        cell["total"] += 1
        cell["failed"] += not lab["equivalent"]
        for op in ops:
            per = cell["per_operator"].setdefault(op, {"total": 0, "failed": 0})
            per["total"] += 1
            per["failed"] += not lab["equivalent"]
    return out


def _amplify_totals(run: Path) -> dict[str, Any]:
    """Amplified tests over the run's problem shards: proposed, kept, dropped by reason."""
    proposed = kept = 0
    dropped: Counter[str] = Counter()
    for path in sorted((run / "problems").glob("part-*.stats.json")):
        a = json.loads(path.read_text()).get("amplify") or {}
        proposed += a.get("proposed", 0)
        kept += a.get("kept", 0)
        dropped.update(a.get("dropped", {}))
    return {"proposed": proposed, "kept": kept, "dropped": dict(sorted(dropped.items()))}


def _print_variety(summary: dict[str, Any], console: Console) -> None:
    table = Table(title="equivalent members per group, and rewrites")
    for c in ("lang", "groups by equivalent members", ">= 3", "mean diversity", "rewrites failed",
              "failed by operator"):
        table.add_column(c, justify="left" if c in ("lang", "groups by equivalent members", "failed by operator")
                         else "right")
    rows = 0
    for lang, s in summary["per_language"].items():
        v, r = s.get("variety"), s.get("rewrites") or {}
        if not v and not r.get("total"):
            continue
        rows += 1
        sizes = " ".join(f"{k}:{n}" for k, n in (v or {}).get("equivalent_sizes", {}).items())
        div = (v or {}).get("mean_diversity")
        failed_ops = ", ".join(f"{op} {c['failed']}/{c['total']}" for op, c in sorted(r.get("per_operator", {}).items())
                               if c["failed"])
        table.add_row(lang, sizes, f"{(v or {}).get('share_3_or_more', 0):.1%}",
                      "-" if div is None else f"{div:.3f}", f"{r.get('failed', 0)}/{r.get('total', 0)}",
                      failed_ops or "none")
    if rows:
        console.print(table)


def _reason_kind(reason: str) -> str:
    return reason.split(":")[0].split(" (")[0]


def print_summary(summary: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=f"{summary['groups']} groups from {summary['problems']} problems")
    cols = ["lang", "candidates", "passed", "failed", "compile_error", "runtime_error", "timeout",
            "memory_limit", "format_error", "sandbox_error", "mutant survivors", "groups"]
    for c in cols:
        table.add_column(c, justify="right" if c != "lang" else "left")
    for lang, s in summary["per_language"].items():
        table.add_row(lang, *(str(s[k]) for k in ("candidates", "passed", "failed", "compile_error",
                                                   "runtime_error", "timeout", "memory_limit", "format_error",
                                                   "sandbox_error")),
                      f"{s['mutant_survivors']}/{s['mutants']}", str(s["groups"]))
    console.print(table)
    _print_variety(summary, console)
    if summary.get("llvm_ir"):
        console.print(f"llvm-ir groups: {summary['llvm_ir']['groups']} "
                      f"({summary['llvm_ir']['cross_language_groups']} with IRs from two source languages)")
    if summary["problems_skipped"]:
        console.print(f"problems skipped at conversion: {summary['problems_skipped']} "
                      + ", ".join(f"{k}: {v}" for k, v in summary["skipped_reasons"].items()))
    amp = summary.get("amplify") or {}
    if amp.get("proposed"):
        console.print(f"amplified tests: {amp['kept']} kept of {amp['proposed']} proposed"
                      + ("; dropped: " + ", ".join(f"{k}: {v}" for k, v in amp["dropped"].items())
                         if amp["dropped"] else ""))
    ts = summary.get("test_strength") or {}
    if ts.get("problems_with_mutants"):
        console.print(f"test strength over {ts['problems_with_mutants']} problems with mutants: mean share of "
                      f"compiled mutants killed {ts['mean_score_original']:.3f} by the original tests, "
                      f"{ts['mean_score']:.3f} with the amplified tests")
        killed = Table(title="survivors of the original tests killed by the amplified tests")
        for c in ("lang", "operator", "survivors", "killed"):
            killed.add_column(c, justify="left" if c in ("lang", "operator") else "right")
        for lang, ops in ts["survivors_killed"].items():
            for op, cell in ops.items():
                killed.add_row(lang, op, str(cell["survivors"]), str(cell["killed"]))
        console.print(killed)
    for title, key in (("no group (per problem and language)", "no_group"), ("dropped", "dropped"),
                       ("members left out by --max-equivalent / --max-inequivalent / --max-kind-share",
                        "members_left_out")):
        if any(summary.get(key, {}).values()):
            console.print(f"{title}: " + ", ".join(f"{k}: {v}" for k, v in sorted(summary[key].items())))
    bad = sum(s["sandbox_error"] for s in summary["per_language"].values())
    if bad:
        console.print(f"[red]{bad} executions hit infrastructure trouble (sandbox_error); they carry no label. "
                      "Fix the sandbox and run the same command again to retry them.[/red]")
