"""transformers `generate`: CPU or GPU, batched, chat template when the tokenizer has one."""

from __future__ import annotations

import hashlib
from typing import Any

from irgroups.errors import ConfigError
from irgroups.generate.backends.base import (
    Backend,
    OnAnswer,
    Request,
    SamplingSettings,
    cut_at_stop,
    sample_seed,
)


class HFBackend(Backend):
    name = "hf"

    def __init__(self, model: str, settings: SamplingSettings, batch_size: int = 8, device: str | None = None,
                 dtype: str = "auto") -> None:
        super().__init__(model, settings)
        try:
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer
        except ImportError as e:
            raise ConfigError("the hf backend needs torch and transformers: pip install 'irgroups[train]'") from e
        self._torch = torch
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.tokenizer = AutoTokenizer.from_pretrained(model)
        self.tokenizer.padding_side = "left"
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        torch_dtype: Any = dtype if dtype == "auto" else getattr(torch, dtype)
        self.lm = AutoModelForCausalLM.from_pretrained(model, dtype=torch_dtype).to(self.device)  # type: ignore[arg-type]
        self.lm.eval()
        self.batch_size = batch_size
        self.tokens_generated = 0

    def render(self, request: Request) -> str:
        if getattr(self.tokenizer, "chat_template", None):
            return str(self.tokenizer.apply_chat_template(request.chat(), tokenize=False, add_generation_prompt=True))
        return request.prompt

    def generate(self, work: list[tuple[Request, list[int]]], on_answer: OnAnswer) -> None:
        torch = self._torch
        s = self.settings
        # one generate call per (sample index, batch of prompts), one sequence each: the RNG is seeded
        # by the batch's prompts and the sample's own seed, so asking for more --samples later draws
        # new samples rather than the cached ones again, and a resumed run samples what an
        # uninterrupted one would (for the same batches)
        by_sample: dict[int, list[Request]] = {}
        for request, samples in work:
            for i in samples:
                by_sample.setdefault(i, []).append(request)
        for i, requests in sorted(by_sample.items()):
            for start in range(0, len(requests), self.batch_size):
                batch = requests[start:start + self.batch_size]
                texts = [self.render(r) for r in batch]
                torch.manual_seed(int(hashlib.sha256("\0".join(texts).encode()).hexdigest()[:8], 16)
                                  ^ sample_seed(s.seed, i))
                enc = self.tokenizer(texts, return_tensors="pt", padding=True,
                                     add_special_tokens=False).to(self.device)
                kwargs: dict[str, Any] = {"max_new_tokens": s.max_new_tokens,
                                          "pad_token_id": self.tokenizer.pad_token_id}
                if s.temperature > 0:
                    kwargs.update(do_sample=True, temperature=s.temperature, top_p=s.top_p)
                else:
                    kwargs.update(do_sample=False)
                with torch.no_grad():
                    out = self.lm.generate(**enc, **kwargs)
                new = out[:, enc["input_ids"].shape[1]:]
                self.tokens_generated += int((new != self.tokenizer.pad_token_id).sum())
                for request, text in zip(batch, self.tokenizer.batch_decode(new, skip_special_tokens=True)):
                    on_answer(request, i, cut_at_stop(text, s.stop))

    def close(self) -> None:
        del self.lm
