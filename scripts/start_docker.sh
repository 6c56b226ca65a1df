#!/usr/bin/env bash
# Start a Docker engine if none answers (a fresh CI machine has the client and no daemon),
# then build or reuse the sandbox images. Never fatal: the Docker tests skip without it.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v docker >/dev/null 2>&1; then
  echo "docker: not installed (apt-get install -y docker.io); Docker tests will be skipped"
  exit 0
fi
if ! docker info >/dev/null 2>&1; then
  command -v dockerd >/dev/null 2>&1 && (dockerd >/tmp/irgroups-dockerd.log 2>&1 &)
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
fi
if ! docker info >/dev/null 2>&1; then
  echo "docker: daemon did not start (see /tmp/irgroups-dockerd.log); Docker tests will be skipped"
  exit 0
fi
start=$(date +%s)
IRGROUPS_DOCKER_BASE=${IRGROUPS_DOCKER_BASE:-debootstrap} bash scripts/docker_images.sh python cpp rust go csharp \
  || echo "docker: image build failed; Docker tests will be skipped"
echo "docker: images ready in $(( $(date +%s) - start )) s"
