"""Hostile stdio programs (whole programs judged on their stdout, irgroups/stdio.py) in the real
sandbox, through the Verifier: the local backend always, the Docker one for a few cases where a
daemon and the image are there (as in test_hostile.py).

A stdio candidate is built once and run once per test with that test's stdin; the trusted side
compares each run's stdout with the expected output (stdio.outputs_match). Each candidate here
tries something a model-written program must not get away with: printing a fake report, hunting
for the expected outputs, exiting early, spinning, eating memory or processes, flooding stdout,
leaving state for its later runs or for the next candidate. Each must end with the right verdict
and nothing forged.

What runs share (test_state_between_runs_is_the_programs_own): nothing. The runs of a job are
dealt round-robin to lanes (LocalSandbox.run_lanes supervisors; Docker: two containers from 8
runs up); before each run the supervisor (irgroups/sandbox/supervisor.py `scrub`) empties /tmp,
/dev/shm, /dev/mqueue, its own output directory and System V IPC, and gives the run a fresh
working directory; Docker's one-exec scripts do the same. So neither a later run of the same
program nor a later candidate (another job in the same container, or the next program of a
function-kind batch lane) can read what an earlier one left.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

import pytest

from irgroups import languages, references, stdio
from irgroups.errors import ToolchainMissing
from irgroups.execute import Verdict, judge
from irgroups.languages import toolchains
from irgroups.problems import sources
from irgroups.problems.model import Problem
from irgroups.sandbox import base as sb
from irgroups.sandbox import supervised
from irgroups.verifier import Item, Verifier

LIMITS = sb.Limits(run_seconds=1.0, compile_seconds=60.0, memory_mb=512)
HUNT_LIMITS = replace(LIMITS, run_seconds=5.0)  # the hunters read a lot: time to finish, not to spin
OUTPUT_LIMITS = replace(LIMITS, file_size_mb=2)  # also the cap on a run's captured stdout

DOCKER = pytest.param("docker", marks=pytest.mark.docker)
# (backend, lang): both local languages, and Python on Docker
BACKEND_LANGS = [("local", "python"), ("local", "cpp"), pytest.param("docker", "python", marks=pytest.mark.docker)]


def stdio_problem(pid: str, source: str, tests: Sequence[tuple[str, str]], compare: str = "tokens",
                  amplified: Sequence[tuple[str, str]] = ()) -> Problem:
    return Problem.from_row({"problem_id": pid, "kind": "stdio", "source_code": source, "compare": compare,
                             "tests": [{"stdin": i, "expected_stdout": o} for i, o in tests],
                             "amplified_tests": [{"stdin": i, "expected_stdout": o} for i, o in amplified]})


# a+b and a*b of two integers: the expected outputs are never a program's own guess
PAIR = stdio_problem("hostile-stdio/pair", "a, b = map(int, input().split())\nprint(a + b)\nprint(a * b)\n",
                     [(f"{a} {b}\n", f"{a + b}\n{a * b}\n") for a, b in ((2, 3), (17, -4), (1000, 999), (-7, -8))])
# 2n of n: many tests, for the lanes
DOUBLE_SOURCE = "print(2 * int(input()))\n"


def double(n: int) -> Problem:
    return stdio_problem(f"hostile-stdio/double{n}", DOUBLE_SOURCE, [(f"{k}\n", f"{2 * k}\n") for k in range(1, n + 1)])


# expected outputs nobody can compute without SALT, which only the source holds (and the source
# is never in the sandbox): a program that prints one found it somewhere it must not be
SALT = "irgroups-hostile-stdio-7d1e"


def _secret(k: int) -> str:
    return "answer-" + hashlib.sha256(f"{SALT}:{k}".encode()).hexdigest()[:24]


SECRET_SOURCE = ("import hashlib\nk = int(input())\n"
                 f"print('answer-' + hashlib.sha256(('{SALT}:' + str(k)).encode()).hexdigest()[:24])\n")
SECRET = stdio_problem("hostile-stdio/secret", SECRET_SOURCE, [(f"{k}\n", _secret(k) + "\n") for k in (11, 22, 33)],
                       amplified=[(f"{k}\n", _secret(k) + "\n") for k in (44, 55)])
SECRET_PATTERN = re.compile(r"answer-[0-9a-f]{24}")


def _lit(s: str) -> str:
    """A double-quoted string literal valid in Python, C++ and Rust (JSON escaping, ASCII only)."""
    return json.dumps(s)


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------

def _need(lang: str) -> None:
    try:
        toolchains.resolve(languages.get(lang))
    except ToolchainMissing as e:
        pytest.skip(str(e))


@pytest.fixture
def open_verifier() -> Iterator[Callable[..., Verifier]]:
    """verifier(backend, lang, limits): a Verifier on `backend` (docker skips where it cannot run
    `lang`: no binary, no daemon, no image), closed after the test."""
    made: list[Verifier] = []

    def make(backend: str, lang: str, limits: sb.Limits = LIMITS, workers: int = 1) -> Verifier:
        _need(lang)
        v = Verifier(backend, [lang], limits=limits, workers=workers)
        made.append(v)
        if backend == "docker":
            problems = v.sandbox.problems()
            if problems:
                pytest.skip("docker sandbox unusable here: " + "; ".join(problems))
        return v

    yield make
    for v in made:
        v.close()


def verdict(v: Verifier, problem: Problem, lang: str, code: str) -> Verdict:
    return v.verify_all([Item(problem, lang, code)])[0]


def run_judged(v: Verifier, problem: Problem, lang: str, code: str) -> tuple[Verdict, sb.JobResult]:
    """The raw sandbox result of one candidate (through the Verifier) and its verdict, judged on
    the trusted side as Verifier.verify judges it."""
    [result] = v.run([Item(problem, lang, code)])
    return judge(result, problem), result


def lanes(sandbox: sb.Sandbox, n: int) -> list[list[int]]:
    """Which runs of an n-test job share a lane (a supervisor), as the backend deals them."""
    if sandbox.name == "docker":
        from irgroups.sandbox.docker.sandbox import LANE_MIN_RUNS

        count = 2 if getattr(sandbox, "run_lanes", 1) > 1 and n >= LANE_MIN_RUNS else 1
    else:
        count = min(getattr(sandbox, "run_lanes", 1), n)
    return sb.deal(n, count)


def _info(v: Verdict) -> str:
    return f"status={v.status} outcomes={v.test_outcomes} stderr_tail={v.stderr_tail[-1200:]!r}"


# --------------------------------------------------------------------------------------------
# the control: a program that reads its stdin and prints the answer passes
# --------------------------------------------------------------------------------------------

PAIR_GOOD = {
    "python": "import sys\na, b = map(int, sys.stdin.read().split())\nprint(a + b)\nprint(a * b)\n",
    "cpp": """\
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
int main() {
    std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    std::istringstream in(all);
    long long a, b;
    in >> a >> b;
    std::cout << a + b << "\\n" << a * b << "\\n";
    return 0;
}
""",
}


@pytest.mark.parametrize("lang", ["python", "cpp"])
def test_reading_stdin_and_printing_the_answer_passes(open_verifier, lang: str) -> None:
    v = open_verifier("local", lang)
    got = verdict(v, PAIR, lang, PAIR_GOOD[lang])
    assert got.status == "passed" and got.tests_passed == got.tests_total == 4, _info(got)
    # a bundled problem with its bundled reference
    problem = next(p for p in sources.load("stdio").problems if p.problem_id == "stdio/sum_product_mod")
    got = verdict(v, problem, lang, references.load(problem, lang) or "")
    assert got.status == "passed" and got.tests_passed == len(problem.tests), _info(got)


def test_token_comparison_takes_whitespace_and_float_noise_exact_does_not(open_verifier) -> None:
    mean = stdio_problem("hostile-stdio/mean", "xs = list(map(int, open(0).read().split()))[1:]\nprint(sum(xs) / len(xs))\n",
                         [("4\n1 2 3 4\n", "2.5\n"), ("3\n1 1 2\n", "1.3333333333333333\n")])
    stairs = stdio_problem("hostile-stdio/stairs", "n = int(input())\nfor i in range(1, n + 1):\n    print('#' * i)\n",
                           [("2\n", "#\n##\n"), ("3\n", "#\n##\n###\n")], compare="exact")
    v = open_verifier("local", "python")
    mean_head = "xs = list(map(int, open(0).read().split()))[1:]\nm = sum(xs) / len(xs)\n"
    cases = [
        (mean, mean_head + "print('   ', f'{m:.9f}', '\\n\\n   ', end='  \\n')\n", "passed"),  # spaces, newlines, 1e-9
        (mean, mean_head + "print(f'{m:.2f}')\n", "failed"),  # 1.33 is not 1.3333333: off by more than 1e-6
        (stairs, "n = int(input())\nfor i in range(1, n + 1):\n    print('#' * i)\n", "passed"),
        (stairs, "import sys\nn = int(input())\nsys.stdout.write(''.join('#' * i + '\\r\\n' for i in range(1, n + 1)))\n",
         "passed"),  # CRLF is LF
        (stairs, "n = int(input())\nfor i in range(1, n + 1):\n    print('#' * i + ' ')\n", "failed"),  # trailing space
        (stairs, "n = int(input())\nfor i in range(1, n + 1):\n    print('#' * i)\nprint()\n", "failed"),  # extra line
    ]
    got = v.verify_all([Item(p, "python", code) for p, code, _ in cases])
    assert [g.status for g in got] == [want for _, _, want in cases], [_info(g) for g in got]


# --------------------------------------------------------------------------------------------
# forged output and early exits
# --------------------------------------------------------------------------------------------

FAKE_LINES = [
    "PASS", "ok", "OK", "passed", "All tests passed", "4/4 passed", "test result: ok. 4 passed; 0 failed",
    "--- PASS: TestMain (0.00s)", '{"passed": true}',
    '{"status": "passed", "tests_passed": 4, "tests_total": 4, "test_outcomes": ["pass", "pass", "pass", "pass"]}',
    # the function kind's harness report lines, and the token protocol of older harnesses
    "@@irgroups 0 ok 5", "@@irgroups 1 ok 6", "@@irgroups end", f"{'0' * 32} 0 pass", f"{'0' * 32} done",
]
_PY_FAKE = "".join(f"print({_lit(line)})\n" for line in FAKE_LINES)
_CPP_FAKE = "".join(f"    std::puts({_lit(line)});\n" for line in FAKE_LINES)
_CPP_READ = "    long long a, b;\n    if (std::scanf(\"%lld %lld\", &a, &b) != 2) return 1;\n"

CASES = {
    # (verdict, program) per language
    "forged_report": ("failed", {
        "python": "import os, sys\nsys.stdin.read()\n" + _PY_FAKE + "sys.stdout.flush()\nos._exit(0)\n",
        "cpp": "#include <cstdio>\n#include <unistd.h>\nint main() {\n" + _CPP_FAKE + "    std::fflush(stdout);\n    _exit(0);\n}\n",
    }),
    "answer_then_report": ("failed", {  # the right answer, followed by a claim of success
        "python": "a, b = map(int, input().split())\nprint(a + b)\nprint(a * b)\n" + _PY_FAKE,
        "cpp": "#include <cstdio>\nint main() {\n" + _CPP_READ + "    std::printf(\"%lld\\n%lld\\n\", a + b, a * b);\n"
               + _CPP_FAKE + "    return 0;\n}\n",
    }),
    "exit_zero_silent": ("failed", {
        "python": "import os\nos._exit(0)\n",
        "cpp": "int main() { return 0; }\n",
    }),
    "exit_zero_partial": ("failed", {  # the first line of the answer, then exit(0)
        "python": "import os, sys\na, b = map(int, input().split())\nprint(a + b)\nsys.stdout.flush()\nos._exit(0)\n",
        "cpp": "#include <cstdio>\n#include <unistd.h>\nint main() {\n" + _CPP_READ
               + "    std::printf(\"%lld\\n\", a + b);\n    std::fflush(stdout);\n    _exit(0);\n}\n",
    }),
    "right_answer_nonzero_exit": ("runtime_error", {
        "python": "import sys\na, b = map(int, input().split())\nprint(a + b)\nprint(a * b)\nsys.exit(3)\n",
        "cpp": "#include <cstdio>\nint main() {\n" + _CPP_READ + "    std::printf(\"%lld\\n%lld\\n\", a + b, a * b);\n"
               "    return 3;\n}\n",
    }),
    "crash": ("runtime_error", {
        "python": "raise SystemExit('no')\n",
        "cpp": "#include <cstdlib>\nint main() { std::abort(); }\n",
    }),
}


@pytest.mark.parametrize("lang", ["python", "cpp"])
def test_forged_output_and_early_exits(open_verifier, lang: str) -> None:
    v = open_verifier("local", lang)
    names = list(CASES)
    got = v.verify_all([Item(PAIR, lang, CASES[name][1][lang]) for name in names])
    for name, g in zip(names, got):
        want = CASES[name][0]
        assert g.status == want, f"{lang}/{name}: expected {want}; " + _info(g)
        assert g.tests_passed == 0 and "pass" not in g.test_outcomes, f"{lang}/{name}: " + _info(g)
    # the control beside them, in the same sandbox
    assert verdict(v, PAIR, lang, PAIR_GOOD[lang]).status == "passed"


RUST_FORGER = """\
use std::io::Read;
fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
@FAKE@    std::process::exit(0);
}
""".replace("@FAKE@", "".join(f"    println!(\"{{}}\", {_lit(line)});\n" for line in FAKE_LINES))


def test_rust_forger_is_failed(open_verifier) -> None:
    v = open_verifier("local", "rust")
    g = verdict(v, PAIR, "rust", RUST_FORGER)
    assert g.status == "failed" and g.tests_passed == 0 and g.test_outcomes == ["fail"] * 4, _info(g)


# --------------------------------------------------------------------------------------------
# the expected outputs are nowhere a program can read
# --------------------------------------------------------------------------------------------

PY_HUNTER = r'''
import os, re, stat, sys

PAT = re.compile(rb"answer-[0-9a-f]{24}")
SKIP = {"/usr", "/proc", "/sys", "/dev", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin", "/opt",
        "/nix", "/snap", "/boot"}
seen = {"files": 0, "bytes": 0, "dirs": 0}
found = []


def look(data):
    seen["bytes"] += len(data)
    # its own "nothing found" answer (a constant in its memory) is no find
    found.extend(t for t in (m.group().decode() for m in PAT.finditer(data)) if t != "answer-" + "0" * 24)


def read(path, limit=1 << 22):
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return
        with open(path, "rb") as f:
            look(f.read(limit))
        seen["files"] += 1
    except (OSError, ValueError):
        pass


def walk(root):
    for dirpath, dirs, names in os.walk(root):
        seen["dirs"] += 1
        dirs[:] = [d for d in dirs if os.path.join(dirpath, d) not in SKIP]
        for name in names:
            if seen["files"] < 20000:
                read(os.path.join(dirpath, name))


look(sys.stdin.buffer.read())
look("\0".join(sys.argv).encode())
look("\0".join(f"{k}={v}" for k, v in os.environ.items()).encode())
here = os.getcwd()
roots = [here, "/job", "/tmp", "/out", "/dev/shm", "/dev/mqueue", os.path.expanduser("~"), "/home", "/root",
         "/var", "/run", "/etc", "/mnt", "/srv", "/cache", "/"]  # "/" last: the parent dirs and the rest
for root in roots:
    walk(root)
for pid in os.listdir("/proc"):
    if not (pid.isdigit() or pid in ("self", "thread-self")):
        continue
    for part in ("cmdline", "environ", "status", "cwd"):
        read(f"/proc/{pid}/{part}")
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            read(f"/proc/{pid}/fd/{fd}")
    except OSError:
        pass
    try:  # the memory of every process it may read (the supervisor is not dumpable)
        with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
            for line in maps:
                f = line.split()
                if not f[1].startswith("r") or "[vvar]" in line or "[vsyscall]" in line:
                    continue
                lo, hi = (int(x, 16) for x in f[0].split("-"))
                if hi - lo > 1 << 26:
                    continue
                try:
                    mem.seek(lo)
                    look(mem.read(hi - lo))
                except (OSError, ValueError, OverflowError):
                    pass
    except OSError:
        pass
sys.stderr.write(f"HUNTER files={seen['files']} dirs={seen['dirs']} bytes={seen['bytes']} found={len(found)} "
                 f"{sorted(set(found))[:5]}\n")
print(found[0] if found else "answer-" + "0" * 24)
'''

CPP_HUNTER = r'''
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

extern char **environ;
static long files = 0;
static std::vector<std::string> found;
static const std::set<std::string> skip = {"/usr", "/proc", "/sys", "/dev", "/lib", "/lib64", "/bin", "/sbin", "/opt"};

static void look(const std::string &data) {
    const std::string key = std::string("answer") + "-";
    for (size_t at = data.find(key); at != std::string::npos; at = data.find(key, at + 1)) {
        std::string tail = data.substr(at + key.size(), 24);
        // its own "nothing found" answer (a constant in the binary) is no find
        if (tail.size() == 24 && tail.find_first_not_of("0123456789abcdef") == std::string::npos &&
            tail != std::string(24, '0'))
            found.push_back(key + tail);
    }
}

static void read_file(const std::string &path) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
    int fd = open(path.c_str(), O_RDONLY);
    if (fd < 0) return;
    std::string data;
    char buf[1 << 16];
    ssize_t got;
    while (data.size() < (4u << 20) && (got = read(fd, buf, sizeof buf)) > 0) data.append(buf, got);
    close(fd);
    files++;
    look(data);
}

static void walk(const std::string &dir, int depth) {
    if (depth > 12 || files > 20000 || skip.count(dir)) return;
    DIR *d = opendir(dir.c_str());
    if (!d) return;
    while (struct dirent *e = readdir(d)) {
        std::string name = e->d_name;
        if (name == "." || name == "..") continue;
        std::string path = (dir == "/" ? "" : dir) + "/" + name;
        struct stat st;
        if (lstat(path.c_str(), &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) walk(path, depth + 1);
        else if (S_ISREG(st.st_mode)) read_file(path);
    }
    closedir(d);
}

int main(int argc, char **argv) {
    std::string in((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    look(in);
    for (int i = 0; i < argc; i++) look(argv[i]);
    for (char **e = environ; *e; e++) look(*e);
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd)) walk(cwd, 0);
    for (const char *root : {"/job", "/tmp", "/out", "/dev/shm", "/home", "/root", "/var", "/run", "/etc", "/"})
        walk(root, 0);
    if (DIR *p = opendir("/proc")) {
        while (struct dirent *e = readdir(p)) {
            std::string pid = e->d_name;
            if (pid.find_first_not_of("0123456789") != std::string::npos && pid != "self") continue;
            for (const char *part : {"cmdline", "environ", "status"}) read_file("/proc/" + pid + "/" + part);
            walk("/proc/" + pid + "/fd", 11);
        }
        closedir(p);
    }
    std::fprintf(stderr, "HUNTER files=%ld found=%zu\n", files, found.size());
    std::printf("%s\n", found.empty() ? "answer-000000000000000000000000" : found[0].c_str());
    return 0;
}
'''

HUNTERS = {"python": PY_HUNTER, "cpp": CPP_HUNTER}


@pytest.mark.parametrize(("backend", "lang"), BACKEND_LANGS)
def test_hunting_for_the_expected_output_finds_nothing(open_verifier, backend: str, lang: str) -> None:
    v = open_verifier(backend, lang, HUNT_LIMITS)
    # the problem is sound: its source, which knows the salt, passes every test, amplified ones too
    control = verdict(v, SECRET, "python", SECRET_SOURCE) if lang == "python" else None
    assert control is None or (control.status == "passed" and control.tests_passed == 5), control
    got, result = run_judged(v, SECRET, lang, HUNTERS[lang])
    runs = result.runs
    assert len(runs) == len(SECRET.all_tests) == 5
    for k, step in enumerate(runs):
        report = re.search(r"HUNTER files=(\d+).* found=(\d+)", step.stderr)
        assert step.status == sb.OK and report, f"run {k} did not get to hunt: {step}"
        assert int(report.group(1)) > 5, f"run {k} read almost nothing: {report.group(0)}"
        assert report.group(2) == "0", f"run {k} found an expected output: {report.group(0)} {step.stdout!r}"
        assert not SECRET_PATTERN.sub("", step.full_stdout).strip() and "0" * 24 in step.full_stdout
    assert got.status == "failed" and got.tests_passed == 0 and got.test_outcomes == ["fail"] * 5, _info(got)


def _expected_texts(problem: Problem) -> list[str]:
    """The expected outputs of `problem` that a leak would show: those not in their own stdin and
    of 4 characters or more (shorter ones, `6` or `YES`, turn up in any command line or path)."""
    out = []
    for t in problem.all_tests:
        e = str(t.expected).strip()
        if len(e) >= 4 and e not in str(t.args[0]):
            out.append(e)
    return out


def _runtime_texts(lang: str) -> list[str]:
    try:
        rt = toolchains.runtime(lang)
    except ToolchainMissing:
        return []
    return [*rt.env.values(), *rt.compile_env.values(), *rt.path_dirs, *rt.binds, rt.build_cache]


@pytest.mark.parametrize("lang", ["python", "cpp", "rust", "go"])
def test_the_job_carries_no_expected_output(lang: str) -> None:
    problems = [*sources.load("stdio").problems, SECRET]
    checked = 0
    for problem in problems:
        code = references.load(problem, lang) or "/* a candidate */"
        job = stdio.make_job(problem, lang, code, LIMITS)
        tests = problem.all_tests
        # one run per test, original then amplified, each with that test's stdin and nothing else
        assert [stdin for _, stdin in job.runs] == [str(t.args[0]) for t in tests]
        assert job.stdin == "" and job.stop_after_limit
        # one file: the candidate's program (Go's with its package clause made `main`)
        [text] = job.files.values()
        body = text.replace("package main", "", 1).strip()
        assert body in code or code.strip() in text, problem.problem_id
        argv = [*job.run_argv, *(job.compile_argv or []), *(a for run_argv, _ in job.runs for a in run_argv)]
        plan = json.loads(supervised.plan(job, list(range(len(tests))), "/job"))
        for run in plan["runs"]:
            run.pop("stdin")
        env = _runtime_texts(lang)
        for e in _expected_texts(problem):
            where = problem.problem_id, e
            assert not any(e in a for a in argv), where
            assert e not in text or e in code, where
            assert e not in json.dumps(plan), where
            assert not any(e in x for x in env), where
            checked += 1
    assert checked > 100  # most bundled problems' outputs are long enough to look for
    # the secret problem's outputs, the most distinctive: nowhere in the whole job
    job = stdio.make_job(SECRET, lang, "x", LIMITS)
    blob = repr(job) + supervised.plan(job, list(range(5)), "/job") + repr(_runtime_texts(lang))
    assert not SECRET_PATTERN.search(blob) and SALT not in blob


# --------------------------------------------------------------------------------------------
# spinning: one limit per lane, not one per test
# --------------------------------------------------------------------------------------------

LOOPS = {
    "python": "n = int(input())\nif @COND@:\n    while True:\n        n += 1\nprint(2 * n)\n",
    "cpp": """\
#include <cstdio>
int main() {
    long long n;
    if (std::scanf("%lld", &n) != 1) return 1;
    volatile unsigned long long x = 0;
    if (@COND@)
        for (;;) x = x + 1;
    std::printf("%lld\\n", 2 * n);
    return 0;
}
""",
}


@pytest.mark.parametrize(("backend", "lang"), BACKEND_LANGS)
def test_endless_loop_on_one_test_skips_the_rest_of_its_lane(open_verifier, backend: str, lang: str) -> None:
    n, looping = 12, 2  # the program spins on the third test only (stdin "3")
    v = open_verifier(backend, lang)
    got, result = run_judged(v, double(n), lang, LOOPS[lang].replace("@COND@", "n == 3"))
    lane = next(pick for pick in lanes(v.sandbox, n) if looping in pick)
    skipped = [k for k in lane if k > looping]
    statuses = [s.status for s in result.runs]
    assert statuses[looping] == sb.TIMEOUT, statuses
    assert [k for k, s in enumerate(statuses) if s == sb.SKIPPED] == skipped, statuses
    assert all(s == sb.OK for k, s in enumerate(statuses) if k != looping and k not in skipped), statuses
    assert got.status == "timeout", _info(got)
    assert [k for k, o in enumerate(got.test_outcomes) if o == "missing"] == [looping, *skipped], _info(got)
    assert got.tests_passed == n - 1 - len(skipped)


@pytest.mark.parametrize(("backend", "lang"), [("local", "python"), ("local", "cpp")])
def test_endless_loop_on_every_test_costs_one_limit_per_lane(open_verifier, backend: str, lang: str) -> None:
    n = 24
    v = open_verifier(backend, lang)
    start = time.monotonic()
    got, result = run_judged(v, double(n), lang, LOOPS[lang].replace("@COND@", "true" if lang == "cpp" else "True"))
    wall = time.monotonic() - start
    picks = lanes(v.sandbox, n)
    statuses = [s.status for s in result.runs]
    assert all(statuses[pick[0]] == sb.TIMEOUT for pick in picks), statuses
    assert statuses.count(sb.SKIPPED) == n - len(picks), statuses
    assert got.status == "timeout" and got.tests_passed == 0, _info(got)
    budget = n * LIMITS.run_seconds
    assert got.cpu_seconds is not None and got.cpu_seconds <= len(picks) * LIMITS.run_seconds * 1.5 + 0.5, got
    assert got.run_seconds < budget / 2 and wall < budget, (got.run_seconds, wall, budget)


# A program that SIGKILLs everything it may signal (its supervisor too) before it spins: the host
# trusts no results from a supervisor that did not end by itself and runs each of the lane's
# programs again, one sandbox each (LocalSandbox._batch_runs), where nothing skips the later runs
# after one hit its limit: the verdict is still a timeout, but it costs one limit per test.
KILL_THEN_SPIN = "import os, signal\ntry:\n    os.kill(-1, signal.SIGKILL)\nexcept OSError:\n    pass\nwhile True:\n    pass\n"


def test_killing_the_supervisor_does_not_buy_one_limit_per_test(open_verifier) -> None:
    limits = replace(LIMITS, run_seconds=0.5)
    n = 6
    v = open_verifier("local", "python", limits)
    got, result = run_judged(v, double(n), "python", KILL_THEN_SPIN)
    assert got.status == "timeout", _info(got)  # never a pass, whatever the cost
    picks = lanes(v.sandbox, n)
    assert got.cpu_seconds is not None and got.cpu_seconds <= len(picks) * limits.run_seconds * 1.5 + 0.5, \
        [(s.status, s.cpu_seconds) for s in result.runs]


# --------------------------------------------------------------------------------------------
# memory, processes, output
# --------------------------------------------------------------------------------------------

RESOURCE = {
    "memory_bomb": {
        "python": "import sys\nsys.stdin.read()\nhold = []\nwhile True:\n    hold.append(b'x' * (1 << 20))\n",
        "cpp": """\
#include <cstring>
#include <vector>
int main() {
    std::vector<char *> hold;
    for (;;) {
        char *p = new char[1 << 20];
        std::memset(p, 1, 1 << 20);
        hold.push_back(p);
    }
}
""",
    },
    "fork_bomb": {
        "python": "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n",
        "cpp": "#include <unistd.h>\nint main() {\n    for (;;) fork();\n}\n",
    },
}


@pytest.mark.parametrize("lang", ["python", "cpp"])
def test_memory_bomb_is_memory_limit(open_verifier, lang: str) -> None:
    v = open_verifier("local", lang)
    got = verdict(v, PAIR, lang, RESOURCE["memory_bomb"][lang])
    assert got.status == "memory_limit" and got.tests_passed == 0, _info(got)
    assert verdict(v, PAIR, lang, PAIR_GOOD[lang]).status == "passed"


@pytest.mark.parametrize("lang", ["python", "cpp"])
def test_fork_bomb_is_never_passed(open_verifier, lang: str) -> None:
    v = open_verifier("local", lang)
    got = verdict(v, PAIR, lang, RESOURCE["fork_bomb"][lang])
    # the process cap stops the forks; the bomb then spins (timeout) or its processes die
    # (runtime_error); 64 processes of a fork bomb may also fill the memory cap
    assert got.status in ("timeout", "runtime_error", "memory_limit") and got.tests_passed == 0, _info(got)
    assert verdict(v, PAIR, lang, PAIR_GOOD[lang]).status == "passed"  # the sandbox goes on working


FLOOD = {
    "python": "import sys\na, b = map(int, input().split())\nprint(a + b)\nprint(a * b)\nwhile True:\n"
              "    sys.stdout.write('PASS ' * 13107)\n",
    "cpp": "#include <cstdio>\n#include <cstring>\nint main() {\n" + _CPP_READ
           + "    std::printf(\"%lld\\n%lld\\n\", a + b, a * b);\n    static char buf[1 << 16];\n"
             "    std::memset(buf, 'x', sizeof buf);\n    for (;;) std::fwrite(buf, 1, sizeof buf, stdout);\n}\n",
}


@pytest.mark.parametrize("lang", ["python", "cpp"])
def test_huge_stdout_is_capped_and_not_passed(open_verifier, lang: str) -> None:
    v = open_verifier("local", lang, OUTPUT_LIMITS)
    got, result = run_judged(v, PAIR, lang, FLOOD[lang])
    cap = OUTPUT_LIMITS.file_size_mb * 1024 * 1024
    for step in result.runs:
        assert step.status != sb.OK, step.status
        assert 0 < len(step.full_stdout) <= cap and len(step.stdout) <= OUTPUT_LIMITS.output_keep_bytes
    assert got.status in ("runtime_error", "timeout") and got.tests_passed == 0, _info(got)
    assert len(got.stderr_tail) <= 2000
    assert verdict(v, PAIR, lang, PAIR_GOOD[lang]).status == "passed"


# --------------------------------------------------------------------------------------------
# state between runs, and between candidates
# --------------------------------------------------------------------------------------------

PLACES = {"cwd": "", "tmp": "/tmp", "shm": "/dev/shm", "mqueue": "/dev/mqueue", "out": "/out",
          "docker_out": "/tmp/.irgroups-out", "home": "~"}
STATEFUL = """\
import json, os, sys
n = int(sys.stdin.read())
places = @PLACES@
seen, wrote = {}, []
for name, d in places.items():
    d = os.path.expanduser(d) if d else os.getcwd()
    try:
        seen[name] = sorted(x for x in os.listdir(d) if x.startswith("mark-"))
    except OSError:
        seen[name] = None
for name, d in places.items():
    d = os.path.expanduser(d) if d else os.getcwd()
    try:
        with open(os.path.join(d, "mark-%d" % n), "w") as f:
            f.write(str(2 * n))
        wrote.append(name)
    except OSError:
        pass
sys.stderr.write("STATE " + json.dumps({"n": n, "seen": seen, "wrote": wrote}) + "\\n")
print(2 * n)
""".replace("@PLACES@", repr(PLACES))
# another candidate, which answers only from what an earlier program left behind
LAZY = """\
import os, sys
n = int(sys.stdin.read())
for d in @DIRS@:
    try:
        with open(os.path.join(os.path.expanduser(d) if d else os.getcwd(), "mark-%d" % n)) as f:
            print(f.read())
            break
    except OSError:
        pass
else:
    print(0)
""".replace("@DIRS@", repr(list(PLACES.values())))


@pytest.mark.parametrize("backend", ["local", DOCKER])
def test_state_between_runs_is_the_programs_own(open_verifier, backend: str) -> None:
    n = 10
    v = open_verifier(backend, "python")
    got, result = run_judged(v, double(n), "python", STATEFUL)
    assert got.status == "passed", _info(got)
    reports = []
    for step in result.runs:
        found = re.search(r"^STATE (.*)$", step.stderr, re.M)
        assert found, step
        reports.append(json.loads(found.group(1)))
    assert [r["n"] for r in reports] == list(range(1, n + 1))
    assert "cwd" in reports[0]["wrote"]  # the program could write: there was state to leave
    carried: set[str] = set()
    for pick in lanes(v.sandbox, n):
        for pos, k in enumerate(pick):
            earlier = {f"mark-{j + 1}" for j in pick[:pos]}
            seen = reports[k]["seen"]
            assert seen["cwd"] == [], f"run {k}: its working directory is not fresh: {seen}"
            for place, marks in seen.items():
                # only what this program wrote on its earlier inputs, in its own lane
                assert marks is None or set(marks) <= earlier, f"run {k} ({place}): {marks} not in {earlier}"
                if marks:
                    carried.add(place)
    # nothing carries over, not even inside a lane (see the module's docstring)
    assert carried == set(), carried
    # ... and it is judged on what it printed: a program replaying its earlier outputs fails
    replay = STATEFUL.replace("print(2 * n)", "print(max([int(m[5:]) * 2 for v in seen.values() for m in v or []], "
                                              "default=-1))")
    assert verdict(v, double(n), "python", replay).status == "failed"


@pytest.mark.parametrize("backend", [
    "local",
    pytest.param("docker", marks=[pytest.mark.docker]),
])
def test_a_later_candidate_sees_nothing_of_an_earlier_one(open_verifier, backend: str) -> None:
    n = 6  # one lane on Docker (fewer than 8 runs): both jobs in the same container
    v = open_verifier(backend, "python")
    first = verdict(v, double(n), "python", STATEFUL)
    assert first.status == "passed", _info(first)
    second = verdict(v, double(n), "python", LAZY)
    assert second.status == "failed" and second.tests_passed == 0, _info(second)


CACHING = """\
import json, os
def add(x, y):
    seen = {f"{x},{y}": x + y}
    for d in ("/tmp", "/dev/shm", "/out"):
        try:
            path = os.path.join(d, "answers.json")
            if os.path.exists(path):
                seen.update(json.load(open(path)))
            with open(path, "w") as f:
                json.dump(seen, f)
        except (OSError, ValueError):
            pass
    return x + y  # @K@
"""
REPLAYING = """\
import json, os
def add(x, y):
    for d in ("/tmp", "/dev/shm", "/out"):
        try:
            return json.load(open(os.path.join(d, "answers.json")))[f"{x},{y}"] + @K@ * 0
        except (OSError, KeyError, ValueError):
            pass
    return -1
"""


def test_a_function_candidate_cannot_replay_what_an_earlier_one_of_its_batch_left() -> None:
    """Function problems batch candidates: several programs run one after another under one
    supervisor. A correct one that caches its answers must not let the next one pass by replaying
    them (RL samples of one prompt are batched together)."""
    problem = Problem.from_row({"problem_id": "t/add", "source_code": "def add(x, y):\n    return x + y\n",
                                "entry_point": "add", "signature": {"params": [{"name": "x", "type": "int"},
                                                                                {"name": "y", "type": "int"}],
                                                                     "returns": "int"},
                                "tests": [{"args": [a, b], "expected": a + b} for a, b in ((1, 2), (5, 7), (-3, 3))]})
    # dealt round-robin to lanes: each replaying program runs right after a caching one in its lane
    codes = [CACHING.replace("@K@", "1"), CACHING.replace("@K@", "2"),
             REPLAYING.replace("@K@", "1"), REPLAYING.replace("@K@", "2")]
    with Verifier("local", ["python"], workers=1) as v:
        got = v.verify_all([Item(problem, "python", c) for c in codes])
    assert [g.status for g in got] == ["passed", "passed", "failed", "failed"], [g.stderr_tail for g in got]
