"""What every target language knows, as one abstract class.

A language renders neutral types and JSON values as its own source, writes the
function signature a candidate must implement, and wraps a candidate into a
test program. The test program holds the tests' arguments only: it runs the
candidate on each and writes the returned value as neutral JSON; the verdict is
decided outside the sandbox against the expected values (see irgroups/results.py
for the lines it writes and the rules that judge them).
"""

from __future__ import annotations

import functools
import importlib
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tree_sitter import Language as TSLanguage
from tree_sitter import Node, Parser, Tree

from irgroups import types as T
from irgroups.languages.benchmarks import BenchProgram, Unsupported
from irgroups.languages.llvm import Frontend
from irgroups.languages.syntax import Item
from irgroups.problems.model import Problem
from irgroups.sandbox.base import Limits
from irgroups.sandbox.docker.images import ImageSpec


@dataclass(frozen=True)
class Toolchain:
    """The executables a language needs, how to ask their version, how to install them, and what
    its programs need of the sandbox (irgroups/languages/toolchains.py makes that a Runtime)."""

    executables: tuple[str, ...]
    version_cmd: tuple[str, ...]
    install_hint: str
    env: dict[str, str] = field(default_factory=dict)  # for every step
    compile_env: dict[str, str] = field(default_factory=dict)  # for the compile step only
    build_cache: str = ""  # where the compiler's cache is mounted while compiling ("" for none)
    # a command printing the toolchain's root (rustup's toolchain dir): bound whole, its bin/ first
    # on PATH (never rustup's proxies, which need $HOME); else each executable's real dir is used
    sysroot_cmd: tuple[str, ...] = ()


@dataclass(frozen=True)
class BatchProgram:
    """Several candidates built by one compiler call; program k is run with `run_argvs[k]`.

    Items come as (label, problem, code); an item's files, module and run argument are
    named after its label, so the same candidate keeps the same names from one compile
    round to the next (Go's build cache then reuses what compiled in an earlier round).
    `blame` pins a failed batch compile on the items it is about: a regex with one group (the
    label) that matches at the start of a compiler line reporting an *error* at a primary
    location in an item's files, and nowhere else. Compilers also point at other files (rustc's
    "exists but is inaccessible" notes, mcs's "location of the symbol related to the previous
    error", import paths): those lines name batch-mates that did nothing wrong, so they must
    not match. `Language.batchable` keeps out code that could name or collide with a batch-mate
    (tests/test_batch_blame.py)."""

    files: dict[str, str]
    compile_argv: list[str]
    run_argvs: list[list[str]]
    blame: str


@dataclass(frozen=True)
class WholeProgram:
    """A stdio candidate as the sandbox builds it: its files, the compiler's argv (None: nothing
    to compile) and the command that runs it ("{job}": where the job's files are)."""

    files: dict[str, str]
    compile_argv: list[str] | None
    run_argv: list[str]


@dataclass(frozen=True)
class Mutation:
    """Which tree-sitter nodes the mutation operators look at, per language."""

    binary_expression: tuple[str, ...]
    integer_literal: tuple[str, ...]
    block: tuple[str, ...]
    argument_list: tuple[str, ...]
    statement_skip: tuple[str, ...] = ()  # statements whose removal is pointless (comments...)


@dataclass(frozen=True)
class Rewriting:
    """What the equivalence-preserving rewrites (irgroups/generate/rewrite.py) need of a language:
    tree-sitter node types, the syntax family whose loops, blocks and declarations they write
    (`style`: rewrite.C_FAMILY, PAREN_FREE or EXPRESSION), and how names are cased."""

    style: str
    name_case: str  # "snake" or "camel": how a new name is spelled
    functions: tuple[str, ...]
    bindings: tuple[tuple[str, str | None], ...]  # (node type, field): identifiers there are declared names
    blocks: tuple[str, ...]  # nodes whose named children are a statement sequence
    ifs: tuple[str, ...]
    while_loops: tuple[str, ...]
    counting_loops: tuple[str, ...]  # C-style three-clause loops
    continue_types: tuple[str, ...]
    returns: tuple[str, ...]
    temp: str  # a declaration of a temporary: "let {name} = {expr};"
    number_literals: tuple[str, ...]
    leaf_values: tuple[str, ...]  # literals an operand may hold
    access: tuple[str, ...]  # index and field reads
    access_leaves: tuple[str, ...] = ()
    binary: tuple[str, ...] = ("binary_expression",)
    unary: tuple[str, ...] = ("unary_expression",)
    paren: tuple[str, ...] = ("parenthesized_expression",)
    pattern_types_skip: tuple[str, ...] = ()  # patterns whose `type` field is a path (Rust's Some(x))
    rename_unsafe: tuple[tuple[str, str | None], ...] = ()  # a name found here is never renamed
    keep_names: tuple[str, ...] = ()
    reserved: frozenset[str] = frozenset()  # words a new name must not be (keywords, builtins)
    string_types: tuple[str, ...] = ()  # strings that can name a variable (Rust's format!("{x}"))
    no_temp: tuple[str, ...] = ()  # returned values a temporary cannot hold (null, lambdas, braced lists)


@functools.cache
def tree_sitter_language(module: str) -> TSLanguage:
    return TSLanguage(importlib.import_module(module).language())


class Language(ABC):
    name: str  # the one id; `aliases` map to it (irgroups.languages.get)
    aliases: tuple[str, ...] = ()
    display_name: str  # as a prompt says it: "C#"
    extra_fence_tags: tuple[str, ...] = ()  # a code fence's tags for it besides the name and aliases ("h", "cc")
    signature_where: str = ""  # where the signature goes, as a prompt says it: " inside `class Problem`"
    extension: str
    tree_sitter_module: str  # e.g. "tree_sitter_rust"
    keeps_blanks: bool = False  # normalising code keeps runs of blanks (indentation is syntax)
    toolchain: Toolchain
    mutation: Mutation
    rewriting: Rewriting | None = None
    program_entry: str | None = "main"  # a whole program's entry function (None: a script, no entry)
    # the Docker image (sandboxes/docker/<name>/): None = its folder alone, checked by toolchain.version_cmd
    docker: ImageSpec | None = None
    # the source of a problem in this language runs as a candidate does (amplification asks it)
    runs_sources: bool = False
    # its reference translations (<problem slug>.<extension>); None: data/references/<name>
    references_dir: Path | None = None

    @property
    def fence_tags(self) -> frozenset[str]:
        return frozenset((self.name, *self.aliases, *self.extra_fence_tags))

    def llvm_frontend(self) -> Frontend | None:
        """Its LLVM front end, where it has one (irgroups/languages/llvm.py)."""
        return None

    def parse(self, text: str) -> Tree:
        return Parser(tree_sitter_language(self.tree_sitter_module)).parse(text.encode("utf-8"))

    # ---- extraction: what irgroups/generate/extract.py asks -------------------
    code_start: re.Pattern[str]  # the first line of code in an answer without code fences
    leading_imports: str = ""  # imports starting so go first (Python's `from __future__`)

    @abstractmethod
    def top_level_items(self, root: Node, src: bytes) -> list[Item]:
        """The imports, definitions and attached pieces (methods of a type...) at the top of `root`."""

    def items_of(self, code: str) -> tuple[Node, bytes, list[Item]]:
        """`code`'s syntax tree, its bytes and its top-level items."""
        root = self.parse(code).root_node
        src = code.encode("utf-8")
        return root, src, self.top_level_items(root, src)

    def param_count(self, params: Node | None) -> int:
        """How many parameters a function's parameter list declares (-1: none given)."""
        if params is None:
            return -1
        return sum(1 for c in params.named_children if "parameter" in c.type and c.type != "self_parameter")

    def implied(self, item: Item, defined: set[str], entry: Item, called: set[str]) -> bool:
        """Whether `item`, which nothing kept names, is needed all the same (a trait whose methods
        are `called`, Go's init()); `defined`: the names the kept items define."""
        return False

    def import_section(self, imports: list[Item]) -> list[str]:
        """The paragraphs an assembled program starts with, from the imports of the blocks it uses."""
        seen: list[str] = []
        for it in imports:
            if it.text not in seen:
                seen.append(it.text)
        if self.leading_imports:
            seen.sort(key=lambda s: not s.startswith(self.leading_imports))
        return ["\n".join(seen)] if seen else []

    def assemble(self, kept: list[Item], entry_name: str, imports: list[Item], blocks: list[list[Item]],
                 strict: bool) -> str | None:
        """The program of the `kept` items; None: imports, then the items in order (the usual way).
        `blocks`: every block's items; `strict`: as the model wrote it (no modifier changed)."""
        return None

    def missing_imports(self, code: str, strict: bool) -> str:
        """`code` with the standard imports it uses and lacks; `strict`: only what the compiler
        would otherwise refuse (Go's unused imports go)."""
        return code

    # ---- rendering -------------------------------------------------------
    @abstractmethod
    def render_type(self, t: T.Type) -> str: ...

    @abstractmethod
    def render_value(self, t: T.Type, value: Any) -> str:
        """A JSON value of neutral type `t` as a source expression."""

    @abstractmethod
    def function_name(self, entry_point: str) -> str: ...

    @abstractmethod
    def signature(self, problem: Problem) -> str:
        """The declaration a candidate must define (no body)."""

    @abstractmethod
    def placeholder(self, problem: Problem) -> str:
        """A complete candidate that compiles and fails every test."""

    # ---- test programs ---------------------------------------------------
    @abstractmethod
    def test_program(self, problem: Problem, code: str) -> dict[str, str]:
        """Files (name -> text) of the program that runs `code` on the tests."""

    def stdio_program(self, code: str) -> WholeProgram:
        """A whole program (stdio problems): `code` with its own main, built and run as it is."""
        raise NotImplementedError(f"{self.name} cannot run whole programs (stdio problems) yet")

    @abstractmethod
    def compile_argv(self) -> list[str] | None:
        """Compile command inside the job dir; None for languages checked at load."""

    @abstractmethod
    def run_argv(self, job_dir: str) -> list[str]:
        """Run command; `job_dir` is where the compiled files are visible."""

    def code_prelude(self, problem: Problem) -> str:
        """Imports a reference or prompt shows before the function."""
        return ""

    def batch_program(self, items: list[tuple[int, Problem, str]]) -> BatchProgram | None:
        """One build for many (label, problem, code) items; None where the language cannot batch them."""
        return None

    def stdio_batch(self, items: list[tuple[int, str]]) -> BatchProgram | None:
        """One build for many (label, whole program) items of stdio problems, program k run with
        `run_argvs[k]` and its test's stdin, as it would run alone; None where each is built alone."""
        return None

    def stdio_batchable(self, code: str) -> bool:
        """Whether whole program `code` may share a `stdio_batch` binary (it cannot tell that it is
        not alone: it reads no command line, and nothing of it runs in its batch-mates' processes)."""
        return False

    def batchable(self, code: str) -> bool:
        """Whether `code` may share a batch program: code that runs when *any* program of the
        batch starts (Go's init) could write into its neighbours' outputs, so it runs alone."""
        return True

    keywords: frozenset[str] = frozenset()

    def param_name(self, name: str) -> str:
        """A Python parameter name that is a keyword here (`string` in C#) made legal."""
        return self.escape_keyword(name) if name in self.keywords else name

    def escape_keyword(self, name: str) -> str:
        return name + "_"

    # ---- benchmarks (MultiPL-E / HumanEval-X) ------------------------------
    # How a benchmark's own program of this language is built, judged and batched (see
    # irgroups/languages/benchmarks.py; irgroups/evaluate reads answers and runs them).
    multipl_e_codes: tuple[str, ...] = ()  # MultiPL-E's `language` values meaning this language
    humaneval_x_prefix: str = ""  # HumanEval-X's task-id prefix ("CPP/12" -> "cpp"); "" for none
    # the line of a prompt that declares the function to complete (group `name`); None: no entry
    entry_pattern: re.Pattern[str] | None = None
    line_comment = "//"
    block_comment = True  # whether /* ... */ comments exist
    # whether --structural-equality rewrites this language's MultiPL-E tests (`rewrite_structural`)
    structural_equality = False

    def splice_answer(self, head: str, code: str, tests: str) -> tuple[str, str]:
        """(head, body) where an extracted answer `code` replaces the prompt's signature and body:
        `head` is the prompt up to its signature; merge the answer's imports where needed."""
        return head, code

    def rewrite_structural(self, tests: str) -> str:
        return tests

    def multipl_e_program(self, program: str, limits: Limits) -> BenchProgram:
        """MultiPL-E's program (prompt + completion + "\\n" + tests) as its harness builds and judges it."""
        raise Unsupported(f"no MultiPL-E harness for {self.name}")

    def humaneval_x_program(self, prompt: str, code: str, tests: str, extra: dict[str, Any], spliced: bool,
                            limits: Limits) -> BenchProgram:
        """HumanEval-X's program; `extra` holds the row's declaration, import, test_setup; `spliced`:
        `code` is an extracted chat answer already spliced into `prompt`."""
        raise Unsupported(f"no HumanEval-X harness for {self.name}")

    def bench_batch(self, items: list[tuple[int, BenchProgram]]) -> BatchProgram | None:
        """One build for several (label, program) of one `batch_key`; None where they cannot share one.
        Program k runs with `run_argvs[k]` and must get the verdict it gets alone."""
        return None


# ---- helpers shared by several languages -----------------------------------

def snake_case(name: str) -> str:
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    return re.sub(r"_+", "_", s).lower()


def pascal_case(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in snake_case(name).split("_") if part)


def escape_string(s: str, style: str = "u4") -> str:
    """A double-quoted literal body. style: 'u4' (\\uXXXX / \\UXXXXXXXX), 'rust' (\\u{X})."""
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif 32 <= o < 127:
            out.append(ch)
        elif style == "rust":
            out.append(f"\\u{{{o:x}}}")
        elif o < 0x10000:
            out.append(f"\\u{o:04x}")
        else:
            out.append(f"\\U{o:08x}")
    return "".join(out)


def float_literal(v: float | int) -> str:
    """A float literal that every C-family language reads as a double."""
    text = repr(float(v))
    if "inf" in text or "nan" in text:
        raise ValueError(f"non-finite float {v!r}")
    return text if any(c in text for c in ".e") else text + ".0"
