"""The sandbox interface: `run(job) -> JobResult`.

A job is files + an optional compile command + a run command + limits. The
compile and run steps are reported separately, each with its own status, exit
code, time and bounded output (as SandboxFusion does). Infrastructure trouble
is a `sandbox_error` step, never a verdict about the code.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field

from irgroups.errors import ConfigError

# step statuses
OK = "ok"  # exited 0
EXITED = "exited"  # exited non-zero or by a signal
TIMEOUT = "timeout"
MEMORY = "memory_limit"
SANDBOX_ERROR = "sandbox_error"
SKIPPED = "skipped"  # not run: an earlier run of the same program hit its limit (Job.stop_after_limit)


@dataclass(frozen=True)
class Limits:
    compile_seconds: float = 60.0
    # CPU seconds of a program (all its threads and processes): a limit the machine's load does
    # not move, so the kind of a failure (timeout or memory_limit) is the program's doing (see
    # supervisor.watch; a memory hog still growing may get more). On the embedded default
    # (1,184 programs) the slowest correct one took 0.37 s; endless loops are ~1% of mutants and
    # each costs this much CPU: 5 s, not 10.
    run_seconds: float = 5.0
    # the wall clock, as a multiple of run_seconds, stops only programs that sleep or block: one
    # that computes must meet its CPU limit first however busy the machine. At 3x, the Docker build
    # of the embedded default beside two busy processes (4 one-core containers and the 2 processes
    # on 2 cores) had 5 of its 11 endless loops stopped by the wall clock at 15 s, short of 5 CPU
    # seconds; at 5x the slowest of them reached its 5 CPU seconds after 18.4 s (the local
    # build's after 10.6 s). A sleeping program costs a lane this long: none in that build does.
    run_wall_factor: float = 5.0
    memory_mb: int = 2048
    processes: int = 64
    file_size_mb: int = 16  # also the cap on captured output
    output_keep_bytes: int = 64 * 1024  # what is kept of stdout/stderr for the row

    def __post_init__(self) -> None:
        for name in ("compile_seconds", "run_seconds", "memory_mb", "processes", "file_size_mb"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"sandbox limit {name} must be positive, got {getattr(self, name)}")
        if self.run_wall_factor < 1:
            raise ConfigError(f"sandbox limit run_wall_factor must be at least 1, got {self.run_wall_factor}")

    @property
    def run_wall_seconds(self) -> float:
        return self.run_seconds * self.run_wall_factor


@dataclass(frozen=True)
class Runtime:
    """What a job's toolchain needs of the sandbox: computed on the language side (see
    irgroups/languages/toolchains.py), so no backend knows any language.

    Toolchains under /usr are visible in the sandbox as they are; one elsewhere (rustup's) is
    bound read-only at its own path, with its real `bin/` first on PATH."""

    lang: str = ""
    version: str = ""  # the toolchain's version line
    path_dirs: tuple[str, ...] = ()  # extra PATH entries, before /usr/bin
    binds: tuple[str, ...] = ()  # host dirs to bind read-only at the same path
    env: dict[str, str] = field(default_factory=dict)  # for every step
    compile_env: dict[str, str] = field(default_factory=dict)  # for the compile step only
    # where a build cache is mounted while compiling: one host dir per (language, worker slot),
    # written by the compiler only, never by candidate code; "" for none
    build_cache: str = ""
    executables: tuple[str, ...] = ()


@dataclass(frozen=True)
class Job:
    lang: str  # names the job's language (its container, its cache dir); the backend never reads it otherwise
    files: dict[str, str]
    run_argv: list[str]  # "{job}" is replaced by where the job's files are visible
    compile_argv: list[str] | None = None
    stdin: str = ""
    limits: Limits = field(default_factory=Limits)
    # compile once, run many: when set, each (argv, stdin) runs after the one compile, each
    # with the run limits, and JobResult.runs holds their results (run_argv/stdin are unused)
    runs: tuple[tuple[tuple[str, ...], str], ...] = ()
    # the runs are programs on many inputs (a stdio problem's tests): once a run hits its time or
    # memory limit, the later runs of the same program in its lane are SKIPPED (an endless loop
    # costs one limit, not one per test). `programs[k]`: the program run k belongs to (empty: all
    # runs are one program)
    stop_after_limit: bool = False
    programs: tuple[int, ...] = ()
    compile_seconds: float | None = None  # overrides limits.compile_seconds (a batch compiles longer)
    runtime: Runtime | None = None  # None: the sandbox's `runtimes` gives it, from `lang`


@dataclass
class StepResult:
    status: str
    exit_code: int | None
    seconds: float
    stdout: str = ""
    stderr: str = ""
    full_stdout: str = ""  # everything captured (up to the file-size cap), for parsing reports
    # what the program used (None where the backend could not see it): CPU seconds of all its
    # threads and processes, and its memory high-water mark (the cgroup's where the step had
    # one of its own, else the largest resident size among the program's processes)
    cpu_seconds: float | None = None
    peak_memory_mb: float | None = None


@dataclass
class JobResult:
    compile: StepResult | None
    run: StepResult | None
    backend: str
    runs: list[StepResult] = field(default_factory=list)


def program_of(job: Job, k: int) -> int:
    """The program run k of `job` belongs to (Job.programs)."""
    return job.programs[k] if job.programs else 0


def stopped_after_limit(job: Job, results: list[StepResult | None], k: int) -> bool:
    """Whether run k is not to run: its program hit a limit in an earlier run (Job.stop_after_limit)."""
    return job.stop_after_limit and any(
        r is not None and r.status in (TIMEOUT, MEMORY) and program_of(job, j) == program_of(job, k)
        for j, r in enumerate(results))


def deal(n: int, lanes: int) -> list[list[int]]:
    """Indices 0..n-1 dealt round-robin to `lanes` lanes (neighbours, often mutants of one
    problem that loop alike, land in different lanes)."""
    return [list(range(lane, n, lanes)) for lane in range(lanes)]


# Where a sandbox built without `runtimes` finds the runtime of a job that carries none: set by
# irgroups.languages.toolchains when it is imported. Transitional (issue 13): once every Job is
# built with its runtime and every sandbox by the verifier's factory, it goes.
RuntimeSource = Callable[[str], Runtime]
_default_runtimes: list[RuntimeSource] = []


def set_default_runtimes(source: RuntimeSource) -> None:
    _default_runtimes[:] = [source]


def default_runtimes() -> RuntimeSource:
    return _default_runtimes[0] if _default_runtimes else (lambda lang: Runtime(lang))


class Sandbox(ABC):
    name: str
    supports_runs: bool = False  # whether Job.runs (compile once, run many) is implemented

    @abstractmethod
    def run(self, job: Job, slot: int = 0) -> JobResult:
        """Run one job; `slot` identifies the worker, for per-worker caches."""

    @abstractmethod
    def problems(self) -> list[str]:
        """What keeps this backend from working here (empty when all is well)."""

    def close(self) -> None:  # noqa: B027 - optional hook, most backends hold nothing
        """Release everything the backend holds."""
