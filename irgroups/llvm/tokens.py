"""IR length in tokens.

No tokenizer can be downloaded here, so the default count is a clear rule: the number
of pieces GPT-4's `cl100k_base` pre-tokenizer splits the text into (its published
split pattern, letters/numbers/punctuation/whitespace runs, numbers in groups of up to
three digits). BPE never merges across those pieces, so this is a lower bound on the
cl100k token count, and close to it for IR, whose pieces are short (`%12`, `i64`,
`getelementptr` is one word piece but several BPE tokens: expect the real count to be
some 1.2-1.6x higher). Pass a local HF tokenizer (a `tokenizer.json` file or a model
directory) to count exactly with the model you train.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import regex

CL100K_PATTERN = (
    r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|"""
    r"""\s+(?!\S)|\s+"""
)
_PAT = regex.compile(CL100K_PATTERN)
RULE = "cl100k-pretokens"


def count_pretokens(text: str) -> int:
    return sum(1 for _ in _PAT.finditer(text))


def counter(tokenizer: str | None = None) -> tuple[str, Callable[[str], int]]:
    """(name, count function). `tokenizer`: None for the rule, or a local tokenizer path."""
    if not tokenizer:
        return RULE, count_pretokens
    from tokenizers import Tokenizer

    path = Path(tokenizer)
    file = path / "tokenizer.json" if path.is_dir() else path
    tok = Tokenizer.from_file(str(file))

    def count(text: str) -> int:
        return len(tok.encode(text, add_special_tokens=False).ids)

    return f"tokenizer:{file}", count
