"""Target languages. One module each; register it in LANGUAGES and nothing else changes."""

from __future__ import annotations

from irgroups.errors import ConfigError
from irgroups.languages.base import Language
from irgroups.languages.cpp import Cpp
from irgroups.languages.csharp import CSharp
from irgroups.languages.go import Go
from irgroups.languages.python import Python
from irgroups.languages.rust import Rust

LANGUAGES: dict[str, Language] = {lang.name: lang for lang in (Python(), Cpp(), Rust(), Go(), CSharp())}
_ALIASES = {alias: lang.name for lang in LANGUAGES.values() for alias in (lang.name, *lang.aliases)}


def get(name: str) -> Language:
    """A language by id or alias (`rs`, `cs`, `golang`...)."""
    key = name.strip().lower()
    if key not in _ALIASES:
        known = ", ".join(sorted(LANGUAGES))
        raise ConfigError(f"unknown language {name!r}; known: {known} (aliases: {', '.join(sorted(set(_ALIASES) - set(LANGUAGES)))})")
    return LANGUAGES[_ALIASES[key]]


def parse_list(text: str) -> list[Language]:
    """`rust,go,cs` -> languages, in order, without repeats."""
    out: list[Language] = []
    for part in text.split(","):
        if part.strip():
            lang = get(part)
            if lang not in out:
                out.append(lang)
    if not out:
        raise ConfigError("no language given; e.g. --langs rust,go,csharp")
    return out


# last: it reads the registry above, and hands the sandboxes their default runtimes
from irgroups.languages import toolchains  # noqa: E402

__all__ = ["LANGUAGES", "Language", "get", "parse_list", "toolchains"]
