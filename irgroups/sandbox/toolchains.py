"""Find each language's toolchain on the host, and what the sandbox must see of it.

Toolchains under /usr are visible in the sandbox as they are. A toolchain
elsewhere (rustup's, under ~/.rustup) is bound read-only at its own path, with
its real `bin/` first on PATH (never rustup's proxy, which needs $HOME).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from dataclasses import dataclass, field

from irgroups.errors import ToolchainMissing
from irgroups.languages import Language


@dataclass(frozen=True)
class Resolved:
    lang: str
    version: str
    path_dirs: tuple[str, ...] = ()  # extra PATH entries, before /usr/bin
    binds: tuple[str, ...] = ()  # host dirs to bind read-only at the same path
    env: dict[str, str] = field(default_factory=dict)


def _first_line(argv: list[str]) -> str:
    out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    text = (out.stdout or out.stderr).strip()
    return text.splitlines()[0] if text else ""


@functools.cache
def resolve(lang: Language) -> Resolved:
    """The toolchain of `lang`, or ToolchainMissing saying how to install it."""
    missing = [exe for exe in lang.toolchain.executables if shutil.which(exe) is None]
    if missing:
        raise ToolchainMissing(
            f"{lang.name}: {', '.join(missing)} not found on PATH; install with: {lang.toolchain.install_hint}"
        )
    path_dirs: list[str] = []
    binds: list[str] = []
    env: dict[str, str] = {}
    if lang.name == "rust":
        sysroot = _first_line(["rustc", "--print", "sysroot"])
        if not sysroot or not os.path.isdir(sysroot):
            raise ToolchainMissing("rust: `rustc --print sysroot` gave no directory")
        path_dirs.append(os.path.join(sysroot, "bin"))
        if not sysroot.startswith("/usr/"):
            binds.append(sysroot)
    for exe in lang.toolchain.executables:
        real = os.path.realpath(shutil.which(exe) or exe)
        top = os.path.dirname(real)
        if not real.startswith("/usr/") and lang.name != "rust":
            path_dirs.append(top)
            binds.append(os.path.dirname(top))
    if lang.name == "go":
        env.update({"GO111MODULE": "off", "CGO_ENABLED": "0", "GOFLAGS": "-buildvcs=false", "GOTOOLCHAIN": "local"})
    try:
        version = _first_line(list(lang.toolchain.version_cmd))
    except (OSError, subprocess.SubprocessError) as e:
        raise ToolchainMissing(f"{lang.name}: `{' '.join(lang.toolchain.version_cmd)}` failed: {e}") from None
    return Resolved(lang.name, version, tuple(path_dirs), tuple(binds), env)


def check(langs: list[Language]) -> dict[str, Resolved | ToolchainMissing]:
    out: dict[str, Resolved | ToolchainMissing] = {}
    for lang in langs:
        try:
            out[lang.name] = resolve(lang)
        except ToolchainMissing as e:
            out[lang.name] = e
    return out
