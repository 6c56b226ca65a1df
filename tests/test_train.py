"""The bundled trainer on CPU: a tiny model, groups and prompts made by `irgroups build`, OORL steps
through TRL. Gradients are checked against their definition, DDP against one process, the
optimiser against the step count, and the paper's learning rate against parameters that move."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import fields
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import torch

pytest.importorskip("trl")

from tinymodel import build_tiny_model  # noqa: E402
from train_run import parity_reward  # noqa: E402

from irgroups.errors import ConfigError, DataError  # noqa: E402
from irgroups.training.advantages import reinforce_pp_advantages  # noqa: E402
from irgroups.training.config import TrainConfig, make_config  # noqa: E402

TESTS = Path(__file__).resolve().parent


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


def tiny_config(data: Path, tiny: Path, out: Path, **values: Any) -> TrainConfig:
    return make_config("tiny", data=data, model=str(tiny), output=out, device="cpu", **values)


# ---------------------------------------------------------------- rewards and advantages

def test_sandbox_reward_scores_real_answers(data: Path) -> None:
    from irgroups.training.data import load_prompts
    from irgroups.training.reward import SandboxReward

    rows = [r for r in load_prompts(data) if r["lang"] == "rust"]
    reward = SandboxReward(rows)
    try:
        pid = rows[0]["prompt_id"]
        ref = TESTS.parent / "data" / "references" / "rust" / "HumanEval_0.rs"
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


MASK = torch.tensor([[1, 1, 0], [1, 1, 1]])


def test_reinforce_pp_advantages_by_hand() -> None:
    # returns: [1, 1, -] and [0, 0, 0]; over the 5 tokens mean 0.4, population std sqrt(0.24)
    adv = reinforce_pp_advantages(torch.tensor([1.0, 0.0]), MASK)
    std = 0.24 ** 0.5
    expected = torch.tensor([[0.6 / std, 0.6 / std, 0.0], [-0.4 / std] * 3])
    assert torch.allclose(adv, expected, atol=1e-6)


def test_reinforce_pp_kl_is_folded_into_the_reward_by_hand() -> None:
    old = torch.tensor([[0.5, -0.2, 9.0], [0.1, 0.1, 0.1]])  # 9.0 sits on a masked token: it must not count
    ref = torch.zeros(2, 3)
    adv = reinforce_pp_advantages(torch.tensor([1.0, 0.0]), MASK, old, ref, kl_coef=0.1)
    # token rewards -0.1*(old-ref), plus R on the last token: [-0.05, 1.02] and [-0.01, -0.01, -0.01]
    returns = [0.97, 1.02, -0.03, -0.02, -0.01]
    mean = sum(returns) / 5
    std = (sum((r - mean) ** 2 for r in returns) / 5) ** 0.5
    expected = torch.tensor([[(0.97 - mean) / std, (1.02 - mean) / std, 0.0],
                             [(-0.03 - mean) / std, (-0.02 - mean) / std, (-0.01 - mean) / std]])
    assert torch.allclose(adv, expected, atol=1e-5)


def test_advantages_are_normalised_over_the_global_batch() -> None:
    rewards = torch.tensor([1.0, 0.0, 1.0, 1.0])
    mask = torch.tensor([[1, 1, 0], [1, 1, 1], [1, 0, 0], [1, 1, 1]])
    whole = reinforce_pp_advantages(rewards, mask)
    # two processes, each with half the batch, summing their statistics: the same advantages
    halves = [(rewards[:2], mask[:2]), (rewards[2:], mask[2:])]

    def stats(r: torch.Tensor, m: torch.Tensor) -> torch.Tensor:
        from irgroups.training.advantages import token_returns

        g = token_returns(r, m)
        return torch.stack([(g * m).sum(), (g * g * m).sum(), m.sum().float()]).double()

    total = stats(*halves[0]) + stats(*halves[1])
    split = torch.cat([reinforce_pp_advantages(r, m, reduce=lambda _: total) for r, m in halves])
    assert torch.allclose(whole, split, atol=1e-6)
    assert not torch.allclose(reinforce_pp_advantages(*halves[0]), whole[:2], atol=1e-3)


# ---------------------------------------------------------------- rollouts

def test_completion_mask_ends_at_the_first_of_several_stop_ids(data: Path, tiny: Path, tmp_path: Path) -> None:
    from irgroups.training.run import make_trainer

    cfg = tiny_config(data, tiny, tmp_path / "out", rl_top_k=1, rl_prompts_per_step=2, w_gepo=0.0)
    trainer = make_trainer(cfg, reward_funcs=[parity_reward], progress=False)
    tok = trainer.processing_class
    assert tok.pad_token_id != tok.eos_token_id
    # greedy: find what this model writes, then declare its third token a second stop id
    row = trainer.train_dataset[0]
    ids = tok.apply_chat_template(row["prompt"], add_generation_prompt=True, return_tensors="pt", return_dict=True)
    free = trainer.model.generate(**ids, max_new_tokens=8, do_sample=False)[0, ids["input_ids"].shape[1]:].tolist()
    stop = free[2]
    trainer.eos_token_ids = [tok.eos_token_id, stop]
    out = trainer._generate_and_score_completions([trainer.train_dataset[0]] * 2)
    first = free.index(stop)
    for c, m in zip(out["completion_ids"].tolist(), out["completion_mask"].tolist()):
        assert c[:first + 1] == free[:first + 1]
        assert m == [1] * (first + 1) + [0] * (len(m) - first - 1)  # the stop id is scored, nothing after it
        assert all(t == tok.pad_token_id for t in c[first + 1:])


def test_prompts_are_cut_from_the_left(data: Path, tiny: Path, tmp_path: Path) -> None:
    from irgroups.training.run import make_trainer

    cfg = tiny_config(data, tiny, tmp_path / "out", w_gepo=0.0, max_length=64, rl_max_new_tokens=16)
    trainer = make_trainer(cfg, reward_funcs=[parity_reward], progress=False)
    row = trainer.train_dataset[0]
    full = trainer.processing_class.apply_chat_template(row["prompt"], add_generation_prompt=True, return_dict=True)[
        "input_ids"]
    cut, _, _ = trainer._tokenize_prompts([row["prompt"]])
    assert len(full) > 48 and cut[0] == list(full)[-48:]  # the generation header is at the end, kept
    assert trainer.prompts_cut == 1


# ---------------------------------------------------------------- one step's gradient

def test_one_step_gradient_is_w_rl_g_rl_plus_w_gepo_g_gepo(data: Path, tiny: Path, tmp_path: Path) -> None:
    from transformers import TrainerCallback
    from trl import GRPOTrainer

    from irgroups.training.gepo import gepo_loss
    from irgroups.training.logprobs import encode, sequence_logps
    from irgroups.training.run import make_trainer, train

    w_rl, w_gepo = 1.0, 0.5
    cfg = tiny_config(data, tiny, tmp_path / "out", max_steps=1, w_rl=w_rl, w_gepo=w_gepo, max_grad_norm=0.0,
                      rl_prompts_per_step=2, rl_samples=4, gepo_groups_per_step=2, resume=False)
    trainer = make_trainer(cfg, reward_funcs=[parity_reward], progress=False)
    seen: dict[str, Any] = {}
    compute_loss = trainer.compute_loss

    def spy(model: Any, inputs: Any, *a: Any, **k: Any) -> torch.Tensor:
        seen["inputs"] = inputs
        return compute_loss(model, inputs, *a, **k)

    trainer.compute_loss = spy  # type: ignore[method-assign]
    model = trainer.model
    params = [p for p in model.parameters() if p.requires_grad]

    class Check(TrainerCallback):  # type: ignore[misc]
        def on_pre_optimizer_step(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
            seen["total"] = [p.grad.detach().clone() for p in params]
            inputs = seen["inputs"]
            g_rl = torch.autograd.grad(GRPOTrainer.compute_loss(trainer, model, inputs), params, allow_unused=True)
            members = trainer.gepo.share(0, 0, 1)
            enc = encode(trainer.processing_class, [m.prompt for _, m in members], [m.response for _, m in members],
                         closing=trainer.closing)
            ref = torch.tensor([trainer.gepo.refs[(m.group_id, m.candidate_id)] for _, m in members])
            loss = gepo_loss(sequence_logps(model, enc), ref, torch.tensor([g for g, _ in members]),
                             torch.tensor([m.equivalent for _, m in members]), beta=cfg.gepo_beta).loss
            g_gepo = torch.autograd.grad(loss, params, allow_unused=True)
            seen["rl"] = [torch.zeros_like(p) if g is None else g for p, g in zip(params, g_rl)]
            seen["gepo"] = [torch.zeros_like(p) if g is None else g for p, g in zip(params, g_gepo)]
            seen["advantages"] = inputs["advantages"]

    trainer.add_callback(Check())
    train(cfg, progress=False, trainer=trainer)
    norm = lambda gs: float(torch.sqrt(sum((g.double() ** 2).sum() for g in gs)))  # noqa: E731
    assert float(seen["advantages"].abs().sum()) > 0, "every sample scored alike: no RL gradient to check"
    assert norm(seen["rl"]) > 1e-6 and norm(seen["gepo"]) > 1e-6
    for total, rl, gepo in zip(seen["total"], seen["rl"], seen["gepo"]):
        assert torch.allclose(total, w_rl * rl + w_gepo * gepo, atol=1e-6, rtol=1e-4)
    # and it is not one of them alone
    assert norm([t - w_rl * r for t, r in zip(seen["total"], seen["rl"])]) > 1e-6


# ---------------------------------------------------------------- many processes

def test_two_ddp_processes_train_as_one_on_the_same_global_batch(data: Path, tiny: Path, tmp_path: Path) -> None:
    script = str(TESTS / "train_run.py")
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    one = subprocess.run([sys.executable, script, str(data), str(tiny), str(tmp_path / "one")], capture_output=True,
                         text=True, timeout=600, env=env)
    assert one.returncode == 0, one.stderr[-3000:]
    torchrun = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--master_port", "29533"]
    two = subprocess.run([*torchrun, script, str(data), str(tiny), str(tmp_path / "two")], capture_output=True,
                         text=True, timeout=600, env=env)
    assert two.returncode == 0, two.stderr[-3000:]
    single = torch.load(tmp_path / "one" / "params-0.pt")
    rank0, rank1 = torch.load(tmp_path / "two" / "params-0.pt"), torch.load(tmp_path / "two" / "params-1.pt")
    assert all(torch.equal(rank0[k], rank1[k]) for k in rank0), "the ranks' parameters differ"
    worst = max(float((single[k] - rank0[k]).abs().max()) for k in single)
    from transformers import AutoModelForCausalLM

    start = AutoModelForCausalLM.from_pretrained(tiny).state_dict()
    moved = max(float((single[k] - start[k]).abs().max()) for k in single)
    assert worst < 1e-5 < moved / 10, (worst, moved)
    for run in ("one", "two"):
        for f in sorted((tmp_path / run).glob("steps-*.json")):
            assert json.loads(f.read_text()) == {"optimizer": 3, "global_step": 3}, f


# ---------------------------------------------------------------- precision

def test_paper_preset_moves_parameters_at_lr_5e_7(data: Path, tiny: Path, tmp_path: Path) -> None:
    from irgroups.training.run import make_trainer, train

    cfg = make_config("paper", data=data, model=str(tiny), output=tmp_path / "out", device="cpu", max_steps=2,
                      rl_prompts_per_step=2, rl_samples=2, rl_max_new_tokens=16, gepo_groups_per_step=2,
                      max_length=2048, gepo_data="groups")
    assert cfg.learning_rate == 5e-7 and cfg.precision == "bf16" and cfg.kl_coef > 0
    trainer = make_trainer(cfg, reward_funcs=[parity_reward], progress=False)
    assert not trainer.args.use_cpu or trainer.args.bf16  # bf16 compute, fp32 master weights
    assert all(p.dtype == torch.float32 for p in trainer.model.parameters())
    before = {k: v.detach().clone() for k, v in trainer.model.named_parameters()}
    train(cfg, progress=False, trainer=trainer)
    for name, p in trainer.model.named_parameters():
        if p.dim() == 2 and "embed" not in name:  # embeddings of unseen tokens get no gradient
            changed = float((p.detach() != before[name]).float().mean())
            assert changed > 0.5, (name, changed)


def test_pure_bf16_is_refused_where_updates_round_away(data: Path, tiny: Path, tmp_path: Path) -> None:
    from irgroups.training.run import load_model, vanishing_fraction

    cfg = make_config("paper", data=data, model=str(tiny), output=tmp_path / "out", device="cpu",
                      precision="bf16-pure")
    with pytest.raises(ConfigError, match="round away on 9[0-9.]+% of this model's weights"):
        load_model(cfg, "bf16-pure")
    model, _ = load_model(make_config("tiny", data=data, model=str(tiny), output=tmp_path), "fp32")
    assert vanishing_fraction(model, 5e-7) > 0.9 and vanishing_fraction(model, 1e-1) < 0.1


# ---------------------------------------------------------------- data

def _old_style_groups(run: Path) -> None:
    """A group as irgroups wrote them before groups shared one prompt: members of two languages."""
    member = {"lang": "rust", "code": "fn f() {}", "candidate_id": "a", "origin": "reference", "prompt": "into Rust",
              "kind": None, "tests_passed": 1, "tests_total": 1}
    row = {"group_id": "g1", "problem_id": "P/1", "langs": ["go", "rust"], "equivalent": [member],
           "inequivalent": [{**member, "lang": "go", "candidate_id": "b", "prompt": "into Go"}]}
    (run / "groups").mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist([row]), run / "groups" / "part-00000.parquet")


def test_a_group_mixing_prompts_is_refused(tmp_path: Path) -> None:
    from irgroups.training.data import load_groups

    _old_style_groups(tmp_path / "run")
    with pytest.raises(DataError, match=r"part-00000.parquet: group g1 mixes 2 prompts"):
        load_groups(tmp_path / "run")


def test_every_built_group_shares_one_prompt(data: Path) -> None:
    from irgroups.training.data import load_groups

    groups, _ = load_groups(data)
    assert groups
    for g in groups:
        assert {m.prompt for m in (*g.equivalent, *g.inequivalent)} == {g.prompt}


def test_members_that_do_not_fit_are_dropped_and_counted(data: Path) -> None:
    from irgroups.training.data import fitting, load_groups

    groups, _ = load_groups(data)
    lengths = {m.candidate_id: len(m.prompt) + len(m.response) for g in groups for m in (*g.equivalent,
                                                                                        *g.inequivalent)}
    cut = sorted(lengths.values())[len(lengths) // 2]
    kept, dropped = fitting(groups, lambda m: lengths[m.candidate_id], cut)
    assert dropped == sum(v > cut for v in lengths.values())  # groups gone with them count their members too
    assert all(lengths[m.candidate_id] <= cut for g in kept for m in (*g.equivalent, *g.inequivalent))


def test_reference_key_covers_model_template_and_every_member(data: Path) -> None:
    from dataclasses import replace

    from irgroups.training.data import load_groups, ref_key

    groups, _ = load_groups(data)
    members = [m for g in groups for m in (*g.equivalent, *g.inequivalent)]
    key = ref_key("m", "fp32", "T", {}, [2], members)
    assert key == ref_key("m", "fp32", "T", {}, [2], list(members))
    changed = [replace(members[0], response=members[0].response + " "), *members[1:]]
    variants = [ref_key("m2", "fp32", "T", {}, [2], members), ref_key("m", "bf16", "T", {}, [2], members),
                ref_key("m", "fp32", "T2", {}, [2], members), ref_key("m", "fp32", "T", {"enable_thinking": False},
                                                                      [2], members),
                ref_key("m", "fp32", "T", {}, [3], members), ref_key("m", "fp32", "T", {}, [2], members[:-1]),
                ref_key("m", "fp32", "T", {}, [2], changed)]
    assert key not in variants and len(set(variants)) == len(variants)


# ---------------------------------------------------------------- end to end

def _train_cmd(tiny: Path, data: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "irgroups.cli", "train", "--data", str(data), "--model", str(tiny), "--preset",
            "tiny", "--output", str(out), "--device", "cpu", "--no-progress", *extra]


def test_killed_training_resumes_from_its_checkpoint(tiny: Path, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    cmd = _train_cmd(tiny, data, out, "--max-steps", "12", "--save-every", "4", "--keep-checkpoints", "5")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and not (out / "checkpoint-8" / "trainer_state.json").exists():
        assert proc.poll() is None, "training ended before it could be killed"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "checkpoint-12").exists()
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "resuming from step 8" in res.stderr
    steps = [json.loads(x)["step"] for x in (out / "metrics.jsonl").read_text().splitlines()]
    assert steps == list(range(1, 13))  # nothing repeated, nothing missing
    state = json.loads((out / "checkpoint-12" / "trainer_state.json").read_text())
    assert state["global_step"] == 12


def test_train_on_llvm_ir_groups_end_to_end(tiny: Path, data: Path, tmp_path: Path) -> None:
    import shutil

    if not shutil.which("clang") and not shutil.which("clang-16"):
        pytest.skip("LLVM IR groups need clang (apt install clang llvm)")
    run = tmp_path / "run"
    shutil.copytree(data, run)
    res = subprocess.run([sys.executable, "-m", "irgroups.cli", "llvm-groups", str(run)],
                         capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stdout + res.stderr
    out = tmp_path / "out"
    res = subprocess.run(_train_cmd(tiny, run, out, "--gepo-data", "llvm_groups", "--max-steps", "2",
                                    "--max-length", "8192", "--w-gepo", "1"), capture_output=True, text=True,
                         timeout=900)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "groups from llvm_groups" in res.stderr
    lines = [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()]
    assert [x["step"] for x in lines] == [1, 2] and all("gepo/loss" in x for x in lines)


def test_grpo_advantages_run_too(tiny: Path, data: Path, tmp_path: Path) -> None:
    from irgroups.training.run import train

    cfg = tiny_config(data, tiny, tmp_path / "grpo", max_steps=2, algo="grpo", kl_coef=0.05)
    trainer = train(cfg, progress=False, reward_funcs=[parity_reward])
    logs = [e for e in trainer.state.log_history if "loss" in e]
    assert len(logs) == 2 and all("gepo/loss" in e and "kl" in e for e in logs)
    assert all(torch.isfinite(torch.tensor(float(e["loss"]))) for e in logs)


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
    with pytest.raises(ValueError, match="--rl-samples >= 2"):
        TrainConfig(data=Path("x"), model="m", algo="grpo", rl_samples=1)
