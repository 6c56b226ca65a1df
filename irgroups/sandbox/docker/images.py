"""Per-language sandbox images: their definition hash, their tag, and how to build them.

Definitions live in `sandboxes/docker/<lang>/Dockerfile` (`ARG BASE`, default the official
`debian:bookworm-slim`). Where no registry can be reached, the base is a Debian minbase root
filesystem made by `debootstrap` and `docker import`ed (`sandboxes/docker/base/build-rootfs.sh`);
the language layers are then installed by `docker build` from that local base (apt inside).

An image is tagged `irgroups-sandbox-<lang>:<hash12>` (and `:latest`) and labelled with the full
hash of its definition (the base script, the language's files, and the host state its build
context copies, e.g. rust's toolchain): a build is skipped when an image with the current hash exists.

What an image needs beyond its folder is the language's (`ImageSpec`, from `Language.docker`);
the command line is `python -m irgroups.languages.docker_images build|status [LANG ...]`.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from irgroups.paths import sandboxes_dir

REGISTRY_BASE = "debian:bookworm-slim"
LABEL_DEF = "org.irgroups.definition"
LABEL_TOOLCHAIN = "org.irgroups.toolchain"


@dataclass(frozen=True)
class ImageSpec:
    """What building and checking one language's image needs beyond `sandboxes/docker/<lang>/`."""

    version_cmd: tuple[str, ...]  # run in the image: its toolchain's version line
    # host state the build context copies (a toolchain's `-vV`), part of the definition hash
    fingerprint: Callable[[], str] | None = None
    prepare: Callable[[Path], None] | None = None  # fills the build context (dir) beyond the folder's files


# Where a DockerSandbox built without `specs` finds them: set by irgroups.languages.toolchains when
# it is imported. Transitional (issue 13): once every sandbox is made by the verifier's factory, it goes.
_default_specs: list[Callable[[], dict[str, ImageSpec]]] = []


def set_default_specs(source: Callable[[], dict[str, ImageSpec]]) -> None:
    _default_specs[:] = [source]


def default_specs() -> dict[str, ImageSpec]:
    return _default_specs[0]() if _default_specs else {}


def definitions_dir() -> Path | None:
    """`sandboxes/docker` shipped with irgroups (the checkout's, or the installed wheel's copy;
    $IRGROUPS_SANDBOXES overrides), None if absent."""
    env = os.environ.get("IRGROUPS_SANDBOXES")
    cands = [Path(env) / "docker"] if env else []
    shipped = sandboxes_dir()
    if shipped is not None:
        cands.append(shipped / "docker")
    for c in cands:
        if (c / "base" / "build-rootfs.sh").is_file():
            return c
    return None


def image_name(lang: str) -> str:
    return f"irgroups-sandbox-{lang}"


def base_hash(defs: Path) -> str:
    return hashlib.sha256((defs / "base" / "build-rootfs.sh").read_bytes() + b"bookworm").hexdigest()


def definition_hash(lang: str, spec: ImageSpec, defs: Path | None = None) -> str | None:
    defs = defs or definitions_dir()
    if defs is None:
        return None
    h = hashlib.sha256(base_hash(defs).encode())
    for f in sorted((defs / lang).rglob("*")):
        if f.is_file() and "toolchain" not in f.relative_to(defs / lang).parts:
            h.update(str(f.relative_to(defs)).encode() + b"\0" + f.read_bytes() + b"\0")
    if spec.fingerprint is not None:
        h.update(_fingerprint(spec.fingerprint).encode())
    return h.hexdigest()


@functools.cache
def _fingerprint(fn: Callable[[], str]) -> str:
    return fn()


def expected_tag(lang: str, spec: ImageSpec) -> str:
    """The tag the sandbox uses: the definition's hash when the definitions are here, else latest."""
    h = definition_hash(lang, spec)
    return f"{image_name(lang)}:{h[:12]}" if h else f"{image_name(lang)}:latest"


def _docker(*args: str, check: bool = False, timeout: float | None = 120, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["docker", *args], capture_output=True, text=True, check=check, timeout=timeout, **kw)


def image_exists(tag: str) -> bool:
    try:
        return _docker("image", "inspect", tag).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def image_label(tag: str, label: str) -> str:
    out = _docker("image", "inspect", "-f", f'{{{{index .Config.Labels "{label}"}}}}', tag)
    return out.stdout.strip() if out.returncode == 0 else ""


def _log(msg: str) -> None:
    print(f"[docker-images] {msg}", file=sys.stderr, flush=True)


def ensure_base(defs: Path, mode: str, mirror: str) -> str:
    """The BASE to build FROM: the official image (registry) or a debootstrapped one."""
    if mode in ("auto", "registry"):
        if image_exists(REGISTRY_BASE):
            return REGISTRY_BASE
        try:
            pulled = _docker("pull", REGISTRY_BASE, timeout=300).returncode == 0
        except subprocess.TimeoutExpired:
            pulled = False
        if pulled:
            return REGISTRY_BASE
        if mode == "registry":
            raise SystemExit(f"cannot pull {REGISTRY_BASE}; use --base debootstrap")
        _log(f"{REGISTRY_BASE} cannot be pulled: building the base with debootstrap")
    tag = f"irgroups-sandbox-base:{base_hash(defs)[:12]}"
    if image_exists(tag):
        _log(f"base {tag} present")
        return tag
    if shutil.which("debootstrap") is None:
        raise SystemExit("debootstrap not found; install with: apt-get install -y debootstrap")
    _log(f"debootstrap bookworm from {mirror} -> {tag} (a few minutes)")
    subprocess.run(["bash", str(defs / "base" / "build-rootfs.sh"), tag, mirror], check=True)
    return tag


def build(specs: Mapping[str, ImageSpec], mode: str = "auto", mirror: str = "http://deb.debian.org/debian",
          force: bool = False) -> dict[str, str]:
    defs = definitions_dir()
    if defs is None:
        raise SystemExit("sandboxes/docker not found (set IRGROUPS_SANDBOXES to the sandboxes/ folder)")
    out: dict[str, str] = {}
    base: str | None = None
    for lang, spec in specs.items():
        h = definition_hash(lang, spec, defs)
        assert h is not None
        tag = f"{image_name(lang)}:{h[:12]}"
        if not force and image_exists(tag) and image_label(tag, LABEL_DEF) == h:
            _log(f"{lang}: {tag} up to date (cached)")
            _docker("tag", tag, f"{image_name(lang)}:latest")
            out[lang] = tag
            continue
        base = base or ensure_base(defs, mode, mirror)
        with tempfile.TemporaryDirectory(prefix="irgroups-ctx-") as ctx:
            shutil.copytree(defs / lang, ctx, dirs_exist_ok=True, ignore=shutil.ignore_patterns("toolchain"))
            if spec.prepare is not None:
                spec.prepare(Path(ctx))
            _log(f"{lang}: building {tag} FROM {base}")
            cmd = ["docker", "build", "--network", "host", "-q", "--build-arg", f"BASE={base}",
                   "--label", f"{LABEL_DEF}={h}", "-t", tag, "-t", f"{image_name(lang)}:latest", ctx]
            res = subprocess.run(cmd, capture_output=True, text=True)
            if res.returncode != 0:
                raise SystemExit(f"{lang}: docker build failed:\n{res.stderr[-3000:]}")
        version = _docker("run", "--rm", "--network", "none", tag, *spec.version_cmd).stdout.strip()
        _log(f"{lang}: {tag} built ({version.splitlines()[0] if version else '?'})")
        out[lang] = tag
    return out


def status(specs: Mapping[str, ImageSpec]) -> dict[str, str]:
    out = {}
    for lang, spec in specs.items():
        tag = expected_tag(lang, spec)
        out[lang] = f"{tag} present" if image_exists(tag) else f"{tag} missing"
    return out
