"""Prompt templates, all in one place. A pipeline recipe may override them."""

from __future__ import annotations

from irgroups import languages
from irgroups.problems.model import STDIO, Problem


def display_name(lang: str) -> str:
    """How a prompt names the language `lang` (itself, for one not registered)."""
    try:
        return languages.get(lang).display_name
    except ValueError:
        return lang


TRANSLATE = """\
Translate the following {source_name} code into {target_name}.

```{source_lang}
{source_code}
```

Your {target_name} code must define this function{where}:

```{target_lang}
{signature}
```

Answer with the complete {target_name} code in one fenced code block."""


TRANSLATE_PROGRAM = """\
Translate the following {source_name} program into {target_name}. It reads its input from standard \
input and writes its answer to standard output; your program must read the same input and print \
exactly the same output.

```{source_lang}
{source_code}
```

Answer with the complete {target_name} program, with its entry point, in one fenced code block."""


def translation_prompt(problem: Problem, target: str, template: str = TRANSLATE) -> str:
    """The translation prompt of `problem` into `target`. A stdio problem (a whole program) gets
    TRANSLATE_PROGRAM where the run uses the default template; a custom template gets an empty
    {signature} for it."""
    lang = languages.get(target)
    if problem.kind == STDIO:
        if template == TRANSLATE:
            template = TRANSLATE_PROGRAM
        return template.format(source_name=display_name(problem.source_lang), source_lang=problem.source_lang,
                               source_code=problem.source_code.strip(), target_name=lang.display_name,
                               target_lang=lang.name, signature="", where="")
    return template.format(
        source_name=display_name(problem.source_lang),
        source_lang=problem.source_lang,
        source_code=problem.source_code.strip(),
        target_name=lang.display_name,
        target_lang=lang.name,
        signature=lang.signature(problem),
        where=lang.signature_where,
    )
