"""How the IR member is cut from the test harness, per source language.

The candidate is compiled **alone**, as its own translation unit (C++) or crate
(Rust), so its IR holds the candidate's functions and what they instantiate, never
the harness. The harness is the language's usual test program with the candidate
replaced by a declaration, compiled once per problem, and linked with each IR's
object file:

- C++: `cand.cpp` = standard headers + candidate, emitted with
  `clang++ -S -emit-llvm -O<l>`; the entry keeps its C++ mangled name. The harness
  TU declares the entry with the problem's signature, so a candidate whose entry
  is not defined with exactly that signature is skipped (its mangled name would
  differ). Linking: `clang++ ir.o harness.o`.
- Rust: `cand.rs` = the candidate with `#[no_mangle] pub` on the entry function
  (the only edit: a library crate drops private unused functions, and an unmangled
  name is stable across levels), emitted with `rustc --crate-type=lib
  --emit=llvm-ir -C opt-level=<l> -C codegen-units=1`. The harness crate declares
  the entry in an `extern "Rust"` block, wraps it in a safe function of the same
  name, and is built as a `staticlib` (with a C `main`) that carries std; linking:
  `cc ir.o libharness.a <native libs>`. Same compiler, same Rust ABI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from irgroups import languages
from irgroups.languages.cpp import HEADERS
from irgroups.problems.model import Problem

RUST_ALLOW = "#![allow(unused_imports, dead_code, unused_variables, unused_mut, non_snake_case)]\n"
RUST_NATIVE_LIBS = ["-lgcc_s", "-lutil", "-lrt", "-lpthread", "-lm", "-ldl", "-lc"]
_CPP_LEVEL = {"O0": "-O0", "O1": "-O1", "O2": "-O2", "O3": "-O3", "Os": "-Os", "Oz": "-Oz"}
_RUST_LEVEL = {"O0": "0", "O1": "1", "O2": "2", "O3": "3", "Os": "s", "Oz": "z"}


@dataclass(frozen=True)
class Unit:
    """The candidate alone, ready to emit IR from."""

    files: dict[str, str]
    emit_argv: dict[str, list[str]]  # level -> command writing <level>.ll in the job dir


class SkipCandidate(Exception):
    """This candidate cannot be cut from a harness (reason in the message)."""


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _rust_types(sig: str) -> str:
    """`fn f(a: Vec<i64>, mut b: i64) -> i64` -> `f(Vec<i64>,i64)->i64` (names dropped)."""
    s = _squash(sig.replace("mut ", ""))
    s = re.sub(r"(?<=[(,])[A-Za-z_]\w*:", "", s)
    return s.removeprefix("pubfn").removeprefix("fn")


class CppFrontend:
    lang = "cpp"

    def unit(self, problem: Problem, code: str) -> Unit:
        sig = languages.get("cpp").signature(problem)
        if _squash(sig) not in _squash(code):
            raise SkipCandidate("entry not defined with the problem's exact signature")
        files = {"cand.cpp": HEADERS + "\n" + code}
        argv = {lvl: ["clang++", "-std=c++17", "-S", "-emit-llvm", "-g0", "-w", flag, "cand.cpp", "-o", f"{lvl}.ll"]
                for lvl, flag in _CPP_LEVEL.items()}
        return Unit(files, argv)

    def harness(self, problem: Problem) -> tuple[dict[str, str], list[str]]:
        """The harness's files and the command that builds it once (see `link_argv`)."""
        lang = languages.get("cpp")
        decl = lang.signature(problem) + ";\n"
        files = lang.test_program(problem, decl)
        files = {"harness.cpp": files["main.cpp"]}
        build = ["clang++", "-std=c++17", "-O1", "-w", "-c", "harness.cpp", "-o", "harness.o"]
        return files, build


class RustFrontend:
    lang = "rust"

    def unit(self, problem: Problem, code: str) -> Unit:
        lang = languages.get("rust")
        fn = lang.function_name(problem.entry_point)
        m = re.search(rf"^(?:pub(?:\([\w:]+\))?\s+)?fn\s+{re.escape(fn)}\b[^{{]*", code, re.M)
        if m is None:
            raise SkipCandidate("entry function not found at the top of the crate")
        if _rust_types(m.group(0)) != _rust_types(lang.signature(problem)):
            raise SkipCandidate("entry not defined with the problem's exact signature")
        edited = code[:m.start()] + "#[no_mangle]\npub " + re.sub(r"^pub(?:\([\w:]+\))?\s+", "", m.group(0)) \
            + code[m.end():]
        files = {"cand.rs": RUST_ALLOW + edited}
        argv = {lvl: ["rustc", "--edition", "2021", "--crate-type=lib", "--crate-name=candidate", "-C",
                      f"opt-level={o}", "-C", "debuginfo=0", "-C", "codegen-units=1", "-A", "warnings",
                      "--emit=llvm-ir", "-o", f"{lvl}.ll", "cand.rs"]
                for lvl, o in _RUST_LEVEL.items()}
        return Unit(files, argv)

    def harness(self, problem: Problem) -> tuple[dict[str, str], list[str]]:
        lang = languages.get("rust")
        sig = problem.signature
        fn = lang.function_name(problem.entry_point)
        params = ", ".join(f"{lang.param_name(p.name)}: {lang.render_type(p.type)}" for p in sig.params)
        names = ", ".join(lang.param_name(p.name) for p in sig.params)
        ret = lang.render_type(sig.returns)
        shim = (
            "use std::collections::HashMap;\n"
            f'mod __irg_ffi {{ use super::*; extern "Rust" {{ pub fn {fn}({params}) -> {ret}; }} }}\n'
            f"fn {fn}({params}) -> {ret} {{ unsafe {{ __irg_ffi::{fn}({names}) }} }}\n"
            "mod __irg_start {\n"
            '    #[no_mangle] pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 '
            "{ super::main(); 0 }\n}\n"
        )
        files = {"harness.rs": lang.test_program(problem, shim)["main.rs"]}
        build = ["rustc", "--edition", "2021", "--crate-type=staticlib", "-C", "opt-level=1", "-C", "debuginfo=0",
                 "-A", "warnings", "-o", "libharness.a", "harness.rs"]
        return files, build


FRONTENDS: dict[str, CppFrontend | RustFrontend] = {"cpp": CppFrontend(), "rust": RustFrontend()}


def link_argv(lang: str, obj: str, prog: str) -> list[str]:
    if lang == "cpp":
        return ["clang++", "-o", prog, obj, "harness.o"]
    return ["cc", "-o", prog, obj, "libharness.a", *RUST_NATIVE_LIBS]
