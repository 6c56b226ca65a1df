"""Target languages. One module each; register it in LANGUAGES and nothing else changes."""

from __future__ import annotations

from irgroups.errors import ConfigError
from irgroups.languages.base import Language
from irgroups.languages.cpp import Cpp
from irgroups.languages.csharp import CSharp
from irgroups.languages.go import Go
from irgroups.languages.python import Python
from irgroups.languages.rust import Rust

LANGUAGES: dict[str, Language] = {}
_ALIASES: dict[str, str] = {}  # every name and alias -> the language's name: the one alias table


def register(lang: Language) -> None:
    """Make `lang` known by its name and aliases (to every command, the extractor, prompts...)."""
    names = [n.lower() for n in (lang.name, *lang.aliases)]
    taken = [n for n in names if n in _ALIASES]
    if taken:
        raise ConfigError(f"language {lang.name!r}: name(s) {', '.join(taken)} already taken")
    LANGUAGES[lang.name] = lang
    _ALIASES.update({n: lang.name for n in names})


def unregister(name: str) -> None:
    """Forget the language called `name` (a test's own language, at its end)."""
    lang = LANGUAGES.pop(get(name).name)
    for n in (lang.name, *lang.aliases):
        _ALIASES.pop(n.lower(), None)


for _lang in (Python(), Cpp(), Rust(), Go(), CSharp()):
    register(_lang)


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

__all__ = ["LANGUAGES", "Language", "get", "parse_list", "register", "toolchains", "unregister"]
