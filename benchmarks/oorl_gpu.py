"""A few OORL steps of a Qwen2-shaped model (random weights, built from a config) on one GPU,
through the one trainer (training/run.py: TRL's GRPOTrainer + REINFORCE++ + GEPO).

    python benchmarks/oorl_gpu.py --data runs/default            # after `irgroups build`
    python benchmarks/oorl_gpu.py --data runs/default --vllm colocate   # rollouts through vLLM
    python benchmarks/oorl_gpu.py --data runs/default --size tiny --device cpu --steps 2   # smoke run

The reward is the real one: completions are extracted and run in the local sandbox
(bubblewrap + prlimit) with the target language's toolchain, so the build's languages
(or --langs) must have their toolchain on this machine. The embedding/LM head get Qwen2's
vocabulary for the realistic sizes (see generation_gpu.py, --vocab-size). `--vllm colocate`
says so and falls back to transformers' generate when vLLM cannot be imported.

Prints the seconds per step (the first, warm-up step left out), peak GPU memory and rollout tokens
per second, then runs benchmarks/gepo_memory.py for group sizes 2, 4, 8 and 16, all methods
(--skip-memory to leave it out).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="a run directory written by `irgroups build`")
    ap.add_argument("--size", default="0.5b", help="0.5b, 1.5b or tiny (see generation_gpu.py)")
    ap.add_argument("--vocab-size", type=int, default=None,
                    help="embedding/LM-head rows (default: Qwen2's for 0.5b/1.5b, the tokenizer's for tiny)")
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--precision", default="bf16", help="fp32, bf16 (fp32 master weights) or bf16-pure")
    ap.add_argument("--vllm", default="off", help="off or colocate (rollouts through vLLM)")
    ap.add_argument("--langs", default="", help="only these target languages of the build (comma-separated)")
    ap.add_argument("--prompts-per-step", type=int, default=4)
    ap.add_argument("--samples", type=int, default=4)
    ap.add_argument("--max-new-tokens", type=int, default=256)
    ap.add_argument("--groups-per-step", type=int, default=2)
    ap.add_argument("--max-length", type=int, default=4096)
    ap.add_argument("--workers", type=int, default=4, help="sandbox workers computing rewards")
    ap.add_argument("--w-rl", type=float, default=1.0, help="weight of the on-policy RL loss (0: GEPO steps alone)")
    ap.add_argument("--skip-memory", action="store_true", help="skip the group-size memory sweep")
    args = ap.parse_args()

    from generation_gpu import default_vocab, describe, make_model
    from transformers import TrainerCallback

    from irgroups.training.config import make_config
    from irgroups.training.run import make_trainer, train

    cuda = args.device.startswith("cuda")
    vllm = args.vllm
    if vllm != "off":
        try:
            import vllm as _vllm  # noqa: F401
        except ImportError as e:
            print(f"vLLM cannot be imported here ({e}): rollouts through transformers' generate instead", flush=True)
            vllm = "off"
    vocab = args.vocab_size if args.vocab_size is not None else default_vocab(args.size)
    with tempfile.TemporaryDirectory() as tmp:
        # the trainer writes its reference log-probs beside the groups: work on a copy of the build
        data = Path(tmp) / "data"
        shutil.copytree(args.data, data, ignore=shutil.ignore_patterns("gepo_ref", "cache"))
        t0 = time.perf_counter()
        model = make_model(Path(tmp), args.size, vocab, "cpu")
        print(f"model: {describe(args.size, model)}, built in {time.perf_counter() - t0:.1f} s", flush=True)
        cfg = make_config("paper", data=data, model=str(model), output=Path(tmp) / "out",
                          device="cpu" if not cuda else "auto", precision=args.precision, max_steps=args.steps + 1,
                          save_every=10_000, learning_rate=1e-6, rl_prompts_per_step=args.prompts_per_step,
                          rl_samples=args.samples, rl_max_new_tokens=args.max_new_tokens,
                          gepo_groups_per_step=args.groups_per_step, max_length=args.max_length, resume=False,
                          langs=args.langs, workers=args.workers, w_rl=args.w_rl, vllm=vllm,
                          gepo_data="both" if (data / "llvm_groups").exists() else "groups")
        t0 = time.perf_counter()
        trainer = make_trainer(cfg, progress=False)
        groups = len(trainer.gepo.groups) if trainer.gepo else 0
        print(f"trainer ready in {time.perf_counter() - t0:.1f} s: {groups} GEPO groups, "
              f"{len(trainer.train_dataset)} RL prompts (langs: {args.langs or 'all'}), w_rl {cfg.w_rl}, "
              f"w_gepo {cfg.w_gepo}, {cfg.rl_prompts_per_step} prompts x {cfg.rl_samples} samples x "
              f"{cfg.rl_max_new_tokens} new tokens + {cfg.gepo_groups_per_step} groups per step, rollouts "
              f"{'vLLM ' + vllm if vllm != 'off' else 'transformers generate'}, precision {args.precision}",
              flush=True)
        times: list[float] = []
        logs: list[dict[str, float]] = []

        class Clock(TrainerCallback):  # type: ignore[misc]
            start = 0.0

            def on_step_begin(self, a: object, state: object, control: object, **kw: object) -> None:
                if cuda:
                    torch.cuda.synchronize()
                    if not times and Clock.start:  # the warm-up step is over: measure from here
                        torch.cuda.reset_peak_memory_stats()
                Clock.start = time.perf_counter()

            def on_step_end(self, a: object, state: object, control: object, **kw: object) -> None:
                if cuda:
                    torch.cuda.synchronize()
                times.append(time.perf_counter() - Clock.start)

            def on_log(self, a: object, state: object, control: object, logs_: object = None, **kw: object) -> None:
                record = kw.get("logs") or logs_
                if isinstance(record, dict) and "loss" in record:
                    logs.append(record)

        trainer.add_callback(Clock())
        train(cfg, progress=False, trainer=trainer)
        measured = times[1:] or times
        peak = torch.cuda.max_memory_allocated() / 2**30 if cuda else float("nan")
        tokens = sum(r.get("completions/mean_length", 0) * cfg.rl_prompts_per_step * cfg.rl_samples
                     for r in logs[1:] or logs)
        for i, (t, r) in enumerate(zip(times, logs)):
            keys = ("loss", "reward", "gepo/loss", "completions/mean_length", "kl", "entropy")
            print(f"step {i + 1}: {t:.2f} s " + " ".join(f"{k}={r[k]:.4g}" for k in keys if k in r), flush=True)
        print(f"oorl {args.size} {args.precision}: {sum(measured) / len(measured):.2f} s/step, peak {peak:.2f} GiB, "
              f"{tokens / sum(measured):.0f} rollout tokens/s, rollouts {vllm}", flush=True)
    if not args.skip_memory:
        here = Path(__file__).resolve().parent
        subprocess.run([sys.executable, str(here / "gepo_memory.py"), "--device", args.device], check=False)


if __name__ == "__main__":
    main()
