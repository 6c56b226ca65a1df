"""HumanEval (or any irgroups problem source) rendered into a target language by irgroups
itself: the prompt gives the exact signature, tests are irgroups' own tamper-proof test
programs, the answer is extracted with `generate.extract` and judged with `execute`."""

from __future__ import annotations

from irgroups import languages
from irgroups.evaluate.rows import BenchRow
from irgroups.problems.model import Problem
from irgroups.problems.sources import load

IRGROUPS = "irgroups"

PROMPT = ("Implement this function in {lang}. Keep exactly this signature:\n\n{signature}\n\n"
          "It must behave like this Python reference description:\n\n```python\n{source}\n```\n\n"
          "Answer with the complete {lang} code in one fenced block.")


def rendered_rows(langs: str, source: str = "humaneval", limit: int | None = None) -> list[BenchRow]:
    problems = load(source).problems[:limit]
    rows = []
    for lang in languages.parse_list(langs):
        for p in problems:
            signature = lang.signature(p)
            prompt = PROMPT.format(lang=lang.name, signature=signature, source=_description(p))
            rows.append(BenchRow(IRGROUPS, p.problem_id, lang.name, prompt, "", [], {"problem": p}))
    return rows


def _description(p: Problem) -> str:
    """The source up to its docstring's end: the description without the solution, when there is one."""
    code = p.source_code
    for quote in ('"""', "'''"):
        first = code.find(quote)
        if first != -1:
            end = code.find(quote, first + 3)
            if end != -1:
                return code[:end + 3]
    return code
