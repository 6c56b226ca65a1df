#!/usr/bin/env bash
# Set up a fresh Debian 12 machine (as root): toolchains, a virtualenv, irgroups.
# Idempotent: a second run installs nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=0
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt=1
done < sandboxes/local/packages.txt
if [[ $need_apt == 1 ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  grep -v '^#' sandboxes/local/packages.txt | xargs apt-get install -y -qq --no-install-recommends >/dev/null
fi
if ! command -v rustc >/dev/null 2>&1; then
  [[ -x "$HOME/.cargo/bin/rustc" ]] && export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v rustc >/dev/null 2>&1; then
  apt-get install -y -qq --no-install-recommends rustc >/dev/null
fi

PY=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$PY" -m venv .venv
fi
.venv/bin/pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/pip install -q -e '.[dev,train,ray]'
# HumanEval-X's Rust crates for this rustc (rlibs under /usr/local/lib/irgroups/rust-crates; once)
.venv/bin/python -m irgroups.languages.rust_crates build || echo "(HumanEval-X Rust programs that use rand/regex/md5 will be unsupported)"
echo "setup done: $(.venv/bin/irgroups --version)"
