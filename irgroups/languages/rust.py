"""Rust: the candidate sits at the crate root and the harness in its own module
(`use super::*`), so `use` lines never clash and private functions stay callable;
each test runs under `catch_unwind`, and its returned value is written as neutral
JSON for the trusted side to judge (irgroups/results.py)."""

from __future__ import annotations

import functools
import glob
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tree_sitter import Node

from irgroups import types as T
from irgroups.languages.base import (
    BatchProgram,
    Language,
    Mutation,
    Rewriting,
    Toolchain,
    WholeProgram,
    escape_string,
    float_literal,
    snake_case,
)
from irgroups.languages.benchmarks import (
    EXIT_ZERO,
    HUMANEVAL_X,
    MULTIPL_E,
    BenchProgram,
    Unsupported,
)
from irgroups.languages.llvm import Frontend, SkipCandidate, Unit, first_line, major, squash
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
from irgroups.sandbox.docker.images import ImageSpec

_SCALARS = {"int": "i64", "float": "f64", "bool": "bool", "str": "String"}

PRELUDE = """\
use std::collections::HashMap;
use std::io::Write;

// a returned value as neutral JSON; the verdict is decided outside the sandbox
pub trait Emit { fn emit(&self, o: &mut String); }
pub trait EmitKey { fn emit_key(&self, o: &mut String); }
impl Emit for i64 { fn emit(&self, o: &mut String) { o.push_str(&self.to_string()); } }
impl Emit for bool { fn emit(&self, o: &mut String) { o.push_str(if *self { "true" } else { "false" }); } }
impl Emit for f64 {
    fn emit(&self, o: &mut String) {
        if self.is_nan() { o.push_str("NaN") }
        else if self.is_infinite() { o.push_str(if *self > 0.0 { "Infinity" } else { "-Infinity" }) }
        else { o.push_str(&format!("{:?}", self)) }
    }
}
impl Emit for String {
    fn emit(&self, o: &mut String) {
        o.push('"');
        for c in self.chars() {
            match c {
                '"' => o.push_str("\\\\\\""), '\\\\' => o.push_str("\\\\\\\\"),
                c if (c as u32) < 0x20 => o.push_str(&format!("\\\\u{:04x}", c as u32)),
                c => o.push(c),
            }
        }
        o.push('"');
    }
}
impl<T: Emit> Emit for Vec<T> {
    fn emit(&self, o: &mut String) {
        o.push('[');
        for (i, x) in self.iter().enumerate() { if i > 0 { o.push(','); } x.emit(o); }
        o.push(']');
    }
}
impl<T: Emit> Emit for Option<T> {
    fn emit(&self, o: &mut String) { match self { Some(x) => x.emit(o), None => o.push_str("null") } }
}
impl EmitKey for i64 { fn emit_key(&self, o: &mut String) { o.push('"'); o.push_str(&self.to_string()); o.push('"'); } }
impl EmitKey for bool { fn emit_key(&self, o: &mut String) { o.push_str(if *self { "\\"true\\"" } else { "\\"false\\"" }); } }
impl EmitKey for String { fn emit_key(&self, o: &mut String) { self.emit(o) } }
impl<K: EmitKey, V: Emit> Emit for HashMap<K, V> {
    fn emit(&self, o: &mut String) {
        o.push('{');
        for (i, (k, v)) in self.iter().enumerate() { if i > 0 { o.push(','); } k.emit_key(o); o.push(':'); v.emit(o); }
        o.push('}');
    }
}
macro_rules! emit_tuple {
    ($($t:ident $i:tt),+) => {
        impl<$($t: Emit),+> Emit for ($($t,)+) {
            fn emit(&self, o: &mut String) {
                o.push('[');
                $( if $i > 0 { o.push(','); } self.$i.emit(o); )+
                o.push(']');
            }
        }
    };
}
emit_tuple!(A 0);
emit_tuple!(A 0, B 1);
emit_tuple!(A 0, B 1, C 2);
emit_tuple!(A 0, B 1, C 2, D 3);
emit_tuple!(A 0, B 1, C 2, D 3, E 4);
emit_tuple!(A 0, B 1, C 2, D 3, E 4, F 5);

fn report(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = write!(out, "\\n@@irgroups {}\\n", line);
    let _ = out.flush();
}

fn run_test<R: Emit, F: FnOnce() -> R + std::panic::UnwindSafe>(i: usize, f: F) {
    match std::panic::catch_unwind(f) {
        Ok(got) => { let mut o = String::new(); got.emit(&mut o); report(&format!("{} ok {}", i, o)); }
        Err(_) => report(&format!("{} error", i)),
    }
}
"""

# The tests' values travel as a JSON-like table read at run time by this module (one per crate,
# beside the candidates): a closure and literals per test made rustc's code generation grow with
# the tests (a 48-candidate batch: 3.5 s of CPU, 1.7 s of it with one test per candidate).
# Maps are lists of [key, value] pairs; a missing optional is null.
TABLE_MODULE = r"""
#[allow(dead_code)]
mod irgroups_table {
    use std::collections::HashMap;
    use std::hash::Hash;
    pub struct P<'a> { s: &'a [u8], i: usize }
    impl<'a> P<'a> {
        fn peek(&mut self) -> u8 {
            while self.s[self.i].is_ascii_whitespace() { self.i += 1; }
            self.s[self.i]
        }
        fn eat(&mut self, c: u8) {
            assert!(self.peek() == c, "irgroups table: expected {} at {}", c as char, self.i);
            self.i += 1;
        }
        fn more(&mut self, end: u8) -> bool {
            if self.peek() == b',' { self.i += 1; true } else { self.eat(end); false }
        }
        fn number(&mut self) -> &'a str {
            self.peek();
            let start = self.i;
            while b"+-0123456789.eE".contains(&self.s[self.i]) { self.i += 1; }
            std::str::from_utf8(&self.s[start..self.i]).unwrap()
        }
    }
    pub trait Read: Sized { fn read(p: &mut P) -> Self; }
    impl Read for i64 { fn read(p: &mut P) -> Self { p.number().parse().unwrap() } }
    impl Read for f64 { fn read(p: &mut P) -> Self { p.number().parse().unwrap() } }
    impl Read for bool {
        fn read(p: &mut P) -> Self { if p.peek() == b't' { p.i += 4; true } else { p.i += 5; false } }
    }
    impl Read for String {
        fn read(p: &mut P) -> Self {
            p.eat(b'"');
            let mut out = String::new();
            loop {
                let start = p.i;
                while p.s[p.i] != b'"' && p.s[p.i] != b'\\' { p.i += 1; }
                out.push_str(std::str::from_utf8(&p.s[start..p.i]).unwrap());
                let c = p.s[p.i];
                p.i += 1;
                if c == b'"' { return out; }
                let e = p.s[p.i];
                p.i += 1;
                match e {
                    b'n' => out.push('\n'), b't' => out.push('\t'), b'r' => out.push('\r'),
                    b'b' => out.push('\u{8}'), b'f' => out.push('\u{c}'),
                    b'u' => {
                        let hex = std::str::from_utf8(&p.s[p.i..p.i + 4]).unwrap();
                        out.push(char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap());
                        p.i += 4;
                    }
                    other => out.push(other as char),
                }
            }
        }
    }
    impl<X: Read> Read for Vec<X> {
        fn read(p: &mut P) -> Self {
            p.eat(b'[');
            let mut v = Vec::new();
            if p.peek() == b']' { p.i += 1; return v; }
            loop { v.push(X::read(p)); if !p.more(b']') { return v; } }
        }
    }
    impl<X: Read> Read for Option<X> {
        fn read(p: &mut P) -> Self { if p.peek() == b'n' { p.i += 4; None } else { Some(X::read(p)) } }
    }
    impl<K: Read + Eq + Hash, V: Read> Read for HashMap<K, V> {
        fn read(p: &mut P) -> Self { let pairs: Vec<(K, V)> = Read::read(p); pairs.into_iter().collect() }
    }
    impl Read for () { fn read(p: &mut P) -> Self { p.eat(b'['); p.eat(b']'); } }
    macro_rules! tuple {
        ($($t:ident),+) => {
            impl<$($t: Read),+> Read for ($($t,)+) {
                fn read(p: &mut P) -> Self { p.eat(b'['); ($({ let x = $t::read(p); p.more(b']'); x },)+) }
            }
        };
    }
    tuple!(A);
    tuple!(A, B);
    tuple!(A, B, C);
    tuple!(A, B, C, D);
    tuple!(A, B, C, D, E);
    tuple!(A, B, C, D, E, F);
    tuple!(A, B, C, D, E, F, G);
    tuple!(A, B, C, D, E, F, G, H);
    pub fn read<X: Read>(text: &str) -> X { X::read(&mut P { s: text.as_bytes(), i: 0 }) }
}
"""


@functools.cache
def host_sysroot() -> str | None:
    """This host's rustc sysroot (None without a working rustc); also what rust_crates builds with."""
    try:
        out = subprocess.run(["rustc", "--print", "sysroot"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    root = out.stdout.strip()
    return root if out.returncode == 0 and os.path.isdir(root) else None


def _host_version() -> str:
    """What the Docker image copies of the host (its hash changes with it)."""
    root = host_sysroot()
    if root is None:
        return "no-host-rust"
    out = subprocess.run([os.path.join(root, "bin", "rustc"), "-vV"], capture_output=True, text=True, timeout=60)
    return out.stdout


def _copy_host_toolchain(ctx: Path) -> None:
    """The host's toolchain into the image's build context, so versions match the local backend."""
    root = host_sysroot()
    if root is None:
        raise SystemExit("rust: no host toolchain (`rustc --print sysroot`) to copy; install rustup's stable, "
                         "or build sandboxes/docker/rust/Dockerfile.official from a registry")
    dest = ctx / "toolchain"
    dest.mkdir()
    for part in ("bin", "lib"):
        shutil.copytree(Path(root, part), dest / part, symlinks=True,
                        ignore=shutil.ignore_patterns("src", "rustc-src"))


# (rust_crates is imported where used, so that `python -m irgroups.languages.rust_crates` runs it once)
def _image_fingerprint() -> str:
    """What the rust image copies of the host: its toolchain, and HumanEval-X's crates built for it."""
    from irgroups.languages import rust_crates

    return _host_version() + rust_crates.fingerprint()


def _prepare_image(ctx: Path) -> None:
    from irgroups.languages import rust_crates

    _copy_host_toolchain(ctx)
    rust_crates.copy_into(ctx)  # ctx/crates/<key>/: the image's /usr/local/lib/irgroups/rust-crates/<key>


_LINKER_ATTRIBUTE = re.compile(r"#\s*!?\s*\[\s*(?:unsafe\s*\(\s*)?(?:link_section|no_mangle|export_name|used)\b")
# what reaches past a module of a bigger crate: the crate root (where the batch-mates live),
# exported macros (one namespace for the crate), the process-wide allocator and panic handler,
# and `unsafe` (a raw call into a batch-mate's code, found in the binary)
_CRATE_WIDE = re.compile(r"\bunsafe\b|\bcrate\s*::|\bsuper\s*::\s*super\b|\bextern\s+crate\b|\bmacro_export\b|\bglobal_allocator\b|\bpanic_handler\b")


def _rust_methods(node: Node, src: bytes) -> list[str]:
    """Names of the functions a trait or an impl block declares."""
    body = node.child_by_field_name("body")
    if body is None:
        return []
    return [node_text(src, nm) for c in body.named_children if c.type in ("function_item", "function_signature_item")
            for nm in [c.child_by_field_name("name")] if nm is not None]


RUST_ALLOW = "#![allow(unused_imports, dead_code, unused_variables, unused_mut, non_snake_case)]\n"
RUST_NATIVE_LIBS = ["-lgcc_s", "-lutil", "-lrt", "-lpthread", "-lm", "-ldl", "-lc"]


def _signature_types(sig: str) -> str:
    """`fn f(a: Vec<i64>, mut b: i64) -> i64` -> `f(Vec<i64>,i64)->i64` (names dropped)."""
    s = squash(sig.replace("mut ", ""))
    s = re.sub(r"(?<=[(,])[A-Za-z_]\w*:", "", s)
    return s.removeprefix("pubfn").removeprefix("fn")


def _entry_batch(sources: list[tuple[int, str]], prefix: str, compile_argv: list[str]) -> BatchProgram:
    """Whole programs as modules `irgroups_<prefix><k>` of one crate (files `<prefix><k>.rs`, so
    short diagnostics name them), `prog k` running program k's `main`; `compile_argv` builds
    main.rs into prog with --error-format=short."""
    files = {f"{prefix}{k}.rs": source + "\npub fn irgroups_entry() -> impl ::std::process::Termination { main() }\n"
             for k, source in sources}
    mods = "".join(f'#[path = "{prefix}{k}.rs"] mod irgroups_{prefix}{k};\n' for k, _ in sources)
    arms = "".join(f'        "{k}" => irgroups_{prefix}{k}::irgroups_entry().report(),\n' for k, _ in sources)
    files["main.rs"] = (f"{mods}\nfn main() -> ::std::process::ExitCode {{\n    use ::std::process::Termination;\n"
                        "    match ::std::env::args().nth(1).unwrap_or_default().as_str() {\n"
                        f"{arms}        _ => ::std::process::exit(2),\n    }}\n}}\n")
    return BatchProgram(files, compile_argv, [["{job}/prog", str(k)] for k, _ in sources],
                        blame=rf"{prefix}(\d+)\.rs:\d+:\d+: error")


class RustFrontend(Frontend):
    """`cand.rs` = the candidate with `#[no_mangle] pub` on the entry function (the only edit: a
    library crate drops private unused functions, and an unmangled name is stable across levels),
    emitted with `rustc --crate-type=lib --emit=llvm-ir -C opt-level=<l> -C codegen-units=1`. The
    harness crate declares the entry in an `extern "Rust"` block, wraps it in a safe function of
    the same name, and is built as a `staticlib` (with a C `main`) that carries std; linking:
    `cc ir.o libharness.a <native libs>`. Same compiler, same Rust ABI."""

    lang = "rust"
    LEVELS = {"O0": "0", "O1": "1", "O2": "2", "O3": "3", "Os": "s", "Oz": "z"}

    def __init__(self, language: Language) -> None:
        self.language = language

    def unit(self, problem: Problem, code: str) -> Unit:
        lang = self.language
        fn = lang.function_name(problem.entry_point)
        m = re.search(rf"^(?:pub(?:\([\w:]+\))?\s+)?fn\s+{re.escape(fn)}\b[^{{]*", code, re.M)
        if m is None:
            raise SkipCandidate("entry function not found at the top of the crate")
        if _signature_types(m.group(0)) != _signature_types(lang.signature(problem)):
            raise SkipCandidate("entry not defined with the problem's exact signature")
        edited = code[:m.start()] + "#[no_mangle]\npub " + re.sub(r"^pub(?:\([\w:]+\))?\s+", "", m.group(0)) \
            + code[m.end():]
        files = {"cand.rs": RUST_ALLOW + edited}
        argv = {lvl: ["rustc", "--edition", "2021", "--crate-type=lib", "--crate-name=candidate", "-C",
                      f"opt-level={o}", "-C", "debuginfo=0", "-C", "codegen-units=1", "-A", "warnings",
                      "--emit=llvm-ir", "-o", f"{lvl}.ll", "cand.rs"]
                for lvl, o in self.LEVELS.items()}
        return Unit(files, argv)

    def harness(self, problem: Problem) -> tuple[dict[str, str], list[str]]:
        lang = self.language
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

    def link_argv(self, obj: str, prog: str) -> list[str]:
        return ["cc", "-o", prog, obj, "libharness.a", *RUST_NATIVE_LIBS]

    def probe(self, llvm_major: int, llvm_version: str) -> tuple[str, str]:
        if not shutil.which("rustc"):
            return "", "rustc not found"
        line = subprocess.run(["rustc", "--version", "--verbose"], capture_output=True, text=True).stdout
        llvm = re.search(r"LLVM version: (\S+)", line)
        if llvm and major(llvm.group(1)) > llvm_major:
            return "", f"rustc emits LLVM {llvm.group(1)} IR, newer than the libLLVM found ({llvm_version})"
        return first_line(["rustc", "--version"]) + (f" (LLVM {llvm.group(1)})" if llvm else ""), ""

    def llvm_libs(self) -> list[str]:
        sysroot = first_line(["rustc", "--print", "sysroot"]) if shutil.which("rustc") else ""
        return sorted(glob.glob(os.path.join(sysroot, "lib", "libLLVM*.so*"))) if sysroot else []


class Rust(Language):
    name = "rust"
    aliases = ("rs",)
    extension = "rs"
    tree_sitter_module = "tree_sitter_rust"
    toolchain = Toolchain(
        ("rustc",), ("rustc", "--version"),
        "curl https://sh.rustup.rs -sSf | sh -s -- -y --profile minimal  (or: apt-get install -y rustc)",
        sysroot_cmd=("rustc", "--print", "sysroot"),
    )
    docker = ImageSpec(("rustc", "--version"), fingerprint=_image_fingerprint, prepare=_prepare_image)
    mutation = Mutation(
        binary_expression=("binary_expression",),
        integer_literal=("integer_literal",),
        block=("block",),
        argument_list=("arguments",),
        statement_skip=("line_comment", "block_comment"),
    )
    rewriting = Rewriting(
        reserved=frozenset({
            "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
            "false", "fn", "for", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "pub",
            "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
            "union", "unsafe", "use", "where", "while", "yield"
        }),
        style="expression",
        name_case="snake",
        functions=("function_item",),
        bindings=(("parameter", "pattern"), ("let_declaration", "pattern"), ("for_expression", "pattern"),
                  ("closure_parameters", None), ("let_condition", "pattern")),
        blocks=("block",),
        ifs=("if_expression",),
        while_loops=("while_expression",),
        counting_loops=(),
        continue_types=("continue_expression",),
        returns=("return_expression",),
        temp="let {name} = {expr};",
        number_literals=("integer_literal", "float_literal"),
        leaf_values=("integer_literal", "float_literal", "boolean_literal", "char_literal"),
        access=("index_expression", "field_expression"),
        access_leaves=("field_identifier",),
        pattern_types_skip=("tuple_struct_pattern", "struct_pattern"),
        rename_unsafe=(("scoped_identifier", None), ("shorthand_field_initializer", None), ("field_pattern", None),
                       ("macro_invocation", "macro"), ("scoped_type_identifier", None)),
        keep_names=("self", "Self"),
        string_types=("string_literal", "raw_string_literal"),
        no_temp=("unit_expression", "closure_expression"),
    )
    display_name = "Rust"
    code_start = re.compile(r"^(pub(\(crate\))? )?(fn |use |struct |enum |impl[ <]|const |static |mod |trait |#\[|#!\[)")

    def llvm_frontend(self) -> Frontend | None:
        return RustFrontend(self)

    # ---- extraction (irgroups/generate/extract.py) --------------------------
    def top_level_items(self, root: Node, src: bytes) -> list[Item]:
        out: list[Item] = []
        for start, node, _attrs in walk_top(root, ("line_comment", "block_comment", "attribute_item")):
            t = node.type
            text = span_text(src, start, node.end_byte)
            if t in ("use_declaration", "extern_crate_declaration"):
                out.append(import_item(src, node))
            elif t == "impl_item":
                ty = node.child_by_field_name("type")
                owner = ""
                if ty is not None:
                    base = ty.child_by_field_name("type") if ty.type == "generic_type" else ty
                    owner = node_text(src, base) if base is not None else ""
                item = Item("attached", (), text, frozenset(idents(node, src)), pos=node.start_byte,
                             owner=owner.split("::")[-1])
                item.extra["methods"] = " ".join(_rust_methods(node, src))
                trait = node.child_by_field_name("trait")
                if trait is not None:
                    base = trait.child_by_field_name("type") if trait.type == "generic_type" else trait
                    item.extra["trait"] = node_text(src, base if base is not None else trait).split("::")[-1]
                out.append(item)
            elif t in ("function_item", "struct_item", "enum_item", "union_item", "trait_item", "const_item",
                       "static_item", "type_item", "mod_item", "macro_definition"):
                nm = node.child_by_field_name("name")
                names: tuple[str, ...] = (node_text(src, nm),) if nm is not None else ()
                is_fn = t == "function_item"
                item = Item("def", names, text, frozenset(idents(node, src) - set(names)), pos=node.start_byte,
                             func=is_fn, params=self.param_count(node.child_by_field_name("parameters")))
                if t == "trait_item":
                    item.extra["methods"] = " ".join(_rust_methods(node, src))
                out.append(item)
        return out

    def implied(self, item: Item, defined: set[str], entry: Item, called: set[str]) -> bool:
        # a trait whose methods are called: method syntax never names it
        return bool(set(item.extra.get("methods", "").split()) & called)

    def missing_imports(self, out: str, strict: bool) -> str:
        if strict:
            return out
        root, src, items = self.items_of(out)
        uses = " ".join(it.text for it in items if it.kind == "import")
        defined = {n for it in items for n in it.names}
        used = {node_text(src, n) for n in walk(root)
                if n.type in ("identifier", "type_identifier") and n.child_count == 0}
        table = {"HashMap": "std::collections::HashMap", "HashSet": "std::collections::HashSet",
                 "BTreeMap": "std::collections::BTreeMap", "BTreeSet": "std::collections::BTreeSet",
                 "VecDeque": "std::collections::VecDeque", "BinaryHeap": "std::collections::BinaryHeap",
                 "Ordering": "std::cmp::Ordering"}
        add = [f"use {path};" for name, path in table.items()
               if name in used and name not in defined and not re.search(rf"\b{name}\b", uses)]
        if not add:
            return out
        return prepend_imports(out, add, items)


    keywords = frozenset(["as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try"])

    def render_type(self, t: T.Type) -> str:
        if t.is_scalar:
            return _SCALARS[t.name]
        a = [self.render_type(x) for x in t.args]
        if t.name == "list":
            return f"Vec<{a[0]}>"
        if t.name == "dict":
            return f"HashMap<{a[0]}, {a[1]}>"
        if t.name == "optional":
            return f"Option<{a[0]}>"
        return f"({', '.join(a)})"

    def render_value(self, t: T.Type, value: Any) -> str:
        n = t.name
        if n == "optional":
            return "None" if value is None else f"Some({self.render_value(t.args[0], value)})"
        if n == "int":
            return f"{value}i64" if value != -(2**63) else "i64::MIN"
        if n == "float":
            return float_literal(value) + "f64"
        if n == "bool":
            return "true" if value else "false"
        if n == "str":
            return f'String::from("{escape_string(value, "rust")}")'
        if n == "list":
            return "vec![" + ", ".join(self.render_value(t.args[0], v) for v in value) + "]"
        if n == "tuple":
            return "(" + ", ".join(self.render_value(a, v) for a, v in zip(t.args, value)) + ")"
        # dict
        pairs = [
            f"({self.render_value(t.args[0], T.decode_key(t.args[0], k, 'key'))}, {self.render_value(t.args[1], v)})"
            for k, v in value.items()
        ]
        return f"HashMap::from([{', '.join(pairs)}])" if pairs else "HashMap::new()"

    def _table_value(self, t: T.Type, value: Any) -> str:
        """`value` as irgroups_table reads it (see TABLE_MODULE)."""
        n = t.name
        if n == "optional":
            return "null" if value is None else self._table_value(t.args[0], value)
        if n == "int":
            return str(int(value))
        if n == "float":
            return float_literal(value)
        if n == "bool":
            return "true" if value else "false"
        if n == "str":
            return json.dumps(value, ensure_ascii=False)
        if n in ("list", "tuple"):
            items = zip(t.args, value) if n == "tuple" else ((t.args[0], v) for v in value)
            return "[" + ", ".join(self._table_value(a, v) for a, v in items) + "]"
        pairs = (f"[{self._table_value(t.args[0], T.decode_key(t.args[0], k, 'key'))}, {self._table_value(t.args[1], v)}]"
                 for k, v in value.items())
        return "[" + ", ".join(pairs) + "]"

    def function_name(self, entry_point: str) -> str:
        return snake_case(entry_point)

    def signature(self, problem: Problem) -> str:
        sig = problem.signature
        params = ", ".join(f"{self.param_name(p.name)}: {self.render_type(p.type)}" for p in sig.params)
        return f"fn {self.function_name(problem.entry_point)}({params}) -> {self.render_type(sig.returns)}"

    def code_prelude(self, problem: Problem) -> str:
        types = [problem.signature.returns, *(p.type for p in problem.signature.params)]
        return "use std::collections::HashMap;\n" if any("dict" in str(t) for t in types) else ""

    def placeholder(self, problem: Problem) -> str:
        return f"{self.code_prelude(problem)}{self.signature(problem)} {{\n    unimplemented!()\n}}\n"

    def test_program(self, problem: Problem, code: str) -> dict[str, str]:
        return {"main.rs": self._module(problem, code) + "\nfn main() { irgroups_harness::main() }\n" + TABLE_MODULE}

    def batchable(self, code: str) -> bool:
        # a static in `.init_array` runs when any program of a batch binary starts, an exported
        # symbol could replace one the binary needs, a global allocator runs in every program, and
        # a path from the crate root (`crate::`, a top-level `super`) names the batch-mates: alone
        if _LINKER_ATTRIBUTE.search(code) or _CRATE_WIDE.search(code):
            return False
        return "super" not in code or self._super_only_in_mods(code)

    def batch_program(self, items: list[tuple[int, Problem, str]]) -> BatchProgram | None:
        # one crate, one module file per candidate (the harness in the same file), one binary
        files = {f"c{k}.rs": self._module(p, code) for k, p, code in items}
        mods = "".join(f'#[path = "c{k}.rs"] mod c{k};\n' for k, _, _ in items)
        arms = "".join(f'        "{k}" => c{k}::irgroups_harness::main(),\n' for k, _, _ in items)
        files["main.rs"] = (f"{mods}\nfn main() {{\n    let which = std::env::args().nth(1).unwrap_or_default();\n"
                            f"    match which.as_str() {{\n{arms}        _ => std::process::exit(2),\n    }}\n}}\n"
                            + TABLE_MODULE)
        # short diagnostics: one line per error, at its primary location (the notes that point
        # into other modules are left out)
        argv = [*(self.compile_argv() or []), "--error-format=short"]
        return BatchProgram(files, argv, [["{job}/prog", str(k)] for k, _, _ in items],
                            blame=r"c(\d+)\.rs:\d+:\d+: error")

    def _module(self, problem: Problem, code: str) -> str:
        sig = problem.signature
        fn = self.function_name(problem.entry_point)
        ret = self.render_type(sig.returns)
        lines = [
            "#![allow(unused_imports, dead_code, unused_variables, unused_mut, non_snake_case)]",
            code,
            "pub mod irgroups_harness {",
            "use super::*;",
            PRELUDE,
            "pub fn main() {",
            "    std::panic::set_hook(Box::new(|_| {}));",
        ]
        args_type = "(" + "".join(f"{self.render_type(p.type)}, " for p in sig.params) + ")"
        names = "(" + "".join(f"a{j}, " for j in range(len(sig.params))) + ")"
        table = "[" + ", ".join(
            "[" + ", ".join(self._table_value(p.type, a) for p, a in zip(sig.params, t.args)) + "]"
            for t in problem.all_tests) + "]"
        hashes = "#"
        while f'"{hashes}' in table:
            hashes += "#"
        call = ", ".join(f"a{j}" for j in range(len(sig.params)))
        lines += [
            f'    let cases: Vec<{args_type}> = crate::irgroups_table::read(r{hashes}"{table}"{hashes});',
            "    for (i, args) in cases.into_iter().enumerate() {",
            f"        run_test(i, move || -> {ret} {{ let {names} = args; super::{fn}({call}) }});",
            "    }",
            '    report("end");', "}", "}"]
        return "\n".join(lines)

    def stdio_program(self, code: str) -> WholeProgram:
        argv = self.compile_argv()
        assert argv is not None
        return WholeProgram({"main.rs": code}, argv, self.run_argv("{job}"))

    def compile_argv(self) -> list[str] | None:
        # one codegen unit: the same optimisations, a third less compiler CPU on batches
        # (measured on 24 candidates: 1.85 s against 2.91 s, same wall time)
        return ["rustc", "--edition", "2021", "-C", "opt-level=1", "-C", "codegen-units=1", "-C", "debuginfo=0",
                "-A", "warnings", "-o", "prog", "main.rs"]

    def run_argv(self, job_dir: str) -> list[str]:
        return [f"{job_dir}/prog"]

    # ---- benchmarks (MultiPL-E / HumanEval-X) ------------------------------
    # MultiPL-E: `rustc prog.rs -o prog` (no --edition: 2015, as its harness); pass = exit 0.
    # HumanEval-X: "fn main(){}" + declaration + prompt + completion + test, `cargo test` there,
    # `rustc --test --edition 2021` here; pass = exit 0.
    # Batched: each program is a module file of one crate (`#[path]` mods), built with the same
    # flags. MultiPL-E's `main` is called through an entry function the module adds (so a private
    # `main`, or one returning a Result, behaves as alone) by a dispatcher choosing by argv;
    # HumanEval-X's tests are run by the one test binary filtered on the program's module.
    multipl_e_codes = ("rs", "rust")
    humaneval_x_prefix = "rust"
    entry_pattern = re.compile(r"^\s*(pub\s+)?fn\s+(?P<name>\w+)\s*[<(]")
    # crates HumanEval-X's declarations use, and how a program shows it uses them: built offline from
    # Debian's sources where they can be (irgroups/languages/rust_crates.py), else such programs are unsupported
    HUMANEVAL_X_CRATES = {"rand": r"\brand::|\.gen_range|thread_rng", "regex": r"\bRegex\b|\bregex::",
                          "md5": r"\bmd5::"}
    _WITH_CRATES = HUMANEVAL_X + "+crates"  # the batch key of programs built with the crates
    _USE = re.compile(r"^[ \t]*(?:pub\s+)?use\s+[^;]*;[ \t]*\n?", re.M)
    # what would mean something else inside a module of a bigger crate, besides what `batchable`
    # keeps out: crate attributes, the process's arguments
    _ALONE = re.compile(r"#!\s*\[|\benv\s*::\s*args")
    # Rust 2015 resolves every `use` path (and `::x`) from the crate root
    _ROOTS_2015 = frozenset(["std", "core", "alloc", "self", "super"])

    def splice_answer(self, head: str, code: str, tests: str) -> tuple[str, str]:
        return head, self.drop_reimports(code, head)

    def drop_reimports(self, code: str, context: str) -> str:
        """The answer's `use` declarations whose every name `context` already imports (the
        prompt's, or HumanEval-X's declaration): importing a name twice is an error (E0252)."""
        have = set().union(*(self._use_names(u) for u in self._USE.findall(context)))

        def keep(m: re.Match[str]) -> str:
            names = self._use_names(m.group(0))
            return "" if names and "*" not in m.group(0) and names <= have else m.group(0)

        return self._USE.sub(keep, code)

    @staticmethod
    def _use_names(use: str) -> set[str]:
        """The names a `use` declaration brings in: `use a::{b, c::{self, d as e}};` -> {b, c, e}."""
        tree = re.sub(r"^\s*(pub\s+)?use\s+|;\s*$", "", use.strip())
        names = set()
        for m in re.finditer(r"(?:\bas\s+(\w+))|(\w+)\s*(?=[,}]|$)", tree):
            name = m.group(1) or m.group(2)
            if name == "self":  # `a::{self, b}` brings in `a`: the segment before the brace that holds it
                depth, i = 0, m.start()
                while i > 0 and not (tree[i] == "{" and depth == 0):
                    depth += {"}": 1, "{": -1}.get(tree[i], 0) if i != m.start() else 0
                    i -= 1
                seg = re.search(r"(\w+)\s*::\s*$", tree[:i])
                name = seg.group(1) if seg else None
            if name and name != "as":
                names.add(name)
        return names

    def multipl_e_program(self, program: str, limits: Limits) -> BenchProgram:
        job = Job(self.name, {"prog.rs": program}, ["{job}/prog"], ["rustc", "prog.rs", "-o", "prog"], limits=limits)
        key = MULTIPL_E if self._bench_batchable(program, edition_2015=True) else None
        return BenchProgram(self.name, program, job, EXIT_ZERO, key)

    def humaneval_x_program(self, prompt: str, code: str, tests: str, extra: dict[str, Any], spliced: bool,
                            limits: Limits) -> BenchProgram:
        from irgroups.languages import rust_crates

        body = prompt + code + tests
        needed = [crate for crate, used in self.HUMANEVAL_X_CRATES.items() if re.search(used, body)]
        declaration = extra.get("declaration", "")
        externs: list[str] = []
        if needed:
            crates, why = rust_crates.ensure()
            if crates is None:
                raise Unsupported(f"needs external crate(s) {', '.join(needed)}, not available here: {why}")
            externs = crates.rustc_args()  # all three, as the harness's cargo project has them
        else:
            # the declaration's `use rand/regex/md5` lines go when the code uses none of the crates
            declaration = "\n".join(line for line in declaration.split("\n")
                                    if not re.match(r"\s*use\s+(rand|regex|md5)\b", line))
        if spliced:
            body = self.drop_reimports(body, declaration)
        program = "\nfn main(){ \n } \n" + declaration + body
        argv = ["rustc", "--test", "--edition", "2021", "-A", "warnings", *externs, "prog.rs", "-o", "prog"]
        key = (self._WITH_CRATES if externs else HUMANEVAL_X) if self._bench_batchable(program, edition_2015=False) \
            else None
        return BenchProgram(self.name, program, Job(self.name, {"prog.rs": program}, ["{job}/prog"], argv,
                                                    limits=limits), EXIT_ZERO, key)

    def _bench_batchable(self, program: str, edition_2015: bool) -> bool:
        if not self.batchable(program) or self._ALONE.search(program):
            return False
        if edition_2015:
            if any(m.group(1) not in self._ROOTS_2015 for m in re.finditer(r"\buse\s+(?:::\s*)?(\w+|\{)", program)):
                return False
            for m in re.finditer(r"::\s*(\w+)", program):  # `::x` after no name, type or `>`: from the root
                before = program[:m.start()].rstrip()
                if (not before or not (before[-1].isalnum() or before[-1] in "_>")) \
                        and m.group(1) not in self._ROOTS_2015:
                    return False
        return True

    @staticmethod
    def _super_only_in_mods(program: str) -> bool:
        import tree_sitter_rust
        from tree_sitter import Language as TSLanguage
        from tree_sitter import Parser

        root = Parser(TSLanguage(tree_sitter_rust.language())).parse(program.encode("utf-8")).root_node
        stack = [(root, False)]
        while stack:
            node, in_mod = stack.pop()
            if node.type == "super" and not in_mod:
                return False
            stack.extend((c, in_mod or node.type == "mod_item") for c in node.children)
        return True

    def bench_batch(self, items: list[tuple[int, BenchProgram]]) -> BatchProgram | None:
        files = {f"p{k}.rs": p.source for k, p in items}
        mods = "".join(f'#[path = "p{k}.rs"] mod irgroups_p{k};\n' for k, _ in items)
        # short diagnostics: one line per error, starting with the file it is about
        common = ["--error-format=short", "main.rs", "-o", "prog"]
        if items[0][1].batch_key in (HUMANEVAL_X, self._WITH_CRATES):
            from irgroups.languages import rust_crates

            files["main.rs"] = mods
            crates = rust_crates.ensure()[0] if items[0][1].batch_key == self._WITH_CRATES else None
            externs = crates.rustc_args() if crates is not None else []
            return BatchProgram(files, ["rustc", "--test", "--edition", "2021", "-A", "warnings", *externs, *common],
                                [["{job}/prog", f"irgroups_p{k}::"] for k, _ in items], blame=r"^p(\d+)\.rs:\d+:\d+: error")
        return _entry_batch([(k, p.source) for k, p in items], "p", ["rustc", *common])

    def stdio_batchable(self, code: str) -> bool:
        return self.batchable(code) and not self._ALONE.search(code)

    def stdio_batch(self, items: list[tuple[int, str]]) -> BatchProgram | None:
        return _entry_batch(items, "s", [*(self.compile_argv() or []), "--error-format=short"])
