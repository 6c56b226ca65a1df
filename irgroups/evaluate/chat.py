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

from irgroups import code as ts
from irgroups.generate.extract import extract_function, go_packages_used, tag_lang

CONTINUATION, CHAT = "continuation", "chat"
MODES = ("auto", CONTINUATION, CHAT)

# the line that declares the function to complete, per language
_SIGNATURE = {
    "python": re.compile(r"^\s*(async\s+)?def\s+(?P<name>\w+)\s*\("),
    "rust": re.compile(r"^\s*(pub\s+)?fn\s+(?P<name>\w+)\s*[<(]"),
    "go": re.compile(r"^\s*func\s+(?P<name>\w+)\s*[\[(]"),
    "csharp": re.compile(r"^\s*((public|private|internal|protected|static|async|unsafe)\s+)+[\w<>\[\],.? ()]+?\s+"
                         r"(?P<name>\w+)\s*(<[^>]*>)?\s*\("),
    "cpp": re.compile(r"^\s*(template\s*<.*>\s*)?[\w:<>,\s*&]+?[\s*&](?P<name>\w+)\s*\("),
}
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
    pattern = _SIGNATURE[lang]
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
    return any((m := _SIGNATURE[lang].match(line)) is not None and m.group("name") == name
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
    head = _without_doc("\n".join(lines[:entry.line] if entry is not None else lines), lang)
    if lang == "go":
        head, body = _splice_go(head, code, tests)
    elif lang == "csharp":
        head, body = _splice_csharp(head, code)
    elif lang == "rust":
        body = drop_reimports(code, head)
    else:
        body = code
    return head + ("\n" if head and not head.endswith("\n") else ""), body, drop_closing_brace(tests)


def drop_closing_brace(tests: str) -> str:
    """Tests that begin by closing the prompt's function (MultiPL-E rust, C++, C#), without that line."""
    m = re.match(r"\s*\}[ \t]*\n", tests)
    return tests[m.end():] if m else tests


def _without_doc(head: str, lang: str) -> str:
    """`head` without the comments that end it (the prompt's doc comment of its signature)."""
    marker = "#" if lang == "python" else "//"
    while True:
        h = head.rstrip()
        if lang != "python" and h.endswith("*/") and "/*" in h:
            head = h[:h.rfind("/*")]
            continue
        last = h.rsplit("\n", 1)[-1]
        if h and last.strip().startswith(marker):
            head = h[:len(h) - len(last)]
            continue
        return h


def drop_reimports(code: str, context: str) -> str:
    """Rust: the answer's `use` declarations whose every name `context` already imports (the
    prompt's, or HumanEval-X's declaration): importing a name twice is an error (E0252)."""
    have = set().union(*(_use_names(u) for u in _RUST_USE.findall(context)))
    def keep(m: re.Match[str]) -> str:
        names = _use_names(m.group(0))
        return "" if names and "*" not in m.group(0) and names <= have else m.group(0)

    return _RUST_USE.sub(keep, code)


_RUST_USE = re.compile(r"^[ \t]*(?:pub\s+)?use\s+[^;]*;[ \t]*\n?", re.M)


def _use_names(use: str) -> set[str]:
    """The names a `use` declaration brings in: `use a::{b, c::{self, d as e}};` -> {b, c, e}."""
    tree = re.sub(r"^\s*(pub\s+)?use\s+|;\s*$", "", use.strip())
    names = set()
    for m in re.finditer(r"(?:\bas\s+(\w+))|(\w+)\s*(?=[,}]|$)", tree):
        name = m.group(1) or m.group(2)
        if name == "self":  # `a::{self, b}` brings in `a`: the segment before the brace that holds it
            depth, i = 0, m.start()
            while i > 0 and not (tree[i] == "{" and depth == 0):
                depth += {"}": 1, "{": -1}.get(tree[i], 0) if i != m.start() else 0
                i -= 1
            seg = re.search(r"(\w+)\s*::\s*$", tree[:i])
            name = seg.group(1) if seg else None
        if name and name != "as":
            names.add(name)
    return names


def _splice_go(head: str, code: str, tests: str) -> tuple[str, str]:
    """Go: one package clause (the prompt's), one import block (the prompt's and the answer's
    imports that the program uses: Go refuses unused ones)."""
    imports: dict[str, str] = {}
    rest_head: list[str] = []
    for text in (head, code):
        root = ts.parse("go", text).root_node
        src = text.encode("utf-8")
        for node in root.children:
            if node.type == "import_declaration":
                for spec in (n for n in ts.walk(node) if n.type == "import_spec"):
                    path = spec.child_by_field_name("path")
                    alias = spec.child_by_field_name("name")
                    if path is not None:
                        imports.setdefault(_slice(src, path).strip('"`'), _slice(src, alias) if alias else "")
            elif text is head:
                rest_head.append(_slice(src, node))
    body_parts = []
    root = ts.parse("go", code).root_node
    src = code.encode("utf-8")
    for node in root.children:
        if node.type not in ("package_clause", "import_declaration"):
            body_parts.append(_slice(src, node))
    body = "\n\n".join(body_parts) + "\n"
    program = body + "\n" + tests
    used = go_packages_used(ts.parse("go", program).root_node, program.encode("utf-8"))
    kept = {p: a for p, a in imports.items() if a in ("_", ".") or (a or p.rsplit("/", 1)[-1]) in used}
    package = next((r for r in rest_head if r.startswith("package")), "")
    others = [r for r in rest_head if not r.startswith("package")]
    block = ("import (\n" + "".join(f'    {a + " " if a else ""}"{p}"\n' for p, a in kept.items()) + ")") \
        if kept else ""
    return "\n\n".join(x for x in [package, block, *others] if x), body


def _splice_csharp(head: str, code: str) -> tuple[str, str]:
    """C#: the answer's usings join the prompt's at the top, its other types go before the prompt's
    class (top level: a static class of extension methods cannot be nested), and the members of its
    class go inside the prompt's class, where the tests' Main also lives."""
    root = ts.parse("csharp", code).root_node
    src = code.encode("utf-8")
    usings: list[str] = []
    types: list[str] = []
    members: list[str] = []
    for node in root.children:
        if node.type == "using_directive":
            usings.append(_slice(src, node))
        elif node.type == "class_declaration" and _name(node, src) == "Problem":
            body = node.child_by_field_name("body")
            if body is not None:
                inner = _slice(src, body).strip()
                members.append(inner[1:-1].strip("\n"))
        elif node.type.endswith("_declaration"):
            types.append(_slice(src, node))
    lines = head.split("\n")
    have = {line.strip() for line in lines if line.strip().startswith("using ")}
    new = [u for u in dict.fromkeys(usings) if u.strip() not in have]
    last_using = max((i for i, line in enumerate(lines) if line.strip().startswith("using ")), default=-1)
    lines[last_using + 1:last_using + 1] = new + types
    return "\n".join(lines), "\n\n".join(members) + "\n"


def _slice(src: bytes, node: object) -> str:
    n = node  # a tree_sitter Node
    return src[n.start_byte:n.end_byte].decode("utf-8", errors="replace")  # type: ignore[attr-defined]


def _name(node: object, src: bytes) -> str:
    nm = node.child_by_field_name("name")  # type: ignore[attr-defined]
    return _slice(src, nm) if nm is not None else ""
