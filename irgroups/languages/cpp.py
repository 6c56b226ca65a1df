"""C++17: one translation unit, standard headers first, then the candidate,
then the harness in its own namespace."""

from __future__ import annotations

from typing import Any

from irgroups import types as T
from irgroups.languages.base import (
    Language,
    Mutation,
    Toolchain,
    escape_string,
    float_literal,
    snake_case,
)
from irgroups.problems.model import Problem

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
inline bool near(long long a, long long b) { return a == b; }
inline bool near(bool a, bool b) { return a == b; }
inline bool near(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b)); }
inline bool near(const std::string& a, const std::string& b) { return a == b; }
template <class T> bool near(const std::vector<T>& a, const std::vector<T>& b);
template <class K, class V> bool near(const std::map<K, V>& a, const std::map<K, V>& b);
template <class T> bool near(const std::optional<T>& a, const std::optional<T>& b);
template <class... Ts> bool near(const std::tuple<Ts...>& a, const std::tuple<Ts...>& b);
template <class T> bool near(const std::vector<T>& a, const std::vector<T>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++) if (!near(a[i], b[i])) return false;
    return true;
}
template <class K, class V> bool near(const std::map<K, V>& a, const std::map<K, V>& b) {
    if (a.size() != b.size()) return false;
    for (const auto& kv : b) {
        auto it = a.find(kv.first);
        if (it == a.end() || !near(it->second, kv.second)) return false;
    }
    return true;
}
template <class T> bool near(const std::optional<T>& a, const std::optional<T>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a.has_value() || near(*a, *b);
}
template <class Tuple, size_t... I> bool near_tuple(const Tuple& a, const Tuple& b, std::index_sequence<I...>) {
    return (near(std::get<I>(a), std::get<I>(b)) && ...);
}
template <class... Ts> bool near(const std::tuple<Ts...>& a, const std::tuple<Ts...>& b) {
    return near_tuple(a, b, std::index_sequence_for<Ts...>{});
}
static std::string token;
template <class F> void run(int i, F f) {
    const char* outcome = "error";
    try { outcome = f() ? "pass" : "fail"; } catch (...) { outcome = "error"; }
    std::printf("\\n%s %d %s\\n", token.c_str(), i, outcome);
    std::fflush(stdout);
}
}  // namespace irgroups_harness

int main() {
    using namespace irgroups_harness;
    std::getline(std::cin, irgroups_harness::token);
    while (!token.empty() && (token.back() == '\\r' || token.back() == ' ')) token.pop_back();
"""


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
        for i, t in enumerate(problem.tests):
            args = ", ".join(self.render_value(p.type, a) for p, a in zip(sig.params, t.args))
            want = self.render_value(sig.returns, t.expected)
            lines.append(f"    run({i}, [&]() {{ {ret} got = ::{fn}({args}); {ret} want = {want}; return near(got, want); }});")
        lines.append('    std::printf("\\n%s done\\n", token.c_str());\n    std::fflush(stdout);\n    return 0;\n}\n')
        return {"main.cpp": "\n".join(lines)}

    def compile_argv(self) -> list[str] | None:
        return ["g++", "-std=c++17", "-O1", "-w", "-o", "prog", "main.cpp"]

    def run_argv(self, job_dir: str) -> list[str]:
        return [f"{job_dir}/prog"]
