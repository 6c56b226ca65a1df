"""labels -> llvm-ir groups: the paper's C-to-LLVM-IR GEPO groups, checked by execution.

For each problem, each language with an LLVM front end (cpp, rust) and up to
`max_sources_per_lang` of its *passing* candidates (the reference first):

1. emit the candidate's IR at O0 O1 O2 O3 Os Oz (sandbox), normalise it (capi.py:
   no debug info, metadata, module ids, target string attributes, comments; local
   values renumbered), de-duplicate across levels;
2. mutate the distinct IRs (mutate.py, `mutants_per_operator` per operator), keep
   the edits that pass the LLVM verifier and differ from every other IR;
3. link every IR (distinct levels and mutants) with the problem's harness and run
   it on the tests (sandbox, one compile step per source candidate). An equivalent
   member is an IR that passes every test; an inequivalent one is a verified mutant
   that fails at least one. Mutants that pass every test are the paper's unchecked
   cases: counted per operator ("survived") and dropped.

A group holds every source language's equivalent IRs together (cross-language
groups: all are IR, measured against the same tests), and needs `min_equivalent`
distinct equivalent and `min_inequivalent` inequivalent members. Its `prompt`, the one
every member is trained under, is one source program's: its first equivalent member's.
"""

from __future__ import annotations

import hashlib
import random
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from irgroups import languages
from irgroups.execute import MEMORY_LIMIT, PASSED, RUNTIME_ERROR, TIMEOUT
from irgroups.llvm import mutate
from irgroups.llvm.frontends import FRONTENDS, SkipCandidate
from irgroups.llvm.jobs import IRRun, emit_job, exec_job, parse_emission, parse_exec
from irgroups.llvm.prompt import LLVM_IR_PROMPT, llvm_prompt
from irgroups.llvm.tokens import counter
from irgroups.llvm.toolchain import LEVELS, LLVMTools, find, run_helper
from irgroups.problems.model import Problem
from irgroups.sandbox import base as sb
from irgroups.verifier import Verifier

KIND = "llvm-ir"
_KIND_OF = {TIMEOUT: "timeout", MEMORY_LIMIT: "memory_limit", RUNTIME_ERROR: "runtime_error"}


@dataclass
class LLVMConfig:
    levels: tuple[str, ...] = LEVELS
    mutants_per_operator: int = 2  # tried per operator and source candidate
    mutant_runs: int = 2  # a mutant is kept only if it fails on every one of these runs
    max_sources_per_lang: int = 1  # passing candidates per (problem, language) compiled to IR
    min_equivalent: int = 2
    min_inequivalent: int = 2
    max_equivalent: int | None = None  # keep at most this many (see pick)
    max_inequivalent: int | None = 8
    max_tokens: int | None = None  # drop members longer than this
    pick: str = "shortest"  # which members a cap keeps: "shortest" or "first" (level order)
    tokenizer: str | None = None  # local HF tokenizer file/dir; None: cl100k pre-token rule
    seed: int = 0
    limits: sb.Limits = field(default_factory=lambda: sb.Limits(run_seconds=5.0, compile_seconds=120.0,
                                                                  file_size_mb=96))
    prompt_template: str = LLVM_IR_PROMPT


@dataclass
class SourceResult:
    """Everything learnt from one passing source candidate."""

    problem_id: str
    lang: str
    candidate_id: str
    code: str
    skipped: str = ""
    emitted: dict[str, str] = field(default_factory=dict)  # level -> raw IR
    emit_errors: dict[str, str] = field(default_factory=dict)
    normalise_errors: dict[str, str] = field(default_factory=dict)
    distinct: list[tuple[str, list[str]]] = field(default_factory=list)  # (IR, levels)
    ir_runs: list[IRRun] = field(default_factory=list)
    mutants: list[tuple[mutate.Mutant, list[str]]] = field(default_factory=list)  # verified, (mutant, levels)
    mutant_runs: list[IRRun] = field(default_factory=list)
    op_counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:24]


def entry_symbol(ir: str, lang: str, fn: str) -> str:
    for m in re.finditer(r"^define [^@]*@([\w.$]+)\(", ir, re.M):
        name = m.group(1)
        if FRONTENDS[lang].is_entry_symbol(name, fn):
            return name
    return fn


def process_source(problem: Problem, lang: str, cand: dict[str, Any], sandbox: sb.Sandbox, tools: LLVMTools,
                   cfg: LLVMConfig, slot: int = 0) -> SourceResult:
    res = SourceResult(problem.problem_id, lang, cand["candidate_id"], cand["code"])
    fe = FRONTENDS[lang]
    try:
        unit = fe.unit(problem, cand["code"])
    except SkipCandidate as e:
        res.skipped = str(e)
        return res
    emitted, errors = parse_emission(sandbox.run(emit_job(unit, cfg.limits), slot=slot))
    res.emitted = {lvl: ir for lvl, ir in emitted.items() if lvl in cfg.levels}
    res.emit_errors = {lvl: e for lvl, e in errors.items() if lvl in cfg.levels}
    order = [lvl for lvl in cfg.levels if lvl in res.emitted]
    answers = run_helper(tools.lib, [{"op": "normalise", "ir": res.emitted[lvl]} for lvl in order])
    by_text: dict[str, list[str]] = {}
    for lvl, ans in zip(order, answers):
        if ans["ok"]:
            by_text.setdefault(ans["ir"], []).append(lvl)
        else:
            res.normalise_errors[lvl] = ans["error"][:500]
    res.distinct = list(by_text.items())
    if not res.distinct:
        return res

    # mutants: per operator, k sites drawn over all distinct IRs
    rng = random.Random(f"{cfg.seed}|{cand['candidate_id']}")
    proposals: list[tuple[mutate.Mutant, list[str]]] = []
    for op in mutate.OPERATORS:
        pool: list[tuple[mutate.Mutant, list[str]]] = []
        for ir, levels in res.distinct:
            pool += [(m, levels) for m in mutate.mutants(ir, op, rng, cfg.mutants_per_operator)]
        rng.shuffle(pool)
        proposals += pool[:cfg.mutants_per_operator]
    answers = run_helper(tools.lib, [{"op": "canonical", "ir": m.text} for m, _ in proposals])
    seen = set(by_text)
    for (m, levels), ans in zip(proposals, answers):
        counts = res.op_counts[m.operator]
        counts["generated"] += 1
        if not ans["ok"]:
            counts["invalid"] += 1
            continue
        if ans["ir"] in seen:
            counts["duplicate"] += 1
            continue
        seen.add(ans["ir"])
        res.mutants.append((mutate.Mutant(m.operator, ans["ir"], m.line, m.detail), levels))

    irs = [ir for ir, _ in res.distinct] + [m.text for m, _ in res.mutants]
    ej = exec_job(problem, lang, irs, tools.lib, cfg.limits,
                  repeats=[1] * len(res.distinct) + [cfg.mutant_runs] * len(res.mutants))
    runs = parse_exec(ej, sandbox.run(ej.job, slot=slot), problem)
    res.ir_runs = runs[:len(res.distinct)]
    res.mutant_runs = runs[len(res.distinct):]
    for (m, _), run in zip(res.mutants, res.mutant_runs):
        counts = res.op_counts[m.operator]
        if not run.built:
            counts["build_failed"] += 1
        elif run.flaky:
            counts["flaky"] += 1
        elif run.passed:
            counts["survived"] += 1
        else:
            counts["kept"] += 1
    return res


def _kind(run: IRRun) -> str:
    assert run.verdict is not None
    return _KIND_OF.get(run.verdict.status, "wrong_output")


def _select(members: list[dict[str, Any]], cap: int | None, pick: str, key: str) -> list[dict[str, Any]]:
    """Round-robin over `key` (source language / operator) so a cap keeps variety; shortest first."""
    if cap is None or len(members) <= cap:
        return members
    buckets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in members:
        buckets[m[key]].append(m)
    if pick == "shortest":
        for b in buckets.values():
            b.sort(key=lambda m: m["tokens"])
    out: list[dict[str, Any]] = []
    while len(out) < cap:
        for k in sorted(buckets):
            if buckets[k] and len(out) < cap:
                out.append(buckets[k].pop(0))
        if not any(buckets.values()):
            break
    return out


def _dist(xs: list[int]) -> dict[str, float]:
    if not xs:
        return {}
    return {"n": len(xs), "min": min(xs), "median": float(statistics.median(xs)),
            "mean": round(statistics.mean(xs), 1), "max": max(xs)}


def make_llvm_groups(problems: list[Problem], candidates: list[dict[str, Any]], labels: list[dict[str, Any]],
                     verifier: Verifier, config: LLVMConfig | None = None,
                     on_done: Callable[[], None] | None = None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """One llvm-ir group row per problem that gets one (schema: irgroups.llvm.schema.LLVM_GROUPS), and
    stats. Source candidates are processed `verifier.workers` at a time in its sandbox."""
    cfg = config or LLVMConfig()
    tools = find()
    by_id = {c["candidate_id"]: c for c in candidates}
    pmap = {p.problem_id: p for p in problems}
    passing: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for lab in labels:
        c = by_id.get(lab["candidate_id"])
        if c and lab["equivalent"] and c["lang"] in tools.front_ends and c["problem_id"] in pmap:
            passing[(c["problem_id"], c["lang"])].append(c)
    jobs: list[tuple[Problem, str, dict[str, Any]]] = []
    for (pid, lang), cands in sorted(passing.items()):
        cands.sort(key=lambda c: (c["origin"] != "reference", c["candidate_id"]))
        jobs += [(pmap[pid], lang, c) for c in cands[:cfg.max_sources_per_lang]]

    def work(i: int, slot: int) -> SourceResult:
        p, lang, c = jobs[i]
        try:
            return process_source(p, lang, c, verifier.sandbox, tools, cfg, slot=slot)
        finally:
            if on_done:
                on_done()

    done = dict(verifier.map(work, range(len(jobs))))
    return assemble(problems, [done[i] for i in range(len(jobs))], tools, cfg)


def assemble(problems: list[Problem], results: list[SourceResult], tools: LLVMTools,
             cfg: LLVMConfig) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    tok_name, count = counter(cfg.tokenizer)
    pmap = {p.problem_id: p for p in problems}
    by_problem: dict[str, list[SourceResult]] = defaultdict(list)
    for r in results:
        by_problem[r.problem_id].append(r)

    levels_stats: dict[str, Counter[str]] = {lvl: Counter() for lvl in cfg.levels}
    op_report: dict[str, Counter[str]] = {op: Counter() for op in mutate.OPERATORS}
    skipped: Counter[str] = Counter()
    no_group: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    tokens_by_level: dict[str, list[int]] = defaultdict(list)
    failures: list[dict[str, str]] = []
    distinct_per_source: list[int] = []
    rows: list[dict[str, Any]] = []
    member_tokens: dict[str, list[int]] = {"equivalent": [], "inequivalent": []}
    toolchain = f"libLLVM {tools.llvm_version}; " + "; ".join(f"{k}: {v}" for k, v in tools.front_ends.items())

    for problem in problems:
        srcs = by_problem.get(problem.problem_id, [])
        equivalent: list[dict[str, Any]] = []
        inequivalent: list[dict[str, Any]] = []
        for r in srcs:
            if r.skipped:
                skipped[f"{r.lang}: {r.skipped}"] += 1
                continue
            for lvl in cfg.levels:
                st = levels_stats[lvl]
                if lvl in r.emitted:
                    st[f"emitted_{r.lang}"] += 1
                else:
                    st[f"emit_failed_{r.lang}"] += 1
                if lvl in r.normalise_errors:
                    st[f"normalise_failed_{r.lang}"] += 1
            distinct_per_source.append(len(r.distinct))
            for op, c in r.op_counts.items():
                op_report[op].update(c)
            fn = languages.get(r.lang).function_name(problem.entry_point)
            prompt_cache: dict[str, str] = {}
            for (ir, levels), run in zip(r.distinct, r.ir_runs):
                st = levels_stats[levels[0]]
                st[f"distinct_{r.lang}"] += 1
                for lvl in levels[1:]:
                    levels_stats[lvl][f"duplicate_of_lower_level_{r.lang}"] += 1
                n_tok = count(ir)
                for lvl in levels:
                    tokens_by_level[f"{r.lang}:{lvl}"].append(n_tok)
                if not run.passed:
                    st[f"ir_not_equivalent_{r.lang}"] += 1
                    failures.append({"problem_id": r.problem_id, "lang": r.lang, "levels": "+".join(levels),
                                     "why": run.error or (run.verdict.status if run.verdict else "?")})
                    continue
                if cfg.max_tokens is not None and n_tok > cfg.max_tokens:
                    dropped["equivalent over max_tokens"] += 1
                    continue
                entry = entry_symbol(ir, r.lang, fn)
                if entry not in prompt_cache:
                    triple = re.search(r'^target triple = "([^"]+)"', ir, re.M)
                    prompt_cache[entry] = llvm_prompt(problem, r.lang, r.code, entry,
                                                      triple.group(1) if triple else "x86_64-unknown-linux-gnu",
                                                      cfg.prompt_template)
                assert run.verdict is not None
                equivalent.append({
                    "lang": KIND, "code": ir, "candidate_id": _hash(KIND, ir),
                    "origin": f"llvm:{r.lang}:{'+'.join(levels)}", "prompt": prompt_cache[entry], "kind": None,
                    "tests_passed": run.verdict.tests_passed, "tests_total": run.verdict.tests_total,
                    "source_lang": r.lang, "source_candidate_id": r.candidate_id, "levels": levels,
                    "mutation": None, "tokens": n_tok,
                })
            base_prompt = next(iter(prompt_cache.values()), None)
            for (m, levels), run in zip(r.mutants, r.mutant_runs):
                if not run.failed:
                    continue
                n_tok = count(m.text)
                if cfg.max_tokens is not None and n_tok > cfg.max_tokens:
                    dropped["inequivalent over max_tokens"] += 1
                    continue
                if base_prompt is None:
                    dropped["mutant of a source with no equivalent IR"] += 1
                    continue
                assert run.verdict is not None
                inequivalent.append({
                    "lang": KIND, "code": m.text, "candidate_id": _hash(KIND, m.text),
                    "origin": f"llvm-mutant:{m.operator}", "prompt": base_prompt, "kind": _kind(run),
                    "tests_passed": run.verdict.tests_passed, "tests_total": run.verdict.tests_total,
                    "source_lang": r.lang, "source_candidate_id": r.candidate_id, "levels": levels,
                    "mutation": f"{m.operator}: {m.detail} (line {m.line + 1})", "tokens": n_tok,
                })
        equivalent = _select(equivalent, cfg.max_equivalent, cfg.pick, "source_lang")
        inequivalent = _select(inequivalent, cfg.max_inequivalent, cfg.pick, "origin")
        if not srcs:
            no_group["no passing candidate with an LLVM front end"] += 1
            continue
        if len(equivalent) < cfg.min_equivalent:
            no_group[f"fewer than {cfg.min_equivalent} equivalent IRs"] += 1
            continue
        if len(inequivalent) < cfg.min_inequivalent:
            no_group[f"fewer than {cfg.min_inequivalent} inequivalent IRs"] += 1
            continue
        ids = sorted(m["candidate_id"] for m in equivalent + inequivalent)
        # The group's one prompt (GEPO compares rewards under one x; every member, whatever source
        # its IR was compiled from, is trained under it): the prompt of the first equivalent member
        # after _select. Deterministic: sources come in (language, reference first, candidate id)
        # order and _select's round-robin starts at the first language in sorted order, so it is
        # that language's first source (under a `pick shortest` cap: the one with the shortest IR).
        prompt = equivalent[0]["prompt"]
        member_tokens["equivalent"] += [m["tokens"] for m in equivalent]
        member_tokens["inequivalent"] += [m["tokens"] for m in inequivalent]
        rows.append({
            "group_id": _hash(KIND, problem.problem_id, ",".join(ids)), "problem_id": problem.problem_id,
            "kind": KIND, "source_lang": pmap[problem.problem_id].source_lang,
            "source_code": problem.source_code, "prompt": prompt, "langs": [KIND],
            "ir_source_langs": sorted({m["source_lang"] for m in equivalent}),
            "equivalent": equivalent, "inequivalent": inequivalent, "toolchain": toolchain,
        })

    stats: dict[str, Any] = {
        "kind": KIND,
        "groups": len(rows),
        "cross_language_groups": sum(1 for r in rows if len(r["ir_source_langs"]) > 1),
        "equivalent_members": sum(len(r["equivalent"]) for r in rows),
        "inequivalent_members": sum(len(r["inequivalent"]) for r in rows),
        "sources": len(results),
        "skipped_sources": dict(skipped),
        "no_group": dict(no_group),
        "dropped": dict(dropped),
        "levels": {lvl: dict(c) for lvl, c in levels_stats.items()},
        "distinct_irs_per_source": _dist(distinct_per_source),
        "operators": {op: {k: c.get(k, 0) for k in ("generated", "invalid", "duplicate", "build_failed",
                                                       "flaky", "survived", "kept")}
                      for op, c in op_report.items()},
        "equivalent_ir_failures": failures[:50],
        "tokenizer": tok_name,
        "tokens_by_level": {k: _dist(v) for k, v in sorted(tokens_by_level.items())},
        "tokens_members": {k: _dist(v) for k, v in member_tokens.items()},
        "toolchain": toolchain,
        "toolchain_missing": dict(tools.missing),
    }
    return rows, stats


def reexecute(problem: Problem, members: list[dict[str, Any]], sandbox: sb.Sandbox,
              limits: sb.Limits | None = None) -> list[IRRun]:
    """Run llvm-ir members again (each with its source language's harness), in member order."""
    tools = find()
    out: dict[int, IRRun] = {}
    by_lang: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        by_lang[m["source_lang"]].append(i)
    for lang, idx in by_lang.items():
        ej = exec_job(problem, lang, [members[i]["code"] for i in idx], tools.lib,
                      limits or LLVMConfig().limits)
        for i, run in zip(idx, parse_exec(ej, sandbox.run(ej.job), problem)):
            out[i] = run
    return [out[i] for i in range(len(members))]


__all__ = ["LLVMConfig", "make_llvm_groups", "reexecute", "PASSED", "KIND"]
