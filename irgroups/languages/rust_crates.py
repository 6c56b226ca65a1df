"""The Rust crates HumanEval-X's programs may use, built once, offline, into rlibs.

HumanEval-X's harness compiles every Rust program in a cargo project with rand = "0.4",
regex = "1" and md5 = "0.7.0" (its declarations `use` all three). None can be fetched here:
they are built from Debian's packaged sources (librust-rand-dev, librust-regex-dev,
librust-md5-dev, under /usr/share/cargo/registry) by `sandboxes/rust-crates/`, a cargo
project built with crates.io replaced by that directory. rand: Debian has 0.8 only, so
`rand04/` there is the 0.4 API the programs are written against (`gen_range(low, high)`),
on top of it. regex 1.7 and md5 0.7 are the versions the harness asks for.

The rlibs go to ROOT/<key>, the key hashing the compiler (`rustc -vV`: an rlib is only
readable by the rustc that made it) and the project's files. ROOT is under /usr, so the local
sandbox sees it (it binds /usr read-only) and the rust Docker image carries the host's copy
at the same path (irgroups/languages/rust.py): a program's `rustc --extern rand=...` line is
the same in both. A program that needs a crate gets, next to its usual flags,

    --extern rand=ROOT/<key>/librand-<h>.rlib --extern regex=... --extern md5=... -L dependency=ROOT/<key>

Where they cannot be built (no Debian sources, no cargo, ROOT not writable) the programs that
need them are `unsupported`, with the reason. Built by scripts/setup.sh, else on first need:

    python -m irgroups.languages.rust_crates build [--force] | status
"""

from __future__ import annotations

import argparse
import fcntl
import functools
import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from irgroups.languages.rust import host_sysroot
from irgroups.paths import sandboxes_dir

log = logging.getLogger(__name__)

ROOT = Path("/usr/local/lib/irgroups/rust-crates")
REGISTRY = Path("/usr/share/cargo/registry")
# crate -> (Debian package of its sources, the version prefix the project asks for)
CRATES = {"rand": ("librust-rand-dev", "0.8."), "regex": ("librust-regex-dev", "1."),
          "md5": ("librust-md5-dev", "0.7.")}
MANIFEST = "crates.json"
_CARGO_CONFIG = f"""\
[source.crates-io]
replace-with = "debian"

[source.debian]
directory = "{REGISTRY}"

[net]
offline = true
"""


class CratesUnavailable(Exception):
    """The crates cannot be built or found here (the message says why and how to fix it)."""


@dataclass(frozen=True)
class Built:
    """The rlibs of one build: `externs` maps each crate name to its rlib's file name in `dir`."""

    dir: Path
    externs: dict[str, str]

    def rustc_args(self) -> list[str]:
        args = []
        for name, rlib in sorted(self.externs.items()):
            args += ["--extern", f"{name}={self.dir / rlib}"]
        return [*args, "-L", f"dependency={self.dir}"]


def source_dir() -> Path | None:
    shipped = sandboxes_dir()
    src = shipped / "rust-crates" if shipped is not None else None
    return src if src is not None and (src / "Cargo.toml").is_file() else None


@functools.cache
def _rustc_vv() -> str:
    root = host_sysroot()
    if root is None:
        return ""
    out = subprocess.run([os.path.join(root, "bin", "rustc"), "-vV"], capture_output=True, text=True, timeout=60)
    return out.stdout if out.returncode == 0 else ""


@functools.cache
def key() -> str:
    """This compiler's and this project's build (empty when there is no rustc or no project)."""
    src, vv = source_dir(), _rustc_vv()
    if src is None or not vv:
        return ""
    h = hashlib.sha256(vv.encode())
    for f in sorted(p for p in src.rglob("*") if p.is_file() and "target" not in p.relative_to(src).parts):
        h.update(str(f.relative_to(src)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def built() -> Built | None:
    """The rlibs built for this compiler and project, if they are here."""
    k = key()
    if not k:
        return None
    d = ROOT / k
    try:
        externs = json.loads((d / MANIFEST).read_text())["externs"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if set(externs) != set(CRATES) or not all((d / f).is_file() for f in externs.values()):
        return None
    return Built(d, dict(externs))


def _cargo() -> str | None:
    root = host_sysroot()
    local = os.path.join(root, "bin", "cargo") if root else ""
    return local if local and os.access(local, os.X_OK) else shutil.which("cargo")


def _sources() -> dict[str, str]:
    """crate -> the version of Debian's sources found under REGISTRY ("" where none fits)."""
    found = {}
    for crate, (_, prefix) in CRATES.items():
        names = sorted(p.name for p in REGISTRY.glob(f"{crate}-{prefix}*") if (p / "Cargo.toml").is_file())
        found[crate] = names[-1][len(crate) + 1:] if names else ""
    return found


def missing() -> str:
    """Why the crates cannot be built here ("" when they can)."""
    if host_sysroot() is None:
        return "no rustc"
    if source_dir() is None:
        return "sandboxes/rust-crates not found"
    if _cargo() is None:
        return "no cargo beside rustc (rustup's minimal profile has it)"
    absent = [CRATES[c][0] for c, v in _sources().items() if not v]
    if absent:
        return f"Debian's crate sources missing: apt-get install -y {' '.join(absent)}"
    probe = ROOT
    while not probe.exists():
        probe = probe.parent
    if not os.access(probe, os.W_OK):
        return f"{ROOT} not writable: build them as root (python -m irgroups.languages.rust_crates build)"
    return ""


def build(force: bool = False) -> Built:
    """Build the rlibs into ROOT/<key> (once: another process building them is waited for)."""
    why = missing()
    if why:
        raise CratesUnavailable(why)
    ROOT.mkdir(parents=True, exist_ok=True)
    with open(ROOT / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        have = built()
        if have is not None and not force:
            return have
        return _build_locked()


def _build_locked() -> Built:
    src, cargo, root = source_dir(), _cargo(), host_sysroot()
    assert src is not None and cargo is not None and root is not None
    dest = ROOT / key()
    log.info("building the HumanEval-X Rust crates (rand 0.4 API, regex, md5) into %s", dest)
    with tempfile.TemporaryDirectory(prefix="irgroups-crates-") as tmp:
        work, home = Path(tmp, "src"), Path(tmp, "cargo-home")
        shutil.copytree(src, work, ignore=shutil.ignore_patterns("target", "Cargo.lock"))
        home.mkdir()
        (home / "config.toml").write_text(_CARGO_CONFIG)
        env = {**os.environ, "CARGO_HOME": str(home), "RUSTC": os.path.join(root, "bin", "rustc"),
               "CARGO_TARGET_DIR": str(Path(tmp, "target")), "RUSTFLAGS": "", "CARGO_BUILD_JOBS": "2"}
        env.pop("RUSTC_WRAPPER", None)
        res = subprocess.run([cargo, "build", "--offline", "--release", "--message-format=json-render-diagnostics"],
                             cwd=work, env=env, capture_output=True, text=True, timeout=1800)
        if res.returncode != 0:
            raise CratesUnavailable(f"cargo build of {src} failed: {res.stderr.strip()[-2000:]}")
        externs: dict[str, str] = {}
        rlibs: list[Path] = []
        for line in res.stdout.splitlines():
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            if msg.get("reason") != "compiler-artifact":
                continue
            files = [Path(f) for f in msg.get("filenames", []) if f.endswith((".rlib", ".so"))]
            rlibs += files
            manifest = Path(msg.get("manifest_path", ""))
            name = msg.get("target", {}).get("name", "")
            ours = manifest.parent == work / "rand04"  # the 0.4 API, not Debian's rand 0.8
            if name in CRATES and (ours if name == "rand" else manifest.parent.parent == REGISTRY):
                externs[name] = next(f.name for f in files if f.suffix == ".rlib")
        if set(externs) != set(CRATES):
            raise CratesUnavailable(f"cargo built no rlib for {sorted(set(CRATES) - set(externs))}")
        staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=ROOT))
        for f in rlibs:
            shutil.copy2(f, staging / f.name)
        (staging / MANIFEST).write_text(json.dumps(
            {"externs": externs, "rustc": _rustc_vv(), "sources": _sources()}, indent=1, sort_keys=True) + "\n")
        os.chmod(staging, 0o755)
        for f in staging.iterdir():
            os.chmod(f, 0o644)
        if dest.exists():
            shutil.rmtree(dest)
        staging.rename(dest)
    have = built()
    if have is None:
        raise CratesUnavailable(f"{dest} incomplete after the build")
    return have


_lock = threading.Lock()
_ensured: list[tuple[Built | None, str]] = []


def ensure() -> tuple[Built | None, str]:
    """The built crates, building them on first need; (None, why) where they cannot be had.
    Asked once per process (a failed build is not retried)."""
    with _lock:
        if not _ensured:
            have = built()
            if have is not None:
                _ensured.append((have, ""))
            else:
                try:
                    _ensured.append((build(), ""))
                except (CratesUnavailable, OSError, subprocess.SubprocessError) as e:
                    _ensured.append((None, str(e)))
        return _ensured[0]


def fingerprint() -> str:
    """What the rust image copies of them (part of its definition hash)."""
    return f"crates {key()}" if built() is not None or not missing() else "crates none"


def copy_into(ctx: Path) -> None:
    """The built crates into an image's build context (ctx/crates/<key>/), built first where they
    can be; an empty ctx/crates where they cannot (the image then has none, as the host)."""
    dest = ctx / "crates"
    dest.mkdir()
    if fingerprint() == "crates none":
        return
    have, why = ensure()
    if have is None:
        raise SystemExit(f"rust: the HumanEval-X crates could not be built: {why}")
    shutil.copytree(have.dir, dest / have.dir.name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m irgroups.languages.rust_crates",
                                 description="HumanEval-X's Rust crates (rand 0.4 API, regex, md5), built offline")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build them for this rustc (nothing to do when built)")
    b.add_argument("--force", action="store_true")
    sub.add_parser("status", help="where they are, or why they are not")
    args = ap.parse_args(argv)
    if args.cmd == "build":
        try:
            have = build(force=args.force)
        except CratesUnavailable as e:
            print(f"rust crates: not built: {e}")
            return 1
        print(f"rust crates: {have.dir} ({', '.join(sorted(have.externs))})")
        return 0
    found = built()
    if found is not None:
        print(f"rust crates: built in {found.dir} ({', '.join(f'{k}: {v}' for k, v in sorted(found.externs.items()))})")
        return 0
    why = missing()
    print(f"rust crates: not built for this rustc; {why or 'buildable: python -m irgroups.languages.rust_crates build'}")
    return 1


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    raise SystemExit(main())
