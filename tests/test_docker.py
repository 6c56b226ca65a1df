"""The Docker backend against a real daemon, on images built by scripts/docker_images.sh.

Skips cleanly where there is no docker binary, no daemon or no image. Hostile candidates run on
this backend too, in test_hostile.py.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time

import pytest

from irgroups.execute import SANDBOX_ERROR, execute
from irgroups.sandbox.base import Limits
from irgroups.sandbox.docker import DockerSandbox, images

pytestmark = pytest.mark.docker

LIMITS = Limits(run_seconds=5.0, compile_seconds=60.0, memory_mb=512)


def _docker(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["docker", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def box():
    sb = DockerSandbox(langs=["python"])
    problems = sb.problems()
    if problems:
        sb.close()
        pytest.skip("docker sandbox unusable here: " + "; ".join(problems))
    yield sb
    sb.close()


def _session(session: str) -> list[str]:
    return _docker("ps", "-aq", "--filter", f"label=org.irgroups.session={session}").stdout.split()


def _problem():
    from tests.test_hostile import PROBLEM

    return PROBLEM


GOOD = "def add(a, b):\n    return a + b\n"
BAD = "def add(a, b):\n    return a - b\n"


def test_verdicts_and_container_reuse(box):
    v1 = execute(_problem(), "python", GOOD, box, LIMITS, slot=0)
    v2 = execute(_problem(), "python", BAD, box, LIMITS, slot=0)
    v3 = execute(_problem(), "python", "def add(a, b) return", box, LIMITS, slot=1)
    assert (v1.status, v2.status, v3.status) == ("passed", "failed", "compile_error"), (v1, v2, v3)
    assert v1.backend == "docker"
    ids = _session(box.session)
    assert len(ids) == 2, f"one container per slot and language, reused: {ids}"


def test_container_is_locked_down(box):
    execute(_problem(), "python", GOOD, box, LIMITS, slot=0)
    c = next(iter(box._containers.values()))
    info = json.loads(_docker("inspect", c.cid).stdout)[0]
    host = info["HostConfig"]
    assert host["NetworkMode"] == "none"
    assert host["ReadonlyRootfs"] is True
    assert host["CapDrop"] == ["ALL"]
    assert "no-new-privileges" in host["SecurityOpt"]
    assert host["Memory"] == LIMITS.memory_mb * 1024 * 1024
    assert host["MemorySwap"] == host["Memory"]
    assert host["PidsLimit"] and host["PidsLimit"] > 0
    assert host["NanoCpus"] > 0
    assert set(host["Tmpfs"]) == {"/tmp", "/job", "/cache"}
    assert info["Config"]["User"] not in ("", "0", "root")
    labels = info["Config"]["Labels"]
    assert labels["org.irgroups.owner-pid"] == str(os.getpid()) and labels["org.irgroups.session"] == box.session
    # the job users: nobody is root inside, and the run user cannot write the job dir or the build cache
    who = _docker("exec", "-u", "10001:10001", c.cid, "sh", "-c",
                  "id -u; touch /job/x 2>/dev/null && echo job-writable; ls /cache 2>/dev/null && echo cache-readable; "
                  "touch /etc/x 2>/dev/null && echo root-writable; echo end").stdout.split()
    assert who == ["10001", "end"], who


def test_memory_limit_is_classified(box):
    v = execute(_problem(), "python", "def add(a, b):\n    x = b\"x\" * (2 << 30)\n    return a + b + len(x)\n",
                box, LIMITS)
    assert v.status in ("memory_limit", "runtime_error"), v


def test_close_removes_containers():
    sb = DockerSandbox(langs=["python"])
    if sb.problems():
        sb.close()
        pytest.skip("; ".join(sb.problems()))
    assert execute(_problem(), "python", GOOD, sb, LIMITS).status == "passed"
    assert _session(sb.session)
    sb.close()
    assert not _session(sb.session)


OWNER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from tests.test_hostile import PROBLEM
    from irgroups.execute import execute
    from irgroups.sandbox.base import Limits
    from irgroups.sandbox.docker import DockerSandbox
    sb = DockerSandbox(langs=["python"])
    v = execute(PROBLEM, "python", "def add(a, b):\\n    return a + b\\n", sb, Limits(run_seconds=5.0))
    print(sb.session, v.status, flush=True)
    time.sleep(600)
""")


def _owner() -> tuple[subprocess.Popen[str], str]:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    proc = subprocess.Popen([sys.executable, "-c", OWNER.format(root=root)], stdout=subprocess.PIPE, text=True,
                            cwd=root)
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    assert len(line) == 2 and line[1] == "passed", line
    return proc, line[0]


def _wait_gone(session: str, seconds: float) -> list[str]:
    deadline = time.monotonic() + seconds
    while (left := _session(session)) and time.monotonic() < deadline:
        time.sleep(0.5)
    return left


def test_sigterm_owner_removes_containers(box):
    proc, session = _owner()
    assert _session(session)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert not _wait_gone(session, 20), "containers survive a SIGTERMed build"


def test_sigkilled_owner_is_cleaned_up(box):
    proc, session = _owner()
    assert _session(session)
    proc.kill()
    proc.wait()
    assert not _wait_gone(session, 30), "containers survive a SIGKILLed build (watchdog)"


def test_startup_sweep_removes_orphans(box):
    """A container whose owner pid is dead (e.g. the watchdog was killed too) goes at the next start."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    cid = _docker("run", "-d", "--network", "none", "--label", "org.irgroups.sandbox=1",
                  "--label", f"org.irgroups.owner-pid={dead.pid}", "--label", "org.irgroups.owner-start=1",
                  "--label", f"org.irgroups.owner-host={socket.gethostname()}", "--label",
                  "org.irgroups.session=orphan", box.image("python"), "sleep", "infinity").stdout.strip()
    assert cid
    try:
        sb = DockerSandbox(langs=["python"])
        execute(_problem(), "python", GOOD, sb, LIMITS)
        sb.close()
        assert _docker("inspect", cid).returncode != 0, "orphan container not swept"
    finally:
        _docker("rm", "-f", cid)


def test_dead_daemon_is_sandbox_error(monkeypatch, tmp_path):
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-such.sock")
    sb = DockerSandbox(langs=["python"])
    try:
        problems = sb.problems()
        assert problems and "not reachable" in problems[0] and "dockerd" in problems[0], problems
        v = execute(_problem(), "python", GOOD, sb, LIMITS)
        assert v.status == SANDBOX_ERROR, v
    finally:
        sb.close()


def test_missing_docker_binary_and_image(tmp_path):
    sb = DockerSandbox(langs=["python"], docker=str(tmp_path / "no-docker"))
    assert sb.problems() == ["docker not found; install with: apt-get install -y docker.io"]
    sb.close()
    sb = DockerSandbox(langs=["python"], images={"python": "irgroups-sandbox-python:does-not-exist"})
    try:
        problems = sb.problems()
        if problems and "not reachable" in problems[0]:
            pytest.skip(problems[0])
        assert problems and "scripts/docker_images.sh python" in problems[0], problems
        v = execute(_problem(), "python", GOOD, sb, LIMITS)
        assert v.status == SANDBOX_ERROR, v
    finally:
        sb.close()


def test_definition_hash_is_stable_and_labels_images():
    from irgroups.languages.toolchains import image_specs

    spec = image_specs()["python"]
    h = images.definition_hash("python", spec)
    assert h and h == images.definition_hash("python", spec)
    tag = images.expected_tag("python", spec)
    if images.image_exists(tag):
        assert images.image_label(tag, images.LABEL_DEF) == h



# ---- compile once, run many on Docker --------------------------------------------------------
BATCH_LIMITS = Limits(run_seconds=3.0, memory_mb=1024)
# from safe code: code with `unsafe` is never batched
KILL_ALL = '{ let _ = std::process::Command::new("sh").args(["-c", "kill -9 -1"]).status();'
# rust candidates broken each in its own way (at items 1, 3, 5, 7); the batch must not care
RUST_BREAKERS = [
    ("fn ", "fn fn ", "compile_error"),
    ("{", "{ loop {}", "timeout"),
    ("{", "{ std::process::exit(3);", "runtime_error"),
    ("{", KILL_ALL, None),  # `kill -9 -1`: takes the supervisor with it
]


def test_batch_on_docker_agrees_with_one_at_a_time_and_local(humaneval, sandbox):
    """execute_batch on Docker (one compile, one supervisor exec) gives the verdicts of one program
    at a time on Docker and of the local backend, with a compile error, a timeout and `kill -9 -1`."""
    from concurrent.futures import ThreadPoolExecutor

    from irgroups import languages, references
    from irgroups.batch import execute_batch
    from irgroups.errors import ToolchainMissing
    from irgroups.languages import toolchains

    lang = "rust"
    try:
        toolchains.resolve(languages.get(lang))
    except ToolchainMissing as e:
        pytest.skip(str(e))
    sb = DockerSandbox(langs=[lang])
    problems = sb.problems()
    if problems:
        sb.close()
        pytest.skip("docker sandbox unusable here: " + "; ".join(problems))
    try:
        chosen = [p for p in humaneval.problems if references.load(p, lang)][:10]
        items = [(p, lang, references.load(p, lang) or "") for p in chosen]
        for k, (old, new, _) in enumerate(RUST_BREAKERS):
            p, lg, code = items[k * 2 + 1]
            items[k * 2 + 1] = (p, lg, code.replace(old, new, 1))
        supervised: list[bool] = []
        real = sb._supervised

        def spy(*args, **kwargs):
            res = real(*args, **kwargs)
            supervised.append(res is not None)
            return res

        sb._supervised = spy  # type: ignore[method-assign]
        without_killer = execute_batch(items[:7] + items[8:], sb, BATCH_LIMITS)
        # 9 programs: dealt to two supervisors, one in each of the worker's two containers
        assert supervised == [True, True], f"the batch did not run under two supervisor execs: {supervised}"
        supervised.clear()
        batched = execute_batch(items, sb, BATCH_LIMITS)
        # the killer (program 7) ends its lane's supervisor (that lane then goes one exec per run),
        # not the other lane's, which runs in another container
        assert sorted(supervised) == [False, True], f"the killer should end one supervisor: {supervised}"
        with ThreadPoolExecutor(2) as pool:
            single = list(pool.map(lambda it: execute(it[0], it[1], it[2], sb, BATCH_LIMITS), items))
            local = list(pool.map(lambda it: execute(it[0], it[1], it[2], sandbox, BATCH_LIMITS), items))
        got = [(v.status, v.tests_passed) for v in batched]
        want = [(v.status, v.tests_passed) for v in single]
        assert got == want, "batched docker vs one-at-a-time docker"
        # the killer is the one program whose verdict the backends may give differently, one at a time
        # too (on Docker its `kill -1` also ends the exec's own processes; test_hostile allows both):
        # every other program agrees with the local backend
        from_local = [(v.status, v.tests_passed) for v in local]
        assert got[:7] + got[8:] == from_local[:7] + from_local[8:], "batched docker vs local"
        assert [(v.status, v.tests_passed) for v in without_killer] == want[:7] + want[8:]
        assert all(v.backend == "docker" for v in batched + without_killer)
        statuses = [v.status for v in batched]
        for k, (_, _, expected) in enumerate(RUST_BREAKERS):
            if expected is not None:
                assert statuses[k * 2 + 1] == expected, (k, statuses)
        assert statuses[7] not in ("passed", SANDBOX_ERROR), statuses
        assert sum(s == "passed" for s in statuses) >= 5, statuses
        for c in sb._containers.values():  # nothing left running in the reused containers
            pids = c.cgroup.pids()
            if pids is not None and c.keepers:
                assert pids == c.keepers, f"processes left in {c.cid[:12]}: {pids - c.keepers}"
    finally:
        sb.close()
