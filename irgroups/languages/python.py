"""Python: the usual source language, and a target like any other.

The harness forks before it reads the token: the child imports and runs the
candidate and sends `repr` of each result through a pipe; the parent, which never
runs candidate code, compares and reports. So even stack or memory inspection by
the candidate cannot find the token."""

from __future__ import annotations

from typing import Any

from irgroups import types as T
from irgroups.languages.base import Language, Mutation, Toolchain
from irgroups.problems.model import Problem

_TYPES = {"int": "int", "float": "float", "bool": "bool", "str": "str"}

HARNESS = '''\
import ast
import os
import sys


def _near(got, want):
    if isinstance(want, float) or (isinstance(got, float) and not isinstance(want, bool)):
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            return False
        return abs(got - want) <= 1e-6 * max(1.0, abs(want))
    if isinstance(want, (list, tuple)):
        return isinstance(got, (list, tuple)) and len(got) == len(want) and all(
            _near(g, w) for g, w in zip(got, want))
    if isinstance(want, dict):
        return isinstance(got, dict) and got.keys() == want.keys() and all(
            _near(got[k], want[k]) for k in want)
    if want is None or isinstance(want, bool):
        return got is want or (isinstance(got, bool) and got == want)
    return type(got) is type(want) and got == want


def _child(w):
    # runs the candidate; never holds the token, so it cannot forge a report
    os.close(0)
    out = os.fdopen(w, "w")
    sys.path.insert(0, __file__.rsplit("/", 1)[0])
    try:
        import candidate
        fn = getattr(candidate, ENTRY)
    except BaseException:
        fn = None
    for i, (args, want) in enumerate(TESTS):
        try:
            if fn is None:
                raise RuntimeError("no entry point")
            line = "%d ok %s" % (i, repr(fn(*args)))  # repr has no raw newline
        except BaseException:
            line = "%d error" % i
        out.write(line + "\\n")
        out.flush()
    out.write("end\\n")
    out.flush()
    os._exit(0)


def _main():
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        _child(w)
    os.close(w)
    token = sys.stdin.readline().strip()
    out = sys.stdout

    def report(i, outcome):
        out.write("\\n%s %s %s\\n" % (token, i, outcome))
        out.flush()

    ended = False
    seen = set()
    for line in os.fdopen(r):
        parts = line.rstrip("\\n").split(" ", 2)
        if parts == ["end"]:
            ended = True
            continue
        try:
            i = int(parts[0])
            want = TESTS[i][1]
        except (ValueError, IndexError):
            continue
        if i in seen:
            continue
        seen.add(i)
        outcome = "error"
        if parts[1:2] == ["ok"]:
            try:
                outcome = "pass" if _near(ast.literal_eval(parts[2]), want) else "fail"
            except Exception:
                outcome = "fail"
        report(i, outcome)
    _, status = os.waitpid(pid, 0)
    if ended and status == 0:
        out.write("\\n%s done\\n" % token)
        out.flush()


'''


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
        for t in problem.tests:
            args = ", ".join(self.render_value(p.type, a) for p, a in zip(sig.params, t.args))
            rows.append(f"    (({args}{',' if len(t.args) == 1 else ''}), {self.render_value(sig.returns, t.expected)}),")
        tests = "TESTS = [\n" + "\n".join(rows) + "\n]\n"
        entry = f"ENTRY = {self.function_name(problem.entry_point)!r}\n"
        main = HARNESS + entry + tests + "\n_main()\n"
        return {"candidate.py": code, "main.py": main}

    def compile_argv(self) -> list[str] | None:
        # a syntax check, so unparsable code is a compile error like elsewhere
        return ["python3", "-c", "import sys; compile(open('candidate.py').read(), 'candidate.py', 'exec')"]

    def run_argv(self, job_dir: str) -> list[str]:
        return ["python3", "-S", "-B", f"{job_dir}/main.py"]
