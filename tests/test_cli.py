"""The CLI refuses bad requests before any work, with a clear message."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from click.testing import CliRunner

from irgroups.cli import main
from irgroups.cli.build import build
from irgroups.cli.errors import EXIT_CODES, INFRASTRUCTURE, USAGE
from irgroups.cli.publish import PLACEHOLDER_REPO
from irgroups.cli.stats import stats
from irgroups.config import BuildConfig, field_default, option_name, read_recipe
from irgroups.errors import ConfigError, DataError, SandboxError
from irgroups.generate.backends import SamplingSettings
from irgroups.prompts import TRANSLATE
from irgroups.training.config import make_config

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "irgroups.cli", *args], capture_output=True, text=True,
                          env=env, timeout=300)


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    res = run("build", "--langs", "rust,cobol", "--out", str(tmp_path / "r"))
    assert res.returncode == 2
    assert "unknown language 'cobol'" in res.stderr
    assert not (tmp_path / "r").exists()


def test_missing_toolchain_is_refused_before_work(tmp_path: Path) -> None:
    # a PATH without go: the real lookup fails, as on a machine without golang-go
    keep = tmp_path / "bin"
    keep.mkdir()
    for exe in ("rustc", "mcs", "mono", "bwrap", "prlimit", "sh", "g++"):
        found = shutil.which(exe)
        if found:
            (keep / exe).symlink_to(found)
    env = {**os.environ, "PATH": str(keep)}
    res = run("build", "--langs", "rust,go", "--out", str(tmp_path / "r"), env=env)
    assert res.returncode == 4
    assert "go: go not found" in res.stderr and "golang-go" in res.stderr
    assert not (tmp_path / "r" / "candidates").exists()


def test_sandbox_check_lists_toolchains() -> None:
    res = run("sandbox", "check")
    assert res.returncode == 0, res.stdout + res.stderr
    for name in ("python", "cpp", "rust", "go", "csharp"):
        assert name in res.stdout


def test_bad_problem_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "problems.jsonl"
    good = {"problem_id": "t/1", "source_code": "def f(x):\n    return x\n", "entry_point": "f",
            "signature": {"params": [{"name": "x", "type": "int"}], "returns": "int"},
            "tests": [{"args": [1], "expected": 1}]}
    broken = dict(good, problem_id="t/2", tests=[{"args": ["one"], "expected": 1}])
    bad.write_text(json.dumps(good) + "\n" + json.dumps(broken) + "\n")
    res = run("build", "--langs", "python", "--source", str(bad), "--out", str(tmp_path / "r"), "--no-progress")
    assert res.returncode == 2
    assert f"{bad}: line 2" in res.stderr and "expected int" in res.stderr


@pytest.fixture(scope="module")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run") / "r"
    res = run("build", "--langs", "python", "--source", "bundled", "--mutants", "2", "--out", str(out),
              "--no-progress")
    assert res.returncode == 0, res.stdout + res.stderr
    return out


def test_stats_of_a_small_run(small_run: Path) -> None:
    stats = run("stats", str(small_run), "--json")
    summary = json.loads(stats.stdout)
    assert summary["problems"] == 8
    # python is the problems' own source language: the source is its reference
    py = summary["per_language"]["python"]
    assert py["candidates"] >= 8 and py["passed"] >= 8 and py["references_failing"] == 0
    assert summary["groups"] >= 1


def test_publish_to_a_folder_needs_no_repo(small_run: Path, tmp_path: Path) -> None:
    res = run("publish", str(small_run), "--to-dir", str(tmp_path / "hub"))
    assert res.returncode == 0, res.stderr
    card = (tmp_path / "hub" / "README.md").read_text()
    assert yaml.safe_load(card.split("---")[1])["pretty_name"] == PLACEHOLDER_REPO
    res = run("publish", str(small_run))  # uploading does need one
    assert res.returncode == USAGE and "--repo org/name is needed" in res.stderr


# --- one source for options, one error handler, one set of exit codes -------------------------------------------

def _captured_build(monkeypatch: pytest.MonkeyPatch) -> list[BuildConfig]:
    """`irgroups build` without the build: the config it would run is kept."""
    seen: list[BuildConfig] = []

    def fake(cfg: BuildConfig, *a: Any, **kw: Any) -> dict[str, Any]:
        seen.append(cfg)
        return {"per_language": {}}

    monkeypatch.setattr("irgroups.pipeline.build", fake)
    monkeypatch.setattr("irgroups.summary.print_summary", lambda *a, **kw: None)
    return seen


def test_every_build_config_field_is_a_build_option_with_its_default_and_help() -> None:
    params = {p.name: p for p in build.params}
    assert set(params) == {option_name(f) for f in fields(BuildConfig)} | {"recipe"}
    for f in fields(BuildConfig):
        p = params[option_name(f)]
        assert isinstance(p, click.Option)
        assert p.help == f.metadata["help"]
        if f.metadata.get("from_file"):
            assert p.default is None  # a file; none given = the field's default text
        else:
            assert p.default == field_default(f), f.name
        if "choices" in f.metadata:
            assert isinstance(p.type, click.Choice) and tuple(p.type.choices) == f.metadata["choices"]
    for flag in ("--mutants", "--run-timeout", "--memory-mb", "--no-progress", "--no-references", "--overwrite",
                 "--top-p", "--stop", "--api-mode", "--tensor-parallel-size", "--prompt-template"):
        assert any(flag in p.opts + p.secondary_opts for p in build.params), flag


def test_flags_fill_the_grouped_views_the_pipeline_reads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = _captured_build(monkeypatch)
    template = tmp_path / "t.txt"
    template.write_text("translate {source_code}")
    res = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "r"), "--run-timeout", "2.5", "--memory-mb",
                                    "512", "--backend", "openai", "--model", "m", "--samples", "3", "--stop", "\n\n",
                                    "--stop", "END", "--api-mode", "completion", "--seed", "7", "--no-progress",
                                    "--prompt-template", str(template)])
    assert res.exit_code == 0, res.output
    cfg = seen[0]
    assert (cfg.limits.run_seconds, cfg.limits.memory_mb) == (2.5, 512)
    assert cfg.sampling == SamplingSettings(samples=3, seed=7, stop=("\n\n", "END"))
    assert cfg.backend_options == {"base_url": "http://127.0.0.1:8000/v1", "mode": "completion", "concurrency": 16}
    assert cfg.prompt_template == "translate {source_code}" and cfg.progress is False
    assert BuildConfig(out=tmp_path).prompt_template == TRANSLATE


def test_a_recipe_sets_values_and_flags_win(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = _captured_build(monkeypatch)
    recipe = tmp_path / "r.toml"
    recipe.write_text('[build]\nlangs = "python"\nmutants = 1\namplify = 0\nshard_size = 3\nprogress = false\n'
                      'stop = ["END"]\nsandbox = "docker"\n')
    res = CliRunner().invoke(main, ["build", "--recipe", str(recipe), "--out", str(tmp_path / "o"), "--amplify", "4"])
    assert res.exit_code == 0, res.output
    cfg = seen[0]
    assert (cfg.langs, cfg.mutants_per_reference, cfg.shard_size, cfg.progress) == ("python", 1, 3, False)
    assert (cfg.amplify, cfg.stop, cfg.sandbox) == (4, ("END",), "docker")
    # the embedded default's recipe holds no defaults of its own: it gives the dataclass's
    default = BuildConfig.from_options(read_recipe(ROOT / "pipelines" / "default.toml"))
    assert default == BuildConfig(out=Path("runs/default"), langs="rust,go,csharp", source="humaneval,bundled")


def test_a_recipe_key_that_is_no_option_or_a_bad_value_is_refused_naming_the_file(tmp_path: Path) -> None:
    recipe = tmp_path / "bad.toml"
    for body, says in [('[build]\nmutants = 2\nworkres = 4\n', "unknown [build] keys ['workres']"),
                       ('[build]\nsandbox_name = "docker"\n', "unknown [build] keys ['sandbox_name']"),
                       ('[build]\namplify = "many"\n', "amplify = 'many'"),
                       ('[build]\nsandbox = "podman"\n', "sandbox = 'podman'")]:
        recipe.write_text(body)
        res = CliRunner().invoke(main, ["build", "--recipe", str(recipe), "--out", str(tmp_path / "o")])
        assert res.exit_code == USAGE, res.output
        assert str(recipe) in flat(res.output) and says in flat(res.output)  # rich-click wraps long messages
        assert not (tmp_path / "o").exists()
    recipe.write_text('[build]\nworkers = 0\n')  # checked by BuildConfig, as the flag is
    res = CliRunner().invoke(main, ["build", "--recipe", str(recipe), "--out", str(tmp_path / "o")])
    assert res.exit_code == USAGE and "--workers must be at least 1" in res.output
    with pytest.raises(ConfigError, match=f"{recipe}: unknown"):
        recipe.write_text('[build]\nnope = 1\n')
        read_recipe(recipe)


@pytest.mark.parametrize(("error", "code", "says"), [(ConfigError("bad value"), USAGE, "error: bad value"),
                                                     (DataError("bad row"), USAGE, "error: bad row"),
                                                     (SandboxError("no bwrap"), INFRASTRUCTURE,
                                                      "infrastructure error: no bwrap")])
def test_one_error_handler_for_every_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, error: Exception,
                                             code: int, says: str) -> None:
    def fail(*a: Any, **kw: Any) -> Any:
        raise error

    monkeypatch.setattr("irgroups.pipeline.build", fail)
    monkeypatch.setattr("irgroups.evaluate.rendered.rendered_rows", fail)
    monkeypatch.setattr("irgroups.summary.summarise_run", fail)
    monkeypatch.setattr("irgroups.report.build_report", fail)
    calls = [["build", "--out", str(tmp_path / "b")],
             ["eval", "--benchmark", "irgroups:rust", "--out", str(tmp_path / "e")],
             ["stats", str(tmp_path)],
             ["report", str(tmp_path)]]
    for args in calls:
        res = CliRunner().invoke(main, args)
        assert res.exit_code == code, (args, res.output)
        assert says in res.output and "Traceback" not in res.output
    # a command invoked on its own (as tests and scripts do) has the same handler
    assert CliRunner().invoke(stats, [str(tmp_path)]).exit_code == code


def test_exit_codes_are_in_the_help_and_the_readme() -> None:
    res = CliRunner().invoke(main, ["--help"])
    readme = (ROOT / "README.md").read_text()
    assert res.exit_code == 0
    for code, text in EXIT_CODES.items():
        assert f"{code}  {text}" in res.output
        assert f"| {code} | {text} |" in readme


def test_sandbox_option_on_every_command_that_runs_code() -> None:
    commands = {name: main.commands[name] for name in ("build", "eval", "execute", "llvm-groups", "train")}
    sandbox_group = main.commands["sandbox"]
    assert isinstance(sandbox_group, click.Group)
    commands["sandbox check"] = sandbox_group.commands["check"]
    for name, command in commands.items():
        opt = next((p for p in command.params if p.name == "sandbox"), None)
        assert isinstance(opt, click.Option) and opt.opts == ["--sandbox"], name
        assert isinstance(opt.type, click.Choice) and list(opt.type.choices) == ["local", "docker"], name
        assert opt.default in ("local", None), name  # train: None = TrainConfig's default (local)
    assert make_config(None, data="d", model="m").sandbox == "local"
    assert make_config(None, data="d", model="m", sandbox="docker").sandbox == "docker"
    with pytest.raises(ConfigError, match="--sandbox must be one of local, docker"):
        make_config(None, data="d", model="m", sandbox="podman")


# --- help in panels, eval's options, recipes by name -----------------------------------------------------------

def flat(text: str) -> str:
    """--help's text with its lines joined and its whitespace collapsed."""
    return " ".join(text.split())


def panels_of(help_text: str) -> dict[str, str]:
    """`--help` as rich-click draws it -> {option: the title of the panel it is listed in}."""
    where: dict[str, str] = {}
    title = None
    for line in help_text.splitlines():
        heading = re.match(r"\s*─+ (.+?) ─+\s*$", line)
        if heading:
            title = heading.group(1)
            continue
        option = re.match(r"  (?:\*  |   )?(?:(-\w)(?:, | |$))?(--[\w-]+)?", line)  # [*] [-v, ][--verbose]
        if option and title:
            for name in filter(None, option.groups()):
                where[name] = title
    return where


BUILD_PANELS = ["Input and output", "Targets", "Sandbox and limits", "Run management", "Executor",
                "Candidates from a model"]


def test_build_help_lists_every_option_in_its_fields_panel_with_its_whole_help() -> None:
    res = run("build", "--help")
    assert res.returncode == 0, res.stderr
    where = panels_of(res.stdout)
    # the panels in this order, then click's own (--help)
    assert list(dict.fromkeys(where.values())) == [*BUILD_PANELS, "Options"]
    assert where["--recipe"] == "Input and output" and where["--help"] == "Options"
    text = flat(res.stdout)
    for f in fields(BuildConfig):
        flag = "--" + option_name(f).replace("_", "-")
        assert f.metadata.get("panel") in BUILD_PANELS, f.name  # a new field needs a panel
        assert where.get(flag) == f.metadata["panel"], flag
        assert flat(f.metadata["help"]) in text, f.name  # whole: no border or cut inside a wrapped help


def test_train_help_has_panels_and_every_option_in_one() -> None:
    from irgroups.training.config import TrainConfig

    res = run("train", "--help")
    assert res.returncode == 0, res.stderr
    where = panels_of(res.stdout)
    assert where["--preset"] == "Preset" and where["--no-progress"] == "Run management"
    text = flat(res.stdout)
    for f in fields(TrainConfig):
        assert where.get("--" + f.name.replace("_", "-")) == f.metadata["panel"], f.name
        assert flat(f.metadata["help"]) in text, f.name


def test_eval_help_explains_every_option() -> None:
    command = main.commands["eval"]
    res = run("eval", "--help")
    assert res.returncode == 0, res.stderr
    text, where = flat(res.stdout), panels_of(res.stdout)
    options = [p for p in command.params if isinstance(p, click.Option)]
    for p in options:
        assert p.help, p.name
        assert flat(p.help) in text, p.name
        assert where.get(p.opts[0]) in ("Benchmarks and output", "Candidates from a model", "Sandbox and limits"), p.name
    names = {p.name for p in options}
    assert {"concurrency", "stop", "sandbox", "workers", "backend", "model", "base_url"} <= names
    # the options `build` has too are build's: the same help, and --stop repeatable
    build_help = {option_name(f): f.metadata["help"] for f in fields(BuildConfig)}
    by_name = {p.name: p for p in options}
    for name in ("model", "top_p", "stop", "base_url", "concurrency", "sandbox"):
        assert by_name[name].help == build_help[name], name
    assert by_name["stop"].multiple and by_name["concurrency"].default == 16
    assert where["--concurrency"] == where["--stop"] == "Candidates from a model"
    assert where["--sandbox"] == where["--workers"] == "Sandbox and limits"


def test_eval_passes_stop_concurrency_workers_and_sandbox_on(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    from types import SimpleNamespace

    seen: dict[str, Any] = {}

    class Engine:
        def generate(self, requests: list[Any], on_answer: Any) -> None:
            for req, samples in requests:
                for i in samples:
                    on_answer(req, i, f"answer {i}")

        def close(self) -> None:
            seen["closed"] = True

    def make_backend(name: str, model: str, settings: SamplingSettings, **options: Any) -> Engine:
        seen.update(backend=name, model=model, settings=settings, options=options)
        return Engine()

    def execute_rows(rows: list[Any], **kw: Any) -> list[dict[str, Any]]:
        seen.update(completions=[r.completions for r in rows], execute=kw)
        return []

    monkeypatch.setattr("irgroups.evaluate.rendered.rendered_rows",
                        lambda *a: [SimpleNamespace(prompt="fn f() {", completions=[])])
    monkeypatch.setattr("irgroups.generate.backends.make_backend", make_backend)
    monkeypatch.setattr("irgroups.evaluate.execute_rows", execute_rows)
    args = ["eval", "--benchmark", "irgroups:rust", "--out", str(tmp_path / "e"), "--backend", "openai",
            "--model", "m", "--samples", "2", "--stop", "\n}", "--stop", "END", "--concurrency", "3",
            "--workers", "5", "--sandbox", "docker"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    assert seen["settings"] == SamplingSettings(samples=2, temperature=0.2, top_p=0.95, max_new_tokens=512,
                                                seed=0, stop=("\n}", "END"))
    assert seen["options"] == {"base_url": "http://127.0.0.1:8000/v1", "concurrency": 3}  # as build gives them
    assert seen["completions"] == [["answer 0", "answer 1"]] and seen["closed"]
    assert (seen["execute"]["workers"], seen["execute"]["sandbox"]) == (5, "docker")
    for flag in ("--concurrency", "--workers"):
        bad = CliRunner().invoke(main, [*args, flag, "0"])
        assert bad.exit_code == USAGE and f"{flag} must be at least 1, got 0" in bad.output


def test_recipe_by_the_name_of_a_shipped_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from irgroups.cli.options import recipe_path
    from irgroups.paths import pipelines_dir

    shipped = pipelines_dir()
    assert shipped is not None and recipe_path("default") == shipped / "default.toml"
    seen = _captured_build(monkeypatch)
    res = CliRunner().invoke(main, ["build", "--recipe", "default"])
    assert res.exit_code == 0, res.output
    assert seen[-1] == BuildConfig.from_options(read_recipe(shipped / "default.toml"))
    # a name is looked up among the shipped recipes, in the package's pipelines folder
    folder = tmp_path / "pipelines"
    folder.mkdir()
    (folder / "small.toml").write_text('[build]\nlangs = "python"\nmutants = 1\nout = "runs/small"\n')
    (folder / "other.toml").write_text("[build]\n")
    monkeypatch.setattr("irgroups.cli.options.pipelines_dir", lambda: folder)
    res = CliRunner().invoke(main, ["build", "--recipe", "small", "--mutants", "3"])
    assert res.exit_code == 0, res.output
    assert (seen[-1].langs, seen[-1].mutants_per_reference, seen[-1].out) == ("python", 3, Path("runs/small"))
    # a file path still wins over a name
    (tmp_path / "small").write_text('[build]\nlangs = "go"\n')
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["build", "--recipe", "small"]).exit_code == 0
    assert seen[-1].langs == "go"


def test_an_unknown_recipe_name_lists_the_shipped_ones(tmp_path: Path) -> None:
    res = run("build", "--recipe", "defualt", "--out", str(tmp_path / "o"))
    assert res.returncode == USAGE
    assert "no shipped recipe of that name; shipped recipes: default" in flat(res.stderr)
    assert not (tmp_path / "o").exists()


@pytest.mark.docker
def test_sandbox_check_checks_the_chosen_backend() -> None:
    res = run("sandbox", "check", "--sandbox", "docker")
    if "docker not found" in res.stdout or "daemon" in res.stdout:
        pytest.skip("no docker engine here")
    assert res.returncode in (0, 1), res.stderr
    assert "(docker)" in res.stdout and "irgroups-sandbox-rust:" in res.stdout
    assert ("missing" in res.stdout) == (res.returncode == 1)


def test_options_come_from_the_environment_and_the_log_level_from_v_q(tmp_path: Path) -> None:
    env = {**os.environ, "IRGROUPS_BUILD_LIMIT": "2", "IRGROUPS_BUILD_LANGS": "python", "IRGROUPS_BUILD_AMPLIFY": "0"}
    res = subprocess.run([sys.executable, "-m", "irgroups.cli", "-q", "build", "--out", str(tmp_path / "run"),
                          "--no-progress", "--limit", "1"], capture_output=True, text=True, env=env, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    config = json.loads((tmp_path / "run" / "config.json").read_text())
    assert config["limit"] == 1 and config["langs"] == ["python"] and config["amplify"] == 0  # the flag wins
    main_help = subprocess.run([sys.executable, "-m", "irgroups.cli", "--help"], capture_output=True, text=True).stdout
    assert "IRGROUPS_BUILD_WORKERS" in main_help and "-q, --quiet" in main_help


def test_sandbox_check_says_which_cgroup_hierarchy(tmp_path: Path) -> None:
    from irgroups.sandbox.local import cgroup_version

    layouts = {"none": [], "v1": ["memory/"], "v2": ["cgroup.controllers"],
               "hybrid": ["memory/", "unified/cgroup.controllers"]}
    for expected, entries in layouts.items():
        root = tmp_path / expected
        root.mkdir()
        for e in entries:
            target = root / e
            target.parent.mkdir(parents=True, exist_ok=True)
            target.mkdir() if e.endswith("/") else target.write_text("memory pids\n")
        assert cgroup_version(root) == expected
    res = subprocess.run([sys.executable, "-m", "irgroups.cli", "sandbox", "check"], capture_output=True, text=True,
                         env={**os.environ, "COLUMNS": "200"}, timeout=300)
    assert f"cgroup {cgroup_version()} hierarchy" in " ".join(res.stdout.split())
    assert "rust crates for HumanEval-X" in res.stdout
