"""Python: the usual source language, and a target like any other.

The harness runs the candidate on each test's arguments and writes the returned
value as neutral JSON (irgroups/results.py); it holds no expected value. Values are
checked against the declared return type as they are written, with the rules
Python's own comparison had (an int where a float is declared is fine, a bool is
never an int), so a value of the wrong type is reported `bad`."""

from __future__ import annotations

import re
from typing import Any

from tree_sitter import Node

from irgroups import types as T
from irgroups.languages.base import BatchProgram, Language, Mutation, Toolchain, WholeProgram
from irgroups.languages.benchmarks import BenchProgram
from irgroups.languages.syntax import (
    Item,
    idents,
    import_item,
    node_text,
    prepend_imports,
    span_text,
    walk,
    walk_top,
)
from irgroups.problems.model import Problem
from irgroups.sandbox.base import Job, Limits

_TYPES = {"int": "int", "float": "float", "bool": "bool", "str": "str"}

HARNESS = '''\
import json
import os
import sys

_write = os.write  # bound before any candidate code runs


class _Bad(Exception):
    pass


def _enc(t, v):
    """v as neutral JSON of type t (a tuple tree such as ("list", ("int",)))."""
    n = t[0]
    if n == "optional":
        return None if v is None else _enc(t[1], v)
    if n == "int":
        if type(v) is not int:
            raise _Bad
        return v
    if n == "float":
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise _Bad
        return float(v)
    if n == "bool":
        if type(v) is not bool:
            raise _Bad
        return v
    if n == "str":
        if type(v) is not str:
            raise _Bad
        return v
    if n == "list":
        if not isinstance(v, (list, tuple)):
            raise _Bad
        return [_enc(t[1], x) for x in v]
    if n == "tuple":
        if not isinstance(v, (list, tuple)) or len(v) != len(t) - 1:
            raise _Bad
        return [_enc(a, x) for a, x in zip(t[1:], v)]
    if n == "dict":
        if not isinstance(v, dict):
            raise _Bad
        return {_key(t[1], k): _enc(t[2], x) for k, x in v.items()}
    raise _Bad


def _key(t, k):
    if t[0] == "str" and type(k) is str:
        return k
    if t[0] == "int" and type(k) is int:
        return str(k)
    if t[0] == "bool" and type(k) is bool:
        return "true" if k else "false"
    raise _Bad


def _report(i, rest):
    _write(1, ("\\n@@irgroups %d %s\\n" % (i, rest)).encode("ascii"))


def _main():
    sys.path.insert(0, __file__.rsplit("/", 1)[0])
    try:
        import candidate
        fn = getattr(candidate, ENTRY)
    except BaseException:
        fn = None
    for i, args in enumerate(ARGS):
        try:
            if fn is None:
                raise RuntimeError("no entry point")
            got = fn(*args)
        except BaseException:
            _report(i, "error")
            continue
        try:
            text = json.dumps(_enc(RETURNS, got), ensure_ascii=True)
        except Exception:
            _report(i, "bad")
            continue
        _report(i, "ok " + text)
    _write(1, b"\\n@@irgroups end\\n")


'''


SYNTAX_CHECK = """\
import sys
bad = 0
for path in sys.argv[1:]:
    try:
        with open(path, "rb") as f:
            compile(f.read(), path, "exec")
    except (SyntaxError, ValueError) as e:
        print("%s: %s" % (path, e), file=sys.stderr)
        bad = 1
sys.exit(bad)
"""


def type_tree(t: T.Type) -> tuple[Any, ...]:
    """`list[int]` -> ("list", ("int",)): the declared type as the harness reads it."""
    return (t.name, *(type_tree(a) for a in t.args))


# python: names a function binds itself, so a top-level `numbers = [...]` of a
# usage example is not mistaken for something the function needs
def _py_locals(fn: Node, src: bytes) -> set[str]:
    out: set[str] = set()

    def targets(n: Node | None) -> None:
        if n is None:
            return
        if n.type == "identifier":
            out.add(node_text(src, n))
        elif n.type in ("pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "list_splat_pattern",
                        "parenthesized_expression"):
            for c in n.named_children:
                targets(c)

    for n in walk(fn):
        t = n.type
        if t in ("assignment", "augmented_assignment", "for_statement", "for_in_clause"):
            targets(n.child_by_field_name("left"))
        elif t == "named_expression":
            targets(n.child_by_field_name("name"))
        elif t in ("parameters", "lambda_parameters"):
            for c in n.named_children:
                if c.type == "identifier":
                    out.add(node_text(src, c))
                else:
                    name = c.child_by_field_name("name")
                    if name is not None and name.type == "identifier":
                        out.add(node_text(src, name))
                    for cc in c.named_children:
                        if cc.type == "identifier":
                            out.add(node_text(src, cc))
                            break
        elif t in ("as_pattern_target", "global_statement"):
            pass
    return out


class Python(Language):
    name = "python"
    aliases = ("py", "python3")
    display_name = "Python"
    extra_fence_tags = ("py3",)
    keeps_blanks = True
    runs_sources = True
    extension = "py"
    tree_sitter_module = "tree_sitter_python"
    toolchain = Toolchain(("/usr/bin/python3",), ("/usr/bin/python3", "--version"), "apt-get install -y python3")
    program_entry = None
    mutation = Mutation(
        binary_expression=("binary_operator", "comparison_operator", "boolean_operator"),
        integer_literal=("integer",),
        block=("block",),
        argument_list=("argument_list",),
        statement_skip=("comment", "pass_statement"),
    )
    code_start = re.compile(r"^(def |class |import \w|from [\w.]+ import |@\w)")
    leading_imports = "from __future__"

    # ---- extraction ---------------------------------------------------------
    def top_level_items(self, root: Node, src: bytes) -> list[Item]:
        out: list[Item] = []
        for start, node, _attrs in walk_top(root, ("comment",)):
            t = node.type
            text = span_text(src, start, node.end_byte)
            if t in ("import_statement", "import_from_statement", "future_import_statement"):
                out.append(import_item(src, node))
            elif t in ("function_definition", "class_definition", "decorated_definition"):
                d = node.child_by_field_name("definition") if t == "decorated_definition" else node
                if d is None:
                    continue
                nm = d.child_by_field_name("name")
                names: tuple[str, ...] = (node_text(src, nm),) if nm is not None else ()
                refs = idents(node, src)
                is_fn = d.type == "function_definition"
                if is_fn:
                    refs -= _py_locals(d, src)
                out.append(Item("def", names, text, frozenset(refs - set(names)), pos=node.start_byte, func=is_fn,
                                 params=self.param_count(d.child_by_field_name("parameters")) if is_fn else -1))
            elif t == "expression_statement" and node.named_children and node.named_children[0].type == "assignment":
                a = node.named_children[0]
                left = a.child_by_field_name("left")
                names = tuple(sorted(idents(left, src))) if left is not None else ()
                right = a.child_by_field_name("right")
                refs = idents(right, src) if right is not None else set()
                ty = a.child_by_field_name("type")
                if ty is not None:
                    refs |= idents(ty, src)
                out.append(Item("def", names, text, frozenset(refs - set(names)), pos=node.start_byte))
        return out


    def param_count(self, params: Node | None) -> int:
        if params is None:
            return -1
        return sum(1 for c in params.named_children
                   if c.type not in ("comment", "keyword_separator", "positional_separator")
                   and (c.text or b"").decode("utf-8", errors="replace") != "self")

    def missing_imports(self, out: str, strict: bool) -> str:
        if strict:
            return out
        root, src, items = self.items_of(out)
        bound: set[str] = set()
        used: set[str] = set()
        attr_objs: set[str] = set()
        for n in walk(root):
            if n.type in ("import_statement", "import_from_statement"):
                for c in walk(n):
                    if c.type in ("dotted_name", "identifier") and c.parent is not None and \
                            c.parent.type != "dotted_name" and c != n.child_by_field_name("module_name"):
                        bound.add(node_text(src, c).split(".")[0])
                    if c.type == "aliased_import":
                        a = c.child_by_field_name("alias")
                        if a is not None:
                            bound.add(node_text(src, a))
            elif n.type == "identifier":
                used.add(node_text(src, n))
                if n.parent is not None and n.parent.type == "attribute" and n.parent.child_by_field_name("object") == n:
                    attr_objs.add(node_text(src, n))
        top = {n for it in items for n in it.names}
        for n in walk(root):
            if n.type in ("function_definition", "lambda"):
                top |= _py_locals(n, src)
        bound |= top
        typing_names = {"List", "Dict", "Tuple", "Optional", "Any", "Set", "Union", "Callable", "Iterable",
                        "Sequence", "Iterator", "FrozenSet", "DefaultDict", "Deque"}
        need_typing = sorted((used & typing_names) - bound)
        modules = ["math", "re", "itertools", "functools", "collections", "heapq", "bisect", "string"]
        need_mods = [m for m in modules if m in attr_objs and m not in bound]
        add = [f"import {m}" for m in need_mods]
        if need_typing:
            add.append(f"from typing import {', '.join(need_typing)}")
        if not add:
            return out
        return prepend_imports(out, add, items)



    def render_type(self, t: T.Type) -> str:
        if t.is_scalar:
            return _TYPES[t.name]
        inner = ", ".join(self.render_type(a) for a in t.args)
        return {"list": f"List[{inner}]", "dict": f"Dict[{inner}]", "tuple": f"Tuple[{inner}]",
                "optional": f"Optional[{inner}]"}[t.name]

    def render_value(self, t: T.Type, value: Any) -> str:
        # ints in float slots stay ints: Python is the source and keeps its own values
        return repr(T.decode(t, value))

    def function_name(self, entry_point: str) -> str:
        return entry_point

    def signature(self, problem: Problem) -> str:
        sig = problem.signature
        params = ", ".join(f"{p.name}: {self.render_type(p.type)}" for p in sig.params)
        return f"def {self.function_name(problem.entry_point)}({params}) -> {self.render_type(sig.returns)}:"

    def code_prelude(self, problem: Problem) -> str:
        return "from typing import Dict, List, Optional, Tuple\n"

    def placeholder(self, problem: Problem) -> str:
        return f"{self.code_prelude(problem)}\n{self.signature(problem)}\n    raise NotImplementedError\n"

    def test_program(self, problem: Problem, code: str) -> dict[str, str]:
        sig = problem.signature
        rows = []
        for t in problem.all_tests:
            args = ", ".join(self.render_value(p.type, a) for p, a in zip(sig.params, t.args))
            rows.append(f"    ({args}{',' if len(t.args) == 1 else ''}),")
        tests = "ARGS = [\n" + "\n".join(rows) + "\n]\n"
        head = (f"ENTRY = {self.function_name(problem.entry_point)!r}\n"
                f"RETURNS = {type_tree(sig.returns)!r}\n")
        return {"candidate.py": code, "main.py": HARNESS + head + tests + "\n_main()\n"}

    def batch_program(self, items: list[tuple[int, Problem, str]]) -> BatchProgram | None:
        # one directory per item; the "compile" is one syntax check over all of them, which names
        # the files it rejects
        files: dict[str, str] = {}
        for k, problem, code in items:
            program = self.test_program(problem, code)
            files[f"c{k}/candidate.py"] = program["candidate.py"]
            files[f"c{k}/main.py"] = program["main.py"]
        argv = ["python3", "-c", SYNTAX_CHECK, *(f"c{k}/candidate.py" for k, _, _ in items)]
        return BatchProgram(files, argv, [["python3", "-S", "-B", f"{{job}}/c{k}/main.py"] for k, _, _ in items],
                            blame=r"c(\d+)/candidate\.py: ")

    def stdio_program(self, code: str) -> WholeProgram:
        check = "import sys; compile(open('main.py').read(), 'main.py', 'exec')"
        return WholeProgram({"main.py": code}, ["python3", "-c", check], self.run_argv("{job}"))

    def compile_argv(self) -> list[str] | None:
        # a syntax check, so unparsable code is a compile error like elsewhere
        return ["python3", "-c", "import sys; compile(open('candidate.py').read(), 'candidate.py', 'exec')"]

    def run_argv(self, job_dir: str) -> list[str]:
        return ["python3", "-S", "-B", f"{job_dir}/main.py"]

    # ---- benchmarks (MultiPL-E / HumanEval-X) ------------------------------
    multipl_e_codes = ("py", "python")
    humaneval_x_prefix = "python"
    entry_pattern = re.compile(r"^\s*(async\s+)?def\s+(?P<name>\w+)\s*\(")
    line_comment = "#"
    block_comment = False
    # HumanEval-X's IMPORT_HELPER (numpy is not in the sandbox)
    HUMANEVAL_X_IMPORTS = ("import math", "import re", "import sys", "import copy", "import datetime",
                           "import itertools", "import collections", "import heapq", "import statistics",
                           "import functools", "import hashlib", "import string", "from typing import *",
                           "from collections import *")

    def multipl_e_program(self, program: str, limits: Limits) -> BenchProgram:
        # `python3 prog.py`; pass = exit 0. Nothing to compile, nothing to batch
        return BenchProgram(self.name, program, Job(self.name, {"prog.py": program}, ["python3", "{job}/prog.py"],
                                                    None, limits=limits))

    def humaneval_x_program(self, prompt: str, code: str, tests: str, extra: dict[str, Any], spliced: bool,
                            limits: Limits) -> BenchProgram:
        kept = []
        for line in code.split("\n"):
            if line.strip() and line[0] not in " \t" and not spliced:
                break  # a continuation ends at the first unindented line, as HumanEval-X cuts it
            kept.append(line)
        program = "\n".join(self.HUMANEVAL_X_IMPORTS) + "\n" + prompt + "\n".join(kept) + "\n" + tests + "\n"
        return self.multipl_e_program(program, limits)
