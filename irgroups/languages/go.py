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
from irgroups.languages import go_testify
from irgroups.languages.base import (
    BatchProgram,
    Language,
    Mutation,
    Rewriting,
    Toolchain,
    WholeProgram,
    escape_string,
    float_literal,
    pascal_case,
)
from irgroups.languages.benchmarks import (
    EXIT_ZERO,
    HUMANEVAL_X,
    MULTIPL_E,
    BenchJudge,
    BenchProgram,
)
from irgroups.languages.syntax import Item, idents, node_text, span_text, walk, walk_top
from irgroups.problems.model import Problem
from irgroups.sandbox.base import Job, Limits

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


def packages_used(root: Node, src: bytes) -> set[str]:
    """The names Go code uses as packages (`strings` in `strings.Split`, `sort.Interface`)."""
    used = set()
    for n in walk(root):
        if n.type in ("selector_expression", "qualified_type"):
            operand = n.child_by_field_name("operand") or n.child_by_field_name("package")
            if operand is not None and operand.type in ("identifier", "package_identifier"):
                used.add(node_text(src, operand))
    return used


def _is_local(root: Node, src: bytes, name: str) -> bool:
    """Whether `name` is a variable or parameter somewhere (then `name.x` is no package)."""
    for n in walk(root):
        if n.type in ("short_var_declaration", "var_spec", "parameter_declaration", "range_clause"):
            left = n.child_by_field_name("left") or n.child_by_field_name("name")
            if left is not None and name in {node_text(src, i) for i in walk(left) if i.type == "identifier"}:
                return True
    return False


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
    rewriting = Rewriting(
        reserved=frozenset({
            "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func",
            "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct",
            "switch", "type", "var", "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len",
            "make", "max", "min", "new", "panic", "print", "println", "real", "recover", "any", "bool", "byte",
            "error", "float32", "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint",
            "uint8", "uint16", "uint32", "uint64", "uintptr", "true", "false", "nil", "iota"
        }),
        style="paren-free",
        name_case="camel",
        functions=("function_declaration", "method_declaration", "func_literal"),
        bindings=(("parameter_declaration", "name"), ("short_var_declaration", "left"), ("var_spec", "name"),
                  ("range_clause", "left"), ("const_spec", "name")),
        blocks=("statement_list",),
        ifs=("if_statement",),
        while_loops=("for_statement",),
        counting_loops=("for_statement",),
        continue_types=("continue_statement",),
        returns=("return_statement",),
        temp="{name} := {expr}",
        number_literals=("int_literal", "float_literal"),
        leaf_values=("int_literal", "float_literal", "true", "false", "rune_literal"),
        access=("index_expression", "selector_expression"),
        access_leaves=("field_identifier", "package_identifier"),
        rename_unsafe=(("keyed_element", None), ("literal_element", None), ("labeled_statement", None)),
        no_temp=("nil", "func_literal"),
    )
    display_name = "Go"
    code_start = re.compile(r"^(package \w|import [(\"]|func |type \w)")

    # ---- extraction (irgroups/generate/extract.py) --------------------------
    def top_level_items(self, root: Node, src: bytes) -> list[Item]:
        out: list[Item] = []
        for start, node, _attrs in walk_top(root, ("comment",)):
            t = node.type
            text = span_text(src, start, node.end_byte)
            if t == "import_declaration":
                specs = [n for n in walk(node) if n.type == "import_spec"]
                for s in specs:
                    path = s.child_by_field_name("path")
                    alias = s.child_by_field_name("name")
                    if path is None:
                        continue
                    it = Item("import", (), node_text(src, path), frozenset(), pos=s.start_byte)
                    it.extra["alias"] = node_text(src, alias) if alias is not None else ""
                    out.append(it)
            elif t == "function_declaration":
                nm = node.child_by_field_name("name")
                names: tuple[str, ...] = (node_text(src, nm),) if nm is not None else ()
                out.append(Item("def", names, text, frozenset(idents(node, src) - set(names)), pos=node.start_byte,
                                 func=node.child_by_field_name("body") is not None,
                                 params=self.param_count(node.child_by_field_name("parameters"))))
            elif t == "method_declaration":
                recv = node.child_by_field_name("receiver")
                owner = ""
                if recv is not None:
                    tids = [n for n in walk(recv) if n.type == "type_identifier"]
                    owner = node_text(src, tids[0]) if tids else ""
                out.append(Item("attached", (), text, frozenset(idents(node, src)), pos=node.start_byte, owner=owner))
            elif t in ("type_declaration", "const_declaration", "var_declaration"):
                names = tuple(node_text(src, nm) for spec in walk(node)
                              if spec.type in ("type_spec", "type_alias", "const_spec", "var_spec")
                              for nm in spec.children_by_field_name("name"))
                out.append(Item("def", names, text, frozenset(idents(node, src) - set(names)), pos=node.start_byte))
        return out


    def param_count(self, params: Node | None) -> int:
        if params is None:
            return -1
        n = 0
        for c in params.named_children:
            if c.type == "parameter_declaration":
                n += max(1, len(c.children_by_field_name("name")))
            elif c.type == "variadic_parameter_declaration":
                n += 1
        return n

    def implied(self, item: Item, defined: set[str], entry: Item, called: set[str]) -> bool:
        # init() and `var _ = f()` run at start-up
        return item.kind == "def" and ("init" in item.names or "_" in item.names)

    def import_section(self, imports: list[Item]) -> list[str]:
        specs: dict[str, str] = {}
        for it in imports:
            specs.setdefault(it.text, it.extra.get("alias", ""))
        imp = "".join(f"import {a + ' ' if a else ''}{p}\n" for p, a in specs.items())
        return ["package main"] + ([imp.rstrip("\n")] if imp else [])

    def missing_imports(self, out: str, strict: bool) -> str:
        root, src, items = self.items_of(out)
        pkgs_used = packages_used(root, src)
        imports: dict[str, str] = {}
        for it in items:
            if it.kind != "import":
                continue
            path = it.text.strip('"`')
            alias = it.extra.get("alias", "")
            pkg = alias or path.rsplit("/", 1)[-1]
            if alias in ("_", ".") or pkg in pkgs_used:
                imports[path] = alias
        defined = {n for it in items for n in it.names}
        std = {"strings": "strings", "strconv": "strconv", "sort": "sort", "math": "math", "fmt": "fmt",
               "unicode": "unicode", "bytes": "bytes", "errors": "errors", "utf8": "unicode/utf8",
               "bits": "math/bits", "regexp": "regexp"}
        have = {(a or p.rsplit("/", 1)[-1]) for p, a in imports.items()}
        for pkg, path in std.items():
            if not strict and pkg in pkgs_used and pkg not in have and pkg not in defined and not _is_local(root, src, pkg):
                imports[path] = ""
        rest = [it.text for it in items if it.kind != "import"]
        head = ["package main"]
        if len(imports) == 1:
            (p, a), = imports.items()
            head.append(f'import {a + " " if a else ""}"{p}"')
        elif imports:
            head.append("import (\n" + "".join(f'\t{a + " " if a else ""}"{p}"\n'
                                               for p, a in sorted(imports.items())) + ")")
        return "\n\n".join(head + rest) + "\n"


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
        if "irgbatch" in code or "go:linkname" in code or '"unsafe"' in code:
            return False  # the batch's own packages, another package's symbols, a raw call into the binary
        root = _go_parser().parse(code.encode("utf-8")).root_node
        for node in root.children:
            if node.type == "function_declaration":
                name = node.child_by_field_name("name")
                if name is not None and name.text == b"init":
                    return False
            elif node.type in ("var_declaration", "const_declaration") and _calls_code(node):
                return False
        return True

    _MODULE_BUILD = ["env", "GO111MODULE=on", "GOFLAGS=-mod=mod", "GOPROXY=off", "go", "build", LDFLAGS, "-o", "prog", "."]

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
        return BatchProgram(files, self._MODULE_BUILD, [["{job}/prog", str(k)] for k, _, _ in items],
                            blame=r"(?:\./)?c(\d+)/[\w.]+\.go:\d+")

    def stdio_batchable(self, code: str) -> bool:
        # `batchable` keeps out what runs when any program of the batch binary starts; the
        # command line has the program's label on it
        return self.batchable(code) and re.search(r"\bos\.Args\b|\bflag\.", code) is None

    def stdio_batch(self, items: list[tuple[int, str]]) -> BatchProgram | None:
        # one module, one package per program (its main is an ordinary function there), one binary
        files = {"go.mod": "module irgbatch\n\ngo 1.19\n"}
        for k, code in items:
            files[f"s{k}/main.go"] = _with_package(code, f"s{k}")
            files[f"s{k}/zz_irgroups_entry.go"] = f"package s{k}\n\nfunc IrgroupsMain() {{ main() }}\n"
        imports = "".join(f'\t"irgbatch/s{k}"\n' for k, _ in items)
        cases = "".join(f'\tcase "{k}":\n\t\ts{k}.IrgroupsMain()\n' for k, _ in items)
        files["main.go"] = (f"package main\n\nimport (\n\t\"os\"\n{imports})\n\nfunc main() {{\n"
                            f"\tswitch os.Args[1] {{\n{cases}\tdefault:\n\t\tos.Exit(2)\n\t}}\n}}\n")
        return BatchProgram(files, self._MODULE_BUILD, [["{job}/prog", str(k)] for k, _ in items],
                            blame=r"(?:\./)?s(\d+)/[\w.]+\.go:\d+")

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

    def stdio_program(self, code: str) -> WholeProgram:
        return WholeProgram({"main.go": _with_package(code, "main")},
                            ["go", "build", LDFLAGS, "-o", "prog", "main.go"], self.run_argv("{job}"))

    def compile_argv(self) -> list[str] | None:
        return ["go", "build", LDFLAGS, "-o", "prog", "candidate.go", "zz_harness.go"]

    def run_argv(self, job_dir: str) -> list[str]:
        return [f"{job_dir}/prog"]

    # ---- benchmarks (MultiPL-E / HumanEval-X) ------------------------------
    # MultiPL-E: `go test prog_test.go`, pass unless "[build failed]"/"[setup failed]"/"FAIL" in
    # stdout (here: `go test -c` while compiling, the test binary while running; same verdict).
    # HumanEval-X: test_setup + imports the completion uses + prompt without its import +
    # completion + test; `go test`; pass = exit 0; testify's `assert` is a shim (go_testify.py).
    # Batched (Go 1.19 cannot `go test -c` several packages at once): each program becomes package
    # p<k> of one GOPATH tree, its test functions listed in a file beside it, and one binary runs
    # program k's tests through testing.Main, as its own test binary would; `go vet` with the
    # analyzers `go test` runs checks them all in one call, since `go test -c` fails on those too.
    multipl_e_codes = ("go", "go_test.go")
    humaneval_x_prefix = "go"
    entry_pattern = re.compile(r"^\s*func\s+(?P<name>\w+)\s*[\[(]")
    GO_TEST_JUDGE = BenchJudge(exit_zero=False, stdout_fail=("FAIL", "[build failed]", "[setup failed]"))
    HUMANEVAL_X_PACKAGES = ("math", "strings", "fmt", "strconv", "time", "bytes", "regexp", "sort", "math/rand",
                            "crypto/md5")
    HUMANEVAL_X_SETUP = 'package main\n\nimport (\n    "testing"\n    "github.com/stretchr/testify/assert"\n)\n'
    _SHIM_DIR = "gopath/src/github.com/stretchr/testify/assert"
    _BENCH_ROOT = "gopath/src/irgroups_bench"
    # build directives, cgo, and what `go test` runs besides Test functions: alone
    _BENCH_ALONE = re.compile(r"//\s*go:|//\s*\+build|irgroups_bench|\bimport\s+\"C\"|\bfunc\s+(?:TestMain|Example|"
                              r"Fuzz|Benchmark)")
    # the analyzers `go test` runs (cmd/go's defaultVetFlags; Go 1.21 added directive and slog)
    _VET = ("V='-atomic -bool -buildtags -errorsas -ifaceassert -nilfunc -printf -stringintconv'; "
            "case \"$(go env GOVERSION)\" in go1.1[0-9]*|go1.20*) ;; *) V=\"$V -directive -slog\";; esac; ")

    def splice_answer(self, head: str, code: str, tests: str) -> tuple[str, str]:
        """One package clause (the prompt's), one import block (the prompt's and the answer's
        imports that the program uses: Go refuses unused ones)."""
        from irgroups import code as ts
        from irgroups.generate.extract import go_packages_used

        imports: dict[str, str] = {}
        rest_head: list[str] = []
        for text in (head, code):
            src = text.encode("utf-8")
            for node in _go_parser().parse(src).root_node.children:
                if node.type == "import_declaration":
                    for spec in (n for n in ts.walk(node) if n.type == "import_spec"):
                        path = spec.child_by_field_name("path")
                        alias = spec.child_by_field_name("name")
                        if path is not None:
                            imports.setdefault(self._slice(src, path).strip('"`'), self._slice(src, alias) if alias else "")
                elif text is head:
                    rest_head.append(self._slice(src, node))
        src = code.encode("utf-8")
        body = "\n\n".join(self._slice(src, node) for node in _go_parser().parse(src).root_node.children
                           if node.type not in ("package_clause", "import_declaration")) + "\n"
        program = (body + "\n" + tests).encode("utf-8")
        used = go_packages_used(_go_parser().parse(program).root_node, program)
        kept = {p: a for p, a in imports.items() if a in ("_", ".") or (a or p.rsplit("/", 1)[-1]) in used}
        package = next((r for r in rest_head if r.startswith("package")), "")
        others = [r for r in rest_head if not r.startswith("package")]
        block = ("import (\n" + "".join(f'    {a + " " if a else ""}"{p}"\n' for p, a in kept.items()) + ")") \
            if kept else ""
        return "\n\n".join(x for x in [package, block, *others] if x), body

    @staticmethod
    def _slice(src: bytes, node: Node) -> str:
        return src[node.start_byte:node.end_byte].decode("utf-8", errors="replace")

    def multipl_e_program(self, program: str, limits: Limits) -> BenchProgram:
        job = Job(self.name, {"prog_test.go": program}, ["{job}/prog.test"],
                  ["go", "test", "-c", "-o", "prog.test", "prog_test.go"], limits=limits)
        return BenchProgram(self.name, program, job, self.GO_TEST_JUDGE,
                            MULTIPL_E if self._bench_batchable(program) else None)

    def humaneval_x_program(self, prompt: str, code: str, tests: str, extra: dict[str, Any], spliced: bool,
                            limits: Limits) -> BenchProgram:
        imports = extra.get("import", "")
        if imports:
            prompt = prompt.replace(imports, "")
        setup = extra.get("test_setup", self.HUMANEVAL_X_SETUP)
        if spliced:  # the spliced head holds the package clause and every import the program uses
            head = self.splice_answer((setup + "\n" + prompt).rstrip(), code, tests)[0]
            head, prompt = head + ("\n" if head and not head.endswith("\n") else ""), ""
        else:
            other = [f'"{p}"' for p in self.HUMANEVAL_X_PACKAGES if p not in setup and p.split("/")[-1] + "." in code]
            head = setup + "\n" + ("import (\n" + "    ".join(p + "\n" for p in other) + ")\n" if other else "")
        program = head + prompt + code + "\n" + tests
        compile_sh = (f"mkdir -p {self._SHIM_DIR} && mv assert.go.txt {self._SHIM_DIR}/assert.go && "
                      'GOPATH="$PWD/gopath" go test -c -o main.test main_test.go')
        job = Job(self.name, {"main_test.go": program, "assert.go.txt": go_testify.SHIM}, ["{job}/main.test"],
                  ["sh", "-c", compile_sh], limits=limits)
        return BenchProgram(self.name, program, job, EXIT_ZERO, HUMANEVAL_X if self._bench_batchable(program) else None)

    def _bench_batchable(self, program: str) -> bool:
        return bool(_PACKAGE.search(program)) and not self._BENCH_ALONE.search(program) and self.batchable(program)

    def _test_functions(self, program: str) -> list[str]:
        """The functions `go test` runs, in order: top-level `TestXxx` (Xxx not lower case)."""
        names = []
        for node in _go_parser().parse(program.encode("utf-8")).root_node.children:
            name = node.child_by_field_name("name") if node.type == "function_declaration" else None
            text = (name.text or b"").decode() if name is not None else ""
            if text.startswith("Test") and (len(text) == 4 or not text[4].islower()):
                names.append(text)
        return names

    def bench_batch(self, items: list[tuple[int, BenchProgram]]) -> BatchProgram | None:
        root = self._BENCH_ROOT
        files = {}
        for k, p in items:
            files[f"{root}/p{k}/prog.go"] = _with_package(p.source, f"p{k}")
            listed = "".join(f'\n\t\t{{Name: "{n}", F: {n}}},' for n in self._test_functions(p.source))
            files[f"{root}/p{k}/zz_irgroups_tests.go"] = (
                f'package p{k}\n\nimport "testing"\n\nfunc IrgroupsTests() []testing.InternalTest {{\n'
                f"\treturn []testing.InternalTest{{{listed}\n\t}}\n}}\n")
        if items[0][1].batch_key == HUMANEVAL_X:
            files[f"{self._SHIM_DIR}/assert.go"] = go_testify.SHIM
        imports = "".join(f'\tp{k} "irgroups_bench/p{k}"\n' for k, _ in items)
        cases = "".join(f'\tcase "{k}":\n\t\ttests = p{k}.IrgroupsTests()\n' for k, _ in items)
        files[f"{root}/main.go"] = (
            f'package main\n\nimport (\n\t"os"\n\t"regexp"\n\t"testing"\n\n{imports})\n\nfunc main() {{\n'
            f"\tvar tests []testing.InternalTest\n\tswitch os.Args[1] {{\n{cases}\tdefault:\n\t\tos.Exit(2)\n\t}}\n"
            "\tos.Args = os.Args[:1]\n\ttesting.Main(regexp.MatchString, tests, nil, nil)\n}\n")
        script = (f'export GO111MODULE=off GOPATH="$PWD/gopath"; cd {root} || exit 3; {self._VET}'
                  "go vet $V ./... & vet=$!; "
                  f'go build "{LDFLAGS}" -o ../../../prog .; built=$?; wait $vet && [ $built -eq 0 ]')
        return BatchProgram(files, ["sh", "-c", script], [["{job}/prog", str(k)] for k, _ in items],
                            blame=r"^(?:vet: )?(?:\./)?p(\d+)/[\w.]+\.go:\d+")
