"""Per-step cgroups of the local sandbox: one interface, one implementation per hierarchy.

The local sandbox picks a hierarchy once (`irgroups.sandbox.local.choose_cgroups`) and asks it
for one `StepCgroup` per step: the shell text that makes the step's shell join it, its CPU
seconds, memory in use, OOM kills and memory high-water mark, and `close` (kill what is left in
it, remove it).
- v1 (and hybrid hosts, whose controllers sit in v1): `local._Cgroup`, a memory, a pids and a
  cpuacct dir per step under /sys/fs/cgroup/<controller>/irgroups/.
- v2 (the unified hierarchy alone): `V2Cgroups` below, one dir per step with memory.max,
  pids.max (and memory.swap.max 0, as v1's memsw limit), read back from memory.events
  (oom_kill), memory.peak (kernel 5.19+; before that the largest memory.current seen),
  cpu.stat (usage_usec) and removed after a write to cgroup.kill (5.14+; before that SIGKILL
  to each process in it).
- none usable: no cgroup at all, as before (prlimit --as, out-of-memory messages, RLIMIT_CPU).

How the v2 path finds a subtree it may use (`setup_v2`):
1. its own cgroup O, from the `0::/path` line of /proc/self/cgroup, under the unified mount;
2. O must offer memory and pids (its cgroup.controllers: delegated to it);
3. the job groups need both enabled in O's cgroup.subtree_control, which the kernel refuses
   (EBUSY) while O holds processes ("no internal processes"; the real root is exempt). So on
   EBUSY this process moves itself into a leaf, O/irgroups-supervisor, and tries again. If O
   still holds other processes (the shell that started irgroups, say), it moves back and the
   sandbox goes without cgroups, saying why: run irgroups in a cgroup of its own (e.g.
   `systemd-run --scope -p Delegate=yes irgroups ...`, or a container whose other processes sit
   in a leaf);
4. the job groups are O/irgroups/job-*, with +memory +pids in O/irgroups/cgroup.subtree_control;
5. a probe group is made, limited and joined by a shell (as a step's is), then removed.
The process (and what it starts) stays in the leaf, and O/irgroups stays, as v1's irgroups dirs
do; a later sandbox, in this process or one it started, finds itself in the leaf and reuses O.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shlex
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from irgroups.sandbox.base import Limits

CGROUP_ROOT = Path("/sys/fs/cgroup")
PROC_SELF_CGROUP = Path("/proc/self/cgroup")
PARENT = "irgroups"  # the job groups' parent, beside the leaf
SUPERVISOR_LEAF = "irgroups-supervisor"  # where this process moves to (v2)
CONTROLLERS = ("memory", "pids")
ENABLE = "+memory +pids"
# a step whose usage hit memory.max (memory.events "max") with its peak this near the cap is
# memory_limit even without an oom_kill, as v1's failcnt check has it
NEAR_LIMIT = 0.95


def cgroup_version(root: Path = CGROUP_ROOT) -> str:
    """Which cgroup hierarchy this host mounts: "v2" (unified: cgroup.controllers at the root),
    "v1" (a memory controller directory), "hybrid" (both) or "none"."""
    v2 = (root / "cgroup.controllers").is_file() or (root / "unified" / "cgroup.controllers").is_file()
    v1 = (root / "memory").is_dir()
    return "hybrid" if v1 and v2 else "v2" if v2 else "v1" if v1 else "none"


class StepCgroup(Protocol):
    """The cgroup(s) of one sandbox step."""

    def join_script(self) -> str:
        """Shell text ending in `&& ` that moves the shell ($$) into the step's group(s)."""
        ...

    def watch_dirs(self) -> tuple[str, str]:
        """Host dirs with the memory and the CPU counters ("" for the second where the first has
        them), bound read-only into a supervisor's sandbox."""
        ...

    def cpu_seconds(self) -> float | None: ...

    def memory_share(self) -> float | None:
        """Memory in use now, as a share of the limit."""
        ...

    def oom_kills(self) -> int: ...

    def oom_killed(self) -> bool: ...

    def peak_mb(self) -> float | None: ...

    def close(self) -> None:
        """Kill every process still in the group(s), then remove them."""
        ...


class Cgroups(Protocol):
    """A hierarchy the sandbox uses, chosen once."""

    version: str  # "v1" or "v2"

    def create(self, limits: Limits, processes: int) -> StepCgroup: ...


# ---- parsing -----------------------------------------------------------------------------

def own_cgroup(text: str) -> str | None:
    """The unified-hierarchy path in /proc/<pid>/cgroup text (its `0::/path` line); None where
    there is none, or where the path lies outside this cgroup namespace ("/../..")."""
    for line in text.splitlines():
        hierarchy, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        if hierarchy == "0" and controllers == "":
            return path if path.startswith("/") and ".." not in path.split("/") else None
    return None


def keyed(text: str) -> dict[str, int]:
    """A flat-keyed cgroup file (memory.events, pids.events, cpu.stat): `key value` lines."""
    out = {}
    for line in text.splitlines():
        key, _, value = line.partition(" ")
        with contextlib.suppress(ValueError):
            out[key] = int(value)
    return out


def value(text: str) -> int | None:
    """A single-value cgroup file (memory.peak, memory.current, memory.max): None for "max"."""
    text = text.strip()
    return int(text) if text.isdigit() else None


def _read_keyed(path: Path) -> dict[str, int]:
    try:
        return keyed(path.read_text())
    except OSError:
        return {}


def _read_value(path: Path) -> int | None:
    try:
        return value(path.read_text())
    except OSError:
        return None


def _words(path: Path) -> list[str]:
    try:
        return path.read_text().split()
    except OSError:
        return []


# ---- the writes the kernel answers (the tests' fake kernel stands in for these) ------------

def _write(path: Path, text: str) -> None:
    """One write(2), so the kernel's refusal (EBUSY, ENOENT, EACCES...) is this OSError."""
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def _mkdir(path: Path, exist_ok: bool = False) -> None:
    path.mkdir(exist_ok=exist_ok)


def _rmdir(path: Path) -> None:
    os.rmdir(path)


# ---- cgroup v2 ---------------------------------------------------------------------------

class V2Step:
    """One step's group in the unified hierarchy: every counter and limit in one dir."""

    def __init__(self, path: Path) -> None:
        self.dir = path
        self._seen = 0  # the largest memory.current read, for kernels without memory.peak

    @classmethod
    def create(cls, parent: Path, limits: Limits, processes: int) -> V2Step:
        step = cls(parent / f"job-{uuid.uuid4().hex[:12]}")
        _mkdir(step.dir)
        try:
            limit = str(limits.memory_mb * 1024 * 1024)
            _write(step.dir / "memory.max", limit)
            if (step.dir / "memory.swap.max").exists():  # v1's memsw limit: nothing beyond the cap in swap
                _write(step.dir / "memory.swap.max", "0")
            _write(step.dir / "pids.max", str(processes))
        except OSError:
            step.close()
            raise
        return step

    def join_script(self) -> str:
        return f"echo $$ > {shlex.quote(str(self.dir / 'cgroup.procs'))} && "

    def watch_dirs(self) -> tuple[str, str]:
        return str(self.dir), ""

    def cpu_seconds(self) -> float | None:
        usage = _read_keyed(self.dir / "cpu.stat").get("usage_usec")
        return None if usage is None else usage / 1e6

    def memory_share(self) -> float | None:
        current = _read_value(self.dir / "memory.current")
        if current is None:
            return None
        self._seen = max(self._seen, current)
        limit = _read_value(self.dir / "memory.max")
        return current / limit if limit else None

    def oom_kills(self) -> int:
        return _read_keyed(self.dir / "memory.events").get("oom_kill", 0)

    def oom_killed(self) -> bool:
        events = _read_keyed(self.dir / "memory.events")
        if events.get("oom_kill", 0) > 0:
            return True
        peak, limit = self._peak_bytes(), _read_value(self.dir / "memory.max")
        return events.get("max", 0) > 0 and peak is not None and limit is not None and peak >= limit * NEAR_LIMIT

    def _peak_bytes(self) -> int | None:
        peak = _read_value(self.dir / "memory.peak")
        if peak is not None:
            return peak
        self.memory_share()  # no memory.peak (kernel < 5.19): what was seen, a lower bound
        return self._seen or None

    def peak_mb(self) -> float | None:
        peak = self._peak_bytes()
        return None if peak is None else peak / (1 << 20)

    def _kill_all(self) -> None:
        kill = self.dir / "cgroup.kill"
        if kill.exists():  # the whole group at once, forks in flight included (kernel 5.14+)
            _write(kill, "1")
            return
        for pid in _words(self.dir / "cgroup.procs"):
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(pid), signal.SIGKILL)

    def close(self) -> None:
        _remove(self.dir, self._kill_all)


def _remove(path: Path, kill: Callable[[], None] | None = None) -> None:
    """rmdir a group, which the kernel refuses while a process is in it: kill (if given) and retry
    for up to a second."""
    for _ in range(100):
        try:
            if kill is not None:
                kill()
            _rmdir(path)
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.01)


class V2Cgroups:
    """The unified hierarchy: one V2Step per step, under `parent` (see setup_v2)."""

    version = "v2"

    def __init__(self, parent: Path) -> None:
        self.parent = parent

    def create(self, limits: Limits, processes: int) -> V2Step:
        return V2Step.create(self.parent, limits, processes)


class _Unusable(Exception):
    """Why the v2 path cannot be taken here."""


_setup_lock = threading.Lock()


def setup_v2(root: Path = CGROUP_ROOT, proc_cgroup: Path | None = None) -> tuple[V2Cgroups | None, str]:
    """The job groups' parent, set up as the module's docstring says, and a line that says what
    is in use; (None, why) where something needed is missing or not writable, with what this
    did undone (the process moved back, the controllers it enabled disabled, its dirs removed)."""
    proc_cgroup = proc_cgroup or PROC_SELF_CGROUP
    mount = root if (root / "cgroup.controllers").is_file() else root / "unified"
    try:
        path = own_cgroup(proc_cgroup.read_text())
    except OSError as e:
        return None, f"cannot read {proc_cgroup}: {e.strerror}"
    if path is None:
        return None, f"no cgroup v2 line (0::/path) in {proc_cgroup}"
    own = mount / path.lstrip("/")
    undo: list[Callable[[], None]] = []
    with _setup_lock:
        try:
            base, how = _delegated(own, undo)
            parent = base / PARENT
            if not parent.is_dir():
                _mkdir(parent)
                undo.append(lambda: _rmdir(parent))
            if not _enabled(parent):
                _write(parent / "cgroup.subtree_control", ENABLE)
            features = _probe(parent)
        except (_Unusable, OSError) as e:
            for step in reversed(undo):
                with contextlib.suppress(OSError):
                    step()
            if isinstance(e, _Unusable):
                return None, str(e)
            where = f" ({e.filename})" if e.filename else ""
            return None, f"cgroup v2 subtree {own} not usable: {e.strerror or e}{where}"
    return V2Cgroups(parent), f"v2 memory+pids limits in use: job groups under {parent} ({how}); {features}"


def _enabled(group: Path) -> bool:
    return set(CONTROLLERS) <= set(_words(group / "cgroup.subtree_control"))


def _delegated(own: Path, undo: list[Callable[[], None]]) -> tuple[Path, str]:
    """The cgroup under which the job groups' parent goes, with memory and pids enabled for its
    children, and what was done to get it (each change with its undoing added to `undo`)."""
    if own.name == SUPERVISOR_LEAF and _enabled(own.parent):
        return own.parent, f"this process already in {own}"
    offered = _words(own / "cgroup.controllers")
    missing = [c for c in CONTROLLERS if c not in offered]
    if missing:
        raise _Unusable(f"{'+'.join(missing)} not delegated to this process's cgroup {own} "
                        f"(its cgroup.controllers: {' '.join(offered) or 'none'})")
    if _enabled(own):
        return own, f"memory and pids already enabled in {own}"

    off = [c for c in CONTROLLERS if c not in _words(own / "cgroup.subtree_control")]

    def enable() -> None:  # only what is off, and only that is turned off again by `undo`
        _write(own / "cgroup.subtree_control", " ".join(f"+{c}" for c in off))
        undo.append(lambda: _write(own / "cgroup.subtree_control", " ".join(f"-{c}" for c in off)))

    try:  # the real root may hold processes and still enable controllers
        enable()
        return own, f"enabled memory and pids in {own}"
    except OSError as e:
        if e.errno != errno.EBUSY:
            raise
    # no internal processes: move this process into a leaf of its own cgroup, and try again
    leaf, pid = own / SUPERVISOR_LEAF, str(os.getpid())
    if not leaf.is_dir():
        _mkdir(leaf)
        undo.append(lambda: _rmdir(leaf))
    _write(leaf / "cgroup.procs", pid)
    undo.append(lambda: _write(own / "cgroup.procs", pid))
    try:
        enable()
    except OSError as e:
        if e.errno == errno.EBUSY:
            others = len(_words(own / "cgroup.procs"))
            raise _Unusable(f"{own} holds {others} other process(es), so memory and pids cannot be enabled "
                            "for its children (cgroup v2: no internal processes); run irgroups in a cgroup "
                            "of its own, e.g. systemd-run --scope -p Delegate=yes irgroups ...") from e
        raise
    return own, f"this process moved into {leaf}, memory and pids enabled in {own}"


def _probe(parent: Path) -> str:
    """Make, limit and join a group as a step does; what the kernel offers besides."""
    probe = parent / f"probe-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    _mkdir(probe)
    try:
        _write(probe / "memory.max", "max")
        _write(probe / "pids.max", "max")
        missing = [f for f in ("memory.events", "memory.current", "cpu.stat") if not (probe / f).is_file()]
        if missing:
            raise _Unusable(f"{probe} has no {', '.join(missing)}")
        # moving a process needs write access to cgroup.procs up to the common ancestor
        joined = subprocess.run(["sh", "-c", f"echo $$ > {shlex.quote(str(probe / 'cgroup.procs'))}"],
                                capture_output=True, text=True)
        if joined.returncode != 0:
            raise _Unusable(f"a process cannot join {probe}: {joined.stderr.strip()}")
        peak = "peak memory.peak" if (probe / "memory.peak").is_file() else \
            "peak memory.current as sampled (no memory.peak: kernel before 5.19)"
        kill = "kill cgroup.kill" if (probe / "cgroup.kill").is_file() else \
            "kill SIGKILL per process (no cgroup.kill: kernel before 5.14)"
    finally:
        _remove(probe)
    return f"OOM memory.events, {peak}, CPU cpu.stat, {kill}"
