#!/usr/bin/env bash
# Set up (scripts/setup.sh), then run the main job on the embedded default:
# HumanEval + bundled problems -> rust, go, csharp groups under runs/default.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
[[ -x "$HOME/.cargo/bin/rustc" ]] && export PATH="$HOME/.cargo/bin:$PATH"
exec .venv/bin/irgroups build --recipe pipelines/default.toml "$@"
