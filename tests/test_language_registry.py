"""Adding a language is one module plus registering it (tests/toy_language.py), and nothing
outside irgroups/languages/ knows a language by name."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from irgroups import languages
from irgroups.config import BuildConfig
from irgroups.languages.syntax import rename
from irgroups.paths import slug
from irgroups.pipeline import build
from irgroups.problems.sources import ProblemSet
from irgroups.sandbox.local import LocalSandbox
from irgroups.shards import read_stage
from tests.test_languages import (
    check_complete,
    check_extracts_its_own_code,
    check_placeholders_compile,
)
from tests.toy_language import Snakelet

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def snakelet(tmp_path: Path, humaneval: ProblemSet) -> Iterator[Snakelet]:
    """The toy language, registered for one test, with references of its own: the first
    problems' Python sources with the entry renamed as Snakelet names it."""
    lang = Snakelet()
    lang.references_dir = tmp_path / "references"
    lang.references_dir.mkdir()
    for p in humaneval.problems[:4]:
        code = rename(lang.parse, p.source_code, p.entry_point, lang.function_name(p.entry_point))
        (lang.references_dir / f"{slug(p.problem_id)}.{lang.extension}").write_text(code)
    languages.register(lang)
    try:
        yield lang
    finally:
        languages.unregister(lang.name)


def test_a_registered_language_passes_conformance(snakelet: Snakelet, humaneval: ProblemSet,
                                                  sandbox: LocalSandbox) -> None:
    assert languages.get("snk") is snakelet and languages.parse_list("snakelet,rust")[0] is snakelet
    check_complete(snakelet)
    check_extracts_its_own_code(snakelet, humaneval.problems[0])
    check_placeholders_compile(snakelet, humaneval.problems[:40], sandbox, 40)


def test_registration_is_undone_and_names_stay_unique() -> None:
    assert "snakelet" not in languages.LANGUAGES
    with pytest.raises(ValueError, match="unknown language 'snk'"):
        languages.get("snk")
    clash = Snakelet()
    clash.aliases = ("rs",)
    with pytest.raises(ValueError, match="already taken"):
        languages.register(clash)
    assert "snakelet" not in languages.LANGUAGES


def test_a_registered_language_builds(snakelet: Snakelet, tmp_path: Path) -> None:
    out = tmp_path / "run"
    build(BuildConfig(out=str(out), langs=snakelet.name, limit=2, mutants_per_reference=1, amplify=0,
                      progress=False, workers=2), log=lambda _: None)
    candidates = read_stage(out, "candidates").to_pylist()
    assert {c["lang"] for c in candidates} == {"snakelet"}
    refs = [c for c in candidates if c["origin"] == "reference"]
    assert len(refs) == 2
    labels = {r["candidate_id"]: r for r in read_stage(out, "labels").to_pylist()}
    assert all(labels[c["candidate_id"]]["equivalent"] for c in refs), labels
    groups = read_stage(out, "groups").to_pylist()
    members = [m for g in groups for m in g["equivalent"] + g["inequivalent"]]
    assert groups and all(m["lang"] == "snakelet" for m in members)
    assert all(g["lang"] == "snakelet" and g["langs"] == ["snakelet"] and "Snakelet" in g["prompt"] for g in groups)


# ---- no language name outside irgroups/languages/ ------------------------------------------

def _modules(*tops: str) -> list[Path]:
    return sorted(p for top in tops for p in (ROOT / top).rglob("*.py"))


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if isinstance(node, ast.ImportFrom) and node.module:
        return [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    return []


def _imports_languages(tree: ast.AST) -> list[int]:
    return [node.lineno for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
            and any(m == "irgroups.languages" or m.startswith("irgroups.languages.") for m in _imported(node))]


def _name_literals(tree: ast.AST, names: set[str]) -> list[tuple[int, str]]:
    """Where a language name is compared with, keys a dict, or is matched."""
    def named(node: ast.AST | None) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.lower() in names:
            return [node.value]
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return [v for e in node.elts for v in named(e)]
        return []

    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            found += [(node.lineno, v) for side in (node.left, *node.comparators) for v in named(side)]
        elif isinstance(node, ast.Dict):
            found += [(node.lineno, v) for k in node.keys for v in named(k)]
        elif isinstance(node, ast.MatchValue):
            found += [(node.lineno, v) for v in named(node.value)]
    return found


def test_the_sandbox_imports_no_language() -> None:
    bad = {_rel(p): lines for p in _modules("irgroups/sandbox")
           if (lines := _imports_languages(ast.parse(p.read_text())))}
    assert not bad, f"modules under irgroups/sandbox/ import irgroups.languages (lines): {bad}"


def test_no_module_outside_languages_branches_on_a_language_name() -> None:
    names = {n.lower() for lang in languages.LANGUAGES.values() for n in (lang.name, *lang.aliases)}
    bad: dict[str, list[tuple[int, str]]] = {}
    for p in _modules("irgroups", "training"):
        rel = _rel(p)
        if rel.startswith("irgroups/languages/"):
            continue
        found = _name_literals(ast.parse(p.read_text()), names)
        if found:
            bad[rel] = found
    assert not bad, f"language names outside irgroups/languages/ (line, name): {bad}"
