"""How a prompt becomes model input and how an answer ends, in the model's own chat format.

The same rules serve the rollouts (TRL renders the prompt with `chat_template_kwargs`) and the
GEPO members (rendered here), so a member is scored exactly as the model would have written it:
the prompt with the generation header, then the answer closed by the template's own end of turn
(`<|im_end|>` for Qwen, `<|eot_id|>` for Llama 3), not by the tokenizer's eos.
"""

from __future__ import annotations

from typing import Any

_MARK = "\x00irgroups-answer\x00"


def template_kwargs(thinking: str) -> dict[str, Any]:
    """chat_template_kwargs for `--thinking template|on|off`."""
    return {} if thinking == "template" else {"enable_thinking": thinking == "on"}


def stop_ids(model: Any, tokenizer: Any) -> list[int]:
    """Every id that ends a completion: the generation config's eos ids (an end-of-turn token among
    them) and the tokenizer's eos, as TRL takes them."""
    ids = getattr(getattr(model, "generation_config", None), "eos_token_id", None)
    found = [] if ids is None else [ids] if isinstance(ids, int) else list(ids)
    if tokenizer.eos_token_id is not None and tokenizer.eos_token_id not in found:
        found.insert(0, tokenizer.eos_token_id)
    return found


def prompt_ids(tokenizer: Any, prompt: str, kwargs: dict[str, Any] | None = None) -> list[int]:
    """The prompt as the model sees it before answering: chat template with the generation header
    when the tokenizer has one (the template writes its own special tokens, bos included)."""
    if getattr(tokenizer, "chat_template", None):
        text = tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False,
                                             add_generation_prompt=True, **(kwargs or {}))
        return list(tokenizer(text, add_special_tokens=False)["input_ids"])
    return list(tokenizer(prompt, add_special_tokens=True)["input_ids"])


def end_of_turn_ids(tokenizer: Any, stops: list[int], kwargs: dict[str, Any] | None = None) -> list[int]:
    """The tokens that close an assistant answer: what the chat template writes after the answer, up
    to and including the first stop id in it; the eos without a template (or when the template writes
    no stop id after an answer)."""
    eos = [tokenizer.eos_token_id] if tokenizer.eos_token_id is not None else []
    if not getattr(tokenizer, "chat_template", None):
        return eos
    text = tokenizer.apply_chat_template([{"role": "user", "content": "x"}, {"role": "assistant", "content": _MARK}],
                                         tokenize=False, **(kwargs or {}))
    at = text.find(_MARK)
    if at < 0:
        return eos
    tail = list(tokenizer(text[at + len(_MARK):], add_special_tokens=False)["input_ids"])
    for i, t in enumerate(tail):
        if t in stops:
            return tail[:i + 1]
    return eos
