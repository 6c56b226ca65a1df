"""Go: candidate and harness are two files of `package main`, so each keeps its
own imports. The harness writes each returned value as neutral JSON for the trusted
side to judge (irgroups/results.py). A tuple result is Go's multiple return values; a tuple nested in a
list is a fixed-size array (only homogeneous ones exist in the data)."""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import tree_sitter_go
from tree_sitter import Language as TSLanguage
from tree_sitter import Node, Parser

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
	"encoding/json"
	"fmt"
	"math"
	"os"
	"reflect"
	"strconv"
	"strings"
)

// a returned value as neutral JSON; the verdict is decided outside the sandbox
func irgEmit(b *strings.Builder, v reflect.Value) {
	if !v.IsValid() {
		b.WriteString("null")
		return
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Ptr:
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		irgEmit(b, v.Elem())
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			b.WriteString("NaN")
		case math.IsInf(f, 1):
			b.WriteString("Infinity")
		case math.IsInf(f, -1):
			b.WriteString("-Infinity")
		default:
			b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		}
	case reflect.String:
		irgEmitString(b, v.String())
	case reflect.Slice, reflect.Array: // a nil slice is an empty list
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			irgEmit(b, v.Index(i))
		}
		b.WriteByte(']')
	case reflect.Map:
		b.WriteByte('{')
		for i, k := range v.MapKeys() {
			if i > 0 {
				b.WriteByte(',')
			}
			switch k.Kind() {
			case reflect.String:
				irgEmitString(b, k.String())
			default:
				b.WriteByte('"')
				irgEmit(b, k)
				b.WriteByte('"')
			}
			b.WriteByte(':')
			irgEmit(b, v.MapIndex(k))
		}
		b.WriteByte('}')
	default:
		panic("irgroups: no neutral form for " + v.Kind().String())
	}
}

func irgEmitString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString("\\\\\\"")
		case r == '\\\\':
			b.WriteString("\\\\\\\\")
		case r < 0x20:
			fmt.Fprintf(b, "\\\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

func irgReport(line string) {
	os.Stdout.WriteString("\\n@@irgroups " + line + "\\n")
}

func irgRun(i int, f func() interface{}) {
	var got interface{}
	called, emitted := false, false
	func() {
		defer func() { recover() }()
		got = f()
		called = true
	}()
	if !called {
		irgReport(strconv.Itoa(i) + " error")
		return
	}
	var b strings.Builder
	func() {
		defer func() { recover() }()
		irgEmit(&b, reflect.ValueOf(got))
		emitted = true
	}()
	if !emitted {
		irgReport(strconv.Itoa(i) + " bad")
		return
	}
	irgReport(strconv.Itoa(i) + " ok " + b.String())
}

func irgArg(c []json.RawMessage, j int, dst interface{}) {
	if j >= len(c) || json.Unmarshal(c[j], dst) != nil {
		fmt.Fprintln(os.Stderr, "irgroups harness: cannot read argument", j)
		os.Exit(97)
	}
}

func main() {
	var cases [][]json.RawMessage
	if err := json.Unmarshal([]byte(irgTable), &cases); err != nil {
		fmt.Fprintln(os.Stderr, "irgroups harness: cannot read the tests:", err)
		os.Exit(97)
	}
"""

_PACKAGE = re.compile(r"^\s*package\s+\w+", re.M)
# builtins a package-level initializer may call without running any code of the candidate's
_BUILTINS = frozenset(["make", "new", "len", "cap", "append", "complex", "real", "imag", "min", "max"])
# no symbol table or DWARF in the binaries: nothing reads them (panics print from pclntab),
# and the linker does less
LDFLAGS = "-ldflags=-s -w"


@functools.cache
def _go_parser() -> Parser:
    return Parser(TSLanguage(tree_sitter_go.language()))


def _calls_code(node: Node) -> bool:
    """Whether an initializer calls anything but a builtin, or holds a function literal."""
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type == "func_literal":
            return True
        if n.type == "call_expression":
            fn = n.child_by_field_name("function")
            if fn is None or fn.type != "identifier" or (fn.text or b"").decode() not in _BUILTINS:
                return True
        stack.extend(n.children)
    return False


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
    toolchain = Toolchain(
        ("go",), ("go", "version"), "apt-get install -y golang-go",
        env={"GO111MODULE": "off", "CGO_ENABLED": "0", "GOFLAGS": "-buildvcs=false", "GOTOOLCHAIN": "local"},
        # the build cache is written by the compiler only, never by candidate code
        compile_env={"GOCACHE": "/gocache", "GOPATH": "/tmp/gopath"}, build_cache="/gocache",
    )
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

    def batchable(self, code: str) -> bool:
        # every package's init() and package-level initializers run when *any* program of a batch
        # binary starts: such code could write report lines into its neighbours' runs (and fail
        # them), so it runs alone
        root = _go_parser().parse(code.encode("utf-8")).root_node
        for node in root.children:
            if node.type == "function_declaration":
                name = node.child_by_field_name("name")
                if name is not None and name.text == b"init":
                    return False
            elif node.type in ("var_declaration", "const_declaration") and _calls_code(node):
                return False
        return True

    def batch_program(self, items: list[tuple[int, Problem, str]]) -> BatchProgram | None:
        # one module, one package per candidate, one binary (see `batchable`)
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
        # the arguments travel as a JSON table read at run time: a closure and literals per test
        # made the compiler's work grow with the tests (24 candidates with 50 tests each: 2.1x the
        # CPU of 4 tests each)
        sig = problem.signature
        if any("dict[bool" in str(p.type) for p in sig.params):
            raise ProblemError("the Go harness cannot read dict[bool,...] arguments (encoding/json has no bool keys)")
        fn = self.function_name(problem.entry_point)
        ret = sig.returns
        table = json.dumps([[a for a in t.args] for t in problem.all_tests], ensure_ascii=True)
        lines = [HARNESS_HEAD.replace("package main", f"package {package}", 1)
                 .replace("func main() {", f"func {main_name}() {{", 1)]
        lines.append("\tfor i, c := range cases {\n\t\t_ = c")
        for j, p in enumerate(sig.params):
            lines.append(f"\t\tvar a{j} {self.render_type(p.type, True)}\n\t\tirgArg(c, {j}, &a{j})")
        args = ", ".join(f"a{j}" for j in range(len(sig.params)))
        if ret.name == "tuple":
            names = ", ".join(f"r{j}" for j in range(len(ret.args)))
            body = f"{names} := {fn}({args}); return []interface{{}}{{{names}}}"
        else:
            body = f"return {fn}({args})"
        lines.append(f"\t\tirgRun(i, func() interface{{}} {{ {body} }})\n\t}}")
        lines.append('\tirgReport("end")\n}\n')
        lines.append(f'const irgTable = "{escape_string(table)}"\n')
        return "\n".join(lines)

    def compile_argv(self) -> list[str] | None:
        return ["go", "build", LDFLAGS, "-o", "prog", "candidate.go", "zz_harness.go"]

    def run_argv(self, job_dir: str) -> list[str]:
        return [f"{job_dir}/prog"]
