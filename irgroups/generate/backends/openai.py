"""Any OpenAI-compatible server (vLLM, SGLang, TGI, llama.cpp, transformers serve).

One HTTP request per (prompt, sample index), with the sample's own seed, so a
resumed run asks only for what is missing. Requests run `concurrency` at a time,
with timeouts and retries on connection errors, 429 and 5xx: after the server's `Retry-After`
when it sends one (capped), else exponential backoff with jitter.
"""

from __future__ import annotations

import asyncio
import os
import random
from typing import Any

import httpx

from irgroups.errors import GenerationError
from irgroups.generate.backends.base import (
    Backend,
    OnAnswer,
    Request,
    SamplingSettings,
    cut_at_stop,
    jobs,
    sample_seed,
)

RETRY_STATUS = {408, 409, 429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 300.0  # seconds: a server asking for longer is waited on this long, then asked again


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), capped; None if absent
    or unreadable."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        import datetime as dt

        seconds = (when - dt.datetime.now(dt.UTC)).total_seconds()
    return min(max(0.0, seconds), MAX_RETRY_AFTER)


class OpenAIBackend(Backend):
    name = "openai"

    def __init__(self, model: str, settings: SamplingSettings, base_url: str = "http://127.0.0.1:8000/v1",
                 api_key: str | None = None, mode: str = "chat", concurrency: int = 16, timeout: float = 300.0,
                 max_retries: int = 5, backoff: float = 1.0) -> None:
        super().__init__(model, settings)
        if mode not in ("chat", "completion"):
            raise GenerationError(f"--api-mode must be chat or completion, got {mode!r}")
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key if api_key is not None else os.environ.get("OPENAI_API_KEY", "")
        self.mode = mode
        self.concurrency = concurrency
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.requests_sent = 0
        self.tokens_generated = 0

    def body(self, request: Request, sample: int) -> dict[str, Any]:
        s = self.settings
        body: dict[str, Any] = {"model": self.model, "temperature": s.temperature, "top_p": s.top_p,
                                "max_tokens": s.max_new_tokens, "seed": sample_seed(s.seed, sample), "n": 1}
        if s.stop:
            body["stop"] = list(s.stop)
        if self.mode == "chat":
            body["messages"] = request.chat()
        else:
            body["prompt"] = request.prompt
        return body

    def generate(self, work: list[tuple[Request, list[int]]], on_answer: OnAnswer) -> None:
        todo = jobs(work)
        if todo:
            asyncio.run(self._run(todo, on_answer))

    async def _run(self, jobs: list[tuple[Request, int]], on_answer: OnAnswer) -> None:
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        gate = asyncio.Semaphore(self.concurrency)
        path = "/chat/completions" if self.mode == "chat" else "/completions"
        limits = httpx.Limits(max_connections=self.concurrency)
        async with httpx.AsyncClient(base_url=self.base_url, headers=headers, timeout=self.timeout,
                                     limits=limits) as client:

            async def one(request: Request, sample: int) -> None:
                async with gate:
                    text = await self._post(client, path, self.body(request, sample))
                on_answer(request, sample, cut_at_stop(text, self.settings.stop))

            await asyncio.gather(*(one(r, i) for r, i in jobs))

    async def _post(self, client: httpx.AsyncClient, path: str, body: dict[str, Any]) -> str:
        last = ""
        wait: float | None = None  # what the server asked for, if it did
        for attempt in range(self.max_retries + 1):
            if attempt:
                await asyncio.sleep(wait if wait is not None else
                                    self.backoff * 2 ** (attempt - 1) * (0.5 + random.random()))
            wait = None
            try:
                self.requests_sent += 1
                resp = await client.post(path, json=body)
            except httpx.TransportError as e:
                last = f"{type(e).__name__}: {e}"
                continue
            if resp.status_code in RETRY_STATUS:
                last = f"HTTP {resp.status_code}: {resp.text[:300]}"
                wait = retry_after(resp.headers.get("retry-after"))
                continue
            if resp.status_code >= 400:
                raise GenerationError(f"{self.base_url}{path} answered HTTP {resp.status_code}: {resp.text[:500]}")
            return self._text(resp.json())
        raise GenerationError(f"{self.base_url}{path}: giving up after {self.max_retries + 1} attempts ({last})")

    def _text(self, data: dict[str, Any]) -> str:
        try:
            choice = data["choices"][0]
            usage = data.get("usage") or {}
            self.tokens_generated += int(usage.get("completion_tokens") or 0)
            if self.mode == "chat":
                return str(choice["message"].get("content") or "")
            return str(choice.get("text") or "")
        except (KeyError, IndexError, TypeError) as e:
            raise GenerationError(f"unexpected response shape from {self.base_url}: {str(data)[:300]}") from e
