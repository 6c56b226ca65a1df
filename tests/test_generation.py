"""Model generation end to end, with a tiny causal LM built on the spot:
the hf backend in-process, and the openai backend against a real OpenAI-compatible
server (`transformers serve`) serving the same model."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from irgroups.shards import read_stage

pytest.importorskip("torch")
pytest.importorskip("transformers")

from tinymodel import build_tiny_model  # noqa: E402


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model")


def cli(*args: str, **kw):  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "irgroups.cli", *args], capture_output=True, text=True,
                          timeout=900, **kw)


def stage(run: Path, name: str) -> pl.DataFrame:
    df = pl.from_arrow(read_stage(run, name))
    assert isinstance(df, pl.DataFrame)
    return df


def test_hf_backend_build_end_to_end(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    res = cli("build", "--langs", "python,rust", "--limit", "3", "--backend", "hf", "--model", str(tiny),
              "--samples", "2", "--max-new-tokens", "24", "--mutants", "2", "--out", str(out), "--no-progress")
    assert res.returncode == 0, res.stdout + res.stderr
    cands = stage(out, "candidates")
    model_rows = cands.filter(pl.col("origin") == f"model:{tiny}")
    assert model_rows.height >= 1  # identical nonsense answers collapse into one candidate
    assert model_rows["raw_output"].null_count() == 0
    execs = stage(out, "executions").join(cands.select("candidate_id", "origin"), on="candidate_id")
    model_status = set(execs.filter(pl.col("origin").str.starts_with("model:"))["status"].to_list())
    assert model_status and "sandbox_error" not in model_status
    assert stage(out, "labels").height > 0
    assert stage(out, "groups").height > 0  # the references and their mutants still make groups
    prompts = stage(out, "prompts")
    assert prompts.height == 3 * 2
    assert set(prompts.columns) >= {"prompt", "problem_id", "lang", "tests", "signature", "entry_point"}
    summary = cli("stats", str(out))
    assert "format_error" in summary.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tiny: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    exe = Path(sys.executable).with_name("transformers")
    if not exe.exists():
        pytest.skip("transformers serve is not installed (pip install 'transformers[serving]')")
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with open(log, "w") as f:
        proc = subprocess.Popen([str(exe), "serve", "--host", "127.0.0.1", "--port", str(port), str(tiny)],
                                stdout=f, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if proc.poll() is not None:
                pytest.fail("transformers serve died: " + log.read_text()[-2000:])
            time.sleep(0.5)
    else:
        pytest.fail("transformers serve did not start: " + log.read_text()[-2000:])
    yield f"http://127.0.0.1:{port}/v1", log
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


def served_requests(log: Path) -> int:
    return len(re.findall(r'"POST /v1/chat/completions HTTP/1\.1" 200', log.read_text()))


def cached_answers(out: Path) -> int:
    db = out / "cache" / "requests.sqlite"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as con:
            return int(con.execute("SELECT COUNT(*) FROM answers").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_openai_backend_against_a_real_server_resumes_without_repeating(tiny: Path, server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base_url, log = server
    out = tmp_path / "run"
    args = ["build", "--langs", "rust,go", "--limit", "4", "--backend", "openai", "--model", str(tiny),
            "--base-url", base_url, "--samples", "3", "--max-new-tokens", "48", "--concurrency", "2",
            "--no-references", "--out", str(out), "--no-progress"]
    total = 4 * 2 * 3
    before = served_requests(log)
    proc = subprocess.Popen([sys.executable, "-m", "irgroups.cli", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and cached_answers(out) < 8:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    cached = cached_answers(out)
    assert 8 <= cached < total, "the kill should land mid-generation"
    time.sleep(1.0)  # let requests in flight at the kill finish on the server side
    served_first = served_requests(log) - before

    res = cli(*args)
    assert res.returncode == 0, res.stdout + res.stderr
    served_second = served_requests(log) - before - served_first
    # the restart asked only for what the first run had not finished: no answer was paid twice
    assert served_second == total - cached
    assert cached_answers(out) == total
    in_flight_lost = served_first - cached
    print(f"openai resume: total={total} cached_at_kill={cached} served_before_kill={served_first} "
          f"served_after_restart={served_second} lost_in_flight={in_flight_lost}")
    assert 0 <= in_flight_lost <= 2  # at most --concurrency requests were cut off by the kill
    cands = stage(out, "candidates")
    assert cands.height >= 1 and cands["raw_output"].null_count() == 0


def test_vllm_is_imported_only_when_chosen(tmp_path: Path) -> None:
    probe = ("import sys, irgroups.cli, irgroups.pipeline, irgroups.generate.model, irgroups.generate.backends.hf, "
             "irgroups.generate.backends.openai; print('vllm' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip() == "False"
    res = cli("build", "--langs", "rust", "--limit", "1", "--backend", "vllm", "--model", "some/model",
              "--out", str(tmp_path / "r"), "--no-progress")
    try:
        import vllm  # noqa: F401
    except ImportError:
        assert res.returncode == 2 and "pip install 'irgroups[vllm]'" in res.stderr
        assert not (tmp_path / "r" / "problems").exists()  # refused before any work


def test_model_backend_needs_a_model(tmp_path: Path) -> None:
    res = cli("build", "--backend", "hf", "--out", str(tmp_path / "r"))
    assert res.returncode == 2 and "--backend hf needs --model" in res.stderr


# ---------------------------------------------------------------- the sampling plan

def test_vllm_asks_one_request_per_sample_with_its_own_seed() -> None:
    from irgroups.generate.backends.base import Request, sample_seed
    from irgroups.generate.backends.vllm import engine_requests

    r, q = Request("a", "x"), Request("b", "y")
    first = engine_requests([(r, [0, 1]), (q, [0, 1])], seed=7)
    later = engine_requests([(r, [2, 3]), (q, [3])], seed=7)  # --samples raised to 4 on a cached run
    assert [(x.request_id, i) for x, i, _ in later] == [("a", 2), ("a", 3), ("b", 3)]
    assert [s for _, _, s in later] == [sample_seed(7, 2), sample_seed(7, 3), sample_seed(7, 3)]
    assert not {s for _, _, s in later} & {s for _, _, s in first}  # never the cached samples' seeds


def test_hf_draws_new_samples_when_samples_are_raised(tiny: Path) -> None:
    from irgroups.generate.backends.base import Request, SamplingSettings
    from irgroups.generate.backends.hf import HFBackend

    backend = HFBackend(str(tiny), SamplingSettings(samples=4, temperature=1.0, max_new_tokens=12, seed=3),
                        device="cpu")
    got: dict[tuple[str, int], str] = {}
    reqs = [Request("a", "Translate this."), Request("b", "Translate that, please.")]
    backend.generate([(r, [0, 1]) for r in reqs], lambda r, i, t: got.__setitem__((r.request_id, i), t))
    backend.generate([(r, [2, 3]) for r in reqs], lambda r, i, t: got.__setitem__((r.request_id, i), t))
    for rid in ("a", "b"):
        assert {got[(rid, 2)], got[(rid, 3)]}.isdisjoint({got[(rid, 0)], got[(rid, 1)]}), got
    again: dict[tuple[str, int], str] = {}
    backend.generate([(r, [2]) for r in reqs], lambda r, i, t: again.__setitem__((r.request_id, i), t))
    assert again == {k: v for k, v in got.items() if k[1] == 2}  # a sample is the same whoever asks with it


def test_raising_samples_on_a_cached_run_asks_only_for_the_new_ones(tiny: Path, server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base_url, log = server
    common = ["build", "--langs", "rust", "--limit", "2", "--backend", "openai", "--model", str(tiny), "--base-url",
              base_url, "--max-new-tokens", "16", "--concurrency", "2", "--no-references", "--cache-dir",
              str(tmp_path / "cache"), "--no-progress"]
    before = served_requests(log)
    res = cli(*common, "--samples", "2", "--out", str(tmp_path / "two"))
    assert res.returncode == 0, res.stdout + res.stderr
    assert served_requests(log) - before == 2 * 2
    res = cli(*common, "--samples", "4", "--out", str(tmp_path / "four"))
    assert res.returncode == 0, res.stdout + res.stderr
    assert served_requests(log) - before == 2 * 2 + 2 * 2  # exactly the 2 new samples of each prompt
    stats = json.loads((tmp_path / "four" / "candidates" / "part-00000.stats.json").read_text())
    assert stats["answers_generated"] == 4 and stats["answers_from_cache"] == 4


def test_openai_backend_waits_as_long_as_retry_after_says() -> None:
    import http.server
    import threading

    from irgroups.generate.backends.base import Request, SamplingSettings
    from irgroups.generate.backends.openai import OpenAIBackend, retry_after

    seen: list[float] = []

    class RateLimited(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
            self.rfile.read(int(self.headers["Content-Length"]))
            seen.append(time.monotonic())
            if len(seen) == 1:
                self.send_response(429)
                self.send_header("Retry-After", "2")
                body = b'{"error": "slow down"}'
            else:
                self.send_response(200)
                body = json.dumps({"choices": [{"message": {"content": "ok"}}], "usage": {}}).encode()
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RateLimited)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        backend = OpenAIBackend("m", SamplingSettings(samples=1), base_url=f"http://127.0.0.1:{server.server_port}/v1",
                                backoff=0.01)
        got: list[str] = []
        backend.generate([(Request("a", "x"), [0])], lambda r, i, t: got.append(t))
    finally:
        server.shutdown()
    assert got == ["ok"] and len(seen) == 2
    assert seen[1] - seen[0] >= 1.9  # the server's 2 s, not the 0.01 s backoff
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0 and retry_after("junk") is None
    assert retry_after("99999") == 300.0
