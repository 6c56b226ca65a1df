"""Prompt templates, all in one place. A pipeline recipe may override them."""

from __future__ import annotations

from irgroups import languages
from irgroups.problems.model import Problem


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


def translation_prompt(problem: Problem, target: str, template: str = TRANSLATE) -> str:
    lang = languages.get(target)
    return template.format(
        source_name=display_name(problem.source_lang),
        source_lang=problem.source_lang,
        source_code=problem.source_code.strip(),
        target_name=lang.display_name,
        target_lang=lang.name,
        signature=lang.signature(problem),
        where=lang.signature_where,
    )
