"""What a build is asked to do: `BuildConfig`, the one place for the build's options and defaults.

Each field carries its command-line name, help text and choices as field metadata (`opt`), so
`irgroups build` (irgroups/cli/build.py) and a recipe's `[build]` table (`read_recipe`) are both
generated from it: a default is written once, here.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import MISSING, Field, asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from irgroups import languages
from irgroups.errors import ConfigError
from irgroups.generate.backends import MODEL_BACKENDS, SamplingSettings
from irgroups.prompts import TRANSLATE
from irgroups.sandbox.base import Limits
from irgroups.verifier import SANDBOXES

LLVM_TARGET = "llvm-ir"
BACKENDS = ("reference", *MODEL_BACKENDS)
_LIMITS = Limits()
_SAMPLING = SamplingSettings()
# the panels of `irgroups build --help`, in the order the fields first name them
INPUT, TARGETS, SANDBOX, RUN, EXECUTOR, MODEL = ("Input and output", "Targets", "Sandbox and limits",
                                                 "Run management", "Executor", "Candidates from a model")


def opt(default: Any, help: str, **meta: Any) -> Any:  # noqa: A002 - mirrors argparse/click naming
    """A config field with its command-line metadata.

    meta: `flag` (the option's name when it is not the field's, e.g. "mutants"), `choices`,
    `from_file` (the option takes a file, the field holds its text; the CLI default is the field's),
    `panel` (the `--help` panel the option is listed in)."""
    metadata = {"help": help, **meta}
    if callable(default) and not isinstance(default, type):
        return field(default_factory=default, metadata=metadata)
    return field(default=default, metadata=metadata)


def option_name(f: Field[Any]) -> str:
    """The field's option as a recipe key and click parameter name: `mutants`, `run_timeout`."""
    return str(f.metadata.get("flag", f.name))


def field_default(f: Field[Any]) -> Any:
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return f.default_factory()
    return None


def split_targets(text: str) -> tuple[str, bool]:
    """`--langs rust,cpp,llvm-ir` -> ("rust,cpp", True): llvm-ir is a group kind built from the
    passing candidates of the languages with an LLVM front end, not a language of its own."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    llvm = LLVM_TARGET in parts
    return ",".join(p for p in parts if p != LLVM_TARGET), llvm


@dataclass
class BuildConfig:
    out: Path = opt(Path("runs/default"), "Run directory; the same command on the same directory resumes.",
                    panel=INPUT)
    langs: str = opt("rust,go,csharp",
                     "Target languages, comma-separated: " + ", ".join(languages.LANGUAGES) + " (aliases rs, cs, "
                     "...); add llvm-ir for LLVM IR groups made from the cpp/rust candidates that pass.",
                     panel=TARGETS)
    source: str = opt("humaneval,bundled",
                      "Problem sources, comma-separated: humaneval, bundled, stdio (the bundled stdio problems), "
                      "hf:<dataset>[:<config>][@<split>], or paths to JSONL/parquet files in the neutral schema.",
                      panel=INPUT)
    workers: int = opt(lambda: os.cpu_count() or 1, "Parallel sandbox jobs.", panel=SANDBOX)
    limit: int | None = opt(None, "Use only the first N problems.", panel=INPUT)
    mutants_per_reference: int = opt(6, "Mutants per reference.", flag="mutants", panel=TARGETS)
    rewrites_per_reference: int = opt(4, "Equivalence-preserving rewrites per reference (renamed locals, loop forms, "
                                      "inverted ifs, ...); each is executed and labelled like any candidate.",
                                      flag="rewrites", panel=TARGETS)
    max_equivalent: int | None = opt(None, "At most this many equivalent members per group: the reference first, "
                                     "then the most different from those already picked.", panel=TARGETS)
    max_inequivalent: int | None = opt(None, "At most this many inequivalent members per group, failure kinds "
                                       "taking turns.", panel=TARGETS)
    max_kind_share: float | None = opt(None, "At most this share (0-1] of a group's inequivalent members of one "
                                       "failure kind (compile_error, wrong_output, ...); at least one is kept.",
                                       panel=TARGETS)
    # extra inputs per problem, expected values from the source program (irgroups/amplify); 0: off.
    # On the embedded default, 50 leave 2 of 246 equivalent members (0.8%) failing 200 independent
    # inputs per problem, and 100 leave the same 2 (a tie-order difference random lists rarely show),
    # at 1.16x and 1.31x the build time of no amplification (benchmarks/amplify_check.py, amplify_cost.py)
    amplify: int = opt(50, "Extra inputs per problem (amplified tests), expected values from running the python "
                       "source; an input a verified reference fails is dropped. 0: off.", panel=INPUT)
    shard_size: int = opt(8, "Problems per shard (resume granularity).", panel=RUN)
    seed: int = opt(0, "Seed for choosing mutants (and for sampling).", panel=RUN)
    # --- sandbox limits (the rest of Limits keeps its defaults; see irgroups/sandbox/base.py for why 5 s)
    run_timeout: float = opt(_LIMITS.run_seconds,
                             "CPU seconds per test program run (all of a problem's tests, all its threads and "
                             "processes); the wall clock stops only programs that sleep, at 5x this.",
                             panel=SANDBOX)
    memory_mb: int = opt(_LIMITS.memory_mb, "Memory cap per job.", panel=SANDBOX)
    cache_dir: Path | None = opt(None, "Verdict cache directory (default: <out>/cache); share it across runs to "
                                 "skip repeated work.", panel=RUN)
    overwrite: bool = opt(False, "Delete --out first instead of resuming.", panel=RUN)
    progress: bool = opt(True, "Progress bars (--no-progress for logs and CI).", panel=RUN)
    sandbox: str = opt("local", "Where code runs: bubblewrap namespaces on this host, or Docker containers "
                       "(images: bash scripts/docker_images.sh).", choices=SANDBOXES, panel=SANDBOX)
    executor: str = opt("local", "Where stages run: this machine, or a Ray cluster (pip install 'irgroups[ray]'; "
                        "README: Beyond one machine).", choices=("local", "ray"), panel=EXECUTOR)
    ray_address: str | None = opt(None, "--executor ray: the cluster to join (the address `ray start --head` "
                                  "prints); none starts Ray on this machine.", panel=EXECUTOR)
    # --- who writes candidates
    backend: str = opt("reference", "Who writes candidates: the bundled references (model-free), transformers, "
                       "an OpenAI-compatible server, or vLLM's offline engine.", choices=BACKENDS, panel=MODEL)
    model: str | None = opt(None, "Model path or id (hf, vllm) or served model name (openai).", panel=MODEL)
    samples: int = opt(_SAMPLING.samples, "Answers per prompt.", panel=MODEL)
    temperature: float = opt(_SAMPLING.temperature, "Sampling temperature.", panel=MODEL)
    top_p: float = opt(_SAMPLING.top_p, "Nucleus sampling: keep the smallest token set with this much probability.",
                       panel=MODEL)
    max_new_tokens: int = opt(_SAMPLING.max_new_tokens, "Longest answer, in tokens.", panel=MODEL)
    stop: tuple[str, ...] = opt(_SAMPLING.stop, "Stop sequence (repeatable).", panel=MODEL)
    base_url: str = opt("http://127.0.0.1:8000/v1",
                        "openai backend: the server's /v1 URL. The key comes from $OPENAI_API_KEY.", panel=MODEL)
    api_mode: str = opt("chat", "openai backend: /chat/completions or /completions.", choices=("chat", "completion"),
                        panel=MODEL)
    concurrency: int = opt(16, "openai backend: requests in flight.", panel=MODEL)
    batch_size: int = opt(8, "hf backend: prompts per generate call.", panel=MODEL)
    tensor_parallel_size: int = opt(1, "vllm backend: GPUs per model.", panel=MODEL)
    references: bool = opt(True, "Also use the bundled reference translations (and their mutants) as candidates.",
                           panel=TARGETS)
    prompt_template: str = opt(TRANSLATE, "A file replacing the translation prompt template (fields: source_name, "
                               "source_lang, source_code, target_name, target_lang, signature, where).",
                               from_file=True, panel=MODEL)

    def __post_init__(self) -> None:
        self.out = Path(self.out)
        self.cache_dir = Path(self.cache_dir) if self.cache_dir is not None else None
        self.stop = tuple(self.stop)
        languages.parse_list(split_targets(self.langs)[0])  # an unknown language, before anything else
        for name in ("workers", "shard_size", "memory_mb", "concurrency", "batch_size", "tensor_parallel_size"):
            if getattr(self, name) < 1:
                raise ConfigError(f"--{name.replace('_', '-')} must be at least 1, got {getattr(self, name)}")
        if self.limit is not None and self.limit < 1:
            raise ConfigError(f"--limit must be at least 1, got {self.limit}")
        if self.amplify < 0:
            raise ConfigError(f"--amplify must be 0 (off) or more, got {self.amplify}")
        if self.mutants_per_reference < 0:
            raise ConfigError(f"--mutants must be 0 or more, got {self.mutants_per_reference}")
        if self.run_timeout <= 0:
            raise ConfigError(f"--run-timeout must be positive, got {self.run_timeout}")
        for f in fields(self):
            choices = f.metadata.get("choices")
            if choices and getattr(self, f.name) not in choices:
                raise ConfigError(f"--{option_name(f).replace('_', '-')} must be one of {', '.join(choices)}; "
                                  f"got {getattr(self, f.name)!r}")
        if self.backend != "reference" and not self.model:
            raise ConfigError(f"--backend {self.backend} needs --model (a local path or a model id)")
        if self.backend == "reference" and not self.references:
            raise ConfigError("--no-references with --backend reference leaves nothing to build")
        _ = self.sampling  # checks samples, temperature, top_p and max_new_tokens now, not mid-build

    # --- the grouped views the pipeline reads
    @property
    def limits(self) -> Limits:
        return Limits(run_seconds=self.run_timeout, memory_mb=self.memory_mb)

    @property
    def sampling(self) -> SamplingSettings:
        return SamplingSettings(samples=self.samples, temperature=self.temperature, top_p=self.top_p,
                                max_new_tokens=self.max_new_tokens, seed=self.seed, stop=self.stop)

    @property
    def backend_options(self) -> dict[str, Any]:
        """The chosen backend's own keyword arguments (make_backend)."""
        per_backend: dict[str, dict[str, Any]] = {
            "hf": {"batch_size": self.batch_size},
            "openai": {"base_url": self.base_url, "mode": self.api_mode, "concurrency": self.concurrency},
            "vllm": {"tensor_parallel_size": self.tensor_parallel_size},
        }
        return per_backend.get(self.backend, {})

    @classmethod
    def from_options(cls, values: dict[str, Any]) -> BuildConfig:
        """Option names (`mutants`, a recipe's keys, click's parameters) -> a config; None = the default.
        A `from_file` option's value is a path whose text becomes the field."""
        kw: dict[str, Any] = {}
        for f in fields(cls):
            value = values.get(option_name(f))
            if value is not None:
                kw[f.name] = Path(value).read_text() if f.metadata.get("from_file") else value
        return cls(**kw)

    def config_hash(self) -> str:
        """What decides the rows (not workers, paths or display)."""
        text, llvm = split_targets(self.langs)
        langs = [lang.name for lang in languages.parse_list(text)] + ([LLVM_TARGET] if llvm else [])
        blob = json.dumps({
            "langs": langs, "source": self.source, "limit": self.limit, "mutants": self.mutants_per_reference,
            "amplify": self.amplify, "rewrites": self.rewrites_per_reference,
            "pick": [self.max_equivalent, self.max_inequivalent, self.max_kind_share],
            "shard_size": self.shard_size, "seed": self.seed, "limits": asdict(self.limits),
            "backend": self.backend, "model": self.model,
            "sampling": asdict(self.sampling) if self.backend != "reference" else None,
            "references": self.references, "template": self.prompt_template,
        }, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def read_recipe(path: Path, table: str = "build") -> dict[str, Any]:
    """A recipe's `[build]` table: its keys are `irgroups build` option names (`shard_size`, `mutants`).
    An unknown key is refused, naming the file; the values are checked where the flags' are."""
    try:
        values = tomllib.loads(Path(path).read_text()).get(table, {})
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"cannot read recipe {path}: {e}") from None
    if not isinstance(values, dict):
        raise ConfigError(f"{path}: [{table}] must be a table of option = value")
    known = sorted(option_name(f) for f in fields(BuildConfig))
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError(f"{path}: unknown [{table}] keys {unknown}; known: {known}")
    return values
