"""vLLM's offline engine (GPU). The only module that imports vllm, and only when chosen."""

from __future__ import annotations

from typing import Any

from irgroups.errors import ConfigError
from irgroups.generate.backends.base import (
    Backend,
    OnAnswer,
    Request,
    SamplingSettings,
    jobs,
    sample_seed,
)

BATCH = 1024  # (prompt, sample) requests per engine call: enough to fill a GPU; each call's answers are cached


def engine_requests(work: list[tuple[Request, list[int]]], seed: int) -> list[tuple[Request, int, int]]:
    """(request, sample index, seed) for each answer to produce: one engine request per sample, with
    the sample's own seed (vLLM seeds the j-th child of an n>1 request with seed + j, so asking
    n=len(missing) after a partial cache would draw the cached samples again)."""
    return [(r, i, sample_seed(seed, i)) for r, i in jobs(work)]


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
        todo = engine_requests(work, s.seed)
        for start in range(0, len(todo), BATCH):
            batch = todo[start:start + BATCH]
            params = [self._params(n=1, temperature=s.temperature, top_p=s.top_p, max_tokens=s.max_new_tokens,
                                   seed=seed, stop=list(s.stop) or None) for _, _, seed in batch]
            if self.chat:
                outputs = self.llm.chat([r.chat() for r, _, _ in batch], params, use_tqdm=True)
            else:
                outputs = self.llm.generate([r.prompt for r, _, _ in batch], params, use_tqdm=True)
            for (request, sample, _), out in zip(batch, outputs):
                completion = out.outputs[0]
                self.tokens_generated += len(completion.token_ids)
                on_answer(request, sample, completion.text)  # cached as its batch returns
