"""A few OORL steps of a Qwen2-shaped model (random weights, built from a config) on one GPU.

    python benchmarks/oorl_gpu.py --data runs/default            # after `irgroups build`
    python benchmarks/oorl_gpu.py --data runs/default --size tiny --device cpu --steps 2   # smoke run

Prints the seconds per step, peak GPU memory and tokens per second of the OORL steps,
then runs benchmarks/gepo_memory.py for group sizes 2, 4, 8 and 16, both methods.
"""

from __future__ import annotations

import argparse
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
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--dtype", default="bfloat16")
    ap.add_argument("--skip-memory", action="store_true", help="skip the group-size memory sweep")
    args = ap.parse_args()

    from generation_gpu import make_model

    from irgroups.training.config import make_config
    from irgroups.training.trainer import OORLTrainer

    with tempfile.TemporaryDirectory() as tmp:
        model = make_model(Path(tmp), args.size)
        cfg = make_config("paper", data=args.data, model=str(model), output=Path(tmp) / "out", device=args.device,
                          dtype=args.dtype, max_steps=args.steps + 1, save_every=10_000, learning_rate=1e-6,
                          rl_prompts_per_step=4, rl_samples=4, rl_max_new_tokens=256, gepo_groups_per_step=2,
                          max_length=4096, resume=False)
        trainer = OORLTrainer(cfg)
        trainer.step(0)  # warm-up: kernels, allocator
        if args.device.startswith("cuda"):
            torch.cuda.synchronize()
            torch.cuda.reset_peak_memory_stats()
        times, tokens = [], 0
        for step in range(1, args.steps + 1):
            start = time.perf_counter()
            metrics = trainer.step(step)
            if args.device.startswith("cuda"):
                torch.cuda.synchronize()
            times.append(time.perf_counter() - start)
            tokens += int(metrics.get("rl_completion_tokens", 0) * cfg.rl_prompts_per_step * cfg.rl_samples)
        peak = torch.cuda.max_memory_allocated() / 2**30 if args.device.startswith("cuda") else float("nan")
        print(f"oorl {args.size} {args.dtype}: {sum(times) / len(times):.2f} s/step, peak {peak:.2f} GiB, "
              f"{tokens / sum(times):.0f} rollout tokens/s, gepo_loss {metrics.get('gepo_loss', 0):.4f}")
        if trainer.reward is not None:
            trainer.reward.close()
    if not args.skip_memory:
        here = Path(__file__).resolve().parent
        subprocess.run([sys.executable, str(here / "gepo_memory.py"), "--device", args.device], check=False)


if __name__ == "__main__":
    main()
