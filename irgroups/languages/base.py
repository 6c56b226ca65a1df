"""What every target language knows, as one abstract class.

A language renders neutral types and JSON values as its own source, writes the
function signature a candidate must implement, and wraps a candidate into a
test program. The test program holds the tests' arguments only: it runs the
candidate on each and writes the returned value as neutral JSON; the verdict is
decided outside the sandbox against the expected values (see irgroups/results.py
for the lines it writes and the rules that judge them).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from irgroups import types as T
from irgroups.problems.model import Problem
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
    `blame` names the files of an item, so a failed batch compile can be pinned on the
    items whose files the compiler complains about (a regex with one group: the label)."""

    files: dict[str, str]
    compile_argv: list[str]
    run_argvs: list[list[str]]
    blame: str


@dataclass(frozen=True)
class Mutation:
    """Which tree-sitter nodes the mutation operators look at, per language."""

    binary_expression: tuple[str, ...]
    integer_literal: tuple[str, ...]
    block: tuple[str, ...]
    argument_list: tuple[str, ...]
    statement_skip: tuple[str, ...] = ()  # statements whose removal is pointless (comments...)


class Language(ABC):
    name: str
    aliases: tuple[str, ...] = ()
    extension: str
    tree_sitter_module: str  # e.g. "tree_sitter_rust"
    toolchain: Toolchain
    mutation: Mutation
    # the Docker image (sandboxes/docker/<name>/): None = its folder alone, checked by toolchain.version_cmd
    docker: ImageSpec | None = None

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

