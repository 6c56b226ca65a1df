"""vLLM's offline engine (GPU). The only module that imports vllm, and only when chosen."""

from __future__ import annotations

from typing import Any

from irgroups.errors import ConfigError
from irgroups.generate.backends.base import Backend, OnAnswer, Request, SamplingSettings


class VLLMBackend(Backend):
    name = "vllm"

    def __init__(self, model: str, settings: SamplingSettings, tensor_parallel_size: int = 1,
                 chat: bool = True, **engine_args: Any) -> None:
        super().__init__(model, settings)
        try:
            from vllm import LLM, SamplingParams
        except ImportError as e:
            raise ConfigError("the vllm backend needs vLLM on a GPU machine: pip install 'irgroups[vllm]'") from e
        self._params = SamplingParams
        self.llm = LLM(model=model, seed=settings.seed, tensor_parallel_size=tensor_parallel_size, **engine_args)
        self.chat = chat and self.llm.get_tokenizer().chat_template is not None
        self.tokens_generated = 0

    def generate(self, work: list[tuple[Request, list[int]]], on_answer: OnAnswer) -> None:
        s = self.settings
        # one engine call for everything: vLLM schedules the batch itself
        n = max((len(samples) for _, samples in work), default=0)
        if not n:
            return
        params = self._params(n=n, temperature=s.temperature, top_p=s.top_p, max_tokens=s.max_new_tokens,
                              seed=s.seed, stop=list(s.stop) or None)
        if self.chat:
            outputs = self.llm.chat([r.chat() for r, _ in work], params, use_tqdm=True)
        else:
            outputs = self.llm.generate([r.prompt for r, _ in work], params, use_tqdm=True)
        for (request, samples), out in zip(work, outputs):
            for j, sample in enumerate(samples):
                completion = out.outputs[j]
                self.tokens_generated += len(completion.token_ids)
                on_answer(request, sample, completion.text)
