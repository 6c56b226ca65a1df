"""A few OORL steps of a Qwen2-shaped model (random weights, built from a config) on one GPU.

    python benchmarks/oorl_gpu.py --data runs/default            # after `irgroups build`
    python benchmarks/oorl_gpu.py --data runs/default --size tiny --device cpu --steps 2   # smoke run

The reward is the real one: completions are extracted and run in the local sandbox
(bubblewrap + prlimit) with the target language's toolchain, so the build's languages
(or --langs) must have their toolchain on this machine. The embedding/LM head get Qwen2's
vocabulary for the realistic sizes (see generation_gpu.py, --vocab-size).

Prints the seconds per step, peak GPU memory and tokens per second of the OORL steps,
then runs benchmarks/gepo_memory.py for group sizes 2, 4, 8 and 16, both methods
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
    ap.add_argument("--dtype", default="bfloat16")
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

    from irgroups.training.config import make_config
    from irgroups.training.trainer import OORLTrainer

    cuda = args.device.startswith("cuda")
    vocab = args.vocab_size if args.vocab_size is not None else default_vocab(args.size)
    with tempfile.TemporaryDirectory() as tmp:
        # the trainer writes its reference log-probs beside the groups: work on a copy of the build
        data = Path(tmp) / "data"
        shutil.copytree(args.data, data, ignore=shutil.ignore_patterns("gepo_ref", "cache"))
        t0 = time.perf_counter()
        model = make_model(Path(tmp), args.size, vocab, args.device)
        print(f"model: {describe(args.size, model)}, built in {time.perf_counter() - t0:.1f} s", flush=True)
        cfg = make_config("paper", data=data, model=str(model), output=Path(tmp) / "out", device=args.device,
                          dtype=args.dtype, max_steps=args.steps + 1, save_every=10_000, learning_rate=1e-6,
                          rl_prompts_per_step=args.prompts_per_step, rl_samples=args.samples,
                          rl_max_new_tokens=args.max_new_tokens, gepo_groups_per_step=args.groups_per_step,
                          max_length=args.max_length, resume=False, langs=args.langs, workers=args.workers,
                          w_rl=args.w_rl)
        t0 = time.perf_counter()
        trainer = OORLTrainer(cfg)
        print(f"trainer ready in {time.perf_counter() - t0:.1f} s: {len(trainer.groups)} GEPO groups, "
              f"{len(trainer.prompts)} RL prompts (langs: {args.langs or 'all'}), w_rl {cfg.w_rl}, w_gepo {cfg.w_gepo}, "
              f"{cfg.rl_prompts_per_step} prompts x {cfg.rl_samples} samples x {cfg.rl_max_new_tokens} new tokens "
              f"+ {cfg.gepo_groups_per_step} groups per step, reward workers {cfg.workers}", flush=True)
        t0 = time.perf_counter()
        metrics = trainer.step(0)  # warm-up: kernels, allocator
        print(f"warm-up step {time.perf_counter() - t0:.1f} s", flush=True)
        if cuda:
            torch.cuda.synchronize()
            torch.cuda.reset_peak_memory_stats()
        times, tokens, rewards = [], 0, []
        for step in range(1, args.steps + 1):
            start = time.perf_counter()
            metrics = trainer.step(step)
            if cuda:
                torch.cuda.synchronize()
            times.append(time.perf_counter() - start)
            tokens += int(metrics.get("rl_completion_tokens", 0) * cfg.rl_prompts_per_step * cfg.rl_samples)
            rewards.append(metrics.get("rl_reward", 0.0))
            print(f"step {step}: {times[-1]:.2f} s " + " ".join(f"{k}={v:.4g}" for k, v in sorted(metrics.items())),
                  flush=True)
        peak = torch.cuda.max_memory_allocated() / 2**30 if cuda else float("nan")
        print(f"oorl {args.size} {args.dtype}: {sum(times) / len(times):.2f} s/step, peak {peak:.2f} GiB, "
              f"{tokens / sum(times):.0f} rollout tokens/s, mean rl_reward {sum(rewards) / len(rewards):.3f}, "
              f"gepo_loss {metrics.get('gepo_loss', 0):.4f}", flush=True)
        if trainer.reward is not None:
            trainer.reward.close()
    if not args.skip_memory:
        here = Path(__file__).resolve().parent
        subprocess.run([sys.executable, str(here / "gepo_memory.py"), "--device", args.device], check=False)


if __name__ == "__main__":
    main()
