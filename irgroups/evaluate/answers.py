"""Turn what a model said into the continuation the harness appends to the prompt.

The harnesses expect a bare continuation of the prompt, cut at the stop tokens.
Chat models instead answer with a fenced block, often holding the whole program
again (imports, the signature, sometimes `main`). As SandboxFusion does, all of
these are accepted:

1. A fenced block is unwrapped (the first one tagged with the row's language,
   else the first one).
2. If the code repeats the prompt's signature line, the continuation is what
   follows that line (a repeated Python docstring is skipped too).
3. Otherwise the text is taken as the continuation itself.

Then the continuation is cut at the first stop token, as the harnesses'
generation step does. A continuation that is already cut passes unchanged.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t]*(```|~~~)[ \t]*([^\s`]*)[^\n]*\n(.*?)^[ \t]*\1[ \t]*$", re.M | re.S)
_TAGS = {"python": {"python", "py", "python3"}, "rust": {"rust", "rs"}, "go": {"go", "golang"},
         "csharp": {"csharp", "cs", "c#"}, "cpp": {"cpp", "c++", "cc", "cxx"}}
_SIGNATURE = {
    "python": re.compile(r"^\s*(async\s+)?def\s+\w+\s*\("),
    "rust": re.compile(r"^\s*(pub\s+)?fn\s+\w+"),
    "go": re.compile(r"^\s*func\s+\w+\s*\("),
    "csharp": re.compile(r"^\s*(public|private|internal|static).*\w+\s*\(.*\)\s*\{?\s*$"),
    "cpp": re.compile(r"^\s*[\w:<>,\s\*&]+\s+\w+\s*\(.*\)\s*\{?\s*$"),
}


def unfence(answer: str, lang: str) -> str:
    blocks = [(m.group(2).lower(), m.group(3)) for m in _FENCE.finditer(answer)]
    if not blocks:
        # an opened fence that the model never closed (cut by max tokens)
        m = re.search(r"^[ \t]*```[^\n]*\n", answer, re.M)
        return answer[m.end():] if m else answer
    tagged = [text for tag, text in blocks if tag in _TAGS.get(lang, set())]
    return (tagged or [blocks[0][1]])[0]


def signature_line(prompt: str, lang: str) -> str | None:
    """The last line of the prompt that declares the function to complete."""
    pattern = _SIGNATURE[lang]
    for line in reversed(prompt.splitlines()):
        if pattern.match(line) and not line.strip().startswith(("//", "#", "*", "/*")):
            return line.strip()
    return None


def continuation(prompt: str, answer: str, lang: str, stop_tokens: list[str] | None = None) -> str:
    code = unfence(answer, lang)
    sig = signature_line(prompt, lang)
    if sig is not None:
        lines = code.splitlines(keepends=True)
        for i, line in enumerate(lines):
            if line.strip() == sig:
                code = "".join(lines[i + 1:])
                if lang == "python":
                    code = _skip_docstring(code)
                break
    return cut_at_stops(code, stop_tokens or [])


def cut_at_stops(code: str, stop_tokens: list[str]) -> str:
    cut = len(code)
    for stop in stop_tokens:
        if stop:
            at = code.find(stop)
            if at != -1:
                cut = min(cut, at)
    return code[:cut]


def _skip_docstring(code: str) -> str:
    m = re.match(r'\s*("""|\'\'\')', code)
    if not m:
        return code
    end = code.find(m.group(1), m.end())
    if end == -1:
        return code
    rest = code[end + 3:]
    return rest[1:] if rest.startswith("\n") else rest
