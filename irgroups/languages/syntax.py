"""Tree-sitter helpers the languages' extraction hooks share (irgroups/generate/extract.py drives them).

An answer's code is cut into top-level `Item`s (imports, definitions, things attached to a
definition); the extractor keeps the entry function and what it needs, transitively.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from tree_sitter import Node, Tree

IDENT_LEAVES = {"identifier", "type_identifier", "field_identifier", "package_identifier", "namespace_identifier"}


@dataclass(eq=False)
class Item:
    """One top-level piece of an answer's code."""

    kind: str  # "import" | "def" | "attached" (rust impl, go method) | "member" (of a class: C#)
    names: tuple[str, ...]
    text: str
    refs: frozenset[str]
    block: int = 0
    pos: int = 0
    func: bool = False
    params: int = -1
    owner: str = ""  # attached: the type it belongs to; member: its class
    end: int = 0
    is_method: bool = False  # member: a method (may be made static with its class)
    is_field: bool = False  # member: a field
    extra: dict[str, str] = field(default_factory=dict)


def walk(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


def node_text(src: bytes, node: Node) -> str:
    return src[node.start_byte:node.end_byte].decode("utf-8", errors="replace")


def span_text(src: bytes, start: int, end: int) -> str:
    """Source text from `start` to `end`, dedented as if it began its line."""
    line_start = src.rfind(b"\n", 0, start) + 1
    if src[line_start:start].strip():
        line_start = start
    text = src[line_start:end].decode("utf-8", errors="replace")
    text = textwrap.dedent(text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def idents(node: Node, src: bytes) -> set[str]:
    return {node_text(src, n) for n in walk(node) if n.type in IDENT_LEAVES and n.child_count == 0}


def walk_top(root: Node, attach: tuple[str, ...]) -> Iterator[tuple[int, Node, list[Node]]]:
    """(first byte of the item incl. attached comments/attributes, node, attributes) for each top-level node."""
    pending: list[Node] = []
    for child in root.children:
        if child.type in attach:
            if pending and child.type.endswith("comment") and child.start_point[0] > pending[-1].end_point[0] + 1:
                pending = []
            pending.append(child)
            continue
        if pending and pending[-1].type.endswith("comment") and child.start_point[0] > pending[-1].end_point[0] + 1:
            pending = [p for p in pending if not p.type.endswith("comment")]
        start = pending[0].start_byte if pending else child.start_byte
        yield start, child, [p for p in pending if not p.type.endswith("comment")]
        pending = []


def import_item(src: bytes, node: Node) -> Item:
    return Item("import", (), span_text(src, node.start_byte, node.end_byte), frozenset(), pos=node.start_byte)


def prepend_imports(out: str, add: list[str], items: list[Item]) -> str:
    """`add` lines after the existing imports (or at the top)."""
    lines = out.split("\n")
    imports = [it for it in items if it.kind == "import"]
    if imports:
        last = max(imports, key=lambda it: it.pos)
        lineno = out.encode("utf-8")[:last.pos].count(b"\n") + last.text.count("\n") + 1
        return "\n".join(lines[:lineno] + add + lines[lineno:])
    return "\n".join(add) + "\n\n" + out


def rename(parse: Callable[[str], Tree], text: str, old: str, new: str) -> str:
    """Every identifier `old` in `text` (as `parse` reads it) renamed `new`."""
    src = text.encode("utf-8")
    tree = parse(text)
    spans = [(n.start_byte, n.end_byte) for n in walk(tree.root_node)
             if n.type in ("identifier", "type_identifier") and n.child_count == 0 and node_text(src, n) == old]
    if not spans:
        return text
    out = bytearray()
    last = 0
    for s, e in sorted(spans):
        out += src[last:s] + new.encode("utf-8")
        last = e
    out += src[last:]
    return out.decode("utf-8", errors="replace")


def strip_comments(root: Node, code: str) -> str:
    """`code` (whose syntax tree is `root`) without its comments."""
    data = code.encode("utf-8")
    spans = [(n.start_byte, n.end_byte) for n in walk(root) if "comment" in n.type]
    out, last = [], 0
    for start, end in sorted(spans):
        if start >= last:
            out.append(data[last:start])
            last = end
    out.append(data[last:])
    return b"".join(out).decode("utf-8", errors="replace")
