"""Generation backends. `vllm` is imported only when chosen."""

from __future__ import annotations

from typing import Any

from irgroups.errors import ConfigError
from irgroups.generate.backends.base import Backend, Request, SamplingSettings

MODEL_BACKENDS = ("vllm", "openai", "hf")


def make_backend(name: str, model: str, settings: SamplingSettings, **options: Any) -> Backend:
    if name == "hf":
        from irgroups.generate.backends.hf import HFBackend

        return HFBackend(model, settings, **options)
    if name == "openai":
        from irgroups.generate.backends.openai import OpenAIBackend

        return OpenAIBackend(model, settings, **options)
    if name == "vllm":
        from irgroups.generate.backends.vllm import VLLMBackend

        return VLLMBackend(model, settings, **options)
    raise ConfigError(f"unknown backend {name!r}; choose one of: reference, {', '.join(MODEL_BACKENDS)}")


__all__ = ["MODEL_BACKENDS", "Backend", "Request", "SamplingSettings", "make_backend"]
