"""Go: candidate and harness are two files of `package main`, so each keeps its
own imports. A tuple result is Go's multiple return values; a tuple nested in a
list is a fixed-size array (only homogeneous ones exist in the data)."""

from __future__ import annotations

import re
from typing import Any

from irgroups import types as T
from irgroups.errors import ProblemError
from irgroups.languages.base import (
    BatchProgram,
    Language,
    Mutation,
    Toolchain,
    escape_string,
    float_literal,
    pascal_case,
)
from irgroups.problems.model import Problem

_SCALARS = {"int": "int", "float": "float64", "bool": "bool", "str": "string"}

HARNESS_HEAD = """\
package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"reflect"
	"strings"
)

func irgNear(got, want interface{}) bool {
	return irgNearValue(reflect.ValueOf(got), reflect.ValueOf(want))
}

func irgNearValue(g, w reflect.Value) bool {
	if g.IsValid() && g.Kind() == reflect.Interface {
		g = g.Elem()
	}
	if w.IsValid() && w.Kind() == reflect.Interface {
		w = w.Elem()
	}
	if !w.IsValid() {
		return !g.IsValid() || (g.Kind() == reflect.Ptr && g.IsNil())
	}
	if !g.IsValid() {
		return w.Kind() == reflect.Ptr && w.IsNil()
	}
	if g.Kind() != w.Kind() {
		return false
	}
	switch w.Kind() {
	case reflect.Float64, reflect.Float32:
		a, b := g.Float(), w.Float()
		return math.Abs(a-b) <= 1e-6*math.Max(1.0, math.Abs(b))
	case reflect.Ptr:
		if g.IsNil() || w.IsNil() {
			return g.IsNil() == w.IsNil()
		}
		return irgNearValue(g.Elem(), w.Elem())
	case reflect.Slice, reflect.Array:
		if g.Len() != w.Len() {
			return false
		}
		for i := 0; i < w.Len(); i++ {
			if !irgNearValue(g.Index(i), w.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if g.Len() != w.Len() {
			return false
		}
		for _, k := range w.MapKeys() {
			v := g.MapIndex(k)
			if !v.IsValid() || !irgNearValue(v, w.MapIndex(k)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(g.Interface(), w.Interface())
}

func irgPtr[T any](v T) *T { return &v }

func irgRun(token string, i int, f func() bool) {
	outcome := "error"
	func() {
		defer func() { recover() }()
		if f() {
			outcome = "pass"
		} else {
			outcome = "fail"
		}
	}()
	fmt.Fprintf(os.Stdout, "\\n%s %d %s\\n", token, i, outcome)
}

func main() {
	token, _ := bufio.NewReader(os.Stdin).ReadString('\\n')
	token = strings.TrimSpace(token)
"""


_PACKAGE = re.compile(r"^\s*package\s+\w+", re.M)
_INIT = re.compile(r"^\s*func\s+init\s*\(", re.M)
# no symbol table or DWARF in the binaries: nothing reads them (panics print from pclntab),
# and the linker does less
LDFLAGS = "-ldflags=-s -w"


def _with_package(code: str, package: str) -> str:
    """The candidate as a file of `package`, whatever package clause it had."""
    if _PACKAGE.search(code):
        return _PACKAGE.sub(f"package {package}", code, count=1)
    return f"package {package}\n\n{code}"


class Go(Language):
    name = "go"
    aliases = ("golang",)
    extension = "go"
    tree_sitter_module = "tree_sitter_go"
    toolchain = Toolchain(("go",), ("go", "version"), "apt-get install -y golang-go")
    mutation = Mutation(
        binary_expression=("binary_expression",),
        integer_literal=("int_literal",),
        block=("block", "statement_list"),
        argument_list=("argument_list",),
        statement_skip=("comment",),
    )

    keywords = frozenset(
        # keywords, plus predeclared types and common packages a parameter would shadow
        ["string", "int", "bool", "float64", "byte", "rune", "error", "len", "cap", "append", "strings", "strconv", "sort", "math", "fmt", "unicode", "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var"])

    def render_type(self, t: T.Type, nested: bool = False) -> str:
        if t.is_scalar:
            return _SCALARS[t.name]
        a = [self.render_type(x, nested=True) for x in t.args]
        if t.name == "list":
            return f"[]{a[0]}"
        if t.name == "dict":
            return f"map[{a[0]}]{a[1]}"
        if t.name == "optional":
            return f"*{a[0]}"
        if not nested:
            return f"({', '.join(a)})"
        if len(set(a)) != 1:
            raise ProblemError(f"Go has no type for a nested mixed tuple {t}")
        return f"[{len(a)}]{a[0]}"

    def render_value(self, t: T.Type, value: Any) -> str:
        n = t.name
        if n == "optional":
            return "nil" if value is None else f"irgPtr[{self.render_type(t.args[0], True)}]({self.render_value(t.args[0], value)})"
        if n == "int":
            return str(value)
        if n == "float":
            return float_literal(value)
        if n == "bool":
            return "true" if value else "false"
        if n == "str":
            return f'"{escape_string(value)}"'
        if n == "list":
            return f"{self.render_type(t, True)}{{" + ", ".join(self.render_value(t.args[0], v) for v in value) + "}"
        if n == "tuple":
            return f"{self.render_type(t, True)}{{" + ", ".join(self.render_value(a, v) for a, v in zip(t.args, value)) + "}"
        pairs = [
            f"{self.render_value(t.args[0], T.decode_key(t.args[0], k, 'key'))}: {self.render_value(t.args[1], v)}"
            for k, v in value.items()
        ]
        return f"{self.render_type(t, True)}{{" + ", ".join(pairs) + "}"

    def function_name(self, entry_point: str) -> str:
        return pascal_case(entry_point)

    def signature(self, problem: Problem) -> str:
        sig = problem.signature
        params = ", ".join(f"{self.param_name(p.name)} {self.render_type(p.type, True)}" for p in sig.params)
        return f"func {self.function_name(problem.entry_point)}({params}) {self.render_type(sig.returns)}"

    def code_prelude(self, problem: Problem) -> str:
        return "package main\n\n"

    def placeholder(self, problem: Problem) -> str:
        return f"{self.code_prelude(problem)}{self.signature(problem)} {{\n\tpanic(\"not implemented\")\n}}\n"

    def test_program(self, problem: Problem, code: str) -> dict[str, str]:
        return {"candidate.go": _with_package(code, "main"), "zz_harness.go": self._harness(problem, "main", "main")}

    def batch_program(self, items: list[tuple[int, Problem, str]]) -> BatchProgram | None:
        # one module, one package per candidate, one binary; an init() would run for every
        # candidate of the binary, so candidates with one are not batched
        if any(_INIT.search(code) for _, _, code in items):
            return None
        files = {"go.mod": "module irgbatch\n\ngo 1.19\n"}
        for k, p, code in items:
            files[f"c{k}/candidate.go"] = _with_package(code, f"c{k}")
            files[f"c{k}/zz_harness.go"] = self._harness(p, f"c{k}", "IrgMain")
        imports = "".join(f'\t"irgbatch/c{k}"\n' for k, _, _ in items)
        cases = "".join(f'\tcase "{k}":\n\t\tc{k}.IrgMain()\n' for k, _, _ in items)
        files["main.go"] = (f"package main\n\nimport (\n\t\"os\"\n{imports})\n\nfunc main() {{\n"
                            f"\tswitch os.Args[1] {{\n{cases}\tdefault:\n\t\tos.Exit(2)\n\t}}\n}}\n")
        argv = ["env", "GO111MODULE=on", "GOFLAGS=-mod=mod", "GOPROXY=off", "go", "build", LDFLAGS, "-o", "prog", "."]
        return BatchProgram(files, argv, [["{job}/prog", str(k)] for k, _, _ in items],
                            blame=r"(?:^|[\s/#])c(\d+)/")

    def _harness(self, problem: Problem, package: str, main_name: str) -> str:
        sig = problem.signature
        fn = self.function_name(problem.entry_point)
        ret = sig.returns
        lines = [HARNESS_HEAD.replace("package main", f"package {package}", 1)
                 .replace("func main() {", f"func {main_name}() {{", 1)]
        for i, t in enumerate(problem.tests):
            args = ", ".join(self.render_value(p.type, a) for p, a in zip(sig.params, t.args))
            if ret.name == "tuple":
                names = [f"r{j}" for j in range(len(ret.args))]
                wants = ", ".join(self.render_value(a, v) for a, v in zip(ret.args, t.expected))
                body = (f"{', '.join(names)} := {fn}({args}); "
                        f"return irgNear([]interface{{}}{{{', '.join(names)}}}, []interface{{}}{{{wants}}})")
            else:
                want = self.render_value(ret, t.expected)
                body = f"var got {self.render_type(ret, True)} = {fn}({args}); return irgNear(got, {want})"
            lines.append(f"\tirgRun(token, {i}, func() bool {{ {body} }})")
        lines.append('\tfmt.Fprintf(os.Stdout, "\\n%s done\\n", token)\n}\n')
        return "\n".join(lines)

    def compile_argv(self) -> list[str] | None:
        return ["go", "build", LDFLAGS, "-o", "prog", "candidate.go", "zz_harness.go"]

    def run_argv(self, job_dir: str) -> list[str]:
        return [f"{job_dir}/prog"]
