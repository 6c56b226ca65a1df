"""The exit codes of every `irgroups` command, and the one handler that maps errors to them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from irgroups.errors import IrgroupsError, SandboxError

OK = 0
CHECK_FAILED = 1  # `sandbox check`: a toolchain, an image or the sandbox itself is missing
USAGE = 2  # a bad option, recipe, input file or run directory (IrgroupsError); click's usage errors too
SANDBOX_VERDICTS = 3  # `build` finished, but some verdicts are sandbox_error (they get no label)
INFRASTRUCTURE = 4  # SandboxError: the sandbox or a toolchain is unusable; nothing was judged

EXIT_CODES = {
    OK: "success",
    CHECK_FAILED: "`sandbox check` found something missing",
    USAGE: "bad option, recipe, input file or run directory (the message says which)",
    SANDBOX_VERDICTS: "`build` finished, but some verdicts were sandbox_error (no label; see the summary)",
    INFRASTRUCTURE: "the sandbox or a toolchain is unusable (infrastructure error; nothing was judged)",
}


def epilog() -> str:
    """The exit codes as `--help` shows them (\\b keeps click from re-wrapping the lines)."""
    return "\b\nExit codes:\n" + "\n".join(f"  {code}  {text}" for code, text in EXIT_CODES.items())


@contextmanager
def handled() -> Iterator[None]:
    """An IrgroupsError becomes one clear line on stderr and its exit code, instead of a traceback."""
    try:
        yield
    except SandboxError as e:
        click.echo(f"infrastructure error: {e}", err=True)
        raise SystemExit(INFRASTRUCTURE) from None
    except IrgroupsError as e:
        click.echo(f"error: {e}", err=True)
        raise SystemExit(USAGE) from None


class Command(click.Command):
    """Every irgroups command: its body runs inside `handled`, however it is invoked (the group or a test)."""

    def invoke(self, ctx: click.Context) -> Any:
        with handled():
            return super().invoke(ctx)


class Group(click.Group):
    """Its commands are `Command`s and its subgroups `Group`s."""

    command_class = Command
    group_class = type
