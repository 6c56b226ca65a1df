#!/usr/bin/env bash
# Build (or reuse) the Docker sandbox images: irgroups-sandbox-<lang>:<definition hash>.
# Cached: an image whose label carries the current definition hash is not rebuilt.
# Without a registry the base is debootstrapped from the Debian mirror and `docker import`ed.
#   bash scripts/docker_images.sh                      # all languages, base: registry if reachable, else debootstrap
#   bash scripts/docker_images.sh rust go csharp       # some languages
#   IRGROUPS_DOCKER_BASE=debootstrap bash scripts/docker_images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
[[ -x "$PY" ]] || PY=python3
if ! docker info >/dev/null 2>&1; then
  echo "docker daemon not reachable (start it: dockerd >/tmp/dockerd.log 2>&1 &)" >&2
  exit 1
fi
if ! command -v rustc >/dev/null 2>&1 && [[ -x "$HOME/.cargo/bin/rustc" ]]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
exec "$PY" -m irgroups.languages.docker_images build --base "${IRGROUPS_DOCKER_BASE:-auto}" "$@"
