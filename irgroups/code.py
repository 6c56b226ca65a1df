"""Source code as data: tree-sitter parsing, normalisation, content ids."""

from __future__ import annotations

import functools
import hashlib
import importlib
import re
from collections.abc import Iterator

from tree_sitter import Language as TSLanguage
from tree_sitter import Node, Parser, Tree

from irgroups import languages


@functools.cache
def _ts_language(module: str) -> TSLanguage:
    return TSLanguage(importlib.import_module(module).language())


def parser_for(lang: str) -> Parser:
    return Parser(_ts_language(languages.get(lang).tree_sitter_module))


def parse(lang: str, code: str) -> Tree:
    return parser_for(lang).parse(code.encode("utf-8"))


def has_syntax_errors(tree: Tree) -> bool:
    return tree.root_node.has_error


def walk(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


def strip_comments(lang: str, code: str) -> str:
    data = code.encode("utf-8")
    tree = parse(lang, code)
    spans = [(n.start_byte, n.end_byte) for n in walk(tree.root_node) if "comment" in n.type]
    out, last = [], 0
    for start, end in sorted(spans):
        if start >= last:
            out.append(data[last:start])
            last = end
    out.append(data[last:])
    return b"".join(out).decode("utf-8", errors="replace")


def normalise(lang: str, code: str) -> str:
    """Comments gone, trailing spaces gone, blank lines gone. Indentation kept (Python)."""
    text = strip_comments(lang, code)
    lines = [re.sub(r"[ \t]+", " ", line.rstrip()) if lang != "python" else line.rstrip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line.strip())


def candidate_id(lang: str, code: str) -> str:
    blob = f"{languages.get(lang).name}\0{normalise(lang, code)}"
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]
