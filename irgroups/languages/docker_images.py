"""Build the Docker sandbox's images (irgroups/sandbox/docker/images.py), one per registered language.

    python -m irgroups.languages.docker_images build [--base auto|registry|debootstrap] [LANG ...]
    python -m irgroups.languages.docker_images status
"""

from __future__ import annotations

import argparse
import os

from irgroups import languages
from irgroups.languages import toolchains
from irgroups.sandbox.docker import images


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m irgroups.languages.docker_images")
    imgs = ap.add_subparsers(dest="cmd", required=True)
    known = list(languages.LANGUAGES)
    b = imgs.add_parser("build", help="build the images that are missing or out of date")
    b.add_argument("langs", nargs="*", default=known)
    b.add_argument("--base", choices=("auto", "registry", "debootstrap"), default="auto")
    b.add_argument("--mirror", default=os.environ.get("IRGROUPS_DEBIAN_MIRROR", "http://deb.debian.org/debian"))
    b.add_argument("--force", action="store_true")
    imgs.add_parser("status", help="which images are present")
    args = ap.parse_args(argv)
    if args.cmd == "build":
        bad = [x for x in args.langs if x not in known]
        if bad:
            ap.error(f"unknown language(s): {bad}; choose from {known}")
        specs = toolchains.image_specs(languages.get(x) for x in args.langs)
        for lang, tag in images.build(specs, args.base, args.mirror, args.force).items():
            print(f"{lang}\t{tag}")
    else:
        for lang, line in images.status(toolchains.image_specs()).items():
            print(f"{lang}\t{line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
