"""One way from a model's answer to a benchmark program (MultiPL-E, HumanEval-X prompts).

Two kinds of answers reach a harness:

- a **continuation** of the prompt, as base models write for MultiPL-E: it is cut at the row's
  stop tokens and appended to the prompt, as MultiPL-E does;
- a **chat answer**: prose, one or more fenced blocks, a whole function or a whole program with
  its own imports, helpers, `main` and tests. It goes through the build's extractor
  (`irgroups.generate.extract`), which keeps the entry function, what it needs and the imports,
  and drops `main` and tests. The extracted code then takes the place of the prompt's own
  signature and body: its imports are merged with the prompt's where the language needs them
  (Go's import block, C#'s usings at the top), and the test suite's line that closes the
  prompt's function is dropped, since the answer closes its own.

`auto` (the default) reads an answer as a chat answer when it has a fenced block or defines the
entry function itself, else as a continuation. Every result says which path it took, and a chat
answer with no usable code is a `format_error` with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from irgroups import languages
from irgroups.generate.extract import extract_function, tag_lang
from irgroups.languages.base import Language

CONTINUATION, CHAT = "continuation", "chat"
MODES = ("auto", CONTINUATION, CHAT)

_FENCE = re.compile(r"^[ \t]*(```|~~~)", re.M)


@dataclass(frozen=True)
class Reading:
    """How an answer was read: the path, and the code (continuation text or extracted code)."""

    path: str
    code: str | None
    error: str | None = None  # a format error of the chat path (no usable code), with `detail`
    detail: str = ""


@dataclass(frozen=True)
class Entry:
    name: str
    params: int
    line: int  # index of the signature line in the prompt


def prompt_entry(prompt: str, lang: str) -> Entry | None:
    """The function the prompt asks for: the last line that declares one."""
    pattern = languages.get(lang).entry_pattern
    if pattern is None:
        return None
    lines = prompt.split("\n")
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        m = pattern.match(line)
        if m and not line.strip().startswith(("//", "#", "*", "/*")):
            return Entry(m.group("name"), _count_params(line[m.end() - 1:]), i)
    return None


def _count_params(text: str) -> int:
    """Parameters in `(a, b: Vec<(i64, i64)>, ...)` at the start of `text`: top-level commas + 1."""
    depth, commas, seen = 0, 0, False
    for ch in text:
        if ch in "([<{":
            depth += 1
            if depth == 1:
                continue
        elif ch in ")]>}":
            depth -= 1
            if depth == 0:
                break
        elif ch == "," and depth == 1:
            commas += 1
        if depth >= 1 and not ch.isspace():
            seen = True
    return commas + 1 if seen else 0


def read(prompt: str, answer: str, lang: str, mode: str = "auto", stop_tokens: list[str] | None = None) -> Reading:
    """Read `answer` to `prompt` as a continuation or a chat answer (see the module docstring)."""
    if mode not in MODES:
        raise ValueError(f"answers mode must be one of {', '.join(MODES)}, got {mode!r}")
    entry = prompt_entry(prompt, lang)
    if mode == CONTINUATION or entry is None:
        return Reading(CONTINUATION, cut_at_stops(answer, stop_tokens or []))
    # strict: scored as the harness would score the code the model wrote (no renamed entry, no
    # import added for it, no modifier changed)
    got = extract_function(lang, answer, entry.name, entry.params, strict=True)
    if got.ok:
        return Reading(CHAT, got.code, None, got.detail)
    if mode == CHAT or _FENCE.search(answer):
        block = _own_block(answer, lang)
        tagged = _own_block(answer, lang, untagged=False)
        if tagged is not None and mode != CHAT and not _defines(tagged, lang, entry.name):
            # a fenced block holding only the body: a continuation of the prompt in a fence
            return Reading(CONTINUATION, cut_at_stops(tagged, stop_tokens or []), None, "code block read as a continuation")
        if block is not None and got.error == "unparsable":
            # the model's function with a syntax error: the compiler says so, as it would in the harness
            return Reading(CHAT, block, None, "code block taken as it is: " + got.detail)
        return Reading(CHAT, None, got.error, got.detail)
    return Reading(CONTINUATION, cut_at_stops(answer, stop_tokens or []))


_BLOCK = re.compile(r"^[ \t]*(```|~~~)[ \t]*([^\s`]*)[^\n]*\n(.*?)^[ \t]*\1[ \t]*$", re.M | re.S)


def _own_block(answer: str, lang: str, untagged: bool = True) -> str | None:
    """The first closed block tagged with `lang`, else (if `untagged`) the first untagged one."""
    blocks = [(tag_lang(m.group(2)), m.group(3)) for m in _BLOCK.finditer(answer)]
    for want in ({lang}, {""} if untagged else set()):
        for tag, text in blocks:
            if tag in want:
                return text
    return None


def _defines(code: str, lang: str, name: str) -> bool:
    pattern = languages.get(lang).entry_pattern
    return pattern is not None and any((m := pattern.match(line)) is not None and m.group("name") == name
                                       for line in code.split("\n"))


def cut_at_stops(code: str, stop_tokens: list[str]) -> str:
    cut = len(code)
    for stop in stop_tokens:
        if stop:
            at = code.find(stop)
            if at != -1:
                cut = min(cut, at)
    return code[:cut]


# ---- splicing extracted code into a prompt ---------------------------------------------------------

def splice(prompt: str, code: str, lang: str, tests: str) -> tuple[str, str, str]:
    """(prompt head, body, tests): the program is head + body + "\\n" + tests.

    The head is the prompt up to its signature (imports, a C# class opening, the package clause),
    with the answer's imports merged in where the language needs them; the body is the extracted
    code (without what was merged); the tests lose the line that closed the prompt's function."""
    entry = prompt_entry(prompt, lang)
    lines = prompt.split("\n")
    language = languages.get(lang)
    head, body = language.splice_answer(_without_doc("\n".join(lines[:entry.line] if entry is not None else lines),
                                                     language), code, tests)
    return head + ("\n" if head and not head.endswith("\n") else ""), body, drop_closing_brace(tests)


def drop_closing_brace(tests: str) -> str:
    """Tests that begin by closing the prompt's function (MultiPL-E rust, C++, C#), without that line."""
    m = re.match(r"\s*\}[ \t]*\n", tests)
    return tests[m.end():] if m else tests


def _without_doc(head: str, lang: Language) -> str:
    """`head` without the comments that end it (the prompt's doc comment of its signature)."""
    while True:
        h = head.rstrip()
        if lang.block_comment and h.endswith("*/") and "/*" in h:
            head = h[:h.rfind("/*")]
            continue
        last = h.rsplit("\n", 1)[-1]
        if h and last.strip().startswith(lang.line_comment):
            head = h[:len(h) - len(last)]
            continue
        return h
