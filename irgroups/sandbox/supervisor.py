"""Runs the programs of one batch, one after another, inside one sandbox.

Started by the local backend as `python3 -I -S supervisor.py PLAN OUT [CGROUP]` within
bubblewrap. Isolation between the batch's programs:
- each program gets a fresh working directory and its own secret token on stdin; the
  token is made just before the program starts, so none can learn another's;
- after each program (and on its timeout) every other process in the sandbox is
  killed (`kill(-1, SIGKILL)`), so nothing a program left behind meets the next one;
- each program's output is read and removed before the next starts, and the results
  file is written only when no program is left alive;
- the supervisor makes itself non-dumpable, so programs cannot trace or read it.
A program that kills the supervisor ends the batch without a results file; the host
then runs the batch's programs one sandbox each.

Standard library only: it runs under the sandbox's /usr/bin/python3.
"""

import contextlib
import ctypes
import json
import os
import secrets
import select
import shutil
import signal
import subprocess
import sys
import time

PR_SET_DUMPABLE = 4


def oom_kills(cgroup):
    if not cgroup:
        return 0
    try:
        with open(os.path.join(cgroup, "memory.oom_control")) as f:
            for line in f:
                if line.startswith("oom_kill "):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def kill_all_others():
    """Everything we may signal, except ourselves and init; orphans are init's to reap."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(-1, signal.SIGKILL)


def wait_exact(proc, seconds):
    """Wait up to `seconds` for `proc`; True if it is still running then.

    Wakes the moment the process exits (through a pidfd), where Popen.wait(timeout)
    polls with sleeps growing to 50 ms: on programs that run for a few milliseconds
    that polling, not the program, was most of the time. Used by the hosts too."""
    try:
        fd = os.pidfd_open(proc.pid)
    except (AttributeError, OSError):  # no pidfd (old kernel or Python): Popen's polling
        try:
            proc.wait(timeout=seconds)
            return False
        except subprocess.TimeoutExpired:
            return True
    try:
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        ready = poller.poll(max(0, int(seconds * 1000)))
    finally:
        os.close(fd)
    if not ready:
        return True
    proc.wait()
    return False


def read_capped(path, limit):
    try:
        with open(path, "rb") as f:
            data = f.read(limit)
        os.unlink(path)
    except OSError:
        data = b""
    return data.decode("utf-8", errors="replace")


def main():
    plan_path, out_dir = sys.argv[1], sys.argv[2]
    cgroup = sys.argv[3] if len(sys.argv) > 3 else ""
    ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    with open(plan_path) as f:
        plan = json.load(f)
    keep = plan["keep_bytes"]
    results = []
    for run in plan["runs"]:
        work = "/tmp/work"
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        token = secrets.token_hex(16)
        out_path, err_path = os.path.join(out_dir, "out"), os.path.join(out_dir, "err")
        # the CPU limit is set by prlimit(1) in front of the program, not by a preexec_fn,
        # which would take subprocess off its fast spawn path
        argv = ["prlimit", f"--cpu={int(run['seconds']) + 1}", "--", *run["argv"]]
        before = oom_kills(cgroup)
        start = time.monotonic()
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=out, stderr=err, cwd=work,
                                    start_new_session=True)
            with contextlib.suppress(OSError):
                assert proc.stdin is not None
                proc.stdin.write((token + "\n").encode())
                proc.stdin.close()
            timed_out = wait_exact(proc, run["seconds"])
            if timed_out:
                kill_all_others()
                proc.wait()
            seconds = time.monotonic() - start
            kill_all_others()  # whatever it left behind: detached children, daemons
        results.append({
            "token": token, "exit_code": proc.returncode, "timed_out": timed_out, "seconds": round(seconds, 4),
            "oom": oom_kills(cgroup) > before, "stdout": read_capped(out_path, keep),
            "stderr": read_capped(err_path, 65536),
        })
    tmp = os.path.join(out_dir, ".results.tmp")
    with open(tmp, "w") as f:
        json.dump(results, f)
    os.replace(tmp, os.path.join(out_dir, "results.json"))


if __name__ == "__main__":
    main()
