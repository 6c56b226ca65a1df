"""Near-miss candidates: tree-sitter-driven mutation operators over equivalent code.

Operators (the same six in every language; which tree-sitter nodes they touch
is the language's `Mutation` table):

    cmp_swap      <  <=  >  >=  ==  !=   replaced by a neighbour
    arith_swap    +  -  *  /  %          replaced by a sibling operator
    bool_swap     &&  ||  and  or        swapped
    off_by_one    an integer literal n -> n+1 or n-1
    swap_args     the first two arguments of a call swapped
    drop_stmt     one statement of a block removed

A mutant is only a *candidate*: whether it is inequivalent is decided by
running it. Survivors that still pass every test are labelled equivalent.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tree_sitter import Node

from irgroups import code as codemod
from irgroups import languages

CMP = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "=="}
ARITH = {"+": "-", "-": "+", "*": "/", "/": "*", "%": "/"}
BOOL = {"&&": "||", "||": "&&", "and": "or", "or": "and"}
_INT_LITERAL = re.compile(r"^(\d+)(i64|i32|usize|u64|u32|LL|ll|L|l|u|U)?$")
OPERATORS = ("cmp_swap", "arith_swap", "bool_swap", "off_by_one", "swap_args", "drop_stmt")


@dataclass(frozen=True)
class Mutant:
    operator: str
    code: str
    description: str


@dataclass(frozen=True)
class _Edit:
    operator: str
    start: int
    end: int
    text: bytes
    description: str


def _edits(lang: str, source: bytes) -> Iterator[_Edit]:
    table = languages.get(lang).mutation
    tree = codemod.parse(lang, source.decode("utf-8"))
    for node in codemod.walk(tree.root_node):
        t = node.type
        if t in table.binary_expression:
            yield from _operator_edits(node)
        elif t in table.integer_literal:
            yield from _literal_edits(node, source)
        elif t in table.argument_list:
            yield from _swap_args(node, source)
        elif t in table.block:
            yield from _drop_statements(node, source, table.statement_skip)


def _operator_edits(node: Node) -> Iterator[_Edit]:
    for child in node.children:
        if child.is_named:
            continue
        op = child.type
        for name, table in (("cmp_swap", CMP), ("arith_swap", ARITH), ("bool_swap", BOOL)):
            if op in table:
                new = table[op]
                yield _Edit(name, child.start_byte, child.end_byte, new.encode(), f"{op} -> {new} at byte {child.start_byte}")


def _literal_edits(node: Node, source: bytes) -> Iterator[_Edit]:
    text = source[node.start_byte:node.end_byte].decode()
    m = _INT_LITERAL.match(text)
    if not m:
        return  # hex, floats, separators: left alone
    value, suffix = int(m.group(1)), m.group(2) or ""
    for delta in (1, -1):
        if value + delta >= 0:
            new = f"{value + delta}{suffix}"
            yield _Edit("off_by_one", node.start_byte, node.end_byte, new.encode(), f"{text} -> {new} at byte {node.start_byte}")


def _swap_args(node: Node, source: bytes) -> Iterator[_Edit]:
    args = [c for c in node.named_children if "comment" not in c.type]
    if len(args) < 2:
        return
    a, b = args[0], args[1]
    ta, tb = source[a.start_byte:a.end_byte], source[b.start_byte:b.end_byte]
    if ta == tb:
        return
    between = source[a.end_byte:b.start_byte]
    yield _Edit("swap_args", a.start_byte, b.end_byte, tb + between + ta, f"swap arguments at byte {a.start_byte}")


def _drop_statements(node: Node, source: bytes, skip: tuple[str, ...]) -> Iterator[_Edit]:
    for child in node.named_children:
        if child.type in skip or "comment" in child.type:
            continue
        # keep the line structure: blank the statement, leave the newline
        end = child.end_byte
        if end < len(source) and source[end:end + 1] == b";":
            end += 1
        yield _Edit("drop_stmt", child.start_byte, end, b"", f"drop {child.type} at byte {child.start_byte}")


def _apply(source: bytes, edit: _Edit) -> bytes:
    return source[: edit.start] + edit.text + source[edit.end:]


def mutants(lang: str, code: str, count: int, seed: str) -> tuple[list[Mutant], dict[str, int]]:
    """Up to `count` distinct, parseable mutants, chosen deterministically from `seed`.

    Operators take turns so that one operator does not crowd out the others.
    Returns the mutants and counts of what was dropped and why.
    """
    source = code.encode("utf-8")
    rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:16], 16))
    by_op: dict[str, list[_Edit]] = {op: [] for op in OPERATORS}
    for e in _edits(lang, source):
        by_op[e.operator].append(e)
    for edits in by_op.values():
        rng.shuffle(edits)
    dropped: dict[str, int] = {}
    out: list[Mutant] = []
    seen = {codemod.candidate_id(lang, code)}
    order = list(OPERATORS)
    rng.shuffle(order)
    while len(out) < count and any(by_op.values()):
        for op in order:
            if len(out) >= count or not by_op[op]:
                continue
            edit = by_op[op].pop()
            new = _apply(source, edit).decode("utf-8", errors="replace")
            if codemod.has_syntax_errors(codemod.parse(lang, new)):
                dropped["mutant does not parse"] = dropped.get("mutant does not parse", 0) + 1
                continue
            cid = codemod.candidate_id(lang, new)
            if cid in seen:
                dropped["mutant identical to another candidate"] = dropped.get("mutant identical to another candidate", 0) + 1
                continue
            seen.add(cid)
            out.append(Mutant(op, new, edit.description))
    return out, dropped
