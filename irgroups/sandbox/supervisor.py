"""Runs the programs of one batch, one after another, inside one sandbox.

Started by the local backend as `python3 -I -S supervisor.py PLAN OUT [MEMCG [CPUCG]]` within
bubblewrap (the cgroup dirs, where given, are the sandbox's own, read-only). Isolation between
the batch's programs:
- each program gets a fresh working directory and its own stdin (from the plan: nothing
  secret is in there; verdicts are decided outside the sandbox);
- after each program (and when it reaches a limit) every other process in the sandbox is
  killed (`kill(-1, SIGKILL)`), so nothing a program left behind meets the next one;
- each program's output is read and removed before the next starts, and the results
  file is written only when no program is left alive;
- the supervisor makes itself non-dumpable, so programs cannot trace or read it.
A program that kills the supervisor ends the batch without a results file; the host
then runs the batch's programs one sandbox each.

Limits per program (see `watch`): `seconds` of CPU time of the program, its threads and its
children (the cgroup's CPU counter, polled without waking a program that ends sooner), and a
wall clock `wall_seconds` that only stops programs that sleep or block. Each result carries
the program's CPU seconds and peak memory, from which the host decides the kind of a
resource failure (`resource_kind`): what the program did, not how busy the machine was.

Standard library only: it runs under the sandbox's /usr/bin/python3. The hosts import its
helpers (`watch`, `cpu_rlimit`, `resource_kind`, `CgroupView`) so both sides decide alike.
"""

import contextlib
import ctypes
import json
import math
import os
import resource
import select
import shutil
import signal
import subprocess
import sys
import time

PR_SET_DUMPABLE = 4
MEMORY, TIMEOUT = "memory_limit", "timeout"  # the step statuses of irgroups.sandbox.base
# a program that did not end normally with a peak this close to the memory cap is memory_limit,
# whichever limit stopped it
MEMORY_SHARE = 0.9
# The CPU time a memory hog takes to reach the cap is not the program's alone: on this VM the
# first touch of memory the host has taken back is ~10x slower, so the embedded default's Go
# append loop (a cmp_swap mutant of irgroups/run_length) needed 0.6 CPU s to fill 2 GiB warm and
# 8.8 s in a fresh container (and was at 87% of the cap after 4.5 s in another cold run). So a
# program that holds EXTEND_SHARE of the cap when its CPU time runs out gets more, a slice of
# EXTEND_SLICE of its limit at a time, for as long as each slice grew its memory by
# EXTEND_GROWTH of the cap (41 MB per CPU second for a 2 GiB cap and a 5 s limit; a cold hog
# grows ~350), up to EXTEND_MAX times the limit: a hog then reaches the cap, while an endless
# loop (a few MB, not growing) stops at its limit as before.
EXTEND_SHARE = 0.1
EXTEND_SLICE = 0.1
EXTEND_GROWTH = 0.01
EXTEND_MAX = 4.0
MIN_POLL_S = 0.005  # the CPU limit is overshot by at most this much per CPU
CPUS = max(1, len(os.sched_getaffinity(0))) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class CgroupView:
    """Reads a cgroup's counters, v1 (memory and cpuacct controller dirs) or v2 (one dir for both).

    Missing or unreadable files read as None: the caller falls back to what it has."""

    def __init__(self, memory_dir="", cpu_dir=""):
        self.cpu_file, self.cpu_v2 = None, False
        for d in (cpu_dir, memory_dir):
            if not d:
                continue
            if os.path.exists(os.path.join(d, "cpuacct.usage")):
                self.cpu_file = os.path.join(d, "cpuacct.usage")
                break
            if os.path.exists(os.path.join(d, "cpu.stat")):
                self.cpu_file, self.cpu_v2 = os.path.join(d, "cpu.stat"), True
                break
        self.usage_file = self.limit_file = self.events_file = None
        if memory_dir:
            for usage, limit, events in (("memory.usage_in_bytes", "memory.limit_in_bytes", "memory.oom_control"),
                                         ("memory.current", "memory.max", "memory.events")):
                if os.path.exists(os.path.join(memory_dir, usage)):
                    self.usage_file = os.path.join(memory_dir, usage)
                    self.limit_file = os.path.join(memory_dir, limit)
                    self.events_file = os.path.join(memory_dir, events)
                    break

    def cpu_seconds(self):
        if self.cpu_file is None:
            return None
        try:
            with open(self.cpu_file) as f:
                if not self.cpu_v2:
                    return int(f.read()) / 1e9
                for line in f:
                    if line.startswith("usage_usec "):
                        return int(line.split()[1]) / 1e6
        except (OSError, ValueError):
            pass
        return None

    def memory_share(self):
        """Memory in use now, as a share of the cgroup's limit."""
        if self.usage_file is None or self.limit_file is None:
            return None
        try:
            with open(self.usage_file) as f:
                usage = int(f.read())
            with open(self.limit_file) as f:
                text = f.read().strip()
            return usage / int(text) if text != "max" and int(text) > 0 else None
        except (OSError, ValueError):
            return None

    def oom_kills(self):
        if self.events_file is None:
            return None
        try:
            with open(self.events_file) as f:
                for line in f:
                    if line.startswith("oom_kill "):
                        return int(line.split()[1])
        except (OSError, ValueError):
            pass
        return None


def kill_all_others():
    """Everything we may signal, except ourselves and init; orphans are init's to reap."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(-1, signal.SIGKILL)


def _exited(proc, fd, seconds):
    """Whether `proc` has exited within `seconds`, leaving it unreaped (for `reap`)."""
    if fd is not None:
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        return bool(poller.poll(max(0, math.ceil(seconds * 1000))))
    deadline = time.monotonic() + seconds  # no pidfd (old kernel or Python): poll every 10 ms
    while True:
        if os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
            return True
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(0.01, left))


def watch(proc, cpu_limit, wall_limit, cpu_used=None, memory_share=None):
    """Wait for `proc` to exit; None if it did, else the limit it reached first: "cpu" (the
    callable `cpu_used` reached its budget: `cpu_limit`, more for a growing memory hog, see
    EXTEND_SHARE) or "wall" (`wall_limit`, grown in proportion). The caller kills and reaps it.

    The wait wakes the moment the process exits (a pidfd), so a program of a few milliseconds
    costs no polling (200 short Go programs under this supervisor: 2.11 ms each with a wall
    clock alone, 2.15 ms with the CPU counter read before and after); the counter is read only
    after as long as the program could take to spend what is left of its budget on every CPU,
    so a 5 s spinner costs a few dozen reads.
    Without `cpu_used` only the wall clock is watched (RLIMIT_CPU then stops a spinner)."""
    try:
        fd = os.pidfd_open(proc.pid)
    except (AttributeError, OSError):
        fd = None
    try:
        start = time.monotonic()
        budget, held = cpu_limit, None
        used = 0.0 if cpu_used is not None else None  # just started: no read before the first wait
        while True:
            wait = wall_limit * budget / cpu_limit - (time.monotonic() - start)
            if used is not None:
                left = budget - used
                if left <= 0:
                    share = memory_share() if memory_share is not None else None
                    growing = share is not None and (share >= EXTEND_SHARE if held is None
                                                     else share - held >= EXTEND_GROWTH)
                    if growing and budget < cpu_limit * EXTEND_MAX:
                        budget, held = min(budget + cpu_limit * EXTEND_SLICE, cpu_limit * EXTEND_MAX), share
                        continue
                    return "cpu"
                wait = min(wait, max(left / CPUS, MIN_POLL_S))
            if wait <= 0:
                return "wall"
            if _exited(proc, fd, wait):
                return None
            used = cpu_used() if cpu_used is not None else None
    finally:
        if fd is not None:
            os.close(fd)


def reap(proc):
    """Wait for `proc`; its CPU seconds and peak resident MiB (wait4: the process with all its
    threads and the children it waited for). Sets proc.returncode as Popen.wait would."""
    try:
        _, status, ru = os.wait4(proc.pid, 0)
    except ChildProcessError:  # reaped elsewhere already
        proc.wait()
        return None, None
    proc.returncode = os.waitstatus_to_exitcode(status)
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def cpu_rlimit(seconds, watched):
    """prlimit's --cpu value (`soft:hard`) for a program. RLIMIT_CPU counts each process apart, in
    whole seconds: where nothing watches the cgroup's CPU counter it is the limit (SIGXCPU, which
    `resource_kind` reads as a timeout, then SIGKILL a second later); where `watch` does, only a
    backstop past the longest budget it can give."""
    soft = math.ceil(seconds * EXTEND_MAX) + 1 if watched else math.ceil(seconds)
    return f"{soft}:{soft + 1}"


def resource_kind(exit_code, limit, oom, peak_mb, memory_mb):
    """MEMORY, TIMEOUT, or None (the program ended by itself, within its limits).

    Decided by what the program did: memory_limit if the OOM killer acted, or if it did not
    end normally with its peak at MEMORY_SHARE of the cap or more; timeout if it reached its
    CPU limit (`limit` "cpu", or SIGXCPU from RLIMIT_CPU: -24 from Popen, 152 from a shell or
    bwrap) or the wall clock (`limit` "wall"). `exit_code` is Popen's or a shell's."""
    if oom or (exit_code != 0 and peak_mb is not None and peak_mb >= MEMORY_SHARE * memory_mb):
        return MEMORY
    if limit is not None or exit_code in (-signal.SIGXCPU, 128 + signal.SIGXCPU):
        return TIMEOUT
    return None


def read_capped(path, limit):
    try:
        with open(path, "rb") as f:
            data = f.read(limit)
        os.unlink(path)
    except OSError:
        data = b""
    return data.decode("utf-8", errors="replace")


SCRUBBED = ("/tmp", "/dev/shm", "/dev/mqueue")


def scrub(out_dir):
    """Empty what one program could leave for the next in this sandbox: /tmp (but the results
    directory, which is emptied), /dev/shm, /dev/mqueue, and System V IPC objects."""
    keep = os.path.abspath(out_dir)
    for root in SCRUBBED:
        try:
            names = os.listdir(root)
        except OSError:
            continue
        for name in names:
            path = os.path.join(root, name)
            if path == keep or keep.startswith(path + os.sep):
                continue
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(path)
    with contextlib.suppress(OSError):
        for name in os.listdir(keep):
            path = os.path.join(keep, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(path)
    if _ipc_objects() and shutil.which("ipcrm"):
        subprocess.run(["ipcrm", "--all"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def _ipc_objects():
    """Whether any System V shared memory, queue or semaphore set exists (this IPC namespace)."""
    for kind in ("shm", "msg", "sem"):
        try:
            with open(f"/proc/sysvipc/{kind}") as f:
                if len(f.read().splitlines()) > 1:
                    return True
        except OSError:
            continue
    return False


def self_cpu():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def main():
    plan_path, out_dir = sys.argv[1], sys.argv[2]
    cgroup = CgroupView(sys.argv[3] if len(sys.argv) > 3 else "", sys.argv[4] if len(sys.argv) > 4 else "")
    watched = cgroup.cpu_seconds() is not None
    ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    with open(plan_path) as f:
        plan = json.load(f)
    keep = plan["keep_bytes"]
    results: list[dict[str, object]] = []
    stop = plan.get("stop_after_limit", False)
    stopped = set()  # the programs that hit a limit on an earlier input
    for run in plan["runs"]:
        if stop and run.get("program", 0) in stopped:
            results.append({"skipped": True})
            continue
        scrub(out_dir)  # nothing an earlier program left (a cache of answers, a file for the next one)
        work = "/tmp/work"
        os.makedirs(work)
        out_path, err_path = os.path.join(out_dir, "out"), os.path.join(out_dir, "err")
        in_path = os.path.join(out_dir, "in")
        # stdin from a file: a program that never reads a large input cannot block the supervisor
        with open(in_path, "wb") as stdin_file:
            stdin_file.write(run.get("stdin", "").encode())
        # the CPU rlimit is set by prlimit(1) in front of the program, not by a preexec_fn,
        # which would take subprocess off its fast spawn path
        argv = ["prlimit", f"--cpu={cpu_rlimit(run['seconds'], watched)}", "--", *run["argv"]]
        before = cgroup.oom_kills()
        # the cgroup holds the supervisor too: its own CPU time is taken off the program's
        cpu0, self0 = cgroup.cpu_seconds(), self_cpu()

        def used(cpu0=cpu0, self0=self0):
            now = cgroup.cpu_seconds()
            return None if now is None or cpu0 is None else now - cpu0 - (self_cpu() - self0)

        start = time.monotonic()
        with open(in_path, "rb") as fin, open(out_path, "wb") as out, open(err_path, "wb") as err:
            proc = subprocess.Popen(argv, stdin=fin, stdout=out, stderr=err, cwd=work, start_new_session=True)
            limit = watch(proc, run["seconds"], run.get("wall_seconds", run["seconds"]),
                          used if watched else None, cgroup.memory_share)
            if limit is not None:
                kill_all_others()
            ru_cpu, peak = reap(proc)
            seconds = time.monotonic() - start
            kill_all_others()  # whatever it left behind: detached children, daemons
        # the cgroup's count includes what the program left behind; wait4's only what it waited for
        cpu = used() if watched else ru_cpu
        with contextlib.suppress(OSError):
            os.unlink(in_path)
        after = cgroup.oom_kills()
        results.append({
            "exit_code": proc.returncode, "timed_out": limit is not None, "limit": limit,
            "seconds": round(seconds, 4), "cpu_seconds": None if cpu is None else round(max(cpu, 0.0), 4),
            "peak_memory_mb": None if peak is None else round(peak, 1),
            "oom": before is not None and after is not None and after > before,
            "stdout": read_capped(out_path, keep), "stderr": read_capped(err_path, 65536),
        })
        if results[-1]["timed_out"] or results[-1]["oom"]:
            stopped.add(run.get("program", 0))
    tmp = os.path.join(out_dir, ".results.tmp")
    with open(tmp, "w") as f:
        json.dump(results, f)
    os.replace(tmp, os.path.join(out_dir, "results.json"))


if __name__ == "__main__":
    main()
