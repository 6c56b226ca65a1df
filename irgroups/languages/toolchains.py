"""Find each language's toolchain on the host, and what the sandbox must see of it (a Runtime).

Toolchains under /usr are visible in the sandbox as they are. A toolchain
elsewhere (rustup's, under ~/.rustup) is bound read-only at its own path, with
its real `bin/` first on PATH (never rustup's proxy, which needs $HOME). What a
language's programs need beyond that (environment, a build cache) is its
`Toolchain`'s; a sandbox gets it as data (`Job.runtime`, or `runtimes` given to
the sandbox), never by asking a language. So does the Docker backend its images'
(`image_specs`; built by `python -m irgroups.languages.docker_images`).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from collections.abc import Iterable

from irgroups import languages
from irgroups.errors import ToolchainMissing
from irgroups.languages.base import Language
from irgroups.sandbox import base as sb
from irgroups.sandbox.docker import images

Resolved = sb.Runtime  # the name callers knew it by


def _first_line(argv: list[str]) -> str:
    out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    text = (out.stdout or out.stderr).strip()
    return text.splitlines()[0] if text else ""


@functools.cache
def resolve(lang: Language) -> sb.Runtime:
    """The toolchain of `lang`, or ToolchainMissing saying how to install it."""
    tc = lang.toolchain
    missing = [exe for exe in tc.executables if shutil.which(exe) is None]
    if missing:
        raise ToolchainMissing(f"{lang.name}: {', '.join(missing)} not found on PATH; install with: {tc.install_hint}")
    path_dirs: list[str] = []
    binds: list[str] = []
    if tc.sysroot_cmd:
        sysroot = _first_line(list(tc.sysroot_cmd))
        if not sysroot or not os.path.isdir(sysroot):
            raise ToolchainMissing(f"{lang.name}: `{' '.join(tc.sysroot_cmd)}` gave no directory")
        path_dirs.append(os.path.join(sysroot, "bin"))
        if not sysroot.startswith("/usr/"):
            binds.append(sysroot)
    else:
        for exe in tc.executables:
            real = os.path.realpath(shutil.which(exe) or exe)
            top = os.path.dirname(real)
            if not real.startswith("/usr/"):
                path_dirs.append(top)
                binds.append(os.path.dirname(top))
    try:
        version = _first_line(list(tc.version_cmd))
    except (OSError, subprocess.SubprocessError) as e:
        raise ToolchainMissing(f"{lang.name}: `{' '.join(tc.version_cmd)}` failed: {e}") from None
    return sb.Runtime(lang.name, version, tuple(path_dirs), tuple(binds), dict(tc.env), dict(tc.compile_env),
                      tc.build_cache, tc.executables)


def runtime(name: str) -> sb.Runtime:
    """The runtime of the language called `name` (ToolchainMissing if its toolchain is not here):
    what a sandbox is given as its `runtimes`."""
    return resolve(languages.get(name))


def check(langs: list[Language]) -> dict[str, sb.Runtime | ToolchainMissing]:
    out: dict[str, sb.Runtime | ToolchainMissing] = {}
    for lang in langs:
        try:
            out[lang.name] = resolve(lang)
        except ToolchainMissing as e:
            out[lang.name] = e
    return out


def image_spec(lang: Language) -> images.ImageSpec:
    return lang.docker or images.ImageSpec(lang.toolchain.version_cmd)


def image_specs(langs: Iterable[Language] | None = None) -> dict[str, images.ImageSpec]:
    """What DockerSandbox(specs=...) and the image builder need, per language (default: all)."""
    return {lang.name: image_spec(lang) for lang in (languages.LANGUAGES.values() if langs is None else langs)}


# until every sandbox is made by the verifier's factory with these (issue 13)
sb.set_default_runtimes(runtime)
images.set_default_specs(image_specs)
