"""Generation throughput on one GPU: vLLM's offline engine and transformers `generate`,
on a code model of realistic size built from a config (random weights: no download).

    python benchmarks/generation_gpu.py                      # Qwen2-0.5B-shaped model, both backends
    python benchmarks/generation_gpu.py --size tiny --device cpu --backends hf   # smoke run on CPU

Prints one line per backend: prompts, answers, generated tokens, seconds, tokens/s and
candidates/s (answers that went through extraction), measured in the same run.

The tokenizer is a small one trained on the bundled code (nothing is downloaded); for the
realistic sizes the embedding and LM head still get Qwen2's vocabulary (--vocab-size,
151936 by default), so the per-token cost of the head and the sampling is the real one.
Ids beyond the small tokenizer decode to nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

SIZES = {
    # hidden, layers, heads, kv heads, intermediate: the shape of Qwen2.5-0.5B, and a toy
    "0.5b": (896, 24, 14, 2, 4864),
    "1.5b": (1536, 28, 12, 2, 8960),
    "tiny": (64, 2, 4, 2, 128),
}
QWEN2_VOCAB = 151936  # Qwen2 / Qwen2.5's embedding rows


def default_vocab(size: str) -> int | None:
    """Qwen2's vocabulary for the realistic sizes; the small tokenizer's own for tiny."""
    return None if size == "tiny" else QWEN2_VOCAB


def make_model(out: Path, size: str, vocab_size: int | None = None, device: str | None = None) -> Path:
    """A Qwen2-shaped model with random weights and the small tokenizer, saved to `out/model`.

    `vocab_size` (at least the tokenizer's length) sets the embedding/LM-head rows; None keeps
    the tokenizer's. `device` is where the weights are initialised (a GPU does it in a moment)."""
    import torch
    from tinymodel import build_tiny_model
    from transformers import AutoTokenizer, Qwen2Config, Qwen2ForCausalLM

    build_tiny_model(out / "tok")  # a tokenizer trained on the bundled code
    tok = AutoTokenizer.from_pretrained(out / "tok")
    vocab = max(vocab_size or 0, len(tok))
    hidden, layers, heads, kv, inter = SIZES[size]
    config = Qwen2Config(vocab_size=vocab, hidden_size=hidden, num_hidden_layers=layers,
                         num_attention_heads=heads, num_key_value_heads=kv, intermediate_size=inter,
                         max_position_embeddings=8192, bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
                         pad_token_id=tok.pad_token_id, tie_word_embeddings=True, torch_dtype="bfloat16")
    torch.manual_seed(0)
    with torch.device(device or "cpu"):
        model = Qwen2ForCausalLM(config).to(torch.bfloat16)
    model.save_pretrained(out / "model")
    tok.save_pretrained(out / "model")
    del model
    if str(device).startswith("cuda"):
        torch.cuda.empty_cache()
    return out / "model"


def describe(size: str, model: Path) -> str:
    import json

    cfg = json.loads((model / "config.json").read_text())
    h, n, v = cfg["hidden_size"], cfg["num_hidden_layers"], cfg["vocab_size"]
    inter, heads, kv = cfg["intermediate_size"], cfg["num_attention_heads"], cfg["num_key_value_heads"]
    head = h // heads
    per_layer = h * (heads + 2 * kv) * head + heads * head * h + 3 * h * inter
    params = n * per_layer + v * h  # tied embeddings
    return f"Qwen2-shaped {size} ({params / 1e9:.2f}B params, hidden {h} x {n} layers, vocab {v})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=sorted(SIZES), default="0.5b")
    ap.add_argument("--backends", default="vllm,hf")
    ap.add_argument("--problems", type=int, default=32)
    ap.add_argument("--samples", type=int, default=8)
    ap.add_argument("--max-new-tokens", type=int, default=256)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--device", default=None)
    ap.add_argument("--vocab-size", type=int, default=None,
                    help=f"embedding/LM-head rows (default: {QWEN2_VOCAB} for 0.5b/1.5b, the tokenizer's for tiny)")
    ap.add_argument("--lang", default="rust", help="target language of the translation prompts")
    args = ap.parse_args()
    vocab = args.vocab_size if args.vocab_size is not None else default_vocab(args.size)

    from irgroups import languages
    from irgroups.generate.backends import SamplingSettings, make_backend
    from irgroups.generate.extract import extract
    from irgroups.generate.model import requests_for
    from irgroups.problems import sources

    problems = sources.load("humaneval").problems[: args.problems]
    reqs = requests_for(problems, [languages.get(args.lang)])
    settings = SamplingSettings(samples=args.samples, temperature=0.8, top_p=0.95,
                                max_new_tokens=args.max_new_tokens, seed=0)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        model = make_model(Path(tmp), args.size, vocab, args.device)
        print(f"model: {describe(args.size, model)}, random weights, built in {time.perf_counter() - t0:.1f} s; "
              f"{len(reqs)} prompts x {args.samples} samples, max_new_tokens={args.max_new_tokens}, "
              f"batch {args.batch_size} prompts", flush=True)
        for name in args.backends.split(","):
            options = {"batch_size": args.batch_size, "device": args.device} if name == "hf" else {}
            try:
                backend = make_backend(name, str(model), settings, **options)
            except Exception as e:  # noqa: BLE001 - report and go on to the next backend
                print(f"{name:6} unavailable: {e}")
                continue
            hf: Any = backend
            if name == "hf":  # warm up kernels and the allocator outside the timing
                enc = hf.tokenizer([hf.render(reqs[0][2])], return_tensors="pt").to(hf.lm.device)
                hf.lm.generate(**enc, max_new_tokens=8, do_sample=True, pad_token_id=hf.tokenizer.pad_token_id)
                if str(hf.device).startswith("cuda"):
                    import torch

                    torch.cuda.synchronize()
                    torch.cuda.reset_peak_memory_stats()
            answers: list[tuple[str, str]] = []
            start = time.perf_counter()
            backend.generate([(r, list(range(args.samples))) for _, _, r in reqs],
                             lambda r, i, text, sink=answers: sink.append((r.request_id, text)))
            gen_s = time.perf_counter() - start
            by_id = {r.request_id: p for p, _, r in reqs}
            t0 = time.perf_counter()
            for request_id, text in answers:
                extract(args.lang, text, by_id[request_id])
            ext_s = time.perf_counter() - t0
            tokens = getattr(backend, "tokens_generated", 0)
            peak = ""
            if str(getattr(backend, "device", "")).startswith("cuda"):
                import torch

                peak = f" peak_gib={torch.cuda.max_memory_allocated() / 2**30:.2f}"
            print(f"{name:6} {args.size} answers={len(answers)} tokens={tokens} seconds={gen_s:.1f} "
                  f"tokens/s={tokens / gen_s:.0f} candidates/s={len(answers) / (gen_s + ext_s):.2f}{peak}",
                  flush=True)
            backend.close()


if __name__ == "__main__":
    main()
