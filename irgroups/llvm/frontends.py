"""The LLVM front ends of the registered languages (each language's own, see
irgroups/languages/llvm.py): how the IR member is cut from the test harness."""

from __future__ import annotations

from irgroups import languages
from irgroups.languages.llvm import Frontend, SkipCandidate, Unit

__all__ = ["FRONTENDS", "Frontend", "SkipCandidate", "Unit", "frontends", "link_argv"]


def frontends() -> dict[str, Frontend]:
    """Language name -> its front end, for the languages that have one."""
    return {lang.name: fe for lang in languages.LANGUAGES.values() if (fe := lang.llvm_frontend()) is not None}


FRONTENDS = frontends()


def link_argv(lang: str, obj: str, prog: str) -> list[str]:
    return FRONTENDS[lang].link_argv(obj, prog)
