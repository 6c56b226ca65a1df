#!/usr/bin/env bash
# Set up (scripts/setup.sh), then lint, type-check and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
missing=$(grep -v '^#' sandboxes/local/test-packages.txt | while read -r p; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [[ -n "$missing" ]]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
[[ -x "$HOME/.cargo/bin/rustc" ]] && export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/start_docker.sh
.venv/bin/ruff check irgroups training tests benchmarks
.venv/bin/mypy
bash scripts/wheel_check.sh
set +e
.venv/bin/python -m pytest -p no:cacheprovider -q "$@"
rc=$?
set -e
if [[ $rc == 5 ]]; then
  echo "pytest collected no tests"
  rc=0
fi
exit $rc
