"""report: a self-contained HTML page whose plots load in headless Chromium, and groups.html,
the group browser, driven in headless Chromium by a script added to a copy of the page."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from irgroups.problems.model import Problem
from irgroups.report import collect_groups, write_groups_browser
from irgroups.report.groups import CODE, FAIL, MEMBER_LAYOUT, apply_ops, decode_code, line_ops
from irgroups.shards import read_stage
from tests.test_publish import build_tiny_run

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (apt-get install -y chromium)")


def _dom(page: Path, profile: Path) -> subprocess.CompletedProcess[str]:
    """The page's DOM after its scripts ran (no network is touched: the pages are self-contained)."""
    return subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           "--no-first-run", f"--user-data-dir={profile}", "--window-size=1200,3000",
                           "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120)


@needs_chromium
def test_report_renders_with_images(tmp_path: Path) -> None:
    run = build_tiny_run(tmp_path / "run")
    ev = run / "eval-fixture"
    ev.mkdir()
    (ev / "scores.json").write_text(json.dumps({"structural_equality": False, "per_language": [
        {"benchmark": "multipl-e", "lang": "rust", "problems": 3, "samples": 6, "pass@1": 0.5,
         "problems_not_scored": {}},
        {"benchmark": "multipl-e", "lang": "csharp", "problems": 3, "samples": 6, "pass@1": 0.25,
         "problems_not_scored": {}}]}))
    out = tmp_path / "report"
    r = subprocess.run([sys.executable, "-m", "irgroups.cli", "report", str(run), "--out", str(out)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    page = (out / "report.html").read_text()
    assert "src='data:image/png;base64," in page and not re.search(r"src='(?!data:)", page)
    assert "scored faithfully" in page and (out / "report.md").exists()
    assert {p.name for p in out.glob("*.png")} >= {"pass_rate.png", "failure_kinds.png", "group_sizes.png",
                                                  "tests_per_problem.png", "eval_0_pass_at_k.png",
                                                  "mutation_scores.png"}
    assert "href='groups.html'" in page and (out / "groups.html").exists()
    assert "](groups.html)" in (out / "report.md").read_text()
    assert str(out / "groups.html") in r.stdout
    dom = _dom(out / "report.html", tmp_path / "profile")
    assert 'data-images-loaded="all-6"' in dom.stdout, dom.stdout[-500:] + dom.stderr[-500:]


# --- the group browser --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real build, two compiled languages, 3 problems: 6 groups with rewrites and mutants."""
    out = tmp_path_factory.mktemp("browser") / "run"
    subprocess.run([sys.executable, "-m", "irgroups.cli", "build", "--langs", "rust,go", "--source", "bundled",
                    "--limit", "3", "--mutants", "2", "--rewrites", "2", "--amplify", "10", "--out", str(out),
                    "--no-progress", "--workers", "2"], check=True, capture_output=True, cwd=ROOT)
    return out


def test_line_ops_round_trip() -> None:
    base = ["fn f() {", "  let x = 1;", "  x + 1", "}"]
    for lines in (base, ["fn f() {", "  x + 1", "}"], ["// new", *base, "// end"], ["a", "b"], []):
        ops = line_ops(base, lines)
        assert apply_ops(base, ops) == lines
    assert line_ops(base, ["fn f() {", "  let x = 2;", "  x + 1", "}"]) == [[0, 1], "  let x = 2;", [2, 4]]


def test_browser_data(small_run: Path) -> None:
    """What groups.html embeds: every code once (the base whole, the rest as edits of it), the
    prompts, and each inequivalent member's first failing test as labels and problems say."""
    data = collect_groups(small_run)
    rows = read_stage(small_run, "groups").to_pylist()
    assert [g["id"] for g in data["groups"]] == [r["group_id"] for r in rows] and len(rows) == 6
    labels = {(r["problem_id"], r["candidate_id"]): r for r in read_stage(small_run, "labels").to_pylist()}
    problems = {r["problem_id"]: Problem.from_row(r) for r in read_stage(small_run, "problems").to_pylist()}
    blob = json.dumps(data, ensure_ascii=False)
    seen_fail = 0
    for g, row in zip(data["groups"], rows):
        members = row["equivalent"] + row["inequivalent"]
        embedded = g["eq"] + g["ne"]
        assert len(embedded) == len(members) and g["lang"] == row["lang"] and g["pid"] == row["problem_id"]
        assert members[g["base"]]["origin"] == "reference"
        assert [i for i, m in enumerate(embedded) if isinstance(m[CODE], str)] == [g["base"]]
        for i, m in enumerate(members):
            assert decode_code(g, i) == m["code"]
            assert data["origins"][embedded[i][0]] == m["origin"] and embedded[i][2] == m["candidate_id"]
            # a code is stored once: the base's whole text, no other member's
            assert blob.count(json.dumps(m["code"], ensure_ascii=False)) == (1 if i == g["base"] else 0)
        prompt = g["prompt"] if isinstance(g["prompt"], str) else \
            "\n".join(apply_ops(data["groups"][g["prompt"]["from"]]["prompt"].split("\n"), g["prompt"]["ops"]))
        assert prompt == row["prompt"]
        for m, member in zip(g["ne"], row["inequivalent"]):
            label = labels[(row["problem_id"], member["candidate_id"])]
            assert data["kinds"][m[1]] == label["kind"] == member["kind"]
            assert len(m) == len(MEMBER_LAYOUT), member  # every inequivalent member failed some test
            first, failed_original, failed_amplified = m[FAIL]
            assert first == min(label["failed_tests"])
            assert (failed_original, failed_amplified) == (label["failed_original"], label["failed_amplified"])
            problem = problems[row["problem_id"]]
            test = problem.all_tests[first]
            shown = data["problems"][row["problem_id"]]
            assert shown["tests"][str(first)] == {"args": [json.dumps(a) for a in test.args],
                                                  "expected": json.dumps(test.expected)}
            assert shown["original"] == len(problem.tests)  # first < original: an original test
            assert shown["params"] == [p.name for p in problem.signature.params]
            seen_fail += 1
        assert all(len(m) == len(MEMBER_LAYOUT) - 1 for m in g["eq"])  # no failing test on equivalent ones
    assert seen_fail > 0
    # only the tests some member failed first are embedded
    firsts = {(g["pid"], str(m[FAIL][0])) for g in data["groups"] for m in g["ne"]}
    assert {(pid, i) for pid, p in data["problems"].items() for i in p["tests"]} == firsts


# Runs after the page's own script (on load), drives it as a user would (selects, buttons) and
# writes what it saw into <pre id="test-results">; errors are caught from the first script on.
ERRORS_HOOK = ("<script>window.__errors = []; window.addEventListener('error', function (e) "
               "{ window.__errors.push(String(e.message)); });</script>")
DRIVER = """<script>
window.addEventListener('load', function () {
  var R = {};
  function groups() { return Array.prototype.slice.call(document.querySelectorAll('#groups .group')); }
  function ids() { return groups().map(function (g) { return g.getAttribute('data-group'); }); }
  function shownKinds() {  // kinds of the members shown, the diff base (always shown) left out
    return Array.prototype.slice.call(document.querySelectorAll('#groups .member'))
      .filter(function (m) { return !m.querySelector('.base'); })
      .map(function (m) { return m.getAttribute('data-kind'); });
  }
  function pick(id, value) {
    var s = document.getElementById(id); s.value = value; s.dispatchEvent(new Event('change'));
  }
  try {
    R.ready = document.body.getAttribute('data-ready');
    R.first = ids();
    R.status = document.querySelector('.status').textContent;
    R.members = document.querySelectorAll('#groups .member pre').length;
    R.columns = document.querySelectorAll('#groups .cols .col').length;
    R.prompts = document.querySelectorAll('#groups details summary').length;
    R.fails = Array.prototype.map.call(document.querySelectorAll('#groups .fail'), function (f) { return f.textContent; });
    R.diffs = document.querySelectorAll(['mutant', 'rewrite'].map(function (f) {
      return '.member[data-family="' + f + '"] .add, .member[data-family="' + f + '"] .del'; }).join(', ')).length;
    pick('f-lang', LANG);
    R.lang = ids();
    R.langs = groups().map(function (g) { return g.getAttribute('data-lang'); });
    pick('f-lang', '');
    pick('f-kind', KIND);
    R.kind = ids();
    R.kinds = shownKinds();
    pick('f-kind', '');
    document.querySelector('.next').click();
    R.page2 = ids();
    R.status2 = document.querySelector('.status').textContent;
    R.hash = location.hash;
  } catch (e) { R.driver_error = String(e); }
  R.errors = window.__errors;
  var pre = document.createElement('pre'); pre.id = 'test-results'; pre.textContent = JSON.stringify(R);
  document.body.appendChild(pre);
});
</script>"""


def _drive(page: Path, tmp_path: Path, lang: str, kind: str) -> dict[str, Any]:
    text = page.read_text()
    driver = DRIVER.replace("LANG", json.dumps(lang)).replace("KIND", json.dumps(kind))
    driven = tmp_path / "driven.html"
    driven.write_text(text.replace("<head>", "<head>" + ERRORS_HOOK, 1).replace("</body>", driver + "</body>", 1))
    dom = _dom(driven, tmp_path / "profile")
    found = re.search(r'<pre id="test-results">(.*?)</pre>', dom.stdout, re.S)
    assert found, dom.stdout[-1000:] + dom.stderr[-1000:]
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


@needs_chromium
def test_group_browser_in_chromium(small_run: Path, tmp_path: Path) -> None:
    page = write_groups_browser(small_run, tmp_path / "report", page_size=2)
    assert page is not None
    text = page.read_text()
    assert not re.search(r"(src|href)=['\"]?(https?:)?//", text)  # self-contained: nothing from the network
    data = collect_groups(small_run)
    groups = data["groups"]
    kinds_of = {g["id"]: {data["kinds"][m[1]] for m in g["ne"]} for g in groups}
    failure_kinds = sorted({k for ks in kinds_of.values() for k in ks})
    # a kind that some groups have and others lack, when there is one: the filter must drop groups
    kind = min(failure_kinds, key=lambda k: (sum(k in ks for ks in kinds_of.values()) == len(groups), k))
    lang = groups[-1]["lang"]
    r = _drive(page, tmp_path, lang, kind)
    assert r["errors"] == [] and "driver_error" not in r, r
    assert r["ready"] == "1"
    ids = [g["id"] for g in groups]
    assert r["first"] == ids[:2] and r["status"].startswith("groups 1\u20132 of 6")
    assert r["columns"] == 4 and r["prompts"] == 2 and r["members"] > 0
    assert r["diffs"] > 0  # rewrites and mutants are shown as line diffs against the reference
    assert any("first failing test (original #" in f or "did not compile" in f for f in r["fails"]), r["fails"]
    assert r["lang"] == [g["id"] for g in groups if g["lang"] == lang][:2] and set(r["langs"]) == {lang}
    assert r["lang"] != r["first"]
    assert r["kind"] == [g["id"] for g in groups if kind in kinds_of[g["id"]]][:2]
    assert r["kinds"] and set(r["kinds"]) == {kind}  # only the members of that kind (and the base)
    assert r["page2"] == ids[2:4] and "page 2 of 3" in r["status2"] and "page=2" in r["hash"]
