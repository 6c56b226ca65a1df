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
        for start in range(0, len(work), self.batch_size):
            batch = work[start:start + self.batch_size]
            # every sample index of a request is generated together; the seed comes from
            # the batch's content, so a resumed run samples what an uninterrupted one would
            n = max(len(samples) for _, samples in batch)
            texts = [self.render(r) for r, _ in batch]
            seed = int(hashlib.sha256("\0".join(texts).encode()).hexdigest()[:8], 16) ^ s.seed
            torch.manual_seed(seed)
            enc = self.tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False).to(self.device)
            kwargs: dict[str, Any] = {"max_new_tokens": s.max_new_tokens, "num_return_sequences": n,
                                      "pad_token_id": self.tokenizer.pad_token_id}
            if s.temperature > 0:
                kwargs.update(do_sample=True, temperature=s.temperature, top_p=s.top_p)
            else:
                kwargs.update(do_sample=False)
            with torch.no_grad():
                out = self.lm.generate(**enc, **kwargs)
            new = out[:, enc["input_ids"].shape[1]:]
            self.tokens_generated += int((new != self.tokenizer.pad_token_id).sum())
            decoded = self.tokenizer.batch_decode(new, skip_special_tokens=True)
            for i, (request, samples) in enumerate(batch):
                for j, sample in enumerate(samples):
                    on_answer(request, sample, cut_at_stop(decoded[i * n + j], s.stop))

    def close(self) -> None:
        del self.lm
