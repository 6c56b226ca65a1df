"""The bundled trainer end to end on CPU: a tiny model, groups and prompts made by
`irgroups build`, real sandbox rewards, OORL steps, a kill and a resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import fields
from pathlib import Path

import pytest
import torch

pytest.importorskip("transformers")

from tinymodel import build_tiny_model  # noqa: E402

from irgroups.training.config import TrainConfig, make_config  # noqa: E402


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("data") / "run"
    res = subprocess.run([sys.executable, "-m", "irgroups.cli", "build", "--langs", "python,rust", "--limit", "3",
                          "--mutants", "3", "--out", str(out), "--no-progress"], capture_output=True, text=True,
                         timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    return out


def test_sandbox_reward_scores_real_answers(data: Path) -> None:
    from irgroups.training.data import load_prompts
    from irgroups.training.reward import SandboxReward

    rows = [r for r in load_prompts(data) if r["lang"] == "rust"]
    reward = SandboxReward(rows)
    try:
        pid = rows[0]["prompt_id"]
        ref = Path(__file__).resolve().parent.parent / "data" / "references" / "rust" / "HumanEval_0.rs"
        assert rows[0]["problem_id"] == "HumanEval/0"
        good = "Here you go:\n```rust\n" + ref.read_text() + "```\n"
        bad = good.replace("< threshold", "> threshold")
        # claims "true" for every test in the harness's own report format, then exits before it speaks
        forged = ("```rust\nfn has_close_elements(numbers: Vec<f64>, threshold: f64) -> bool {\n"
                  '    for i in 0..500 { println!("\\n@@irgroups {} ok true", i); }\n'
                  '    println!("@@irgroups end");\n    std::process::exit(0)\n}\n```\n')
        scores = reward.score_many([pid] * 4, [good, bad, "I cannot help with that.", forged])
        assert [s.reward for s in scores] == [1.0, 0.0, 0.0, 0.0]
        assert scores[0].tests_fraction == 1.0 and 0 < scores[1].tests_fraction < 1
        assert scores[2].status == "format_error"
        assert scores[3].tests_fraction < 1
        # the reward runs the amplified tests too
        assert reward.problems[pid].amplified and len(json.loads(rows[0]["amplified_tests"])) > 0
    finally:
        reward.close()


def test_oorl_steps_train_and_gepo_loss_falls(tiny: Path, data: Path, tmp_path: Path) -> None:
    from irgroups.training.trainer import OORLTrainer

    cfg = make_config("tiny", data=data, model=str(tiny), output=tmp_path / "out", max_steps=20, w_gepo=1.0,
                      save_every=100, device="cpu")
    trainer = OORLTrainer(cfg)
    before = {k: v.detach().clone() for k, v in trainer.model.named_parameters()}
    fixed_before = float(trainer.gepo_eval(0).loss)
    history = trainer.train(progress=False)
    fixed_after = float(trainer.gepo_eval(0).loss)
    assert len(history) == 20
    for record in history:
        for key in ("loss", "gepo_loss", "rl_loss", "rl_reward", "grad_norm"):
            assert key in record and torch.isfinite(torch.tensor(record[key])), (key, record)
    changed = sum(not torch.equal(before[k], v) for k, v in trainer.model.named_parameters())
    assert changed > 0
    assert fixed_after < fixed_before, (fixed_before, fixed_after)
    lines = (tmp_path / "out" / "metrics.jsonl").read_text().splitlines()
    assert [json.loads(x)["step"] for x in lines] == list(range(1, 21))
    assert list((tmp_path / "out" / "tensorboard").glob("events.*"))
    # reference log-probs were computed once and stored beside the groups
    assert list((data / "gepo_ref").glob("*.parquet"))


def _train_cmd(tiny: Path, data: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "irgroups.cli", "train", "--data", str(data), "--model", str(tiny), "--preset",
            "tiny", "--output", str(out), "--max-steps", "12", "--save-every", "4", "--keep-checkpoints", "5",
            "--device", "cpu", "--no-progress"]


def test_killed_training_resumes_from_its_checkpoint(tiny: Path, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen(_train_cmd(tiny, data, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and not (out / "checkpoint-8" / "trainer_state.json").exists():
        assert proc.poll() is None, "training ended before it could be killed"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "checkpoint-12").exists()
    res = subprocess.run(_train_cmd(tiny, data, out), capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "resuming from step 8" in res.stderr
    steps = [json.loads(x)["step"] for x in (out / "metrics.jsonl").read_text().splitlines()]
    assert steps == list(range(1, 13))  # nothing repeated, nothing missing
    state = json.loads((out / "checkpoint-12" / "trainer_state.json").read_text())
    assert state["step"] == 12


def test_grpo_with_gepo_through_trl(tiny: Path, data: Path, tmp_path: Path) -> None:
    pytest.importorskip("trl")
    from irgroups.training.grpo import train_grpo

    cfg = make_config("tiny", data=data, model=str(tiny), output=tmp_path / "grpo", max_steps=2, algo="grpo",
                      device="cpu")
    trainer = train_grpo(cfg, progress=False)
    logs = trainer.state.log_history
    assert any("gepo/loss" in entry for entry in logs)
    assert any("rewards/sandbox_reward/mean" in entry for entry in logs)
    assert all(torch.isfinite(torch.tensor(float(e["loss"]))) for e in logs if "loss" in e)


def test_train_help_explains_every_option() -> None:
    res = subprocess.run([sys.executable, "-m", "irgroups.cli", "train", "--help"], capture_output=True, text=True)
    assert res.returncode == 0
    flat = " ".join(res.stdout.split())
    for f in fields(TrainConfig):
        assert "--" + f.name.replace("_", "-") in flat, f.name
        assert " ".join(f.metadata["help"].split())[:40] in flat, f.name


def test_config_errors_say_how_to_fix() -> None:
    with pytest.raises(ValueError, match="--max-steps must be at least 1"):
        TrainConfig(data=Path("x"), model="m", max_steps=0)
    with pytest.raises(ValueError, match="unknown preset"):
        make_config("huge", data=Path("x"), model="m")
