"""The Docker backend: one long-lived, locked-down container per (worker slot, language).

A container is started once (`docker run -d --init ... sleep infinity` as the `keeper` user) with
no network, a read-only root, tmpfs work dirs, all capabilities dropped, no-new-privileges and
memory / pids / cpu limits. Each job is then two `docker exec`s:

- compile, as `build` (uid 10002): the job's files arrive as a tar stream on stdin into a fresh
  `/job/<n>` (a tmpfs only `build` can write); the compiler runs there under
  `prlimit` + `timeout -s KILL`. Build caches (GOCACHE) live in `/cache`, mode 700, `build` only.
- run, as `sandbox` (uid 10001): cwd a fresh dir in `/tmp`, the job dir read-only (not its
  owner), stdin the job's stdin, the same rlimits, `timeout -s KILL` inside as a backstop; from
  outside, the program's CPU time (the container's cpuacct counter: the container runs one step
  at a time) and a wall clock that only stops programs that sleep or block (supervisor.watch);
  stdout/stderr streamed back, capped at the file-size limit.
- compile once, run many (`Job.runs`): the compile step also unpacks irgroups/sandbox/supervisor.py
  and its plan (supervised.py) into the job dir; then ONE exec, as `sandbox`, makes `/tmp/.irgroups-out` (mode 700,
  on the /tmp tmpfs) and execs the supervisor (prlimit'd, no `timeout` parent, so its own
  `kill(-1)` after each program cannot end the exec). It runs the programs one after another, each
  with a fresh work dir, its own stdin and per-program limits, and writes
  `results.json`, which the host reads through `/proc/<container init>/root` (no symlink followed)
  or, where it cannot see the container's processes, with one more exec. It is trusted only when
  the supervisor exited 0: a program that kills it (or a missing/odd results file) sends the job
  to one exec per run. OOM kills and CPU time are seen by the supervisor through the container's
  `/sys/fs/cgroup/memory` and `/sys/fs/cgroup/cpuacct` where visible; else a run SIGKILLed before
  its time while the host saw an OOM in the batch is `memory_limit`, and RLIMIT_CPU stops a
  spinner. Runs that failed while the batch pressed against the memory limit without an OOM kill
  or a peak of their own near the cap (which the host cannot pin on one run) run again one exec
  each, so their verdicts are those of one-at-a-time execution.

After every step every process the step left in the container is SIGKILLed from the host through
the container's cgroup (or, where the host cannot see it, by `kill -9 -1` as that user in a
fresh exec); if anything survives, the container is replaced. The cgroup's OOM counter and
memory high-water mark tell `memory_limit` apart (supervisor.resource_kind). A container that
dies or a daemon that does not answer is `sandbox_error`.

Containers carry labels (owner pid, its start time, host, session id). They are removed on
`close()`, at exit, on SIGTERM/SIGHUP, by a small watchdog process that outlives a SIGKILLed
owner, and by a sweep at start-up of containers whose owner is dead.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import os
import signal
import socket
import stat
import subprocess
import tarfile
import threading
import time
import uuid
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from irgroups.sandbox import supervised
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
    Sandbox,
    StepResult,
    deal,
    stopped_after_limit,
)
from irgroups.sandbox.docker import images
from irgroups.sandbox.docker.images import ImageSpec, default_specs
from irgroups.sandbox.supervisor import EXTEND_MAX, CgroupView, cpu_rlimit, resource_kind, watch

SANDBOX_USER = "10001:10001"
BUILD_USER = "10002:10002"
KEEPER_USER = "10003:10003"
LABEL = "org.irgroups.sandbox"
SETUP_FAILED = 125  # the wrapper could not set the job up (with MARK on stderr)
MARK = "irgroups-sandbox:"
DOCKER_ERRORS = ("Error response from daemon", "Cannot connect to the Docker daemon", "error during connect")
GRACE_S = 3.0  # the outer wall clock: the inner `timeout` plus this
LANE_MIN_RUNS = 8  # a batch with fewer programs is not worth copying to a second container
OUT_DIR = "/tmp/.irgroups-out"  # the supervisor's output dir (sandbox user only, on the /tmp tmpfs)
CGROUP_IN = "/sys/fs/cgroup/memory"  # the container's own memory cgroup, as it sees it (v1)
CPU_CGROUP_IN = ("/sys/fs/cgroup/cpuacct", "/sys/fs/cgroup/cpu,cpuacct", "/sys/fs/cgroup")  # v1, v1 joint, v2
RESULTS_MAX = 512 * 1024 * 1024

COMPILE_SH = f"""n=$1; t=$2; c=$3; f=$4; shift 4
chmod 700 /cache 2>/dev/null; rm -rf /job/* 2>/dev/null
mkdir "/job/$n" && cd "/job/$n" && tar -x -o -f - || {{ echo "{MARK} job setup failed" >&2; exit {SETUP_FAILED}; }}
prlimit --cpu="$c" --fsize="$f" --nofile=1024 --core=0 -- timeout -s KILL "$t" "$@" </dev/null
rc=$?
kill -9 -1 2>/dev/null
exit $rc
"""

SUPERVISE_SH = f"""o=$1; c=$2; f=$3; shift 3
find /tmp /dev/shm /dev/mqueue -mindepth 1 -maxdepth 1 -exec rm -rf {{}} + 2>/dev/null
ipcrm --all 2>/dev/null
mkdir -m 700 "$o" || {{ echo "{MARK} out dir failed" >&2; exit {SETUP_FAILED}; }}
exec prlimit --cpu="$c" --fsize="$f" --nofile=1024 --core=0 -- "$@"
"""

RUN_SH = f"""t=$1; c=$2; f=$3; shift 3
find /tmp /dev/shm /dev/mqueue -mindepth 1 -maxdepth 1 -exec rm -rf {{}} + 2>/dev/null
ipcrm --all 2>/dev/null
d=$(mktemp -d /tmp/run.XXXXXX) && cd "$d" || {{ echo "{MARK} run dir failed" >&2; exit {SETUP_FAILED}; }}
prlimit --cpu="$c" --fsize="$f" --nofile=1024 --core=0 -- timeout -s KILL "$t" "$@"
rc=$?
kill -9 -1 2>/dev/null
exit $rc
"""

_LIVE: weakref.WeakSet[DockerSandbox] = weakref.WeakSet()
_HOOKS_INSTALLED = False


def _proc_start_time(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def _close_all() -> None:
    for sb in list(_LIVE):
        with contextlib.suppress(Exception):
            sb.close()


def _install_hooks() -> None:
    global _HOOKS_INSTALLED
    if _HOOKS_INSTALLED:
        return
    _HOOKS_INSTALLED = True
    atexit.register(_close_all)
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGTERM, signal.SIGHUP):
        previous = signal.getsignal(sig)

        def handler(signum: int, frame: object, previous: object = previous) -> None:
            _close_all()
            if callable(previous):
                previous(signum, frame)
            else:
                signal.signal(signum, signal.SIG_DFL)
                os.kill(os.getpid(), signum)

        if previous in (signal.SIG_DFL, None) or callable(previous):
            signal.signal(sig, handler)


@dataclass
class _Cgroup:
    """The host's view of a container's cgroups (None fields where not visible)."""

    procs: Path | None = None  # cgroup.procs listing every process of the container
    pids_max: Path | None = None
    oom: Path | None = None  # v1 memory.oom_control / v2 memory.events
    mem_dir: Path | None = None  # v1 memory controller dir (failcnt, max_usage_in_bytes)
    cpu_dir: Path | None = None  # v1 cpuacct controller dir / v2 the container's dir
    mem_any: Path | None = None  # v1 mem_dir / v2 the container's dir (usage, limit)
    view: CgroupView = field(default_factory=CgroupView)  # reads the counters of the dirs above

    @classmethod
    def of(cls, pid: int, cid: str) -> _Cgroup:
        try:
            lines = Path(f"/proc/{pid}/cgroup").read_text().splitlines()
        except OSError:
            return cls()
        if cid not in "".join(lines):
            return cls()  # a pid in another pid namespace: nothing we can trust
        cg = cls()
        root = Path("/sys/fs/cgroup")
        for line in lines:
            _, ctrls, path = line.split(":", 2)
            rel = path.lstrip("/")
            if ctrls == "" and (root / rel / "cgroup.procs").exists():  # v2
                d = root / rel
                cg.procs = cg.procs or d / "cgroup.procs"
                cg.pids_max = cg.pids_max or d / "pids.max"
                cg.oom = cg.oom or d / "memory.events"
                cg.cpu_dir = cg.cpu_dir or d
                cg.mem_any = cg.mem_any or d
            elif "pids" in ctrls.split(","):
                cg.procs, cg.pids_max = root / "pids" / rel / "cgroup.procs", root / "pids" / rel / "pids.max"
            elif "memory" in ctrls.split(","):
                cg.oom = root / "memory" / rel / "memory.oom_control"
                cg.mem_dir = cg.mem_any = root / "memory" / rel
            elif "cpuacct" in ctrls.split(","):
                cg.cpu_dir = root / ctrls / rel
        for name in ("procs", "pids_max", "oom", "mem_dir", "cpu_dir", "mem_any"):
            p = getattr(cg, name)
            if p is not None and not p.exists():
                setattr(cg, name, None)
        cg.view = CgroupView(str(cg.mem_any or ""), str(cg.cpu_dir or ""))
        return cg

    def cpu_seconds(self) -> float | None:
        return self.view.cpu_seconds()

    def memory_share(self) -> float | None:
        return self.view.memory_share()

    def peak_mb(self) -> float | None:
        """v1: the memory high-water mark since `reset_memory_peak` (v2's memory.peak cannot be reset
        for another reader: None)."""
        if self.mem_dir is None:
            return None
        try:
            return int((self.mem_dir / "memory.max_usage_in_bytes").read_text()) / (1 << 20)
        except (OSError, ValueError):
            return None

    def pids(self) -> set[int] | None:
        if self.procs is None:
            return None
        try:
            return {int(x) for x in self.procs.read_text().split()}
        except (OSError, ValueError):
            return None

    def oom_kills(self) -> int | None:
        if self.oom is None:
            return None
        try:
            for line in self.oom.read_text().splitlines():
                if line.startswith("oom_kill "):
                    return int(line.split()[1])
        except (OSError, ValueError):
            return None
        return None

    def reset_memory_peak(self) -> None:
        """v1: zero the fail count and the peak, so `hit_memory_limit` speaks of one step."""
        if self.mem_dir is not None:
            for name in ("memory.failcnt", "memory.max_usage_in_bytes"):
                with contextlib.suppress(OSError):
                    (self.mem_dir / name).write_text("0")

    def hit_memory_limit(self) -> bool:
        """v1: the step pressed against the memory limit (a program thrashing there without an OOM kill)."""
        if self.mem_dir is None:
            return False
        try:
            failcnt = int((self.mem_dir / "memory.failcnt").read_text())
            peak = int((self.mem_dir / "memory.max_usage_in_bytes").read_text())
            limit = int((self.mem_dir / "memory.limit_in_bytes").read_text())
        except (OSError, ValueError):
            return False
        return failcnt > 0 and peak >= limit * 0.95

    def set_pids_max(self, n: int) -> None:
        if self.pids_max is not None:
            with contextlib.suppress(OSError):
                self.pids_max.write_text(str(n))


@dataclass
class _Container:
    cid: str
    image: str
    cgroup: _Cgroup
    keepers: set[int] = field(default_factory=set)
    pid: int | None = None  # the container's init as the host sees it (None: another pid namespace)
    oom_visible: bool | None = None  # whether the container sees its memory.oom_control (probed once)
    cpu_in: str | None = None  # the container's CPU counter's dir, as it sees it (probed with oom_visible)
    jobs: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)  # one job at a time per container


class DockerSandbox(Sandbox):
    """`DockerSandbox(langs=None, cpus=1.0, tmpfs_mb=256, docker="docker", images=None, recycle_after=500,
    specs=None)`.

    langs: the languages `problems()` checks images for (default: every one in `specs`).
    cpus: CPU limit of each container (one container per worker slot and language).
    images: tag per language, overriding `irgroups-sandbox-<lang>:<definition hash>`.
    specs: what each language's image needs (irgroups.languages.toolchains.image_specs(langs));
    a job of a language without one is a sandbox_error.
    """

    name = "docker"
    supports_runs = True

    def __init__(self, langs: list[str] | None = None, cpus: float | None = 1.0, tmpfs_mb: int = 256,
                 docker: str = "docker", images: dict[str, str] | None = None, recycle_after: int = 500,
                 run_lanes: int = 2, specs: dict[str, ImageSpec] | None = None) -> None:
        self.specs = dict(specs if specs is not None else default_specs())
        self.langs = list(langs or self.specs)
        self.run_lanes = run_lanes  # containers a big batch's programs are spread over (1 or 2)
        self.cpus = cpus
        self.tmpfs_mb = tmpfs_mb
        self.docker = docker
        self.recycle_after = recycle_after
        self._images = dict(images or {})
        self.session = uuid.uuid4().hex[:12]
        self._lock = threading.Lock()
        self._containers: dict[tuple[int, str, int, int], _Container] = {}
        self._counter = 0
        self._closed = False
        self._watchdog: subprocess.Popen[bytes] | None = None
        self._swept = False
        _LIVE.add(self)
        _install_hooks()

    # ---- checks ---------------------------------------------------------
    def image(self, lang: str) -> str:
        if lang not in self._images:
            self._images[lang] = images.expected_tag(lang, self.specs[lang])
        return self._images[lang]

    def problems(self) -> list[str]:
        try:
            res = self._docker("version", "--format", "{{.Server.Version}}", timeout=20)
        except FileNotFoundError:
            return ["docker not found; install with: apt-get install -y docker.io"]
        except subprocess.TimeoutExpired:
            return ["docker daemon does not answer (20 s); is dockerd healthy?"]
        if res.returncode != 0:
            return ["docker daemon not reachable: " + (res.stderr.strip().splitlines() or ["?"])[-1]
                    + "; start it with: dockerd >/tmp/dockerd.log 2>&1 &"]
        out = []
        for lang in self.langs:
            tag = self.image(lang)
            if not images.image_exists(tag):
                out.append(f"docker image {tag} for {lang} missing; build with: bash scripts/docker_images.sh {lang}")
        return out

    def toolchain_version(self, lang: str) -> str:
        """The first line of the image's toolchain version (what the local backend reads on the host)."""
        res = self._docker("run", "--rm", "--network", "none", self.image(lang), *self.specs[lang].version_cmd,
                           timeout=120)
        text = (res.stdout or res.stderr).strip()
        return text.splitlines()[0] if text else ""

    # ---- docker plumbing --------------------------------------------------
    def _docker(self, *args: str, timeout: float = 60, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
        res = subprocess.run([self.docker, *args], input=stdin, capture_output=True, timeout=timeout)
        return subprocess.CompletedProcess(res.args, res.returncode, res.stdout.decode("utf-8", "replace"),
                                           res.stderr.decode("utf-8", "replace"))

    def _sweep(self) -> None:
        """Remove containers of dead owners on this host (a build that was SIGKILLed)."""
        self._swept = True
        fmt = ('{{.ID}} {{.Label "org.irgroups.owner-pid"}} {{.Label "org.irgroups.owner-start"}} '
               '{{.Label "org.irgroups.owner-host"}}')
        try:
            res = self._docker("ps", "-a", "--filter", f"label={LABEL}", "--format", fmt, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return
        dead = []
        for line in res.stdout.splitlines():
            parts = line.split()
            if len(parts) != 4 or parts[3] != socket.gethostname():
                continue
            cid, pid, start, _ = parts
            if not pid.isdigit() or _proc_start_time(int(pid)) != start:
                dead.append(cid)
        if dead:
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                self._docker("rm", "-f", *dead, timeout=60)

    def _start_watchdog(self) -> None:
        if self._watchdog is not None:
            return
        script = (f'while kill -0 {os.getpid()} 2>/dev/null; do sleep 2; done; '
                  f'ids=$({self.docker} ps -aq --filter label=org.irgroups.session={self.session}); '
                  f'[ -n "$ids" ] && {self.docker} rm -f $ids >/dev/null 2>&1; exit 0')
        self._watchdog = subprocess.Popen(["sh", "-c", script], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL, start_new_session=True)

    def _start(self, slot: int, lang: str, limits: Limits) -> _Container:
        if not self._swept:
            self._sweep()
        self._start_watchdog()
        with self._lock:
            self._counter += 1
            n = self._counter
        image = self.image(lang)
        mem = f"{limits.memory_mb}m"
        pids = max(limits.processes, 256) + 8
        t = self.tmpfs_mb
        argv = [
            "run", "-d", "--init", "--name", f"irgroups-{self.session}-{lang}-{slot}-{n}",
            "--label", f"{LABEL}=1", "--label", f"org.irgroups.session={self.session}",
            "--label", f"org.irgroups.owner-pid={os.getpid()}",
            "--label", f"org.irgroups.owner-start={_proc_start_time(os.getpid())}",
            "--label", f"org.irgroups.owner-host={socket.gethostname()}",
            "--network", "none", "--read-only", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
            "--user", KEEPER_USER, "--memory", mem, "--memory-swap", mem, "--pids-limit", str(pids),
            "--ulimit", "core=0", "--ulimit", "nofile=1024:1024", "--ipc", "private", "--hostname", "sandbox",
            "--tmpfs", f"/tmp:rw,exec,nosuid,nodev,size={t}m,mode=1777",
            "--tmpfs", f"/job:rw,exec,nosuid,nodev,size={t}m,uid=10002,gid=10002,mode=755",
            "--tmpfs", f"/cache:rw,nosuid,nodev,size={max(t, 512)}m,uid=10002,gid=10002,mode=700",
        ]
        if self.cpus:
            argv += ["--cpus", str(self.cpus)]
        argv += [image, "sleep", "infinity"]
        res = self._docker(*argv, timeout=120)
        if res.returncode != 0:
            raise _Infra(f"docker run {image} failed: {res.stderr.strip()[-500:]}")
        cid = res.stdout.strip()
        c = _Container(cid, image, _Cgroup())
        pid_res = self._docker("inspect", "-f", "{{.State.Pid}}", cid, timeout=30)
        if pid_res.returncode == 0 and pid_res.stdout.strip().isdigit():
            c.cgroup = _Cgroup.of(int(pid_res.stdout.strip()), cid)
            c.keepers = c.cgroup.pids() or set()
            if c.cgroup.procs is not None:  # the pid is ours to trust: /proc/<pid>/root is the container's
                c.pid = int(pid_res.stdout.strip())
        return c

    def _remove(self, c: _Container) -> None:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            self._docker("rm", "-f", c.cid, timeout=60)

    def _container(self, slot: int, lang: str, limits: Limits) -> _Container:
        key = (slot, lang, limits.memory_mb, limits.processes)
        with self._lock:
            if self._closed:
                raise _Infra("sandbox closed")
            c = self._containers.get(key)
        if c is not None and c.jobs >= self.recycle_after:
            self._remove(c)
            c = None
        if c is None:
            c = self._start(slot, lang, limits)
            with self._lock:
                self._containers[key] = c
        return c

    def _forget(self, slot: int, lang: str, limits: Limits) -> None:
        key = (slot, lang, limits.memory_mb, limits.processes)
        with self._lock:
            c = self._containers.pop(key, None)
        if c is not None:
            self._remove(c)

    # ---- running --------------------------------------------------------
    def run(self, job: Job, slot: int = 0) -> JobResult:
        if job.lang not in self.specs:
            return JobResult(None, StepResult(SANDBOX_ERROR, None, 0.0, stderr=f"no docker image for {job.lang}"),
                             self.name)
        try:
            c = self._container(slot, job.lang, job.limits)
        except (_Infra, OSError, subprocess.SubprocessError) as e:
            hint = "; ".join(self.problems()) if not isinstance(e, subprocess.TimeoutExpired) else ""
            return JobResult(None, StepResult(SANDBOX_ERROR, None, 0.0, stderr=f"{e} {hint}".strip()), self.name)
        with c.lock:
            return self._run_in(c, job, slot)

    def _run_in(self, c: _Container, job: Job, slot: int) -> JobResult:
        c.jobs += 1
        limits = job.limits
        # one directory for every job of the container (it runs one job at a time and wipes /job
        # first): compilers that key their caches on the source's path (Go) then reuse them
        # from one compile round to the next
        n = "build"
        job_dir = f"/job/{n}"
        files = dict(job.files)
        batched = len(job.runs) > 1
        # a batch big enough runs in two containers at once (two pid namespaces: the supervisors'
        # kill(-1) cannot reach each other's programs), so an endless loop does not hold up the rest
        lanes = 2 if self.run_lanes > 1 and len(job.runs) >= LANE_MIN_RUNS else 1
        picks = deal(len(job.runs), lanes) if batched else []
        if batched:
            for lane, pick in enumerate(picks):
                files[supervised.plan_name(lane)] = supervised.plan(job, pick, job_dir)
            files[supervised.SUPERVISOR_NAME] = supervised.SUPERVISOR.read_text()
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as tar:
            for name, text in files.items():
                data = text.encode()
                info = tarfile.TarInfo(name)
                info.size, info.mode, info.mtime = len(data), 0o644, int(time.time())
                tar.addfile(info, io.BytesIO(data))
        compile_res = None
        try:
            if job.compile_argv:
                compile_res = self._step(c, job, BUILD_USER, "/cache", COMPILE_SH, [n], job.compile_argv,
                                         buf.getvalue(), compiling=True)
                if compile_res.status != OK:
                    return JobResult(compile_res, None, self.name)
            else:  # files only
                compile_res_setup = self._step(c, job, BUILD_USER, "/cache", COMPILE_SH, [n], ["true"],
                                               buf.getvalue(), compiling=True)
                if compile_res_setup.status != OK:
                    compile_res_setup.status = SANDBOX_ERROR
                    return JobResult(compile_res_setup, None, self.name)
            if job.runs:
                runs: list[StepResult | None] = [None] * len(job.runs)  # None: to run alone, one exec
                found = self._lanes(c, job, job_dir, slot, picks) if batched else []
                for pick, lane_runs in zip(picks, found):
                    for k, step in zip(pick, lane_runs or []):
                        runs[k] = step
                for k, (argv_k, stdin_k) in enumerate(job.runs):
                    if runs[k] is None and stopped_after_limit(job, runs, k):
                        runs[k] = StepResult(SKIPPED, None, 0.0)  # its program hit a limit already
                    if runs[k] is None:  # not run yet, or to be run alone (see _supervised)
                        runs[k] = self._step(c, job, SANDBOX_USER, "/tmp", RUN_SH, [],
                                             [a.replace("{job}", job_dir) for a in argv_k], stdin_k.encode(),
                                             compiling=False)
                return JobResult(compile_res, None, self.name, [r for r in runs if r is not None])
            argv = [a.replace("{job}", job_dir) for a in job.run_argv]
            run_res = self._step(c, job, SANDBOX_USER, "/tmp", RUN_SH, [], argv, job.stdin.encode(), compiling=False)
            return JobResult(compile_res, run_res, self.name)
        except _Infra as e:
            self._forget(slot, job.lang, limits)
            step = StepResult(SANDBOX_ERROR, None, 0.0, stderr=str(e))
            return JobResult(compile_res, step, self.name) if compile_res else JobResult(step, None, self.name)

    def _step(self, c: _Container, job: Job, user: str, home: str, script: str, pre: list[str], argv: list[str],
              stdin: bytes, compiling: bool) -> StepResult:
        limits = job.limits
        fsize = limits.file_size_mb * 1024 * 1024
        # a program is watched from here: its CPU time through the container's cgroup (the container
        # runs this step alone, so the count is the program's, plus the exec's own start: ~20 ms
        # measured), and the wall clock; `timeout` inside is a backstop past the longest budget
        watched = not compiling and c.cgroup.cpu_seconds() is not None
        if compiling:
            seconds = inner = job.compile_seconds or limits.compile_seconds
            cpu = str(int(seconds) + 2)
        else:
            seconds = limits.run_wall_seconds
            inner = seconds * EXTEND_MAX if watched else seconds
            cpu = cpu_rlimit(limits.run_seconds, watched)
        c.cgroup.set_pids_max((max(limits.processes, 256) if compiling else limits.processes) + len(c.keepers) + 1)
        oom_before = c.cgroup.oom_kills()
        c.cgroup.reset_memory_peak()
        cpu_before = c.cgroup.cpu_seconds()
        cmd = [self.docker, "exec", "-i", "-u", user, "-w", "/tmp" if not compiling else "/job", "-e", f"HOME={home}",
               c.cid, "sh", "-c", script, "sh", *pre, f"{inner:g}", cpu, str(fsize), *argv]

        def cpu_used() -> float | None:
            now = c.cgroup.cpu_seconds()
            return None if now is None or cpu_before is None else now - cpu_before

        start = time.monotonic()
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as e:
            raise _Infra(f"cannot run docker: {e}") from None
        if compiling:
            out, err, rc, limit, overflow = _communicate(proc, stdin, fsize, seconds + GRACE_S)
        else:
            out, err, rc, limit, overflow = _communicate(proc, stdin, fsize, inner + GRACE_S, limits.run_seconds,
                                                         seconds, cpu_used if watched else None,
                                                         c.cgroup.memory_share)
        elapsed = time.monotonic() - start
        self._reap(c, user)
        oom_after = c.cgroup.oom_kills()
        cpu_s, peak = cpu_used(), c.cgroup.peak_mb()
        full_out = out.decode("utf-8", "replace")
        err_s = err.decode("utf-8", "replace")
        if rc != 0 and err_s.lstrip().startswith(DOCKER_ERRORS) and not self._alive(c):
            raise _Infra(f"container {c.cid[:12]} lost: {err_s.strip()[:300]}")
        if rc == SETUP_FAILED and MARK in err_s:
            raise _Infra(err_s.strip()[-300:])
        oom = oom_before is not None and oom_after is not None and oom_after > oom_before
        if limit is None and rc in (124, 137) and elapsed >= inner * 0.98:
            limit = "wall"  # the inner `timeout`
        if compiling:
            kind = MEMORY if oom else TIMEOUT if limit else None
        else:
            kind = resource_kind(rc, limit, oom, peak, limits.memory_mb)
        if kind is not None:
            status = kind
        elif overflow:
            status = EXITED
            err_s += f"\n{MARK} output over {limits.file_size_mb} MiB, killed"
        elif rc == 0:
            status = OK
        elif rc == 137 and oom_before is None:
            status = MEMORY  # SIGKILL before the time limit, and no cgroup to ask: the OOM killer
        else:
            status = EXITED
        keep = limits.output_keep_bytes
        return StepResult(status, rc, round(elapsed, 4), full_out[:keep], err_s[-keep:], full_out,
                          None if cpu_s is None else round(cpu_s, 4), None if peak is None else round(peak, 1))

    def _lanes(self, c: _Container, job: Job, job_dir: str, slot: int,
               picks: list[list[int]]) -> list[list[StepResult | None] | None]:
        """Each lane's runs under a supervisor: lane 0 in the container that built the job, lane 1
        in this worker's second container, given a copy of the built job directory."""
        if len(picks) == 1:
            return [self._supervised(c, job, job_dir, picks[0], 0)]
        c2: _Container | None = None
        try:
            c2 = self._container(-1 - slot, job.lang, job.limits)  # the worker's run-only container
            self._copy_job(c, c2, job_dir)
        except (_Infra, OSError, subprocess.SubprocessError):
            if c2 is not None:
                self._forget(-1 - slot, job.lang, job.limits)
            return [self._supervised(c, job, job_dir, pick, lane) for lane, pick in enumerate(picks)]
        with ThreadPoolExecutor(2) as pool:
            second = pool.submit(self._supervised, c2, job, job_dir, picks[1], 1)
            first = self._supervised(c, job, job_dir, picks[0], 0)
            return [first, second.result()]

    def _copy_job(self, src: _Container, dst: _Container, job_dir: str) -> None:
        """The built job directory of `src` into `dst` (same path), replacing what `dst` had."""
        out = subprocess.run([self.docker, "exec", "-u", BUILD_USER, src.cid, "tar", "-C", job_dir, "-c", "."],
                             capture_output=True, timeout=120)
        if out.returncode != 0:
            raise _Infra(f"cannot read the built job: {out.stderr.decode('utf-8', 'replace')[-300:]}")
        script = f'rm -rf /job/* && mkdir -p "{job_dir}" && tar -C "{job_dir}" -x -o -f -'
        res = self._docker("exec", "-i", "-u", BUILD_USER, dst.cid, "sh", "-c", script, timeout=120, stdin=out.stdout)
        if res.returncode != 0:
            raise _Infra(f"cannot copy the built job: {res.stderr.strip()[-300:]}")

    def _supervised(self, c: _Container, job: Job, job_dir: str, pick: list[int],
                    lane: int) -> list[StepResult | None] | None:
        """The runs `pick` of job.runs in one exec under the supervisor, from lane `lane`'s plan;
        None if it did not finish cleanly.

        A None entry in the list is a run to repeat on its own (memory pressure not pinned on a run)."""
        limits = job.limits
        fsize = limits.file_size_mb * 1024 * 1024
        n = len(pick)
        if c.oom_visible is None:
            self._probe_own_cgroup(c)
        argv = supervised.argv(job_dir, lane, OUT_DIR, CGROUP_IN if c.oom_visible else "", c.cpu_in or "")
        wall = supervised.deadline(limits, n)
        # the supervisor's own rlimits (its programs get lower CPU ones; fsize/nofile/core are inherited)
        cpu = int(wall) + 2
        c.cgroup.set_pids_max(limits.processes + len(c.keepers) + 1)
        oom_before = c.cgroup.oom_kills()
        c.cgroup.reset_memory_peak()
        cmd = [self.docker, "exec", "-u", SANDBOX_USER, "-w", "/tmp", "-e", "HOME=/tmp", c.cid,
               "sh", "-c", SUPERVISE_SH, "sh", OUT_DIR, str(cpu), str(fsize), *argv]
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as e:
            raise _Infra(f"cannot run docker: {e}") from None
        _, err, rc, outer_limit, _ = _communicate(proc, b"", 1024 * 1024, wall + GRACE_S)
        self._reap(c, SANDBOX_USER)
        oom_after = c.cgroup.oom_kills()
        pressed = c.cgroup.hit_memory_limit()
        if rc != 0 or outer_limit:
            err_s = err.decode("utf-8", "replace")
            if err_s.lstrip().startswith(DOCKER_ERRORS) and not self._alive(c):
                raise _Infra(f"container {c.cid[:12]} lost: {err_s.strip()[:300]}")
            return None
        host_oom = oom_before is None or oom_after is None or oom_after > oom_before  # None: cannot tell
        host = supervised.HostView(shell_codes=True, oom_unseen=not c.oom_visible and host_oom, pressed=pressed)
        return supervised.decode(self._read_results(c), n, limits, host)

    def _probe_own_cgroup(self, c: _Container) -> None:
        """What of its own cgroup the container shows its processes (once per container): the OOM
        counter, and a CPU counter for the supervisor to watch its programs by."""
        script = (f'cat {CGROUP_IN}/memory.oom_control 2>/dev/null; for d in {" ".join(CPU_CGROUP_IN)}; do '
                  '[ -r "$d/cpuacct.usage" ] || [ -r "$d/cpu.stat" ] && { echo "cpu $d"; break; }; done; exit 0')
        try:
            res = self._docker("exec", "-u", SANDBOX_USER, c.cid, "sh", "-c", script, timeout=30)
        except (OSError, subprocess.SubprocessError):
            c.oom_visible = False
            return
        c.oom_visible = res.returncode == 0 and "oom_kill " in res.stdout
        cpu = [line.split(" ", 1)[1] for line in res.stdout.splitlines() if line.startswith("cpu /")]
        c.cpu_in = cpu[0] if cpu else None

    def _read_results(self, c: _Container) -> object:
        """The supervisor's results.json (None if absent or unreadable); never follows a link it finds."""
        data: bytes | None = None
        if c.pid is not None:
            data = _read_nofollow(f"/proc/{c.pid}/root/tmp", [OUT_DIR.rsplit("/", 1)[1], "results.json"])
        if data is None:
            try:
                res = subprocess.run([self.docker, "exec", "-u", SANDBOX_USER, c.cid, "cat",
                                      f"{OUT_DIR}/results.json"], capture_output=True, timeout=60)
            except (OSError, subprocess.SubprocessError):
                return None
            if res.returncode != 0:
                return None
            data = res.stdout
        try:
            return json.loads(data)
        except ValueError:
            return None

    def _alive(self, c: _Container) -> bool:
        try:
            res = self._docker("inspect", "-f", "{{.State.Running}}", c.cid, timeout=20)
        except (OSError, subprocess.SubprocessError):
            return False
        return res.returncode == 0 and res.stdout.strip() == "true"

    def _reap(self, c: _Container, user: str) -> None:
        """Kill every process the step left in the container; replace the container if that fails."""
        if c.keepers:
            for _ in range(200):
                pids = c.cgroup.pids()
                if pids is None:
                    break
                left = pids - c.keepers
                if not left:
                    return
                for pid in left:
                    with contextlib.suppress(ProcessLookupError, PermissionError):
                        os.kill(pid, signal.SIGKILL)
                time.sleep(0.01)
        else:
            try:
                res = self._docker("exec", "-u", user, c.cid, "sh", "-c", "kill -9 -1 2>/dev/null; exit 0", timeout=30)
                if res.returncode == 0:
                    return
            except (OSError, subprocess.SubprocessError):
                pass
        raise _Infra(f"container {c.cid[:12]}: processes survive the job; replacing it")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            containers = list(self._containers.values())
            self._containers.clear()
        ids = [c.cid for c in containers]
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            res = self._docker("ps", "-aq", "--filter", f"label=org.irgroups.session={self.session}", timeout=30)
            ids = sorted(set(ids) | set(res.stdout.split()))
        if ids:
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                self._docker("rm", "-f", *ids, timeout=120)
        if self._watchdog is not None:
            with contextlib.suppress(ProcessLookupError):
                self._watchdog.kill()
            self._watchdog.wait()
            self._watchdog = None


class _Infra(Exception):
    """Infrastructure trouble: the step is a sandbox_error and the container is replaced."""


def _read_nofollow(root: str, parts: list[str]) -> bytes | None:
    """A regular file under `root`, each component opened without following a symlink."""
    fds: list[int] = []
    try:
        fds.append(os.open(root, os.O_RDONLY | os.O_DIRECTORY))
        for part in parts[:-1]:
            fds.append(os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=fds[-1]))
        fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=fds[-1])
        fds.append(fd)
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > RESULTS_MAX:
            return None
        with os.fdopen(os.dup(fd), "rb") as f:
            return f.read(RESULTS_MAX)
    except OSError:
        return None
    finally:
        for fd in fds:
            os.close(fd)


def _communicate(proc: subprocess.Popen[bytes], stdin: bytes, cap: int, deadline_s: float,
                 cpu_limit: float | None = None, wall_s: float | None = None,
                 cpu_used: Callable[[], float | None] | None = None,
                 memory_share: Callable[[], float | None] | None = None) -> tuple[bytes, bytes, int, str | None, bool]:
    """stdout (up to `cap`), stderr (up to 1 MiB), exit code, the limit that stopped it (None, "wall",
    "cpu": see supervisor.watch; without `cpu_limit`, only the wall clock `deadline_s`), stdout over the cap."""
    chunks: dict[str, list[bytes]] = {"out": [], "err": []}
    sizes = {"out": 0, "err": 0}
    limits = {"out": cap, "err": 1024 * 1024}
    overflow = threading.Event()

    def reader(name: str, stream: IO[bytes]) -> None:
        while True:
            data = stream.read1(65536)  # type: ignore[attr-defined]
            if not data:
                return
            room = limits[name] - sizes[name]
            if room > 0:
                chunks[name].append(data[:room])
            sizes[name] += len(data)
            if name == "out" and sizes[name] > cap and not overflow.is_set():
                overflow.set()
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()

    def writer() -> None:
        if proc.stdin is None:  # stdin not piped
            return
        with contextlib.suppress(BrokenPipeError, OSError):
            proc.stdin.write(stdin)
        with contextlib.suppress(BrokenPipeError, OSError):
            proc.stdin.close()

    assert proc.stdout is not None and proc.stderr is not None
    threads = [threading.Thread(target=reader, args=("out", proc.stdout), daemon=True),
               threading.Thread(target=reader, args=("err", proc.stderr), daemon=True),
               threading.Thread(target=writer, daemon=True)]
    for t in threads:
        t.start()
    if cpu_limit is None:
        limit = watch(proc, deadline_s, deadline_s)
    else:
        limit = watch(proc, cpu_limit, wall_s or deadline_s, cpu_used, memory_share)
    if limit is not None:
        proc.kill()  # the docker client; the caller's _reap kills what runs in the container
    proc.wait()
    for t in threads:
        t.join(timeout=5)
    rc = proc.returncode
    return b"".join(chunks["out"]), b"".join(chunks["err"]), rc, limit, overflow.is_set()
