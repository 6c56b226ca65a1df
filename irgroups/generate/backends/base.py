"""One interface for every generation backend.

A backend turns requests (a chat or a plain prompt) into `samples` answers each.
Sampling settings are shared; the request cache (see `generate.requests`) sits in
front of every backend, so a backend only ever sees work that is not done yet.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from irgroups.errors import ConfigError


@dataclass(frozen=True)
class SamplingSettings:
    samples: int = 4
    temperature: float = 0.8
    top_p: float = 0.95
    max_new_tokens: int = 1024
    seed: int = 0
    stop: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.samples < 1:
            raise ConfigError(f"--samples must be at least 1, got {self.samples}")
        if self.temperature < 0:
            raise ConfigError(f"--temperature must be >= 0, got {self.temperature}")
        if not 0 < self.top_p <= 1:
            raise ConfigError(f"--top-p must be in (0, 1], got {self.top_p}")
        if self.max_new_tokens < 1:
            raise ConfigError(f"--max-new-tokens must be at least 1, got {self.max_new_tokens}")

    def key(self) -> dict[str, Any]:
        """What, besides the prompt and the sample index, decides an answer."""
        d = asdict(self)
        d.pop("samples")
        return d


@dataclass(frozen=True)
class Request:
    """One prompt; `messages` for chat models, `prompt` is the same text for completion models."""

    request_id: str
    prompt: str
    messages: tuple[dict[str, str], ...] = field(default=())

    def chat(self) -> list[dict[str, str]]:
        return list(self.messages) or [{"role": "user", "content": self.prompt}]


# called once per finished (request, sample index, answer), so answers are cached as they come
OnAnswer = Callable[[Request, int, str], None]


def sample_seed(seed: int, sample: int) -> int:
    """The seed of sample index `sample`: its own, whatever other samples are asked for with it, so a
    resumed run (or one with more --samples) draws new samples, never the cached ones again."""
    return seed * 100_003 + sample


def jobs(work: list[tuple[Request, list[int]]]) -> list[tuple[Request, int]]:
    """The (request, sample index) pairs of `work`, in order: one engine request each."""
    return [(r, i) for r, samples in work for i in samples]


class Backend(ABC):
    name: str

    def __init__(self, model: str, settings: SamplingSettings) -> None:
        self.model = model
        self.settings = settings

    @abstractmethod
    def generate(self, work: list[tuple[Request, list[int]]], on_answer: OnAnswer) -> None:
        """For each request, produce the answers of the listed sample indices."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Free the model or the connection."""


def cut_at_stop(text: str, stop: tuple[str, ...]) -> str:
    """Backends that cannot stop on strings themselves cut here, the same way everywhere."""
    cut = len(text)
    for s in stop:
        i = text.find(s)
        if i != -1:
            cut = min(cut, i)
    return text[:cut]
