"""The data of the group browser (`<report>/groups.html`): every group of a run, compactly.

One JSON blob holds the whole run, so the page needs no server and no network. Most of a run's
bytes are member code, and the members of a group are near copies of one another (a mutant
changes a line, a rewrite a few), so only the group's *diff base* (its `reference` member, else
its first equivalent one) is stored whole; every other member is stored as line edits against
it, which is also the diff the page shows. A full build (489 groups, 5,244 members, 2.1 MB of
member code): a 1.26 MB page, written in 0.2-0.5 s, loaded by Chromium in about 0.3 s.

    base member's code    "line\\nline\\n..."
    other members' code   [[0, 12], "changed line", [13, 20]]  -- [i, j]: base lines i..j-1;
                          a string: a line of the member's own; base lines not copied are deleted

A member is a list laid out as `MEMBER_LAYOUT` says, its origin and kind indices into the blob's
`origins` and `kinds` (kinds[0] is null: equivalent); as dicts with names, the members' fields
took more room than their code.

An inequivalent member carries its first failing test (labels' `failed_tests` index into the
problem's original tests followed by its amplified ones); the tests a page needs are stored
once per problem, arguments rendered as JSON and cut at `MAX_VALUE_CHARS`.
"""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from irgroups.columns import read_columns, read_leaves

Ops = list[Any]  # [i, j] pairs and str lines

MEMBER_FIELDS = ["code", "candidate_id", "origin", "kind", "tests_passed", "tests_total"]
# per stage: the top-level columns the browser shows (llvm_groups rows have no `lang`: all are IR)
GROUP_COLUMNS = {"groups": ["group_id", "problem_id", "lang", "prompt", "tests", "amplified_tests",
                            "mutation_score_original", "mutation_score"],
                 "llvm_groups": ["group_id", "problem_id", "prompt"]}
# a failing test's arguments can be a 10,000-element list; what a reader can take in is far shorter
MAX_VALUE_CHARS = 300
# an embedded member: [origin index, kind index, candidate_id, tests_passed, tests_total, code(, fail)]
# where fail is [first failing test, failed original, failed amplified]
MEMBER_LAYOUT = ["origin", "kind", "id", "passed", "total", "code", "fail"]
CODE, FAIL = MEMBER_LAYOUT.index("code"), MEMBER_LAYOUT.index("fail")


def line_ops(base: list[str], lines: list[str]) -> Ops:
    """`lines` as edits of `base`: copied ranges [i, j] and the member's own lines."""
    ops: Ops = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, base, lines, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append([i1, i2])
        else:  # replace / insert; a delete is what is not copied
            ops.extend(lines[j1:j2])
    return ops


def apply_ops(base: list[str], ops: Ops) -> list[str]:
    out: list[str] = []
    for op in ops:
        out.extend(base[op[0]:op[1]] if isinstance(op, list) else [op])
    return out


def decode_code(group: dict[str, Any], index: int) -> str:
    """Member `index` (of equivalent + inequivalent) of an embedded group, as its full code."""
    members = group["eq"] + group["ne"]
    code = members[index][CODE]
    if isinstance(code, str):
        return code
    return "\n".join(apply_ops(members[group["base"]][CODE].split("\n"), code))


def family(origin: str) -> str:
    """`rewrite:rename+commute` -> `rewrite`: what the origin filter offers."""
    return origin.split(":", 1)[0]


def _short(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= MAX_VALUE_CHARS else f"{text[:MAX_VALUE_CHARS]}… ({len(text):,} chars)"


class _Problems:
    """The tests of each problem, read once; `test()` registers the ones a page shows."""

    def __init__(self, run: Path) -> None:
        self.rows: dict[str, dict[str, Any]] = {}
        if (run / "problems").is_dir():
            cols = ["problem_id", "entry_point", "signature", "tests", "amplified_tests"]
            self.rows = {r["problem_id"]: r for r in read_columns(run, "problems", cols).to_pylist()}
        self.tests: dict[str, tuple[list[Any], list[Any]]] = {}
        self.out: dict[str, dict[str, Any]] = {}

    def test(self, pid: str, index: int) -> bool:
        """Whether the problem has test `index`; if so it is in `self.out[pid]["tests"]`."""
        row = self.rows.get(pid)
        if row is None:
            return False
        if pid not in self.tests:
            self.tests[pid] = (json.loads(row["tests"]), json.loads(row["amplified_tests"] or "[]"))
            self.out[pid] = {"entry": row["entry_point"], "params": [p["name"] for p in row["signature"]["params"]],
                             "original": len(self.tests[pid][0]), "tests": {}}
        original, amplified = self.tests[pid]
        every = original + amplified
        if not 0 <= index < len(every):
            return False
        t = every[index]
        self.out[pid]["tests"][str(index)] = {"args": [_short(a) for a in t["args"]],
                                              "expected": _short(t["expected"])}
        return True


def _first_failures(run: Path) -> dict[tuple[str, str], list[int]]:
    """(problem, candidate) -> [first failing test, failed original, failed amplified]."""
    if not (run / "labels").is_dir():
        return {}
    cols = ["problem_id", "candidate_id", "equivalent", "failed_tests", "failed_original", "failed_amplified"]
    return {(r["problem_id"], r["candidate_id"]): [min(r["failed_tests"]), r["failed_original"] or 0,
                                                   r["failed_amplified"] or 0]
            for r in read_columns(run, "labels", cols).to_pylist()
            if not r["equivalent"] and r["failed_tests"]}


class _Interned:
    """Strings stored once, referred to by index."""

    def __init__(self, first: list[str | None]) -> None:
        self.values = first
        self.index = {v: i for i, v in enumerate(first)}

    def __call__(self, value: str | None) -> int:
        if value not in self.index:
            self.index[value] = len(self.values)
            self.values.append(value)
        return self.index[value]


def collect_groups(run: Path) -> dict[str, Any]:
    """Everything groups.html shows, as one JSON-ready dict (see the module docstring)."""
    problems = _Problems(run)
    failures = _first_failures(run)
    groups: list[dict[str, Any]] = []
    origins, kinds = _Interned([]), _Interned([None])
    first_prompt: dict[str, int] = {}  # problem -> the group whose prompt is stored whole
    for stage, columns in GROUP_COLUMNS.items():
        if not (run / stage).is_dir():
            continue
        leaves = [f"{side}.list.element.{f}" for side in ("equivalent", "inequivalent") for f in MEMBER_FIELDS]
        for row in read_leaves(run, stage, columns + leaves):
            pid = row["problem_id"]
            rows = row["equivalent"] + row["inequivalent"]
            if not rows:
                continue
            base = next((i for i, m in enumerate(row["equivalent"]) if m["origin"] == "reference"), 0)
            base_lines = rows[base]["code"].split("\n")
            members: list[list[Any]] = []
            for i, m in enumerate(rows):
                equivalent = i < len(row["equivalent"])
                code = m["code"] if i == base else line_ops(base_lines, m["code"].split("\n"))
                member = [origins(m["origin"]), kinds(None if equivalent else m["kind"]), m["candidate_id"],
                          m["tests_passed"], m["tests_total"], code]
                fail = None if equivalent else failures.get((pid, m["candidate_id"]))
                if fail and problems.test(pid, fail[0]):
                    member.append(fail)
                members.append(member)
            eq, ne = members[:len(row["equivalent"])], members[len(row["equivalent"]):]
            group: dict[str, Any] = {"id": row["group_id"], "pid": pid, "lang": row.get("lang") or "llvm-ir",
                                     "stage": stage, "eq": eq, "ne": ne, "base": base}
            key = f"{stage}/{pid}"
            if key in first_prompt:
                whole = groups[first_prompt[key]]["prompt"]
                group["prompt"] = {"from": first_prompt[key], "ops": line_ops(whole.split("\n"), row["prompt"].split("\n"))}
            else:
                first_prompt[key] = len(groups)
                group["prompt"] = row["prompt"]
            if stage == "groups":
                group["tests"] = [row["tests"], row["amplified_tests"]]
                group["score"] = [row["mutation_score_original"], row["mutation_score"]]
            groups.append(group)
    return {"run": str(run), "member_layout": MEMBER_LAYOUT, "origins": origins.values, "kinds": kinds.values,
            "groups": groups, "problems": problems.out}


def write_groups_browser(run: Path, out: Path, page_size: int = 20) -> Path | None:
    """`out`/groups.html for `run`; None when the run has no groups yet."""
    from irgroups.report.browser import render_page

    if not any((run / stage).is_dir() for stage in GROUP_COLUMNS):
        return None
    data = collect_groups(run)
    data["page_size"] = page_size
    out.mkdir(parents=True, exist_ok=True)
    path = out / "groups.html"
    path.write_text(render_page(data))
    return path
