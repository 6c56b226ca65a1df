"""The prompt an llvm-ir member answers: translate the source into LLVM IR (as in the paper)."""

from __future__ import annotations

from irgroups.problems.model import Problem
from irgroups.prompts import display_name

LLVM_IR_PROMPT = """\
Translate the following {source_name} code into LLVM IR.

```{source_lang}
{source_code}
```

The IR must define the function `{entry}` for target `{triple}`.

Answer with the complete LLVM IR module in one fenced code block."""


def llvm_prompt(problem: Problem, source_lang: str, source_code: str, entry: str, triple: str,
                template: str = LLVM_IR_PROMPT) -> str:
    return template.format(source_name=display_name(source_lang), source_lang=source_lang,
                           source_code=source_code.strip(), entry=entry, triple=triple)
