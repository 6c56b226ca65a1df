"""Python: the usual source language, and a target like any other.

The harness runs the candidate on each test's arguments and writes the returned
value as neutral JSON (irgroups/results.py); it holds no expected value. Values are
checked against the declared return type as they are written, with the rules
Python's own comparison had (an int where a float is declared is fine, a bool is
never an int), so a value of the wrong type is reported `bad`."""

from __future__ import annotations

from typing import Any

from irgroups import types as T
from irgroups.languages.base import BatchProgram, Language, Mutation, Toolchain
from irgroups.problems.model import Problem

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


class Python(Language):
    name = "python"
    aliases = ("py", "python3")
    extension = "py"
    tree_sitter_module = "tree_sitter_python"
    toolchain = Toolchain(("/usr/bin/python3",), ("/usr/bin/python3", "--version"), "apt-get install -y python3")
    mutation = Mutation(
        binary_expression=("binary_operator", "comparison_operator", "boolean_operator"),
        integer_literal=("integer",),
        block=("block",),
        argument_list=("argument_list",),
        statement_skip=("comment", "pass_statement"),
    )

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
                            blame=r"(?:^|/)c(\d+)/candidate\.py")

    def compile_argv(self) -> list[str] | None:
        # a syntax check, so unparsable code is a compile error like elsewhere
        return ["python3", "-c", "import sys; compile(open('candidate.py').read(), 'candidate.py', 'exec')"]

    def run_argv(self, job_dir: str) -> list[str]:
        return ["python3", "-S", "-B", f"{job_dir}/main.py"]
