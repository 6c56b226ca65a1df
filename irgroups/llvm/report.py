"""Markdown for the dataset card: the per-operator report and per-level counts of llvm-ir groups."""

from __future__ import annotations

from typing import Any

from irgroups.llvm.mutate import OPERATORS


def merge_stats(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """Sum the counters of several shards' stats (operators, levels, groups)."""
    out: dict[str, Any] = {"groups": 0, "cross_language_groups": 0, "operators": {}, "levels": {}}
    for st in parts:
        out["groups"] += st.get("groups", 0)
        out["cross_language_groups"] += st.get("cross_language_groups", 0)
        for key in ("operators", "levels"):
            for name, counts in st.get(key, {}).items():
                acc = out[key].setdefault(name, {})
                for k, v in counts.items():
                    acc[k] = acc.get(k, 0) + v
        out["tokenizer"] = st.get("tokenizer", out.get("tokenizer"))
        out["toolchain"] = st.get("toolchain", out.get("toolchain"))
    return out


def card_section(stats: dict[str, Any]) -> str:
    """A markdown section: what the llvm-ir config holds and how its negatives were checked."""
    lines = [
        "## llvm-ir groups",
        "",
        f"{stats.get('groups', 0)} groups ({stats.get('cross_language_groups', 0)} with IRs compiled from two "
        "source languages). Equivalent members: the passing C++/Rust solutions compiled to LLVM IR at "
        "O0 O1 O2 O3 Os Oz, normalised and de-duplicated, each linked with the test harness and shown to pass "
        "every test. Inequivalent members: one-edit mutants of those IRs that pass the LLVM verifier and fail at "
        "least one test.",
        "",
        f"Toolchain: {stats.get('toolchain', '?')}. Token counts: {stats.get('tokenizer', '?')}.",
        "",
        "| operator | generated | invalid (verifier) | duplicate | did not build | flaky | survived as equivalent "
        "| kept |",
        "|---|---|---|---|---|---|---|---|",
    ]
    ops = stats.get("operators", {})
    for op in OPERATORS:
        c = ops.get(op, {})
        lines.append(f"| {op} | {c.get('generated', 0)} | {c.get('invalid', 0)} | {c.get('duplicate', 0)} | "
                     f"{c.get('build_failed', 0)} | {c.get('flaky', 0)} | {c.get('survived', 0)} | "
                     f"{c.get('kept', 0)} |")
    lines += ["", "\"Survived as equivalent\" are edits that still pass every test (dead code, folded away): "
              "the paper's augmentations were never checked for this. \"Flaky\" mutants gave different verdicts on "
              "two runs (e.g. through randomly seeded hashing) and are dropped.", ""]
    levels = stats.get("levels", {})
    if levels:
        lines += ["| level | emitted (cpp / rust) | distinct (cpp / rust) | same IR as a lower level |",
                  "|---|---|---|---|"]
        for lvl, c in levels.items():
            dup = c.get("duplicate_of_lower_level_cpp", 0) + c.get("duplicate_of_lower_level_rust", 0)
            lines.append(f"| {lvl} | {c.get('emitted_cpp', 0)} / {c.get('emitted_rust', 0)} | "
                         f"{c.get('distinct_cpp', 0)} / {c.get('distinct_rust', 0)} | {dup} |")
    return "\n".join(lines) + "\n"
