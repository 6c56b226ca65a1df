"""Collect a run's figures (and any evaluations), render HTML + markdown + PNGs.

    <out>/report.html   self-contained: every image is a base64 data URI
    <out>/report.md     the same tables, images linked as files
    <out>/*.png
    <out>/groups.html   the group browser (irgroups/report/groups.py), linked from report.html
"""

from __future__ import annotations

import base64
import html
import json
from collections import Counter
from pathlib import Path
from typing import Any

from irgroups import strength
from irgroups.columns import read_columns, read_leaves
from irgroups.report import plots
from irgroups.report.groups import write_groups_browser

# what the failure kinds and irgroups.strength read of a label
LABEL_COLUMNS = ["problem_id", "lang", "origin", "equivalent", "kind", "failed_original"]


def collect(run: Path, evals: list[Path]) -> dict[str, Any]:
    data: dict[str, Any] = {"run": str(run)}
    if (run / "executions").is_dir():
        ex = read_columns(run, "executions", ["lang", "status"]).to_pylist()
        per: dict[str, Counter[str]] = {}
        for r in ex:
            per.setdefault(r["lang"], Counter())[r["status"]] += 1
        data["pass_rate"] = {lang: {"passed": c["passed"], "total": sum(c.values())} for lang, c in sorted(per.items())}
    labels = read_columns(run, "labels", LABEL_COLUMNS).to_pylist() if (run / "labels").is_dir() else None
    if labels is not None:
        kinds = Counter(r["kind"] for r in labels if r["kind"])
        data["failure_kinds"] = dict(sorted(kinds.items()))
    sizes: list[int] = []
    for stage in ("groups", "llvm_groups"):
        if (run / stage).is_dir():
            # one small leaf per member keeps the lists' lengths without reading the members' code
            rows = read_leaves(run, stage, ["equivalent.list.element.lang", "inequivalent.list.element.lang"])
            sizes += [len(r["equivalent"]) + len(r["inequivalent"]) for r in rows]
    data["group_sizes"] = sizes
    if (run / "problems").is_dir():
        data["tests_per_problem"] = [len(json.loads(t)) for t in
                                     read_columns(run, "problems", ["tests"])["tests"].to_pylist()]
    if labels is not None:
        scores = [v for v in strength.problem_scores(labels).values() if v["mutants"]]
        data["mutation_scores"] = {"original": [v["score_original"] for v in scores],
                                   "with amplified tests": [v["score"] for v in scores]}
        data["survivors_killed"] = strength.survivors_killed(labels)
    found = list(evals) + sorted(p.parent for p in run.glob("eval*/scores.json"))
    data["evaluations"] = []
    for d in dict.fromkeys(found):
        scores = json.loads((d / "scores.json").read_text())
        data["evaluations"].append({"dir": str(d), **scores})
    return data


def _figures(data: dict[str, Any]) -> list[tuple[str, str, bytes]]:
    figs: list[tuple[str, str, bytes]] = []
    if data.get("pass_rate"):
        langs = list(data["pass_rate"])
        rates = [v["passed"] / v["total"] if v["total"] else 0.0 for v in data["pass_rate"].values()]
        figs.append(("pass_rate.png", "Pass rate of candidates per language",
                     plots.bars(langs, rates, "Candidates passing every test", "pass rate", 1.0)))
    if data.get("failure_kinds"):
        k = data["failure_kinds"]
        figs.append(("failure_kinds.png", "Inequivalent candidates by kind of failure",
                     plots.bars(list(k), list(k.values()), "Failure kinds", "candidates", value_format="{:,.0f}")))
    if data.get("group_sizes"):
        figs.append(("group_sizes.png", "Members per group",
                     plots.histogram(data["group_sizes"], "Group sizes", "members per group")))
    if data.get("tests_per_problem"):
        figs.append(("tests_per_problem.png", "Original tests per problem (amplified ones not counted)",
                     plots.histogram(data["tests_per_problem"], "Original tests per problem", "tests")))
    if data.get("mutation_scores", {}).get("original"):
        figs.append(("mutation_scores.png", "Test strength per problem: share of compiled mutants killed",
                     plots.score_histograms(data["mutation_scores"], "Mutation score per problem",
                                            "share of compiled mutants killed")))
    for i, ev in enumerate(data["evaluations"]):
        rows = ev["per_language"]
        keys = sorted({k for r in rows for k in r if k.startswith("pass@")}, key=lambda k: int(k[5:]))
        if not rows or not keys:
            continue
        labels = [f"{r['benchmark']}/{r['lang']}" for r in rows]
        series = {k: [float(r.get(k, 0.0)) for r in rows] for k in keys}
        figs.append((f"eval_{i}_pass_at_k.png", f"pass@k per language ({_cs_mode(ev)})",
                     plots.grouped_bars(labels, series, "pass@k per benchmark and language", "pass@k")))
    return figs


def _cs_mode(ev: dict[str, Any]) -> str:
    return ("C# scored with structural equality (corrected)" if ev.get("structural_equality")
            else "C# scored faithfully, as MultiPL-E's harness does")


def _tables(data: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]]]]:
    tables = []
    if data.get("pass_rate"):
        tables.append(("Candidates per language", ["language", "passed", "total", "pass rate"],
                       [[lang, str(v["passed"]), str(v["total"]), f"{v['passed'] / max(v['total'], 1):.3f}"]
                        for lang, v in data["pass_rate"].items()]))
    if data.get("failure_kinds"):
        tables.append(("Failure kinds", ["kind", "candidates"],
                       [[k, str(v)] for k, v in data["failure_kinds"].items()]))
    if data.get("survivors_killed"):
        tables.append(("Survivors of the original tests killed by the amplified tests",
                       ["language", "operator", "survivors", "killed"],
                       [[lang, op, str(c["survivors"]), str(c["killed"])]
                        for lang, ops in data["survivors_killed"].items() for op, c in ops.items()]))
    for ev in data["evaluations"]:
        rows = ev["per_language"]
        keys = sorted({k for r in rows for k in r if k.startswith("pass@")}, key=lambda k: int(k[5:]))
        tables.append((f"Evaluation {ev['dir']}: {_cs_mode(ev)}",
                       ["benchmark", "language", "problems", "samples", *keys, "not scored"],
                       [[r["benchmark"], r["lang"], str(r["problems"]), str(r["samples"]),
                         *[f"{r[k]:.4f}" if k in r else "-" for k in keys],
                         json.dumps(r.get("problems_not_scored", {}))] for r in rows]))
    return tables


MARKER_SCRIPT = """<script>
window.addEventListener('load', function () {
  var imgs = Array.prototype.slice.call(document.images);
  var ok = imgs.length > 0 && imgs.every(function (i) { return i.complete && i.naturalWidth > 0; });
  document.body.setAttribute('data-images-loaded', ok ? 'all-' + imgs.length : 'failed');
});
</script>"""


def build_report(run: Path, out: Path, evals: list[Path] | None = None) -> dict[str, Path]:
    """report.html, report.md, the PNGs and (when the run has groups) groups.html in `out`."""
    data = collect(run, evals or [])
    figs = _figures(data)
    tables = _tables(data)
    out.mkdir(parents=True, exist_ok=True)
    for name, _, png in figs:
        (out / name).write_bytes(png)
    h = ["<!doctype html>", "<html><head><meta charset='utf-8'><title>irgroups report</title>",
         "<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}table{border-collapse:collapse}"
         "td,th{border:1px solid #ccc;padding:3px 8px}img{max-width:100%}</style>", MARKER_SCRIPT,
         "</head><body>", f"<h1>irgroups report: {html.escape(str(run))}</h1>"]
    md = [f"# irgroups report: {run}", ""]
    browser = write_groups_browser(run, out)
    if browser is not None:
        n = len(data["group_sizes"])
        h.append(f"<p><a href='{browser.name}'>Browse the {n:,} groups</a>: members side by side, each diffed "
                 "against the group's reference, with each inequivalent member's first failing test.</p>")
        md += [f"[Browse the {n:,} groups]({browser.name}) (members side by side, diffs, first failing tests)", ""]
    for title, header, rows in tables:
        h.append(f"<h2>{html.escape(title)}</h2><table><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in header)
                 + "</tr>" + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
                 + "</table>")
        md += [f"## {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        md += ["| " + " | ".join(r) + " |" for r in rows]
        md.append("")
    for name, caption, png in figs:
        uri = "data:image/png;base64," + base64.b64encode(png).decode()
        h.append(f"<figure><img alt='{html.escape(caption)}' src='{uri}'><figcaption>{html.escape(caption)}"
                 "</figcaption></figure>")
        md += [f"![{caption}]({name})", ""]
    h.append("</body></html>")
    (out / "report.html").write_text("\n".join(h))
    (out / "report.md").write_text("\n".join(md))
    paths = {"html": out / "report.html", "markdown": out / "report.md"}
    if browser is not None:
        paths["groups"] = browser
    return paths
