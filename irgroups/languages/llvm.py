"""A language's LLVM front end: how its candidate alone becomes IR, and the harness its IRs link with.

The candidate is compiled **alone**, as its own translation unit or crate, so its IR holds the
candidate's functions and what they instantiate, never the harness. The harness is the
language's usual test program with the candidate replaced by a declaration, compiled once per
problem, and linked with each IR's object file (irgroups/llvm/ drives both). A language with a
front end sets `Language.llvm`.
"""

from __future__ import annotations

import re
import subprocess
from abc import ABC, abstractmethod
from dataclasses import dataclass

from irgroups.problems.model import Problem


@dataclass(frozen=True)
class Unit:
    """The candidate alone, ready to emit IR from."""

    files: dict[str, str]
    emit_argv: dict[str, list[str]]  # level -> command writing <level>.ll in the job dir


class SkipCandidate(Exception):
    """This candidate cannot be cut from a harness (reason in the message)."""


class Frontend(ABC):
    lang: str  # the language's name

    @abstractmethod
    def unit(self, problem: Problem, code: str) -> Unit:
        """The candidate alone, with the commands that emit its IR at each level (O0 ... Oz)."""

    @abstractmethod
    def harness(self, problem: Problem) -> tuple[dict[str, str], list[str]]:
        """The harness's files and the command that builds it once (see `link_argv`)."""

    @abstractmethod
    def link_argv(self, obj: str, prog: str) -> list[str]:
        """The command linking an IR's object file `obj` with the harness into `prog`."""

    @abstractmethod
    def probe(self, llvm_major: int, llvm_version: str) -> tuple[str, str]:
        """(version line, "") when this front end is usable with a libLLVM of that version; else
        ("", why not)."""

    def is_entry_symbol(self, symbol: str, fn: str) -> bool:
        """Whether the IR's function `symbol` is the entry function `fn` (as the IR names it)."""
        return symbol == fn

    def llvm_libs(self) -> list[str]:
        """libLLVMs this front end's toolchain ships (the newest found reads every front end's IR)."""
        return []


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def first_line(argv: list[str]) -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return ""
    text = (out.stdout or out.stderr).strip()
    return text.splitlines()[0] if text else ""


def major(v: str) -> int:
    m = re.match(r"(\d+)", v)
    return int(m.group(1)) if m else 0
