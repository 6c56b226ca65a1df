"""Generation throughput on one GPU: vLLM's offline engine and transformers `generate`,
on a code model of realistic size built from a config (random weights: no download).

    python benchmarks/generation_gpu.py                      # Qwen2-0.5B-shaped model, both backends
    python benchmarks/generation_gpu.py --size tiny --device cpu --backends hf   # smoke run on CPU

Prints one line per backend: prompts, answers, generated tokens, seconds, tokens/s and
candidates/s (answers that went through extraction), measured in the same run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

SIZES = {
    # hidden, layers, heads, kv heads, intermediate: the shape of Qwen2.5-0.5B, and a toy
    "0.5b": (896, 24, 14, 2, 4864),
    "1.5b": (1536, 28, 12, 2, 8960),
    "tiny": (64, 2, 4, 2, 128),
}


def make_model(out: Path, size: str) -> Path:
    import torch
    from tinymodel import build_tiny_model
    from transformers import AutoTokenizer, Qwen2Config, Qwen2ForCausalLM

    build_tiny_model(out / "tok")  # a tokenizer trained on the bundled code
    tok = AutoTokenizer.from_pretrained(out / "tok")
    hidden, layers, heads, kv, inter = SIZES[size]
    config = Qwen2Config(vocab_size=len(tok), hidden_size=hidden, num_hidden_layers=layers,
                         num_attention_heads=heads, num_key_value_heads=kv, intermediate_size=inter,
                         max_position_embeddings=8192, bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
                         pad_token_id=tok.pad_token_id, tie_word_embeddings=True, torch_dtype="bfloat16")
    torch.manual_seed(0)
    model = Qwen2ForCausalLM(config).to(torch.bfloat16)
    model.save_pretrained(out / "model")
    tok.save_pretrained(out / "model")
    return out / "model"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=sorted(SIZES), default="0.5b")
    ap.add_argument("--backends", default="vllm,hf")
    ap.add_argument("--problems", type=int, default=32)
    ap.add_argument("--samples", type=int, default=8)
    ap.add_argument("--max-new-tokens", type=int, default=256)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--device", default=None)
    args = ap.parse_args()

    from irgroups import languages
    from irgroups.generate.backends import SamplingSettings, make_backend
    from irgroups.generate.extract import extract
    from irgroups.generate.model import requests_for
    from irgroups.problems import sources

    problems = sources.load("humaneval").problems[: args.problems]
    reqs = requests_for(problems, [languages.get("rust")])
    settings = SamplingSettings(samples=args.samples, temperature=0.8, top_p=0.95,
                                max_new_tokens=args.max_new_tokens, seed=0)
    with tempfile.TemporaryDirectory() as tmp:
        model = make_model(Path(tmp), args.size)
        print(f"model: Qwen2-shaped {args.size}, random weights, {len(reqs)} prompts x {args.samples} samples, "
              f"max_new_tokens={args.max_new_tokens}")
        for name in args.backends.split(","):
            options = {"batch_size": args.batch_size, "device": args.device} if name == "hf" else {}
            try:
                backend = make_backend(name, str(model), settings, **options)
            except Exception as e:  # noqa: BLE001 - report and go on to the next backend
                print(f"{name:6} unavailable: {e}")
                continue
            answers: list[tuple[str, str]] = []
            start = time.perf_counter()
            backend.generate([(r, list(range(args.samples))) for _, _, r in reqs],
                             lambda r, i, text, sink=answers: sink.append((r.request_id, text)))
            gen_s = time.perf_counter() - start
            by_id = {r.request_id: p for p, _, r in reqs}
            t0 = time.perf_counter()
            for request_id, text in answers:
                extract("rust", text, by_id[request_id])
            ext_s = time.perf_counter() - t0
            tokens = getattr(backend, "tokens_generated", 0)
            print(f"{name:6} answers={len(answers)} tokens={tokens} seconds={gen_s:.1f} "
                  f"tokens/s={tokens / gen_s:.0f} candidates/s={len(answers) / (gen_s + ext_s):.2f}")
            backend.close()


if __name__ == "__main__":
    main()
