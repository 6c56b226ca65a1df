"""Peak memory and time of one GEPO step as the group grows: members one at a time (two ways) vs all at once.

    python benchmarks/gepo_memory.py                        # CPU, groups of 2, 4, 8, 16
    python benchmarks/gepo_memory.py --device cuda --hidden 1024 --layers 8 --seq-len 1024
    python benchmarks/gepo_memory.py --device cuda --shape 0.5b --seq-len 1024   # Qwen2-0.5B shape and vocab

A small Llama (or, with --shape, a Qwen2-shaped model of generation_gpu.py with Qwen2's
vocabulary for the realistic sizes) (random weights, built from a config; the tokenizer is the one the tests
train on the bundled code) scores groups of half equivalent, half inequivalent members of
about --seq-len tokens each. Every (method, size) runs in a fresh subprocess so one
measurement's peak cannot leak into the next. Memory: on CPU the growth of the process's
peak RSS (getrusage ru_maxrss) over its value once the model is loaded; on CUDA
torch.cuda.max_memory_allocated above the allocated memory before the step. A step is
`gepo_backward` (no-grad scoring + one backward per member: one_at_a_time), `gepo_surrogate` (each
member's forward checkpointed, one backward that recomputes them one at a time: checkpointed, what
the trainer adds to its loss) or `gepo_backward_all_at_once`; tokens/s counts each member's real
(unpadded) tokens once per step.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

METHODS = ("one_at_a_time", "checkpointed", "all_at_once")


def build_model(out: Path, hidden: int, layers: int, vocab_size: int | None = None, device: str = "cpu") -> Path:
    import torch
    from tinymodel import build_tiny_model
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM
    from transformers.utils import logging

    logging.disable_progress_bar()
    tok = AutoTokenizer.from_pretrained(build_tiny_model(out / "tok"))
    heads = max(1, hidden // 64)
    config = LlamaConfig(vocab_size=max(vocab_size or 0, len(tok)), hidden_size=hidden, intermediate_size=4 * hidden,
                         num_hidden_layers=layers, num_attention_heads=heads, num_key_value_heads=max(1, heads // 2),
                         max_position_embeddings=8192, bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
                         pad_token_id=tok.pad_token_id, tie_word_embeddings=True)
    torch.manual_seed(0)
    with torch.device(device):
        model = LlamaForCausalLM(config)
    model.save_pretrained(out / "model")
    tok.save_pretrained(out / "model")
    return out / "model"


def make_group(tok: Any, size: int, seq_len: int) -> tuple[list[str], list[str], list[bool]]:
    """One prompt (~seq_len/4 tokens) and `size` responses of ~3/4 seq_len tokens, lengths
    varying by a few tokens: windows of the bundled code, decoded from token ids."""
    from tinymodel import corpus

    ids = tok("\n".join(corpus()), add_special_tokens=False)["input_ids"]
    p_len, r_len = seq_len // 4, seq_len - seq_len // 4 - 16  # leave room for the chat template and eos
    prompt = tok.decode(ids[:p_len])
    responses = [tok.decode(ids[p_len + 997 * k: p_len + 997 * k + r_len - (k % 4) * 4]) for k in range(size)]
    return [prompt] * size, responses, [k < size // 2 for k in range(size)]


def worker(args: argparse.Namespace) -> None:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from irgroups.training.gepo import gepo_backward, gepo_backward_all_at_once, gepo_surrogate
    from irgroups.training.logprobs import encode, sequence_logps

    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    dtype = getattr(torch, args.dtype)
    tok = AutoTokenizer.from_pretrained(args.model)
    model = AutoModelForCausalLM.from_pretrained(args.model, dtype=dtype).to(device)
    model.train()
    prompts, responses, equiv = make_group(tok, args.size, args.seq_len)
    group = torch.zeros(args.size, dtype=torch.long)
    equivalent = torch.tensor(equiv)
    with torch.no_grad():  # a stand-in reference: the same model, one member at a time
        ref = torch.cat([sequence_logps(model, encode(tok, [p], [r])) for p, r in zip(prompts, responses)]).cpu()
        ref += torch.randn(args.size, generator=torch.Generator().manual_seed(0))
    tokens = int(encode(tok, prompts, responses)["attention_mask"].sum())
    def checkpointed(model: Any, tok: Any, prompts: list[str], responses: list[str], ref: torch.Tensor,
                     group: torch.Tensor, equivalent: torch.Tensor, micro_batch: int = 1) -> None:
        batches = [encode(tok, prompts[i:i + micro_batch], responses[i:i + micro_batch])
                   for i in range(0, len(prompts), micro_batch)]
        gepo_surrogate(model, batches, ref, group, equivalent)[0].backward()

    step = {"one_at_a_time": gepo_backward, "checkpointed": checkpointed,
            "all_at_once": gepo_backward_all_at_once}[args.method]

    def sync() -> None:
        if device.type == "cuda":
            torch.cuda.synchronize()

    model.zero_grad(set_to_none=False)  # gradients held in both methods: part of the baseline
    sync()
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats()
        base = torch.cuda.memory_allocated()
    else:
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    times = []
    for i in range(args.steps + 1):  # the first step warms up and is not timed
        start = time.perf_counter()
        step(model, tok, prompts, responses, ref, group, equivalent, micro_batch=args.micro_batch)
        sync()
        if i:
            times.append(time.perf_counter() - start)
        model.zero_grad(set_to_none=False)
    if device.type == "cuda":
        peak = torch.cuda.max_memory_allocated()
    else:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    seconds = statistics.median(times)
    print(json.dumps({"method": args.method, "size": args.size, "tokens": tokens, "step_mib": (peak - base) / 2**20,
                      "peak_mib": peak / 2**20, "seconds": seconds, "tokens_per_s": tokens / seconds}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--dtype", default=None, help="float32 on CPU, bfloat16 on CUDA unless set")
    ap.add_argument("--sizes", default="2,4,8,16")
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--shape", default=None,
                    help="a Qwen2 shape of generation_gpu.py (0.5b, 1.5b, tiny) instead of the Llama of --hidden/--layers")
    ap.add_argument("--vocab-size", type=int, default=None,
                    help="embedding/LM-head rows (default: the tokenizer's; Qwen2's for --shape 0.5b/1.5b)")
    ap.add_argument("--timeout", type=float, default=0, help="seconds per measurement (0: no limit)")
    ap.add_argument("--seq-len", type=int, default=256)
    ap.add_argument("--steps", type=int, default=3, help="timed steps per measurement (median reported)")
    ap.add_argument("--micro-batch", type=int, default=1)
    ap.add_argument("--threads", type=int, default=0,
                    help="torch CPU threads per measurement (0: torch's default); 1 keeps timings steady on a busy machine")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--model", help=argparse.SUPPRESS)
    ap.add_argument("--method", choices=METHODS, help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.dtype = args.dtype or ("bfloat16" if args.device.startswith("cuda") else "float32")
    if args.worker:
        worker(args)
        return

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        build_on = args.device if args.device.startswith("cuda") else "cpu"
        if args.shape:
            from generation_gpu import default_vocab, describe, make_model

            vocab = args.vocab_size if args.vocab_size is not None else default_vocab(args.shape)
            model = make_model(Path(tmp), args.shape, vocab, build_on)
            arch = describe(args.shape, model)
        else:
            model = build_model(Path(tmp), args.hidden, args.layers, args.vocab_size, build_on)
            arch = f"Llama hidden {args.hidden} x {args.layers} layers"
        if build_on.startswith("cuda"):
            import torch

            torch.cuda.empty_cache()  # the workers measure; this process holds no weights
        print(f"# model built in {time.perf_counter() - start:.1f} s", flush=True)
        print(f"# device {args.device}, {args.dtype}, {arch}, "
              f"~{args.seq_len} tokens/member, micro_batch {args.micro_batch}, "
              f"{args.threads or 'default'} threads, median of {args.steps} steps")
        mem = "peak alloc MiB" if args.device.startswith("cuda") else "peak RSS MiB"
        print(f"{'method':<14} {'size':>4} {'tokens':>6} {'step MiB':>9} {mem:>15} {'s/step':>8} {'tokens/s':>9}")
        # size-major, so a sweep cut short still compares both methods on the sizes it reached
        for size in (int(s) for s in args.sizes.split(",")):
            for method in METHODS:
                cmd = [sys.executable, __file__, "--worker", "--model", str(model), "--method", method,
                       "--size", str(size), "--device", args.device, "--dtype", args.dtype,
                       "--seq-len", str(args.seq_len), "--steps", str(args.steps),
                       "--micro-batch", str(args.micro_batch), "--threads", str(args.threads)]
                try:
                    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout or None)
                except subprocess.TimeoutExpired:
                    print(f"{method:<14} {size:>4} failed: over {args.timeout:.0f} s", flush=True)
                    continue
                if proc.returncode != 0:
                    print(f"{method:<14} {size:>4} failed (exit {proc.returncode}): {proc.stderr.strip()[-300:]}", flush=True)
                    continue
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                print(f"{method:<14} {size:>4} {r['tokens']:>6} {r['step_mib']:>9.1f} {r['peak_mib']:>15.1f} "
                      f"{r['seconds']:>8.3f} {r['tokens_per_s']:>9.0f}", flush=True)


if __name__ == "__main__":
    main()
