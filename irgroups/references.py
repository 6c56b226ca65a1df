"""Reference translations bundled under data/references/<lang>/<problem slug>.<ext>.

    python -m irgroups.references check rust [HumanEval/0 ...] [--sandbox docker]

runs each reference on its problem's tests and prints the verdicts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from irgroups import languages
from irgroups.paths import data_dir, slug
from irgroups.problems.model import Problem


def _folder(language: languages.Language) -> Path:
    return language.references_dir or data_dir() / "references" / language.name


def reference_path(problem_id: str, lang: str) -> Path:
    language = languages.get(lang)
    return _folder(language) / f"{slug(problem_id)}.{language.extension}"


def load(problem: Problem, lang: str) -> str | None:
    """The bundled translation; for the problem's own source language, its source."""
    path = reference_path(problem.problem_id, lang)
    if path.exists():
        return path.read_text()
    if languages.get(lang).name == problem.source_lang:
        return problem.source_code
    return None


def available(lang: str) -> list[str]:
    language = languages.get(lang)
    folder = _folder(language)
    return sorted(p.stem for p in folder.glob(f"*.{language.extension}")) if folder.is_dir() else []


def _main(argv: list[str]) -> int:
    from irgroups.problems import sources
    from irgroups.verifier import Item, Verifier

    if len(argv) < 2 or argv[0] != "check":
        print(__doc__)
        return 2
    sandbox = "local"
    if "--sandbox" in argv:
        at = argv.index("--sandbox")
        sandbox = argv[at + 1] if at + 1 < len(argv) else "local"
        argv = argv[:at] + argv[at + 2:]
    lang = languages.get(argv[1])
    wanted = set(argv[2:])
    problems = {p.problem_id: p for p in sources.load("humaneval").problems}
    todo = [Item(p, lang.name, load(p, lang.name) or "") for p in problems.values()
            if (not wanted or p.problem_id in wanted) and load(p, lang.name)]
    bad = 0
    with Verifier(sandbox, [lang.name], workers=2) as verifier:
        for item, v in zip(todo, verifier.verify_all(todo)):
            ok = v.status == "passed"
            bad += not ok
            print(f"{item.problem.problem_id:16} {v.status:14} {v.tests_passed}/{v.tests_total}"
                  + ("" if ok else "\n" + v.stderr_tail[-1500:]))
    print(f"{len(todo) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
