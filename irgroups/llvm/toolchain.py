"""What the LLVM stage needs on the host: front ends (clang++, rustc) and one libLLVM.

The libLLVM is the newest one found, normally rustc's own (`<sysroot>/lib/libLLVM*.so`,
LLVM 22 for rustc 1.95), because a newer LLVM reads an older front end's IR and not the
other way round. All IR work (normalise, verify, compile to an object) goes through it,
so IR from clang 14 and from rustc end up in one dialect, printed by one LLVM.

The IR helper (`capi.py`) runs in a child process on the host for normalising and
verifying (an LLVM crash never takes the pipeline down), and inside the sandbox for
compiling IR to objects.
"""

from __future__ import annotations

import functools
import glob
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from irgroups.errors import ToolchainMissing
from irgroups.languages.llvm import major
from irgroups.llvm.frontends import frontends

CAPI = Path(__file__).with_name("capi.py")
LEVELS = ("O0", "O1", "O2", "O3", "Os", "Oz")


@dataclass(frozen=True)
class LLVMTools:
    lib: str  # libLLVM used for every IR step
    llvm_version: str
    front_ends: dict[str, str] = field(default_factory=dict)  # lang -> version line, for those present
    missing: dict[str, str] = field(default_factory=dict)  # lang -> why not
    # the front end whose toolchain ships `lib` (its jobs see it), else the first one present
    host: str = ""

    def versions(self) -> dict[str, str]:
        return {"libLLVM": self.llvm_version, **{f"llvm-frontend-{k}": v for k, v in self.front_ends.items()}}


def _candidates_libs() -> list[tuple[str, str]]:
    """(lib, the front end whose toolchain ships it, "" for the system's)."""
    libs = [(lib, name) for name, fe in frontends().items() for lib in fe.llvm_libs()]
    libs += [(lib, "") for lib in sorted(glob.glob("/usr/lib/llvm-*/lib/libLLVM-*.so"), reverse=True)]
    return [(p, name) for p, name in libs if os.path.isfile(p)]


def _lib_version(lib: str) -> str:
    out = subprocess.run([sys.executable, str(CAPI), "--lib", lib, "version"], capture_output=True, text=True,
                         timeout=120)
    return out.stdout.strip() if out.returncode == 0 else ""


@functools.cache
def find() -> LLVMTools:
    """The tools, or ToolchainMissing saying what to install."""
    best: tuple[int, str, str] | None = None
    shipped_by = ""
    for lib, name in _candidates_libs():
        v = _lib_version(lib)
        if v and (best is None or major(v) > best[0]):
            best, shipped_by = (major(v), lib, v), name
    if best is None:
        raise ToolchainMissing("llvm-ir: no usable libLLVM found; install rustc (rustup ships libLLVM) "
                               "or: apt-get install -y llvm")
    front: dict[str, str] = {}
    missing: dict[str, str] = {}
    for name, fe in frontends().items():
        version, why = fe.probe(best[0], best[2])
        if version:
            front[name] = version
        else:
            missing[name] = why
    return LLVMTools(best[1], best[2], front, missing, shipped_by or next(iter(front), ""))


def run_helper(lib: str, requests: list[dict[str, Any]], timeout: float = 600) -> list[dict[str, Any]]:
    """Answers of capi.serve for `requests`, from a child process; a crash answers every
    request with an error instead of raising (one bad module is retried alone)."""
    if not requests:
        return []
    try:
        out = subprocess.run([sys.executable, str(CAPI), "--lib", lib, "serve"], input=json.dumps(requests),
                             capture_output=True, text=True, timeout=timeout)
        if out.returncode == 0:
            answers: list[dict[str, Any]] = json.loads(out.stdout)
            return answers
        why = f"llvm helper exited {out.returncode}: {out.stderr.strip()[-300:]}"
    except subprocess.TimeoutExpired:
        why = "llvm helper timed out"
    if len(requests) == 1:
        return [{"ok": False, "ir": "", "error": "crash: " + why}]
    half = len(requests) // 2
    return run_helper(lib, requests[:half], timeout) + run_helper(lib, requests[half:], timeout)
