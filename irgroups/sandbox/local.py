"""The local backend: bubblewrap namespaces + cgroup (v1 or v2) limits + rlimits.

Each step runs as

    sh -c 'join cgroups; exec prlimit <rlimits> -- bwrap <namespaces> -- argv'

- bwrap: new user/pid/net/ipc/uts/mount namespaces (no network at all), uid
  65534, a read-only view of /usr and the toolchain, a private /tmp, the job
  dir read-write while compiling and read-only while running (the program's
  cwd is then a tmpfs). `--die-with-parent` plus the pid namespace mean that
  killing bwrap kills every process the job started, detached or not.
- cgroups, one group (or v1 set of groups) per step, on the hierarchy the host
  has (chosen once, `choose_cgroups`; see cgroups.py): memory and process-count
  caps over the whole job, an OOM count and a memory high-water mark that tell
  `memory_limit` apart, and the job's CPU time. v1 (and hybrid hosts): memory
  and pids dirs, cpuacct where there is one. v2: one dir in a subtree of this
  process's own cgroup, which it moves into a leaf for that. Where nothing
  needed is writable: none, and the limits below alone.
- a program's limits: CPU time of all its processes (the cgroup's CPU counter,
  cpuacct.usage or cpu.stat, watched from here; see supervisor.watch), a wall
  clock only for programs that sleep or block, and the kind of a failure
  decided by what the program used (supervisor.resource_kind), not by which
  clock a busy machine let fire.
- prlimit: CPU seconds (the limit itself where no cgroup CPU counter is read),
  file size (which also caps captured output, as stdout and stderr go to
  files), open files.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from irgroups.errors import SandboxError, ToolchainMissing
from irgroups.sandbox import cgroups, supervised
from irgroups.sandbox.base import (
    EXITED,
    MEMORY,
    OK,
    SANDBOX_ERROR,
    SKIPPED,
    TIMEOUT,
    Job,
    JobResult,
    Limits,
    Runtime,
    RuntimeSource,
    Sandbox,
    StepResult,
    deal,
    default_runtimes,
    stopped_after_limit,
)
from irgroups.sandbox.cgroups import CGROUP_ROOT, Cgroups, StepCgroup, cgroup_version
from irgroups.sandbox.supervisor import CgroupView, cpu_rlimit, resource_kind, watch

CGROUP_PARENT = "irgroups"
SANDBOX_UID = 65534
ETC_FILES = ("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/mono",
             "/etc/localtime", "/etc/passwd", "/etc/group", "/etc/nsswitch.conf")
BWRAP_FAILED = 127  # exit code when bwrap or prlimit cannot exec the command


def cgroups_available(root: Path = CGROUP_ROOT) -> bool:
    """Whether v1 memory and pids groups can be made here."""
    try:
        for ctrl in ("memory", "pids"):
            base = root / ctrl / CGROUP_PARENT
            base.mkdir(exist_ok=True)
            probe = base / f"probe-{os.getpid()}"
            probe.mkdir(exist_ok=True)
            probe.rmdir()
        return True
    except OSError:
        return False


class _Cgroup:
    """A memory + pids (+ cpuacct, where it can be made) cgroup (v1) for one step; removed on close."""

    def __init__(self, limits: Limits, processes: int) -> None:
        name = f"job-{uuid.uuid4().hex[:12]}"
        self.mem = CGROUP_ROOT / "memory" / CGROUP_PARENT / name
        self.pids = CGROUP_ROOT / "pids" / CGROUP_PARENT / name
        self.mem.mkdir()
        self.pids.mkdir()
        self.cpu: Path | None = CGROUP_ROOT / "cpuacct" / CGROUP_PARENT / name
        try:
            self.cpu.parent.mkdir(exist_ok=True)
            self.cpu.mkdir()
        except OSError:  # no cpuacct controller here: RLIMIT_CPU alone limits the step's CPU
            self.cpu = None
        self.view = CgroupView(str(self.mem), str(self.cpu or ""))
        limit = str(limits.memory_mb * 1024 * 1024)
        (self.mem / "memory.limit_in_bytes").write_text(limit)
        memsw = self.mem / "memory.memsw.limit_in_bytes"
        if memsw.exists():
            memsw.write_text(limit)
        (self.pids / "pids.max").write_text(str(processes))

    def join_script(self) -> str:
        cpu = f"echo $$ > {self.cpu}/cgroup.procs && " if self.cpu else ""
        return f"echo $$ > {self.mem}/cgroup.procs && echo $$ > {self.pids}/cgroup.procs && " + cpu

    def watch_dirs(self) -> tuple[str, str]:
        return str(self.mem), str(self.cpu or "")

    def cpu_seconds(self) -> float | None:
        return self.view.cpu_seconds() if self.cpu else None

    def memory_share(self) -> float | None:
        return self.view.memory_share()

    def oom_kills(self) -> int:
        return self.view.oom_kills() or 0

    def peak_mb(self) -> float | None:
        try:
            return int((self.mem / "memory.max_usage_in_bytes").read_text()) / (1 << 20)
        except (OSError, ValueError):
            return None

    def oom_killed(self) -> bool:
        try:
            for line in (self.mem / "memory.oom_control").read_text().splitlines():
                if line.startswith("oom_kill ") and int(line.split()[1]) > 0:
                    return True
            return int((self.mem / "memory.failcnt").read_text()) > 0 and self._near_limit()
        except (OSError, ValueError):
            return False

    def _near_limit(self) -> bool:
        peak = int((self.mem / "memory.max_usage_in_bytes").read_text())
        limit = int((self.mem / "memory.limit_in_bytes").read_text())
        return peak >= limit * 0.95

    def close(self) -> None:
        for group in (self.pids, self.mem, *([self.cpu] if self.cpu else [])):
            for _ in range(100):
                try:
                    pids = [int(p) for p in (group / "cgroup.procs").read_text().split()]
                except OSError:
                    break
                for pid in pids:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                try:
                    group.rmdir()
                    break
                except OSError:
                    time.sleep(0.01)


class _V1Cgroups:
    """Today's v1 path: a _Cgroup per step."""

    version = "v1"

    def create(self, limits: Limits, processes: int) -> StepCgroup:
        return _Cgroup(limits, processes)  # the module's name at call time: tests record what is made


def choose_cgroups(root: Path = CGROUP_ROOT) -> tuple[Cgroups | None, str]:
    """The hierarchy the sandbox's steps use, chosen once, and a line that says so (`sandbox
    check`): v2 on a host with the unified hierarchy alone (cgroups.setup_v2), v1 on v1 and
    hybrid hosts (their controllers sit in v1), None where nothing needed is writable: then
    prlimit --as caps memory, out-of-memory messages on stderr say memory_limit and RLIMIT_CPU
    stops a spinner. (`root` is where the choice looks; v1 steps are made under CGROUP_ROOT.)"""
    version = cgroup_version(root)
    found: Cgroups | None
    if version == "v2":
        found, note = cgroups.setup_v2(root)
    elif cgroups_available(root):
        found, note = _V1Cgroups(), "v1 memory+pids limits in use"
    else:
        found, note = None, "no writable v1 memory/pids cgroup here"
    if found is None:
        return None, f"cgroup {version} hierarchy; rlimits only ({note})"
    return found, f"cgroup {version} hierarchy, {note}"


class LocalSandbox(Sandbox):
    name = "local"
    supports_runs = True

    def __init__(self, workdir: str | None = None, run_lanes: int = 2, runtimes: RuntimeSource | None = None) -> None:
        """`runtimes`: a job's Runtime from its `lang`, for jobs that carry none (may raise
        ToolchainMissing: a sandbox_error); irgroups.languages.toolchains.runtime is the usual one."""
        self.workdir = workdir or tempfile.gettempdir()
        self.runtimes = runtimes
        # a batch's programs are dealt round-robin to this many supervisors (each its own
        # sandbox) that run at once, so an endless loop does not hold up the rest of its batch
        self.run_lanes = max(1, run_lanes)
        self._cgroups, self.cgroup_note = choose_cgroups()
        self._lock = threading.Lock()
        self._cache_root = tempfile.mkdtemp(prefix="irgroups-cache-", dir=self.workdir)

    # ---- checks ---------------------------------------------------------
    def problems(self) -> list[str]:
        out = []
        if shutil.which("bwrap") is None:
            out.append("bubblewrap (bwrap) not found; install with: apt-get install -y bubblewrap")
        if shutil.which("prlimit") is None:
            out.append("prlimit not found; install with: apt-get install -y util-linux")
        if not out:
            probe = subprocess.run(self._bwrap_argv([], "/", rw=False) + ["true"], capture_output=True, text=True)
            if probe.returncode != 0:
                out.append(f"bwrap cannot create namespaces here: {probe.stderr.strip()[:300]}")
        return out

    @property
    def has_cgroups(self) -> bool:
        return self._cgroups is not None

    # ---- running --------------------------------------------------------
    def run(self, job: Job, slot: int = 0) -> JobResult:
        try:
            tc = job.runtime or (self.runtimes or default_runtimes())(job.lang)
        except ToolchainMissing as e:
            return JobResult(None, StepResult(SANDBOX_ERROR, None, 0.0, stderr=str(e)), self.name)
        job_dir = tempfile.mkdtemp(prefix="irgroups-job-", dir=self.workdir)
        try:
            for name, text in job.files.items():
                path = Path(job_dir, name)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text)
            os.chmod(job_dir, 0o755)
            compile_res = None
            if job.compile_argv:
                compile_res = self._step(job, tc, job_dir, job.compile_argv, compiling=True, slot=slot)
                if compile_res.status != OK:
                    return JobResult(compile_res, None, self.name)
            if job.runs:
                return JobResult(compile_res, None, self.name, self._batch_runs(job, tc, job_dir, slot))
            argv = [a.replace("{job}", "/job") for a in job.run_argv]
            run_res = self._step(job, tc, job_dir, argv, compiling=False, slot=slot)
            return JobResult(compile_res, run_res, self.name)
        finally:
            shutil.rmtree(job_dir, ignore_errors=True)

    def _bwrap_argv(self, binds: list[tuple[str, str, bool]], cwd: str, rw: bool, env: dict[str, str] | None = None,
                    path_dirs: tuple[str, ...] = ()) -> list[str]:
        argv = [
            "bwrap", "--unshare-all", "--die-with-parent", "--new-session",
            "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID), "--hostname", "sandbox",
            "--ro-bind", "/usr", "/usr",
            "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib",
            "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/sbin", "/sbin",
            "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
        ]
        for f in ETC_FILES:
            argv += ["--ro-bind-try", f, f]
        for src, dst, writable in binds:
            argv += ["--bind" if writable else "--ro-bind", src, dst]
        path = ":".join([*path_dirs, "/usr/local/bin", "/usr/bin", "/bin"])
        argv += ["--clearenv", "--setenv", "PATH", path, "--setenv", "HOME", "/tmp",
                 "--setenv", "LANG", "C.UTF-8", "--setenv", "TMPDIR", "/tmp"]
        for k, v in (env or {}).items():
            argv += ["--setenv", k, v]
        # the sandbox root is a tmpfs of bwrap's: make it read-only too (/tmp and binds keep their mode)
        argv += ["--remount-ro", "/", "--chdir", cwd, "--"]
        return argv

    def _batch_runs(self, job: Job, tc: Runtime, job_dir: str, slot: int) -> list[StepResult]:
        """job.runs dealt to `run_lanes` supervisors at once; a lane whose supervisor died (or a
        lone run) goes one sandbox per program."""
        lanes = min(self.run_lanes, len(job.runs)) if len(job.runs) > 1 else 0
        shutil.copyfile(supervised.SUPERVISOR, Path(job_dir, supervised.SUPERVISOR_NAME))
        picks = deal(len(job.runs), lanes)
        with ThreadPoolExecutor(max(1, lanes)) as pool:
            found = list(pool.map(lambda lane: self._supervised_runs(job, tc, job_dir, slot, picks[lane], lane),
                                  range(lanes)))
        out: list[StepResult | None] = [None] * len(job.runs)
        for pick, results in zip(picks, found):
            for k, step in zip(pick, results or []):
                out[k] = step
        for k in range(len(out)):
            if out[k] is None and stopped_after_limit(job, out, k):
                out[k] = StepResult(SKIPPED, None, 0.0)  # its program hit a limit already
            if out[k] is None:
                argv, stdin = job.runs[k]
                out[k] = self._step(job, tc, job_dir, [a.replace("{job}", "/job") for a in argv], compiling=False,
                                    slot=slot, stdin=stdin)
        return [r for r in out if r is not None]

    def _supervised_runs(self, job: Job, tc: Runtime, job_dir: str, slot: int, pick: list[int],
                         lane: int) -> list[StepResult | None] | None:
        """The runs `pick` of job.runs in one sandbox, under the supervisor (see supervised.py);
        None if it died."""
        Path(job_dir, supervised.plan_name(lane)).write_text(supervised.plan(job, pick, "/job"))
        out_dir = tempfile.mkdtemp(prefix="irgroups-out-", dir=self.workdir)
        try:
            os.chmod(out_dir, 0o777)
            argv = supervised.argv("/job", lane, "/out", "{cgroup}", "{cpucgroup}")
            seconds = supervised.deadline(job.limits, len(pick))
            step = self._step(job, tc, job_dir, argv, compiling=False, slot=slot, seconds=seconds,
                              extra_binds=[(out_dir, "/out", True)], bind_cgroup=True)
            results_path = Path(out_dir, "results.json")
            # trusted only from a supervisor that ended by itself (exit 0; the step may still say
            # memory_limit, for a program the cgroup killed): a program that killed the supervisor
            # could have left a results file of its own making in /out
            if step.exit_code != 0 or step.status not in (OK, MEMORY) or not results_path.exists():
                return None
            try:
                results = json.loads(results_path.read_text())
            except ValueError:
                return None
        finally:
            shutil.rmtree(out_dir, ignore_errors=True)
        return supervised.decode(results, len(pick), job.limits)

    def _step(self, job: Job, tc: Runtime, job_dir: str, argv: list[str], compiling: bool,
              slot: int, stdin: str | None = None, seconds: float | None = None,
              extra_binds: list[tuple[str, str, bool]] | None = None, bind_cgroup: bool = False) -> StepResult:
        """One sandboxed command: a compile, a program (per-program limits), or the supervisor of a
        batch (`bind_cgroup`: it watches its programs itself, this only puts a deadline on it)."""
        limits = job.limits
        program = not compiling and not bind_cgroup
        if seconds is None:
            seconds = (job.compile_seconds or limits.compile_seconds) if compiling else limits.run_wall_seconds
        binds: list[tuple[str, str, bool]] = [(b, b, False) for b in tc.binds] + list(extra_binds or [])
        env = dict(tc.env)
        if compiling:
            binds.append((job_dir, "/job", True))
            if tc.build_cache:
                # written by the compiler only, never by candidate code
                cache = Path(self._cache_root, f"{job.lang}-{slot}")
                cache.mkdir(exist_ok=True)
                binds.append((str(cache), tc.build_cache, True))
            env.update(tc.compile_env)
            cwd = "/job"
        else:
            binds.append((job_dir, "/job", False))
            cwd = "/tmp"
        processes = max(limits.processes, 256) if compiling else limits.processes
        cgroup = self._cgroups.create(limits, processes) if self._cgroups is not None else None
        mem_dir, cpu_dir = cgroup.watch_dirs() if cgroup is not None else ("", "")
        if bind_cgroup and cgroup is not None:
            binds.append((mem_dir, "/cg", False))
            if cpu_dir:
                binds.append((cpu_dir, "/cgcpu", False))
        argv = [a.replace("{cgroup}", "/cg" if cgroup is not None else "")
                 .replace("{cpucgroup}", "/cgcpu" if cpu_dir else "")
                for a in argv]
        inner = self._bwrap_argv(binds, cwd, rw=compiling, env=env, path_dirs=tc.path_dirs) + argv
        watched = program and cgroup is not None and cgroup.cpu_seconds() is not None
        cpu = cpu_rlimit(limits.run_seconds, watched) if program else str(int(seconds) + 2)
        fsize = limits.file_size_mb * 1024 * 1024
        prlimit = ["prlimit", f"--cpu={cpu}", f"--fsize={fsize}", "--nofile=1024", "--core=0"]
        if cgroup is None:
            prlimit.append(f"--as={limits.memory_mb * 1024 * 1024 * 4}")
        script = (cgroup.join_script() if cgroup else "") + "exec " + shlex.join(prlimit + ["--"] + inner)
        io_dir = tempfile.mkdtemp(prefix="irgroups-io-", dir=self.workdir)
        try:
            stdin_path, out_path, err_path = (os.path.join(io_dir, n) for n in ("in", "out", "err"))
            Path(stdin_path).write_text(job.stdin if stdin is None else stdin)
            start = time.monotonic()
            with open(stdin_path, "rb") as fin, open(out_path, "wb") as fout, open(err_path, "wb") as ferr:
                try:
                    proc = subprocess.Popen(["sh", "-c", script], stdin=fin, stdout=fout, stderr=ferr,
                                            start_new_session=True)
                except OSError as e:
                    return StepResult(SANDBOX_ERROR, None, 0.0, stderr=f"could not start sandbox: {e}")
                if program:  # the step's cgroup holds this program alone: its counter is the program's
                    limit = watch(proc, limits.run_seconds, seconds, cgroup.cpu_seconds if watched and cgroup else None,
                                  cgroup.memory_share if cgroup else None)
                else:
                    limit = watch(proc, seconds, seconds)
                if limit is not None:
                    _kill_group(proc)
                proc.wait()
            elapsed = time.monotonic() - start
            oom = cgroup.oom_killed() if cgroup else False
            oom_kills = cgroup.oom_kills() if cgroup else 0
            # from the step's cgroups only: wait4 of the sh that became bwrap does not see the
            # sandbox's processes (bwrap does not pass their usage on: 0.003 s for a 1 s spinner)
            cpu_s = cgroup.cpu_seconds() if cgroup else None
            peak = cgroup.peak_mb() if cgroup else None
            if cgroup:
                cgroup.close()
            full_out = _read(out_path, fsize)
            err = _read(err_path, limits.output_keep_bytes * 4)
            code = proc.returncode
            kind = resource_kind(code, limit, oom_kills > 0, peak, limits.memory_mb) if program \
                else MEMORY if oom else TIMEOUT if limit else None
            if kind is not None:
                status = kind
            elif cgroup is None and code != 0 and _says_out_of_memory(err):
                status = MEMORY
            elif code == 0:
                status = OK
            elif code in (1, BWRAP_FAILED) and err.startswith(("bwrap:", "prlimit:")):
                status = SANDBOX_ERROR
            else:
                status = EXITED
            keep = limits.output_keep_bytes
            return StepResult(status, code, round(elapsed, 4), full_out[:keep], err[-keep:], full_out,
                              None if cpu_s is None else round(cpu_s, 4), None if peak is None else round(peak, 1))
        finally:
            shutil.rmtree(io_dir, ignore_errors=True)

    def close(self) -> None:
        shutil.rmtree(self._cache_root, ignore_errors=True)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def _says_out_of_memory(err: str) -> bool:
    return any(m in err for m in ("MemoryError", "memory allocation of", "out of memory", "OutOfMemory"))


def _read(path: str, limit: int) -> str:
    with open(path, "rb") as f:
        return f.read(limit).decode("utf-8", errors="replace")


def ensure_usable(sandbox: LocalSandbox) -> None:
    problems = sandbox.problems()
    if problems:
        raise SandboxError("local sandbox unusable: " + "; ".join(problems))
