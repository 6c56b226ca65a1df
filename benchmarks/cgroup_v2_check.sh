#!/usr/bin/env bash
# The local sandbox on a cgroup v2 host (issue 16, item 5). No GPU needed: it is meant for the lent device
# machine because that one mounts the unified hierarchy alone (the dev hosts are v1/hybrid), with Python 3.12
# and g++ but no bwrap. From the repository root:
#
#     bash benchmarks/cgroup_v2_check.sh --prepare   # here: bwrap and prlimit (+ their libraries) into .devcarry/
#     bash benchmarks/cgroup_v2_check.sh             # there (device run: carry [".devcarry"], timeout_s 480);
#                                                    # about a minute, 7 at most
#
# What a PASS row proves, on that kernel:
#   detect       cgroup_version() says v2 and the sandbox takes the v2 path (its note says where the job
#                groups are and what it reads: memory.events, memory.peak, cpu.stat, cgroup.kill), or
#                says why not (then the sandbox runs on rlimits alone, as `irgroups sandbox check` says)
#   memory_bomb  64 MiB blocks touched without end: memory_limit, with memory.events oom_kill >= 1 and
#                memory.peak at the cap (memory.max enforced, OOM detected from the kernel's count)
#   fork_bomb    forks until fork fails: fewer processes than pids.max, fork failing with EAGAIN,
#                pids.events max >= 1 (pids.max enforced)
#   cpu_spin     an endless loop: timeout at its CPU limit, read from cpu.stat (cpu_s near run_seconds)
#   escape       double fork + setsid, the grandchild sleeping on: no process of it left and the group
#                removed (cgroup.kill)
#   batch        the four in one supervised batch (the supervisor reads memory.events, memory.current
#                and cpu.stat through its read-only /cg bind)
# Each in two modes: "sandbox" (bwrap, as builds run) and "cgroup" (bwrap left out: the step's group alone
# stands between the program and the machine, so `escape` there proves cgroup.kill, as no pid namespace
# kills the grandchild). The counters are read just before the sandbox removes each group. Without a usable
# bwrap the sandbox rows are SKIPPED; without a cgroup in use the cgroup rows are (and the sandbox rows show
# the rlimit fallback). Then tests/test_cgroup_v2.py runs (pytest --noconftest): its real-kernel tests meet
# a v2 kernel with controllers there.
# Not proved here: the v1 path (tests/test_hostile.py on a v1 host), delegation to a non-root user (systemd).
#
# The no-internal-processes rule: where the script's own cgroup holds other processes too (a container's
# init, the command runner), the sandbox cannot enable memory and pids for its children and falls back; the
# first detect row shows that, as found. The script then delegates as a container entrypoint does (skip
# with CGROUP_CHECK_DELEGATE=0): every process of that cgroup moves into a leaf <own>/irgroups-check-init,
# +memory +pids is enabled in <own>, and the checks run in <own>/irgroups-check, a cgroup of their own;
# undone at the end (best effort: the machine is given back after anyway).
#
# Everything goes to $OUT/cgroup_v2_check.log, the table to $OUT/cgroup_v2_check_summary.txt.
# Settings: CGROUP_CHECK_PYTHON (python3), CGROUP_CHECK_SCRATCH (/tmp/cgroup_v2_check), CGROUP_CHECK_CARRY
# (.devcarry), CGROUP_CHECK_DELEGATE (1). A dry run on a v1 host runs the v1 path through the same rows.
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
CARRY=${CGROUP_CHECK_CARRY:-$REPO/.devcarry}
PY=${CGROUP_CHECK_PYTHON:-python3}

if [[ ${1:-} == --prepare ]]; then  # the bwrap/prlimit part of benchmarks/gpu_check_prepare.sh
  exclude=$(git rev-parse --git-path info/exclude)
  mkdir -p "$(dirname "$exclude")"
  grep -qx '/.devcarry/' "$exclude" 2>/dev/null || echo '/.devcarry/' >> "$exclude"
  mkdir -p "$CARRY/bin" "$CARRY/lib"
  for exe in bwrap prlimit; do
    cp "$(command -v $exe)" "$CARRY/bin/"
    ldd "$(command -v $exe)" | awk '/=> \//{print $3}' | while read -r lib; do
      case "$(basename "$lib")" in libc.so.*|ld-linux*|libm.so.*) ;; *) cp -L "$lib" "$CARRY/lib/" ;; esac
    done
  done
  ls -l "$CARRY/bin" "$CARRY/lib"
  exit 0
fi

OUTDIR=${OUT:-/tmp/cgroup_v2_check_out}
SCRATCH=${CGROUP_CHECK_SCRATCH:-/tmp/cgroup_v2_check}
mkdir -p "$OUTDIR"
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH/bin"
exec > >(tee "$OUTDIR/cgroup_v2_check.log") 2>&1
export PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PYTHONPATH=$REPO${PYTHONPATH:+:$PYTHONPATH}

echo "== env"
echo "host: $(uname -srm); $(grep PRETTY_NAME /etc/os-release 2>/dev/null); cpus $(nproc); user $(id -un)"
MOUNT=/sys/fs/cgroup
[[ -f $MOUNT/cgroup.controllers ]] || MOUNT=/sys/fs/cgroup/unified
OWNPATH=$(awk -F: '$1 == "0" && $2 == "" {print $3}' /proc/self/cgroup)
OWN=$MOUNT${OWNPATH%/}
echo "/sys/fs/cgroup: $(stat -fc %T /sys/fs/cgroup 2>/dev/null) ($(findmnt -no FSTYPE,OPTIONS /sys/fs/cgroup 2>/dev/null))"
echo "/proc/self/cgroup: $(tr '\n' ' ' < /proc/self/cgroup)"
echo "own cgroup: $OWN; cgroup.controllers: $(cat "$OWN/cgroup.controllers" 2>/dev/null || echo '?');" \
  "subtree_control: $(cat "$OWN/cgroup.subtree_control" 2>/dev/null || echo '?');" \
  "processes: $(wc -l < "$OWN/cgroup.procs" 2>/dev/null || echo '?')"
echo "root cgroup.controllers: $(cat "$MOUNT/cgroup.controllers" 2>/dev/null || echo none)"
for t in bwrap prlimit g++ setsid /usr/bin/python3 "$PY"; do printf 'tool %-18s %s\n' "$t" "$(command -v "$t" || echo MISSING)"; done

# bubblewrap and prlimit: the machine's own, else the carried ones (as benchmarks/gpu_check.sh does)
for exe in bwrap prlimit; do
  if ! command -v "$exe" >/dev/null && [[ -f $CARRY/bin/$exe ]]; then
    cp "$CARRY/bin/$exe" "$SCRATCH/bin/$exe.real"
    chmod +x "$SCRATCH/bin/$exe.real"
    printf '#!/bin/sh\nLD_LIBRARY_PATH=%s exec %s "$@"\n' "$CARRY/lib" "$SCRATCH/bin/$exe.real" > "$SCRATCH/bin/$exe"
    chmod +x "$SCRATCH/bin/$exe"
    echo "$exe: from $CARRY"
  fi
done
export PATH="$SCRATCH/bin:$PATH"
echo "bwrap: $(command -v bwrap || echo 'MISSING: the sandbox rows are skipped (bash benchmarks/cgroup_v2_check.sh --prepare here, carry .devcarry)')"

cat > "$SCRATCH/check.py" <<'EOF'
"""The rows of benchmarks/cgroup_v2_check.sh: `check.py detect` or `check.py run SUMMARY`."""
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from irgroups.sandbox import cgroups, local
from irgroups.sandbox.base import Job, Limits, Runtime

found, note = local.choose_cgroups()
print(f"detect: cgroup_version() = {cgroups.cgroup_version()}; local sandbox: {note}")
print(f"detect: this process now in {cgroups.own_cgroup(Path('/proc/self/cgroup').read_text())}")
if sys.argv[1] == "detect":
    sys.exit(0 if found is not None and found.version == "v2" else 1)

SCRATCH = Path(os.environ["SCRATCH"])
LIMITS = Limits(run_seconds=1.0, memory_mb=512, processes=32, compile_seconds=60.0)
MARKER = "987651"
SOURCES = {
    "memory_bomb": r"""#include <cstdio>
#include <cstdlib>
#include <cstring>
int main() {
    for (size_t n = 1;; n++) {
        char *p = (char *)malloc(64 << 20);
        if (!p) { puts("malloc failed"); return 3; }
        memset(p, 1, 64 << 20);
        fprintf(stderr, "%zu MiB\n", n * 64);
    }
}
""",
    # bounded where nothing caps processes: 2000 children at most
    "fork_bomb": r"""#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>
int main() {
    int ok = 0, failed = 0, err = 0;
    while (ok < 2000 && failed < 50) {
        pid_t p = fork();
        if (p == 0) { pause(); _exit(0); }
        if (p < 0) { failed++; err = errno; } else ok++;
    }
    printf("forks=%d failed=%d errno=%s\n", ok, failed, err == EAGAIN ? "EAGAIN" : err ? strerror(err) : "none");
    return 0;
}
""",
    "cpu_spin": "int main() { volatile unsigned long x = 0; for (;;) x++; }\n",
    "escape": r"""#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>
int main() {
    pid_t p = fork();
    if (p == 0) {
        setsid();
        if (fork() == 0) { execl("/bin/sleep", "sleep", "@MARKER@", (char *)0); _exit(1); }
        _exit(0);
    }
    waitpid(p, 0, 0);
    puts("escaped");
    return 0;
}
""".replace("@MARKER@", MARKER),
}

# each step's counters, read just before the sandbox removes its group(s)
SNAPS = []


def _keyed(path):
    try:
        return cgroups.keyed(Path(path).read_text())
    except OSError:
        return {}


def _value(path):
    try:
        return cgroups.value(Path(path).read_text())
    except OSError:
        return None


def snapshot(cg):
    if isinstance(cg, cgroups.V2Step):
        d = cg.dir
        return {"dir": d, "oom_kill": _keyed(d / "memory.events").get("oom_kill"),
                "peak": _value(d / "memory.peak"), "pids_max_hits": _keyed(d / "pids.events").get("max"),
                "usage_usec": _keyed(d / "cpu.stat").get("usage_usec"), "kill": (d / "cgroup.kill").exists()}
    oom = _keyed(cg.mem / "memory.oom_control").get("oom_kill")
    return {"dir": cg.mem, "oom_kill": oom, "peak": _value(cg.mem / "memory.max_usage_in_bytes"),
            "pids_max_hits": _keyed(cg.pids / "pids.events").get("max"), "usage_usec": None, "kill": False}


def recording(close):
    def wrapped(self):
        SNAPS.append(snapshot(self))
        close(self)
    return wrapped


cgroups.V2Step.close = recording(cgroups.V2Step.close)
local._Cgroup.close = recording(local._Cgroup.close)


def survivors():
    out = []
    for e in Path("/proc").iterdir():
        if e.name.isdigit() and int(e.name) != os.getpid():
            try:
                if f"sleep\0{MARKER}".encode() in (e / "cmdline").read_bytes():
                    out.append(int(e.name))
            except OSError:
                pass
    return out


def judge(case, step, snap, mode):
    """(evidence, verdict) of one program's result."""
    cg = snap is not None
    mib = None if not cg or snap["peak"] is None else snap["peak"] / (1 << 20)
    ev = []
    if cg:
        ev.append(f"oom_kill={snap['oom_kill']} peak={'-' if mib is None else f'{mib:.0f}'}MiB "
                  f"pids.max_hits={snap['pids_max_hits']}")
    if case == "memory_bomb":
        ok = step.status == "memory_limit" and (not cg or (snap["oom_kill"] or 0) >= 1)
    elif case == "fork_bomb":
        m = re.search(r"forks=(\d+) failed=(\d+) errno=(\S+)", step.stdout)
        ev.append(m.group(0) if m else "no count printed")
        ok = bool(m) and int(m.group(1)) < LIMITS.processes and m.group(3) == "EAGAIN" and \
            (not cg or (snap["pids_max_hits"] or 0) >= 1 or mode == "batch")
    elif case == "cpu_spin":
        rs = LIMITS.run_seconds
        ok = step.status == "timeout" and step.cpu_seconds is not None and 0.8 * rs <= step.cpu_seconds <= 1.5 * rs + 0.5
    else:  # escape
        time.sleep(0.3)
        left = survivors()
        ev.append(f"survivors={left or 0}" + (f" group removed={not Path(snap['dir']).exists()}"
                                              f" cgroup.kill={snap['kill']}" if cg else ""))
        ok = not left and (not cg or not Path(snap["dir"]).exists())
        for pid in left:  # never leave one behind
            os.kill(pid, 9)
    if not cg and mode != "batch":
        ev.append("no cgroup")
    return "; ".join(ev), "PASS" if ok else "FAIL"


def main():
    summary = Path(sys.argv[2])
    rows = []
    box = local.LocalSandbox(workdir=str(SCRATCH))
    problems = box.problems()
    rt = Runtime()
    modes = ["sandbox", "cgroup"]
    for mode in modes:
        if mode == "sandbox" and problems:
            rows += [(mode, c, "SKIPPED", "", "", "", "", "; ".join(problems)[:80], "SKIP") for c in SOURCES]
            continue
        if mode == "cgroup" and (not box.has_cgroups or shutil.which("prlimit") is None):
            why = "no cgroup in use" if not box.has_cgroups else "no prlimit"
            rows += [(mode, c, "SKIPPED", "", "", "", "", why, "SKIP") for c in SOURCES]
            continue
        for case, src in SOURCES.items():
            if mode == "sandbox":
                job = Job("cpp", {"prog.cpp": src}, ["/job/prog"], ["g++", "-O1", "-o", "/job/prog", "/job/prog.cpp"],
                          limits=LIMITS, runtime=rt)
            else:  # bwrap left out: the program runs on the machine, in the step's group alone
                exe = SCRATCH / f"{case}.bin"
                (SCRATCH / f"{case}.cpp").write_text(src)
                subprocess.run(["g++", "-O1", "-o", str(exe), str(SCRATCH / f"{case}.cpp")], check=True)
                box._bwrap_argv = lambda *a, **k: []
                job = Job("cpp", {}, [str(exe)], limits=LIMITS, runtime=rt)
            SNAPS.clear()
            res = box.run(job)
            step = res.run if res.run is not None else res.compile
            snap = SNAPS[-1] if SNAPS and box.has_cgroups else None
            evidence, verdict = judge(case, step, snap, mode)
            if res.run is None:
                evidence, verdict = f"compile: {step.stderr[-200:]!r}", "FAIL"
            rows.append((mode, case, step.status, str(step.exit_code), f"{step.cpu_seconds}", f"{step.peak_memory_mb}",
                         f"{step.seconds:.2f}", evidence, verdict))
            print(f"row: {' | '.join(rows[-1])}", flush=True)
        if mode == "sandbox":
            files = {f"{c}.cpp": s for c, s in SOURCES.items()}
            build = " && ".join(f"g++ -O1 -o /job/{c} /job/{c}.cpp" for c in SOURCES)
            job = Job("cpp", files, [], ["sh", "-c", build], limits=LIMITS, runtime=rt,
                      runs=tuple(((f"/job/{c}",), "") for c in SOURCES))
            res = box.run(job)
            for case, step in zip(SOURCES, res.runs):
                evidence, verdict = judge(case, step, None, "batch")
                rows.append(("batch", case, step.status, str(step.exit_code), f"{step.cpu_seconds}",
                             f"{step.peak_memory_mb}", f"{step.seconds:.2f}", evidence, verdict))
                print(f"row: {' | '.join(rows[-1])}", flush=True)
            if res.compile is not None and res.compile.status != "ok":
                rows.append(("batch", "compile", res.compile.status, "", "", "", "", res.compile.stderr[-80:], "FAIL"))
    box.close()
    head = ("mode", "case", "status", "exit", "cpu_s", "peak_MiB", "wall_s", "evidence", "verdict")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    lines = [f"cgroup_v2_check: {note}", ""]
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in [head, *rows]]
    fails = sum(r[-1] == "FAIL" for r in rows)
    lines += ["", f"{sum(r[-1] == 'PASS' for r in rows)} PASS, {fails} FAIL, {sum(r[-1] == 'SKIP' for r in rows)} SKIP"]
    summary.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    sys.exit(1 if fails else 0)


main()
EOF

echo
echo "== detect, as found (what \`irgroups sandbox check\` would say here)"
SCRATCH=$SCRATCH timeout 60 "$PY" "$SCRATCH/check.py" detect
v2_as_found=$?

RUNIN=""  # the cgroup the checks run in, where the script delegated one
restore() {
  [[ -n $RUNIN ]] || return 0
  echo "== restore: the processes moved into $OWN/irgroups-check-init go back to $OWN"
  find "$RUNIN" -mindepth 1 -depth -type d -exec rmdir {} \; 2>/dev/null
  rmdir "$RUNIN" 2>/dev/null
  echo "-memory -pids" > "$OWN/cgroup.subtree_control" 2>/dev/null || echo "restore: controllers stay enabled in $OWN"
  for pid in $(cat "$OWN/irgroups-check-init/cgroup.procs" 2>/dev/null); do echo "$pid" > "$OWN/cgroup.procs" 2>/dev/null; done
  rmdir "$OWN/irgroups-check-init" 2>/dev/null || echo "restore: $OWN/irgroups-check-init stays"
}
trap restore EXIT

# only on a v2 host (no v1 memory dir) whose own cgroup is offered memory and pids
offered=" $(cat "$OWN/cgroup.controllers" 2>/dev/null) "
if (( v2_as_found != 0 )) && [[ ! -d /sys/fs/cgroup/memory && $offered == *" memory "* && $offered == *" pids "* ]] \
    && [[ ${CGROUP_CHECK_DELEGATE:-1} == 1 ]]; then
  echo
  echo "== delegate: every process of $OWN into $OWN/irgroups-check-init, +memory +pids in $OWN"
  if mkdir -p "$OWN/irgroups-check-init" "$OWN/irgroups-check"; then
    RUNIN=$OWN/irgroups-check
    for try in 1 2 3 4 5; do  # a process started meanwhile would hold the enabling back: move again
      for pid in $(cat "$OWN/cgroup.procs"); do echo "$pid" > "$OWN/irgroups-check-init/cgroup.procs" 2>/dev/null; done
      if echo "+memory +pids" > "$OWN/cgroup.subtree_control"; then echo "delegate: enabled (try $try)"; break; fi
      sleep 0.2
    done
    echo "delegate: $OWN subtree_control: $(cat "$OWN/cgroup.subtree_control"); left in it: $(wc -l < "$OWN/cgroup.procs")"
  fi
fi

echo
echo "== checks${RUNIN:+ (in $RUNIN, a cgroup of their own)}"
# timeout stays outside; the shell joins the cgroup and becomes python, its only process
SCRATCH=$SCRATCH timeout -k 5 240 sh -c "${RUNIN:+echo \$\$ > $RUNIN/cgroup.procs && }exec \"\$0\" \"\$@\"" \
  "$PY" "$SCRATCH/check.py" run "$OUTDIR/cgroup_v2_check_summary.txt"
rc=$?
echo "checks: exit $rc"

echo
echo "== tests/test_cgroup_v2.py"
# in the checks' leaf where the script delegated (the sandbox there reuses the subtree: the real-kernel
# setup test then runs its memory and fork bombs), else where the script runs
PYTEST_IN=""
if [[ -d $RUNIN/irgroups-supervisor ]]; then PYTEST_IN=$RUNIN/irgroups-supervisor; elif [[ -n $RUNIN ]]; then PYTEST_IN=$RUNIN; fi
if "$PY" -c "import pytest" 2>/dev/null; then
  timeout -k 5 120 sh -c "${PYTEST_IN:+echo \$\$ > $PYTEST_IN/cgroup.procs && }exec \"\$0\" \"\$@\"" \
    "$PY" -m pytest --noconftest -p no:cacheprovider -q -rs tests/test_cgroup_v2.py > "$SCRATCH/pytest.log" 2>&1
  prc=$?
  tail -n 25 "$SCRATCH/pytest.log"
  echo "pytest tests/test_cgroup_v2.py: exit $prc ($(tail -n 1 "$SCRATCH/pytest.log"))" | tee -a "$OUTDIR/cgroup_v2_check_summary.txt"
else
  echo "pytest: not installed here, skipped"
fi
exit $rc
