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
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from irgroups.errors import ToolchainMissing

CAPI = Path(__file__).with_name("capi.py")
LEVELS = ("O0", "O1", "O2", "O3", "Os", "Oz")
FRONT_ENDS = ("cpp", "rust")  # languages with an LLVM front end here


@dataclass(frozen=True)
class LLVMTools:
    lib: str  # libLLVM used for every IR step
    llvm_version: str
    front_ends: dict[str, str] = field(default_factory=dict)  # lang -> version line, for those present
    missing: dict[str, str] = field(default_factory=dict)  # lang -> why not

    def versions(self) -> dict[str, str]:
        return {"libLLVM": self.llvm_version, **{f"llvm-frontend-{k}": v for k, v in self.front_ends.items()}}


def _first_line(argv: list[str]) -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return ""
    text = (out.stdout or out.stderr).strip()
    return text.splitlines()[0] if text else ""


def _candidates_libs() -> list[str]:
    libs: list[str] = []
    if shutil.which("rustc"):
        sysroot = _first_line(["rustc", "--print", "sysroot"])
        if sysroot:
            libs += sorted(glob.glob(os.path.join(sysroot, "lib", "libLLVM*.so*")))
    libs += sorted(glob.glob("/usr/lib/llvm-*/lib/libLLVM-*.so"), reverse=True)
    return [p for p in libs if os.path.isfile(p)]


def _lib_version(lib: str) -> str:
    out = subprocess.run([sys.executable, str(CAPI), "--lib", lib, "version"], capture_output=True, text=True,
                         timeout=120)
    return out.stdout.strip() if out.returncode == 0 else ""


def _major(v: str) -> int:
    m = re.match(r"(\d+)", v)
    return int(m.group(1)) if m else 0


@functools.cache
def find() -> LLVMTools:
    """The tools, or ToolchainMissing saying what to install."""
    best: tuple[int, str, str] | None = None
    for lib in _candidates_libs():
        v = _lib_version(lib)
        if v and (best is None or _major(v) > best[0]):
            best = (_major(v), lib, v)
    if best is None:
        raise ToolchainMissing("llvm-ir: no usable libLLVM found; install rustc (rustup ships libLLVM) "
                               "or: apt-get install -y llvm")
    front: dict[str, str] = {}
    missing: dict[str, str] = {}
    if shutil.which("clang++"):
        front["cpp"] = _first_line(["clang++", "--version"])
    else:
        missing["cpp"] = "clang++ not found; install with: apt-get install -y clang"
    if shutil.which("rustc"):
        line = subprocess.run(["rustc", "--version", "--verbose"], capture_output=True, text=True).stdout
        llvm = re.search(r"LLVM version: (\S+)", line)
        front["rust"] = _first_line(["rustc", "--version"]) + (f" (LLVM {llvm.group(1)})" if llvm else "")
        if llvm and _major(llvm.group(1)) > best[0]:
            missing["rust"] = f"rustc emits LLVM {llvm.group(1)} IR, newer than the libLLVM found ({best[2]})"
            del front["rust"]
    else:
        missing["rust"] = "rustc not found"
    return LLVMTools(best[1], best[2], front, missing)


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
