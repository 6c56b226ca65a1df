"""The local sandbox's cgroup v2 path (irgroups/sandbox/cgroups.py) where no v2 kernel is at hand.

- parsing of /proc/self/cgroup, memory.events, cpu.stat, memory.peak;
- the choice of hierarchy and the v2 setup against a fake root laid out like /sys/fs/cgroup on a
  v2 host (`FakeKernel`: a test double for the kernel this machine does not have; it keeps the
  rules the setup meets: controllers offered by the parent's cgroup.subtree_control, EBUSY for
  enabling controllers in a non-root cgroup with processes, or for moving a process into one
  with controllers enabled), and the fallback where something is not writable;
- a step's group on the fake kernel: its limits written, its counters read, its processes
  killed (a real child process) and its dir removed; a real sandbox job whose steps join fake
  v2 groups;
- where this host mounts a cgroup2 hierarchy at all (a hybrid host's has no controllers): a
  step group made there, joined by a process that escapes by a double fork, removed by
  cgroup.kill with the escaped process dead, and its cpu.stat read.
What a v2 kernel alone shows (memory.max and pids.max enforced, oom_kill counted, memory.peak)
is benchmarks/cgroup_v2_check.sh's, on a v2 machine.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from irgroups.sandbox import cgroups, local
from irgroups.sandbox.base import Job, Limits, Runtime
from irgroups.sandbox.cgroups import V2Cgroups, V2Step, keyed, own_cgroup, value

ME = str(os.getpid())
OWN = "user.slice/user-0.slice/session-3.scope"


# ---- parsing ------------------------------------------------------------------------------

def test_own_cgroup_from_proc_self_cgroup():
    assert own_cgroup(f"0::/{OWN}\n") == f"/{OWN}"
    assert own_cgroup("0::/\n") == "/"  # a container's own cgroup namespace
    hybrid = "9:name=systemd:/\n4:memory:/process_api/34807e\n1:cpu:/\n0::/system.slice/x.service\n"
    assert own_cgroup(hybrid) == "/system.slice/x.service"
    assert own_cgroup("4:memory:/a\n1:cpu,cpuacct:/\n") is None  # v1 alone
    assert own_cgroup("0::/../../outside\n") is None  # outside this cgroup namespace
    assert own_cgroup("") is None


def test_flat_keyed_files():
    events = "low 0\nhigh 0\nmax 17\noom 1\noom_kill 1\noom_group_kill 0\n"
    assert keyed(events) == {"low": 0, "high": 0, "max": 17, "oom": 1, "oom_kill": 1, "oom_group_kill": 0}
    stat = ("usage_usec 1523456\nuser_usec 1400000\nsystem_usec 123456\nnr_periods 0\n"
            "nr_throttled 0\nthrottled_usec 0\n")
    assert keyed(stat)["usage_usec"] == 1523456
    assert keyed("max 3\n") == {"max": 3}  # pids.events
    assert keyed("garbage\nkey notanumber\n") == {}


def test_single_values():
    assert value("268435456\n") == 268435456  # memory.peak, memory.current
    assert value("max\n") is None  # memory.max unlimited
    assert value("") is None


# ---- a fake kernel ------------------------------------------------------------------------

class FakeKernel:
    """A tmp dir laid out like /sys/fs/cgroup on a v2 host, and the kernel's side of the writes
    and mkdirs the setup makes (patched over cgroups._write/_mkdir/_rmdir)."""

    def __init__(self, root: Path, peak: bool = True, kill: bool = True, swap: bool = True) -> None:
        self.root, self.peak, self.kill, self.swap = root, peak, kill, swap
        self.killable: set[int] = set()  # the only pids a fake cgroup.kill signals: the test's own children
        self.readonly: set[str] = set()  # file names whose writes are refused (EACCES)
        self.writes: list[tuple[str, str]] = []
        self.removed: dict[str, str] = {}  # group -> its cgroup.procs when removed
        self.killed: dict[str, list[str]] = {}  # group -> its cgroup.procs when cgroup.kill was written
        root.mkdir(parents=True, exist_ok=True)
        self._files(root, "cpuset cpu io memory hugetlb pids rdma misc")
        (root / "cgroup.procs").write_text("1\n")

    def _files(self, group: Path, offered: str) -> None:
        files = {"cgroup.controllers": offered, "cgroup.subtree_control": "", "cgroup.procs": "",
                 "cgroup.events": "populated 0\nfrozen 0\n",
                 "cpu.stat": "usage_usec 0\nuser_usec 0\nsystem_usec 0\n"}
        if self.kill:
            files["cgroup.kill"] = ""
        if "memory" in offered.split():
            files.update({"memory.max": "max", "memory.current": "0",
                          "memory.events": "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n"})
            if self.peak:
                files["memory.peak"] = "0"
            if self.swap:
                files["memory.swap.max"] = "max"
        if "pids" in offered.split():
            files.update({"pids.max": "max", "pids.current": "0", "pids.events": "max 0\n"})
        for name, text in files.items():
            (group / name).write_text(text + "\n" if text else "")

    def rel(self, path: Path) -> str:
        return str(path.relative_to(self.root))

    def mkdir(self, path: Path, exist_ok: bool = False) -> None:
        if path.is_dir() and exist_ok:
            return
        path.mkdir()
        self._files(path, " ".join(_words(path.parent / "cgroup.subtree_control")))

    def group(self, rel: str, procs: tuple[str, ...] = (), enable: str = "") -> Path:
        """A cgroup as systemd or a container runtime left it."""
        path = self.root
        for part in rel.split("/"):
            path = path / part
            self.mkdir(path, exist_ok=True)
        if enable:
            (path / "cgroup.subtree_control").write_text(enable + "\n")
        (path / "cgroup.procs").write_text("".join(p + "\n" for p in procs))
        return path

    def write(self, path: Path, text: str) -> None:
        group, name = path.parent, path.name
        if name in self.readonly:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        if not path.is_file():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
        self.writes.append((self.rel(path), text))
        if name == "cgroup.subtree_control":
            words = text.split()
            on, off = {w[1:] for w in words if w[0] == "+"}, {w[1:] for w in words if w[0] == "-"}
            if on - set(_words(group / "cgroup.controllers")):
                raise OSError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
            if on and group != self.root and _words(group / "cgroup.procs"):
                raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(path))  # no internal processes
            path.write_text(" ".join(sorted((set(_words(path)) | on) - off)) + "\n")
        elif name == "cgroup.procs":
            if group != self.root and _words(group / "cgroup.subtree_control"):
                raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(path))
            pid = text.strip()
            for procs in self.root.rglob("cgroup.procs"):
                if pid in _words(procs):
                    procs.write_text("".join(p + "\n" for p in _words(procs) if p != pid))
            path.write_text("".join(p + "\n" for p in [*_words(path), pid]))
        elif name == "cgroup.kill":
            self.killed.setdefault(self.rel(group), []).extend(_words(group / "cgroup.procs"))
            for pid in _words(group / "cgroup.procs"):
                if int(pid) in self.killable:
                    os.kill(int(pid), 9)
            (group / "cgroup.procs").write_text("")
        else:
            path.write_text(text)

    def rmdir(self, path: Path) -> None:
        if not path.is_dir():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
        live = [p for p in _words(path / "cgroup.procs") if _alive(int(p))]
        if live or any(p.is_dir() for p in path.iterdir()):
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(path))
        self.removed[self.rel(path)] = (path / "cgroup.procs").read_text()
        shutil.rmtree(path)

    def procs(self, rel: str) -> list[str]:
        return _words(self.root / rel / "cgroup.procs")


def _words(path: Path) -> list[str]:
    return path.read_text().split() if path.is_file() else []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.fixture
def kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeKernel:
    k = FakeKernel(tmp_path / "sys-fs-cgroup")
    monkeypatch.setattr(cgroups, "_write", k.write)
    monkeypatch.setattr(cgroups, "_mkdir", k.mkdir)
    monkeypatch.setattr(cgroups, "_rmdir", k.rmdir)
    return k


def _proc_cgroup(tmp_path: Path, path: str) -> Path:
    f = tmp_path / f"proc-self-cgroup-{uuid.uuid4().hex[:6]}"
    f.write_text(f"0::{path}\n")
    return f


def _systemd_session(kernel: FakeKernel, procs: tuple[str, ...] = (ME,)) -> Path:
    """A v2 host's session scope, memory and pids delegated to it by the slices above."""
    kernel.root.joinpath("cgroup.subtree_control").write_text("cpu io memory pids\n")
    kernel.group("user.slice", enable="cpu memory pids")
    kernel.group("user.slice/user-0.slice", enable="memory pids")
    return kernel.group(OWN, procs=procs)


# ---- the choice of hierarchy, and the v2 setup ----------------------------------------------

def test_v2_setup_moves_this_process_into_a_leaf(kernel, tmp_path):
    own = _systemd_session(kernel)
    found, note = cgroups.setup_v2(kernel.root, _proc_cgroup(tmp_path, f"/{OWN}"))
    assert isinstance(found, V2Cgroups), note
    assert found.parent == own / "irgroups"
    assert kernel.procs(OWN) == [] and kernel.procs(f"{OWN}/irgroups-supervisor") == [ME]
    assert set(_words(own / "cgroup.subtree_control")) >= {"memory", "pids"}
    assert set(_words(own / "irgroups" / "cgroup.subtree_control")) >= {"memory", "pids"}
    # the probe group was made, limited, joined by a shell and removed
    probes = [g for g in kernel.removed if "/irgroups/probe-" in g]
    assert len(probes) == 1
    assert (f"{probes[0]}/memory.max", "max") in kernel.writes
    assert kernel.removed[probes[0]].strip().isdigit()  # the shell's pid
    assert "v2 memory+pids limits in use" in note and "memory.peak" in note and "cgroup.kill" in note


def test_v2_setup_again_reuses_the_subtree(kernel, tmp_path):
    _systemd_session(kernel)
    first, _ = cgroups.setup_v2(kernel.root, _proc_cgroup(tmp_path, f"/{OWN}"))
    # a second sandbox in this process (or in a process it started) sees itself in the leaf
    again, note = cgroups.setup_v2(kernel.root, _proc_cgroup(tmp_path, f"/{OWN}/irgroups-supervisor"))
    assert isinstance(first, V2Cgroups) and isinstance(again, V2Cgroups), note
    assert again.parent == first.parent and "already in" in note
    assert not (kernel.root / OWN / "irgroups-supervisor" / "irgroups-supervisor").exists()


def test_v2_setup_in_the_root_cgroup_moves_nothing(kernel, tmp_path):
    """The real root (a VM, a privileged container without a cgroup namespace) may hold processes
    and enable controllers: nothing is moved."""
    kernel.root.joinpath("cgroup.procs").write_text(f"1\n{ME}\n")
    found, note = cgroups.setup_v2(kernel.root, _proc_cgroup(tmp_path, "/"))
    assert isinstance(found, V2Cgroups), note
    assert found.parent == kernel.root / "irgroups"
    assert not (kernel.root / "irgroups-supervisor").exists() and ME in kernel.procs(".")


def test_v2_fallback_in_the_root_cgroup_turns_off_only_what_it_turned_on(kernel, tmp_path):
    kernel.root.joinpath("cgroup.subtree_control").write_text("cpu memory\n")  # systemd's, say
    kernel.root.joinpath("cgroup.procs").write_text(f"1\n{ME}\n")
    kernel.readonly.add("pids.max")
    found, note = cgroups.setup_v2(kernel.root, _proc_cgroup(tmp_path, "/"))
    assert found is None and "pids.max" in note
    assert ("cgroup.subtree_control", "+pids") in kernel.writes and ("cgroup.subtree_control", "-pids") in kernel.writes
    assert _words(kernel.root / "cgroup.subtree_control") == ["cpu", "memory"]
    assert not (kernel.root / "irgroups").exists()


def test_v2_setup_under_root_unified(tmp_path, monkeypatch):
    """A host that mounts the unified hierarchy alone at /sys/fs/cgroup/unified."""
    root = tmp_path / "cg"
    k = FakeKernel(root / "unified")
    for name, fake in (("_write", k.write), ("_mkdir", k.mkdir), ("_rmdir", k.rmdir)):
        monkeypatch.setattr(cgroups, name, fake)
    k.root.joinpath("cgroup.subtree_control").write_text("memory pids\n")
    k.group("box", procs=(ME,))
    assert cgroups.cgroup_version(root) == "v2"
    found, note = cgroups.setup_v2(root, _proc_cgroup(tmp_path, "/box"))
    assert isinstance(found, V2Cgroups) and found.parent == k.root / "box" / "irgroups", note


def test_v2_falls_back_when_other_processes_share_the_cgroup(kernel, tmp_path):
    """A container's cgroup holding its other processes too: enabling controllers stays refused
    after this process moved out, so it moves back and says why."""
    own = _systemd_session(kernel, procs=("1", "77", ME))
    before = sorted(p.name for p in own.iterdir())
    found, note = cgroups.setup_v2(kernel.root, _proc_cgroup(tmp_path, f"/{OWN}"))
    assert found is None
    assert "2 other process(es)" in note and "no internal processes" in note and "Delegate=yes" in note
    assert sorted(kernel.procs(OWN)) == sorted(["1", "77", ME])  # back where it was
    assert sorted(p.name for p in own.iterdir()) == before  # no leaf, no parent left


def test_v2_falls_back_when_controllers_are_not_delegated(kernel, tmp_path):
    kernel.root.joinpath("cgroup.subtree_control").write_text("cpu io memory\n")  # no pids below the root
    kernel.group("system.slice", enable="memory")
    kernel.group("system.slice/irgroups.service", procs=(ME,))
    found, note = cgroups.setup_v2(kernel.root, _proc_cgroup(tmp_path, "/system.slice/irgroups.service"))
    assert found is None and "pids not delegated" in note and "cgroup.controllers: memory" in note
    assert kernel.writes == []


@pytest.mark.parametrize("refused", ["cgroup.subtree_control", "cgroup.procs", "memory.max", "pids.max"])
def test_v2_falls_back_when_a_file_is_not_writable(kernel, tmp_path, refused):
    """Root in a container still meets read-only or unwritable cgroup files: each one needed makes
    the sandbox go without cgroups, with the file named."""
    own = _systemd_session(kernel)
    kernel.readonly.add(refused)
    found, note = cgroups.setup_v2(kernel.root, _proc_cgroup(tmp_path, f"/{OWN}"))
    assert found is None and refused in note and "Permission denied" in note, note
    # undone: back in its own cgroup, nothing enabled, no dir left
    assert kernel.procs(OWN) == [ME]
    assert _words(own / "cgroup.subtree_control") == []
    assert not (own / "irgroups").exists() and not (own / "irgroups-supervisor").exists()


def test_v2_falls_back_on_a_read_only_mount(kernel, tmp_path, monkeypatch):
    _systemd_session(kernel)

    def read_only(path: Path, exist_ok: bool = False) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(cgroups, "_mkdir", read_only)
    kernel.root.joinpath(OWN, "cgroup.subtree_control").write_text("memory pids\n")  # as if enabled for it
    found, note = cgroups.setup_v2(kernel.root, _proc_cgroup(tmp_path, f"/{OWN}"))
    assert found is None and "Read-only file system" in note


def test_v2_falls_back_without_a_v2_line(kernel, tmp_path):
    f = tmp_path / "v1-only"
    f.write_text("4:memory:/x\n1:cpu,cpuacct:/\n")
    found, note = cgroups.setup_v2(kernel.root, f)
    assert found is None and "0::/path" in note
    found, note = cgroups.setup_v2(kernel.root, tmp_path / "missing")
    assert found is None and "cannot read" in note


def test_choose_cgroups_by_hierarchy(kernel, tmp_path, monkeypatch):
    """v2 root -> the v2 path; v1 root with writable memory and pids -> today's v1 path; no
    hierarchy -> rlimits only; each says so for `sandbox check`."""
    _systemd_session(kernel)
    monkeypatch.setattr(cgroups, "PROC_SELF_CGROUP", _proc_cgroup(tmp_path, f"/{OWN}"))
    found, note = local.choose_cgroups(kernel.root)
    assert isinstance(found, V2Cgroups) and note.startswith("cgroup v2 hierarchy, v2 memory+pids limits"), note

    v1 = tmp_path / "v1"
    (v1 / "memory").mkdir(parents=True)
    (v1 / "pids").mkdir()
    found, note = local.choose_cgroups(v1)
    assert found is not None and found.version == "v1" and note == "cgroup v1 hierarchy, v1 memory+pids limits in use"

    none = tmp_path / "none"
    none.mkdir()
    found, note = local.choose_cgroups(none)
    assert found is None and note.startswith("cgroup none hierarchy; rlimits only")


def test_choose_cgroups_v2_fallback_says_rlimits_only(kernel, tmp_path, monkeypatch):
    _systemd_session(kernel, procs=("1", ME))
    monkeypatch.setattr(cgroups, "PROC_SELF_CGROUP", _proc_cgroup(tmp_path, f"/{OWN}"))
    found, note = local.choose_cgroups(kernel.root)
    assert found is None
    assert note.startswith("cgroup v2 hierarchy; rlimits only (") and "1 other process(es)" in note


# ---- a step's group on the fake kernel ------------------------------------------------------

def _parent(kernel: FakeKernel) -> Path:
    _systemd_session(kernel)
    return kernel.group(f"{OWN}/irgroups", enable="memory pids")


def test_v2_step_writes_its_limits_and_reads_its_counters(kernel):
    parent = _parent(kernel)
    step = V2Cgroups(parent).create(Limits(memory_mb=256), 32)
    rel = kernel.rel(step.dir)
    assert (f"{rel}/memory.max", str(256 << 20)) in kernel.writes
    assert (f"{rel}/memory.swap.max", "0") in kernel.writes
    assert (f"{rel}/pids.max", "32") in kernel.writes
    assert step.join_script() == f"echo $$ > {step.dir}/cgroup.procs && "
    assert step.watch_dirs() == (str(step.dir), "")
    (step.dir / "cpu.stat").write_text("usage_usec 1500000\nuser_usec 1400000\nsystem_usec 100000\n")
    (step.dir / "memory.current").write_text(str(64 << 20))
    (step.dir / "memory.peak").write_text(str(255 << 20))
    (step.dir / "memory.events").write_text("low 0\nhigh 0\nmax 40\noom 1\noom_kill 1\noom_group_kill 0\n")
    assert step.cpu_seconds() == 1.5
    assert step.memory_share() == 0.25
    assert step.peak_mb() == 255.0
    assert step.oom_kills() == 1 and step.oom_killed()
    step.close()
    assert not step.dir.exists() and (f"{rel}/cgroup.kill", "1") in kernel.writes


def test_v2_step_memory_limit_without_oom_kill(kernel):
    """Usage that hit memory.max with the peak at the cap is memory_limit (v1's failcnt rule)."""
    step = V2Cgroups(_parent(kernel)).create(Limits(memory_mb=100), 8)
    (step.dir / "memory.events").write_text("low 0\nhigh 0\nmax 3\noom 0\noom_kill 0\noom_group_kill 0\n")
    (step.dir / "memory.peak").write_text(str(99 << 20))
    assert step.oom_kills() == 0 and step.oom_killed()
    (step.dir / "memory.peak").write_text(str(50 << 20))
    assert not step.oom_killed()
    step.close()


def test_v2_step_peak_sampled_without_memory_peak(tmp_path, monkeypatch):
    """Kernels before 5.19 have no memory.peak: the largest memory.current read stands in (a
    lower bound), and nothing at all where nothing was read."""
    k = FakeKernel(tmp_path / "cg", peak=False)
    for name, fake in (("_write", k.write), ("_mkdir", k.mkdir), ("_rmdir", k.rmdir)):
        monkeypatch.setattr(cgroups, name, fake)
    step = V2Cgroups(_parent(k)).create(Limits(memory_mb=100), 8)
    assert not (step.dir / "memory.peak").exists()
    assert step.peak_mb() is None  # memory.current 0: nothing seen
    (step.dir / "memory.current").write_text(str(80 << 20))
    assert step.memory_share() == 0.8  # what supervisor.watch polls
    (step.dir / "memory.current").write_text(str(1 << 20))
    assert step.peak_mb() == 80.0
    step.close()


def test_v2_step_unreadable_counters_read_as_unknown(tmp_path):
    step = V2Step(tmp_path / "gone")
    assert step.cpu_seconds() is None and step.memory_share() is None and step.peak_mb() is None
    assert step.oom_kills() == 0 and not step.oom_killed()
    step.close()  # nothing to remove: no error


def test_v2_step_kill_without_cgroup_kill_signals_each_process(tmp_path, monkeypatch):
    """Kernels before 5.14 have no cgroup.kill: each process listed is SIGKILLed (a real child here)."""
    k = FakeKernel(tmp_path / "cg", kill=False)
    for name, fake in (("_write", k.write), ("_mkdir", k.mkdir), ("_rmdir", k.rmdir)):
        monkeypatch.setattr(cgroups, name, fake)
    step = V2Cgroups(_parent(k)).create(Limits(), 8)
    child = subprocess.Popen(["sleep", "60"])
    try:
        (step.dir / "cgroup.procs").write_text(f"{child.pid}\n")
        step.close()  # the fake kernel counts a killed (zombie) process out, as the real one does
        assert child.wait(timeout=5) == -9
        assert not step.dir.exists()
    finally:
        child.kill()
        child.wait()


def test_v2_step_create_cleans_up_when_a_limit_is_refused(kernel):
    parent = _parent(kernel)
    kernel.readonly.add("pids.max")
    with pytest.raises(PermissionError):
        V2Cgroups(parent).create(Limits(), 8)
    assert not list(parent.glob("job-*"))


# ---- a real sandbox job whose steps join fake v2 groups ------------------------------------

def test_local_sandbox_runs_jobs_in_v2_step_groups(kernel, tmp_path, monkeypatch):
    """The sandbox's steps (one program alone, and a supervised batch that watches /cg) through
    the v2 interface: the step's shell joins the group, the limits are written, the group is
    read and removed. The fake kernel enforces nothing; the real one is the device check's."""
    monkeypatch.setattr(local, "choose_cgroups", lambda: (None, "chosen below"))  # not the host's
    box = local.LocalSandbox(workdir=str(tmp_path))
    try:
        if box.problems():
            pytest.skip("; ".join(box.problems()))
        if not Path("/usr/bin/python3").exists():
            pytest.skip("no /usr/bin/python3 for the sandbox")
        parent = _parent(kernel)
        box._cgroups = V2Cgroups(parent)
        limits = Limits(run_seconds=2.0, memory_mb=256, processes=16)
        res = box.run(Job("python", {}, ["python3", "-c", "print(6 * 7)"], limits=limits, runtime=Runtime()))
        assert res.run is not None and res.run.status == "ok" and res.run.stdout.strip() == "42", res
        assert res.run.peak_memory_mb == 0.0 and res.run.cpu_seconds == 0.0  # the fake's counters
        batch = Job("python", {}, [], limits=limits, runtime=Runtime(),
                    runs=((("python3", "-c", "print(1)"), ""), (("python3", "-c", "print(2)"), "")))
        res = box.run(batch)
        assert [(r.status, r.stdout.strip()) for r in res.runs] == [("ok", "1"), ("ok", "2")], res
        # one group for the lone program, one per supervisor (two lanes); each was joined by its
        # step's shell (whose pid, gone by then or killed, was in it when cgroup.kill was written)
        jobs = [g for g in kernel.removed if "/irgroups/job-" in g]
        assert len(jobs) == 3 and all(kernel.removed[g] or kernel.killed.get(g) for g in jobs), kernel.killed
        for g in jobs:
            assert (f"{g}/memory.max", str(256 << 20)) in kernel.writes and (f"{g}/pids.max", "16") in kernel.writes
        assert not list(parent.glob("job-*"))
    finally:
        box.close()


# ---- where this host mounts a cgroup2 hierarchy (with or without controllers) ---------------

def _real_unified_own() -> Path | None:
    """This process's cgroup in the host's cgroup2 mount, where one is mounted."""
    try:
        mounts = Path("/proc/self/mountinfo").read_text().splitlines()
        own = own_cgroup(Path("/proc/self/cgroup").read_text())
    except OSError:
        return None
    for line in mounts:
        fields = line.split()
        if " - cgroup2 " in line and own is not None:
            path = Path(fields[4]) / own.lstrip("/")
            return path if path.is_dir() else None
    return None


@pytest.fixture
def real_group():
    own = _real_unified_own()
    if own is None:
        pytest.skip("no cgroup2 mount here")
    group = own / f"irgroups-test-{uuid.uuid4().hex[:8]}"
    try:
        group.mkdir()
    except OSError as e:
        pytest.skip(f"cannot make a group in {own}: {e.strerror}")
    try:
        yield group
    finally:
        for _ in range(100):
            try:
                group.rmdir()
                break
            except FileNotFoundError:
                break
            except OSError:
                time.sleep(0.01)


def _with_marker(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if marker.encode() in cmd and _alive(int(entry.name)):
                found.append(int(entry.name))
    return found


def test_real_kernel_cgroup_kill_gets_a_double_forked_escape(real_group):
    """A process that leaves its session and parent (setsid + double fork) is still in the group:
    close() kills it (cgroup.kill where the kernel has it) and removes the group."""
    step = V2Step(real_group)
    marker = str(900000 + os.getpid() % 90000)
    proc = subprocess.Popen(["sh", "-c", step.join_script() + f"exec sh -c '(setsid sleep {marker} &); exec sleep 3600'"],
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 5
        while len((real_group / "cgroup.procs").read_text().split()) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        escaped = _with_marker(marker)
        assert escaped and all(str(p) in (real_group / "cgroup.procs").read_text().split() for p in escaped)
        step.close()
        assert proc.wait(timeout=5) == -9
        deadline = time.monotonic() + 2
        while _with_marker(marker) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not _with_marker(marker), "the double-forked process outlived close()"
        assert not real_group.exists()
    finally:
        proc.kill()
        proc.wait()
        for pid in _with_marker(marker):
            os.kill(pid, 9)


def test_real_kernel_cpu_stat(real_group):
    step = V2Step(real_group)
    spin = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3:\n    pass\n"
    subprocess.run(["sh", "-c", step.join_script() + f"exec {sys.executable} -c '{spin}'"], check=True)
    used = step.cpu_seconds()
    assert used is not None and 0.25 < used < 5, used
    step.close()
    assert not real_group.exists()


def test_real_kernel_setup_v2_is_used_or_leaves_things_as_they_were():
    """setup_v2 on this host's own cgroup2 mount. Where it cannot be used (here: no controllers on
    a hybrid host's unified mount; a cgroup shared with other processes), this process's cgroup
    and its subtree_control are as before. Where it can (a v2 machine with memory and pids
    delegated), a step's group holds a memory hog to memory.max (an oom_kill counted, the peak at
    the cap) and a fork loop under pids.max, and close() kills what is left and removes it."""
    own = _real_unified_own()
    if own is None:
        pytest.skip("no cgroup2 mount here")
    where, subtree = Path("/proc/self/cgroup").read_text(), _words(own / "cgroup.subtree_control")
    found, note = cgroups.setup_v2()
    if found is None:
        assert Path("/proc/self/cgroup").read_text() == where, note
        assert _words(own / "cgroup.subtree_control") == subtree, note
        return
    step = found.create(Limits(memory_mb=64), 16)
    try:
        hog = "a = []\nwhile True:\n    a.append(bytearray(8 << 20))\n"
        res = subprocess.run(["sh", "-c", step.join_script() + f"exec {sys.executable} -c '{hog}'"], timeout=60)
        assert res.returncode == -9 and step.oom_kills() >= 1 and step.oom_killed(), note
        if (step.dir / "memory.peak").exists():  # kernel 5.19+
            peak = step.peak_mb()
            assert peak is not None and peak >= 60, peak
        # the children let go of the output pipe, and sleep on in the group until close()
        forks = ("import os, time\nn = 0\ntry:\n    while True:\n        if os.fork() == 0:\n"
                 "            os.closerange(0, 3)\n            time.sleep(60)\n            os._exit(0)\n        n += 1\n"
                 "except OSError as e:\n    print(n, e.errno)\n")
        out = subprocess.run(["sh", "-c", step.join_script() + f"exec {sys.executable} -c '{forks}'"],
                             capture_output=True, text=True, timeout=60).stdout.split()
        assert int(out[0]) < 16 and int(out[1]) == errno.EAGAIN, out
    finally:
        step.close()
    assert not step.dir.exists()
