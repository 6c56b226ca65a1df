"""C++17: one translation unit, standard headers first, then the candidate,
then the harness in its own namespace, which writes each returned value as
neutral JSON for the trusted side to judge (irgroups/results.py)."""

from __future__ import annotations

import re
import shutil
from typing import Any

from tree_sitter import Node

from irgroups import types as T
from irgroups.languages.base import (
    Language,
    Mutation,
    Rewriting,
    Toolchain,
    WholeProgram,
    escape_string,
    float_literal,
    snake_case,
)
from irgroups.languages.benchmarks import BenchProgram
from irgroups.languages.llvm import Frontend, SkipCandidate, Unit, first_line, squash
from irgroups.languages.syntax import (
    Item,
    idents,
    import_item,
    node_text,
    prepend_imports,
    span_text,
    strip_comments,
    walk_top,
)
from irgroups.problems.model import Problem
from irgroups.sandbox.base import Job, Limits

_SCALARS = {"int": "long long", "float": "double", "bool": "bool", "str": "std::string"}

HEADERS = """\
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>
"""

HARNESS_HEAD = """
namespace irgroups_harness {
// a returned value as neutral JSON; the verdict is decided outside the sandbox
inline void emit(std::string& o, long long v) { o += std::to_string(v); }
inline void emit(std::string& o, bool v) { o += v ? "true" : "false"; }
inline void emit(std::string& o, double v) {
    if (std::isnan(v)) { o += "NaN"; return; }
    if (std::isinf(v)) { o += v > 0 ? "Infinity" : "-Infinity"; return; }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    o += buf;
}
inline void emit(std::string& o, const std::string& s) {
    o += '"';
    for (unsigned char c : s) {
        if (c == '"') o += "\\\\\\"";
        else if (c == '\\\\') o += "\\\\\\\\";
        else if (c < 0x20) { char buf[8]; std::snprintf(buf, sizeof buf, "\\\\u%04x", c); o += buf; }
        else o += static_cast<char>(c);
    }
    o += '"';
}
inline void emit_key(std::string& o, long long k) { o += '"'; o += std::to_string(k); o += '"'; }
inline void emit_key(std::string& o, bool k) { o += k ? "\\"true\\"" : "\\"false\\""; }
inline void emit_key(std::string& o, const std::string& k) { emit(o, k); }
template <class T> void emit(std::string& o, const std::vector<T>& v);
template <class K, class V> void emit(std::string& o, const std::map<K, V>& m);
template <class T> void emit(std::string& o, const std::optional<T>& v);
template <class... Ts> void emit(std::string& o, const std::tuple<Ts...>& t);
inline void emit(std::string& o, const std::vector<bool>& v) {
    o += '[';
    for (size_t i = 0; i < v.size(); i++) { if (i) o += ','; emit(o, static_cast<bool>(v[i])); }
    o += ']';
}
template <class T> void emit(std::string& o, const std::vector<T>& v) {
    o += '[';
    for (size_t i = 0; i < v.size(); i++) { if (i) o += ','; emit(o, v[i]); }
    o += ']';
}
template <class K, class V> void emit(std::string& o, const std::map<K, V>& m) {
    o += '{';
    bool first = true;
    for (const auto& kv : m) { if (!first) o += ','; first = false; emit_key(o, kv.first); o += ':'; emit(o, kv.second); }
    o += '}';
}
template <class T> void emit(std::string& o, const std::optional<T>& v) {
    if (v.has_value()) emit(o, *v); else o += "null";
}
template <class Tuple, size_t... I> void emit_tuple(std::string& o, const Tuple& t, std::index_sequence<I...>) {
    o += '[';
    ((o += (I ? "," : ""), emit(o, std::get<I>(t))), ...);
    o += ']';
}
template <class... Ts> void emit(std::string& o, const std::tuple<Ts...>& t) {
    emit_tuple(o, t, std::index_sequence_for<Ts...>{});
}
inline void report(const std::string& line) {
    std::string out = "\\n@@irgroups " + line + "\\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
}
template <class F> void run(int i, F f) {
    std::string text;
    try { auto got = f(); emit(text, got); } catch (...) { report(std::to_string(i) + " error"); return; }
    report(std::to_string(i) + " ok " + text);
}
}  // namespace irgroups_harness

int main() {
    using namespace irgroups_harness;
"""


def _cpp_declared_name(decl: Node | None, src: bytes) -> tuple[str, Node | None]:
    """The name a C++ declarator declares, and its parameter list when it is a function."""
    while decl is not None:
        if decl.type == "function_declarator":
            inner = decl.child_by_field_name("declarator")
            return (node_text(src, inner) if inner is not None else "", decl.child_by_field_name("parameters"))
        if decl.type in ("identifier", "field_identifier", "type_identifier", "qualified_identifier",
                         "operator_name", "destructor_name"):
            return node_text(src, decl), None
        nxt = decl.child_by_field_name("declarator")
        if nxt is None:
            named = [c for c in decl.named_children if c.type not in ("type_qualifier", "ms_pointer_modifier")]
            nxt = named[0] if named else None
        decl = nxt
    return "", None


class CppFrontend(Frontend):
    """`cand.cpp` = standard headers + candidate, emitted with `clang++ -S -emit-llvm -O<l>`; the
    entry keeps its C++ mangled name. The harness TU declares the entry with the problem's
    signature, so a candidate whose entry is not defined with exactly that signature is skipped
    (its mangled name would differ). Linking: `clang++ ir.o harness.o`."""

    lang = "cpp"
    LEVELS = {"O0": "-O0", "O1": "-O1", "O2": "-O2", "O3": "-O3", "Os": "-Os", "Oz": "-Oz"}

    def __init__(self, language: Language) -> None:
        self.language = language

    def unit(self, problem: Problem, code: str) -> Unit:
        sig = self.language.signature(problem)
        if squash(sig) not in squash(code):
            raise SkipCandidate("entry not defined with the problem's exact signature")
        files = {"cand.cpp": HEADERS + "\n" + code}
        argv = {lvl: ["clang++", "-std=c++17", "-S", "-emit-llvm", "-g0", "-w", flag, "cand.cpp", "-o", f"{lvl}.ll"]
                for lvl, flag in self.LEVELS.items()}
        return Unit(files, argv)

    def harness(self, problem: Problem) -> tuple[dict[str, str], list[str]]:
        decl = self.language.signature(problem) + ";\n"
        files = {"harness.cpp": self.language.test_program(problem, decl)["main.cpp"]}
        build = ["clang++", "-std=c++17", "-O1", "-w", "-c", "harness.cpp", "-o", "harness.o"]
        return files, build

    def link_argv(self, obj: str, prog: str) -> list[str]:
        return ["clang++", "-o", prog, obj, "harness.o"]

    def is_entry_symbol(self, symbol: str, fn: str) -> bool:
        return symbol == fn or symbol.startswith(f"_Z{len(fn)}{fn}")  # the entry keeps its mangled name

    def probe(self, llvm_major: int, llvm_version: str) -> tuple[str, str]:
        if shutil.which("clang++"):
            return first_line(["clang++", "--version"]), ""
        return "", "clang++ not found; install with: apt-get install -y clang"


class Cpp(Language):
    name = "cpp"
    aliases = ("c++", "cxx")
    extension = "cpp"
    tree_sitter_module = "tree_sitter_cpp"
    toolchain = Toolchain(("g++",), ("g++", "--version"), "apt-get install -y g++")
    mutation = Mutation(
        binary_expression=("binary_expression",),
        integer_literal=("number_literal",),
        block=("compound_statement",),
        argument_list=("argument_list",),
        statement_skip=("comment",),
    )
    rewriting = Rewriting(
        reserved=frozenset({
            "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case",
            "catch", "char", "char16_t", "char32_t", "class", "compl", "const", "constexpr", "const_cast",
            "continue", "decltype", "default", "delete", "do", "double", "dynamic_cast", "else", "enum", "explicit",
            "export", "extern", "false", "float", "for", "friend", "goto", "if", "inline", "int", "long", "mutable",
            "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private",
            "protected", "public", "register", "reinterpret_cast", "return", "short", "signed", "sizeof", "static",
            "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "true",
            "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile",
            "wchar_t", "while", "xor", "xor_eq", "std", "main"
        }),
        style="c-family",
        name_case="snake",
        functions=("function_definition",),
        bindings=(("parameter_declaration", "declarator"), ("init_declarator", "declarator"),
                  ("for_range_loop", "declarator"), ("optional_parameter_declaration", "declarator")),
        blocks=("compound_statement",),
        ifs=("if_statement",),
        while_loops=("while_statement",),
        counting_loops=("for_statement",),
        continue_types=("continue_statement",),
        returns=("return_statement",),
        temp="auto {name} = {expr};",
        number_literals=("number_literal",),
        leaf_values=("number_literal", "true", "false", "char_literal"),
        access=("subscript_expression", "field_expression", "subscript_argument_list"),
        access_leaves=("field_identifier",),
        rename_unsafe=(("qualified_identifier", None), ("template_function", None), ("field_designator", None)),
        keep_names=("std", "main"),
        no_temp=("initializer_list", "lambda_expression", "nullptr", "null", "compound_literal_expression"),
    )
    display_name = "C++"
    extra_fence_tags = ("cc", "hpp", "c", "h")
    code_start = re.compile(r"^(#include|using namespace|template\s*<|struct \w|class \w|namespace \w|typedef |"
                            r"[\w:<>,*& ]+\s+[\w:]+\s*\([^)]*\)\s*(const\s*)?\{?\s*$)")
    leading_imports = "#"

    def llvm_frontend(self) -> Frontend | None:
        return CppFrontend(self)

    # ---- extraction (irgroups/generate/extract.py) --------------------------
    def top_level_items(self, root: Node, src: bytes) -> list[Item]:
        out: list[Item] = []
        children = list(walk_top(root, ("comment",)))
        for idx, (start, node, _attrs) in enumerate(children):
            t = node.type
            body = node.child_by_field_name("body")
            if t == "namespace_definition" and node.child_by_field_name("name") is None and body is not None:
                # an anonymous namespace only limits linkage: its items are top-level helpers
                out += self.top_level_items(body, src)
                continue
            end = node.end_byte
            if t in ("struct_specifier", "class_specifier", "enum_specifier", "union_specifier") \
                    and idx + 1 < len(children) and children[idx + 1][1].type == ";":
                end = children[idx + 1][1].end_byte
            text = span_text(src, start, end)
            if t == "preproc_include" or (t == "using_declaration"):
                out.append(import_item(src, node))
                continue
            inner = node
            if t == "template_declaration":
                kids = [c for c in node.named_children if c.type != "template_parameter_list"]
                if not kids:
                    continue
                inner = kids[-1]
            it_t = inner.type
            names: tuple[str, ...] = ()
            is_fn = False
            params = -1
            if it_t in ("function_definition", "declaration"):
                decls = inner.children_by_field_name("declarator")
                for d in decls:
                    nm, plist = _cpp_declared_name(d, src)
                    if nm:
                        names += (nm,)
                    if plist is not None and it_t == "function_definition":
                        is_fn = True
                        params = self.param_count(plist)
                if it_t == "declaration" and not names:
                    ty = inner.child_by_field_name("type")
                    nm_node = ty.child_by_field_name("name") if ty is not None else None
                    if nm_node is not None:
                        names = (node_text(src, nm_node),)
            elif it_t in ("struct_specifier", "class_specifier", "enum_specifier", "union_specifier",
                          "alias_declaration", "preproc_def", "preproc_function_def", "namespace_definition",
                          "concept_definition"):
                nm_node = inner.child_by_field_name("name")
                if nm_node is not None:
                    names = (node_text(src, nm_node),)
            elif it_t == "type_definition":
                names = tuple(node_text(src, d) for d in inner.children_by_field_name("declarator"))
            else:
                continue
            names = tuple(n.split("::")[-1] for n in names)
            out.append(Item("def", names, text, frozenset(idents(node, src) - set(names)), pos=node.start_byte,
                             func=is_fn, params=params))
        return out

    def implied(self, item: Item, defined: set[str], entry: Item, called: set[str]) -> bool:
        # operators follow the types they take
        return item.func and any(n.startswith("operator") for n in item.names) and bool(item.refs & defined)

    def missing_imports(self, out: str, strict: bool) -> str:
        if strict:
            return out
        root, src, items = self.items_of(out)
        includes = " ".join(it.text for it in items if it.kind == "import")
        if "bits/stdc++.h" in includes:
            return out
        plain = strip_comments(root, out)
        std_ns = bool(re.search(r"using\s+namespace\s+std\s*;", plain))
        table = {
            "vector": ["vector"], "string": ["string", "to_string", "stoi", "stol", "stoll"],
            "map": ["map"], "unordered_map": ["unordered_map"], "set": ["set"], "unordered_set": ["unordered_set"],
            "optional": ["optional", "nullopt", "make_optional"], "tuple": ["tuple", "make_tuple", "tie"],
            "utility": ["pair", "make_pair", "swap"],
            "algorithm": ["sort", "reverse", "max_element", "min_element", "find", "count", "unique",
                          "max", "min", "all_of", "any_of", "transform", "stable_sort"],
            "cmath": ["abs", "fabs", "sqrt", "pow", "floor", "ceil", "round", "log", "exp"],
            "numeric": ["accumulate", "gcd", "iota"], "sstream": ["stringstream", "istringstream", "ostringstream"],
            "deque": ["deque"], "queue": ["queue", "priority_queue"], "stack": ["stack"],
            "functional": ["function"], "cstddef": ["size_t", "ptrdiff_t"], "cctype": ["isalpha", "isdigit", "tolower", "toupper", "isupper",
                                                     "islower", "isspace", "isalnum"],
        }
        add = []
        for header, names in table.items():
            if re.search(rf"#\s*include\s*<{header}>", includes):
                continue
            alt = "|".join(names)
            pat = rf"\bstd::({alt})\b" + (rf"|(?<![\w:.>])({alt})\b(?=\s*[<(])" if std_ns else "")
            if re.search(pat, plain):
                add.append(f"#include <{header}>")
        if not add:
            return out
        return prepend_imports(out, sorted(add), [it for it in items if it.kind != "import" or it.text.startswith("#")])


# ---- helpers ------------------------------------------------------------------


    keywords = frozenset(["alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch", "char", "char16_t", "char32_t", "class", "compl", "const", "constexpr", "const_cast", "continue", "decltype", "default", "delete", "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq"])

    def render_type(self, t: T.Type) -> str:
        if t.is_scalar:
            return _SCALARS[t.name]
        a = [self.render_type(x) for x in t.args]
        if t.name == "list":
            return f"std::vector<{a[0]}>"
        if t.name == "dict":
            return f"std::map<{a[0]}, {a[1]}>"
        if t.name == "optional":
            return f"std::optional<{a[0]}>"
        return f"std::tuple<{', '.join(a)}>"

    def render_value(self, t: T.Type, value: Any) -> str:
        n = t.name
        if n == "optional":
            return "std::nullopt" if value is None else f"{self.render_type(t)}({self.render_value(t.args[0], value)})"
        if n == "int":
            return f"{value}LL" if value != -(2**63) else "(-9223372036854775807LL - 1)"
        if n == "float":
            return float_literal(value)
        if n == "bool":
            return "true" if value else "false"
        if n == "str":
            return f'std::string("{escape_string(value)}")'
        if n == "list":
            return f"{self.render_type(t)}{{" + ", ".join(self.render_value(t.args[0], v) for v in value) + "}"
        if n == "tuple":
            return f"{self.render_type(t)}{{" + ", ".join(self.render_value(a, v) for a, v in zip(t.args, value)) + "}"
        pairs = [
            f"{{{self.render_value(t.args[0], T.decode_key(t.args[0], k, 'key'))}, {self.render_value(t.args[1], v)}}}"
            for k, v in value.items()
        ]
        return f"{self.render_type(t)}{{" + ", ".join(pairs) + "}"

    def function_name(self, entry_point: str) -> str:
        return snake_case(entry_point)

    def signature(self, problem: Problem) -> str:
        sig = problem.signature
        params = ", ".join(f"{self.render_type(p.type)} {self.param_name(p.name)}" for p in sig.params)
        return f"{self.render_type(sig.returns)} {self.function_name(problem.entry_point)}({params})"

    def code_prelude(self, problem: Problem) -> str:
        return HEADERS

    def placeholder(self, problem: Problem) -> str:
        return f"{self.signature(problem)} {{\n    throw 0;\n}}\n"

    def test_program(self, problem: Problem, code: str) -> dict[str, str]:
        sig = problem.signature
        fn = self.function_name(problem.entry_point)
        ret = self.render_type(sig.returns)
        lines = [HEADERS, code, HARNESS_HEAD]
        for i, t in enumerate(problem.all_tests):
            args = ", ".join(self.render_value(p.type, a) for p, a in zip(sig.params, t.args))
            lines.append(f"    run({i}, [&]() {{ {ret} got = ::{fn}({args}); return got; }});")
        lines.append('    report("end");\n    return 0;\n}\n')
        return {"main.cpp": "\n".join(lines)}

    def stdio_program(self, code: str) -> WholeProgram:
        return WholeProgram({"main.cpp": code}, self.compile_argv(), self.run_argv("{job}"))

    def compile_argv(self) -> list[str] | None:
        return ["g++", "-std=c++17", "-O1", "-w", "-o", "prog", "main.cpp"]

    def run_argv(self, job_dir: str) -> list[str]:
        return [f"{job_dir}/prog"]

    # ---- benchmarks (MultiPL-E / HumanEval-X) ------------------------------
    # Not batched: each program's cost is mostly parsing its headers, which a shared compiler call
    # would not save, and its global names would clash at link time.
    multipl_e_codes = ("cpp",)
    humaneval_x_prefix = "cpp"
    entry_pattern = re.compile(r"^\s*(template\s*<.*>\s*)?[\w:<>,\s*&]+?[\s*&](?P<name>\w+)\s*\(")
    HUMANEVAL_X_INCLUDES = ("#include<stdlib.h>", "#include<algorithm>", "#include<math.h>", "#include<stdio.h>",
                            "#include<vector>", "#include<string>", "#include<climits>", "#include<cstring>",
                            "#include<iostream>")

    def multipl_e_program(self, program: str, limits: Limits) -> BenchProgram:
        # `g++ -std=c++17 prog.cpp -o prog`, then run; pass = exit 0
        return BenchProgram(self.name, program, Job(self.name, {"prog.cpp": program}, ["{job}/prog"],
                                                    ["g++", "-std=c++17", "prog.cpp", "-o", "prog"], limits=limits))

    def humaneval_x_program(self, prompt: str, code: str, tests: str, extra: dict[str, Any], spliced: bool,
                            limits: Limits) -> BenchProgram:
        # the IMPORT_HELPER includes the prompt lacks + prompt + completion + test; g++ -std=c++11
        setup = "".join(s + "\n" for s in self.HUMANEVAL_X_INCLUDES if s not in prompt)
        program = setup + "\n" + prompt + code + "\n" + tests
        argv = ["g++", "-std=c++11", "prog.cpp", "-o", "prog"]
        if "openssl" in program:
            argv += ["-lcrypto", "-lssl"]
        return BenchProgram(self.name, program, Job(self.name, {"prog.cpp": program}, ["{job}/prog"], argv,
                                                    limits=limits))
