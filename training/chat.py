"""How a prompt becomes model input: the chat template when the tokenizer has one."""

from __future__ import annotations

from typing import Any


def render_prompt(tokenizer: Any, prompt: str) -> str:
    if getattr(tokenizer, "chat_template", None):
        return str(tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False,
                                                 add_generation_prompt=True))
    return prompt
