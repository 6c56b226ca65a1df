"""Equivalent programs of another form: tree-sitter rewrites of a reference that keep its meaning.

Operators (which tree-sitter nodes they touch, and the syntax family they write, come from the
language's `Rewriting` table):

    rename         locals and parameters of one function get other names
    while_to_for   `while (c) S` -> `for (; c; ) S`; Rust: `loop { if !(c) { break; } ... }`
    for_to_while   a counting `for` loop -> its `while` form (init before, update at the end);
                   only where the body has no `continue`, which would skip the update
    if_invert      `if c { A } else { B }` -> `if !(c) { B } else { A }`
    commute        `a * b` -> `b * a`; `a + b` where one side is a number; `p && q`, `p || q`
                   where neither side can fail or has an effect
    extract_temp   `return e` -> `{ t = e; return t }` (and a Rust block's tail expression)
    early_return   `if c { ...; return x; } rest` -> `if c { ...; return x; } else { rest }`

A rewrite is only a *candidate*. Its label comes from running it like any other candidate; a
rewrite that fails a test is a bug of its operator, counted per operator (`irgroups stats`),
never relabelled. Every operator is written to be safe on code that compiles; the checks they
make (purity of operands, no `continue`, no shadowing names) are conservative, not proofs.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tree_sitter import Node

from irgroups import code as codemod
from irgroups import languages
from irgroups.languages.base import Rewriting

OPERATORS = ("rename", "while_to_for", "for_to_while", "if_invert", "commute", "extract_temp", "early_return")
ORIGIN = "rewrite:"
# syntax families (a language's Rewriting.style): C, C++, C#, Java...; Go (no parentheses around
# conditions, `for` is the only loop); Rust (blocks are expressions, `loop`, ranges)
C_FAMILY, PAREN_FREE, EXPRESSION = "c-family", "paren-free", "expression"  # a rewrite's origin: rewrite:<operator>[+<operator>...]


@dataclass(frozen=True)
class Rewrite:
    operators: tuple[str, ...]
    code: str
    description: str

    @property
    def origin(self) -> str:
        return ORIGIN + "+".join(self.operators)


@dataclass(frozen=True)
class _Edit:
    operator: str
    start: int
    end: int
    text: str
    description: str
    # rename replaces many spans at once: (start, end, text) for each
    spans: tuple[tuple[int, int, str], ...] = ()


def operators_of(origin: str) -> list[str]:
    """`rewrite:rename+if_invert` -> ["rename", "if_invert"]; [] for any other origin."""
    return origin[len(ORIGIN):].split("+") if origin.startswith(ORIGIN) else []


# ---------------------------------------------------------------------------------------------
# tree helpers


def _text(src: bytes, node: Node) -> str:
    return src[node.start_byte:node.end_byte].decode("utf-8")


def _walk(node: Node) -> Iterator[Node]:
    return codemod.walk(node)


def _leaves(node: Node) -> Iterator[Node]:
    return (n for n in _walk(node) if n.child_count == 0)


def _field(node: Node, name: str) -> Node | None:
    return node.child_by_field_name(name)


def _has(node: Node, types: tuple[str, ...] | set[str]) -> bool:
    return any(n.type in types for n in _walk(node))


def _brace(src: bytes, node: Node, style: str) -> str:
    """A statement as a block's text: a block as it is, anything else inside braces."""
    text = _text(src, node)
    if node.type in ("block", "compound_statement"):
        return text
    return "{ " + text + " }" if style != PAREN_FREE else "{\n" + text + "\n}"


def _inner(src: bytes, node: Node) -> str:
    """A block's statements without its braces (or the statement itself)."""
    text = _text(src, node)
    if node.type in ("block", "compound_statement") and text.startswith("{") and text.endswith("}"):
        return text[1:-1]
    return text


# ---------------------------------------------------------------------------------------------
# rename


_SYNONYMS = {
    "i": ["k", "idx", "pos"], "j": ["m", "jdx", "other"], "k": ["p", "kdx"], "n": ["count", "size", "limit"],
    "s": ["text", "word", "str_val"], "x": ["value", "num", "item"], "y": ["other", "second"],
    "a": ["first", "left"], "b": ["second", "right"], "c": ["ch", "symbol"], "res": ["out", "answer"],
    "result": ["out", "answer", "acc"], "count": ["tally", "total"], "total": ["sum_val", "acc"],
    "ans": ["answer", "out"], "num": ["value", "number"], "arr": ["items", "values"], "lst": ["items", "values"],
    "l": ["items", "values"], "nums": ["values", "items"], "words": ["tokens", "parts"], "word": ["token", "part"],
    "tmp": ["result", "value", "out", "answer", "ret", "res"], "end": ["end", "limit", "upper", "stop"],
}
_POOL = ["value", "item", "elem", "current", "acc", "entry", "piece", "token", "part", "data", "target",
         "source", "input", "arg", "subject", "operand", "key", "seq", "block_val", "other"]


def _style_name(name: str, case: str) -> str:
    if case == "camel" and "_" in name:
        head, *rest = name.split("_")
        return head + "".join(r[:1].upper() + r[1:] for r in rest)
    return name


def _fresh(base: str, taken: set[str] | frozenset[str], case: str, rng: random.Random) -> str:
    options = [_style_name(n, case) for n in _SYNONYMS.get(base, [])]
    pool = [_style_name(n, case) for n in _POOL]
    rng.shuffle(pool)
    for name in options + pool:
        if name not in taken:
            return name
    k = 2
    while f"{base}{k}" in taken:
        k += 1
    return f"{base}{k}"


def _declared(func: Node, src: bytes, table: Rewriting) -> list[str]:
    """Names bound inside `func` (parameters, locals, loop variables), in order of appearance."""
    out: list[str] = []
    for node in _walk(func):
        for parent_type, field_name in table.bindings:
            if node.type != parent_type:
                continue
            roots = node.children_by_field_name(field_name) if field_name else node.named_children
            for root in roots:
                for leaf in _leaves(root):
                    parent = leaf.parent
                    if leaf.type != "identifier":
                        continue
                    if parent is not None and parent.type in table.pattern_types_skip and \
                            parent.child_by_field_name("type") == leaf:
                        continue  # Some(x): `Some` is a path, not a binding
                    name = _text(src, leaf)
                    if name != "_" and name not in out:
                        out.append(name)
    return out


def _renameable(name: str, func: Node, src: bytes, table: Rewriting, top_names: set[str]) -> list[Node] | None:
    """Every occurrence of `name` in `func` when all are plain identifiers in renameable places."""
    if name in top_names or name in table.keep_names:
        return None
    spots = []
    for leaf in _leaves(func):
        if _text(src, leaf) != name:
            continue
        if leaf.type != "identifier":
            return None  # also a type, a field, a lambda's implicit parameter...
        parent = leaf.parent
        if parent is not None:
            for ptype, pfield in table.rename_unsafe:
                if parent.type == ptype and (pfield is None or parent.child_by_field_name(pfield) == leaf):
                    return None
        spots.append(leaf)
    for node in _walk(func):  # Rust's format!("{name}") captures the name inside a string
        if node.type in table.string_types and re.search(r"\{" + re.escape(name) + r"[}:]", _text(src, node)):
            return None
    return spots


def _rename_edits(root: Node, src: bytes, table: Rewriting, style: str, rng: random.Random) -> Iterator[_Edit]:
    taken = {_text(src, leaf) for leaf in _leaves(root)} | table.reserved
    functions = [n for n in _walk(root) if n.type in table.functions]
    top_names: set[str] = set()  # what a local must not be confused with: functions, the file's globals
    for node in functions + list(root.named_children):
        name = _field(node, "name") or _field(node, "declarator")
        if name is None:
            continue
        if node.type not in table.functions:
            top_names.update(_text(src, n) for n in _leaves(name) if n.type == "identifier")
            continue
        inner: Node | None = name
        while inner is not None and inner.type not in ("identifier", "field_identifier"):
            inner = _field(inner, "declarator")  # C++: function_declarator -> identifier
        if inner is not None:
            top_names.add(_text(src, inner))
    for func in functions:
        names = _declared(func, src, table)
        spots = {n: s for n in names if (s := _renameable(n, func, src, table, top_names))}
        if not spots:
            continue
        chosen = list(spots)
        rng.shuffle(chosen)
        chosen = chosen[: rng.randint(1, min(3, len(chosen)))]
        spans = []
        described = []
        for old in chosen:
            new = _fresh(old, taken, table.name_case, rng)
            taken.add(new)
            described.append(f"{old} -> {new}")
            spans += [(n.start_byte, n.end_byte, new) for n in spots[old]]
        yield _Edit("rename", func.start_byte, func.end_byte, "", ", ".join(described), tuple(sorted(spans)))


# ---------------------------------------------------------------------------------------------
# loops


def _while_to_for(node: Node, src: bytes, table: Rewriting, style: str, _: Callable[[str], str]) -> Iterator[_Edit]:
    if node.type not in table.while_loops:
        return
    cond = _field(node, "condition")
    body = _field(node, "body")
    if style == PAREN_FREE:  # `for c { ... }`: the condition is the one child besides the body
        conds = [c for c in node.named_children if c.type not in ("for_clause", "range_clause", "block")
                 and "comment" not in c.type]
        cond = conds[0] if len(conds) == 1 else None
    if cond is None or body is None:
        return
    if style == EXPRESSION:
        if cond.type in ("let_condition", "let_chain") or _field(node, "label") is not None or \
                any(c.type == "label" for c in node.children):
            return
        text = "loop {\n if " + _negate(src, cond, table) + " { break; }\n" + _inner(src, body) + "\n}"
    elif style == PAREN_FREE:
        text = "for ; " + _text(src, cond) + "; " + _text(src, body)
    else:
        inner = cond.named_children[0] if cond.type == "condition_clause" and cond.named_child_count == 1 else cond
        if cond.type == "condition_clause" and cond.named_child_count != 1:
            return
        text = "for (; " + _text(src, inner) + "; ) " + _text(src, body)
    yield _Edit("while_to_for", node.start_byte, node.end_byte, text, f"while -> for at byte {node.start_byte}")


def _continues(body: Node, table: Rewriting) -> bool:
    return _has(body, set(table.continue_types))


def _for_to_while(node: Node, src: bytes, table: Rewriting, style: str, fresh: Callable[[str], str]) -> Iterator[_Edit]:
    body = _field(node, "body")
    if body is None or _continues(body, table):
        return
    where = f"for -> while at byte {node.start_byte}"
    if style == EXPRESSION and node.type == "for_expression":
        pattern, value = _field(node, "pattern"), _field(node, "value")
        if pattern is None or value is None or pattern.type != "identifier" or value.type != "range_expression" \
                or any(c.type == "label" for c in node.children):
            return
        ends = value.named_children
        op = next((c.type for c in value.children if not c.is_named), "")
        if len(ends) != 2 or op not in ("..", "..="):
            return
        var = _text(src, pattern)
        end = fresh("end")
        cmp = "<" if op == ".." else "<="
        text = (f"{{\n let mut {var} = {_text(src, ends[0])};\n let {end} = {_text(src, ends[1])};\n"
                f" while {var} {cmp} {end} {{\n {_text(src, body)}\n {var} += 1;\n }}\n}}")
        yield _Edit("for_to_while", node.start_byte, node.end_byte, text, where)
        return
    if node.type not in table.counting_loops:
        return
    if style == PAREN_FREE:
        clause = next((c for c in node.named_children if c.type == "for_clause"), None)
        if clause is None or (node.parent is not None and node.parent.type == "labeled_statement"):
            return
        init, cond, update = (_field(clause, f) for f in ("initializer", "condition", "update"))
        cond_text = _text(src, cond) if cond is not None else "true"
        text = ("{\n" + (_text(src, init) + "\n" if init is not None else "") + "for " + cond_text + " {\n"
                + _text(src, body) + "\n" + (_text(src, update) + "\n" if update is not None else "") + "}\n}")
        yield _Edit("for_to_while", node.start_byte, node.end_byte, text, where)
        return
    init = _field(node, "initializer")
    cond = _field(node, "condition")
    updates = [c for c in node.children if node.field_name_for_child(list(node.children).index(c)) == "update"]
    if len(updates) > 1:
        return
    init_text = ""
    if init is not None:
        init_text = _text(src, init)
        if not init_text.rstrip().endswith(";"):
            init_text += ";"
    cond_text = _text(src, cond) if cond is not None else "true"
    update_text = _text(src, updates[0]) + ";" if updates else ""
    text = "{\n" + init_text + "\nwhile (" + cond_text + ") {\n" + _brace(src, body, style) + "\n" + update_text + "\n}\n}"
    yield _Edit("for_to_while", node.start_byte, node.end_byte, text, where)


# ---------------------------------------------------------------------------------------------
# conditionals


def _negate(src: bytes, cond: Node, table: Rewriting) -> str:
    """`!(c)`, or `c` when the condition is `!c`."""
    if cond.type in table.unary and cond.child_count == 2 and _text(src, cond.children[0]) == "!":
        return _text(src, cond.children[1])
    return f"!({_text(src, cond)})"


def _if_parts(node: Node, src: bytes, table: Rewriting, style: str) -> tuple[Node, Node, Node | None] | None:
    """(condition text, consequence, alternative) of an `if` this module may reshape."""
    if node.type not in table.ifs:
        return None
    cond = _field(node, "condition")
    cons = _field(node, "consequence")
    if cond is None or cons is None:
        return None
    if style == EXPRESSION and cond.type in ("let_condition", "let_chain"):
        return None
    if style == PAREN_FREE and _field(node, "initializer") is not None:
        return None
    if cond.type == "condition_clause":
        if cond.named_child_count != 1 or _field(cond, "initializer") is not None:
            return None
        cond = cond.named_children[0]
    if any(c.type == "constexpr" or _text(src, c) == "constexpr" for c in node.children if not c.is_named):
        return None
    alt = _field(node, "alternative")
    if alt is not None and alt.type == "else_clause":
        alt = alt.named_children[-1] if alt.named_children else None
    return cond, cons, alt


def _if_invert(node: Node, src: bytes, table: Rewriting, style: str, _: Callable[[str], str]) -> Iterator[_Edit]:
    parts = _if_parts(node, src, table, style)
    if parts is None or parts[2] is None:
        return
    cond, cons, alt = parts
    assert alt is not None
    neg = _negate(src, cond, table)
    if style in (EXPRESSION, PAREN_FREE):
        text = f"if {neg} {_brace(src, alt, style)} else {_brace(src, cons, style)}"
    else:
        text = f"if ({neg}) {_brace(src, alt, style)} else {_brace(src, cons, style)}"
    yield _Edit("if_invert", node.start_byte, node.end_byte, text, f"if/else inverted at byte {node.start_byte}")


def _last_statement(block: Node, table: Rewriting) -> Node | None:
    if block.type == "statement_list":
        kids = [c for c in block.named_children if "comment" not in c.type]
        return kids[-1] if kids else None
    kids = [c for c in block.named_children if "comment" not in c.type]
    if len(kids) == 1 and kids[0].type == "statement_list":
        return _last_statement(kids[0], table)
    return kids[-1] if kids else None


def _returns(stmt: Node | None, table: Rewriting) -> bool:
    if stmt is None:
        return False
    if stmt.type in table.returns:
        return True
    if stmt.type == "expression_statement" and stmt.named_child_count == 1:
        return stmt.named_children[0].type in table.returns
    return False


def _early_return(node: Node, src: bytes, table: Rewriting, style: str, _: Callable[[str], str]) -> Iterator[_Edit]:
    parts = _if_parts(node, src, table, style)
    if parts is None or parts[2] is not None:
        return
    cond, cons, _alt = parts
    last = cons if cons.type in table.returns else _last_statement(cons, table)
    if not _returns(last, table):
        return
    stmt = node.parent if style == EXPRESSION and node.parent is not None and node.parent.type == "expression_statement" \
        else node
    block = stmt.parent
    if block is None or block.type not in table.blocks:
        return
    siblings = [c for c in block.named_children]
    at = siblings.index(stmt) if stmt in siblings else -1
    rest = [c for c in siblings[at + 1:] if "comment" not in c.type] if at >= 0 else []
    if not rest:
        return
    rest_start, rest_end = rest[0].start_byte, siblings[-1].end_byte
    rest_text = src[rest_start:rest_end].decode("utf-8")
    head = f"if {_text(src, cond)} " if style in (EXPRESSION, PAREN_FREE) else f"if ({_text(src, cond)}) "
    text = head + _brace(src, cons, style) + " else {\n" + rest_text + "\n}"
    yield _Edit("early_return", stmt.start_byte, rest_end, text, f"rest after an early return moved into else at byte {node.start_byte}")


# ---------------------------------------------------------------------------------------------
# expressions


_ARITH_OPS = {"+", "-", "*", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "!"}
_LOGIC_OPS = {"<", "<=", ">", ">=", "==", "!=", "&&", "||", "!"}  # no arithmetic: it can overflow


def _pure(node: Node, src: bytes, table: Rewriting, allow_access: bool, ops: set[str]) -> bool:
    """Nothing in `node` can have an effect or fail: identifiers, literals, and the operators
    `ops` (with `allow_access`: index and field reads too)."""
    if node.child_count == 0:
        if node.is_named:
            return node.type == "identifier" or node.type in table.leaf_values or \
                (allow_access and node.type in table.access_leaves)
        return _text(src, node) in ops | {"(", ")"} or (allow_access and _text(src, node) in {".", "[", "]"})
    if node.type in table.leaf_values:
        return True
    if node.type in table.binary or node.type in table.paren or node.type in table.unary or \
            (allow_access and node.type in table.access):
        return all(_pure(c, src, table, allow_access, ops) for c in node.children)
    return False


def _numeric(node: Node, table: Rewriting) -> bool:
    return node.type in table.number_literals


def _commute(node: Node, src: bytes, table: Rewriting, style: str, _: Callable[[str], str]) -> Iterator[_Edit]:
    if node.type not in table.binary:
        return
    left, right = _field(node, "left"), _field(node, "right")
    op = _field(node, "operator")
    if left is None or right is None or op is None:
        return
    sym = _text(src, op)
    if sym == "*":
        ok = _pure(left, src, table, True, _ARITH_OPS) and _pure(right, src, table, True, _ARITH_OPS)
    elif sym == "+":
        ok = (_numeric(left, table) or _numeric(right, table)) and _pure(left, src, table, True, _ARITH_OPS) \
            and _pure(right, src, table, True, _ARITH_OPS)
    elif sym in ("&&", "||"):
        ok = _pure(left, src, table, False, _LOGIC_OPS) and _pure(right, src, table, False, _LOGIC_OPS)
    else:
        return
    if not ok:
        return

    def side(n: Node) -> str:
        t = _text(src, n)
        return f"({t})" if n.type in table.binary else t

    text = f"{side(right)} {sym} {side(left)}"
    yield _Edit("commute", node.start_byte, node.end_byte, text, f"{sym} operands swapped at byte {node.start_byte}")


def _extract_temp(node: Node, src: bytes, table: Rewriting, style: str, fresh: Callable[[str], str]) -> Iterator[_Edit]:
    if node.type in table.returns:
        value = next((c for c in node.named_children if "comment" not in c.type), None)
        if value is None:
            return
        if value.type == "expression_list":  # go
            if value.named_child_count != 1:
                return
            value = value.named_children[0]
        if not _extractable(value, src, table, style):
            return
        name = fresh("tmp")
        decl = table.temp.format(name=name, expr=_text(src, value))
        ret = f"return {name}" + ("" if style == PAREN_FREE else ";")
        target = node
        if style == EXPRESSION and node.parent is not None and node.parent.type == "expression_statement":
            target = node.parent  # `return e;`: the statement, its `;` included
        in_block = target.parent is not None and target.parent.type in table.blocks
        if style == EXPRESSION and target is node:
            in_block = False  # a return in expression position (a match arm): it needs a block
        text = decl + "\n" + ret if in_block else "{\n" + decl + "\n" + ret + "\n}"
        yield _Edit("extract_temp", target.start_byte, target.end_byte, text,
                    f"returned value bound to {name} at byte {node.start_byte}")
        return
    if style == EXPRESSION and node.type == "block":
        kids = node.named_children
        tail = kids[-1] if kids else None
        if tail is None or tail.type.endswith("statement") or tail.type.endswith("_declaration") \
                or tail.type in ("let_declaration", "line_comment", "block_comment", "expression_statement"):
            return
        if node.parent is None or node.parent.type not in ("function_item",):
            return
        if not _extractable(tail, src, table, style):
            return
        name = fresh("tmp")
        text = table.temp.format(name=name, expr=_text(src, tail)) + "\n" + name
        yield _Edit("extract_temp", tail.start_byte, tail.end_byte, text, f"tail value bound to {name} at byte {tail.start_byte}")


def _extractable(value: Node, src: bytes, table: Rewriting, style: str) -> bool:
    text = _text(src, value).strip()
    if not text or text.startswith("{") or value.type in table.no_temp:
        return False
    if style == PAREN_FREE and not any(n.type in ("identifier", "call_expression") for n in _walk(value)):
        return False  # an untyped constant would take its default type
    return not (style == EXPRESSION and value.type in _RUST_BLOCK_LIKE)


_RUST_BLOCK_LIKE = ("if_expression", "match_expression", "block", "loop_expression", "while_expression",
                    "for_expression", "unit_expression")


# ---------------------------------------------------------------------------------------------


_NODE_OPERATORS: dict[str, Callable[[Node, bytes, Rewriting, str, Callable[[str], str]], Iterator[_Edit]]] = {
    "while_to_for": _while_to_for,
    "for_to_while": _for_to_while,
    "if_invert": _if_invert,
    "commute": _commute,
    "extract_temp": _extract_temp,
    "early_return": _early_return,
}


def _edits(lang: str, code: str, rng: random.Random) -> dict[str, list[_Edit]]:
    language = languages.get(lang)
    table = language.rewriting
    out: dict[str, list[_Edit]] = {op: [] for op in OPERATORS}
    if table is None:
        return out
    src = code.encode("utf-8")
    root = codemod.parse(lang, code).root_node
    taken = {_text(src, leaf) for leaf in _leaves(root)} | table.reserved

    def fresh(base: str) -> str:
        name = _fresh(base, taken, table.name_case, rng)
        taken.add(name)
        return name

    out["rename"] = list(_rename_edits(root, src, table, table.style, rng))
    for node in _walk(root):
        for op, make in _NODE_OPERATORS.items():
            out[op].extend(make(node, src, table, table.style, fresh))
    return out


def _apply(code: str, edit: _Edit) -> str:
    src = code.encode("utf-8")
    if edit.spans:
        out, at = [], 0
        for start, end, text in edit.spans:
            out += [src[at:start], text.encode()]
            at = end
        out.append(src[at:])
        return b"".join(out).decode("utf-8")
    line_start = src.rfind(b"\n", 0, edit.start) + 1
    line = src[line_start:].split(b"\n", 1)[0].decode("utf-8")
    base = line[: len(line) - len(line.lstrip())]
    text = reindent(edit.text, base, _indent_unit(code))
    return (src[:edit.start] + text.encode() + src[edit.end:]).decode("utf-8")


_LITERALS = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n]|\\u\{[0-9a-fA-F]+\})\'|//.*$')


def _indent_unit(code: str) -> str:
    widths = sorted({len(ln) - len(ln.lstrip(" ")) for ln in code.splitlines() if ln.startswith(" ") and ln.strip()})
    if any(ln.startswith("\t") for ln in code.splitlines()):
        return "\t"
    return " " * (widths[0] if widths else 4)


def reindent(text: str, base: str, unit: str) -> str:
    """`text` (a replacement that starts in the middle of a line indented by `base`) with its
    later lines indented by bracket depth: what a rewrite writes looks like the code around it."""
    out: list[str] = []
    depth = 0
    for k, raw in enumerate(text.split("\n")):
        line = raw.strip()
        if not line:
            continue
        bare = _LITERALS.sub("", line)
        closing = len(bare) - len(bare.lstrip("}])"))
        level = max(depth - closing, 0)
        out.append(line if k == 0 else base + unit * level + line)
        depth += sum(bare.count(c) for c in "{([") - sum(bare.count(c) for c in "})]")
    return "\n".join(out)


def _seeded(seed: str) -> random.Random:
    return random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:16], 16))


def rewrites(lang: str, code: str, count: int, seed: str) -> tuple[list[Rewrite], dict[str, int]]:
    """Up to `count` distinct, parseable rewrites of `code`, chosen deterministically from `seed`.

    The first ones apply one operator each, operators taking turns; when every single edit is
    used, later ones chain two operators (the second applied to the first one's output).
    Returns the rewrites and counts of what was dropped and why."""
    rng = _seeded(seed)
    dropped: dict[str, int] = {}
    if count <= 0 or languages.get(lang).rewriting is None:
        return [], dropped
    seen = {codemod.candidate_id(lang, code)}
    out: list[Rewrite] = []

    def keep(ops: tuple[str, ...], new: str, description: str) -> bool:
        if codemod.has_syntax_errors(codemod.parse(lang, new)):
            why = f"rewrite does not parse ({ops[-1]})"
            dropped[why] = dropped.get(why, 0) + 1
            return False
        cid = codemod.candidate_id(lang, new)
        if cid in seen:
            dropped["rewrite identical to another candidate"] = dropped.get("rewrite identical to another candidate", 0) + 1
            return False
        seen.add(cid)
        out.append(Rewrite(ops, new, description))
        return True

    by_op = _edits(lang, code, rng)
    for edits in by_op.values():
        rng.shuffle(edits)
    order = list(OPERATORS)
    rng.shuffle(order)
    while len(out) < count and any(by_op.values()):
        for op in order:
            if len(out) < count and by_op[op]:
                edit = by_op[op].pop()
                keep((op,), _apply(code, edit), edit.description)
    singles = list(out)
    tries = 0
    while len(out) < count and singles and tries < 4 * count:
        tries += 1
        first = rng.choice(singles)
        more = _edits(lang, first.code, rng)
        ops = [op for op in order if more[op] and op not in first.operators]
        if not ops:
            continue
        op = rng.choice(ops)
        edit = rng.choice(more[op])
        keep(first.operators + (op,), _apply(first.code, edit), first.description + "; " + edit.description)
    return out, dropped
