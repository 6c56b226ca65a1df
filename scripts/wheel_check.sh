#!/usr/bin/env bash
# Install irgroups as a new user would: build the wheel, install it (core dependencies only, from
# PyPI) in a fresh virtualenv outside this checkout, and build a few groups from a directory outside
# it, so nothing is found through the checkout. Exits non-zero if any step fails.
#   PYTHON=python3.11 bash scripts/wheel_check.sh    # the interpreter that builds and runs (default .venv's)
#   KEEP=1 bash scripts/wheel_check.sh               # keep the temporary directory
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
if [[ -n "${PYTHON:-}" ]]; then PY=$PYTHON
elif [[ -x "$REPO/.venv/bin/python" ]]; then PY="$REPO/.venv/bin/python"
else PY=python3
fi
[[ -x "$HOME/.cargo/bin/rustc" ]] && export PATH="$HOME/.cargo/bin:$PATH"
# nothing may point back into the checkout
unset IRGROUPS_DATA IRGROUPS_SANDBOXES PYTHONPATH VIRTUAL_ENV

WORK=$(mktemp -d "${TMPDIR:-/tmp}/irgroups-wheel-check.XXXXXX")
case "$WORK/" in "$REPO"/*) echo "wheel_check: $WORK is inside the checkout $REPO" >&2; exit 1 ;; esac
if [[ "${KEEP:-0}" == 1 ]]; then echo "wheel_check: keeping $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi
start=$SECONDS
step() { echo "wheel_check [$((SECONDS - start))s]: $*"; }

# 1. the wheel, built from a copy of the tracked (and new, not ignored) files: no build/ or
#    egg-info left in the checkout, no stray files in the wheel
step "copying the source tree to $WORK/src"
mkdir -p "$WORK/src"
if git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$REPO" && git ls-files -z -co --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$WORK/src"
else
  tar -C "$REPO" --exclude=.venv --exclude=.git --exclude=runs --exclude=build --exclude=dist \
      --exclude='*.egg-info' --exclude=__pycache__ -cf - . | tar -xf - -C "$WORK/src"
fi
isolation=()
if "$PY" -c 'import sys, setuptools; sys.exit(int(setuptools.__version__.split(".")[0]) < 77)' 2>/dev/null; then
  isolation=(--no-build-isolation)  # the build backend is here already: no download
fi
step "building the wheel with $PY -m pip wheel --no-deps ${isolation[*]}"
"$PY" -m pip wheel -q --no-deps "${isolation[@]}" -w "$WORK/dist" "$WORK/src"
wheel=$(ls "$WORK"/dist/irgroups-*.whl)
step "built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"

# 2. a fresh virtualenv, the wheel and its core dependencies only
step "creating a fresh venv in $WORK/venv and installing the wheel (core dependencies from PyPI)"
"$PY" -m venv "$WORK/venv"
if ! "$WORK/venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel" >"$WORK/pip.log" 2>&1; then
  grep -v "^WARNING: Location '.*' is ignored" "$WORK/pip.log" | tail -40 >&2
  echo "wheel_check: pip install of the wheel failed" >&2
  exit 1
fi
# from here on, outside the checkout (python -c puts the current directory first on sys.path)
mkdir -p "$WORK/cwd"
cd "$WORK/cwd"
installed=$("$WORK/venv/bin/python" -c 'import irgroups, os; print(os.path.dirname(irgroups.__file__))')
case "$installed" in
  "$WORK/venv/"*) step "irgroups imports from $installed" ;;
  *) echo "wheel_check: irgroups imports from $installed, not the fresh venv" >&2; exit 1 ;;
esac

# 3. a build from a directory outside the checkout
step "irgroups build --langs rust --limit 5 --out ./run --no-progress (in $WORK/cwd)"
"$WORK/venv/bin/irgroups" build --langs rust --limit 5 --out ./run --no-progress
rows=$("$WORK/venv/bin/python" - <<'EOF'
import glob
import pyarrow.parquet as pq
files = sorted(glob.glob("run/groups/**/*.parquet", recursive=True))
print(sum(pq.ParquetFile(f).metadata.num_rows for f in files))
EOF
)
if [[ "$rows" -lt 1 ]]; then
  echo "wheel_check: no groups written under $WORK/cwd/run/groups" >&2
  exit 1
fi
step "ok: $rows groups written by the installed wheel"
