"""The dataset card (README.md): YAML `configs` + `dataset_info`, then what a reader needs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import datasets
import pyarrow.parquet as pq
import yaml

from irgroups import __version__
from irgroups.columns import read_columns, read_leaves
from irgroups.publish.layout import GROUP_KINDS, Layout


def provenance(run: Path) -> dict[str, Any]:
    """Sources and licences, model and sampling, toolchains: from the run's manifests and shards."""
    problems = read_columns(run, "problems", ["origin_dataset", "origin_license"]).to_pylist()
    sources = Counter((p["origin_dataset"] or "unknown", p["origin_license"] or "unknown") for p in problems)
    tools: dict[str, str] = {}
    config_hashes = set()
    for manifest in sorted(run.glob("*/manifest.json")):
        m = json.loads(manifest.read_text())
        tools.update(m.get("tools", {}))
        config_hashes.add(m.get("config_hash"))
    config: dict[str, Any] = {}
    for name in ("config.json", "build_config.json"):
        if (run / name).exists():
            config = json.loads((run / name).read_text())
    origins: Counter[str] = Counter()
    if (run / "candidates").is_dir():
        origins = Counter(o.split(":")[0] if not o.startswith("model:") else o
                          for o in read_columns(run, "candidates", ["origin"])["origin"].to_pylist())
    models = sorted(o[len("model:"):] for o in origins if o.startswith("model:"))
    return {"sources": [{"dataset": d, "license": lic, "problems": n} for (d, lic), n in sorted(sources.items())],
            "tools": tools, "config_hash": sorted(h for h in config_hashes if h), "models": models,
            "sampling": config.get("sampling"), "candidate_origins": dict(origins), "irgroups": __version__}


def group_counts(run: Path, stage: str) -> dict[str, Any]:
    # the members' language and kind only: their code is never read
    rows = read_leaves(run, stage, ["equivalent.list.element.lang", "inequivalent.list.element.lang",
                                    "inequivalent.list.element.kind"])
    per_lang: Counter[tuple[str, str]] = Counter()
    kinds: Counter[str] = Counter()
    for row in rows:
        for m in row["equivalent"]:
            per_lang[(m["lang"], "equivalent")] += 1
        for m in row["inequivalent"]:
            per_lang[(m["lang"], "inequivalent")] += 1
            kinds[m.get("kind") or "unknown"] += 1
    langs = sorted({lang for lang, _ in per_lang})
    return {"per_language": {lang: {"equivalent": per_lang[(lang, "equivalent")],
                                    "inequivalent": per_lang[(lang, "inequivalent")]}
                             for lang in langs},
            "failure_kinds": dict(sorted(kinds.items()))}


def _llvm_section(run: Path) -> list[str]:
    """The per-operator mutation report (invalid, survived-as-equivalent, kept) and IR levels."""
    from irgroups.llvm.report import card_section, merge_stats

    stats = [json.loads(p.read_text()) for p in sorted((run / "llvm_groups").glob("part-*.stats.json"))]
    return [card_section(merge_stats(stats)), ""] if stats else []


def _tests_section(run: Path) -> list[str]:
    """Amplified tests, and how strong each problem's tests are (what the labels can be trusted for)."""
    from irgroups.summary import summarise_run

    s = summarise_run(run)
    amp, ts = s.get("amplify") or {}, s.get("test_strength") or {}
    lines = ["## Tests behind the labels", "",
             "Every member was run on its problem's original tests and on *amplified* tests: extra inputs made "
             "by type-aware mutation of the original ones, whose expected values come from running the source "
             "program (each answered twice, within the limits, with values of the declared types). An input "
             "that a verified reference translation fails is dropped as outside the problem's domain. A member "
             "is equivalent only if it passes both. Verdicts were decided outside the sandbox, from the values "
             "the programs returned.", ""]
    if amp.get("proposed"):
        lines += [f"Amplified tests: {amp['kept']} kept of {amp['proposed']} proposed.", ""]
        if amp["dropped"]:
            lines += ["| dropped because | inputs |", "|---|---|"]
            lines += [f"| {k} | {v} |" for k, v in amp["dropped"].items()] + [""]
    if ts.get("problems_with_mutants"):
        lines += [f"**Test strength.** Over the {ts['problems_with_mutants']} problems with compiled mutants, the "
                  f"original tests kill on average {ts['mean_score_original']:.1%} of them, the original and "
                  f"amplified tests {ts['mean_score']:.1%}. Each group row carries its problem's scores "
                  "(`mutation_score_original`, `mutation_score`) and test counts, so weakly tested problems can "
                  "be filtered out.", "",
                  "Mutants that passed every original test (*survivors*) and were killed by the amplified tests:",
                  "", "| language | operator | survivors | killed |", "|---|---|---|---|"]
        lines += [f"| {lang} | {op} | {c['survivors']} | {c['killed']} |"
                  for lang, ops in ts["survivors_killed"].items() for op, c in ops.items()]
        lines.append("")
    return lines


def _variety_section(run: Path) -> list[str]:
    """Equivalent-set sizes, diversity and rewrite failures per language (irgroups/variety.py)."""
    from irgroups.summary import summarise_run

    per_lang = summarise_run(run)["per_language"]
    lines = ["Equivalent members per group, and how different they are (diversity: the mean share of tokens "
             "left unmatched between two equivalent members, over all pairs); rewrites are "
             "equivalence-preserving rewrites of the references, and one that failed a test is a bug of "
             "its operator, labelled by its execution like any candidate:", "",
             "| language | groups by equivalent members | with 3 or more | mean diversity | rewrites failed |",
             "|---|---|---|---|---|"]
    for lang, s in per_lang.items():
        v, r = s.get("variety") or {}, s.get("rewrites") or {}
        if not v:
            continue
        sizes = ", ".join(f"{k}: {n}" for k, n in v["equivalent_sizes"].items())
        div = "-" if v["mean_diversity"] is None else f"{v['mean_diversity']:.3f}"
        lines.append(f"| {lang} | {sizes} | {v['share_3_or_more']:.1%} | {div} | "
                     f"{r.get('failed', 0)} of {r.get('total', 0)} |")
    return lines + [""]


def _features_yaml(path: Path) -> list[dict[str, Any]]:
    features = datasets.Features.from_arrow_schema(pq.read_schema(path))
    return features._to_yaml_list()  # the same form `datasets` writes into cards


def render(run: Path, out: Path, layout: Layout, repo_id: str) -> str:
    configs = []
    infos = []
    names = list(layout.configs)
    default = next(n for n in names if n in GROUP_KINDS)
    for name in names:
        files = [{"split": s, "path": f"{name}/{s}-*"} for s in layout.configs[name]]
        entry: dict[str, Any] = {"config_name": name, "data_files": files}
        if name == default:
            entry["default"] = True
        configs.append(entry)
        first = next(iter(sorted((out / name).glob("*.parquet"))))
        infos.append({"config_name": name, "features": _features_yaml(first),
                      "splits": [{"name": s, "num_bytes": layout.num_bytes[name][s], "num_examples": n}
                                 for s, n in layout.configs[name].items()]})
    prov = provenance(run)
    licenses = sorted({s["license"] for s in prov["sources"]})
    meta = {"license": licenses[0].lower() if len(licenses) == 1 else "other", "pretty_name": repo_id,
            "tags": ["code", "gepo", "oorl", "irgroups", "program-equivalence"],
            "task_categories": ["text-generation"], "configs": configs, "dataset_info": infos}
    lines = ["---", yaml.safe_dump(meta, sort_keys=False, allow_unicode=True).rstrip(), "---", "",
             f"# {repo_id}", "",
             "IR groups for GEPO / OORL training, built with "
             f"[irgroups](https://pypi.org/project/irgroups/) {prov['irgroups']}. Each group holds programs that "
             "pass every test of a problem (*equivalent*) and near-misses that fail at least one "
             "(*inequivalent*), all answering the group's one `prompt` (GEPO compares them under one prompt); "
             "equivalence was measured by running every program in a sandbox.", "",
             "## Configs and splits", "", "| config | what | " + " | ".join(f"{s} rows" for s in ("train", "test")) + " |",
             "|---|---|---|---|"]
    for name in names:
        what = GROUP_KINDS.get(name, "on-policy RL prompt table (prompt + what the reward needs)")
        lines.append(f"| `{name}` | {what} | " + " | ".join(str(layout.configs[name].get(s, 0))
                                                             for s in ("train", "test")) + " |")
    n_test = sum(1 for s in layout.problem_split.values() if s == "test")
    lines += ["", f"Splits are made **by problem** ({len(layout.problem_split) - n_test} train, {n_test} test "
              "problems): all groups and prompts of a problem are in the same split, so no problem leaks "
              "from train to test.", ""]
    for name in names:
        if name not in GROUP_KINDS:
            continue
        counts = group_counts(run, name)
        lines += [f"## Counts: `{name}`", "", "| language | equivalent members | inequivalent members |",
                  "|---|---|---|"]
        lines += [f"| {lang} | {c['equivalent']} | {c['inequivalent']} |" for lang, c in counts["per_language"].items()]
        lines += ["", "Inequivalent members by kind of failure:", "", "| kind | members |", "|---|---|"]
        lines += [f"| {k} | {n} |" for k, n in counts["failure_kinds"].items()]
        lines.append("")
        if name == "llvm_groups":
            lines += _llvm_section(run)
        else:
            lines += _variety_section(run)
    lines += _tests_section(run)
    lines += ["## How it was made", "", "Source datasets and their licences:", "", "| dataset | licence | problems |",
              "|---|---|---|"]
    lines += [f"| {s['dataset']} | {s['license']} | {s['problems']} |" for s in prov["sources"]]
    lines.append("")
    if layout.eval_only:
        reasons = sorted(set(layout.eval_only.values()))
        lines += ["**Training-use restrictions.** " + f"{len(layout.eval_only)} problem(s) come from sources that "
                  "may be used for evaluation only: " + "; ".join(reasons) + ". They are all in the `test` split "
                  "and must not be used for training.", ""]
    else:
        lines += ["No source in this dataset carries a training-use restriction known to irgroups "
                  "(MultiPL-E, for one, does: publish never puts it in a train split).", ""]
    models = ", ".join(prov["models"]) or "none: candidates are the bundled reference translations and their mutants"
    sampling = json.dumps(prov["sampling"]) if prov["sampling"] else "not recorded in the run directory"
    lines += [f"- Candidate origins: {json.dumps(prov['candidate_origins'], sort_keys=True)}",
              f"- Model(s): {models}", f"- Sampling parameters: {sampling}",
              f"- Build configuration hash: {', '.join(prov['config_hash']) or 'unknown'}",
              f"- irgroups version: {prov['irgroups']}",
              "- Toolchains: " + "; ".join(f"{k}: {v}" for k, v in sorted(prov["tools"].items())), "",
              "## How to load", "", "```python", "import datasets", ""]
    for name in names:
        lines.append(f'{name} = datasets.load_dataset("{repo_id}", "{name}")')
    lines += ["```", "", "A local copy written with `irgroups publish RUN --to-dir DIR` loads the same way with "
              "`datasets.load_dataset(DIR, CONFIG)`.", ""]
    return "\n".join(lines)
