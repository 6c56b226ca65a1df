"""Reference translations bundled under data/references/<lang>/<problem slug>.<ext>.

    python -m irgroups.references check rust [HumanEval/0 ...] [--sandbox docker] [--amplify N]

    python -m irgroups.references show rust HumanEval/53 [...]

`check` runs each reference on its problem's tests and prints the verdicts. With `--amplify N` the
problems first get up to N amplified tests each (as `build --amplify N` makes them, before the
guard drops what a reference fails), and each failing test is printed with its arguments, the
expected value and the reference's outcome.
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


def _option(argv: list[str], name: str, default: str) -> tuple[str, list[str]]:
    if name not in argv:
        return default, argv
    at = argv.index(name)
    return (argv[at + 1] if at + 1 < len(argv) else default), argv[:at] + argv[at + 2:]


def _show(lang_name: str, ids: list[str]) -> int:
    """What a translator needs: the source, the tests, and the signature the harness calls."""
    from irgroups.problems import sources

    lang = languages.get(lang_name)
    for p in sources.load("humaneval,bundled").problems:
        if p.problem_id in ids:
            print(f"# {p.problem_id} -> {reference_path(p.problem_id, lang.name)}")
            print(p.source_code)
            print(f"# {len(p.tests)} tests, e.g. " + "; ".join(
                f"{list(t.args)!r:.120} -> {t.expected!r:.80}" for t in p.tests[:3]))
            print(f"# {lang.name} signature:\n{lang.signature(p)}\n")
    return 0


def _main(argv: list[str]) -> int:
    from dataclasses import replace

    from irgroups.amplify.inputs import amplify_inputs
    from irgroups.amplify.oracle import answer_inputs
    from irgroups.problems import sources
    from irgroups.verifier import Item, Verifier

    if len(argv) >= 2 and argv[0] == "show":
        return _show(argv[1], argv[2:])
    if len(argv) < 2 or argv[0] != "check":
        print(__doc__)
        return 2
    sandbox, argv = _option(argv, "--sandbox", "local")
    amplify, argv = _option(argv, "--amplify", "0")
    lang = languages.get(argv[1])
    wanted = set(argv[2:])
    chosen = [p for p in sources.load("humaneval,bundled").problems
              if (not wanted or p.problem_id in wanted) and load(p, lang.name)]
    bad = 0
    with Verifier(sandbox, [lang.name], workers=2) as verifier:
        if int(amplify) > 0:
            jobs = [(p, amplify_inputs(p, int(amplify), 0)) for p in chosen]
            chosen = [replace(p, amplified=tuple(tests)) for p, (tests, _) in zip(chosen, answer_inputs(jobs, verifier))]
        todo = [Item(p, lang.name, load(p, lang.name) or "") for p in chosen]
        for item, v in zip(todo, verifier.verify_all(todo)):
            ok = v.status == "passed"
            bad += not ok
            print(f"{item.problem.problem_id:16} {v.status:14} {v.tests_passed}/{v.tests_total}")
            if not ok:
                tests = item.problem.all_tests
                for i, outcome in enumerate(v.test_outcomes):
                    if outcome != "pass" and i < len(tests):
                        kind = "original" if i < len(item.problem.tests) else "amplified"
                        print(f"    {kind} test {i}: args={list(tests[i].args)!r:.300} "
                              f"expected={tests[i].expected!r:.200} -> {outcome}")
                print("    " + v.stderr_tail[-1200:].replace("\n", "\n    "))
    print(f"{len(todo) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
