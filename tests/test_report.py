"""report: a self-contained HTML page whose plots load in headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_publish import build_tiny_run

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (apt-get install -y chromium)")
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
    dom = subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,3000",
                          "--virtual-time-budget=5000", "--dump-dom", (out / "report.html").as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert 'data-images-loaded="all-6"' in dom.stdout, dom.stdout[-500:] + dom.stderr[-500:]
