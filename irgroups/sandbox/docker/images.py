"""Per-language sandbox images: their definition hash, their tag, and how to build them.

Definitions live in `sandboxes/docker/<lang>/Dockerfile` (`ARG BASE`, default the official
`debian:bookworm-slim`). Where no registry can be reached, the base is a Debian minbase root
filesystem made by `debootstrap` and `docker import`ed (`sandboxes/docker/base/build-rootfs.sh`);
the language layers are then installed by `docker build` from that local base (apt inside).

An image is tagged `irgroups-sandbox-<lang>:<hash12>` (and `:latest`) and labelled with the full
hash of its definition (the base script, the language's files, and for rust the host toolchain it
copies): a build is skipped when an image with the current hash exists.

    python -m irgroups.sandbox.docker.images build [--base auto|registry|debootstrap] [LANG ...]
    python -m irgroups.sandbox.docker.images status
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LANGS = ("python", "cpp", "rust", "go", "csharp")
REGISTRY_BASE = "debian:bookworm-slim"
LABEL_DEF = "org.irgroups.definition"
LABEL_TOOLCHAIN = "org.irgroups.toolchain"
VERSION_CMD = {
    "python": ["/usr/bin/python3", "--version"],
    "cpp": ["g++", "--version"],
    "rust": ["rustc", "--version"],
    "go": ["go", "version"],
    "csharp": ["mono", "--version"],
}


def definitions_dir() -> Path | None:
    """`sandboxes/docker` of this checkout ($IRGROUPS_SANDBOXES overrides), None if absent."""
    env = os.environ.get("IRGROUPS_SANDBOXES")
    cands = [Path(env) / "docker"] if env else []
    cands.append(Path(__file__).resolve().parents[3] / "sandboxes" / "docker")
    for c in cands:
        if (c / "base" / "build-rootfs.sh").is_file():
            return c
    return None


def image_name(lang: str) -> str:
    return f"irgroups-sandbox-{lang}"


@functools.cache
def _rust_sysroot() -> str | None:
    try:
        out = subprocess.run(["rustc", "--print", "sysroot"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    root = out.stdout.strip()
    return root if out.returncode == 0 and os.path.isdir(root) else None


@functools.cache
def _rust_host_version() -> str:
    root = _rust_sysroot()
    if root is None:
        return "no-host-rust"
    out = subprocess.run([os.path.join(root, "bin", "rustc"), "-vV"], capture_output=True, text=True, timeout=60)
    return out.stdout


def base_hash(defs: Path) -> str:
    return hashlib.sha256((defs / "base" / "build-rootfs.sh").read_bytes() + b"bookworm").hexdigest()


def definition_hash(lang: str, defs: Path | None = None) -> str | None:
    defs = defs or definitions_dir()
    if defs is None:
        return None
    h = hashlib.sha256(base_hash(defs).encode())
    for f in sorted((defs / lang).rglob("*")):
        if f.is_file() and "toolchain" not in f.relative_to(defs / lang).parts:
            h.update(str(f.relative_to(defs)).encode() + b"\0" + f.read_bytes() + b"\0")
    if lang == "rust":
        h.update(_rust_host_version().encode())
    return h.hexdigest()


def expected_tag(lang: str) -> str:
    """The tag the sandbox uses: the definition's hash when the definitions are here, else latest."""
    h = definition_hash(lang)
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


def build(langs: list[str], mode: str = "auto", mirror: str = "http://deb.debian.org/debian",
          force: bool = False) -> dict[str, str]:
    defs = definitions_dir()
    if defs is None:
        raise SystemExit("sandboxes/docker not found (set IRGROUPS_SANDBOXES to the sandboxes/ folder)")
    out: dict[str, str] = {}
    base: str | None = None
    for lang in langs:
        h = definition_hash(lang, defs)
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
            if lang == "rust":
                _copy_rust_toolchain(Path(ctx) / "toolchain")
            _log(f"{lang}: building {tag} FROM {base}")
            cmd = ["docker", "build", "--network", "host", "-q", "--build-arg", f"BASE={base}",
                   "--label", f"{LABEL_DEF}={h}", "-t", tag, "-t", f"{image_name(lang)}:latest", ctx]
            res = subprocess.run(cmd, capture_output=True, text=True)
            if res.returncode != 0:
                raise SystemExit(f"{lang}: docker build failed:\n{res.stderr[-3000:]}")
        version = _docker("run", "--rm", "--network", "none", tag, *VERSION_CMD[lang]).stdout.strip()
        _log(f"{lang}: {tag} built ({version.splitlines()[0] if version else '?'})")
        out[lang] = tag
    return out


def _copy_rust_toolchain(dest: Path) -> None:
    root = _rust_sysroot()
    if root is None:
        raise SystemExit("rust: no host toolchain (`rustc --print sysroot`) to copy; install rustup's stable, "
                         "or build sandboxes/docker/rust/Dockerfile.official from a registry")
    dest.mkdir()
    for part in ("bin", "lib"):
        shutil.copytree(Path(root, part), dest / part, symlinks=True,
                        ignore=shutil.ignore_patterns("src", "rustc-src"))


def status() -> dict[str, str]:
    out = {}
    for lang in LANGS:
        tag = expected_tag(lang)
        out[lang] = f"{tag} present" if image_exists(tag) else f"{tag} missing"
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m irgroups.sandbox.docker.images")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the images that are missing or out of date")
    b.add_argument("langs", nargs="*", default=list(LANGS))
    b.add_argument("--base", choices=("auto", "registry", "debootstrap"), default="auto")
    b.add_argument("--mirror", default=os.environ.get("IRGROUPS_DEBIAN_MIRROR", "http://deb.debian.org/debian"))
    b.add_argument("--force", action="store_true")
    sub.add_parser("status", help="which images are present")
    args = ap.parse_args(argv)
    if args.cmd == "build":
        bad = [x for x in args.langs if x not in LANGS]
        if bad:
            ap.error(f"unknown language(s): {bad}; choose from {LANGS}")
        for lang, tag in build(args.langs, args.base, args.mirror, args.force).items():
            print(f"{lang}\t{tag}")
    else:
        for lang, line in status().items():
            print(f"{lang}\t{line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
