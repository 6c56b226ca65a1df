"""`pip install irgroups` works outside a checkout: the wheel carries data/, pipelines/ and sandboxes/
(found there by irgroups.paths), and every third-party module irgroups and training import is declared
in pyproject.toml: the ones `irgroups.cli` imports when it loads as core dependencies, the others at
least in a user extra. scripts/wheel_check.sh installs the wheel in a fresh venv and builds groups."""

from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("data", "pipelines", "sandboxes")  # top-level folders of the checkout -> irgroups/_<name> in the wheel
NOT_USER_EXTRAS = {"dev"}  # the test/lint tools: no module of the package may need them


# --- the wheel -------------------------------------------------------------------------------------


def source_files(root: Path) -> list[str]:
    """What the wheel is built from: git's tracked and new (not ignored) files, else everything but
    the usual build and environment folders."""
    try:
        out = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=root, check=True,
                             capture_output=True).stdout.decode()
        return [f for f in out.split("\0") if f and (root / f).is_file()]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", "build", "dist", "runs", "__pycache__"}
        return [str(p.relative_to(root)) for p in root.rglob("*")
                if p.is_file() and not skip & set(p.relative_to(root).parts) and ".egg-info" not in str(p)]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the checkout (no build/ or egg-info left in the checkout)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    for f in source_files(ROOT):
        (src / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / f, src / f)
    try:
        import setuptools

        no_isolation = int(setuptools.__version__.split(".")[0]) >= 77  # pyproject's build requirement
    except ImportError:
        no_isolation = False
    cmd = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(src)]
    res = subprocess.run(cmd + (["--no-build-isolation"] if no_isolation else []), capture_output=True,
                         text=True, timeout=600)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    (whl,) = (tmp / "dist").glob("irgroups-*.whl")
    return whl


def test_wheel_carries_data_recipes_and_sandboxes(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in SHIPPED:
        files = [f for f in source_files(ROOT) if f.startswith(f"{folder}/")]
        assert files, f"{folder}/ is empty in the checkout"
        missing = [f for f in files if f"irgroups/_{f}" not in names]
        assert not missing, f"not in {wheel.name}: {missing[:10]}"
    for f in ("_pipelines/default.toml", "_data/problems/irgroups_bundled.jsonl",
              "_sandboxes/docker/base/build-rootfs.sh", "_sandboxes/docker/rust/Dockerfile",
              "_sandboxes/local/packages.txt"):
        assert f"irgroups/{f}" in names, f
    # every language with references has them in the wheel
    langs = {p.name for p in (ROOT / "data" / "references").iterdir() if p.is_dir()}
    assert langs and all(any(n.startswith(f"irgroups/_data/references/{lang}/") for n in names) for lang in langs)
    # the wheel holds the package and nothing at the top of site-packages but its metadata
    assert {n.split("/")[0] for n in names} == {"irgroups", wheel.name.split("-py3")[0] + ".dist-info"}


def test_installed_layout_is_found(wheel: Path, tmp_path: Path) -> None:
    """irgroups.paths and the Docker image definitions find the wheel's copies once it is unpacked
    into a site-packages that is not a checkout (python -S: no editable install in sight)."""
    site = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import json, irgroups.paths as p, irgroups.sandbox.docker.images as i; "
            "print(json.dumps([p.__file__, str(p.data_dir()), str(p.pipelines_dir()), str(p.sandboxes_dir()), "
            "str(i.definitions_dir())]))")
    env = {k: v for k, v in os.environ.items() if k not in ("IRGROUPS_DATA", "IRGROUPS_SANDBOXES")}
    env["PYTHONPATH"] = str(site)
    res = subprocess.run([sys.executable, "-S", "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    module, data, pipelines, sandboxes, docker = eval(res.stdout)  # a JSON list of strings is a Python literal
    pkg = site / "irgroups"
    assert Path(module).parent == pkg
    assert (data, pipelines, sandboxes, docker) == (
        str(pkg / "_data"), str(pkg / "_pipelines"), str(pkg / "_sandboxes"), str(pkg / "_sandboxes" / "docker"))
    # IRGROUPS_DATA still wins
    env["IRGROUPS_DATA"] = str(tmp_path)
    res = subprocess.run([sys.executable, "-S", "-c", "import irgroups.paths as p; print(p.data_dir())"],
                         cwd=tmp_path, env=env, capture_output=True, text=True)
    assert res.returncode == 0 and res.stdout.strip() == str(tmp_path), res.stderr


def test_checkout_layout_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    from irgroups import paths
    from irgroups.sandbox.docker import images

    monkeypatch.delenv("IRGROUPS_DATA", raising=False)
    monkeypatch.delenv("IRGROUPS_SANDBOXES", raising=False)
    if (paths.PACKAGE / "_data").is_dir():
        pytest.skip("irgroups is installed from a wheel here")
    assert paths.data_dir() == ROOT / "data"
    assert paths.pipelines_dir() == ROOT / "pipelines"
    assert paths.sandboxes_dir() == ROOT / "sandboxes"
    assert images.definitions_dir() == ROOT / "sandboxes" / "docker"


# --- the imports -----------------------------------------------------------------------------------


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(req: str) -> str:
    m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", req)
    assert m, req
    return canonical(m.group(1))


@dataclass(frozen=True)
class Declared:
    core: frozenset[str]
    extras: dict[str, frozenset[str]]
    package_dir: dict[str, str]  # package -> folder, as setuptools maps them

    @classmethod
    def read(cls, pyproject: Path) -> Declared:
        doc = tomllib.loads(pyproject.read_text())
        project = doc["project"]
        extras = {k: frozenset(map(requirement_name, v))
                  for k, v in project.get("optional-dependencies", {}).items()}
        pdir = doc.get("tool", {}).get("setuptools", {}).get("package-dir", {})
        return cls(frozenset(map(requirement_name, project.get("dependencies", []))), extras, dict(pdir))

    def optional(self) -> frozenset[str]:
        return frozenset().union(*(v for k, v in self.extras.items() if k not in NOT_USER_EXTRAS))


@dataclass(frozen=True)
class Import:
    module: str  # absolute dotted name
    file: Path
    line: int
    eager: bool  # runs when the importing module is imported (module or class level, not TYPE_CHECKING)
    names: tuple[str, ...] = ()  # `from module import names`


DYNAMIC_CALLS = {"import_module", "find_spec", "files"}  # importlib.import_module("x"), resources.files("x")
DYNAMIC_ATTRS = {"tree_sitter_module"}  # a Language's grammar, imported by name


def _guards_import_error(node: ast.Try) -> bool:
    for h in node.handlers:
        types = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]
        if any(isinstance(t, ast.Name) and t.id in ("ImportError", "ModuleNotFoundError") for t in types):
            return True
    return False


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(file: Path, module: str) -> list[Import]:
    """Every import in `file` (the module `module`), with whether it runs at import time."""
    tree = ast.parse(file.read_text(), str(file))
    package = module if file.name == "__init__.py" else module.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, eager: bool) -> None:
        for child in ast.iter_child_nodes(node):
            handle(child, eager)

    def handle(child: ast.AST, eager: bool) -> None:
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            eager = False
        if isinstance(child, ast.Import):
            found.extend(Import(a.name, file, child.lineno, eager) for a in child.names)
        elif isinstance(child, ast.ImportFrom):
            if child.level:
                base = package.split(".")
                base = base[: len(base) - (child.level - 1)]
                name = ".".join([*base, child.module] if child.module else base)
            else:
                name = child.module or ""
            found.append(Import(name, file, child.lineno, eager, tuple(a.name for a in child.names)))
        elif isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute | ast.Name):
            fn = child.func.attr if isinstance(child.func, ast.Attribute) else child.func.id
            arg = child.args[0] if child.args else None
            if fn in DYNAMIC_CALLS and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append(Import(arg.value, file, child.lineno, False))
        elif (isinstance(child, ast.Assign) and isinstance(child.value, ast.Constant)
              and isinstance(child.value.value, str)
              and any(isinstance(t, ast.Name) and t.id in DYNAMIC_ATTRS for t in child.targets)):
            found.append(Import(child.value.value, file, child.lineno, False))
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for stmt in child.body:
                handle(stmt, False)
            for stmt in child.orelse:
                handle(stmt, eager)
        elif isinstance(child, ast.Try) and _guards_import_error(child):
            for stmt in child.body:
                handle(stmt, False)  # optional by construction: the except branch handles its absence
            for part in (child.handlers, child.orelse, child.finalbody):
                for node in part:
                    handle(node, eager)
        else:
            visit(child, eager)

    visit(tree, True)
    return found


class Sources:
    """The first-party modules under `root`, laid out as setuptools' package-dir says."""

    def __init__(self, root: Path, package_dir: dict[str, str], first_party: set[str]) -> None:
        self.root = root
        self.package_dir = package_dir or {name: name for name in first_party}
        self.first_party = first_party

    def file(self, module: str) -> Path | None:
        parts = module.split(".")
        for i in range(len(parts), 0, -1):
            prefix = ".".join(parts[:i])
            if prefix in self.package_dir:
                base = self.root / self.package_dir[prefix] / Path(*parts[i:]) if parts[i:] else \
                    self.root / self.package_dir[prefix]
                for cand in (base / "__init__.py", base.with_suffix(".py")):
                    if cand.is_file():
                        return cand
                return None
        return None

    def modules(self) -> dict[str, Path]:
        """Every module of every mapped package (a subfolder's modules belong to the innermost mapping)."""
        out: dict[str, Path] = {}
        for pkg, folder in sorted(self.package_dir.items(), key=lambda kv: len(kv[1])):
            for f in (self.root / folder).rglob("*.py"):
                rel = f.relative_to(self.root / folder).with_suffix("")
                parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
                name = ".".join([pkg, *parts])
                if self.file(name) == f:
                    out[name] = f
        return out

    def is_first_party(self, module: str) -> bool:
        return module.split(".")[0] in self.first_party

    def eager_closure(self, start: str) -> set[str]:
        """The first-party modules importing `start` imports (parent packages included)."""
        seen: set[str] = set()
        todo = [start]
        while todo:
            mod = todo.pop()
            parts = mod.split(".")
            for i in range(1, len(parts) + 1):
                name = ".".join(parts[:i])
                if name in seen or (file := self.file(name)) is None:
                    continue
                seen.add(name)
                for imp in imports_of(file, name):
                    if imp.eager and self.is_first_party(imp.module):
                        todo.append(imp.module)
                        todo.extend(f"{imp.module}.{n}" for n in imp.names if self.file(f"{imp.module}.{n}"))
        return seen


def distributions(module: str, mapping: dict[str, list[str]]) -> set[str]:
    """The distributions an import name can come from (its own name when none installed provides it)."""
    top = module.split(".")[0]
    return {canonical(d) for d in mapping.get(top, [])} or {canonical(top)}


@dataclass
class Report:
    undeclared: dict[str, list[str]]  # module -> where, imported but in no dependency or user extra
    not_core: dict[str, list[str]]  # module -> where, loaded by the CLI's import but not a core dependency


def check_imports(root: Path, first_party: set[str], cli: str,
                  mapping: dict[str, list[str]] | None = None) -> Report:
    declared = Declared.read(root / "pyproject.toml")
    mapping = importlib.metadata.packages_distributions() if mapping is None else mapping
    src = Sources(root, declared.package_dir, first_party)
    modules = src.modules()
    closure = src.eager_closure(cli)
    report = Report({}, {})
    for name, file in sorted(modules.items()):
        for imp in imports_of(file, name):
            top = imp.module.split(".")[0]
            if not top or top in sys.stdlib_module_names or top == "__future__" or src.is_first_party(imp.module):
                continue
            where = f"{file.relative_to(root)}:{imp.line}"
            dists = distributions(imp.module, mapping)
            if not dists & (declared.core | declared.optional()):
                report.undeclared.setdefault(top, []).append(where)
            elif imp.eager and name in closure and not dists & declared.core:
                report.not_core.setdefault(top, []).append(where)
    return report


def test_every_import_is_declared() -> None:
    report = check_imports(ROOT, {"irgroups"}, "irgroups.cli")
    assert not report.undeclared, f"imported but not in pyproject's dependencies or extras: {report.undeclared}"
    assert not report.not_core, (
        f"imported when irgroups.cli loads but only in an extra (import it lazily or make it core): {report.not_core}")


def test_the_cli_closure_is_what_the_cli_imports() -> None:
    """The static closure covers what `import irgroups.cli` really loads (so the check above sees it)."""
    declared = Declared.read(ROOT / "pyproject.toml")
    closure = Sources(ROOT, declared.package_dir, {"irgroups"}).eager_closure("irgroups.cli")
    code = "import sys, irgroups.cli; print('\\n'.join(m for m in sys.modules if m.startswith('irgroups')))"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert res.returncode == 0, res.stderr
    loaded = set(res.stdout.split())
    assert loaded <= closure, f"loaded by import irgroups.cli, missed by the static closure: {loaded - closure}"
    assert {"irgroups.cli", "irgroups.llvm.tokens", "irgroups.paths"} <= closure


def test_the_import_check_fails_on_an_undeclared_import(tmp_path: Path) -> None:
    """A package whose CLI loads `regex` without declaring it, and imports a test tool lazily."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "toy"\nversion = "0"\ndependencies = ["click>=8"]\n'
        '[project.optional-dependencies]\ntrain = ["torch==2"]\ndev = ["psutil"]\n')
    pkg = tmp_path / "toy"
    (pkg / "cli").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "cli" / "__init__.py").write_text(
        "from typing import TYPE_CHECKING\nimport click\nfrom toy import tokens\n"
        "if TYPE_CHECKING:\n    import torch\n")
    (pkg / "tokens.py").write_text("import os\nimport regex\nfrom .train import lazy\n")
    (pkg / "train.py").write_text(
        "def lazy():\n    import torch\n    import psutil\n"
        "try:\n    import torch\nexcept ImportError:\n    torch = None\n")
    (pkg / "heavy.py").write_text("import torch\n")  # eager, but the CLI never imports it
    mapping = {"click": ["click"], "regex": ["regex"], "torch": ["torch"], "psutil": ["psutil"]}
    report = check_imports(tmp_path, {"toy"}, "toy.cli", mapping)
    assert set(report.undeclared) == {"regex", "psutil"}
    assert report.not_core == {}
    # declared as an extra only: still refused, the CLI imports it when it loads
    (tmp_path / "pyproject.toml").write_text(
        (tmp_path / "pyproject.toml").read_text().replace('dev = ["psutil"]', 'dev = ["psutil"]\nllvm = ["regex"]'))
    report = check_imports(tmp_path, {"toy"}, "toy.cli", mapping)
    assert set(report.undeclared) == {"psutil"}
    assert report.not_core == {"regex": ["toy/tokens.py:2"]}
    # a torch import the CLI loads eagerly is refused too
    (pkg / "tokens.py").write_text("import torch\n")
    report = check_imports(tmp_path, {"toy"}, "toy.cli", mapping)
    assert report.not_core == {"torch": ["toy/tokens.py:1"]}
