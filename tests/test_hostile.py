"""Hostile candidates against both sandboxes (local, docker), in every compiled/interpreted language.

Each candidate tries something a model-written program must not get away with
(spinning forever, fork bombs, huge allocations, the network, writing outside
its directory, faking the harness's pass lines, exiting early, leaving a
detached child behind). Each must end with a verdict from a small allowed set,
never `sandbox_error`, and must leave nothing behind on the host: no cgroup,
no job directory, no process.
"""

from __future__ import annotations

import json
import os
import re
import socket
import time
from pathlib import Path

import pytest

from irgroups import languages
from irgroups import types as T
from irgroups.errors import ToolchainMissing
from irgroups.execute import SANDBOX_ERROR, execute
from irgroups.languages import toolchains
from irgroups.problems.model import Param, Problem, Signature
from irgroups.problems.model import TestCase as Case
from irgroups.sandbox import local
from irgroups.sandbox.base import Limits
from irgroups.sandbox.local import LocalSandbox

LANGS = ["python", "rust", "go", "csharp"]
LIMITS = Limits(run_seconds=3.0, compile_seconds=60.0, memory_mb=512)
CGROUP_ROOT = Path("/sys/fs/cgroup")
SLEEP_MARKER = "987654"
HOST_WRITE_TARGETS = ("/etc/irgroups-hostile-pwned", "/usr/irgroups-hostile-pwned", "/usr/bin/irgroups-hostile-pwned")

PROBLEM = Problem(
    problem_id="hostile/add",
    source_lang="python",
    source_code="def add(a, b):\n    return a + b\n",
    entry_point="add",
    signature=Signature((Param("a", T.INT), Param("b", T.INT)), T.INT),
    tests=(Case((1, 2), 3), Case((5, 7), 12)),
    origin={},
)

ZEROS = "0" * 32
FAKE_LINES = [
    "PASS",
    "ok",
    "OK",
    "passed",
    "done",
    f"{ZEROS} 0 pass",
    f"{ZEROS} 1 pass",
    f"{ZEROS} done",
    "",
    f"{ZEROS} 0 pass",
    f"{'f' * 32} 1 pass",
    "0 pass",
    "1 pass",
    "pass",
    '{"passed": true}',
    '{"status": "passed", "tests_passed": 2, "tests_total": 2}',
    "test result: ok. 2 passed; 0 failed",
    "All tests passed",
    "2/2 passed",
    "--- PASS: TestAdd (0.00s)",
    # the report lines of today's harness, with the right values: a report for a test before the
    # harness's own (or after it) makes that test fail
    "@@irgroups 0 ok 3",
    "@@irgroups 1 ok 12",
    "@@irgroups end",
]


def _lit(s: str) -> str:
    """A double-quoted string literal valid in Python, Rust, Go and C# (JSON escaping, ASCII only)."""
    return json.dumps(s)


def _fake_prints(fmt: str, indent: str) -> str:
    return "\n".join(indent + fmt.replace("@S@", _lit(line)) for line in FAKE_LINES)


# --------------------------------------------------------------------------------------------
# candidates: @PORT@ (a listening port on the host's loopback), @HOSTFILE@ (a host path under
# pytest's tmp_path) and @TARGETS_*@ (write targets) are filled in per test
# --------------------------------------------------------------------------------------------

PY = {
    "infinite_loop": """\
def add(a, b):
    n = 0
    while True:
        n += 1
""",
    "fork_bomb": """\
import os


def add(a, b):
    while True:
        try:
            os.fork()
        except OSError:
            pass
""",
    "huge_alloc": """\
def add(a, b):
    big = b"x" * (10 * 1024 ** 3)
    return a + b + big[-1] - big[len(big) // 2]
""",
    "network": """\
import socket


def add(a, b):
    ok = False
    for host, port in (("1.1.1.1", 80), ("127.0.0.1", @PORT@)):
        try:
            s = socket.create_connection((host, port), timeout=1)
            s.close()
            ok = True
        except OSError:
            pass
    if not ok:
        raise RuntimeError("no connection")
    return a + b
""",
    "write_outside": """\
def add(a, b):
    for path in @ALSO_PY@:
        try:
            with open(path, "w") as f:
                f.write("pwned")
        except OSError:
            pass
    ok = False
    for path in @REQUIRED_PY@:
        try:
            with open(path, "w") as f:
                f.write("pwned")
            ok = True
        except OSError:
            pass
    if not ok:
        raise RuntimeError("no write")
    return a + b
""",
    "fake_pass": "import sys\n\n\ndef add(a, b):\n"
    + _fake_prints("print(@S@)", "    ")
    + "\n    sys.stdout.flush()\n"
    + _fake_prints("sys.__stdout__.write(@S@ + '\\n')", "    ")
    + "\n    sys.__stdout__.flush()\n    return a - b\n",
    "exit_zero": """\
import os


def add(a, b):
    os._exit(0)
""",
    "detached_child": """\
import subprocess


def add(a, b):
    subprocess.Popen(["sleep", "987654"], start_new_session=True)
    return a + b
""",
}

RUST = {
    "infinite_loop": """\
fn add(a: i64, b: i64) -> i64 {
    let mut x = a + b;
    loop {
        x = std::hint::black_box(x).wrapping_add(1);
    }
}
""",
    "fork_bomb": """\
extern "C" {
    fn fork() -> i32;
}

fn add(a: i64, b: i64) -> i64 {
    loop {
        unsafe {
            std::hint::black_box(fork());
        }
    }
}
""",
    "huge_alloc": """\
fn add(a: i64, b: i64) -> i64 {
    let v = std::hint::black_box(vec![1u8; 10usize << 30]);
    let s: u64 = v.iter().step_by(4096).map(|&x| x as u64).sum();
    let s = std::hint::black_box(s);
    if s == 0 {
        panic!("nothing touched");
    }
    a + b + (v[v.len() - 1] as i64) - 1
}
""",
    "network": """\
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

fn add(a: i64, b: i64) -> i64 {
    let mut ok = false;
    for addr in ["1.1.1.1:80", "127.0.0.1:@PORT@"] {
        let sa: SocketAddr = addr.parse().unwrap();
        if TcpStream::connect_timeout(&sa, Duration::from_secs(1)).is_ok() {
            ok = true;
        }
    }
    if !ok {
        panic!("no connection");
    }
    a + b
}
""",
    "write_outside": """\
fn add(a: i64, b: i64) -> i64 {
    let also: &[&str] = &[@ALSO_LIST@];
    for p in also {
        let _ = std::fs::write(p, "pwned");
    }
    let required: &[&str] = &[@REQUIRED_LIST@];
    let mut ok = false;
    for p in required {
        if std::fs::write(p, "pwned").is_ok() {
            ok = true;
        }
    }
    if !ok {
        panic!("no write");
    }
    a + b
}
""",
    "fake_pass": "use std::io::Write;\n\nfn add(a: i64, b: i64) -> i64 {\n"
    + _fake_prints('println!("{}", @S@);', "    ")
    + "\n    let _ = std::io::stdout().flush();\n"
    + _fake_prints('eprintln!("{}", @S@);', "    ")
    + "\n    a - b\n}\n",
    "exit_zero": """\
fn add(a: i64, b: i64) -> i64 {
    std::process::exit(0)
}
""",
    "detached_child": """\
use std::os::unix::process::CommandExt;

extern "C" {
    fn setsid() -> i32;
}

fn add(a: i64, b: i64) -> i64 {
    let mut cmd = std::process::Command::new("sleep");
    cmd.arg("987654");
    unsafe {
        cmd.pre_exec(|| {
            setsid();
            Ok(())
        });
    }
    cmd.spawn().expect("spawn");
    a + b
}
""",
}

GO = {
    "infinite_loop": """\
func Add(a int, b int) int {
	n := a + b
	for {
		n++
	}
}
""",
    "fork_bomb": """\
import (
	"os"
	"os/exec"
	"syscall"
)

func Add(a int, b int) int {
	for {
		cmd := exec.Command("/proc/self/exe")
		_ = cmd.Start()
		_, _ = syscall.ForkExec(os.Args[0], []string{os.Args[0]}, &syscall.ProcAttr{})
	}
}
""",
    "huge_alloc": """\
func Add(a int, b int) int {
	buf := make([]byte, 10<<30)
	for i := 0; i < len(buf); i += 4096 {
		buf[i] = 1
	}
	return a + b + int(buf[0]) - 1
}
""",
    "network": """\
import (
	"net"
	"time"
)

func Add(a int, b int) int {
	ok := false
	for _, addr := range []string{"1.1.1.1:80", "127.0.0.1:@PORT@"} {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			ok = true
		}
	}
	if !ok {
		panic("no connection")
	}
	return a + b
}
""",
    "write_outside": """\
import "os"

func Add(a int, b int) int {
	for _, p := range []string{@ALSO_LIST@} {
		_ = os.WriteFile(p, []byte("pwned"), 0644)
	}
	ok := false
	for _, p := range []string{@REQUIRED_LIST@} {
		if err := os.WriteFile(p, []byte("pwned"), 0644); err == nil {
			ok = true
		}
	}
	if !ok {
		panic("no write")
	}
	return a + b
}
""",
    "fake_pass": 'import (\n\t"fmt"\n\t"os"\n)\n\nfunc Add(a int, b int) int {\n'
    + _fake_prints("fmt.Println(@S@)", "\t")
    + "\n"
    + _fake_prints("fmt.Fprintln(os.Stderr, @S@)", "\t")
    + "\n\treturn a - b\n}\n",
    "exit_zero": """\
import "os"

func Add(a int, b int) int {
	os.Exit(0)
	return a + b
}
""",
    "detached_child": """\
import (
	"os/exec"
	"syscall"
)

func Add(a int, b int) int {
	cmd := exec.Command("sleep", "987654")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	return a + b
}
""",
}

CS = {
    "infinite_loop": """\
class Problem {
    public static long Add(long a, long b) {
        long n = a + b;
        while (true) { n++; }
    }
}
""",
    "fork_bomb": """\
using System;
using System.Diagnostics;

class Problem {
    public static long Add(long a, long b) {
        while (true) {
            try {
                var psi = new ProcessStartInfo("/bin/sh", "-c \\"b() { b | b & }; b\\"");
                psi.UseShellExecute = false;
                Process.Start(psi);
            } catch (Exception) { }
            try {
                var self = new ProcessStartInfo("mono", "/job/prog.exe");
                self.UseShellExecute = false;
                Process.Start(self);
            } catch (Exception) { }
        }
    }
}
""",
    "huge_alloc": """\
using System.Collections.Generic;

class Problem {
    public static long Add(long a, long b) {
        var keep = new List<byte[]>();
        for (int i = 0; i < 100; i++) {
            var arr = new byte[100 * 1024 * 1024];
            for (int j = 0; j < arr.Length; j += 4096) arr[j] = 1;
            keep.Add(arr);
        }
        long s = 0;
        foreach (var arr in keep) s += arr[0];
        return a + b + s - 100;
    }
}
""",
    "network": """\
using System;
using System.Net.Sockets;

class Problem {
    public static long Add(long a, long b) {
        bool ok = false;
        string[] hosts = { "1.1.1.1", "127.0.0.1" };
        int[] ports = { 80, @PORT@ };
        for (int i = 0; i < hosts.Length; i++) {
            try {
                using (var c = new TcpClient()) {
                    var ar = c.BeginConnect(hosts[i], ports[i], null, null);
                    if (ar.AsyncWaitHandle.WaitOne(1000)) {
                        c.EndConnect(ar);
                        ok = true;
                    }
                }
            } catch (Exception) { }
        }
        if (!ok) throw new Exception("no connection");
        return a + b;
    }
}
""",
    "write_outside": """\
using System;
using System.IO;

class Problem {
    public static long Add(long a, long b) {
        foreach (var p in new string[] { @ALSO_LIST@ }) {
            try { File.WriteAllText(p, "pwned"); } catch (Exception) { }
        }
        bool ok = false;
        foreach (var p in new string[] { @REQUIRED_LIST@ }) {
            try { File.WriteAllText(p, "pwned"); ok = true; } catch (Exception) { }
        }
        if (!ok) throw new Exception("no write");
        return a + b;
    }
}
""",
    "fake_pass": "using System;\n\nclass Problem {\n    public static long Add(long a, long b) {\n"
    + _fake_prints("Console.WriteLine(@S@);", "        ")
    + "\n        Console.Out.Flush();\n"
    + _fake_prints("Console.Error.WriteLine(@S@);", "        ")
    + "\n        return a - b;\n    }\n}\n",
    "exit_zero": """\
using System;

class Problem {
    public static long Add(long a, long b) {
        Environment.Exit(0);
        return a + b;
    }
}
""",
    "detached_child": """\
using System.Diagnostics;

class Problem {
    public static long Add(long a, long b) {
        var psi = new ProcessStartInfo("/usr/bin/setsid", "sleep 987654");
        psi.UseShellExecute = false;
        Process.Start(psi);
        return a + b;
    }
}
""",
}

# --------------------------------------------------------------------------------------------
# more hostile candidates (issue 6): @HOSTFILE@ is a JSON string literal of a host file that
# holds "42"; @HOSTPID@ is the test process's pid
# --------------------------------------------------------------------------------------------

PY.update({
    "disk_fill": """\
def add(a, b):
    chunk = b"x" * (1 << 20)
    with open("fill.bin", "wb") as f:
        for _ in range(4096):
            f.write(chunk)
            f.flush()
    return a + b
""",
    "endless_output": """\
import sys


def add(a, b):
    line = "y" * 1023 + "\\n"
    while True:
        sys.__stdout__.write(line)
""",
    "read_host_file": """\
def add(a, b):
    with open(@HOSTFILE@) as f:
        secret = f.read()
    return a + b + int(secret.strip()) - 42
""",
    "kill_parent": """\
import os
import signal


def add(a, b):
    for pid in (os.getppid(), @HOSTPID@, 1, -1):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    return a + b
""",
    "sleep_past_timeout": """\
import time


def add(a, b):
    time.sleep(30)
    return a + b
""",
    "good": "def add(a, b):\n    return a + b\n",
})

RUST.update({
    "disk_fill": """\
use std::io::Write;

fn add(a: i64, b: i64) -> i64 {
    let chunk = vec![b'x'; 1 << 20];
    let mut f = std::fs::File::create("fill.bin").expect("create");
    for _ in 0..4096 {
        f.write_all(&chunk).expect("write");
    }
    a + b
}
""",
    "endless_output": """\
use std::io::Write;

fn add(a: i64, b: i64) -> i64 {
    let line = [b'y'; 1024];
    let mut out = std::io::stdout();
    loop {
        out.write_all(&line).expect("write");
    }
}
""",
    "read_host_file": """\
fn add(a: i64, b: i64) -> i64 {
    let s = std::fs::read_to_string(@HOSTFILE@).expect("read");
    a + b + s.trim().parse::<i64>().unwrap() - 42
}
""",
    "kill_parent": """\
extern "C" {
    fn kill(pid: i32, sig: i32) -> i32;
    fn getppid() -> i32;
}

fn add(a: i64, b: i64) -> i64 {
    unsafe {
        kill(getppid(), 9);
        kill(@HOSTPID@, 9);
        kill(1, 9);
        kill(-1, 9);
    }
    a + b
}
""",
    "sleep_past_timeout": """\
fn add(a: i64, b: i64) -> i64 {
    std::thread::sleep(std::time::Duration::from_secs(30));
    a + b
}
""",
    "good": "fn add(a: i64, b: i64) -> i64 {\n    a + b\n}\n",
})

GO.update({
    "disk_fill": """\
import "os"

func Add(a int, b int) int {
	f, err := os.Create("fill.bin")
	if err != nil {
		panic(err)
	}
	chunk := make([]byte, 1<<20)
	for i := 0; i < 4096; i++ {
		if _, err := f.Write(chunk); err != nil {
			panic(err)
		}
	}
	return a + b
}
""",
    "endless_output": """\
import "os"

func Add(a int, b int) int {
	line := make([]byte, 1024)
	for i := range line {
		line[i] = 'y'
	}
	for {
		if _, err := os.Stdout.Write(line); err != nil {
			panic(err)
		}
	}
}
""",
    "read_host_file": """\
import (
	"os"
	"strconv"
	"strings"
)

func Add(a int, b int) int {
	data, err := os.ReadFile(@HOSTFILE@)
	if err != nil {
		panic(err)
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	return a + b + n - 42
}
""",
    "kill_parent": """\
import "syscall"

func Add(a int, b int) int {
	_ = syscall.Kill(syscall.Getppid(), syscall.SIGKILL)
	_ = syscall.Kill(@HOSTPID@, syscall.SIGKILL)
	_ = syscall.Kill(1, syscall.SIGKILL)
	_ = syscall.Kill(-1, syscall.SIGKILL)
	return a + b
}
""",
    "sleep_past_timeout": """\
import "time"

func Add(a int, b int) int {
	time.Sleep(30 * time.Second)
	return a + b
}
""",
    "good": "func Add(a int, b int) int {\n\treturn a + b\n}\n",
})

CS.update({
    "disk_fill": """\
using System.IO;

class Problem {
    public static long Add(long a, long b) {
        var chunk = new byte[1 << 20];
        using (var f = new FileStream("fill.bin", FileMode.Create)) {
            for (int i = 0; i < 4096; i++) { f.Write(chunk, 0, chunk.Length); f.Flush(); }
        }
        return a + b;
    }
}
""",
    "endless_output": """\
using System;

class Problem {
    public static long Add(long a, long b) {
        var line = new string('y', 1023);
        while (true) { Console.Out.WriteLine(line); }
    }
}
""",
    "read_host_file": """\
using System.IO;

class Problem {
    public static long Add(long a, long b) {
        string s = File.ReadAllText(@HOSTFILE@);
        return a + b + long.Parse(s.Trim()) - 42;
    }
}
""",
    "kill_parent": """\
using System.Runtime.InteropServices;

class Problem {
    [DllImport("libc", EntryPoint = "kill")] static extern int Kill(int pid, int sig);
    [DllImport("libc", EntryPoint = "getppid")] static extern int GetPPid();

    public static long Add(long a, long b) {
        Kill(GetPPid(), 9);
        Kill(@HOSTPID@, 9);
        Kill(1, 9);
        Kill(-1, 9);
        return a + b;
    }
}
""",
    "sleep_past_timeout": """\
class Problem {
    public static long Add(long a, long b) {
        System.Threading.Thread.Sleep(30000);
        return a + b;
    }
}
""",
    "good": "class Problem {\n    public static long Add(long a, long b) {\n        return a + b;\n    }\n}\n",
})

CODE = {"python": PY, "rust": RUST, "go": GO, "csharp": CS}

ALLOWED = {
    "infinite_loop": {"timeout"},
    "fork_bomb": {"timeout", "runtime_error", "memory_limit"},
    "huge_alloc": {"memory_limit", "runtime_error"},
    # a connect may also hang until the timeout (seen once for C# on Docker under load): contained too
    "network": {"runtime_error", "failed", "timeout"},
    "write_outside": {"runtime_error", "failed"},
    "fake_pass": {"failed"},
    "exit_zero": {"runtime_error"},
    # may pass; the point is that the detached child is gone afterwards
    "detached_child": {"passed", "failed", "runtime_error"},
    "disk_fill": {"runtime_error", "memory_limit", "timeout"},
    "endless_output": {"runtime_error", "timeout"},
    "read_host_file": {"runtime_error", "failed"},
    # may pass (its parent is a wrapper); the point is that the build and the sandbox go on
    "kill_parent": {"passed", "failed", "runtime_error", "timeout"},
    "sleep_past_timeout": {"timeout"},
}


def candidate(lang: str, case: str, **subs: str) -> str:
    code = CODE[lang][case]
    for key, value in subs.items():
        code = code.replace(f"@{key}@", value)
    assert not re.search(r"@[A-Z_]+@", code), f"unfilled placeholder in {lang}/{case}:\n{code}"
    return code


# --------------------------------------------------------------------------------------------
# fixtures and host-side checks
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("hostile") / "work"
    work.mkdir()
    return work


# overrides conftest's session-wide `sandbox`: this module needs its own workdir to inspect;
# every test runs on both backends (docker ones skip cleanly where no daemon or image is there)
@pytest.fixture(scope="module", params=["local", pytest.param("docker", marks=pytest.mark.docker)])
def sandbox(request: pytest.FixtureRequest, workdir: Path):
    if request.param == "local":
        sb = LocalSandbox(workdir=str(workdir))
        problems = sb.problems()
        if problems:
            sb.close()
            pytest.skip("local sandbox unusable here: " + "; ".join(problems))
    else:
        from irgroups.sandbox.docker import DockerSandbox

        sb = DockerSandbox(langs=LANGS)
        problems = [p for p in sb.problems() if "image" not in p]  # a missing image skips its language only
        if problems:
            sb.close()
            pytest.skip("docker sandbox unusable here: " + "; ".join(problems))
    yield sb
    sb.close()
    if request.param == "docker":
        left = _session_containers(sb)
        assert not left, f"containers left behind after close: {left}"


def _session_containers(sb) -> list[str]:
    import subprocess

    res = subprocess.run(["docker", "ps", "-aq", "--filter", f"label=org.irgroups.session={sb.session}"],
                         capture_output=True, text=True, timeout=60)
    return res.stdout.split()


@pytest.fixture
def cgroups_made(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every cgroup directory the sandbox creates during the test (other sandboxes may run
    beside this one, so 'no job-* directory at all' cannot be asked of the host)."""
    made: list[Path] = []

    class Recording(local._Cgroup):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.extend([self.mem, self.pids])

    monkeypatch.setattr(local, "_Cgroup", Recording)
    return made


def _need_toolchain(lang: str, sandbox=None) -> None:
    try:
        toolchains.resolve(languages.get(lang))
    except ToolchainMissing as e:
        pytest.skip(str(e))
    if sandbox is not None and sandbox.name == "docker":
        from irgroups.sandbox.docker import images

        if not images.image_exists(sandbox.image(lang)):
            pytest.skip(f"docker image {sandbox.image(lang)} missing: bash scripts/docker_images.sh {lang}")


def _cmdlines() -> dict[int, str]:
    out: dict[int, str] = {}
    me = os.getpid()
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == me:
            continue
        try:
            raw = Path("/proc", entry, "cmdline").read_bytes()
        except OSError:
            continue
        if raw:
            out[int(entry)] = raw.replace(b"\0", b" ").decode("utf-8", "replace")
    return out


def _processes_with(needle: str, wait: float = 2.0) -> dict[int, str]:
    deadline = time.monotonic() + wait
    while True:
        found = {pid: cmd for pid, cmd in _cmdlines().items() if needle in cmd}
        if not found or time.monotonic() >= deadline:
            return found
        time.sleep(0.05)


def _assert_clean(sandbox, workdir: Path, cgroups_made: list[Path]) -> None:
    if sandbox.name == "docker":
        _assert_docker_clean(sandbox)
        return
    # no cgroup left behind
    if (CGROUP_ROOT / "pids" / "irgroups").exists() and sandbox.has_cgroups:
        assert cgroups_made, "the sandbox has cgroups but made none for this job"
        for group in cgroups_made:
            assert group.parent.name == "irgroups" and group.name.startswith("job-"), group
        left = [str(g) for g in cgroups_made if g.exists()]
        assert not left, f"cgroups left behind: {left}"
    # no job / io directory left behind
    leftovers = sorted(p.name for p in workdir.iterdir() if not p.name.startswith("irgroups-cache-"))
    assert not leftovers, f"left in the sandbox workdir: {leftovers}"
    # nothing of this sandbox's jobs still running on the host (bwrap/prlimit/sh carry the job dir)
    running = _processes_with(str(workdir))
    assert not running, f"processes of this job still running: {running}"


def _assert_docker_clean(sandbox) -> None:
    """Only the sandbox's own reused containers exist, each running nothing but its keeper."""
    live = {c.cid for c in sandbox._containers.values()}
    ids = _session_containers(sandbox)
    extra = [i for i in ids if not any(c.startswith(i) for c in live)]
    assert not extra, f"containers of this sandbox not in use any more: {extra}"
    for c in sandbox._containers.values():
        pids = c.cgroup.pids()
        if pids is not None and c.keepers:
            assert pids == c.keepers, f"processes left in container {c.cid[:12]}: {pids - c.keepers}"
    running = _processes_with(SLEEP_MARKER, wait=1.0)
    assert not running, f"processes of a job still running: {running}"


def _run(sandbox, lang: str, code: str):
    return execute(PROBLEM, lang, code, sandbox, LIMITS)


def _check_verdict(v, lang: str, case: str, code: str) -> None:
    info = f"{lang}/{case}: status={v.status} outcomes={v.test_outcomes} stderr_tail={v.stderr_tail[-1500:]!r}"
    assert v.status != SANDBOX_ERROR, "sandbox_error: " + info
    assert v.status in ALLOWED[case], f"expected one of {sorted(ALLOWED[case])}; " + info
    if case not in ("detached_child", "kill_parent"):
        assert v.tests_passed < v.tests_total, info


# --------------------------------------------------------------------------------------------
# the tests
# --------------------------------------------------------------------------------------------

pytestmark = pytest.mark.parametrize("lang", LANGS)


@pytest.mark.parametrize("case", ["infinite_loop", "fork_bomb", "huge_alloc", "fake_pass", "exit_zero",
                                  "disk_fill", "endless_output", "sleep_past_timeout"])
def test_hostile_candidate(sandbox, workdir, cgroups_made, lang, case):
    _need_toolchain(lang, sandbox)
    code = candidate(lang, case)
    v = _run(sandbox, lang, code)
    _check_verdict(v, lang, case, code)
    if case == "fake_pass":
        assert v.tests_passed == 0 and v.test_outcomes == ["fail", "fail"], v
    _assert_clean(sandbox, workdir, cgroups_made)
    if case in ("fork_bomb", "huge_alloc", "disk_fill", "endless_output"):
        _assert_still_works(sandbox, lang)


def _assert_still_works(sandbox, lang: str) -> None:
    """The build goes on: a correct candidate still passes on the same sandbox (same container)."""
    v = _run(sandbox, lang, candidate(lang, "good"))
    assert v.status == "passed", f"{lang}: the sandbox no longer works after a hostile job: {v}"


def test_read_host_file(sandbox, workdir, cgroups_made, tmp_path, lang):
    """A host file outside the job (under pytest's tmp_path) must not be readable."""
    _need_toolchain(lang, sandbox)
    secret = tmp_path / "secret" / "answer.txt"
    secret.parent.mkdir()
    secret.write_text("42\n")
    secret.chmod(0o644)
    for parent in (secret.parent, *secret.parents):
        if parent == Path("/"):
            break
        parent.chmod(parent.stat().st_mode | 0o055)  # world-readable: only the sandbox may stand in the way
    code = candidate(lang, "read_host_file", HOSTFILE=_lit(str(secret)))
    v = _run(sandbox, lang, code)
    _check_verdict(v, lang, "read_host_file", code)
    _assert_clean(sandbox, workdir, cgroups_made)


def test_kill_parent(sandbox, workdir, cgroups_made, lang):
    """SIGKILL to its parent, to pid 1, to every process it may signal and to this test's pid:
    the test process survives, the job is classified, the sandbox goes on working."""
    _need_toolchain(lang, sandbox)
    code = candidate(lang, "kill_parent", HOSTPID=str(os.getpid()))
    v = _run(sandbox, lang, code)
    _check_verdict(v, lang, "kill_parent", code)
    _assert_clean(sandbox, workdir, cgroups_made)
    _assert_still_works(sandbox, lang)


def test_no_network(sandbox, workdir, cgroups_made, lang):
    _need_toolchain(lang, sandbox)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        listener.setblocking(False)
        port = listener.getsockname()[1]
        code = candidate(lang, "network", PORT=str(port))
        v = _run(sandbox, lang, code)
        _check_verdict(v, lang, "network", code)
        try:
            conn, peer = listener.accept()
        except BlockingIOError:
            pass
        else:
            conn.close()
            pytest.fail(f"{lang}: the candidate reached the host's loopback listener from {peer}")
    finally:
        listener.close()
    _assert_clean(sandbox, workdir, cgroups_made)


def _write_case(sandbox, workdir, cgroups_made, lang, required: list[str], also: list[str]):
    """Run a candidate that writes to `also` (ignoring failures) and returns the right answer
    only if a write to one of `required` succeeded; assert nothing landed on the host."""
    targets = [*also, *required]
    assert not any(Path(t).exists() for t in targets), "a write target exists before the run"

    def lits(paths: list[str]) -> str:
        return ", ".join(_lit(t) for t in paths)

    code = candidate(lang, "write_outside", ALSO_PY=f"[{lits(also)}]", REQUIRED_PY=f"[{lits(required)}]",
                     ALSO_LIST=lits(also), REQUIRED_LIST=lits(required))
    try:
        v = _run(sandbox, lang, code)
        written = [t for t in targets if Path(t).exists()]
    finally:
        for t in HOST_WRITE_TARGETS:  # never leave a planted file on the host
            if Path(t).is_file() and Path(t).read_text(errors="replace") == "pwned":
                Path(t).unlink()
    assert not written, f"{lang}: the candidate wrote on the host: {written}"
    _check_verdict(v, lang, "write_outside", code)
    _assert_clean(sandbox, workdir, cgroups_made)


def test_no_write_outside(sandbox, workdir, cgroups_made, tmp_path, lang):
    """A host path outside the job (under pytest's tmp_path) must be neither visible nor writable."""
    _need_toolchain(lang, sandbox)
    host_file = tmp_path / "escaped" / f"pwned-{lang}.txt"
    host_file.parent.mkdir()
    _write_case(sandbox, workdir, cgroups_made, lang, required=[str(host_file)], also=list(HOST_WRITE_TARGETS))


def test_detached_child_is_reaped(sandbox, workdir, cgroups_made, lang):
    _need_toolchain(lang, sandbox)
    before = _processes_with(SLEEP_MARKER, wait=0)
    assert not before, f"a '{SLEEP_MARKER}' process already runs before the test: {before}"
    code = candidate(lang, "detached_child")
    v = _run(sandbox, lang, code)
    survivors = _processes_with(SLEEP_MARKER, wait=2.0)
    assert not survivors, f"{lang}: detached child outlived the job (verdict {v.status}): {survivors}"
    _check_verdict(v, lang, "detached_child", code)
    _assert_clean(sandbox, workdir, cgroups_made)


def test_system_dirs_read_only(sandbox, workdir, cgroups_made, lang):
    """/etc and /usr must not be writable from inside the sandbox either (even where a write would
    only land in the sandbox's own private root)."""
    _need_toolchain(lang, sandbox)
    _write_case(sandbox, workdir, cgroups_made, lang, required=list(HOST_WRITE_TARGETS), also=[])
