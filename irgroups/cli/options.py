"""Click options generated from a config dataclass's fields (BuildConfig, TrainConfig), and `--recipe`.

Each option is a rich-click `RichOption` listed in the `--help` panel its field names (`opt(..., panel=)`)."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import MISSING, Field, fields
from pathlib import Path
from typing import Any, TypeVar

import click
from rich_click import RichOption

from irgroups.config import INPUT, field_default, option_name, read_recipe
from irgroups.errors import ConfigError
from irgroups.paths import pipelines_dir

F = TypeVar("F", bound=Callable[..., Any])
_TYPES: dict[Any, Any] = {int: int, float: float, str: str, Path: click.Path(path_type=Path)}


def config_options(cls: type, *, defaults: bool = True) -> Callable[[F], F]:
    """One option per field of the dataclass `cls`: name, help and choices from its metadata (`opt`).

    defaults=True: the option's default is the field's, shown in --help. defaults=False: every option
    defaults to None ("not given": a preset or the field fills it) and the help names the field's default."""
    hints = typing.get_type_hints(cls)

    def decorate(fn: F) -> F:
        for f in reversed(fields(cls)):
            fn = field_option(f, hints[f.name], defaults=defaults)(fn)
        return fn

    return decorate


def field_option(f: Field[Any], hint: Any, *, defaults: bool = True, **overrides: Any) -> Callable[[F], F]:
    """The click option of one config field; `overrides` replace click.option's keywords (e.g. `panel`)."""
    name = option_name(f)
    flag = "--" + name.replace("_", "-")
    default = field_default(f)
    kw: dict[str, Any] = {"help": f.metadata["help"], "cls": RichOption, "panel": f.metadata.get("panel")}
    base = _without_none(hint)
    if f.metadata.get("from_file"):
        # the field holds the file's text; no option given = the field's default
        return click.option(flag, name, type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
                            **{**kw, **overrides})
    # a switch that is off by default is one flag (--overwrite); one that is on, or unset (presets), has both
    both = base is bool and not (defaults and default is False)
    decls = [f"{flag}/--no-{flag[2:]}" if both else flag, name]
    if base is bool and not both:
        kw["is_flag"] = True
    if base is not bool:
        kw["type"] = click.Choice(f.metadata["choices"]) if "choices" in f.metadata else _TYPES.get(base, str)
    if base == tuple[str, ...]:
        kw["multiple"] = True
    if defaults:
        kw["default"] = default
        kw["show_default"] = default not in (None, (), False)
    else:
        kw["default"] = None
        kw["required"] = f.default is MISSING and f.default_factory is MISSING
        if default is not None:
            kw["help"] += f"  [default: {default}]"
    return click.option(*decls, **{**kw, **overrides})


def option_of(cls: type, field_name: str, panel: str | None = None) -> Callable[[F], F]:
    """One field's option alone, e.g. BuildConfig's `--sandbox` on the commands that run code: the same
    name, type, choices, default and help. Its `--help` panel is `panel` (none: the command's Options)."""
    f = next(f for f in fields(cls) if f.name == field_name)
    return field_option(f, typing.get_type_hints(cls)[field_name], panel=panel)


def _without_none(hint: Any) -> Any:
    """`int | None` -> int."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def shipped_recipes() -> dict[str, Path]:
    """The recipes shipped with irgroups (pipelines/*.toml, in a wheel irgroups/_pipelines), by name."""
    folder = pipelines_dir()
    return {p.stem: p for p in sorted(folder.glob("*.toml"))} if folder else {}


def recipe_path(value: str) -> Path:
    """`--recipe`'s value: a file, else the name of a shipped recipe (`default`); neither is a ConfigError
    naming the shipped ones."""
    path = Path(value)
    if path.is_file():
        return path
    shipped = shipped_recipes()
    if value in shipped:
        return shipped[value]
    if path.exists():
        raise ConfigError(f"{value} is not a file")
    names = ", ".join(shipped) or "none (pipelines/ is missing from this install)"
    raise ConfigError(f"no recipe file {value} and no shipped recipe of that name; shipped recipes: {names}")


def _load_recipe(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    """A recipe's [build] table becomes this command's defaults; each value is checked as its flag's would be."""
    if value is None:
        return None
    try:
        path = recipe_path(value)
        table = read_recipe(path)
    except ConfigError as e:
        raise click.BadParameter(str(e)) from None
    params = {p.name: p for p in ctx.command.params}
    for key, v in table.items():
        try:
            params[key].type_cast_value(ctx, v)
        except click.BadParameter as e:
            raise click.BadParameter(f"{path}: [build] {key} = {v!r}: {e.message}") from None
    ctx.default_map = {**(ctx.default_map or {}), **table}
    return path


recipe_option = click.option(
    "--recipe", metavar="FILE|NAME", is_eager=True, expose_value=False, callback=_load_recipe, cls=RichOption,
    panel=INPUT,
    help="A pipeline recipe: a TOML file, or the name of one shipped with irgroups (`default` is "
         "pipelines/default.toml, inside the package when installed). Its [build] table (keys: these options' "
         "names, with _) sets defaults for these options; options given here win.")
